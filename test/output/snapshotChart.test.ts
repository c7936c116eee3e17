/**
 * The snapshot chart's builder (pure): the grid's compact data (empty background, run-length coded
 * columns), the layout of small multiples, the words — and the spec is valid Vega-Lite (its JSON Schema)
 * that compiles without warnings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { SnapshotCategory } from '../../src/models/definition.ts';
import {
  buildSnapshotSpec,
  panelLabel,
  snapshotCsv,
  snapshotLayout,
  snapshotTitle,
  type SnapshotChartContext,
} from '../../src/output/snapshotChart.ts';
import type { ReplicateSnapshot } from '../../src/run/snapshots.ts';

const categories: SnapshotCategory[] = [
  { code: 0, label: 'Empty', color: '#e8e8e8' },
  { code: 1, label: 'Blue', color: '#0072B2' },
  { code: 2, label: 'Orange', color: '#E69F00' },
];
const context: SnapshotChartContext = {
  scenarioTitle: 'A town',
  clock: 'step',
  replicates: 5,
  seed: 7,
  categories,
};

/**
 * A snapshot from columns written bottom to top ('.' empty, '1', '2'): columns[x][y] is cell (x, y),
 * stored at x · height + y as the engine stores cells.
 */
function snap(tick: number, columns: string[], block = 1, size?: [number, number]): ReplicateSnapshot {
  const codes = Uint8Array.from(columns.join(''), (c) => (c === '.' ? 0 : Number(c)));
  const [width, height] = size ?? [columns.length, columns[0].length];
  return { tick, label: String(tick), width, height, block, codes };
}

// the spec is a plain object; the tests read it loosely
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('snapshotCsv', () => {
  it('gives each panel its empty background, then the runs of occupied cells up each column', () => {
    const csv = snapshotCsv([snap(0, ['11.2', '....', '2221']), snap(5, ['1111', '.2..', '....'])]);
    expect(csv.split('\n')).toEqual([
      'panel,x,y,w,h,code',
      '0,0,0,3,4,0',
      '0,0,0,1,2,1',
      '0,0,3,1,1,2',
      '0,2,0,1,3,2',
      '0,2,3,1,1,1',
      '1,0,0,3,4,0',
      '1,0,0,1,4,1',
      '1,1,1,1,1,2',
      '',
    ]);
  });

  it('writes blocks of a coarsened grid in cells, cut at the grid’s edge', () => {
    // a 5 × 3 grid in blocks of 2: 3 × 2 blocks, the last column and row of blocks cut short
    const csv = snapshotCsv([snap(0, ['11', '.2', '22'], 2, [5, 3])]);
    expect(csv.trim().split('\n')).toEqual([
      'panel,x,y,w,h,code',
      '0,0,0,5,3,0',
      '0,0,0,2,3,1',
      '0,2,2,2,1,2',
      '0,4,0,1,3,2',
    ]);
  });

  it('refuses codes that do not fill the grid', () => {
    expect(() => snapshotCsv([{ ...snap(0, ['11']), width: 2 }])).toThrow(/expected 4 codes, got 2/);
  });

  it('keeps a 100 × 100 grid small: one row per run, not per cell', () => {
    // stripes of 10 cells: 10 runs per column, every other one empty
    const columns = Array.from({ length: 100 }, (_, x) =>
      Array.from({ length: 100 }, (_, y) => (Math.floor(y / 10) % 2 === 0 ? String(1 + (x % 2)) : '.')).join(
        '',
      ),
    );
    const lines = snapshotCsv([snap(0, columns)])
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2 + 100 * 5);
  });
});

describe('the layout', () => {
  it('puts up to four panels side by side, then wraps (three a row for five or six)', () => {
    const s = snap(0, Array(20).fill('.'.repeat(20)));
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((n) => snapshotLayout(s, n).columns)).toEqual([
      1, 2, 3, 4, 3, 3, 4, 4,
    ]);
  });

  it('gives every cell the same whole number of pixels, the panel at most 360 pixels', () => {
    const small = snapshotLayout(snap(0, Array(20).fill('.'.repeat(20))), 2);
    expect(small).toMatchObject({ pixels: 17, width: 340, height: 340 });
    const one = snapshotLayout(snap(0, Array(10).fill('.'.repeat(5))), 1);
    expect(one).toMatchObject({ pixels: 36, width: 360, height: 180 });
    const wide = snapshotLayout(
      { ...snap(0, ['.']), width: 100, height: 100, codes: new Uint8Array(1e4) },
      4,
    );
    expect(wide.pixels).toBe(1);
    expect(Number.isInteger(wide.width)).toBe(true);
  });
});

describe('the words', () => {
  it('heads a panel with its step or month', () => {
    expect(panelLabel(snap(12, ['.']), 'step')).toBe('Step 12');
    expect(panelLabel({ ...snap(0, ['.']), label: '2004-06' }, 'month')).toBe('2004-06');
  });

  it('says whose grid it is and when', () => {
    expect(snapshotTitle([snap(0, ['.'])], 'step')).toBe('The grid of replicate 0 at step 0');
    expect(snapshotTitle([snap(0, ['.']), snap(10, ['.']), snap(20, ['.'])], 'step')).toBe(
      'The grid of replicate 0 at steps 0, 10 and 20',
    );
    const many = [0, 1, 2, 3, 4].map((t) => snap(t, ['.']));
    expect(snapshotTitle(many, 'step')).toBe('The grid of replicate 0 at 5 steps');
  });
});

describe('buildSnapshotSpec', () => {
  const snapshots = [snap(0, ['11.2', '....', '2221']), snap(20, ['1111', '.2..', '....'])];
  const spec = buildSnapshotSpec(snapshots, context) as Loose;

  it('is a facet of rectangles, one panel per snapshot in tick order', () => {
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
    expect(spec.facet).toMatchObject({ field: 'at', sort: ['Step 0', 'Step 20'] });
    expect(spec.columns).toBe(2);
    expect(spec.spec.mark).toMatchObject({ type: 'rect' });
    const { x, x2, y, y2 } = spec.spec.encoding;
    expect([x.field, x2.field, y.field, y2.field]).toEqual(['x', 'x2', 'y', 'y2']);
    expect(x.scale.domain).toEqual([0, 3]);
    expect(y.scale.domain).toEqual([0, 4]);
    expect(spec.data.format.type).toBe('csv');
    expect(spec.data.values).toBe(snapshotCsv(snapshots));
  });

  it('colours the cells by the model’s categories, every one in the legend', () => {
    const color = spec.spec.encoding.color;
    expect(color.scale.domain).toEqual(['Empty', 'Blue', 'Orange']);
    expect(color.scale.range).toEqual(['#e8e8e8', '#0072B2', '#E69F00']);
    const lookup = spec.transform.find((t: Loose) => t.lookup === 'code');
    expect(lookup.from.data.values).toEqual([
      { code: 0, category: 'Empty' },
      { code: 1, category: 'Blue' },
      { code: 2, category: 'Orange' },
    ]);
  });

  it('says in the title, subtitle and description that only replicate 0 is drawn', () => {
    expect(spec.title.text).toBe('The grid of replicate 0 at steps 0 and 20');
    expect(spec.title.subtitle).toEqual([
      'A town · replicate 0 of 5, seed 7',
      '3 × 4 cells, x across, y up · one square per cell',
    ]);
    expect(spec.description).toMatch(/replicate 0 \(of 5\) at Step 0 and Step 20/);
    expect(spec.description).toMatch(/Other replicates differ cell by cell/);
    const coarse = buildSnapshotSpec([snap(0, ['11', '.2', '22'], 2, [5, 3])], context) as Loose;
    expect(coarse.title.subtitle[1]).toBe(
      '5 × 3 cells, x across, y up · each square is 2 × 2 cells, shown as its most common category',
    );
  });

  it('refuses no snapshots, and snapshots of different grids', () => {
    expect(() => buildSnapshotSpec([], context)).toThrow(/at least one snapshot/);
    expect(() => buildSnapshotSpec([snap(0, ['11']), snap(1, ['1', '1'])], context)).toThrow(/same grid/);
  });

  it('is the same spec for the same snapshots', () => {
    expect(JSON.stringify(buildSnapshotSpec(snapshots, context))).toBe(JSON.stringify(spec));
  });

  it('compiles to Vega without warnings', () => {
    const warnings: string[] = [];
    const logger = { warn: (...m: unknown[]) => warnings.push(m.join(' ')) } as never;
    expect(() => compile(spec as never, { logger })).not.toThrow();
    expect(warnings).toEqual([]);
  });

  it('is valid against Vega-Lite’s own JSON Schema', () => {
    const schemaPath = createRequire(import.meta.url).resolve('vega-lite/vega-lite-schema.json');
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
      JSON.parse(readFileSync(schemaPath, 'utf8')),
    );
    expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // and the schema does catch a broken spec
    expect(validate({ ...spec, spec: { ...spec.spec, mark: 'square-ish' } })).toBe(false);
  });
});
