/**
 * The Schelling rules (Schelling 1971; as Mesa 3.3's example and the ABMFrameworksComparison code run
 * them). The functions the steps call are exported and tested one by one.
 */
import { shuffleInPlace } from '../../engine/activation.ts';
import type { SchellingState } from './state.ts';

/** What a household of type t adds to the tally of each cell around it (state.ts). */
export function markOf(t: number): number {
  return 1 << (t << 4);
}
/** Of a tally: the households of type t. */
export function tallyAlike(tally: number, t: number): number {
  return (tally >>> (t << 4)) & 0xffff;
}
/** Of a tally: all the households. */
export function tallyAll(tally: number): number {
  return (tally & 0xffff) + (tally >>> 16);
}

/** Counts every cell's tally afresh from the marks (at the start, and after steps where most move). */
export function retally(state: SchellingState): void {
  state.grid.sumAround(state.mark, state.tally, state.radius);
}

/**
 * Counts household i's neighbours (returned) and how many are of its type (left in state.same), from
 * the tally of its cell.
 */
export function countNeighbours(state: SchellingState, i: number): number {
  const tally = state.tally[state.cell[i]];
  state.same = tallyAlike(tally, state.type[i]);
  return tallyAll(tally);
}

/** Mesa's happiness: the share of neighbours of one's type reaches homophily (no neighbours: a share of 0). */
export function happyByShare(same: number, all: number, homophily: number): boolean {
  return (all === 0 ? 0 : same / all) >= homophily;
}

/** ABMFC's: at least minSimilar neighbours of one's type. */
export function happyByCount(same: number, minSimilar: number): boolean {
  return same >= minSimilar;
}

/**
 * Moves household i to a random empty cell (uniform over the empty cells, as Mesa's draw is). The
 * tallies around its old and new cell follow, unless the caller counts them afresh after the moves
 * (`retallyAfter`).
 */
export function relocate(state: SchellingState, i: number, retallyAfter = false): void {
  const to = state.grid.randomEmptyCell(state.landing);
  const from = state.cell[i];
  const mark = state.mark[from];
  state.grid.move(i, from, to);
  state.mark[from] = 0;
  state.mark[to] = mark;
  state.cell[i] = to;
  if (!retallyAfter) {
    state.grid.addAround(state.tally, from, state.radius, -mark);
    state.grid.addAround(state.tally, to, state.radius, mark);
  }
}

/**
 * Judges every household in creation order on the state as it stands, and measures it: the happy count
 * (mesa rule: share ≥ homophily, which also sets the flags and lists the unhappy, who move next step;
 * abmfc rule: at least minSimilar alike) and segregation, the mean over households with at least one
 * neighbour of the share of them of its type.
 */
export function judge(state: SchellingState): void {
  const { type, cell, tally, happy, order } = state;
  const { homophily, minSimilar } = state.levers;
  let happyCount = 0;
  let unhappy = 0;
  let sum = 0;
  let counted = 0;
  // One loop per rule, the helpers above written out (V8 left them as calls here: a fifth of the
  // loop's time each), and verdicts counted without branching on them (half the households go either
  // way in early steps).
  if (state.rule === 'mesa') {
    for (let i = 0; i < type.length; i++) {
      const around = tally[cell[i]];
      const all = (around & 0xffff) + (around >>> 16); // tallyAll
      const same = (around >>> (type[i] << 4)) & 0xffff; // tallyAlike
      const share = all === 0 ? 0 : same / all;
      if (all > 0) {
        sum += share;
        counted++;
      }
      const content = share >= homophily ? 1 : 0; // happyByShare
      happyCount += content;
      happy[i] = content;
      order[unhappy] = i;
      unhappy += 1 - content;
    }
  } else {
    for (let i = 0; i < type.length; i++) {
      const around = tally[cell[i]];
      const all = (around & 0xffff) + (around >>> 16);
      const same = (around >>> (type[i] << 4)) & 0xffff;
      if (all > 0) {
        sum += same / all;
        counted++;
      }
      happyCount += same >= minSimilar ? 1 : 0; // happyByCount
    }
  }
  state.happyCount = happyCount;
  state.unhappy = unhappy;
  state.segregation = counted === 0 ? Number.NaN : sum / counted;
}

/**
 * One step, then the judgement of the state after it. mesa: in a fresh random order every unhappy
 * household (flag from the last judgement) moves; then all are judged again in creation order. abmfc: in
 * a fresh random order each household counts its same-type neighbours now — seeing the moves of those
 * before it — and moves at once if too few.
 */
export function step(state: SchellingState): void {
  const { order, type, cell, tally } = state;
  let moved = 0;
  if (state.rule === 'mesa') {
    // who moves was settled at the last judgement; a random order of them alone (the unhappy in a
    // shuffle of all) only decides where each lands
    moved = state.unhappy;
    shuffleInPlace(moved === order.length ? order : order.subarray(0, moved), state.activation);
    // when many move, counting every tally afresh once after the moves (about 7 ns a cell, the grid's
    // box filter) is cheaper than following each move (about 2 × (12 + 1.1 · (2r + 1)²) ns)
    const square = (2 * state.radius + 1) ** 2;
    const retallyAfter = moved * (10 + square) > 3 * tally.length;
    for (let k = 0; k < moved; k++) relocate(state, order[k], retallyAfter);
    if (retallyAfter) retally(state);
  } else {
    shuffleInPlace(order, state.activation);
    const min = state.levers.minSimilar;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      // happyByCount(tallyAlike(…)), written out
      if (((tally[cell[i]] >>> (type[i] << 4)) & 0xffff) < min) {
        relocate(state, i);
        moved++;
      }
    }
  }
  state.moved = moved;
  judge(state);
}
