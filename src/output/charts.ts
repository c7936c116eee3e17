/**
 * Vega-Lite specs for the charts of a run, built from its summaries with the data inlined, so each
 * `.vl.json` opens offline in any Vega-Lite viewer and renders to the same picture as the `.svg`/`.png`.
 *
 * Line charts draw, per metric, the replicate mean as a line over a 95% confidence band; area charts
 * stack the means (for parts of a whole, where stacked bands would mean nothing). Timeline events are
 * thin dashed rules with their full label, changes and source as a tooltip and a short label on top.
 * Pure: the same run gives the same spec.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { StringFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { Aggregate } from '../engine/recorder.ts';
import type { ChartSpec } from '../scenario/envelope.ts';
import {
  chartConfig,
  chartHeight,
  chartWidth,
  eventColor,
  eventLabelFontSize,
  palette,
} from './chartTheme.ts';
import { placeEventLabels } from './eventLabels.ts';
import type { SeriesSummary } from './summary.ts';
import type { EventForDisplay } from './timelineEvents.ts';
import { utcMillis } from './timelineEvents.ts';
import { displayUnit } from './units.ts';

/** What a chart needs to know about the metrics it draws. */
export interface ChartMetric {
  id: string;
  label: string;
  unit: string;
  aggregate: Aggregate;
  description: string;
}

/** Everything about a run that its charts show. */
export interface ChartContext {
  /** Scenario title (or name) for the subtitle. */
  scenarioTitle: string;
  /** The model's clock: calendar months (a time axis in UTC) or steps (a numeric axis). */
  clock: 'month' | 'step';
  /** Words put into units (ModelDefinition.unitWords), e.g. the currency. */
  unitWords: Readonly<Record<string, string>>;
  replicates: number;
  seed: number;
  events: readonly EventForDisplay[];
  metrics: ReadonlyMap<string, ChartMetric>;
  /** Summaries per tick, and annual ones (calendar models), that include every metric of the chart. */
  ticks: SeriesSummary;
  annual?: SeriesSummary;
}

type LayerSpecs = Extract<TopLevelSpec, { layer: unknown }>['layer'];
type Layer = LayerSpecs[number];

/** One row of a chart's inline data: a metric at a time step. Missing values are null (JSON has no NaN). */
export interface ChartRow {
  /**
   * Where the point sits on the x axis: the ISO date (the first of the month, or 1 July for a year, the
   * middle of what it sums) for calendar models, the step for step models.
   */
  date: string | number;
  /** What the tooltip shows: YYYY-MM, the year or the step. */
  period: string;
  /** The metric's label (legends show labels, not ids). */
  metric: string;
  /** Position of the metric in the chart (stack and legend order). */
  order: number;
  mean: number | null;
  lo: number | null;
  hi: number | null;
}

export const chartSchemaUrl = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Scores of the CSO Sustainability Index run from 1 (best) to 7 (worst). */
function isInvertedScore(unit: string): boolean {
  return /^score 1\b/.test(unit);
}

/** Six significant digits: plenty for a picture, and it keeps the inline data small. */
function forChart(value: number): number | null {
  return Number.isFinite(value) ? Number(value.toPrecision(6)) : null;
}

/** The inline data rows of a chart (mean and CI of each metric per time step). */
export function chartRows(chart: ChartSpec, context: ChartContext): ChartRow[] {
  const summary = summaryOf(chart, context);
  const byId = new Map(summary.metrics.map((m) => [m.metric, m]));
  const rows: ChartRow[] = [];
  chart.metrics.forEach((id, order) => {
    const s = byId.get(id);
    if (!s) throw new Error(`chart ${chart.id}: no summary of metric ${id}`);
    const label = metricOf(context, id).label;
    summary.keys.forEach((key, t) => {
      rows.push({
        date: context.clock === 'step' ? Number(key) : chart.annual ? `${key}-07-01` : `${key}-01`,
        period: key,
        metric: label,
        order,
        mean: forChart(s.mean[t]),
        lo: forChart(s.ciLow[t]),
        hi: forChart(s.ciHigh[t]),
      });
    });
  });
  return rows;
}

/** The summary a chart draws: annual for annual charts of calendar models, else per tick. */
function summaryOf(chart: ChartSpec, context: ChartContext): SeriesSummary {
  if (!chart.annual) return context.ticks;
  if (!context.annual) throw new Error(`chart ${chart.id}: annual charts need a calendar model`);
  return context.annual;
}

/** Where a point or an event sits on the x axis (ms since 1970 in UTC, or the step). */
function xOf(date: string | number): number {
  return typeof date === 'number' ? date : utcMillis(date);
}

function metricOf(context: ChartContext, id: string): ChartMetric {
  const metric = context.metrics.get(id);
  if (!metric) throw new Error(`unknown metric ${id}`);
  return metric;
}

/** The y-axis title: the metrics' units (currency substituted, per year for annual flows). */
export function yAxisTitle(chart: ChartSpec, context: ChartContext): string {
  const resolution = chart.annual ? 'annual' : 'tick';
  const units = chart.metrics.map((id) => {
    const m = metricOf(context, id);
    return displayUnit(m.unit, context.unitWords, resolution, m.aggregate);
  });
  const distinct = [...new Set(units)];
  if (distinct.every(isInvertedScore)) return 'score from 1 (best, at top) to 7 (worst)';
  return distinct.join(' · ');
}

/** The subtitle lines: whose run it is and how to read the marks. */
export function chartSubtitle(chart: ChartSpec, context: ChartContext): string[] {
  const runs = `${context.replicates} replicate${context.replicates === 1 ? '' : 's'}, seed ${context.seed}`;
  const reading =
    chart.kind === 'area'
      ? 'stacked replicate means'
      : context.replicates > 1
        ? 'lines: replicate mean · bands: 95% confidence interval of the mean'
        : 'one replicate (no confidence interval)';
  const period = chart.annual
    ? 'annual totals of flows, annual means of levels'
    : context.clock === 'month'
      ? 'monthly'
      : 'per step';
  return [`${context.scenarioTitle} · ${runs}`, `${reading} · ${period}`];
}

/** Events inside the chart's time range, with their label lane and alignment. */
export function chartEvents(chart: ChartSpec, context: ChartContext, rows: readonly ChartRow[]) {
  if (!chart.events || rows.length === 0 || context.events.length === 0) return [];
  const times = rows.map((r) => xOf(r.date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const inRange = context.events.filter((e) => {
    const t = xOf(e.date);
    return t >= first && t <= last;
  });
  const span = Math.max(1, last - first);
  const placed = placeEventLabels(
    inRange.map((e) => ({
      x: ((xOf(e.date) - first) / span) * chartWidth,
      label: e.label,
      number: e.number,
    })),
    { width: chartWidth, charWidth: eventLabelFontSize * 0.6 },
  );
  return inRange.map((e, i) => ({
    ...e,
    short: placed[i].text,
    lane: placed[i].lane,
    align: placed[i].align,
  }));
}

/**
 * Years between x-axis ticks: a round step that gives at most about a dozen labels, so a 5-year run is
 * labelled every year (not every half year with repeated years) and a century every 10 years.
 */
export function yearTickStep(rows: readonly ChartRow[]): number {
  if (rows.length === 0) return 1;
  const years = rows.map((r) => Number(String(r.date).slice(0, 4)));
  const span = Math.max(...years) - Math.min(...years);
  return [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((step) => span / step <= 12) ?? 1000;
}

/** Builds the Vega-Lite spec of one chart. */
export function buildChartSpec(chart: ChartSpec, context: ChartContext): TopLevelSpec {
  const rows = chartRows(chart, context);
  const labels = chart.metrics.map((id) => metricOf(context, id).label);
  const inverted = chart.metrics.every((id) => isInvertedScore(metricOf(context, id).unit));
  const periodTitle = context.clock === 'step' ? 'Step' : chart.annual ? 'Year' : 'Month';
  const x =
    context.clock === 'step'
      ? ({
          field: 'date',
          type: 'quantitative',
          axis: { title: 'Step', format: 'd', tickMinStep: 1 },
        } as const)
      : ({
          field: 'date',
          type: 'temporal',
          scale: { type: 'utc' },
          axis: {
            title: null,
            format: '%Y',
            tickCount: { interval: 'year', step: yearTickStep(rows) } as never, // (the typings lack the object form)
          },
        } as const);
  const color = {
    field: 'metric',
    type: 'nominal',
    scale: { domain: labels, range: [...palette] },
    sort: labels,
    legend:
      labels.length > 1
        ? {
            title: null,
            columns: labels.length === 4 ? 2 : Math.min(labels.length, 3),
            symbolType: chart.kind === 'area' ? 'square' : 'stroke',
          }
        : null,
  } as const;
  const tooltip: StringFieldDef<string>[] = [
    { field: 'metric', type: 'nominal', title: 'Metric' },
    { field: 'period', type: 'nominal', title: periodTitle },
    { field: 'mean', type: 'quantitative', title: 'Mean', format: ',.4~g' },
  ];
  if (chart.kind === 'line' && context.replicates > 1) {
    tooltip.push(
      { field: 'lo', type: 'quantitative', title: '95% CI from', format: ',.4~g' },
      { field: 'hi', type: 'quantitative', title: '95% CI to', format: ',.4~g' },
    );
  }
  const yTitle = yAxisTitle(chart, context);
  // Every metric is non-negative by nature; a t band around a mean near 0 can dip below it, which would
  // only stretch the axis, so the axis starts at 0 and the band is clipped there.
  const nonNegative = rows.every((r) => r.mean === null || r.mean >= 0);
  // CSI scores are defined on 1..7: show the whole scale, so charts of different runs compare at a glance
  const onScoreScale = rows.every((r) => r.mean === null || (r.mean >= 1 && r.mean <= 7));
  const yScale = inverted
    ? { reverse: true, zero: false, ...(onScoreScale ? { domain: [1, 7], nice: false } : {}) }
    : nonNegative
      ? { domainMin: 0 }
      : {};

  const layers: Layer[] = [];
  if (chart.kind === 'area') {
    layers.push({
      mark: { type: 'area', opacity: 0.85, line: { strokeWidth: 0.8 } },
      encoding: {
        x,
        y: { field: 'mean', type: 'quantitative', stack: 'zero', title: yTitle, scale: yScale },
        color,
        order: { field: 'order', type: 'quantitative' },
        tooltip,
      },
    });
  } else {
    if (context.replicates > 1) {
      layers.push({
        mark: { type: 'area', opacity: 0.14, clip: true },
        encoding: {
          x,
          y: { field: 'lo', type: 'quantitative', title: yTitle, scale: yScale },
          y2: { field: 'hi' },
          color,
        },
      });
    }
    layers.push({
      mark: { type: 'line', strokeWidth: 2, clip: true },
      encoding: {
        x,
        y: { field: 'mean', type: 'quantitative', title: yTitle, scale: yScale },
        color,
        tooltip,
      },
    });
  }
  layers.push(...eventLayers(chartEvents(chart, context, rows), context.clock));

  return {
    $schema: chartSchemaUrl,
    title: { text: chart.title, subtitle: chartSubtitle(chart, context) },
    description: `${chart.title}: ${chart.metrics
      .map((id) => `${metricOf(context, id).label} (${metricOf(context, id).description})`)
      .join('; ')}`,
    width: chartWidth,
    height: chartHeight,
    config: chartConfig,
    data: { values: rows },
    layer: layers,
  };
}

type PlacedEvent = ReturnType<typeof chartEvents>[number];

/**
 * Events are placed on the time axis in UTC, like the data: read in local time, a date such as
 * 2001-06-27 would sit (and be announced) on June 26 west of Greenwich, and charts would differ between
 * machines. On a step axis they sit at their step.
 */
const eventX = {
  month: { field: 'date', type: 'temporal', scale: { type: 'utc' } },
  step: { field: 'date', type: 'quantitative' },
} as const;

/** Pixel offset (above the plot) of the baseline of labels in a lane. */
const laneY = (lane: number) => -6 - lane * (eventLabelFontSize + 3);

/**
 * Dashed rules at the events, reaching up to their label above the plot, and the labels (with a white
 * halo so a crossing rule does not hide them).
 */
function eventLayers(events: readonly PlacedEvent[], clock: ChartContext['clock']): Layer[] {
  if (events.length === 0) return [];
  const values = events.map((e) => ({
    number: e.number,
    date: e.date,
    day: e.date,
    label: e.label,
    short: e.short,
    changes: e.changes,
    source: e.source,
    align: e.align,
    top: e.lane === null ? 0 : laneY(e.lane) - eventLabelFontSize,
    y: e.lane === null ? 0 : laneY(e.lane),
  }));
  const tooltip = [
    { field: 'number', type: 'ordinal', title: 'Event' },
    { field: 'label', type: 'nominal', title: 'What' },
    // the date as written (YYYY-MM-DD text): the same on every machine, whatever its time zone
    { field: 'day', type: 'nominal', title: 'Date' },
    { field: 'changes', type: 'nominal', title: 'Changes' },
    { field: 'source', type: 'nominal', title: 'Source' },
  ] as never;
  const rule: Layer = {
    data: { values },
    mark: { type: 'rule', color: eventColor, strokeWidth: 1, strokeDash: [4, 3], opacity: 0.7 },
    encoding: {
      x: eventX[clock],
      y: { field: 'top', type: 'quantitative', scale: null },
      y2: { value: chartHeight },
      tooltip,
    },
  };
  const text = (align: 'left' | 'right', halo: boolean): Layer => ({
    data: { values },
    transform: [{ filter: `datum.short !== '' && datum.align === '${align}'` }],
    mark: {
      type: 'text',
      align,
      baseline: 'bottom',
      dx: align === 'left' ? 3 : -3,
      fontSize: eventLabelFontSize,
      color: halo ? 'white' : eventColor,
      ...(halo ? { stroke: 'white', strokeWidth: 3, strokeJoin: 'round' as const } : {}),
    },
    encoding: {
      x: eventX[clock],
      y: { field: 'y', type: 'quantitative', scale: null },
      text: { field: 'short', type: 'nominal' },
      tooltip,
    },
  });
  return [rule, text('left', true), text('left', false), text('right', true), text('right', false)];
}
