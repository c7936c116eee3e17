/**
 * The ways a group's status changes. An NGO stops working and stays on the register (dormant), or leaves
 * the register (deregistered: audit, re-registration, liquidation, a court); either way its staff go,
 * its council seat and its running contracts lapse. When the state forces a working NGO off the register
 * its people may go on without registration (INFORMAL), and an unregistered group may stop, or register.
 */
import { ACTIVE, DEREGISTERED, DORMANT, INFORMAL } from './ngos.ts';
import type { ModelState } from './state.ts';

function stopWork(state: ModelState, i: number, tick: number): void {
  const c = state.ngos.cols;
  c.closedAt[i] = tick;
  c.staff[i] = 0;
  c.seat[i] = 0;
  c.contractSocialOrder[i] = 0;
  c.contractGrants[i] = 0;
  c.contractForeign[i] = 0;
  c.contractCorporate[i] = 0;
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

/**
 * The state removes an NGO from the register (a court, a failed re-registration). A working one counts
 * as a forced exit, and its people go on without registration with the chance `persistence` (`u` is
 * the uniform draw that decides it).
 */
export function forceOut(state: ModelState, i: number, tick: number, u: number): void {
  const c = state.ngos.cols;
  const working = c.status[i] === ACTIVE;
  deregister(state, i, tick);
  if (!working) return;
  state.sector.forcedExits++;
  if (u < state.params.informal.persistence) {
    c.status[i] = INFORMAL;
    c.closedAt[i] = -1;
    c.refused[i] = 1;
  }
}

/** An unregistered group stops working (it was never, or is no longer, on the register). */
export function dissolveInformal(state: ModelState, i: number, tick: number): void {
  const c = state.ngos.cols;
  c.status[i] = DEREGISTERED;
  c.closedAt[i] = tick;
  state.sector.closures++;
}

/** An unregistered group registers: it becomes an active NGO. */
export function registerInformal(state: ModelState, i: number, tick: number): void {
  const c = state.ngos.cols;
  c.status[i] = ACTIVE;
  c.deregisteredAt[i] = -1;
  c.closedAt[i] = -1;
  c.reserves[i] = state.params.founding.startReserves * state.params.finance.overhead;
  c.fundraising[i] = state.params.donations.fundraisingShare * state.params.finance.overhead;
  c.founded[i] = Math.min(c.founded[i], tick);
  state.sector.foundings++;
}
