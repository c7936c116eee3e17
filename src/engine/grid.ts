/**
 * A rectangular grid of cells for spatial models (domain-free): Moore (8 neighbours) or von Neumann (4)
 * connections, wrapped (a torus) or clipped at the border, and at most one agent per cell or any number.
 * Cells are numbered in Mesa's coordinate order — cell (x, y) is x · height + y, the first coordinate
 * outer — so a model that walks the cells in index order visits them as Mesa's examples do.
 *
 * Neighbourhoods of radius r (every cell within r steps, the cell itself excluded: a Chebyshev ball for
 * Moore, a Manhattan ball for von Neumann; clipped or wrapped, duplicates on small tori collapsed) are
 * built once per grid shape and radius into compact arrays (CSR: offsets and cell indices), shared by
 * every grid of that shape in the process (replicates of one scenario build them once), and read with no
 * allocation. Occupancy lives in typed arrays. "A random empty cell" is uniform over the empty cells:
 * drawn as Mesa draws it — a uniformly random cell, again until it is empty (rejection sampling) — or,
 * on a grid that indexes its empty cells, as one draw from their list (the same distribution, fewer
 * random numbers when most cells are taken).
 */
import { recentlyUsed } from './recentlyUsed.ts';

export type Connectivity = 'moore' | 'von-neumann';

export interface GridOptions {
  width: number;
  height: number;
  connectivity: Connectivity;
  torus: boolean;
  /** At most one agent per cell (true) or any number (false). */
  single: boolean;
  /**
   * Keep a list of the empty cells, so randomEmptyCell takes one random number (an index into it)
   * instead of drawing cells until one is empty. Default false: Mesa's rejection sampling.
   */
  indexEmpty?: boolean;
}

/**
 * Cells within `radius` of each cell, in compact form: cells[offsets[c] … offsets[c + 1]). Shared between
 * grids of one shape: read it, never write to it.
 */
export interface Neighbourhoods {
  readonly radius: number;
  readonly offsets: Int32Array;
  readonly cells: Int32Array;
}

/**
 * Neighbourhoods built so far, by grid shape and radius (a pure function of the key, so sharing them
 * changes no result); the least recently used goes when more than `sharedLimit` are kept.
 */
const shared = new Map<string, Neighbourhoods>();
const sharedLimit = 8;

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
  /** With indexEmpty: the empty cells (the first emptyCells entries), and each cell's place there (−1: taken). */
  private readonly emptyList: Int32Array | null;
  private readonly emptyAt: Int32Array | null;
  /** This grid's own neighbourhoods (kept while it lives, whatever the shared cache drops). */
  private readonly cache = new Map<number, Neighbourhoods>();
  private last: Neighbourhoods | null = null;
  /** sumAround's scratch (see there). */
  private boxScratch: Int32Array | null = null;

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
    if (options.indexEmpty) {
      this.emptyList = new Int32Array(this.cellCount);
      this.emptyAt = new Int32Array(this.cellCount);
      for (let c = 0; c < this.cellCount; c++) {
        this.emptyList[c] = c;
        this.emptyAt[c] = c;
      }
    } else {
      this.emptyList = null;
      this.emptyAt = null;
    }
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
    if (this.count[cell] === 0) {
      this.emptyCells--;
      if (this.emptyList) {
        // the last empty cell takes the place of this one in the list
        const at = this.emptyAt![cell];
        const last = this.emptyList[this.emptyCells];
        this.emptyList[at] = last;
        this.emptyAt![last] = at;
        this.emptyAt![cell] = -1;
      }
    }
    this.count[cell]++;
  }

  remove(agent: number, cell: number): void {
    if (this.count[cell] === 0) throw new Error(`cell ${cell} is empty`);
    if (this.single) {
      if (this.occupant[cell] !== agent) throw new Error(`agent ${agent} is not in cell ${cell}`);
      this.occupant[cell] = -1;
    }
    this.count[cell]--;
    if (this.count[cell] === 0) {
      if (this.emptyList) {
        this.emptyList[this.emptyCells] = cell;
        this.emptyAt![cell] = this.emptyCells;
      }
      this.emptyCells++;
    }
  }

  move(agent: number, from: number, to: number): void {
    this.remove(agent, from);
    this.place(agent, to);
  }

  /**
   * A uniformly random empty cell: as Mesa's `select_random_empty_cell` draws it, a random cell of the
   * whole grid, again until it is empty; on a grid that indexes its empty cells, one draw from their
   * list. Throws on a full grid (the draw would never end).
   */
  randomEmptyCell(uniform: () => number): number {
    if (this.emptyCells === 0) throw new Error('the grid has no empty cell');
    if (this.emptyList) return this.emptyList[Math.floor(uniform() * this.emptyCells)];
    for (;;) {
      const cell = Math.floor(uniform() * this.cellCount);
      if (this.count[cell] === 0) return cell;
    }
  }

  /**
   * For every cell, the sum of `values` over its neighbourhood of radius r, into `out` (which must not be
   * `values`). Moore neighbourhoods whose square does not wrap onto itself are summed as a box filter —
   * a sliding window down each column, then across the columns, about four additions per cell at any
   * radius; other neighbourhoods cell by cell from the compact arrays. Allocates only on first use.
   */
  sumAround(values: Int32Array, out: Int32Array, radius: number): void {
    if (!this.boxed(radius)) {
      const { offsets, cells } = this.neighbourhoods(radius);
      for (let c = 0; c < this.cellCount; c++) {
        let sum = 0;
        for (let k = offsets[c], end = offsets[c + 1]; k < end; k++) sum += values[cells[k]];
        out[c] = sum;
      }
      return;
    }
    const { width: w, height: h, torus } = this;
    const r = radius;
    const span = 2 * r + 1;
    // scratch: each column's window sums; a zero column; the running sum across columns; one column
    // padded with the r + 1 rows before it and the r after it (zeros, or wrapped round on a torus)
    const zero = w * h;
    const across = zero + h;
    const padded = across + h;
    if (!this.boxScratch) this.boxScratch = new Int32Array(padded + h + span);
    const column = this.boxScratch;
    // down each column: the sum over rows y − r … y + r
    for (let x = 0; x < w; x++) {
      const base = x * h;
      for (let k = 0; k < h + span; k++) {
        const y = k - r - 1;
        column[padded + k] = y >= 0 && y < h ? values[base + y] : torus ? values[base + ((y + h) % h)] : 0;
      }
      // the window of row −1, then slid down a row at a time
      let sum = 0;
      for (let k = 0; k < span; k++) sum += column[padded + k];
      for (let y = 0; y < h; y++) {
        sum += column[padded + y + span] - column[padded + y];
        column[base + y] = sum;
      }
    }
    // across the columns x − r … x + r (the zero column stands for those off a clipped grid), less the
    // cell itself
    const columnAt = (x: number) => (torus ? ((x + w) % w) * h : x >= 0 && x < w ? x * h : zero);
    column.fill(0, zero, across + h);
    for (let d = -r - 1; d < r; d++) {
      const from = columnAt(d);
      for (let y = 0; y < h; y++) column[across + y] += column[from + y];
    }
    for (let x = 0; x < w; x++) {
      const base = x * h;
      const enter = columnAt(x + r);
      const leave = columnAt(x - r - 1);
      for (let y = 0; y < h; y++) {
        const sum = column[across + y] + column[enter + y] - column[leave + y];
        column[across + y] = sum;
        out[base + y] = sum - values[base + y];
      }
    }
  }

  /**
   * Adds `amount` to values[c] for every cell c in the neighbourhood of radius r of cell `at` (a move
   * takes an agent's mark from the cells around its old cell and adds it around the new one). From the
   * neighbourhood lists: at radius 1 and 2 they beat walking the square's columns, which costs a
   * division and four bounds.
   */
  addAround(values: Int32Array, at: number, radius: number, amount: number): void {
    const { offsets, cells } = this.neighbourhoods(radius);
    for (let k = offsets[at], end = offsets[at + 1]; k < end; k++) values[cells[k]] += amount;
  }

  /** Whether the radius-r neighbourhoods are whole squares (Moore) that do not wrap onto themselves. */
  private boxed(radius: number): boolean {
    if (!(Number.isInteger(radius) && radius >= 1))
      throw new RangeError(`a radius is a whole number ≥ 1, got ${radius}`);
    return (
      this.connectivity === 'moore' && (!this.torus || (this.width > 2 * radius && this.height > 2 * radius))
    );
  }

  /** The neighbourhoods of radius r (built on first use, then shared with every grid of this shape). */
  neighbourhoods(radius: number): Neighbourhoods {
    if (this.last?.radius === radius) return this.last; // hot loops ask for one radius again and again
    let found = this.cache.get(radius);
    if (found) return (this.last = found);
    const key = `${this.width}×${this.height} ${this.connectivity} ${this.torus ? 'torus' : 'clipped'} r${radius}`;
    found = recentlyUsed(shared, key, sharedLimit, () =>
      buildNeighbourhoods(this.width, this.height, this.connectivity === 'moore', this.torus, radius),
    );
    this.cache.set(radius, found);
    return (this.last = found);
  }
}

/**
 * Builds the neighbourhoods of every cell (see Neighbourhoods), straight into typed arrays. The column and
 * the row each offset of the ball reaches from each x and each y are worked out first (wrapped, or −1 off
 * a clipped grid), so the cell loop only adds two looked-up numbers (two divisions per entry before: a
 * tenth of a second for a million entries, most of a short run's set-up). On a torus whose sides are
 * shorter than the ball (2r + 1 cells) a cell can be reached twice or be its own neighbour: those are
 * dropped, the first reach kept.
 */
function buildNeighbourhoods(
  width: number,
  height: number,
  moore: boolean,
  torus: boolean,
  radius: number,
): Neighbourhoods {
  if (!(Number.isInteger(radius) && radius >= 1))
    throw new RangeError(`a radius is a whole number ≥ 1, got ${radius}`);
  const cellCount = width * height;
  // the offsets (dx, dy) of the ball, in the order the cells are listed
  const dxs: number[] = [];
  const dys: number[] = [];
  for (let dx = -radius; dx <= radius; dx++) {
    for (let dy = -radius; dy <= radius; dy++) {
      if (dx === 0 && dy === 0) continue;
      if (!moore && Math.abs(dx) + Math.abs(dy) > radius) continue;
      dxs.push(dx);
      dys.push(dy);
    }
  }
  const size = dxs.length;
  const wrap = (v: number, side: number) =>
    torus ? ((v % side) + side) % side : v >= 0 && v < side ? v : -1;
  // columnOf[x · size + b]: the first cell of the column offset b reaches from x (x' · height), or −1
  const columnOf = new Int32Array(width * size);
  for (let x = 0; x < width; x++) {
    for (let b = 0; b < size; b++) {
      const nx = wrap(x + dxs[b], width);
      columnOf[x * size + b] = nx < 0 ? -1 : nx * height;
    }
  }
  const rowOf = new Int32Array(height * size);
  for (let y = 0; y < height; y++)
    for (let b = 0; b < size; b++) rowOf[y * size + b] = wrap(y + dys[b], height);
  const overlaps = torus && (2 * radius + 1 > width || 2 * radius + 1 > height);
  const seen = overlaps ? new Int32Array(cellCount).fill(-1) : null;
  const offsets = new Int32Array(cellCount + 1);
  let cells = new Int32Array(cellCount * size);
  let k = 0;
  for (let x = 0; x < width; x++) {
    const columns = x * size;
    for (let y = 0; y < height; y++) {
      const self = x * height + y;
      const rows = y * size;
      if (seen) seen[self] = self; // the cell itself is never its own neighbour
      for (let b = 0; b < size; b++) {
        const column = columnOf[columns + b];
        const row = rowOf[rows + b];
        if ((column | row) < 0) continue; // off a clipped grid
        const cell = column + row;
        if (seen) {
          if (seen[cell] === self) continue; // a small torus reaches a cell twice (or itself)
          seen[cell] = self;
        }
        cells[k++] = cell;
      }
      offsets[self + 1] = k;
    }
  }
  if (k < cells.length) cells = cells.slice(0, k);
  return { radius, offsets, cells };
}
