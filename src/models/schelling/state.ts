/**
 * One replicate of the Schelling model: the grid and the households on it as typed arrays — each one's
 * type, cell and whether it is happy (the mesa rule's flag, set after every step) — and the reused
 * activation order. Set up as Mesa's example does: every cell in coordinate order is drawn in turn
 * (u₁ < density: a household; then u₂ < minorityShare: type 1, else type 0), households numbered in
 * that order.
 *
 * Every cell keeps a tally of the households around it, both types packed into one integer (type 0 in
 * the low 16 bits, type 1 in the high 16; a radius-10 neighbourhood holds at most 440): a household's
 * neighbours are counted in one read, and a move adds its household's mark to the tallies around the new
 * cell and takes it from those around the old one.
 */
import { Grid } from '../../engine/grid.ts';
import type { RandomStreams } from '../../engine/random.ts';
import { markOf, retally } from './rules.ts';
import type { Levers, Scenario } from './schema.ts';

export interface SchellingState {
  levers: Levers;
  rule: 'mesa' | 'abmfc';
  grid: Grid;
  /** Neighbourhood radius (Moore). */
  radius: number;
  /** Per household: type (0 majority, 1 minority), cell, happy flag (mesa rule). */
  type: Uint8Array;
  cell: Int32Array;
  happy: Uint8Array;
  /** Per cell: its household's mark (rules.ts: markOf its type), 0 when empty. */
  mark: Int32Array;
  /** Per cell: the households around it, packed (rules.ts: tallyAlike and tallyAll). */
  tally: Int32Array;
  /**
   * Who acts in a step, in the order they act: rule abmfc, every household, reshuffled every step; rule
   * mesa, the households unhappy at the last judgement (its first `unhappy` entries, in creation order
   * until the step shuffles them).
   */
  order: Int32Array;
  unhappy: number;
  /** Random numbers for the activation order and for the cells movers land in. */
  activation: () => number;
  landing: () => number;
  /** Scratch: same-type neighbours found by the last countNeighbours call. */
  same: number;
  /** Measured on the state after the last step (or the initial state): happy households, segregation. */
  happyCount: number;
  segregation: number;
  /** Households that moved in the last step. */
  moved: number;
}

/** The households and how they decide, before anyone is judged. */
export interface Households {
  levers: Levers;
  rule: 'mesa' | 'abmfc';
  radius: number;
  /** Per household, in creation order: its type and its cell. */
  type: Uint8Array;
  cell: Int32Array;
  activation: () => number;
  landing: () => number;
}

/** Places the households on an empty grid and builds the state around them (tallies counted). */
export function settle(grid: Grid, households: Households): SchellingState {
  const { type, cell } = households;
  const n = type.length;
  const state: SchellingState = {
    levers: households.levers,
    rule: households.rule,
    grid,
    radius: households.radius,
    type,
    cell,
    happy: new Uint8Array(n),
    mark: new Int32Array(grid.cellCount),
    tally: new Int32Array(grid.cellCount),
    order: new Int32Array(n),
    unhappy: 0,
    activation: households.activation,
    landing: households.landing,
    same: 0,
    happyCount: 0,
    segregation: Number.NaN,
    moved: 0,
  };
  for (let i = 0; i < n; i++) {
    grid.place(i, cell[i]);
    state.mark[cell[i]] = markOf(type[i]);
    state.order[i] = i;
  }
  retally(state);
  return state;
}

export function createSchellingState(
  scenario: Scenario,
  streams: RandomStreams,
  levers: Levers,
): SchellingState {
  const grid = new Grid({
    width: scenario.grid.width,
    height: scenario.grid.height,
    connectivity: 'moore',
    torus: scenario.grid.torus,
    single: true,
    indexEmpty: true,
  });
  const placement = streams.get('placement').uniform;
  const { density, minorityShare } = scenario.population;
  const type = new Uint8Array(grid.cellCount);
  const cell = new Int32Array(grid.cellCount);
  let n = 0;
  for (let c = 0; c < grid.cellCount; c++) {
    if (placement() < density) {
      type[n] = placement() < minorityShare ? 1 : 0;
      cell[n++] = c;
    }
  }
  if (n >= grid.cellCount && n > 0) {
    // a full grid leaves movers nowhere to go; the rules would wait for ever on an empty cell
    throw new RangeError(
      'every cell holds a household: lower population.density below 1 so movers have somewhere to go',
    );
  }
  return settle(grid, {
    levers,
    rule: scenario.rule.kind,
    radius: scenario.rule.radius,
    type: type.slice(0, n),
    cell: cell.slice(0, n),
    activation: streams.get('activation').uniform,
    landing: streams.get('landing').uniform,
  });
}
