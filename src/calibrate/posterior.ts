/**
 * What a calibration's particles say (pure): weighted quantiles, the effective sample size, per
 * parameter summaries with 95% credible intervals, and the tidy tables written next to the report.
 */
import { csvLine } from '../output/csv.ts';
import type { GenerationResult, Particle, Prior } from './abcSmc.ts';

/**
 * The q-quantile of weighted values: the weighted empirical CDF with each value at the middle of its
 * weight, interpolated linearly (so equal weights give the usual midpoint quantile).
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const total = weights.reduce((a, b) => a + b, 0);
  if (order.length === 0 || !(total > 0)) return Number.NaN;
  let cumulative = 0;
  const at: number[] = [];
  for (const i of order) {
    at.push((cumulative + weights[i] / 2) / total);
    cumulative += weights[i];
  }
  if (q <= at[0]) return values[order[0]];
  for (let k = 1; k < order.length; k++) {
    if (q <= at[k]) {
      const f = (q - at[k - 1]) / (at[k] - at[k - 1]);
      return values[order[k - 1]] + f * (values[order[k]] - values[order[k - 1]]);
    }
  }
  return values[order[order.length - 1]];
}

/** Kish's effective sample size, (Σw)² / Σw². */
export function effectiveSampleSize(weights: readonly number[]): number {
  const sum = weights.reduce((a, b) => a + b, 0);
  const squares = weights.reduce((a, b) => a + b * b, 0);
  return squares > 0 ? (sum * sum) / squares : 0;
}

export interface ParameterSummary {
  path: string;
  prior: Prior;
  mean: number;
  sd: number;
  median: number;
  /** 95% credible interval (2.5% and 97.5% weighted quantiles). */
  low: number;
  high: number;
  /** The interval's width as a share of the prior's: near 1, the targets did not inform it. */
  narrowing: number;
}

export function parameterSummaries(kept: readonly Particle[], priors: readonly Prior[]): ParameterSummary[] {
  const weights = kept.map((p) => p.weight);
  const total = weights.reduce((a, b) => a + b, 0);
  return priors.map((prior, i) => {
    const values = kept.map((p) => p.theta[i]);
    const mean = values.reduce((s, v, j) => s + v * weights[j], 0) / total;
    const variance = values.reduce((s, v, j) => s + weights[j] * (v - mean) ** 2, 0) / total;
    const low = weightedQuantile(values, weights, 0.025);
    const high = weightedQuantile(values, weights, 0.975);
    const width = prior.log
      ? Math.log(high / low) / Math.log(prior.high / prior.low)
      : (high - low) / (prior.high - prior.low);
    return {
      path: prior.path,
      prior,
      mean,
      sd: Math.sqrt(variance),
      median: weightedQuantile(values, weights, 0.5),
      low,
      high,
      narrowing: width,
    };
  });
}

/** posterior.csv: the final particles, their normalised weights and distances. */
export function* posteriorCsvLines(kept: readonly Particle[], priors: readonly Prior[]): Generator<string> {
  const total = kept.reduce((s, p) => s + p.weight, 0);
  yield csvLine(['particle', 'generation', 'index', 'weight', 'distance', ...priors.map((p) => p.path)]);
  for (const [k, p] of kept.entries()) {
    yield csvLine([k, p.generation, p.index, p.weight / total, p.distance, ...p.theta]);
  }
}

/** particles.csv: every particle simulated, by generation, and whether it was kept at its generation's end. */
export function* particlesCsvLines(
  generations: readonly { result: GenerationResult; fresh: readonly Particle[] }[],
  priors: readonly Prior[],
): Generator<string> {
  yield csvLine(['generation', 'index', 'kept', 'weight', 'distance', ...priors.map((p) => p.path)]);
  for (const { result, fresh } of generations) {
    const kept = new Set(result.kept.filter((p) => p.generation === result.generation).map((p) => p.index));
    for (const p of fresh) {
      yield csvLine([p.generation, p.index, kept.has(p.index), p.weight, p.distance, ...p.theta]);
    }
  }
}

/** summary.csv: one row per parameter. */
export function* summaryCsvLines(rows: readonly ParameterSummary[], ess: number): Generator<string> {
  yield csvLine([
    'parameter',
    'prior_low',
    'prior_high',
    'prior_log',
    'mean',
    'sd',
    'median',
    'ci95_low',
    'ci95_high',
    'interval_share_of_prior',
    'effective_sample_size',
  ]);
  for (const r of rows) {
    yield csvLine([
      r.path,
      r.prior.low,
      r.prior.high,
      r.prior.log,
      r.mean,
      r.sd,
      r.median,
      r.low,
      r.high,
      r.narrowing,
      ess,
    ]);
  }
}

/** generations.csv: the tolerance schedule and acceptance. */
export function* generationsCsvLines(results: readonly GenerationResult[]): Generator<string> {
  yield csvLine(['generation', 'epsilon', 'acceptance', 'simulated', 'kept', 'effective_sample_size']);
  for (const r of results) {
    yield csvLine([
      r.generation,
      r.epsilon,
      r.acceptance,
      r.simulated,
      r.kept.length,
      effectiveSampleSize(r.kept.map((p) => p.weight)),
    ]);
  }
}
