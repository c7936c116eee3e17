/**
 * The engine's grid and activation order: Mesa's cell numbering, neighbourhood sizes for Moore and von
 * Neumann at several radii, clipped and wrapped (corners have 3 Moore neighbours, edges 5; a small torus
 * collapses duplicates and never lists a cell as its own neighbour), shared between grids of one shape;
 * sums over neighbourhoods (box filters for Moore squares) and additions around a cell equal to the
 * cell-by-cell lists; occupancy bookkeeping, empty cells drawn uniformly by rejection or from their
 * index, and permutations that are uniform and fresh.
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

/**
 * The neighbourhood of (x, y) written the plain way: the ball's offsets in order (dx outer, dy inner,
 * both from −r to r), each wrapped by modulo or dropped off a clipped grid, the cell itself and repeats
 * left out.
 */
function plainNeighbourhood(g: Grid, moore: boolean, x: number, y: number, r: number): number[] {
  const out: number[] = [];
  for (let dx = -r; dx <= r; dx++) {
    for (let dy = -r; dy <= r; dy++) {
      if ((dx === 0 && dy === 0) || (!moore && Math.abs(dx) + Math.abs(dy) > r)) continue;
      let nx = x + dx;
      let ny = y + dy;
      if (g.torus) {
        nx = ((nx % g.width) + g.width) % g.width;
        ny = ((ny % g.height) + g.height) % g.height;
      } else if (nx < 0 || ny < 0 || nx >= g.width || ny >= g.height) continue;
      const cell = g.cellAt(nx, ny);
      if (cell !== g.cellAt(x, y) && !out.includes(cell)) out.push(cell);
    }
  }
  return out;
}

describe('Grid', () => {
  it('numbers cells as Mesa does: (x, y) is x · height + y', () => {
    const g = grid(3, 4, 'moore', false);
    expect(g.cellAt(0, 0)).toBe(0);
    expect(g.cellAt(0, 3)).toBe(3);
    expect(g.cellAt(1, 0)).toBe(4);
    expect([g.xOf(7), g.yOf(7)]).toEqual([1, 3]);
  });

  it('lists every neighbourhood as the plain definition does, in its order, on any shape', () => {
    for (const [width, height] of [
      [1, 1],
      [1, 5],
      [2, 3],
      [3, 3],
      [4, 7],
      [9, 6],
      [12, 12],
    ]) {
      for (const radius of [1, 2, 3, 5]) {
        for (const connectivity of ['moore', 'von-neumann'] as const) {
          for (const torus of [true, false]) {
            const g = grid(width, height, connectivity, torus);
            const { offsets, cells } = g.neighbourhoods(radius);
            for (let x = 0; x < width; x++) {
              for (let y = 0; y < height; y++) {
                const c = g.cellAt(x, y);
                expect(Array.from(cells.subarray(offsets[c], offsets[c + 1]))).toEqual(
                  plainNeighbourhood(g, connectivity === 'moore', x, y, radius),
                );
              }
            }
          }
        }
      }
    }
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
    // neighbourhoods are built once per shape and radius and shared, between grids of one shape too
    expect(torus.neighbourhoods(1)).toBe(torus.neighbourhoods(1));
    expect(grid(10, 10, 'moore', true).neighbourhoods(1)).toBe(torus.neighbourhoods(1));
    expect(grid(10, 10, 'moore', false).neighbourhoods(1)).not.toBe(torus.neighbourhoods(1));
    expect(grid(10, 10, 'von-neumann', true).neighbourhoods(1)).not.toBe(torus.neighbourhoods(1));
    expect(() => torus.neighbourhoods(0)).toThrow(/radius/);
  });

  it('sums values over every neighbourhood, and adds around a cell, as the neighbourhood lists say', () => {
    const random = createStream({ family: 'grid', seed: 3, replicate: 0, name: 'values' });
    // clipped and wrapped, Moore (box filters; small tori fall back to the lists) and von Neumann
    for (const [w, h] of [
      [1, 1],
      [2, 7],
      [5, 5],
      [9, 4],
      [12, 17],
    ]) {
      for (const connectivity of ['moore', 'von-neumann'] as const) {
        for (const torus of [false, true]) {
          for (const radius of [1, 2, 3]) {
            const g = grid(w, h, connectivity, torus);
            const { offsets, cells } = g.neighbourhoods(radius);
            const values = Int32Array.from({ length: g.cellCount }, () => random.int(1000) - 300);
            const out = new Int32Array(g.cellCount);
            g.sumAround(values, out, radius);
            const expected = new Int32Array(g.cellCount);
            for (let c = 0; c < g.cellCount; c++) {
              for (let k = offsets[c]; k < offsets[c + 1]; k++) expected[c] += values[cells[k]];
            }
            const where = `${w} × ${h} ${connectivity} ${torus ? 'torus' : 'clipped'} r${radius}`;
            expect(Array.from(out), where).toEqual(Array.from(expected));
            for (const at of [0, g.cellCount - 1, random.int(g.cellCount)]) {
              const added = values.slice();
              g.addAround(added, at, radius, 5);
              for (let k = offsets[at]; k < offsets[at + 1]; k++) values[cells[k]] += 5;
              expect(Array.from(added), `${where}, around ${at}`).toEqual(Array.from(values));
            }
          }
        }
      }
    }
    expect(() => grid(3, 3, 'moore', false).sumAround(new Int32Array(9), new Int32Array(9), 0)).toThrow(
      /radius/,
    );
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

  it('with indexEmpty, draws empty cells uniformly from their list, with one random number each', () => {
    const g = new Grid({
      width: 4,
      height: 4,
      connectivity: 'moore',
      torus: false,
      single: true,
      indexEmpty: true,
    });
    const random = createStream({ family: 'grid', seed: 4, replicate: 0, name: 'empty' });
    for (let c = 0; c < 12; c++) g.place(c, (c * 5) % 16); // scattered: cells 0, 5, 10, 15, 4, …; 1, 6, 11, 12 empty
    g.move(0, 0, 12); // cell 0 empty again, 12 taken
    const empty = Array.from({ length: 16 }, (_, c) => c).filter((c) => g.isEmpty(c));
    expect(empty).toHaveLength(4);
    let draws = 0;
    const counted = () => {
      draws++;
      return random.uniform();
    };
    const counts = new Map<number, number>();
    for (let k = 0; k < 4000; k++) {
      const c = g.randomEmptyCell(counted);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(draws).toBe(4000);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(empty);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(120);
    for (const c of empty) g.place(100 + c, c);
    expect(() => g.randomEmptyCell(random.uniform)).toThrow(/no empty cell/);
    g.remove(100 + empty[2], empty[2]);
    expect(g.randomEmptyCell(random.uniform)).toBe(empty[2]);
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
