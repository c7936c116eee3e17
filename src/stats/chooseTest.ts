/**
 * Which test compares two scenarios' replicates, and the comparison itself. The rule (written in every
 * compare report's method section):
 *
 * - Replicates run with common random numbers (same seeds, same stream family) are **paired**: replicate
 *   r of each scenario starts from the same population and draws. The test works on the paired
 *   differences: the paired t test, or the Wilcoxon signed-rank test when the differences look clearly
 *   non-normal. Otherwise the samples are **independent**: Welch's t test (no equal-variance assumption),
 *   or the Wilcoxon–Mann–Whitney test when either sample looks clearly non-normal.
 * - "Clearly non-normal": sample skewness beyond ±1 or excess kurtosis above 3 (rules of thumb for when
 *   the t test's coverage suffers at simulation-sized samples; Kim 2013), judged only from 6 values up —
 *   below 6 pairs no rank test can reach p < 0.05, so the t test is kept.
 * - Every difference zero: no test (the scenarios agree in every replicate). A constant non-zero paired
 *   difference: no test either; the difference is certain within this design.
 */
import { mean, sampleKurtosis, sampleSkewness } from 'simple-statistics';
import { cohenDz, hedgesG } from './effectSize.ts';
import { signedRank, rankSum } from './rankTests.ts';
import { pairedT, welchT } from './tTests.ts';
import type { TestResult } from './testResult.ts';

/** Skewness and excess kurtosis beyond which a sample counts as clearly non-normal. */
export const nonNormal = { skewness: 1, kurtosis: 3, from: 6 } as const;

/** Whether a sample looks clearly non-normal under the rule above, and why. */
export function nonNormality(values: readonly number[]): string | undefined {
  if (values.length < nonNormal.from) return undefined;
  const xs = values as number[];
  const first = xs[0];
  if (xs.every((v) => v === first)) return undefined;
  const g1 = sampleSkewness(xs);
  if (Math.abs(g1) > nonNormal.skewness) return `skewness ${g1.toFixed(2)}`;
  const g2 = sampleKurtosis(xs);
  if (g2 > nonNormal.kurtosis) return `excess kurtosis ${g2.toFixed(2)}`;
  return undefined;
}

export interface Comparison {
  paired: boolean;
  /** Scenario minus baseline: the mean paired difference, or the difference of means. */
  difference: number;
  /** 95% t interval of the difference (paired or Welch). */
  ciLow: number;
  ciHigh: number;
  /** d_z (paired) or Hedges' g (independent). */
  effectSize: number;
  /** The test chosen by the rule, with its p-value (NaN when no test applies). */
  result: TestResult;
  /** Why this test, in a few words. */
  reason: string;
}

/** Compares a scenario's values `x` with the baseline's `y` (paired: same length, replicate by replicate). */
export function compareSamples(x: readonly number[], y: readonly number[], paired: boolean): Comparison {
  if (paired) {
    const t = pairedT(x, y);
    const d = x.map((v, i) => v - y[i]);
    const doubt = nonNormality(d);
    const result = doubt ? signedRank(x, y) : t;
    return {
      paired,
      difference: t.estimate,
      ciLow: t.ciLow,
      ciHigh: t.ciHigh,
      effectSize: cohenDz(x, y),
      result,
      reason: t.note ?? (doubt ? `paired differences clearly non-normal (${doubt})` : 'paired replicates'),
    };
  }
  const t = welchT(x, y);
  const doubt = nonNormality(x) ?? nonNormality(y);
  const result = doubt ? rankSum(x, y) : t;
  return {
    paired,
    difference: mean(x as number[]) - mean(y as number[]),
    ciLow: t.ciLow,
    ciHigh: t.ciHigh,
    effectSize: hedgesG(x, y),
    result,
    reason: t.note ?? (doubt ? `a sample clearly non-normal (${doubt})` : 'independent replicates'),
  };
}
