/**
 * The Schelling rules the step calls (src/models/schelling/rules.ts), on small hand-drawn towns: counts of
 * neighbours, Mesa's share rule (no neighbours = share 0) and ABMFC's count rule, and the two schedules —
 * mesa moves only those unhappy after the last judgement and judges everyone after the moves; abmfc
 * judges each household as it is activated, seeing earlier moves. On random towns: the cells' tallies
 * stay equal to a count of the grid move after move, and the judgement after a step measures the state
 * after it. A replicate is a function of its seed, whatever ran before it in the process.
 */
import { describe, expect, it } from 'vitest';
import { Grid } from '../../../src/engine/grid.ts';
import { createStream } from '../../../src/engine/random.ts';
import {
  countNeighbours,
  happyByCount,
  happyByShare,
  judge,
  step,
  tallyAlike,
  tallyAll,
} from '../../../src/models/schelling/rules.ts';
import { schelling } from '../../../src/models/schelling/index.ts';
import type { Scenario } from '../../../src/models/schelling/schema.ts';
import { settle, type SchellingState } from '../../../src/models/schelling/state.ts';
import { loadScenario } from '../../../src/node/index.ts';
import { runReplicate } from '../../../src/run/replicate.ts';

/** A town from rows of characters: '0' and '1' households, '.' empty (x is the column, y the row). */
function town(
  rows: string[],
  rule: 'mesa' | 'abmfc',
  levers = { homophily: 0.5, minSimilar: 2 },
  draws = [0.5],
): SchellingState {
  const width = rows[0].length;
  const height = rows.length;
  const grid = new Grid({ width, height, connectivity: 'moore', torus: false, single: true });
  const type: number[] = [];
  const cell: number[] = [];
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const c = rows[y][x];
      if (c === '.') continue;
      type.push(Number(c));
      cell.push(grid.cellAt(x, y));
    }
  }
  let k = 0;
  const next = () => draws[k++ % draws.length];
  return settle(grid, {
    levers,
    rule,
    radius: 1,
    type: Uint8Array.from(type),
    cell: Int32Array.from(cell),
    activation: () => 0.999, // keeps the identity order (Fisher–Yates swaps each with itself)
    landing: next,
  });
}

/** Household i's neighbours and alike ones, counted cell by cell from the grid (no tallies). */
function recount(s: SchellingState, i: number): [number, number] {
  const { offsets, cells } = s.grid.neighbourhoods(s.radius);
  let all = 0;
  let same = 0;
  for (let k = offsets[s.cell[i]]; k < offsets[s.cell[i] + 1]; k++) {
    const j = s.grid.occupant[cells[k]];
    if (j < 0) continue;
    all++;
    if (s.type[j] === s.type[i]) same++;
  }
  return [all, same];
}

/** A random town of the given shape, with seeded draws for the moves. */
function randomTown(rule: 'mesa' | 'abmfc', width: number, height: number, radius: number, seed: number) {
  const grid = new Grid({
    width,
    height,
    connectivity: 'moore',
    torus: false,
    single: true,
    indexEmpty: true,
  });
  const u = createStream({ family: 'schelling-test', seed, replicate: 0, name: 'town' }).uniform;
  const type: number[] = [];
  const cell: number[] = [];
  for (let c = 0; c < grid.cellCount; c++) {
    if (u() < 0.7) {
      type.push(u() < 0.5 ? 1 : 0);
      cell.push(c);
    }
  }
  const s = settle(grid, {
    levers: { homophily: 0.6, minSimilar: Math.max(1, radius * 3) },
    rule,
    radius,
    type: Uint8Array.from(type),
    cell: Int32Array.from(cell),
    activation: u,
    landing: u,
  });
  judge(s);
  return s;
}

describe('Schelling rules', () => {
  it('counts neighbours and same-type ones, live from the grid', () => {
    const s = town(['01.', '00.', '...'], 'mesa');
    // household 0 at (0,0): neighbours (0,1) type 0 and (1,0) type 1, (1,1) type 0
    expect(countNeighbours(s, 0)).toBe(3);
    expect(s.same).toBe(2);
  });

  it('judges by share (Mesa: no neighbours counts as 0) and by count (ABMFC)', () => {
    expect(happyByShare(2, 4, 0.5)).toBe(true);
    expect(happyByShare(1, 4, 0.5)).toBe(false);
    expect(happyByShare(0, 0, 0.3)).toBe(false);
    expect(happyByShare(0, 0, 0)).toBe(true);
    expect(happyByCount(2, 2)).toBe(true);
    expect(happyByCount(1, 2)).toBe(false);
  });

  it('mesa: moves only those unhappy at the last judgement, then judges everyone again', () => {
    // a lone 1 among 0s is unhappy; the 0s are happy
    const s = town(['000.', '010.', '000.', '....'], 'mesa');
    judge(s);
    const lone = s.type.indexOf(1);
    expect(Array.from(s.happy).filter((h) => h === 0)).toHaveLength(1);
    expect(s.happy[lone]).toBe(0);
    const from = s.cell[lone];
    s.landing = () => 15 / 16; // cell 15 = (3, 3), empty
    step(s);
    expect(s.moved).toBe(1);
    expect(s.cell[lone]).toBe(15);
    expect(s.grid.occupant[from]).toBe(-1);
    // judged after the move: alone in the corner, it has no neighbours (share 0 < 0.5)
    expect(s.happy[lone]).toBe(0);
    expect(s.happyCount).toBe(8);
  });

  it('abmfc: each household is judged as it is activated, seeing the moves before it', () => {
    // two 1s side by side with minSimilar 1 are content; a lone 1 is not
    const s = town(['11..', '....', '...1', '....'], 'abmfc', { homophily: 0, minSimilar: 1 });
    judge(s);
    expect(s.happyCount).toBe(2);
    // the lone 1 lands next to the others: after the step all three are content
    const lone = 2; // creation order: (0,0), (1,0), (3,2)
    expect(s.cell[lone]).toBe(s.grid.cellAt(3, 2));
    s.landing = () => s.grid.cellAt(2, 0) / 16 + 1e-9;
    step(s);
    expect(s.moved).toBe(1);
    expect(s.cell[lone]).toBe(s.grid.cellAt(2, 0));
    expect(s.happyCount).toBe(3);
  });

  it('measures segregation over households with neighbours', () => {
    const segregation = (rows: string[]) => {
      const s = town(rows, 'mesa');
      judge(s);
      return s.segregation;
    };
    expect(segregation(['01', '..'])).toBe(0);
    // each has 3 neighbours: 1 of its type
    expect(segregation(['00', '11'])).toBeCloseTo(1 / 3);
    expect(Number.isNaN(segregation(['0.', '..']))).toBe(true);
  });

  it('keeps every tally equal to a count of the grid, move after move, on both rules and at radius 1–3', () => {
    for (const rule of ['mesa', 'abmfc'] as const) {
      for (const radius of [1, 2, 3]) {
        const s = randomTown(rule, 13, 9, radius, radius);
        for (let t = 0; t < 6; t++) {
          step(s);
          let happy = 0;
          let sum = 0;
          let counted = 0;
          for (let i = 0; i < s.type.length; i++) {
            const [all, same] = recount(s, i);
            expect(tallyAll(s.tally[s.cell[i]])).toBe(all);
            expect(tallyAlike(s.tally[s.cell[i]], s.type[i])).toBe(same);
            if (all > 0) {
              sum += same / all;
              counted++;
            }
            if (rule === 'mesa' ? happyByShare(same, all, 0.6) : happyByCount(same, radius * 3)) happy++;
          }
          // the judgement after the step measured the state after it
          expect(s.happyCount).toBe(happy);
          expect(s.segregation).toBe(sum / counted);
        }
        expect(s.moved).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('mesa: moves exactly the households judged unhappy, whether the tallies follow each move or are counted afresh', () => {
    // a crowded 30 × 30 town at homophily 0.6: most move in the first step (tallies counted afresh
    // after the moves), few later (tallies follow each move)
    const s = randomTown('mesa', 30, 30, 1, 7);
    const moves: number[] = [];
    for (let t = 0; t < 8; t++) {
      const unhappy = s.type.length - s.happyCount;
      step(s);
      expect(s.moved).toBe(unhappy);
      moves.push(s.moved);
    }
    // radius 1: tallies are counted afresh when more than 3/19 of the cells' households move
    expect(Math.max(...moves) * 19).toBeGreaterThan(3 * s.tally.length);
    expect(Math.min(...moves) * 19).toBeLessThan(3 * s.tally.length);
  });

  it('is a function of the seed: a replicate gives the same series again after towns of other shapes ran', async () => {
    const load = async (file: string) =>
      (await loadScenario(`scenarios/classics/${file}`)).scenario as Scenario;
    const small = { ...(await load('schelling-abmfc-small.yaml')), steps: 10 };
    const other = { ...(await load('schelling-mesa-defaults.yaml')), steps: 5 };
    const first = runReplicate(schelling, small, 3).series.values;
    runReplicate(schelling, other, 3);
    expect(runReplicate(schelling, small, 3).series.values).toEqual(first);
    expect(runReplicate(schelling, small, 4).series.values).not.toEqual(first);
  });
});
