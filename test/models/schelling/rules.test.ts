/**
 * The Schelling rules the step calls (src/models/schelling/rules.ts), on small hand-drawn towns: counts of
 * neighbours, Mesa's share rule (no neighbours = share 0) and ABMFC's count rule, and the two schedules —
 * mesa moves only those unhappy after the last judgement and judges everyone after the moves; abmfc
 * judges each household as it is activated, seeing earlier moves.
 */
import { describe, expect, it } from 'vitest';
import { Grid } from '../../../src/engine/grid.ts';
import {
  assignHappiness,
  countHappyByCount,
  countNeighbours,
  happyByCount,
  happyByShare,
  segregation,
  step,
} from '../../../src/models/schelling/rules.ts';
import type { SchellingState } from '../../../src/models/schelling/state.ts';

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
      grid.place(type.length - 1, grid.cellAt(x, y));
    }
  }
  let k = 0;
  const next = () => draws[k++ % draws.length];
  return {
    levers,
    rule,
    grid,
    around: grid.neighbourhoods(1),
    type: Uint8Array.from(type),
    cellType: Int8Array.from({ length: grid.cellCount }, (_, c) =>
      grid.occupant[c] < 0 ? -1 : type[grid.occupant[c]],
    ),
    cell: Int32Array.from(cell),
    happy: new Uint8Array(type.length),
    order: Int32Array.from(type, (_, i) => i),
    activation: () => 0.999, // keeps the identity order (Fisher–Yates swaps each with itself)
    landing: next,
    same: 0,
    happyCount: 0,
    moved: 0,
  };
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
    assignHappiness(s);
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
    expect(countHappyByCount(s)).toBe(2);
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
    const s = town(['01', '..'], 'mesa');
    expect(segregation(s)).toBe(0);
    const t = town(['00', '11'], 'mesa');
    // each has 3 neighbours: 1 of its type
    expect(segregation(t)).toBeCloseTo(1 / 3);
    expect(Number.isNaN(segregation(town(['0.', '..'], 'mesa')))).toBe(true);
  });
});
