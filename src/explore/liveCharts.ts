/**
 * The explorer's charts: the model's own chart definitions drawn by the run report's builder
 * (output/charts.ts: replicate mean, 95% band, stacked areas, the timeline's events as dashed markers),
 * made live. The spec is built once per chart, for the whole time axis, with its data source named so
 * the page can replace the rows as ticks arrive (Vega's changesets) instead of compiling a new chart;
 * the x axis is fixed to the whole run, so it does not rescale while the lines grow. Two policies side
 * by side are two panels of one chart that share the y axis and the colours. Titles, legends, axis
 * titles and tooltips are in the page's language. Pure: the page embeds the specs with vega-embed.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnyModel } from '../models/definition.ts';
import { buildChartSpec, chartRows, type ChartContext, type ChartRow } from '../output/charts.ts';
import { chartConfig, chartHeight, chartWidth } from '../output/chartTheme.ts';
import { emptyMetricSummary, type SeriesSummary } from '../output/summary.ts';
import { eventsForDisplay, utcMillis } from '../output/timelineEvents.ts';
import { Calendar } from '../engine/calendar.ts';
import { StepClock, type Clock } from '../engine/clock.ts';
import type { ChartSpec, ScenarioBase } from '../scenario/envelope.ts';
import { say, type StringKey } from './strings.ts';
import { chartTitle, metricLabel, unitText } from './terms.ts';
import type { Lang } from './urlState.ts';

/** One policy's side of a chart. */
export interface ChartPolicy {
  /** Shown above its panel when there are two. */
  name: string;
  scenario: ScenarioBase;
  /** How many replicates it runs (the band is drawn only for more than one). */
  replicates: number;
}

/** The name of the data source of policy i, which the page updates. */
export const dataName = (policy: number) => `series_${policy}`;

/** A summary of these keys with no value yet (every statistic NaN). */
export function emptySummary(
  resolution: SeriesSummary['resolution'],
  keys: readonly string[],
  metrics: readonly string[],
): SeriesSummary {
  return { resolution, keys: [...keys], metrics: metrics.map((m) => emptyMetricSummary(m, keys.length)) };
}

/** What the report builder needs to know of a run, with the metric names in the page's language. */
export function liveContext(
  model: AnyModel,
  scenario: ScenarioBase,
  replicates: number,
  lang: Lang,
  ticks: SeriesSummary,
  annual?: SeriesSummary,
): ChartContext {
  return {
    scenarioTitle: scenario.title ?? scenario.name,
    clock: model.clock,
    unitWords: model.unitWords?.(scenario) ?? {},
    replicates,
    seed: scenario.seed,
    events: eventsForDisplay(scenario.timeline),
    metrics: new Map(model.metrics.map((m) => [m.id, { ...m, label: metricLabel(model, m.id, lang) }])),
    ticks,
    ...(annual ? { annual } : {}),
  };
}

/**
 * The scenario's time axis (run/replicate.ts's clockOf, without its engine: this module also draws the
 * page's first chart before the engine has loaded).
 */
function clockFor(model: Pick<AnyModel, 'clock'>, scenario: ScenarioBase): Clock {
  return model.clock === 'month'
    ? new Calendar(scenario.start!, scenario.end!)
    : new StepClock(scenario.steps!);
}

/** The chart with its title in the page's language. */
function translated(model: AnyModel, chart: ChartSpec, lang: Lang): ChartSpec {
  return { ...chart, title: chartTitle(model, chart, lang) };
}

const tooltipKeys: Readonly<Record<string, StringKey>> = {
  Metric: 'tooltipMetric',
  Mean: 'tooltipMean',
  '95% CI from': 'tooltipFrom',
  '95% CI to': 'tooltipTo',
  Month: 'tooltipMonth',
  Year: 'tooltipYear',
  Step: 'tooltipStep',
  Event: 'tooltipEvent',
  What: 'tooltipWhat',
  Date: 'tooltipDate',
  Changes: 'tooltipChanges',
  Source: 'tooltipSource',
};

type Json = Record<string, unknown>;

/** Walks every layer of a spec, calling `visit` with each layer's encoding. */
function eachEncoding(spec: Json, visit: (encoding: Json) => void): void {
  if (spec.encoding && typeof spec.encoding === 'object') visit(spec.encoding as Json);
  for (const key of ['layer', 'hconcat', 'vconcat']) {
    const children = spec[key];
    if (Array.isArray(children)) for (const child of children) eachEncoding(child as Json, visit);
  }
}

/** A point of the x axis as Vega-Lite wants it in a domain: a UTC date-time, or the step. */
type DomainValue = number | { year: number; month: number; date: number; utc: true };

/**
 * Where the x axis starts and ends for the whole run: the first and last steps, or the first and last
 * dates as UTC date-times (a plain number in a temporal domain would be read as a year).
 */
function xDomain(rows: readonly ChartRow[]): [DomainValue, DomainValue] | undefined {
  if (rows.length === 0) return undefined;
  if (typeof rows[0].date === 'number') {
    const steps = rows.map((r) => r.date as number);
    return [Math.min(...steps), Math.max(...steps)];
  }
  const times = rows.map((r) => utcMillis(r.date as string));
  const at = (ms: number): DomainValue => {
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate(), utc: true };
  };
  return [at(Math.min(...times)), at(Math.max(...times))];
}

/** The subtitle lines in the page's language: whose run, and how to read the marks. */
function subtitle(chart: ChartSpec, model: AnyModel, policies: readonly ChartPolicy[], lang: Lang): string[] {
  const scenario = policies[0].scenario;
  const replicates = policies[0].replicates;
  const title = scenario.title ?? scenario.name;
  const runs =
    replicates === 1
      ? say(lang, 'chartRunsOne', { title, seed: scenario.seed })
      : say(lang, 'chartRuns', { title, replicates, seed: scenario.seed });
  const reading =
    chart.kind === 'area'
      ? say(lang, 'readingArea')
      : replicates > 1
        ? say(lang, 'readingBands')
        : say(lang, 'readingOne');
  const period = chart.annual
    ? say(lang, 'periodAnnual')
    : model.clock === 'month'
      ? say(lang, 'periodMonthly')
      : say(lang, 'periodStep');
  return [runs, `${reading} · ${period}`];
}

/** One policy's panel: the report's spec for the whole axis, made live and put into the language. */
function panel(model: AnyModel, chart: ChartSpec, policy: ChartPolicy, index: number, lang: Lang): Json {
  const clock = clockFor(model, policy.scenario);
  const ticks = emptySummary('tick', clock.labels(), chart.metrics);
  const annual =
    clock.years > 0 ? emptySummary('annual', clock.yearList().map(String), chart.metrics) : undefined;
  const context = liveContext(model, policy.scenario, policy.replicates, lang, ticks, annual);
  // a deep copy: the builder shares encoding objects between layers and charts, and this one changes them
  const spec = JSON.parse(JSON.stringify(buildChartSpec(translated(model, chart, lang), context))) as Json;
  const domain = xDomain(chartRows(chart, context));
  delete spec.$schema;
  delete spec.config;
  spec.data = { name: dataName(index) };
  eachEncoding(spec, (encoding) => {
    const x = encoding.x as Json | undefined;
    if (x && x.field === 'date' && domain) x.scale = { ...((x.scale as Json) ?? {}), domain };
    if (x?.axis && typeof (x.axis as Json).title === 'string') {
      const title = (x.axis as Json).title as string;
      if (tooltipKeys[title]) (x.axis as Json).title = say(lang, tooltipKeys[title]);
    }
    const y = encoding.y as Json | undefined;
    if (y && typeof y.title === 'string') y.title = unitText(y.title, lang);
    if (Array.isArray(encoding.tooltip)) {
      encoding.tooltip = (encoding.tooltip as Json[]).map((t) =>
        typeof t.title === 'string' && tooltipKeys[t.title]
          ? { ...t, title: say(lang, tooltipKeys[t.title]) }
          : t,
      );
    }
  });
  return spec;
}

export type ChartLayout = 'row' | 'column';

/**
 * The live Vega-Lite spec of a chart for one policy, or for two side by side (`row`) or one above the
 * other (`column`, for narrow screens), with a shared y axis. Its data sources start empty.
 */
export function liveChartSpec(
  model: AnyModel,
  chart: ChartSpec,
  policies: readonly ChartPolicy[],
  lang: Lang,
  layout: ChartLayout = 'row',
): TopLevelSpec {
  const title = chartTitle(model, chart, lang);
  const names = chart.metrics.map((id) => metricLabel(model, id, lang)).join(', ');
  const head = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: subtitle(chart, model, policies, lang) },
    description: `${title}: ${names}`,
    config: chartConfig,
  };
  const panels = policies.map((policy, i) => panel(model, chart, policy, i, lang));
  if (panels.length === 1) return { ...panels[0], ...head } as unknown as TopLevelSpec;
  const sides = panels.map((p, i) => {
    const { title: _title, description: _description, ...rest } = p;
    return {
      ...rest,
      title: policies[i].name,
      width: layout === 'row' ? Math.round(chartWidth * 0.62) : chartWidth,
      height: Math.round(chartHeight * 0.8),
    };
  });
  return {
    ...head,
    [layout === 'row' ? 'hconcat' : 'vconcat']: sides,
    resolve: { scale: { y: 'shared', color: 'shared' } },
  } as unknown as TopLevelSpec;
}

/**
 * The rows of one policy's panel as they stand: the summaries per tick (or per complete year, for an
 * annual chart) of the chart's metrics.
 */
export function liveRows(
  model: AnyModel,
  chart: ChartSpec,
  scenario: ScenarioBase,
  replicates: number,
  lang: Lang,
  ticks: SeriesSummary,
  annual?: SeriesSummary,
): ChartRow[] {
  const context = liveContext(model, scenario, replicates, lang, ticks, annual);
  return chartRows(chart, context);
}
