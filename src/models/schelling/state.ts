/**
 * One replicate of the Schelling model: the grid and the households on it as typed arrays — each one's
 * type, cell and whether it is happy (the mesa rule's flag, set after every step) — and the reused
 * activation order. Set up as Mesa's example does: every cell in coordinate order is drawn in turn
 * (u₁ < density: a household; then u₂ < minorityShare: type 1, else type 0), households numbered in
 * that order.
 */
import { Grid, type Neighbourhoods } from '../../engine/grid.ts';
import type { RandomStreams } from '../../engine/random.ts';
import type { Levers, Scenario } from './schema.ts';

export interface SchellingState {
  levers: Levers;
  rule: 'mesa' | 'abmfc';
  grid: Grid;
  around: Neighbourhoods;
  /** Per household: type (0 majority, 1 minority), cell, happy flag (mesa rule). */
  type: Uint8Array;
  /** Per cell: the type of its household, or −1 when empty (one read per neighbour). */
  cellType: Int8Array;
  cell: Int32Array;
  happy: Uint8Array;
  /** The activation order, redrawn every step. */
  order: Int32Array;
  /** Random numbers for the activation order and for the cells movers land in. */
  activation: () => number;
  landing: () => number;
  /** Scratch: same-type neighbours found by the last countNeighbours call. */
  same: number;
  /** Counts of the last step. */
  happyCount: number;
  moved: number;
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
  });
  const placement = streams.get('placement').uniform;
  const types: number[] = [];
  const cells: number[] = [];
  for (let c = 0; c < grid.cellCount; c++) {
    if (placement() < scenario.population.density) {
      types.push(placement() < scenario.population.minorityShare ? 1 : 0);
      cells.push(c);
    }
  }
  const n = types.length;
  const state: SchellingState = {
    levers,
    rule: scenario.rule.kind,
    grid,
    around: grid.neighbourhoods(scenario.rule.radius),
    type: Uint8Array.from(types),
    cellType: new Int8Array(grid.cellCount).fill(-1),
    cell: Int32Array.from(cells),
    happy: new Uint8Array(n),
    order: Int32Array.from({ length: n }, (_, i) => i),
    activation: streams.get('activation').uniform,
    landing: streams.get('landing').uniform,
    same: 0,
    happyCount: 0,
    moved: 0,
  };
  for (let i = 0; i < n; i++) {
    grid.place(i, cells[i]);
    state.cellType[cells[i]] = types[i];
  }
  if (n >= grid.cellCount && n > 0) {
    // a full grid leaves movers nowhere to go; the rules would wait for ever on an empty cell
    throw new RangeError(
      'every cell holds a household: lower population.density below 1 so movers have somewhere to go',
    );
  }
  return state;
}
