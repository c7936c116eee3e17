/**
 * The Schelling rules (Schelling 1971; as Mesa 3.3's example and the ABMFrameworksComparison code run
 * them). The functions the steps call are exported and tested one by one.
 */
import { shuffleInPlace } from '../../engine/activation.ts';
import type { SchellingState } from './state.ts';

/**
 * Counts household i's neighbours (returned) and how many are of its type (left in state.same): read
 * live from the grid, with no allocation.
 */
export function countNeighbours(state: SchellingState, i: number): number {
  const { offsets, cells } = state.around;
  const cellType = state.cellType;
  const own = state.type[i];
  const at = state.cell[i];
  let same = 0;
  let all = 0;
  for (let k = offsets[at], end = offsets[at + 1]; k < end; k++) {
    const t = cellType[cells[k]];
    if (t < 0) continue;
    all++;
    if (t === own) same++;
  }
  state.same = same;
  return all;
}

/** Mesa's happiness: the share of neighbours of one's type reaches homophily (no neighbours: a share of 0). */
export function happyByShare(same: number, all: number, homophily: number): boolean {
  return (all === 0 ? 0 : same / all) >= homophily;
}

/** ABMFC's: at least minSimilar neighbours of one's type. */
export function happyByCount(same: number, minSimilar: number): boolean {
  return same >= minSimilar;
}

/** Moves household i to a random empty cell (Mesa: a random cell of the grid until one is empty). */
export function relocate(state: SchellingState, i: number): void {
  const to = state.grid.randomEmptyCell(state.landing);
  state.grid.move(i, state.cell[i], to);
  state.cellType[state.cell[i]] = -1;
  state.cellType[to] = state.type[i];
  state.cell[i] = to;
}

/** Judges every household in creation order (mesa rule, after the moves): sets the flags and the count. */
export function assignHappiness(state: SchellingState): void {
  const h = state.levers.homophily;
  let count = 0;
  for (let i = 0; i < state.type.length; i++) {
    const all = countNeighbours(state, i);
    const happy = happyByShare(state.same, all, h);
    state.happy[i] = happy ? 1 : 0;
    if (happy) count++;
  }
  state.happyCount = count;
}

/** Counts the households happy by the abmfc rule on the state as it stands. */
export function countHappyByCount(state: SchellingState): number {
  let count = 0;
  for (let i = 0; i < state.type.length; i++) {
    countNeighbours(state, i);
    if (happyByCount(state.same, state.levers.minSimilar)) count++;
  }
  return count;
}

/**
 * One step. mesa: in a fresh random order every unhappy household (flag from the last judgement) moves;
 * then all are judged again in creation order. abmfc: in a fresh random order each household counts its
 * same-type neighbours now — seeing the moves of those before it — and moves at once if too few.
 */
export function step(state: SchellingState): void {
  const order = shuffleInPlace(state.order, state.activation);
  let moved = 0;
  if (state.rule === 'mesa') {
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (state.happy[i] === 0) {
        relocate(state, i);
        moved++;
      }
    }
    assignHappiness(state);
  } else {
    const min = state.levers.minSimilar;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      countNeighbours(state, i);
      if (!happyByCount(state.same, min)) {
        relocate(state, i);
        moved++;
      }
    }
    state.happyCount = countHappyByCount(state);
  }
  state.moved = moved;
}

/** Mean, over households with at least one neighbour, of the share of neighbours of their own type. */
export function segregation(state: SchellingState): number {
  let sum = 0;
  let counted = 0;
  for (let i = 0; i < state.type.length; i++) {
    const all = countNeighbours(state, i);
    if (all > 0) {
      sum += state.same / all;
      counted++;
    }
  }
  return counted === 0 ? Number.NaN : sum / counted;
}
