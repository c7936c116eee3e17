/** Small descriptive statistics used by models and summaries (domain-free, allocation-free). */

/**
 * Gini coefficient of the first n values (values < 0 count as 0); 0 for fewer than 2 values or no positive
 * total. A single positive holder among n gives (n − 1)/n, the coefficient's maximum for n values.
 */
export function gini(values: ArrayLike<number>, n: number, scratch?: Float64Array): number {
  const xs = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] > 0 ? values[i] : 0;
    xs[i] = v;
    total += v;
  }
  if (n < 2 || total <= 0) return 0;
  xs.sort();
  // Σ (2i + 1 − n)·x_(i) / (n·total), summed as pairs from both ends: (n − 1 − 2i)·(x_(n−1−i) − x_(i)) ≥ 0.
  // The usual 2Σ(i + 1)x/(n·total) − (n + 1)/n subtracts two numbers near 1 and gave ±2e-16 (below the
  // index's 0) for equal values; every pair here is non-negative, and exactly 0 when values are equal.
  let weighted = 0;
  for (let i = 0, j = n - 1; i < j; i++, j--) weighted += (j - i) * (xs[j] - xs[i]);
  return weighted / (n * total);
}

/** Herfindahl–Hirschman index of shares of a total (0..1); 0 when the total is 0. */
export function hhi(parts: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < parts.length; i++) total += parts[i] > 0 ? parts[i] : 0;
  if (total <= 0) return 0;
  let h = 0;
  for (let i = 0; i < parts.length; i++) {
    const s = (parts[i] > 0 ? parts[i] : 0) / total;
    h += s * s;
  }
  return h;
}

export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Per-month probability of an event with a given annual probability. */
export function monthlyFromAnnual(p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return 1 - Math.pow(1 - p, 1 / 12);
}
