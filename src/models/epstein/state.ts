/**
 * One replicate of the Epstein civil violence model, as typed arrays: per agent whether it is a cop, its
 * cell, and for citizens hardship, risk aversion, status and remaining jail term; per cell a packed
 * tally of who is there (cops, active citizens, free agents, jailed citizens — one read tells a looking
 * agent all it needs) and the agents on it as a linked list. Set up as the chosen reference does:
 * mesa — every cell in coordinate order draws citizen / cop / empty, a citizen then draws hardship and
 * risk aversion; netlogo — round(density × cells) cops, then citizens, each on a random empty cell.
 */
import { Grid, type Neighbourhoods } from '../../engine/grid.ts';
import { discNeighbourhoods } from '../../engine/disc.ts';
import type { RandomStreams } from '../../engine/random.ts';
import type { RatioRounding } from '../behaviour/grievance.ts';
import type { Levers, Scenario } from './schema.ts';

/** A citizen's status. */
export const QUIET = 0;
export const ACTIVE = 1;
/** In jail (mesa: ARRESTED, until its next activation after the sentence; netlogo: jail term > 0). */
export const JAILED = 2;

/** Increments of a cell's tally: cops in bits 0–7, active citizens 8–15, free agents 16–23, jailed 24–31. */
export const TALLY_COP = 1;
export const TALLY_ACTIVE = 1 << 8;
export const TALLY_FREE = 1 << 16;
export const TALLY_JAILED = 1 << 24;

/** What an agent's last look saw: cops, active citizens, and the cells holding active citizens (rebelCells). */
export interface Sight {
  cops: number;
  active: number;
  rebelCells: number;
}

export interface EpsteinState {
  levers: Levers;
  rule: 'mesa' | 'netlogo';
  ratio: RatioRounding;
  arrestConstant: number;
  threshold: number;
  movement: boolean;
  grid: Grid;
  /** Cells each citizen and each cop sees (mesa: von Neumann diamond; netlogo: disc with its own cell). */
  citizenSight: Neighbourhoods;
  copSight: Neighbourhoods;
  /** Per agent (citizens and cops in creation order). */
  isCop: Uint8Array;
  cell: Int32Array;
  hardship: Float64Array;
  riskAversion: Float64Array;
  status: Uint8Array;
  jail: Int32Array;
  citizens: number;
  /** Per cell: packed counts (TALLY_*), and the first agent on it (−1: none); nextInCell chains the rest. */
  tally: Int32Array;
  head: Int32Array;
  nextInCell: Int32Array;
  /** Tally bits that make a cell unavailable to a mover (mesa: anyone; netlogo: a cop or free citizen). */
  blocking: number;
  /** Scratch for the cells a looking agent may move to, and for cells with active citizens in sight. */
  open: Int32Array;
  rebelCells: Int32Array;
  order: Int32Array;
  activation: () => number;
  moves: () => number;
  arrests: () => number;
  /** Scratch: what the last look saw. */
  seen: Sight;
  /** Citizens active now (kept by setStatus): with none, cops need not look. */
  activeCount: number;
  /** Arrests in the last step. */
  arrested: number;
}

/** Puts agent a on cell c (tally and list). */
export function enter(state: EpsteinState, a: number, c: number, weight: number): void {
  state.cell[a] = c;
  state.tally[c] += weight;
  state.nextInCell[a] = state.head[c];
  state.head[c] = a;
}

/** Takes agent a off its cell (tally and list). */
export function leave(state: EpsteinState, a: number, weight: number): void {
  const c = state.cell[a];
  state.tally[c] -= weight;
  const { head, nextInCell } = state;
  if (head[c] === a) head[c] = nextInCell[a];
  else {
    let p = head[c];
    while (nextInCell[p] !== a) p = nextInCell[p];
    nextInCell[p] = nextInCell[a];
  }
}

/** What agent a adds to its cell's tally. */
export function weightOf(state: EpsteinState, a: number): number {
  if (state.isCop[a] === 1) return TALLY_COP + TALLY_FREE;
  const s = state.status[a];
  return s === ACTIVE ? TALLY_ACTIVE + TALLY_FREE : s === JAILED ? TALLY_JAILED : TALLY_FREE;
}

export function createEpsteinState(scenario: Scenario, streams: RandomStreams, levers: Levers): EpsteinState {
  const { width, height, torus } = scenario.grid;
  const rule = scenario.rule.kind;
  const grid = new Grid({ width, height, connectivity: 'von-neumann', torus, single: false });
  const cells = grid.cellCount;
  const placement = streams.get('placement').uniform;
  const { citizenDensity, copDensity } = scenario.population;
  const cops: number[] = [];
  const hardship: number[] = [];
  const risk: number[] = [];
  const where: number[] = [];
  if (rule === 'mesa') {
    const copBound = citizenDensity + copDensity;
    for (let c = 0; c < cells; c++) {
      const u = placement();
      if (u < citizenDensity) {
        cops.push(0);
        hardship.push(placement());
        risk.push(placement());
        where.push(c);
      } else if (u < copBound) {
        cops.push(1);
        hardship.push(0);
        risk.push(0);
        where.push(c);
      }
    }
  } else {
    const copCount = Math.round(copDensity * cells);
    const citizenCount = Math.round(citizenDensity * cells);
    const taken = new Uint8Array(cells);
    const emptyCell = (): number => {
      for (;;) {
        const c = Math.floor(placement() * cells);
        if (taken[c] === 0) {
          taken[c] = 1;
          return c;
        }
      }
    };
    for (let i = 0; i < copCount; i++) {
      cops.push(1);
      hardship.push(0);
      risk.push(0);
      where.push(emptyCell());
    }
    for (let i = 0; i < citizenCount; i++) {
      cops.push(0);
      where.push(emptyCell());
      risk.push(placement());
      hardship.push(placement());
    }
  }
  const n = cops.length;
  const citizenSight =
    rule === 'mesa'
      ? grid.neighbourhoods(scenario.rule.vision)
      : discNeighbourhoods(grid, scenario.rule.vision, true);
  const copSight =
    scenario.rule.copVision === scenario.rule.vision
      ? citizenSight
      : rule === 'mesa'
        ? grid.neighbourhoods(scenario.rule.copVision)
        : discNeighbourhoods(grid, scenario.rule.copVision, true);
  const widest = Math.max(maxSize(citizenSight), maxSize(copSight));
  const state: EpsteinState = {
    levers,
    rule,
    ratio: scenario.rule.ratio ?? (rule === 'mesa' ? 'half-even' : 'floor'),
    arrestConstant: scenario.parameters.arrestConstant,
    threshold: scenario.parameters.threshold,
    movement: scenario.rule.movement,
    grid,
    citizenSight,
    copSight,
    isCop: Uint8Array.from(cops),
    cell: new Int32Array(n),
    hardship: Float64Array.from(hardship),
    riskAversion: Float64Array.from(risk),
    status: new Uint8Array(n),
    jail: new Int32Array(n),
    citizens: n - cops.reduce((s, c) => s + c, 0),
    tally: new Int32Array(cells),
    head: new Int32Array(cells).fill(-1),
    nextInCell: new Int32Array(n).fill(-1),
    blocking: rule === 'mesa' ? TALLY_FREE * 255 + TALLY_JAILED * 127 : TALLY_FREE * 255,
    open: new Int32Array(widest),
    rebelCells: new Int32Array(widest),
    order: Int32Array.from({ length: n }, (_, i) => i),
    activation: streams.get('activation').uniform,
    moves: streams.get('moves').uniform,
    arrests: streams.get('arrests').uniform,
    seen: { cops: 0, active: 0, rebelCells: 0 },
    activeCount: 0,
    arrested: 0,
  };
  for (let a = 0; a < n; a++) enter(state, a, where[a], weightOf(state, a));
  return state;
}

function maxSize(sight: Neighbourhoods): number {
  let widest = 0;
  for (let c = 0; c + 1 < sight.offsets.length; c++)
    widest = Math.max(widest, sight.offsets[c + 1] - sight.offsets[c]);
  return widest;
}
