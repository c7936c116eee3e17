/**
 * Grid snapshots of a spatial model (ModelDefinition.snapshot), taken while a replicate runs: at the
 * ticks the scenario's `output.snapshots` lists (default: the first and the last), of replicate 0 only,
 * so they are the same whichever thread runs it and however many run. A grid wider or taller than
 * maxSnapshotSide cells is coarsened into square blocks of cells, each shown as its most common category
 * (ties go to the category listed first), so the chart stays drawable; the chart says so.
 *
 * Pure and universal: no Node API; a snapshot is plain data (a typed array) that crosses worker threads.
 */
import type { Clock } from '../engine/clock.ts';
import { Calendar } from '../engine/calendar.ts';
import type { AnyModel, SnapshotCategory, SnapshotDefinition } from '../models/definition.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';

/** The grid of replicate 0 at one tick, as a run keeps it and its chart draws it. */
export interface ReplicateSnapshot {
  tick: number;
  /** What the tick is called: `12` (a step) or `2004-06` (a month). */
  label: string;
  /** The grid's size, in cells. */
  width: number;
  height: number;
  /** Side of the square blocks of cells each code stands for: 1 (cell by cell) unless the grid is large. */
  block: number;
  /**
   * One category code per block, in Mesa's order: block (bx, by) at bx · ⌈height / block⌉ + by. With
   * block 1 these are the cells themselves (cell (x, y) at x · height + y).
   */
  codes: Uint8Array;
}

/** Most blocks along a side of a drawn grid: 160 × 160 is about the finest a chart panel shows. */
export const maxSnapshotSide = 160;

/**
 * The ticks at which replicate `replicate` of this scenario draws its grid, in increasing order: none for
 * a model without a grid or any replicate but 0; else `output.snapshots` (steps, or dates for calendar
 * models), by default the first and the last tick.
 */
export function snapshotTicks(
  model: AnyModel,
  scenario: ScenarioBase,
  clock: Clock,
  replicate = 0,
): number[] {
  if (!model.snapshot || replicate !== 0) return [];
  const asked = scenario.output.snapshots;
  if (asked === undefined) return clock.ticks > 1 ? [0, clock.ticks - 1] : [0];
  const ticks = asked.map((when) => (clock instanceof Calendar ? clock.tickOf(when) : Number(when)));
  for (const tick of ticks) {
    if (!(Number.isInteger(tick) && tick >= 0 && tick < clock.ticks)) {
      throw new RangeError(
        `output.snapshots: ${String(asked[ticks.indexOf(tick)])} is outside the run (ticks 0 to ${clock.ticks - 1})`,
      );
    }
  }
  return [...new Set(ticks)].sort((a, b) => a - b);
}

/** Throws unless the categories are usable: whole codes 0–255, each once, one of them 0 (empty). */
export function checkSnapshotCategories(categories: readonly SnapshotCategory[]): void {
  const codes = new Set<number>();
  for (const c of categories) {
    if (!(Number.isInteger(c.code) && c.code >= 0 && c.code <= 255)) {
      throw new RangeError(`a snapshot category's code is a whole number from 0 to 255, got ${c.code}`);
    }
    if (codes.has(c.code)) throw new RangeError(`the snapshot category code ${c.code} is used twice`);
    codes.add(c.code);
  }
  if (!codes.has(0)) throw new RangeError('the snapshot categories need code 0, the empty cell');
}

/** The model's grid as it stands, checked and (when large) coarsened into blocks. */
export function takeSnapshot<State>(
  definition: SnapshotDefinition<State>,
  state: State,
  tick: number,
  label: string,
): ReplicateSnapshot {
  checkSnapshotCategories(definition.categories);
  const { width, height, cells } = definition.capture(state);
  if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 1 && height >= 1)) {
    throw new RangeError(`a snapshot needs whole positive sides, got ${width} × ${height}`);
  }
  if (cells.length !== width * height) {
    throw new RangeError(
      `a ${width} × ${height} snapshot needs ${width * height} cells, got ${cells.length}`,
    );
  }
  const known = new Uint8Array(256);
  for (const c of definition.categories) known[c.code] = 1;
  for (let i = 0; i < cells.length; i++) {
    if (known[cells[i]] === 0) {
      throw new RangeError(`snapshot cell ${i} has the code ${cells[i]}, which is no category's`);
    }
  }
  const block = Math.max(1, Math.ceil(Math.max(width, height) / maxSnapshotSide));
  const codes = block === 1 ? Uint8Array.from(cells) : coarsen(cells, width, height, block, definition);
  return { tick, label, width, height, block, codes };
}

/** Each block of block × block cells as its most common category (ties: the category listed first). */
function coarsen<State>(
  cells: Uint8Array,
  width: number,
  height: number,
  block: number,
  definition: SnapshotDefinition<State>,
): Uint8Array {
  const across = Math.ceil(width / block);
  const down = Math.ceil(height / block);
  const out = new Uint8Array(across * down);
  const counts = new Int32Array(256);
  for (let bx = 0; bx < across; bx++) {
    for (let by = 0; by < down; by++) {
      counts.fill(0);
      for (let x = bx * block; x < Math.min(width, (bx + 1) * block); x++) {
        for (let y = by * block; y < Math.min(height, (by + 1) * block); y++) counts[cells[x * height + y]]++;
      }
      let best = definition.categories[0].code;
      for (const c of definition.categories) if (counts[c.code] > counts[best]) best = c.code;
      out[bx * down + by] = best;
    }
  }
  return out;
}
