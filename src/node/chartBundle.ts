/**
 * A chart as one Jupyter MIME bundle: the Vega-Lite spec (JupyterLab and VS Code draw it live, with
 * tooltips), a PNG of the same chart (what the classic Notebook, nbconvert's HTML and GitHub show) and a
 * plain-text account of it (terminals, screen readers, text-only exports). The course notebooks display
 * charts with it (notebooks/lib.ts); nothing here is Jupyter-specific, so any kernel or tool can use it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatForReader } from '../output/displayNumber.ts';
import { staticChartSpec } from '../output/interactiveCharts.ts';
import { renderPng, renderSvg } from './render.ts';

/** The MIME type Jupyter front ends render with Vega-Lite (they bundle their own Vega-Lite 5 or later). */
export const vegaLiteMimeType = 'application/vnd.vegalite.v5+json';

export interface ChartBundle {
  /** What goes into a display_data message's `data`. */
  data: {
    [vegaLiteMimeType]: TopLevelSpec;
    /** Base64 PNG, drawn at `scale` × the chart's size. */
    'image/png': string;
    'text/plain': string;
  };
  /** The message's `metadata`: the PNG's size in CSS pixels, so a sharp 2× image shows at chart size. */
  metadata: { 'image/png': { width: number; height: number } };
}

export interface ChartBundleOptions {
  /** Text put after the chart's own account in text/plain (e.g. the numbers a reader should look at). */
  text?: string;
  /** Pixel density of the PNG (default 2). */
  scale?: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const lines = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(String) : [];

/** The first inline data rows of a spec, at its top level or in its first layer that has some. */
function inlineRows(spec: Json): Json[] | undefined {
  const data = spec.data;
  if (isObject(data) && Array.isArray(data.values)) return data.values.filter(isObject);
  for (const key of ['layer', 'vconcat', 'hconcat', 'concat']) {
    const children = spec[key];
    if (!Array.isArray(children)) continue;
    for (const child of children) {
      if (!isObject(child)) continue;
      const rows = inlineRows(child);
      if (rows) return rows;
    }
  }
  if (isObject(spec.spec)) return inlineRows(spec.spec);
  return undefined;
}

const shown = (value: unknown): string =>
  typeof value === 'number' ? formatForReader(value) : value === null ? '–' : String(value);

/**
 * A chart in words: its title, subtitle and description, then its data — for a run's charts (rows of
 * metric, period and mean) each metric's first and last value, otherwise how many rows of which fields.
 */
export function chartText(spec: TopLevelSpec): string {
  const s = spec as unknown as Json;
  const out: string[] = [];
  const title = s.title;
  if (isObject(title)) {
    out.push(...lines(title.text), ...lines(title.subtitle));
  } else {
    out.push(...lines(title));
  }
  if (typeof s.description === 'string' && s.description !== '') out.push(s.description);
  const rows = inlineRows(s) ?? [];
  const isSeries = rows.length > 0 && rows.every((r) => 'metric' in r && 'period' in r && 'mean' in r);
  if (isSeries) {
    const byMetric = new Map<string, Json[]>();
    for (const row of rows) {
      const metric = String(row.metric);
      byMetric.set(metric, [...(byMetric.get(metric) ?? []), row]);
    }
    for (const [metric, series] of byMetric) {
      const first = series[0];
      const last = series[series.length - 1];
      out.push(
        `  ${metric}: ${shown(first.period)} ${shown(first.mean)} … ${shown(last.period)} ${shown(last.mean)}`,
      );
    }
  } else if (rows.length > 0) {
    out.push(`  ${rows.length} data rows (${Object.keys(rows[0]).join(', ')})`);
  }
  return out.join('\n');
}

/** The size an SVG document declares (Vega writes width and height in pixels on its root element). */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const size = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(root)?.[1] ?? Number.NaN);
  return { width: size('width'), height: size('height') };
}

/** The MIME bundle of a Vega-Lite chart: the live spec, its PNG and its account in words. */
export async function chartBundle(
  spec: TopLevelSpec,
  options: ChartBundleOptions = {},
): Promise<ChartBundle> {
  const svg = await renderSvg(staticChartSpec(spec));
  const png = renderPng(svg, { scale: options.scale ?? 2 });
  const text = [chartText(spec), options.text].filter((t) => t !== undefined && t !== '').join('\n');
  return {
    data: {
      [vegaLiteMimeType]: spec,
      'image/png': Buffer.from(png).toString('base64'),
      'text/plain': text,
    },
    metadata: { 'image/png': svgSize(svg) },
  };
}
