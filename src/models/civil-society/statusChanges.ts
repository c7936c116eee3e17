/**
 * The two ways an NGO leaves work: it stops working and stays on the register (dormant), or it leaves the
 * register (deregistered: audit, re-registration, liquidation, a court). Either way its staff go, its
 * council seat and its running contracts lapse.
 */
import { ACTIVE, DEREGISTERED, DORMANT } from './ngos.ts';
import type { ModelState } from './state.ts';

function stopWork(state: ModelState, i: number, tick: number): void {
  const c = state.ngos.cols;
  c.closedAt[i] = tick;
  c.staff[i] = 0;
  c.seat[i] = 0;
  c.contractSocialOrder[i] = 0;
  c.contractGrants[i] = 0;
  c.contractForeign[i] = 0;
  c.shortfallMonths[i] = 0;
  state.sector.closures++;
}

/** An active NGO stops working: it stays on the register as dormant. */
export function closeNgo(state: ModelState, i: number, tick: number): void {
  stopWork(state, i, tick);
  state.ngos.cols.status[i] = DORMANT;
}

/** Removes an NGO from the register (from either active or dormant). */
export function deregister(state: ModelState, i: number, tick: number): void {
  const c = state.ngos.cols;
  if (c.status[i] === ACTIVE) stopWork(state, i, tick);
  c.status[i] = DEREGISTERED;
  c.deregisteredAt[i] = tick;
  state.sector.dissolutions++;
}
