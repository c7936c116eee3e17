/**
 * A calibration's charts as Vega-Lite specs (pure):
 * - fit: for each metric with targets, the posterior's simulated band (weighted 5–95% of the kept
 *   particles' runs, and their median) over the whole run, with the observed values and their ± sd as
 *   points and bars (a span's target as a bar across its years) — the fit, and the forecast beyond it;
 * - marginals: each parameter's weighted posterior histogram over its prior range;
 * - pairs: each pair of parameters' particles (size by weight) — trade-offs the targets cannot separate;
 * - tolerance: the tolerance ε and the acceptance by generation — how the schedule went.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricDefinition } from '../models/definition.ts';
import { chartConfig, chartFont, palette } from '../output/chartTheme.ts';
import { chartSchemaUrl } from '../output/charts.ts';
import type { GenerationResult, Particle, Prior } from './abcSmc.ts';
import { weightedQuantile } from './posterior.ts';
import type { Target } from './targets.ts';

export interface CalibrationChart {
  id: string;
  title: string;
  spec: TopLevelSpec;
}

const numberFormat = ',.4~r';
const base = { $schema: chartSchemaUrl, config: { ...chartConfig, font: chartFont } };

/** The kept particles' simulated series: per particle (same order as kept), metric → value per period. */
export type KeptSeries = readonly Readonly<Record<string, readonly number[]>>[];

export function fitBands(
  kept: readonly Particle[],
  series: KeptSeries,
  metric: string,
  periods: readonly string[],
): { period: number; low: number; median: number; high: number }[] {
  const weights = kept.map((p) => p.weight);
  return periods.map((period, t) => {
    const values: number[] = [];
    const w: number[] = [];
    for (const [k, s] of series.entries()) {
      const v = s[metric]?.[t];
      if (Number.isFinite(v)) {
        values.push(v);
        w.push(weights[k]);
      }
    }
    return {
      period: Number(period),
      low: weightedQuantile(values, w, 0.05),
      median: weightedQuantile(values, w, 0.5),
      high: weightedQuantile(values, w, 0.95),
    };
  });
}

function fitChart(
  metric: string,
  targets: readonly Target[],
  bands: ReturnType<typeof fitBands>,
  label: string,
  calendar: boolean,
  heldOut: readonly Target[],
): CalibrationChart {
  const observed = [
    ...targets.map((t) => ({ t, role: 'fitted' })),
    ...heldOut.map((t) => ({ t, role: 'held out' })),
  ].map(({ t, role }) => ({
    from: Number(t.periods[0]),
    to: Number(t.periods[t.periods.length - 1]),
    middle: (Number(t.periods[0]) + Number(t.periods[t.periods.length - 1])) / 2,
    value: t.value,
    low: t.value - t.sd,
    high: t.value + t.sd,
    role,
    definition: t.definition,
  }));
  const x = {
    field: 'period',
    type: 'quantitative' as const,
    title: calendar ? 'Year' : 'Step',
    axis: { format: calendar ? 'd' : ',d', tickMinStep: 1 },
  };
  const band = bands.map((b) => ({
    period: b.period,
    low: Number.isFinite(b.low) ? b.low : null,
    median: Number.isFinite(b.median) ? b.median : null,
    high: Number.isFinite(b.high) ? b.high : null,
  }));
  const roleColor = {
    field: 'role',
    type: 'nominal' as const,
    title: 'Observed',
    scale: { domain: ['fitted', 'held out'], range: ['#111111', palette[3]] },
  };
  return {
    id: `fit-${metric.replace(/[^A-Za-z0-9_-]/g, '_')}`,
    title: `Fit: ${label}`,
    spec: {
      ...base,
      title: {
        text: `${label}: simulated by the posterior against the observations`,
        subtitle:
          'band: 5–95% of the posterior particles’ runs (weighted), line: their median; dots and bars: observed ± sd',
      },
      width: 700,
      height: 260,
      layer: [
        {
          data: { values: band },
          mark: { type: 'area', opacity: 0.25, color: palette[0] },
          encoding: { x, y: { field: 'low', type: 'quantitative', title: label }, y2: { field: 'high' } },
        },
        {
          data: { values: band },
          mark: { type: 'line', color: palette[0] },
          encoding: {
            x,
            y: { field: 'median', type: 'quantitative' },
            tooltip: [
              { field: 'period', type: 'quantitative', title: calendar ? 'Year' : 'Step' },
              { field: 'median', type: 'quantitative', title: 'Median', format: numberFormat },
              { field: 'low', type: 'quantitative', title: '5%', format: numberFormat },
              { field: 'high', type: 'quantitative', title: '95%', format: numberFormat },
            ],
          },
        },
        {
          data: { values: observed },
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: {
            x: { field: 'middle', type: 'quantitative' },
            y: { field: 'low', type: 'quantitative' },
            y2: { field: 'high' },
            color: roleColor,
          },
        },
        {
          data: { values: observed },
          mark: { type: 'rule', strokeWidth: 3 },
          encoding: {
            x: { field: 'from', type: 'quantitative' },
            x2: { field: 'to' },
            y: { field: 'value', type: 'quantitative' },
            color: roleColor,
          },
        },
        {
          data: { values: observed },
          mark: { type: 'point', filled: true, size: 50 },
          encoding: {
            x: { field: 'middle', type: 'quantitative' },
            y: { field: 'value', type: 'quantitative' },
            color: roleColor,
            tooltip: [
              { field: 'value', type: 'quantitative', title: 'Observed', format: numberFormat },
              { field: 'low', type: 'quantitative', title: '− sd', format: numberFormat },
              { field: 'high', type: 'quantitative', title: '+ sd', format: numberFormat },
              { field: 'role', type: 'nominal', title: 'Used' },
              { field: 'definition', type: 'nominal', title: 'Definition' },
            ],
          },
        },
      ],
    } as TopLevelSpec,
  };
}

function histogram(prior: Prior, values: readonly number[], weights: readonly number[], bins = 24) {
  const lo = prior.log ? Math.log(prior.low) : prior.low;
  const hi = prior.log ? Math.log(prior.high) : prior.high;
  const width = (hi - lo) / bins || 1;
  const mass = new Array<number>(bins).fill(0);
  const total = weights.reduce((a, b) => a + b, 0);
  for (const [i, v] of values.entries()) {
    const z = prior.log ? Math.log(v) : v;
    mass[Math.min(bins - 1, Math.max(0, Math.floor((z - lo) / width)))] += weights[i] / total;
  }
  const at = (z: number) => (prior.log ? Math.exp(z) : z);
  return mass.map((m, b) => ({ x0: at(lo + b * width), x1: at(lo + (b + 1) * width), share: m }));
}

function marginalsChart(kept: readonly Particle[], priors: readonly Prior[]): CalibrationChart {
  const weights = kept.map((p) => p.weight);
  return {
    id: 'marginals',
    title: 'Posterior marginals',
    spec: {
      ...base,
      title: {
        text: 'Posterior of each parameter',
        subtitle:
          'share of the posterior weight in each bin, over the prior’s range (the prior is flat on it)',
      },
      columns: 2,
      concat: priors.map((prior, i) => {
        const median = weightedQuantile(
          kept.map((p) => p.theta[i]),
          weights,
          0.5,
        );
        const x = {
          field: 'x0',
          type: 'quantitative' as const,
          title: prior.path,
          scale: {
            type: prior.log ? ('log' as const) : ('linear' as const),
            domain: [prior.low, prior.high],
            nice: false,
          },
        };
        return {
          width: 330,
          height: 160,
          layer: [
            {
              data: {
                values: histogram(
                  prior,
                  kept.map((p) => p.theta[i]),
                  weights,
                ),
              },
              mark: { type: 'rect', color: palette[0], opacity: 0.8 },
              encoding: {
                x,
                x2: { field: 'x1' },
                y: { field: 'share', type: 'quantitative', title: 'share' },
                tooltip: [
                  { field: 'x0', type: 'quantitative', title: 'from', format: numberFormat },
                  { field: 'x1', type: 'quantitative', title: 'to', format: numberFormat },
                  { field: 'share', type: 'quantitative', title: 'share', format: '.1%' },
                ],
              },
            },
            {
              data: { values: [{ median }] },
              mark: { type: 'rule', color: '#111111', strokeDash: [4, 3] },
              encoding: { x: { field: 'median', type: 'quantitative' } },
            },
          ],
        };
      }),
    } as TopLevelSpec,
  };
}

function pairsChart(kept: readonly Particle[], priors: readonly Prior[]): CalibrationChart {
  const total = kept.reduce((s, p) => s + p.weight, 0);
  const pairs: [number, number][] = [];
  for (let a = 0; a < priors.length; a++) for (let b = a + 1; b < priors.length; b++) pairs.push([a, b]);
  return {
    id: 'pairs',
    title: 'Posterior pairs',
    spec: {
      ...base,
      title: {
        text: 'Posterior particles, pair by pair',
        subtitle: 'each dot a particle, its size its weight',
      },
      columns: 3,
      concat: pairs.slice(0, 15).map(([a, b]) => ({
        width: 220,
        height: 200,
        data: { values: kept.map((p) => ({ x: p.theta[a], y: p.theta[b], weight: p.weight / total })) },
        mark: { type: 'point', filled: true, opacity: 0.5, color: palette[0] },
        encoding: {
          x: {
            field: 'x',
            type: 'quantitative',
            title: priors[a].path,
            scale: {
              type: priors[a].log ? 'log' : 'linear',
              domain: [priors[a].low, priors[a].high],
              nice: false,
            },
          },
          y: {
            field: 'y',
            type: 'quantitative',
            title: priors[b].path,
            scale: {
              type: priors[b].log ? 'log' : 'linear',
              domain: [priors[b].low, priors[b].high],
              nice: false,
            },
          },
          size: { field: 'weight', type: 'quantitative', legend: null, scale: { range: [8, 120] } },
          tooltip: [
            { field: 'x', type: 'quantitative', title: priors[a].path, format: numberFormat },
            { field: 'y', type: 'quantitative', title: priors[b].path, format: numberFormat },
            { field: 'weight', type: 'quantitative', title: 'weight', format: '.2%' },
          ],
        },
      })),
    } as TopLevelSpec,
  };
}

function toleranceChart(results: readonly GenerationResult[]): CalibrationChart {
  const values = results.map((r) => ({
    generation: r.generation,
    epsilon: Number.isFinite(r.epsilon) ? r.epsilon : null,
    acceptance: Number.isFinite(r.acceptance) ? r.acceptance : null,
  }));
  const x = {
    field: 'generation',
    type: 'quantitative' as const,
    title: 'Generation',
    axis: { tickMinStep: 1, format: 'd' },
  };
  return {
    id: 'tolerance',
    title: 'Tolerance schedule',
    spec: {
      ...base,
      title: {
        text: 'Tolerance and acceptance by generation',
        subtitle:
          'ε: the α-quantile of the distances; acceptance: new particles within the previous ε (stops at the minimum)',
      },
      data: { values },
      hconcat: [
        {
          width: 330,
          height: 180,
          mark: { type: 'line', point: true, color: palette[0] },
          encoding: {
            x,
            y: { field: 'epsilon', type: 'quantitative', title: 'tolerance ε', scale: { type: 'log' } },
          },
        },
        {
          width: 330,
          height: 180,
          mark: { type: 'line', point: true, color: palette[1] },
          encoding: {
            x,
            y: { field: 'acceptance', type: 'quantitative', title: 'acceptance', axis: { format: '.0%' } },
          },
        },
      ],
    } as TopLevelSpec,
  };
}

export function calibrationCharts(input: {
  kept: readonly Particle[];
  series: KeptSeries;
  periods: readonly string[];
  targets: readonly Target[];
  heldOut: readonly Target[];
  priors: readonly Prior[];
  results: readonly GenerationResult[];
  metrics: ReadonlyMap<string, MetricDefinition>;
  calendar: boolean;
}): CalibrationChart[] {
  const metricIds = [...new Set([...input.targets, ...input.heldOut].map((t) => t.metric))];
  const charts = metricIds.map((metric) => {
    const m = input.metrics.get(metric);
    const label = m ? `${m.label}${m.unit ? ` (${m.unit})` : ''}` : metric;
    return fitChart(
      metric,
      input.targets.filter((t) => t.metric === metric),
      fitBands(input.kept, input.series, metric, input.periods),
      label,
      input.calendar,
      input.heldOut.filter((t) => t.metric === metric),
    );
  });
  charts.push(marginalsChart(input.kept, input.priors));
  if (input.priors.length >= 2) charts.push(pairsChart(input.kept, input.priors));
  charts.push(toleranceChart(input.results));
  return charts;
}
