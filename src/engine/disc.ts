/**
 * Euclidean neighbourhoods on a grid (domain-free): every cell whose centre lies within `radius` of a
 * cell's centre — NetLogo's `patches in-radius r` — wrapped on a torus (the shortest way round) or clipped
 * at the border, with or without the cell itself, duplicates on small tori collapsed. Same compact form
 * as Grid's Moore and von Neumann neighbourhoods (CSR: offsets and cell indices), built once, read with
 * no allocation.
 */
import type { Grid, Neighbourhoods } from './grid.ts';
import { recentlyUsed } from './recentlyUsed.ts';

/**
 * Built neighbourhoods by grid shape, radius and centre: immutable, so every grid of one shape (the
 * replicates of a run) shares them; the least recently used goes when more than `builtLimit` are kept.
 */
const built = new Map<string, Neighbourhoods>();
const builtLimit = 8;

export function discNeighbourhoods(
  grid: Pick<Grid, 'width' | 'height' | 'torus' | 'cellCount'>,
  radius: number,
  withCentre: boolean,
): Neighbourhoods {
  const key = `${grid.width}x${grid.height}:${grid.torus}:${radius}:${withCentre}`;
  return recentlyUsed(built, key, builtLimit, () => buildDisc(grid, radius, withCentre));
}

function buildDisc(
  grid: Pick<Grid, 'width' | 'height' | 'torus' | 'cellCount'>,
  radius: number,
  withCentre: boolean,
): Neighbourhoods {
  if (!(radius > 0 && Number.isFinite(radius)))
    throw new RangeError(`a radius is a positive number, got ${radius}`);
  const { width, height, torus, cellCount } = grid;
  const reach = Math.floor(radius);
  const offsets = new Int32Array(cellCount + 1);
  const lists: number[] = [];
  const seen = new Int32Array(cellCount).fill(-1);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const self = x * height + y;
      if (withCentre) lists.push(self);
      seen[self] = self;
      for (let dx = -reach; dx <= reach; dx++) {
        for (let dy = -reach; dy <= reach; dy++) {
          if (dx * dx + dy * dy > radius * radius) continue;
          let nx = x + dx;
          let ny = y + dy;
          if (torus) {
            nx = ((nx % width) + width) % width;
            ny = ((ny % height) + height) % height;
          } else if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const cell = nx * height + ny;
          if (seen[cell] === self) continue;
          seen[cell] = self;
          lists.push(cell);
        }
      }
      offsets[self + 1] = lists.length;
    }
  }
  return { radius, offsets, cells: Int32Array.from(lists) };
}
