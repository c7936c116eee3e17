/**
 * The engine's grid and activation order: Mesa's cell numbering, neighbourhood sizes for Moore and von
 * Neumann at several radii, clipped and wrapped (corners have 3 Moore neighbours, edges 5; a small torus
 * collapses duplicates and never lists a cell as its own neighbour), occupancy bookkeeping, rejection
 * sampling of empty cells (uniform over the empty ones), and permutations that are uniform and fresh.
 */
import { describe, expect, it } from 'vitest';
import { shuffleInPlace } from '../../src/engine/activation.ts';
import { Grid } from '../../src/engine/grid.ts';
import { createStream } from '../../src/engine/random.ts';

const grid = (width: number, height: number, connectivity: 'moore' | 'von-neumann', torus: boolean) =>
  new Grid({ width, height, connectivity, torus, single: true });

function sizes(g: Grid, radius: number): number[] {
  const { offsets } = g.neighbourhoods(radius);
  return Array.from({ length: g.cellCount }, (_, c) => offsets[c + 1] - offsets[c]);
}

describe('Grid', () => {
  it('numbers cells as Mesa does: (x, y) is x · height + y', () => {
    const g = grid(3, 4, 'moore', false);
    expect(g.cellAt(0, 0)).toBe(0);
    expect(g.cellAt(0, 3)).toBe(3);
    expect(g.cellAt(1, 0)).toBe(4);
    expect([g.xOf(7), g.yOf(7)]).toEqual([1, 3]);
  });

  it('builds Moore and von Neumann neighbourhoods, clipped or wrapped, without the cell itself', () => {
    const clipped = grid(10, 10, 'moore', false);
    const s1 = sizes(clipped, 1);
    expect(s1[clipped.cellAt(0, 0)]).toBe(3);
    expect(s1[clipped.cellAt(0, 5)]).toBe(5);
    expect(s1[clipped.cellAt(5, 5)]).toBe(8);
    expect(sizes(clipped, 2)[clipped.cellAt(5, 5)]).toBe(24);
    expect(sizes(clipped, 2)[clipped.cellAt(0, 0)]).toBe(8);
    const vn = grid(10, 10, 'von-neumann', false);
    expect(sizes(vn, 1)[vn.cellAt(5, 5)]).toBe(4);
    expect(sizes(vn, 2)[vn.cellAt(5, 5)]).toBe(12); // 2r(r + 1)
    expect(sizes(vn, 1)[vn.cellAt(0, 0)]).toBe(2);
    const torus = grid(10, 10, 'moore', true);
    expect(new Set(sizes(torus, 1))).toEqual(new Set([8]));
    // a 3 × 3 torus at radius 2 reaches every other cell once, never itself
    const small = grid(3, 3, 'moore', true);
    const { offsets, cells } = small.neighbourhoods(2);
    for (let c = 0; c < 9; c++) {
      const list = Array.from(cells.subarray(offsets[c], offsets[c + 1]));
      expect(list.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].filter((x) => x !== c));
    }
    // neighbourhoods are built once per radius and shared
    expect(torus.neighbourhoods(1)).toBe(torus.neighbourhoods(1));
    expect(() => torus.neighbourhoods(0)).toThrow(/radius/);
  });

  it('keeps occupancy and refuses a second agent in a taken cell', () => {
    const g = grid(2, 2, 'moore', false);
    g.place(0, 1);
    expect(g.occupant[1]).toBe(0);
    expect(g.empty).toBe(3);
    expect(() => g.place(1, 1)).toThrow(/taken/);
    g.move(0, 1, 3);
    expect([g.occupant[1], g.occupant[3], g.empty]).toEqual([-1, 0, 3]);
    expect(() => g.remove(0, 1)).toThrow(/empty/);
  });

  it('draws empty cells uniformly by rejection, never a taken one, and refuses a full grid', () => {
    const g = grid(4, 4, 'moore', false);
    for (let c = 0; c < 12; c++) g.place(c, c); // cells 12–15 empty
    const random = createStream({ family: 'grid', seed: 1, replicate: 0, name: 'empty' });
    const counts = new Map<number, number>();
    for (let k = 0; k < 4000; k++) {
      const c = g.randomEmptyCell(random.uniform);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([12, 13, 14, 15]);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(120);
    for (let c = 12; c < 16; c++) g.place(c, c);
    expect(() => g.randomEmptyCell(random.uniform)).toThrow(/no empty cell/);
  });
});

describe('shuffleInPlace (random sequential activation)', () => {
  it('gives every order of three agents about equally often, and a fresh one each step', () => {
    const random = createStream({ family: 'grid', seed: 2, replicate: 0, name: 'order' });
    const order = Int32Array.from([0, 1, 2]);
    const counts = new Map<string, number>();
    for (let k = 0; k < 6000; k++) {
      const key = Array.from(shuffleInPlace(order, random.uniform)).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(130);
    expect(Array.from(order).sort()).toEqual([0, 1, 2]); // still a permutation
  });
});
