/**
 * Holm's step-down correction for many tests at once (Holm 1979): it controls the chance of any false
 * discovery across the whole family without assuming the tests are independent, and is uniformly more
 * powerful than Bonferroni. Same as R's p.adjust(p, "holm"); NaN p-values stay NaN and do not count.
 */
export function holm(p: readonly number[]): number[] {
  const present = p.map((v, i) => i).filter((i) => !Number.isNaN(p[i]));
  const order = present.sort((a, b) => p[a] - p[b] || a - b);
  const m = order.length;
  const out = p.map(() => Number.NaN);
  let running = 0;
  order.forEach((i, k) => {
    running = Math.max(running, Math.min(1, (m - k) * p[i]));
    out[i] = running;
  });
  return out;
}
