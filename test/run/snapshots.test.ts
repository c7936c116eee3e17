/**
 * Grid snapshots taken while a replicate runs: which ticks (the scenario's, else the first and the
 * last; replicate 0 only), what a model's capture must give (checked), how a large grid is coarsened,
 * and Schelling's snapshot — the town as its state holds it, taken without changing the run.
 */
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.ts';
import { StepClock } from '../../src/engine/clock.ts';
import type { AnyModel, SnapshotDefinition } from '../../src/models/definition.ts';
import { schelling } from '../../src/models/schelling/index.ts';
import { captureTown, snapshotCategories } from '../../src/models/schelling/snapshot.ts';
import { scenarioSchema, type Scenario } from '../../src/models/schelling/schema.ts';
import type { SchellingState } from '../../src/models/schelling/state.ts';
import { threshold } from '../../src/models/threshold/index.ts';
import { runReplicate, startReplicate } from '../../src/run/replicate.ts';
import {
  checkSnapshotCategories,
  maxSnapshotSide,
  snapshotTicks,
  takeSnapshot,
} from '../../src/run/snapshots.ts';
import type { ScenarioBase } from '../../src/scenario/envelope.ts';

const town = (input: Record<string, unknown> = {}): Scenario =>
  scenarioSchema().parse({
    name: 'town',
    steps: 10,
    replicates: 2,
    grid: { width: 12, height: 9 },
    ...input,
  });

describe('snapshotTicks', () => {
  const clock = new StepClock(10);

  it('draws the first and the last step unless the scenario says otherwise', () => {
    expect(snapshotTicks(schelling, town(), clock)).toEqual([0, 10]);
    expect(snapshotTicks(schelling, town({ output: { snapshots: [7, 0, 3] } }), clock)).toEqual([0, 3, 7]);
    expect(snapshotTicks(schelling, town({ output: { snapshots: [] } }), clock)).toEqual([]);
  });

  it('draws only replicate 0, and nothing for a model without a grid', () => {
    expect(snapshotTicks(schelling, town(), clock, 1)).toEqual([]);
    expect(snapshotTicks(threshold, town() as unknown as ScenarioBase, clock)).toEqual([]);
  });

  it('reads dates on a calendar clock', () => {
    const scenario = { output: { agents: false, snapshots: ['2000-03', 2001] } } as unknown as ScenarioBase;
    const calendar = new Calendar('2000-01', '2001-12');
    expect(snapshotTicks(schelling, scenario, calendar)).toEqual([2, 12]);
    expect(snapshotTicks(schelling, { output: { agents: false } } as ScenarioBase, calendar)).toEqual([
      0, 23,
    ]);
  });

  it('refuses a tick outside the run (a scenario the loader did not check)', () => {
    expect(() => snapshotTicks(schelling, town({ steps: 20, output: { snapshots: [15] } }), clock)).toThrow(
      /15 is outside the run \(ticks 0 to 10\)/,
    );
  });
});

/** A model whose state is its grid, for the checks of what a capture gives. */
const direct = (cells: Uint8Array, width: number, height: number): SnapshotDefinition<null> => ({
  categories: snapshotCategories,
  capture: () => ({ width, height, cells }),
});

describe('takeSnapshot', () => {
  it('keeps a small grid cell by cell, in its own copy', () => {
    const cells = Uint8Array.from([0, 1, 2, 2, 1, 0]);
    const s = takeSnapshot(direct(cells, 2, 3), null, 4, '4');
    expect(s).toMatchObject({ tick: 4, label: '4', width: 2, height: 3, block: 1 });
    expect([...s.codes]).toEqual([0, 1, 2, 2, 1, 0]);
    cells[0] = 2;
    expect(s.codes[0]).toBe(0);
  });

  it('refuses a capture that does not fit its sides or uses a code of no category', () => {
    expect(() => takeSnapshot(direct(new Uint8Array(5), 2, 3), null, 0, '0')).toThrow(/needs 6 cells, got 5/);
    expect(() => takeSnapshot(direct(new Uint8Array(0), 0, 0), null, 0, '0')).toThrow(/whole positive sides/);
    expect(() => takeSnapshot(direct(Uint8Array.from([0, 3]), 1, 2), null, 0, '0')).toThrow(
      /cell 1 has the code 3/,
    );
  });

  it('coarsens a grid above the largest side into blocks of the most common category', () => {
    const side = maxSnapshotSide * 2 + 1; // blocks of 3 cells a side: 107 × 107 blocks
    const cells = new Uint8Array(side * side);
    // block (0, 0): cells x, y < 3 — five majority, four minority households
    for (let x = 0; x < 3; x++)
      for (let y = 0; y < 3; y++) cells[x * side + y] = (x * 3 + y) % 2 === 0 ? 1 : 2;
    // block (1, 0): one household of each type, seven empty cells
    cells[3 * side] = 1;
    cells[4 * side] = 2;
    // block (2, 0): a tie of 3 and 3 (and 3 empty): the category listed first wins, Empty
    for (const [x, y, code] of [
      [6, 0, 1],
      [6, 1, 1],
      [6, 2, 1],
      [7, 0, 2],
      [7, 1, 2],
      [7, 2, 2],
    ]) {
      cells[x * side + y] = code;
    }
    const s = takeSnapshot(direct(cells, side, side), null, 0, '0');
    expect(s.block).toBe(3);
    const down = Math.ceil(side / 3);
    expect(s.codes).toHaveLength(down * down);
    expect([s.codes[0], s.codes[down], s.codes[2 * down]]).toEqual([1, 0, 0]);
  });
});

describe('checkSnapshotCategories', () => {
  it('wants whole codes from 0 to 255, each once, one of them 0', () => {
    expect(() => checkSnapshotCategories(snapshotCategories)).not.toThrow();
    const c = (code: number) => ({ code, label: String(code), color: '#000000' });
    expect(() => checkSnapshotCategories([c(1), c(2)])).toThrow(/need code 0/);
    expect(() => checkSnapshotCategories([c(0), c(1), c(1)])).toThrow(/1 is used twice/);
    expect(() => checkSnapshotCategories([c(0), c(256)])).toThrow(/from 0 to 255/);
    expect(() => checkSnapshotCategories([c(0), c(1.5)])).toThrow(/from 0 to 255/);
  });
});

describe('Schelling’s snapshot', () => {
  it('is every household’s type + 1 at its cell, 0 where nobody lives', () => {
    const run = startReplicate(schelling, town(), 0);
    run.step();
    const state = run.state as SchellingState;
    const { cells, width, height } = captureTown(state);
    expect([width, height]).toEqual([12, 9]);
    const expected = new Uint8Array(12 * 9);
    for (let i = 0; i < state.type.length; i++) expected[state.cell[i]] = state.type[i] + 1;
    expect([...cells]).toEqual([...expected]);
    expect(cells.filter((c) => c === 0)).toHaveLength(12 * 9 - state.type.length);
  });

  it('has three colour-blind-safe categories, the empty one code 0', () => {
    expect(schelling.snapshot?.categories.map((c) => [c.code, c.color])).toEqual([
      [0, '#e8e8e8'],
      [1, '#0072B2'],
      [2, '#E69F00'],
    ]);
  });

  it('is taken at the chosen steps of replicate 0, as the state stands after each', () => {
    const scenario = town({ output: { snapshots: [0, 4, 10] } });
    const run = startReplicate(schelling, scenario, 0);
    const seen: Uint8Array[] = [];
    for (let tick = 0; run.step(); tick++) {
      if ([0, 4, 10].includes(tick)) seen.push(captureTown(run.state as SchellingState).cells);
    }
    const snapshots = run.result().snapshots!;
    expect(snapshots.map((s) => [s.tick, s.label, s.width, s.height, s.block])).toEqual([
      [0, '0', 12, 9, 1],
      [4, '4', 12, 9, 1],
      [10, '10', 12, 9, 1],
    ]);
    expect(snapshots.map((s) => [...s.codes])).toEqual(seen.map((c) => [...c]));
    expect(snapshots[0].codes).not.toEqual(snapshots[2].codes); // the town sorted itself meanwhile
    expect(runReplicate(schelling, scenario, 1).snapshots).toBeUndefined();
  });

  it('changes nothing in the run: the series are the same with and without snapshots', () => {
    const without = runReplicate(schelling, town({ output: { snapshots: [] } }), 0);
    const withThem = runReplicate(schelling, town({ output: { snapshots: [0, 3, 5, 10] } }), 0);
    expect(without.snapshots).toBeUndefined();
    expect(withThem.snapshots).toHaveLength(4);
    expect(withThem.series).toEqual(without.series);
  });

  it('is the same for the same seed, and survives a structured clone (a worker’s reply)', () => {
    const a = runReplicate(schelling, town(), 0);
    const b = structuredClone(runReplicate(schelling, town(), 0));
    expect(b.snapshots![1].codes).toBeInstanceOf(Uint8Array);
    expect(b.snapshots).toEqual(a.snapshots);
  });

  it('is coarsened for a large town, as the platform promises', () => {
    const big = town({ steps: 1, grid: { width: 400, height: 170 }, output: { snapshots: [1] } });
    const [s] = runReplicate(schelling as AnyModel, big, 0).snapshots!;
    expect(s).toMatchObject({ width: 400, height: 170, block: 3 });
    expect(s.codes).toHaveLength(134 * 57);
  });
});
