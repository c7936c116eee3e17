/**
 * The Epstein civil violence rules (Epstein 2002), as Mesa 3.3's example and NetLogo's Rebellion run
 * them. The decision itself — grievance, estimated arrest probability, rebel or not — is the shared rule
 * in ../behaviour/grievance.ts, the one the civil-society model's protest also runs. The functions the
 * steps call are exported and tested one by one.
 */
import { shuffleInPlace } from '../../engine/activation.ts';
import type { Neighbourhoods } from '../../engine/grid.ts';
import { arrestProbability, canRebel, grievance, rebels } from '../behaviour/grievance.ts';
import { ACTIVE, enter, type EpsteinState, JAILED, leave, QUIET, type Sight, weightOf } from './state.ts';

/**
 * Agent a looks over the cells `sight` gives its cell: counts cops and active citizens (into `seen`),
 * lists the cells it could move to in state.open (returned: how many) and the cells holding active
 * citizens in state.rebelCells. One read of the packed tally per cell, no allocation.
 */
export function look(state: EpsteinState, a: number, sight: Neighbourhoods, seen: Sight): number {
  const { offsets, cells } = sight;
  const { tally, open, rebelCells, blocking } = state;
  const at = state.cell[a];
  let cops = 0;
  let active = 0;
  let free = 0;
  let withRebels = 0;
  for (let k = offsets[at], end = offsets[at + 1]; k < end; k++) {
    const c = cells[k];
    const v = tally[c];
    cops += v & 0xff;
    const here = (v >>> 8) & 0xff;
    active += here;
    // branch-free: the cell is written every time and kept only when it qualifies
    // (arithmetic, not a conditional, which V8 compiles to a branch: −here >>> 31 is 1 when here > 0,
    // (bits − 1) >> 31 is −1 when no blocking bit is set)
    rebelCells[withRebels] = c;
    withRebels += -here >>> 31;
    open[free] = c;
    free -= ((v & blocking) - 1) >> 31;
  }
  seen.cops = cops;
  seen.active = active;
  seen.rebelCells = withRebels;
  return free;
}

/**
 * What a citizen needs of a look (cops and active citizens in sight, into `seen`), and whether any cell in
 * sight is open to her (returned): the same pass as look() without listing cells, no allocation.
 */
export function count(state: EpsteinState, a: number, sight: Neighbourhoods, seen: Sight): boolean {
  const { offsets, cells } = sight;
  const { tally, blocking } = state;
  const at = state.cell[a];
  let cops = 0;
  let active = 0;
  let open = 0;
  for (let k = offsets[at], end = offsets[at + 1]; k < end; k++) {
    const v = tally[cells[k]];
    cops += v & 0xff;
    active += (v >>> 8) & 0xff;
    open |= ((v & blocking) - 1) >> 31; // −1 when the cell is open (blocking bits stop below bit 31)
  }
  seen.cops = cops;
  seen.active = active;
  seen.rebelCells = 0;
  return open !== 0;
}

/** Whether citizen a rebels, given what it sees (the shared rule; it counts herself among the rebels). */
export function decides(state: EpsteinState, a: number, seen: Sight): boolean {
  const p = arrestProbability(state.arrestConstant, seen.cops, 1 + seen.active, state.ratio);
  return rebels(
    grievance(state.hardship[a], state.levers.legitimacy),
    state.riskAversion[a],
    p,
    state.threshold,
  );
}

/** Sets citizen a's status, keeping its cell's tally. */
export function setStatus(state: EpsteinState, a: number, status: number): void {
  const was = state.status[a];
  if (was === status) return;
  const c = state.cell[a];
  state.tally[c] -= weightOf(state, a);
  state.status[a] = status;
  state.tally[c] += weightOf(state, a);
  state.activeCount += (status === ACTIVE ? 1 : 0) - (was === ACTIVE ? 1 : 0);
}

/** Whether citizen a could rebel under the legitimacy in force (if not, she need not look at the risk). */
export function mayRebel(state: EpsteinState, a: number): boolean {
  return canRebel(grievance(state.hardship[a], state.levers.legitimacy), state.threshold);
}

/** Moves agent a to cell `to`. */
export function moveTo(state: EpsteinState, a: number, to: number): void {
  const w = weightOf(state, a);
  leave(state, a, w);
  enter(state, a, to, w);
}

/** The `r`-th active citizen (0-based) in the cells of the last look, in the look's cell order. */
export function activeAt(state: EpsteinState, seen: Sight, r: number): number {
  const { rebelCells, tally, head, nextInCell, isCop, status } = state;
  for (let k = 0; k < seen.rebelCells; k++) {
    const c = rebelCells[k];
    const here = (tally[c] >>> 8) & 0xff;
    if (r >= here) {
      r -= here;
      continue;
    }
    for (let a = head[c]; a >= 0; a = nextInCell[a]) {
      if (isCop[a] === 0 && status[a] === ACTIVE && r-- === 0) return a;
    }
  }
  throw new Error('no such active citizen in sight');
}

/** Jails citizen t for `sentence` steps (netlogo: a sentence of 0 leaves her free and quiet). */
export function arrest(state: EpsteinState, t: number, sentence: number): void {
  setStatus(state, t, state.rule === 'netlogo' && sentence === 0 ? QUIET : JAILED);
  state.jail[t] = sentence;
  state.arrested++;
}

/** A citizen's turn under Mesa's example: serve a step of jail, or look once, decide, and move. */
export function citizenTurnMesa(state: EpsteinState, a: number): void {
  const seen = state.seen;
  if (state.jail[a] > 0) {
    state.jail[a]--;
    return;
  }
  if (!mayRebel(state, a)) {
    // quiet whatever she would see; the cells open to her are the same now as after a look
    setStatus(state, a, QUIET);
    if (state.movement) moveWithin(state, a, state.citizenSight);
    return;
  }
  const open = count(state, a, state.citizenSight, seen);
  setStatus(state, a, decides(state, a, seen) ? ACTIVE : QUIET);
  // her own status is all that changed since she looked: the cells open to her are the same
  if (state.movement && open) moveWithin(state, a, state.citizenSight);
}

/** A cop's turn under Mesa's example: look once, arrest one active citizen in sight, move. */
export function copTurnMesa(state: EpsteinState, a: number): void {
  const seen = state.seen;
  if (state.activeCount === 0) {
    // nobody to arrest anywhere: only the move is left
    if (state.movement) moveWithin(state, a, state.copSight);
    return;
  }
  const open = look(state, a, state.copSight, seen);
  if (seen.active > 0) {
    const t = activeAt(state, seen, Math.floor(state.arrests() * seen.active));
    arrest(state, t, Math.floor(state.arrests() * (state.levers.maxJailTerm + 1)));
  }
  if (state.movement && open > 0) moveTo(state, a, state.open[Math.floor(state.moves() * open)]);
}

/**
 * Moves agent a to a uniformly chosen open cell in `sight`, if there is one: random cells of the
 * sight until an open one (rejection sampling: uniform over the open cells), and after a few misses a full
 * look, which also tells whether any cell is open at all.
 */
export function moveWithin(state: EpsteinState, a: number, sight: Neighbourhoods): void {
  const { offsets, cells } = sight;
  const at = state.cell[a];
  const from = offsets[at];
  const size = offsets[at + 1] - from;
  for (let tries = 0; tries < 16; tries++) {
    const c = cells[from + Math.floor(state.moves() * size)];
    if ((state.tally[c] & state.blocking) === 0) {
      moveTo(state, a, c);
      return;
    }
  }
  const open = look(state, a, sight, state.seen);
  if (open > 0) moveTo(state, a, state.open[Math.floor(state.moves() * open)]);
}

/** A free citizen's turn under NetLogo's Rebellion: move within vision, then decide where she stands. */
export function citizenTurnNetLogo(state: EpsteinState, a: number): void {
  const seen = state.seen;
  if (state.movement) moveWithin(state, a, state.citizenSight);
  if (!mayRebel(state, a)) {
    setStatus(state, a, QUIET);
    return;
  }
  count(state, a, state.citizenSight, seen);
  setStatus(state, a, decides(state, a, seen) ? ACTIVE : QUIET);
}

/** A cop's turn under NetLogo's Rebellion: move, then arrest one active citizen in sight and step onto her cell. */
export function copTurnNetLogo(state: EpsteinState, a: number): void {
  const seen = state.seen;
  moveWithin(state, a, state.copSight);
  if (state.activeCount === 0) return;
  look(state, a, state.copSight, seen);
  if (seen.active > 0) {
    const t = activeAt(state, seen, Math.floor(state.arrests() * seen.active));
    arrest(state, t, Math.floor(state.arrests() * state.levers.maxJailTerm));
    moveTo(state, a, state.cell[t]);
  }
}

/** End of a NetLogo step: every jail term counts down; who reaches 0 walks free (quiet) on her cell. */
export function serveJailTerms(state: EpsteinState): void {
  const { jail, status } = state;
  for (let a = 0; a < jail.length; a++) {
    if (jail[a] > 0 && --jail[a] === 0 && status[a] === JAILED) setStatus(state, a, QUIET);
  }
}

/** One step: every agent in a fresh random order, cops and citizens mixed. */
export function step(state: EpsteinState): void {
  const order = shuffleInPlace(state.order, state.activation);
  const { isCop, jail } = state;
  state.arrested = 0;
  if (state.rule === 'mesa') {
    for (let k = 0; k < order.length; k++) {
      const a = order[k];
      if (isCop[a] === 1) copTurnMesa(state, a);
      else citizenTurnMesa(state, a);
    }
  } else {
    for (let k = 0; k < order.length; k++) {
      const a = order[k];
      if (isCop[a] === 1) copTurnNetLogo(state, a);
      else if (jail[a] === 0) citizenTurnNetLogo(state, a);
    }
    serveJailTerms(state);
  }
}
