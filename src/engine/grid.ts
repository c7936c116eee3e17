/**
 * A rectangular grid of cells for spatial models (domain-free): Moore (8 neighbours) or von Neumann (4)
 * connections, wrapped (a torus) or clipped at the border, and at most one agent per cell or any number.
 * Cells are numbered in Mesa's coordinate order — cell (x, y) is x · height + y, the first coordinate
 * outer — so a model that walks the cells in index order visits them as Mesa's examples do.
 *
 * Neighbourhoods of radius r (every cell within r steps, the cell itself excluded: a Chebyshev ball for
 * Moore, a Manhattan ball for von Neumann; clipped or wrapped, duplicates on small tori collapsed) are
 * built once per radius into compact arrays (CSR: offsets and cell indices), and read with no
 * allocation. Occupancy lives in typed arrays; "a random empty cell" is drawn as Mesa draws it — a
 * uniformly random cell, again until it is empty (rejection sampling).
 */

export type Connectivity = 'moore' | 'von-neumann';

export interface GridOptions {
  width: number;
  height: number;
  connectivity: Connectivity;
  torus: boolean;
  /** At most one agent per cell (true) or any number (false). */
  single: boolean;
}

/** Cells within `radius` of each cell, in compact form: cells[offsets[c] … offsets[c + 1]). */
export interface Neighbourhoods {
  radius: number;
  offsets: Int32Array;
  cells: Int32Array;
}

/** A grid whose occupancy (single mode: one agent per cell) is kept in typed arrays. */
export class Grid {
  readonly width: number;
  readonly height: number;
  readonly cellCount: number;
  readonly connectivity: Connectivity;
  readonly torus: boolean;
  readonly single: boolean;
  /** Single mode: the agent in each cell, or −1 when empty. */
  readonly occupant: Int32Array;
  /** How many agents each cell holds. */
  readonly count: Int32Array;
  private emptyCells: number;
  private readonly cache = new Map<number, Neighbourhoods>();

  constructor(options: GridOptions) {
    const { width, height } = options;
    if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 1 && height >= 1)) {
      throw new RangeError(`a grid needs whole positive sides, got ${width} × ${height}`);
    }
    if (width * height > 100_000_000) throw new RangeError(`a ${width} × ${height} grid is too large`);
    this.width = width;
    this.height = height;
    this.cellCount = width * height;
    this.connectivity = options.connectivity;
    this.torus = options.torus;
    this.single = options.single;
    this.occupant = new Int32Array(this.cellCount).fill(-1);
    this.count = new Int32Array(this.cellCount);
    this.emptyCells = this.cellCount;
  }

  cellAt(x: number, y: number): number {
    return x * this.height + y;
  }
  xOf(cell: number): number {
    return Math.floor(cell / this.height);
  }
  yOf(cell: number): number {
    return cell % this.height;
  }

  /** Cells with no agent. */
  get empty(): number {
    return this.emptyCells;
  }

  isEmpty(cell: number): boolean {
    return this.count[cell] === 0;
  }

  place(agent: number, cell: number): void {
    if (this.single) {
      if (this.count[cell] !== 0) throw new Error(`cell ${cell} is taken`);
      this.occupant[cell] = agent;
    }
    if (this.count[cell] === 0) this.emptyCells--;
    this.count[cell]++;
  }

  remove(agent: number, cell: number): void {
    if (this.count[cell] === 0) throw new Error(`cell ${cell} is empty`);
    if (this.single) {
      if (this.occupant[cell] !== agent) throw new Error(`agent ${agent} is not in cell ${cell}`);
      this.occupant[cell] = -1;
    }
    this.count[cell]--;
    if (this.count[cell] === 0) this.emptyCells++;
  }

  move(agent: number, from: number, to: number): void {
    this.remove(agent, from);
    this.place(agent, to);
  }

  /**
   * A uniformly random empty cell, as Mesa's `select_random_empty_cell` draws it: a random cell of the
   * whole grid, again until it is empty. Throws on a full grid (the draw would never end).
   */
  randomEmptyCell(uniform: () => number): number {
    if (this.emptyCells === 0) throw new Error('the grid has no empty cell');
    for (;;) {
      const cell = Math.floor(uniform() * this.cellCount);
      if (this.count[cell] === 0) return cell;
    }
  }

  /** The neighbourhoods of radius r (built on first use, then shared). */
  neighbourhoods(radius: number): Neighbourhoods {
    let found = this.cache.get(radius);
    if (!found) {
      found = this.build(radius);
      this.cache.set(radius, found);
    }
    return found;
  }

  private build(radius: number): Neighbourhoods {
    if (!(Number.isInteger(radius) && radius >= 1))
      throw new RangeError(`a radius is a whole number ≥ 1, got ${radius}`);
    const { width, height, torus } = this;
    const moore = this.connectivity === 'moore';
    const offsets = new Int32Array(this.cellCount + 1);
    const lists: number[] = [];
    const seen = new Int32Array(this.cellCount).fill(-1);
    for (let x = 0; x < width; x++) {
      for (let y = 0; y < height; y++) {
        const self = this.cellAt(x, y);
        seen[self] = self; // the cell itself is never its own neighbour
        for (let dx = -radius; dx <= radius; dx++) {
          for (let dy = -radius; dy <= radius; dy++) {
            if (dx === 0 && dy === 0) continue;
            if (!moore && Math.abs(dx) + Math.abs(dy) > radius) continue;
            let nx = x + dx;
            let ny = y + dy;
            if (torus) {
              nx = ((nx % width) + width) % width;
              ny = ((ny % height) + height) % height;
            } else if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
            const cell = this.cellAt(nx, ny);
            if (seen[cell] === self) continue; // a small torus reaches a cell twice (or itself)
            seen[cell] = self;
            lists.push(cell);
          }
        }
        offsets[self + 1] = lists.length;
      }
    }
    return { radius, offsets, cells: Int32Array.from(lists) };
  }
}
