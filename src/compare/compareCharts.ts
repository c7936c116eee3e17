/**
 * The charts of a comparison as Vega-Lite specs (pure): one colour per scenario everywhere (Okabe–Ito,
 * colour-blind safe), each metric with its unit and which way is good news.
 * - trajectories: every scenario's mean with its 95% band, one panel per metric;
 * - differences: each scenario minus the baseline with its 95% band and the zero line;
 * - distributions: every replicate's value at the horizon, per scenario (a strip plot with the mean).
 * The x axis is the year, or the step for a step model (then titled, since bare step numbers say nothing).
 * Each point a reader can hover carries a tooltip with its numbers (shown where the chart is live).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricDefinition } from '../models/definition.ts';
import { chartConfig, chartFont, palette } from '../output/chartTheme.ts';
import { chartSchemaUrl } from '../output/charts.ts';
import { hoverLayerName } from '../output/interactiveCharts.ts';
import type { ComparisonData } from './compareRuns.ts';
import { atPeriod, timeAxisTitle, unitTitle } from './timeUnit.ts';

export interface CompareChart {
  id: string;
  title: string;
  spec: TopLevelSpec;
}

const panelWidth = 340;
const panelHeight = 170;

function metricTitle(id: string, metrics: ReadonlyMap<string, MetricDefinition>): string {
  const m = metrics.get(id);
  if (!m) return id;
  const way =
    m.direction === 'higher-is-better' ? ' ↑ better' : m.direction === 'lower-is-better' ? ' ↓ better' : '';
  return `${m.label}${m.unit ? ` (${m.unit})` : ''}${way}`;
}

/** The colour encoding of some of the scenarios: each keeps the colour of its place among all. */
const colour = (all: readonly string[], shown: readonly string[] = all) => ({
  field: 'scenario',
  type: 'nominal' as const,
  title: 'Scenario',
  scale: { domain: [...shown], range: shown.map((s) => palette[all.indexOf(s) % palette.length]) },
  sort: [...shown],
});

/** Four significant digits, no trailing zeros, thousands separated: 1,234 · 0.05127 · 12.5. */
const numberFormat = ',.4~r';

const finite = (v: number) => (Number.isFinite(v) ? v : null);

export function compareCharts(
  data: ComparisonData,
  metrics: ReadonlyMap<string, MetricDefinition>,
): CompareChart[] {
  const title = (id: string) => metricTitle(id, metrics);
  // the rows' period field and the x axis: `year`, or `step` for a step model
  const period = data.unit;
  const trajectoryRows = data.scenarios.flatMap((scenario) =>
    data.metrics.flatMap((metric) =>
      data.annual
        .get(scenario)!
        .get(metric)!
        .map((s, i) => ({
          scenario,
          panel: title(metric),
          [period]: data.years[i],
          mean: finite(s.mean),
          low: finite(s.ciLow),
          high: finite(s.ciHigh),
        })),
    ),
  );
  const differenceRows = data.differences.flatMap((d) =>
    d.years.map((year, i) => ({
      scenario: d.scenario,
      panel: title(d.metric),
      [period]: year,
      mean: finite(d.mean[i]),
      low: finite(d.ciLow[i]),
      high: finite(d.ciHigh[i]),
    })),
  );
  const horizon = data.outcomeYears[data.outcomeYears.length - 1];
  const atHorizon = atPeriod(data.unit, horizon);
  const valueRows = data.scenarios.flatMap((scenario) =>
    data.metrics.flatMap((metric) =>
      data.horizonValues
        .get(scenario)!
        .get(metric)!
        .map((value, i) => ({ scenario, panel: title(metric), replicate: i + 1, value }))
        .filter((row) => Number.isFinite(row.value)),
    ),
  );
  const others = data.scenarios.filter((s) => s !== data.baseline);
  const facet = { field: 'panel', type: 'nominal' as const, title: null, sort: data.metrics.map(title) };
  const base = {
    $schema: chartSchemaUrl,
    config: { ...chartConfig, font: chartFont },
    resolve: { scale: { y: 'independent' as const } },
  };
  const number = (field: string, label: string) => ({
    field,
    type: 'quantitative' as const,
    title: label,
    format: numberFormat,
  });
  const band = (scenarios: readonly string[], what: string) => [
    {
      mark: { type: 'area' as const, opacity: 0.18 },
      encoding: {
        x: {
          field: period,
          type: 'quantitative' as const,
          title: timeAxisTitle(period),
          axis: { format: 'd' },
        },
        y: { field: 'low', type: 'quantitative' as const, title: null, scale: { zero: false } },
        y2: { field: 'high' },
        color: colour(data.scenarios, scenarios),
      },
    },
    {
      mark: { type: 'line' as const },
      encoding: {
        x: { field: period, type: 'quantitative' as const },
        y: { field: 'mean', type: 'quantitative' as const },
        color: colour(data.scenarios, scenarios),
      },
    },
    {
      // invisible points on the line, so hovering anywhere along it tells the numbers of that year or step
      // (live charts only: static renderings leave this layer out)
      name: hoverLayerName,
      mark: { type: 'point' as const, filled: true, opacity: 0, size: 80 },
      encoding: {
        x: { field: period, type: 'quantitative' as const },
        y: { field: 'mean', type: 'quantitative' as const },
        color: colour(data.scenarios, scenarios),
        tooltip: [
          { field: 'scenario', type: 'nominal' as const, title: 'Scenario' },
          { field: 'panel', type: 'nominal' as const, title: 'Metric' },
          { field: period, type: 'quantitative' as const, title: unitTitle(period), format: 'd' },
          number('mean', what),
          number('low', '95% interval from'),
          number('high', '95% interval to'),
        ],
      },
    },
  ];
  return [
    {
      id: 'trajectories',
      title: 'Trajectories: mean and 95% interval',
      spec: {
        ...base,
        title: {
          text: 'Trajectories: mean and 95% interval over replicates',
          subtitle: `${data.replicates.join(', ')} replicates per scenario`,
        },
        data: { values: trajectoryRows },
        facet,
        columns: 2,
        spec: { width: panelWidth, height: panelHeight, layer: band(data.scenarios, 'Mean') },
      } as TopLevelSpec,
    },
    {
      id: 'differences',
      title: `Differences from ${data.baseline}`,
      spec: {
        ...base,
        title: {
          text: `Difference from ${data.baseline}, with its 95% interval`,
          subtitle: data.pairing.paired
            ? 'paired replicates (common random numbers): noise shared by the scenarios cancels'
            : 'independent replicates (not paired)',
        },
        data: { values: differenceRows },
        facet,
        columns: 2,
        spec: {
          width: panelWidth,
          height: panelHeight,
          layer: [
            ...band(others, `Mean difference from ${data.baseline}`),
            {
              mark: { type: 'rule' as const, color: '#6b6b6b', strokeDash: [4, 3] },
              encoding: { y: { datum: 0 } },
            },
          ],
        },
      } as TopLevelSpec,
    },
    {
      id: 'distributions',
      title: `Replicates ${atHorizon}`,
      spec: {
        ...base,
        title: {
          text: `Every replicate ${atHorizon}`,
          subtitle: 'one dot per replicate; the bar is the mean',
        },
        data: { values: valueRows },
        facet,
        columns: 2,
        spec: {
          width: panelWidth,
          height: Math.max(60, 28 * data.scenarios.length),
          layer: [
            {
              mark: { type: 'point' as const, filled: true, opacity: 0.6, size: 40 },
              encoding: {
                x: { field: 'value', type: 'quantitative' as const, title: null, scale: { zero: false } },
                y: { field: 'scenario', type: 'nominal' as const, title: null, sort: [...data.scenarios] },
                color: { ...colour(data.scenarios), legend: null },
                tooltip: [
                  { field: 'scenario', type: 'nominal' as const, title: 'Scenario' },
                  { field: 'panel', type: 'nominal' as const, title: 'Metric' },
                  { field: 'replicate', type: 'quantitative' as const, title: 'Replicate' },
                  number('value', `Value ${atHorizon}`),
                ],
              },
            },
            {
              mark: { type: 'tick' as const, thickness: 2, size: 18 },
              encoding: {
                x: { aggregate: 'mean' as const, field: 'value', type: 'quantitative' as const },
                y: { field: 'scenario', type: 'nominal' as const, sort: [...data.scenarios] },
                color: { value: '#1a1a1a' },
              },
            },
          ],
        },
        resolve: { scale: { x: 'independent' as const } },
      } as TopLevelSpec,
    },
  ];
}
