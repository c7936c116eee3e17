/**
 * Inspections and sanctions. Ministries and akimats inspect NGOs at their rates — more often, as far as
 * inspections are targeted, the advocacy and foreign-funded ones (the dual strategy: Skokova et al.
 * 2018). An inspection ends in a sanction with a chance that grows with the repression in force, with the
 * NGO's autonomy and with advocacy work (closures of advocacy groups: Freedom House 2024), and with the
 * reporting burden for NGOs without capacity; state-created NGOs are audited too, at a lower risk. A
 * sanction deregisters the NGO (a court liquidation; its people may go on unregistered) or fines it and
 * chills its advocacy.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { monthlyFromAnnual } from '../../../engine/stats.ts';
import { ACTIVE, ADVOCACY, STATE_CREATED, isTargeted } from '../ngos.ts';
import type { Parameters } from '../schema.ts';
import type { ModelState } from '../state.ts';
import { forceOut } from '../statusChanges.ts';

/** Chance that an inspection ends in a sanction (pure). */
export function sanctionChance(
  r: Parameters['register'],
  type: number,
  autonomy: number,
  capacity: number,
  repression: number,
  burden: number,
): number {
  const typeRisk =
    type === ADVOCACY ? 1 : type === STATE_CREATED ? r.serviceSanction * r.gongoSanction : r.serviceSanction;
  const p = repression * typeRisk * autonomy + r.burdenSanction * burden * (1 - capacity);
  return p > 1 ? 1 : p;
}

/** Imposes a sanction on NGO i: deregistration with the scenario's chance (u), else a fine and a chill. */
export function sanction(state: ModelState, i: number, tick: number, u: number, uPersist: number): void {
  const c = state.ngos.cols;
  const r = state.params.register;
  state.sector.sanctions++;
  c.sanctions[i]++;
  if (u < r.sanctionClosure) {
    forceOut(state, i, tick, uPersist);
  } else {
    c.reserves[i] *= 1 - r.fine;
    c.chill[i] = Math.min(1, c.chill[i] + r.chill);
  }
}

/** The reporting burden in force: the lever, lightened by real consultation (pure). */
export function burdenInForce(burden: number, influence: number, rulesEffect: number): number {
  return burden * (1 - rulesEffect * influence);
}

export function inspections(state: ModelState, ctx: TickContext): void {
  const { ngos, levers, sector, params } = state;
  const c = ngos.cols;
  const rate = Math.min(0.99, levers.ministries.inspectionRate + levers.akimats.inspectionRate);
  const inspect = monthlyFromAnnual(rate);
  if (inspect <= 0) return;
  const r = params.register;
  const targetedInspect = Math.min(1, inspect * (1 + r.targetedRisk * sector.targeting));
  const u = state.streams.get('inspections').uniform;
  const burden = burdenInForce(levers.reporting.burden, sector.influence, params.consultation.rules);
  for (let i = 0; i < ngos.length; i++) {
    if (c.status[i] !== ACTIVE) continue;
    if (u() >= (isTargeted(c, i) ? targetedInspect : inspect)) continue;
    if (u() < sanctionChance(r, c.type[i], c.autonomy[i], c.capacity[i], sector.repression, burden))
      sanction(state, i, ctx.tick, u(), u());
  }
}
