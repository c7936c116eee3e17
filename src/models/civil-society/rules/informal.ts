/**
 * The unregistered sector. Groups refused at registration or closed by the state may go on working
 * without registration (founding.ts, statusChanges.ts): they recruit members and advocate (outputs.ts)
 * but get no money from the state, donors or companies. Each month one stops at a hazard raised by the
 * repression in force (unregistered activity is an offence in much of the region: ICNL 2024), or
 * registers, with a chance that falls with the cost and the risk of refusal of registration.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { monthlyFromAnnual } from '../../../engine/stats.ts';
import { INFORMAL } from '../ngos.ts';
import type { Parameters } from '../schema.ts';
import type { ModelState } from '../state.ts';
import { dissolveInformal, registerInformal } from '../statusChanges.ts';

/** Annual chance that an unregistered group registers (pure). */
export function informalRegistration(
  inf: Parameters['informal'],
  cost: number,
  costScale: number,
  rejectionRate: number,
): number {
  return inf.registerRate * (1 - rejectionRate) * Math.exp(-cost / costScale);
}

/** Annual hazard that an unregistered group stops (pure). */
export function informalHazard(inf: Parameters['informal'], repression: number): number {
  return inf.hazard * (1 + inf.repressionHazard * repression);
}

export function informal(state: ModelState, ctx: TickContext): void {
  const { ngos, params, sector, levers } = state;
  if (sector.informal === 0) return;
  const c = ngos.cols;
  const inf = params.informal;
  const u = state.streams.get('informal').uniform;
  const stop = 1 - Math.exp(-informalHazard(inf, sector.repression) / 12);
  const register = monthlyFromAnnual(
    informalRegistration(
      inf,
      levers.registration.cost,
      params.founding.registrationCostScale,
      levers.registration.rejectionRate,
    ),
  );
  for (let i = 0; i < ngos.length; i++) {
    if (c.status[i] !== INFORMAL) continue;
    const x = u();
    if (x < stop) dissolveInformal(state, i, ctx.tick);
    else if (x < stop + register) registerInformal(state, i, ctx.tick);
  }
}
