/**
 * A finished sweep's tables and analyses (pure), from its plan and every run's record, always in plan
 * order — so they are the same bytes whatever order runs finished in, on however many workers, shards
 * or machines:
 * - points.csv: each design point's parameter values;
 * - runs.csv: one row per run × metric × period, with the point's parameter values (tidy: for R, pandas);
 * - summary.csv: per point, metric and period, the replicates' n, mean, sd and 95% interval;
 * - sensitivity.csv (morris, sobol): per metric and outcome period, each parameter's indices with their
 *   bootstrap intervals, computed on the replicates' mean at each point.
 */
import { csvLine, type CsvCell } from '../output/csv.ts';
import { summarise } from '../output/summary.ts';
import { morrisIndices } from './morrisIndices.ts';
import type { RunRecord } from './runRecord.ts';
import { sobolIndices } from './sobolIndices.ts';
import { runCount, type SweepPlan } from './sweepPlan.ts';

export interface SweepData {
  plan: SweepPlan;
  /** The periods of every run's values: years (calendar models) or steps. */
  periods: readonly string[];
  /** Every run's record, by run index (complete: one per planned run). */
  records: readonly RunRecord[];
}

/** Every run's record in plan order; throws if one is missing. */
export function completeRecords(plan: SweepPlan, records: ReadonlyMap<number, RunRecord>): RunRecord[] {
  const total = runCount(plan);
  const out: RunRecord[] = [];
  const missing: number[] = [];
  for (let i = 0; i < total; i++) {
    const record = records.get(i);
    if (record) out.push(record);
    else missing.push(i);
  }
  if (missing.length > 0) {
    throw new Error(
      `${missing.length} of ${total} runs have no result (first: run ${missing[0]}); resume the sweep or merge the missing shard`,
    );
  }
  return out;
}

/** Column names of the parameters: their paths as the user wrote them. */
export function parameterColumns(plan: SweepPlan): string[] {
  return plan.parameters.map((p) => (p.from === undefined ? p.path : `${p.path}@${p.from}`));
}

/** A point's values as run (whole-number parameters rounded). */
export function pointValues(plan: SweepPlan, point: number): number[] {
  return plan.design.values[point].map((v, i) => (plan.parameters[i].integer ? Math.round(v) : v));
}

const periodColumn = (plan: SweepPlan) => (plan.scenario.start !== undefined ? 'year' : 'step');

export function* pointsCsvLines(plan: SweepPlan): Generator<string> {
  yield csvLine(['point', ...parameterColumns(plan)]);
  for (let p = 0; p < plan.design.values.length; p++) yield csvLine([p, ...pointValues(plan, p)]);
}

export function* runsCsvLines(data: SweepData): Generator<string> {
  const { plan, periods, records } = data;
  yield csvLine(['point', 'replicate', ...parameterColumns(plan), 'metric', periodColumn(plan), 'value']);
  for (const record of records) {
    const values = pointValues(plan, record.point);
    for (const metric of plan.metrics) {
      const column = record.values[metric];
      for (let t = 0; t < periods.length; t++) {
        yield csvLine([record.point, record.replicate, ...values, metric, periods[t], column[t]]);
      }
    }
  }
}

/** The replicates' values of one point, metric and period. */
export function sampleAt(data: SweepData, point: number, metric: string, period: number): Float64Array {
  const r = data.plan.replicates;
  const sample = new Float64Array(r);
  for (let k = 0; k < r; k++) sample[k] = data.records[point * r + k].values[metric][period];
  return sample;
}

export function* summaryCsvLines(data: SweepData): Generator<string> {
  const { plan, periods } = data;
  yield csvLine([
    'point',
    ...parameterColumns(plan),
    'metric',
    periodColumn(plan),
    'n',
    'mean',
    'sd',
    'ci95_low',
    'ci95_high',
  ]);
  for (let p = 0; p < plan.design.values.length; p++) {
    const values = pointValues(plan, p);
    for (const metric of plan.metrics) {
      for (let t = 0; t < periods.length; t++) {
        const s = summarise(sampleAt(data, p, metric, t));
        yield csvLine([p, ...values, metric, periods[t], s.n, s.mean, s.sd, s.ciLow, s.ciHigh]);
      }
    }
  }
}

/** Each point's mean over its replicates of one metric at one period (NaN where no replicate has one). */
export function pointMeans(data: SweepData, metric: string, period: number): Float64Array {
  const n = data.plan.design.values.length;
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) out[p] = summarise(sampleAt(data, p, metric, period)).mean;
  return out;
}

/** Whether a metric's point means differ anywhere across the design at a period (else no index exists). */
export function varies(data: SweepData, metric: string, period: number): boolean {
  const means = pointMeans(data, metric, period);
  return means.some((v) => Number.isFinite(v) && v !== means[0]);
}

/** How a period is said in titles: "in 2030" (a year) or "at step 60". */
export function periodWords(plan: SweepPlan, period: string): string {
  return plan.scenario.start !== undefined ? `in ${period}` : `at step ${period}`;
}

export interface SensitivityRow {
  metric: string;
  period: string;
  parameter: string;
  /** morris: mu, mu_star, sigma; sobol: S1, ST. */
  statistic: 'mu' | 'mu_star' | 'sigma' | 'S1' | 'ST';
  value: number;
  low: number;
  high: number;
}

/** Why indices could not be computed for a metric (a point where every replicate's value is missing). */
export class SensitivityUndefinedError extends Error {}

export function sensitivityRows(
  data: SweepData,
  periods: readonly number[],
  options: { resamples?: number } = {},
): SensitivityRow[] {
  const { plan } = data;
  const kind = plan.design.kind;
  if (kind !== 'morris' && kind !== 'sobol') return [];
  const k = plan.parameters.length;
  const names = parameterColumns(plan);
  const rows: SensitivityRow[] = [];
  for (const metric of plan.metrics) {
    for (const t of periods) {
      const outputs = pointMeans(data, metric, t);
      const period = data.periods[t];
      const stream = `${metric}@${period}`;
      const push = (
        i: number,
        statistic: SensitivityRow['statistic'],
        value: number,
        interval?: [number, number],
      ) =>
        rows.push({
          metric,
          period,
          parameter: names[i],
          statistic,
          value,
          low: interval?.[0] ?? Number.NaN,
          high: interval?.[1] ?? Number.NaN,
        });
      if (outputs.some(Number.isNaN) || !outputs.some((v) => v !== outputs[0])) {
        // a metric undefined at some point (e.g. no NGOs left), or the same everywhere (no variance to
        // share out): no index can be computed honestly
        for (let i = 0; i < k; i++)
          for (const s of kind === 'morris' ? (['mu', 'mu_star', 'sigma'] as const) : (['S1', 'ST'] as const))
            push(i, s, Number.NaN);
        continue;
      }
      if (kind === 'morris') {
        const m = morrisIndices(outputs, plan.design.morris!.steps, k, {
          seed: plan.scenario.seed,
          stream,
          resamples: options.resamples,
        });
        for (let i = 0; i < k; i++) {
          push(i, 'mu', m.mu[i]);
          push(i, 'mu_star', m.muStar[i], m.muStarInterval[i]);
          push(i, 'sigma', m.sigma[i]);
        }
      } else {
        const s = sobolIndices(outputs, k, {
          seed: plan.scenario.seed,
          stream,
          resamples: options.resamples,
        });
        for (let i = 0; i < k; i++) {
          push(i, 'S1', s.first[i], s.firstInterval[i]);
          push(i, 'ST', s.total[i], s.totalInterval[i]);
        }
      }
    }
  }
  return rows;
}

export function* sensitivityCsvLines(rows: readonly SensitivityRow[], periodName: string): Generator<string> {
  yield csvLine(['metric', periodName, 'parameter', 'statistic', 'value', 'ci95_low', 'ci95_high']);
  for (const r of rows)
    yield csvLine([r.metric, r.period, r.parameter, r.statistic, r.value, r.low, r.high] as CsvCell[]);
}

export { periodColumn };
