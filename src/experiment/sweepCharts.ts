/**
 * A sweep's charts as Vega-Lite specs (pure), each metric with its label and unit:
 * - sensitivity: Sobol' S1 and ST (or Morris μ* with σ) per parameter, with bootstrap intervals, one
 *   panel per metric — which levers matter, and whether through interactions;
 * - heat map: for a grid over exactly two parameters, the outcome's mean at each combination, one panel
 *   per metric — where the tipping points are;
 * - response: the outcome's mean against each parameter with its 95% band (grids of one parameter) or
 *   each point's mean as a dot (every other design), one panel per parameter × metric.
 * Each mark a reader can hover carries its numbers in a tooltip.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricDefinition } from '../models/definition.ts';
import { chartConfig, chartFont, palette } from '../output/chartTheme.ts';
import { chartSchemaUrl } from '../output/charts.ts';
import { summarise } from '../output/summary.ts';
import {
  parameterColumns,
  periodWords,
  pointValues,
  sampleAt,
  varies,
  type SensitivityRow,
  type SweepData,
} from './sweepResults.ts';

export interface SweepChart {
  id: string;
  title: string;
  spec: TopLevelSpec;
}

const numberFormat = ',.4~r';

function metricTitle(id: string, metrics: ReadonlyMap<string, MetricDefinition>): string {
  const m = metrics.get(id);
  return m ? `${m.label}${m.unit ? ` (${m.unit})` : ''}` : id;
}

const base = {
  $schema: chartSchemaUrl,
  config: { ...chartConfig, font: chartFont },
};

function sensitivityChart(
  data: SweepData,
  rows: readonly SensitivityRow[],
  kind: 'morris' | 'sobol',
  title: (id: string) => string,
): SweepChart {
  const values = rows
    .filter((r) => Number.isFinite(r.value))
    .filter((r) =>
      kind === 'sobol'
        ? r.statistic === 'S1' || r.statistic === 'ST'
        : r.statistic === 'mu_star' || r.statistic === 'sigma',
    )
    .map((r) => ({
      panel: `${title(r.metric)} ${periodWords(data.plan, r.period)}`,
      parameter: r.parameter,
      statistic:
        kind === 'sobol'
          ? r.statistic === 'S1'
            ? 'first order (S1)'
            : 'total (ST)'
          : r.statistic === 'mu_star'
            ? 'μ*'
            : 'σ',
      value: Number.isFinite(r.value) ? r.value : null,
      low: Number.isFinite(r.low) ? r.low : null,
      high: Number.isFinite(r.high) ? r.high : null,
    }));
  const statistics = kind === 'sobol' ? ['first order (S1)', 'total (ST)'] : ['μ*', 'σ'];
  const tooltip = [
    { field: 'parameter', type: 'nominal' as const, title: 'Parameter' },
    { field: 'statistic', type: 'nominal' as const, title: 'Index' },
    { field: 'value', type: 'quantitative' as const, title: 'Estimate', format: numberFormat },
    { field: 'low', type: 'quantitative' as const, title: '95% interval from', format: numberFormat },
    { field: 'high', type: 'quantitative' as const, title: '95% interval to', format: numberFormat },
  ];
  return {
    id: 'sensitivity',
    title: kind === 'sobol' ? "Sobol' indices with 95% bootstrap intervals" : 'Morris screening: μ* and σ',
    spec: {
      ...base,
      title: {
        text:
          kind === 'sobol'
            ? "Which parameters matter: Sobol' indices"
            : 'Which parameters matter: Morris screening',
        subtitle:
          kind === 'sobol'
            ? 'S1: share of the variance a parameter explains alone; ST: with its interactions. Bars: 95% bootstrap intervals.'
            : 'μ*: mean absolute elementary effect (size of influence); σ: how much it depends on the other parameters. Bars: 95% interval of μ*.',
      },
      data: { values },
      facet: { field: 'panel', type: 'nominal', title: null },
      columns: 2,
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: 320,
        height: { step: 14 },
        encoding: {
          y: { field: 'parameter', type: 'nominal', title: null, axis: { labelLimit: 320 } },
          yOffset: { field: 'statistic', type: 'nominal', sort: statistics },
          color: {
            field: 'statistic',
            type: 'nominal',
            title: null,
            scale: { domain: statistics, range: [palette[0], palette[1]] },
            sort: statistics,
          },
        },
        layer: [
          {
            mark: { type: 'bar', opacity: 0.85 },
            encoding: { x: { field: 'value', type: 'quantitative', title: null }, tooltip },
          },
          {
            mark: { type: 'rule', color: '#1a1a1a' },
            encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, tooltip },
          },
        ],
      },
    } as TopLevelSpec,
  };
}

function heatMap(data: SweepData, periods: readonly number[], title: (id: string) => string): SweepChart {
  const [a, b] = parameterColumns(data.plan);
  const values = data.plan.metrics.flatMap((metric) =>
    periods
      .filter((t) => varies(data, metric, t))
      .flatMap((t) =>
        data.plan.design.values.map((_, p) => {
          const point = pointValues(data.plan, p);
          const s = summarise(sampleAt(data, p, metric, t));
          return {
            panel: `${title(metric)} ${periodWords(data.plan, data.periods[t])}`,
            a: point[0],
            b: point[1],
            mean: Number.isFinite(s.mean) ? s.mean : null,
            low: Number.isFinite(s.ciLow) ? s.ciLow : null,
            high: Number.isFinite(s.ciHigh) ? s.ciHigh : null,
          };
        }),
      ),
  );
  return {
    id: 'heatmap',
    title: `Outcomes over ${a} × ${b}`,
    spec: {
      ...base,
      title: { text: `Outcomes over ${a} × ${b}`, subtitle: 'mean over replicates at each combination' },
      data: { values },
      facet: { field: 'panel', type: 'nominal', title: null },
      columns: 2,
      resolve: { scale: { color: 'independent' } },
      spec: {
        width: 300,
        height: 220,
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'a', type: 'ordinal', title: a, axis: { format: numberFormat } },
          y: { field: 'b', type: 'ordinal', title: b, sort: 'descending', axis: { format: numberFormat } },
          color: { field: 'mean', type: 'quantitative', title: null, scale: { scheme: 'viridis' } },
          tooltip: [
            { field: 'a', type: 'quantitative', title: a, format: numberFormat },
            { field: 'b', type: 'quantitative', title: b, format: numberFormat },
            { field: 'mean', type: 'quantitative', title: 'Mean', format: numberFormat },
            { field: 'low', type: 'quantitative', title: '95% interval from', format: numberFormat },
            { field: 'high', type: 'quantitative', title: '95% interval to', format: numberFormat },
          ],
        },
      },
    } as TopLevelSpec,
  };
}

function responseChart(data: SweepData, period: number, title: (id: string) => string): SweepChart {
  const names = parameterColumns(data.plan);
  const banded = data.plan.design.kind === 'grid' && names.length === 1;
  const values = data.plan.metrics
    .filter((metric) => varies(data, metric, period))
    .flatMap((metric) =>
      names.flatMap((name, i) =>
        data.plan.design.values.map((_, p) => {
          const s = summarise(sampleAt(data, p, metric, period));
          return {
            panel: `${title(metric)} against ${name}`,
            x: pointValues(data.plan, p)[i],
            mean: Number.isFinite(s.mean) ? s.mean : null,
            low: Number.isFinite(s.ciLow) ? s.ciLow : null,
            high: Number.isFinite(s.ciHigh) ? s.ciHigh : null,
          };
        }),
      ),
    );
  const log = data.plan.parameters.length === 1 && data.plan.parameters[0].range?.log === true;
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: null,
    scale: log ? { type: 'log' as const } : { zero: false },
  };
  const tooltip = [
    { field: 'x', type: 'quantitative' as const, title: 'Parameter value', format: numberFormat },
    { field: 'mean', type: 'quantitative' as const, title: 'Mean', format: numberFormat },
    { field: 'low', type: 'quantitative' as const, title: '95% interval from', format: numberFormat },
    { field: 'high', type: 'quantitative' as const, title: '95% interval to', format: numberFormat },
  ];
  const y = { field: 'mean', type: 'quantitative' as const, title: null, scale: { zero: false } };
  return {
    id: 'response',
    title: `Responses ${periodWords(data.plan, data.periods[period])}`,
    spec: {
      ...base,
      title: {
        text: `How the outcomes respond, ${periodWords(data.plan, data.periods[period])}`,
        subtitle: banded
          ? 'mean over replicates with its 95% interval'
          : 'each dot: one design point’s mean over replicates (the other parameters vary too)',
      },
      data: { values },
      facet: { field: 'panel', type: 'nominal', title: null },
      columns: 2,
      resolve: { scale: { x: 'independent', y: 'independent' } },
      spec: {
        width: 300,
        height: 180,
        layer: banded
          ? [
              {
                mark: { type: 'area', opacity: 0.2, color: palette[0] },
                encoding: {
                  x,
                  y: { field: 'low', type: 'quantitative', title: null },
                  y2: { field: 'high' },
                },
              },
              { mark: { type: 'line', color: palette[0], point: true }, encoding: { x, y, tooltip } },
            ]
          : [
              {
                mark: { type: 'point', filled: true, opacity: 0.6, color: palette[0] },
                encoding: { x, y, tooltip },
              },
            ],
      },
    } as TopLevelSpec,
  };
}

export function sweepCharts(
  data: SweepData,
  sensitivity: readonly SensitivityRow[],
  outcomePeriods: readonly number[],
  metrics: ReadonlyMap<string, MetricDefinition>,
): SweepChart[] {
  const title = (id: string) => metricTitle(id, metrics);
  const kind = data.plan.design.kind;
  const charts: SweepChart[] = [];
  if ((kind === 'morris' || kind === 'sobol') && sensitivity.length > 0)
    charts.push(sensitivityChart(data, sensitivity, kind, title));
  if (kind === 'grid' && data.plan.parameters.length === 2) charts.push(heatMap(data, outcomePeriods, title));
  charts.push(responseChart(data, outcomePeriods[outcomePeriods.length - 1], title));
  return charts;
}
