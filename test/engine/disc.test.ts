/** Euclidean (disc) neighbourhoods: NetLogo's `patches in-radius r` on a torus or a clipped grid. */
import { describe, expect, it } from 'vitest';
import { discNeighbourhoods } from '../../src/engine/disc.ts';

const grid = (width: number, height: number, torus: boolean) => ({
  width,
  height,
  torus,
  cellCount: width * height,
});
const sizeAt = (n: { offsets: Int32Array }, c: number) => n.offsets[c + 1] - n.offsets[c];
const cellsAt = (n: { offsets: Int32Array; cells: Int32Array }, c: number) =>
  Array.from(n.cells.subarray(n.offsets[c], n.offsets[c + 1]));

describe('discNeighbourhoods', () => {
  it('holds every cell within the radius: 149 at radius 7 with the centre, 148 without, everywhere on a torus', () => {
    const withCentre = discNeighbourhoods(grid(40, 40, true), 7, true);
    const without = discNeighbourhoods(grid(40, 40, true), 7, false);
    for (const c of [0, 39, 820, 1599]) {
      expect(sizeAt(withCentre, c)).toBe(149);
      expect(sizeAt(without, c)).toBe(148);
      expect(cellsAt(withCentre, c)).toContain(c);
      expect(cellsAt(without, c)).not.toContain(c);
    }
  });
  it('measures distance the shortest way round a torus, and clips at the border otherwise', () => {
    const g = grid(10, 10, true);
    const n = discNeighbourhoods(g, 1, false);
    // cell (0, 0) = 0: neighbours (9, 0), (1, 0), (0, 9), (0, 1)
    expect(cellsAt(n, 0).sort((a, b) => a - b)).toEqual([1, 9, 10, 90]);
    const clipped = discNeighbourhoods(grid(10, 10, false), 1, false);
    expect(cellsAt(clipped, 0).sort((a, b) => a - b)).toEqual([1, 10]);
    // a corner of a clipped grid sees a quarter disc: radius 2 → (1,0),(2,0),(0,1),(0,2),(1,1)
    expect(sizeAt(discNeighbourhoods(grid(10, 10, false), 2, false), 0)).toBe(5);
  });
  it('counts a cell once on a torus smaller than the disc', () => {
    const n = discNeighbourhoods(grid(3, 3, true), 5, true);
    for (let c = 0; c < 9; c++) expect(new Set(cellsAt(n, c)).size).toBe(9);
    expect(sizeAt(n, 4)).toBe(9);
  });
  it('is built once per shape and shared (the same arrays for every grid of that shape)', () => {
    const a = discNeighbourhoods(grid(20, 20, true), 3, true);
    const b = discNeighbourhoods(grid(20, 20, true), 3, true);
    expect(b).toBe(a);
    expect(discNeighbourhoods(grid(20, 20, false), 3, true)).not.toBe(a);
  });
  it('refuses a radius that is not a positive number', () => {
    expect(() => discNeighbourhoods(grid(5, 5, true), 0, true)).toThrow(RangeError);
    expect(() => discNeighbourhoods(grid(5, 5, true), Number.NaN, true)).toThrow(RangeError);
  });
});
