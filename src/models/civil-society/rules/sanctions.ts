/**
 * Inspections and sanctions. Ministries and akimats inspect NGOs at their rates; an inspection ends in a
 * sanction with a chance that grows with repression, with the NGO's autonomy and with advocacy work
 * (closures of advocacy groups: Freedom House NIT; DM §1), and with reporting burden for low-capacity
 * NGOs. A sanction closes the NGO (court-ordered liquidation) or fines it and chills its advocacy.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { monthlyFromAnnual } from '../../../engine/stats.ts';
import { ACTIVE, ADVOCACY, STATE_CREATED } from '../ngos.ts';
import type { ModelState } from '../state.ts';
import { deregister } from '../statusChanges.ts';

/** Chance that an inspection ends in a sanction (pure). */
export function sanctionChance(
  type: number,
  autonomy: number,
  capacity: number,
  repression: number,
  burden: number,
): number {
  if (type === STATE_CREATED) return 0;
  const political = repression * (type === ADVOCACY ? 1 : 0.2) * autonomy;
  return Math.min(1, political + 0.1 * burden * (1 - capacity));
}

/** Imposes a sanction on NGO i: closure with the scenario's chance, else a fine and a chill. */
export function sanction(state: ModelState, i: number, tick: number, u: number): void {
  const c = state.ngos.cols;
  state.sector.sanctions++;
  c.sanctions[i]++;
  if (u < state.params.mortality.sanctionClosure) {
    deregister(state, i, tick);
  } else {
    c.reserves[i] *= 0.5;
    c.chill[i] = Math.min(1, c.chill[i] + 0.5);
  }
}

export function inspections(state: ModelState, ctx: TickContext): void {
  const { ngos, levers } = state;
  const c = ngos.cols;
  const rate = Math.min(0.99, levers.ministries.inspectionRate + levers.akimats.inspectionRate);
  const inspect = monthlyFromAnnual(rate);
  if (inspect <= 0) return;
  const rng = state.streams.get('inspections');
  const u = rng.uniform;
  const repression = levers.repression.level;
  const burden = levers.reporting.burden;
  for (let i = 0; i < ngos.length; i++) {
    if (c.status[i] !== ACTIVE || u() >= inspect) continue;
    if (u() < sanctionChance(c.type[i], c.autonomy[i], c.capacity[i], repression, burden))
      sanction(state, i, ctx.tick, u());
  }
}
