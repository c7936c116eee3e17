/**
 * Summaries of a run across its replicates: per date (or year) and metric, the number of replicates with
 * a value, their mean, sample standard deviation, a Student-t 95% confidence interval of the mean, and
 * the range. Replicates are independent draws of the same stochastic model, so the t interval says how
 * precisely the run has pinned down the model's expected path (not how uncertain the world is).
 *
 * Everything here is pure and allocation-light, so the CLI, notebooks and the browser explorer share it.
 * Missing values (NaN, e.g. a metric undefined while there are no NGOs) are left out, not counted as 0.
 */
import { max as maxOf, mean as meanOf, min as minOf, sampleStandardDeviation } from 'simple-statistics';
import { t975 } from '../stats/studentT.ts';
import type { ReplicateResult } from '../run/replicate.ts';

/** Descriptive statistics of one sample. Fields that need more values than there are are NaN. */
export interface Summary {
  /** Values that were not NaN. */
  n: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1); NaN when n < 2. */
  sd: number;
  /** mean ∓ t(0.975, n − 1) · sd / √n; NaN when n < 2. */
  ciLow: number;
  ciHigh: number;
  min: number;
  max: number;
}

/** The values that are not NaN (missing values are left out, not counted as 0). */
function present(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out.push(values[i]);
  return out;
}

/** Arithmetic mean of the values that are not NaN (NaN when there are none); simple-statistics' mean. */
export function mean(values: ArrayLike<number>): number {
  const xs = present(values);
  return xs.length === 0 ? Number.NaN : meanOf(xs);
}

/**
 * Sample standard deviation (divisor n − 1) of the values that are not NaN; NaN for fewer than two.
 * simple-statistics' sampleStandardDeviation: two passes (mean first, then squared deviations), exact
 * for constant samples and stable for large values.
 */
export function sampleSd(values: ArrayLike<number>): number {
  const xs = present(values);
  return xs.length < 2 ? Number.NaN : sampleStandardDeviation(xs);
}

/** Half-width of the two-sided 95% Student-t interval of a mean; NaN when n < 2. */
export function ci95HalfWidth(sd: number, n: number): number {
  if (n < 2) return Number.NaN;
  return (t975(n - 1) * sd) / Math.sqrt(n);
}

/** All statistics of one sample at once. */
export function summarise(values: ArrayLike<number>): Summary {
  const xs = present(values);
  const n = xs.length;
  if (n === 0) {
    const nan = Number.NaN;
    return { n: 0, mean: nan, sd: nan, ciLow: nan, ciHigh: nan, min: nan, max: nan };
  }
  const m = meanOf(xs);
  const sd = n < 2 ? Number.NaN : sampleStandardDeviation(xs);
  const half = ci95HalfWidth(sd, n);
  return { n, mean: m, sd, ciLow: m - half, ciHigh: m + half, min: minOf(xs), max: maxOf(xs) };
}

/** Values per tick (a month or a step) or annual aggregates (one per calendar year, calendar models only). */
export type Resolution = 'tick' | 'annual';

/** One metric's summaries along the time axis, column by column (index = position in `keys`). */
export interface MetricSummary {
  metric: string;
  n: Int32Array;
  mean: Float64Array;
  sd: Float64Array;
  ciLow: Float64Array;
  ciHigh: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/** Summaries of a run for some metrics at one resolution. */
export interface SeriesSummary {
  resolution: Resolution;
  /** Each tick's label ('YYYY-MM' or the step) or the year as a string (annual). */
  keys: string[];
  /** In the order the metrics were asked for. */
  metrics: MetricSummary[];
}

/**
 * Summarises the replicates of a run per time step, for the given metrics.
 * Throws when the replicates do not share one time axis (they always do for one scenario).
 */
export function summariseRun(
  replicates: readonly ReplicateResult[],
  metrics: readonly string[],
  resolution: Resolution,
): SeriesSummary {
  if (replicates.length === 0) throw new Error('cannot summarise a run without replicates');
  const first = replicates[0].series;
  const keys = resolution === 'tick' ? [...first.ticks] : first.years.map(String);
  for (const r of replicates) {
    const length = resolution === 'tick' ? r.series.ticks.length : r.series.years.length;
    if (length !== keys.length) {
      throw new Error(`replicate ${r.replicate} has ${length} time steps, replicate 0 has ${keys.length}`);
    }
  }
  const summaries = metrics.map((metric): MetricSummary => {
    const columns = replicates.map((r) => {
      const column = (resolution === 'tick' ? r.series.values : r.series.annual)[metric];
      if (!column) throw new Error(`replicate ${r.replicate} did not record metric ${metric}`);
      return column;
    });
    return summariseSteps(emptyMetricSummary(metric, keys.length), columns, 0, keys.length);
  });
  return { resolution, keys, metrics: summaries };
}

/** A metric's summaries of `length` time steps with no value yet (every statistic NaN, n = 0). */
export function emptyMetricSummary(metric: string, length: number): MetricSummary {
  const nan = () => new Float64Array(length).fill(Number.NaN);
  return {
    metric,
    n: new Int32Array(length),
    mean: nan(),
    sd: nan(),
    ciLow: nan(),
    ciHigh: nan(),
    min: nan(),
    max: nan(),
  };
}

/**
 * Summarises the replicates' values (one column each) at time steps [from, to) into `out` and returns
 * it: a run's summaries can so be extended as its ticks arrive (the browser explorer does).
 */
export function summariseSteps(
  out: MetricSummary,
  columns: readonly ArrayLike<number>[],
  from: number,
  to: number,
): MetricSummary {
  const sample = new Float64Array(columns.length);
  for (let t = from; t < to; t++) {
    for (let r = 0; r < columns.length; r++) sample[r] = columns[r][t];
    const s = summarise(sample);
    out.n[t] = s.n;
    out.mean[t] = s.mean;
    out.sd[t] = s.sd;
    out.ciLow[t] = s.ciLow;
    out.ciHigh[t] = s.ciHigh;
    out.min[t] = s.min;
    out.max[t] = s.max;
  }
  return out;
}
