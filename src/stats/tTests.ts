/**
 * Student t tests for comparing scenarios: the paired test (replicates paired by seed, common random
 * numbers) and Welch's test (unpaired, unequal variances). Same formulas as R's `t.test`, checked against
 * R 4.2.2 in test/stats/tTests.test.ts.
 */
import { mean, sampleVariance } from 'simple-statistics';
import { tCdf, tQuantile } from './studentT.ts';
import type { TestResult } from './testResult.ts';

export interface TTestResult extends TestResult {
  /** The mean difference (paired) or difference of means (x − y). */
  estimate: number;
  /** Standard error of the estimate. */
  stderr: number;
  /** Two-sided 95% confidence interval of the estimate. */
  ciLow: number;
  ciHigh: number;
}

function finish(
  base: Pick<TTestResult, 'test' | 'method'>,
  estimate: number,
  stderr: number,
  df: number,
  level: number,
  /** R's "essentially constant" threshold: stderr < 10·eps·scale. */
  scale: number,
): TTestResult {
  const t = estimate / stderr;
  const half = tQuantile(1 - (1 - level) / 2, df) * stderr;
  const p = 2 * tCdf(-Math.abs(t), df);
  const degenerate = stderr < 10 * Number.EPSILON * scale;
  return {
    ...base,
    statistic: degenerate ? Number.NaN : t,
    df,
    p: degenerate ? Number.NaN : p,
    exact: true,
    estimate,
    stderr,
    ciLow: degenerate ? estimate : estimate - half,
    ciHigh: degenerate ? estimate : estimate + half,
    ...(degenerate
      ? {
          note:
            base.test === 'paired-t'
              ? 'the data are essentially constant: the difference is the same in every pair'
              : 'the data are essentially constant: every value of each sample is the same',
        }
      : stderr === 0
        ? {
            note:
              base.test === 'paired-t' ? 'every difference is zero' : 'the samples are identical constants',
          }
        : {}),
  };
}

/** Paired t test of x − y (same length, at least 2), with its `level` confidence interval (R: t.test(x, y, paired = TRUE)). */
export function pairedT(x: readonly number[], y: readonly number[], level = 0.95): TTestResult {
  if (x.length !== y.length) throw new Error('a paired test needs samples of equal length');
  if (x.length < 2) throw new Error('a paired test needs at least 2 pairs');
  const d = x.map((v, i) => v - y[i]);
  const n = d.length;
  return finish(
    { test: 'paired-t', method: 'Paired t-test' },
    mean(d),
    Math.sqrt(sampleVariance(d) / n),
    n - 1,
    level,
    Math.abs(mean(d)),
  );
}

/** Welch's two-sample t test of mean(x) − mean(y), each sample at least 2 (R: t.test(x, y)). */
export function welchT(x: readonly number[], y: readonly number[], level = 0.95): TTestResult {
  if (x.length < 2 || y.length < 2) throw new Error("Welch's test needs at least 2 values in each sample");
  const vx = sampleVariance(x as number[]) / x.length;
  const vy = sampleVariance(y as number[]) / y.length;
  const se2 = vx + vy;
  const df = (se2 * se2) / ((vx * vx) / (x.length - 1) + (vy * vy) / (y.length - 1));
  return finish(
    { test: 'welch-t', method: 'Welch Two Sample t-test' },
    mean(x as number[]) - mean(y as number[]),
    Math.sqrt(se2),
    df,
    level,
    Math.max(Math.abs(mean(x as number[])), Math.abs(mean(y as number[]))),
  );
}
