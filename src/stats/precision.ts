/**
 * How precisely replicates pin down a mean: the 95% interval's half-width relative to the mean, and the
 * replicates a target relative half-width needs — the smallest n ≥ 2 with t(0.975, n − 1)·sd/√n ≤
 * target·|mean|, holding the pilot's mean and sd fixed (Law 2015, §9.4.1, the sequential rule in one
 * step). Checked against R in test/stats/precision.test.ts.
 */
import { t975 } from './studentT.ts';

/** Half-width of the 95% interval over |mean|: Infinity when the mean is 0, NaN when n < 2. */
export function relativeHalfWidth(mean: number, sd: number, n: number): number {
  if (n < 2) return Number.NaN;
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return half === 0 ? 0 : half / Math.abs(mean);
}

/** The replicates needed for `target` relative half-width, at most `limit` (undefined if more). */
export function replicatesNeeded(
  mean: number,
  sd: number,
  target: number,
  limit = 100_000,
): number | undefined {
  if (!(target > 0)) throw new Error('the target precision must be positive');
  if (sd === 0) return 2;
  if (mean === 0) return undefined;
  const goal = target * Math.abs(mean);
  // the half-width falls with n: find the bracket by doubling, then bisect
  const fits = (n: number) => (t975(n - 1) * sd) / Math.sqrt(n) <= goal;
  let high = 2;
  while (!fits(high)) {
    if (high >= limit) return undefined;
    high = Math.min(limit, high * 2);
  }
  let low = high === 2 ? 1 : high / 2;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) high = mid;
    else low = mid;
  }
  return Math.max(2, high);
}
