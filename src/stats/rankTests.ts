/**
 * Rank tests for comparing scenarios when the t test's normality is in doubt: the Wilcoxon signed-rank
 * test (paired) and the Wilcoxon–Mann–Whitney rank-sum test (unpaired). They follow R's `wilcox.test`
 * exactly: the exact null distribution when the samples are small (fewer than 50) and have no ties (and,
 * paired, no zero differences), otherwise the normal approximation with the tie correction and a
 * continuity correction. Ranks compare the exact doubles, as R ≥ 4.0 does. Checked against R 4.2.2 in
 * test/stats/rankTests.test.ts.
 *
 * The exact distributions are counted by dynamic programming (simple-statistics and jStat have neither).
 */
import jstat from 'jstat';
import type { TestResult } from './testResult.ts';

const normalCdf = (z: number) => jstat.jStat.normal.cdf(z, 0, 1);

/** Average ranks (1-based) of the values, and the sizes of the groups of tied values. */
export function averageRanks(values: readonly number[]): { ranks: number[]; ties: number[] } {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  const ties: number[] = [];
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = rank;
    ties.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, ties };
}

/** Counts of subsets of {1 … n} by their sum (the signed-rank statistic's null distribution × 2^n). */
function signedRankCounts(n: number): Float64Array {
  const top = (n * (n + 1)) / 2;
  const counts = new Float64Array(top + 1);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) for (let s = top; s >= k; s--) counts[s] += counts[s - k];
  return counts;
}

/** Sum of counts[s] over s ≤ q (lower tail) or s > q (upper), divided by the total. */
function tail(counts: Float64Array, q: number, lower: boolean): number {
  const cut = Math.floor(q + 1e-7);
  let total = 0;
  let sum = 0;
  for (let s = 0; s < counts.length; s++) {
    total += counts[s];
    if (s <= cut === lower) sum += counts[s];
  }
  return sum / total;
}

/** P(V ≤ q), or P(V > q) when `lower` is false, for the signed-rank statistic of n pairs (R: psignrank). */
export function signedRankCdf(q: number, n: number, lower = true): number {
  return tail(signedRankCounts(n), q, lower);
}

/** Counts of rank sums (less their minimum) of m of m + n ranks: the rank-sum null distribution × C(m+n, m). */
function rankSumCounts(m: number, n: number): Float64Array {
  // f[j][s]: ways to choose j of the first i ranks with sum (less j(j+1)/2) s, built up over i
  const top = m * n;
  let f: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(top + 1));
  f[0][0] = 1;
  for (let i = 1; i <= m + n; i++) {
    const next = f.map((row) => row.slice());
    for (let j = 1; j <= Math.min(i, m); j++) {
      // choosing rank i as the j-th: its contribution above the minimum is i − j
      const shift = i - j;
      if (shift > n) continue;
      const from = f[j - 1];
      const to = next[j];
      for (let s = 0; s + shift <= top; s++) to[s + shift] += from[s];
    }
    f = next;
  }
  return f[m];
}

/** P(W ≤ q), or P(W > q) when `lower` is false, for the rank-sum statistic of samples of m and n (R: pwilcox). */
export function rankSumCdf(q: number, m: number, n: number, lower = true): number {
  return tail(rankSumCounts(m, n), q, lower);
}

/** Σ (t³ − t) over groups of tied values: what ties take from the rank statistic's variance. */
function tieTerm(ties: readonly number[]): number {
  let sum = 0;
  for (const t of ties) sum += t * t * t - t;
  return sum;
}

/** An exact rank test's result from its lower or upper one-sided tail. */
function exactResult(test: TestResult['test'], method: string, statistic: number, tailP: number): TestResult {
  return { test, method, statistic, df: Number.NaN, p: Math.min(1, 2 * tailP), exact: true };
}

/** Two-sided normal p-value of a centred statistic with a continuity correction (as R does). */
function normalP(centred: number, sigma: number, correct: boolean): number {
  const correction = correct ? 0.5 * Math.sign(centred) : 0;
  const z = (centred - correction) / sigma;
  return 2 * Math.min(normalCdf(z), 1 - normalCdf(z));
}

export interface RankTestOptions {
  /** Exact p-value: true, false, or (default) when the sample is small and has no ties. */
  exact?: boolean;
  /** Continuity correction in the normal approximation (default true, as R). */
  correct?: boolean;
}

/** Wilcoxon signed-rank test of x − y, pairs with a zero difference dropped (R: wilcox.test(x, y, paired = TRUE)). */
export function signedRank(
  x: readonly number[],
  y: readonly number[],
  options: RankTestOptions = {},
): TestResult {
  if (x.length !== y.length) throw new Error('a paired test needs samples of equal length');
  const d = x.map((v, i) => v - y[i]).filter((v) => v !== 0);
  const zeros = x.length - d.length;
  const n = d.length;
  const { ranks, ties } = averageRanks(d.map(Math.abs));
  let v = 0;
  for (let i = 0; i < n; i++) if (d[i] > 0) v += ranks[i];
  const hasTies = ties.some((t) => t > 1);
  const exact = (options.exact ?? n < 50) && !hasTies && zeros === 0 && n > 0;
  if (exact) {
    const p = v > (n * (n + 1)) / 4 ? signedRankCdf(v - 1, n, false) : signedRankCdf(v, n);
    return exactResult('wilcoxon-signed-rank', 'Wilcoxon signed rank exact test', v, p);
  }
  const correct = options.correct ?? true;
  const tieSum = tieTerm(ties);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  return {
    test: 'wilcoxon-signed-rank',
    method: correct ? 'Wilcoxon signed rank test with continuity correction' : 'Wilcoxon signed rank test',
    statistic: v,
    df: Number.NaN,
    p: n === 0 ? Number.NaN : normalP(v - (n * (n + 1)) / 4, sigma, correct),
    exact: false,
    ...(n === 0 ? { note: 'every difference is zero' } : {}),
  };
}

/** Wilcoxon–Mann–Whitney rank-sum test of x against y (R: wilcox.test(x, y)). */
export function rankSum(
  x: readonly number[],
  y: readonly number[],
  options: RankTestOptions = {},
): TestResult {
  const m = x.length;
  const n = y.length;
  if (m < 1 || n < 1) throw new Error('a rank-sum test needs at least one value in each sample');
  const { ranks, ties } = averageRanks([...x, ...y]);
  let w = -(m * (m + 1)) / 2;
  for (let i = 0; i < m; i++) w += ranks[i];
  const hasTies = ties.some((t) => t > 1);
  const exact = (options.exact ?? (m < 50 && n < 50)) && !hasTies;
  if (exact) {
    const p = w > (m * n) / 2 ? rankSumCdf(w - 1, m, n, false) : rankSumCdf(w, m, n);
    return exactResult('mann-whitney', 'Wilcoxon rank sum exact test', w, p);
  }
  const correct = options.correct ?? true;
  const tieSum = tieTerm(ties);
  const sigma = Math.sqrt(((m * n) / 12) * (m + n + 1 - tieSum / ((m + n) * (m + n - 1))));
  return {
    test: 'mann-whitney',
    method: correct ? 'Wilcoxon rank sum test with continuity correction' : 'Wilcoxon rank sum test',
    statistic: w,
    df: Number.NaN,
    p: sigma === 0 ? Number.NaN : normalP(w - (m * n) / 2, sigma, correct),
    exact: false,
    ...(sigma === 0 ? { note: 'every value is the same' } : {}),
  };
}
