/**
 * Sample quantiles by R's default definition (type 7, also numpy's): linear interpolation between the
 * order statistics at h = (n − 1) p. Checked against R's quantile() (test/stats).
 */

/** The p-quantile of values already sorted ascending; NaN for no values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The central interval holding `level` of the values (e.g. 0.95: the 2.5% and 97.5% quantiles). */
export function percentileInterval(values: ArrayLike<number>, level = 0.95): [number, number] {
  const sorted = Float64Array.from(values).sort();
  return [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, 1 - (1 - level) / 2)];
}
