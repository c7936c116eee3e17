/**
 * The grid of a spatial model as a Vega-Lite heat map (pure): one panel per snapshot, side by side (small
 * multiples, wrapped after four), each cell a square coloured by its category, in the model's colours,
 * with x across and y up. Only replicate 0 is drawn, and the title says so.
 *
 * The data stay small: an empty cell is the panel's background (one rectangle per panel, code 0), and
 * the occupied cells of a column are run-length coded — each run of cells of one category is one
 * rectangle — in an inline CSV (`panel,x,y,w,h,code`; labels are looked up from the categories). A
 * 100 × 100 grid takes some 50 kB per panel at the start of a Schelling run and less once it has sorted.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { SnapshotCategory } from '../models/definition.ts';
import type { ReplicateSnapshot } from '../run/snapshots.ts';
import { chartSchemaUrl } from './charts.ts';
import { chartConfig, chartWidth } from './chartTheme.ts';

/** What the snapshot chart says about the run besides the grids. */
export interface SnapshotChartContext {
  /** Scenario title (or name) for the subtitle. */
  scenarioTitle: string;
  /** Steps or calendar months: how a panel is headed (`Step 10` or `2004-06`). */
  clock: 'month' | 'step';
  /** Replicates in the run (only replicate 0 is drawn). */
  replicates: number;
  seed: number;
  /** The model's categories (ModelDefinition.snapshot.categories), in legend order. */
  categories: readonly SnapshotCategory[];
}

/** Panels side by side before the chart wraps to a new row. */
const maxColumns = 4;
/** Room between panels, and on the left for the y axis, in pixels. */
const spacing = 16;
const axisRoom = 40;
/** Largest panel: a small grid gets big squares, but not a panel taller than this. */
const maxPanel = 360;

/** What heads a panel: `Step 10` or the month. */
export function panelLabel(snapshot: ReplicateSnapshot, clock: SnapshotChartContext['clock']): string {
  return clock === 'step' ? `Step ${snapshot.label}` : snapshot.label;
}

/**
 * The inline CSV: per panel, the whole grid as one rectangle of code 0 (the empty background), then each
 * run of occupied blocks of one category up a column, in cell units (so coarsened grids keep their axes).
 */
export function snapshotCsv(snapshots: readonly ReplicateSnapshot[]): string {
  const lines = ['panel,x,y,w,h,code'];
  snapshots.forEach((s, panel) => {
    const { width, height, block, codes } = s;
    const across = Math.ceil(width / block);
    const down = Math.ceil(height / block);
    if (codes.length !== across * down) {
      throw new RangeError(`snapshot ${s.label}: expected ${across * down} codes, got ${codes.length}`);
    }
    lines.push(`${panel},0,0,${width},${height},0`);
    for (let bx = 0; bx < across; bx++) {
      const x = bx * block;
      const w = Math.min(block, width - x);
      let by = 0;
      while (by < down) {
        const code = codes[bx * down + by];
        let end = by + 1;
        while (end < down && codes[bx * down + end] === code) end++;
        if (code !== 0) {
          const y = by * block;
          lines.push(`${panel},${x},${y},${w},${Math.min(end * block, height) - y},${code}`);
        }
        by = end;
      }
    }
  });
  return `${lines.join('\n')}\n`;
}

/** Panels per row and the pixels of one block: whole pixels, so neighbouring squares meet cleanly. */
export function snapshotLayout(snapshot: ReplicateSnapshot, panels: number) {
  const columns = Math.min(panels, panels > maxColumns && panels <= 6 ? 3 : maxColumns);
  const room = Math.min(maxPanel, Math.floor((chartWidth - axisRoom - (columns - 1) * spacing) / columns));
  const across = Math.ceil(snapshot.width / snapshot.block);
  const down = Math.ceil(snapshot.height / snapshot.block);
  const pixels = Math.max(1, Math.floor(Math.min(room / across, maxPanel / down)));
  return {
    columns,
    pixels,
    width: Math.round((pixels * snapshot.width) / snapshot.block),
    height: Math.round((pixels * snapshot.height) / snapshot.block),
  };
}

/** The title: whose grid, and when (the ticks listed while there are few). */
export function snapshotTitle(snapshots: readonly ReplicateSnapshot[], clock: 'month' | 'step'): string {
  const when =
    snapshots.length > 4
      ? `${snapshots.length} ${clock === 'step' ? 'steps' : 'months'}`
      : listWords(snapshots.map((s) => s.label));
  const unit = clock === 'step' ? (snapshots.length === 1 ? 'step ' : 'steps ') : '';
  return `The grid of replicate 0 at ${snapshots.length > 4 ? when : unit + when}`;
}

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A coordinate in cells, from 0 to the grid's side, with a few whole-number ticks. */
function position(field: 'x' | 'y', side: number): PositionFieldDef<string> {
  return {
    field,
    type: 'quantitative',
    scale: { domain: [0, side], nice: false, zero: false },
    axis: { title: field, format: 'd', tickMinStep: 1, tickCount: 5, grid: false },
  };
}

/** The Vega-Lite spec of the snapshot chart. */
export function buildSnapshotSpec(
  snapshots: readonly ReplicateSnapshot[],
  context: SnapshotChartContext,
): TopLevelSpec {
  if (snapshots.length === 0) throw new Error('a snapshot chart needs at least one snapshot');
  const first = snapshots[0];
  for (const s of snapshots) {
    if (s.width !== first.width || s.height !== first.height || s.block !== first.block) {
      throw new Error('the snapshots of one chart must have the same grid');
    }
  }
  const { width, height, block } = first;
  const layout = snapshotLayout(first, snapshots.length);
  const labels = context.categories.map((c) => c.label);
  const heads = snapshots.map((s) => panelLabel(s, context.clock));
  const runs = `${context.replicates}, seed ${context.seed}`;
  const reading =
    block === 1
      ? 'one square per cell'
      : `each square is ${block} × ${block} cells, shown as its most common category`;
  const title = snapshotTitle(snapshots, context.clock);
  return {
    $schema: chartSchemaUrl,
    title: {
      text: title,
      subtitle: [
        `${context.scenarioTitle} · replicate 0 of ${runs}`,
        `${width} × ${height} cells, x across, y up · ${reading}`,
      ],
    },
    description:
      `${title}: the ${width} × ${height} grid of replicate 0 (of ${context.replicates}) at ` +
      `${listWords(heads)}, each cell coloured by what it holds: ${labels.join(', ')}. Other ` +
      'replicates differ cell by cell.',
    config: { ...chartConfig, view: { stroke: null } },
    data: {
      values: snapshotCsv(snapshots),
      format: {
        type: 'csv',
        parse: { panel: 'number', x: 'number', y: 'number', w: 'number', h: 'number', code: 'number' },
      },
    },
    transform: [
      {
        lookup: 'code',
        from: {
          data: { values: context.categories.map((c) => ({ code: c.code, category: c.label })) },
          key: 'code',
          fields: ['category'],
        },
      },
      {
        lookup: 'panel',
        from: {
          data: { values: heads.map((at, panel) => ({ panel, at })) },
          key: 'panel',
          fields: ['at'],
        },
      },
      { calculate: 'datum.x + datum.w', as: 'x2' },
      { calculate: 'datum.y + datum.h', as: 'y2' },
    ],
    facet: {
      field: 'at',
      type: 'ordinal',
      sort: heads,
      title: null,
      header: { labelFontSize: 12, labelColor: '#333333', labelAnchor: 'start', labelPadding: 6 },
    },
    columns: layout.columns,
    spacing,
    spec: {
      width: layout.width,
      height: layout.height,
      // thousands of squares: no accessibility label per square (the chart's description says it all)
      mark: { type: 'rect', aria: false },
      encoding: {
        x: position('x', width),
        x2: { field: 'x2' },
        y: position('y', height),
        y2: { field: 'y2' },
        color: {
          field: 'category',
          type: 'nominal',
          scale: { domain: labels, range: context.categories.map((c) => c.color) },
          sort: labels,
          legend: { title: null, symbolType: 'square', symbolStrokeWidth: 0 },
        },
        tooltip: [
          { field: 'category', type: 'nominal', title: 'Category' },
          { field: 'at', type: 'nominal', title: context.clock === 'step' ? 'Step' : 'Month' },
          { field: 'x', type: 'quantitative', title: 'x' },
          { field: 'y', type: 'quantitative', title: 'y (lowest)' },
          { field: 'h', type: 'quantitative', title: 'Cells up' },
        ],
      },
    },
  };
}
