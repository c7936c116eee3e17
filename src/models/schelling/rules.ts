/**
 * The Schelling rules (Schelling 1971; as Mesa 3.3's example and the ABMFrameworksComparison code run
 * them). The functions the steps call are exported and tested one by one.
 */
import { shuffleInPlace } from '../../engine/activation.ts';
import { retally, tallyAlike, tallyAll, type SchellingState } from './state.ts';

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
  const mesa = state.rule === 'mesa';
  const { homophily, minSimilar } = state.levers;
  let happyCount = 0;
  let unhappy = 0;
  let sum = 0;
  let counted = 0;
  for (let i = 0; i < type.length; i++) {
    const around = tally[cell[i]];
    const all = tallyAll(around);
    const same = tallyAlike(around, type[i]);
    if (all > 0) {
      sum += same / all;
      counted++;
    }
    // counted without branching on the verdict (half the households either way in early steps)
    const content = (mesa ? happyByShare(same, all, homophily) : happyByCount(same, minSimilar)) ? 1 : 0;
    happyCount += content;
    if (mesa) {
      happy[i] = content;
      order[unhappy] = i;
      unhappy += 1 - content;
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
      if (!happyByCount(tallyAlike(tally[cell[i]], type[i]), min)) {
        relocate(state, i);
        moved++;
      }
    }
  }
  state.moved = moved;
  judge(state);
}
