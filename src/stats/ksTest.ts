/**
 * The two-sample Kolmogorov–Smirnov test: the largest gap D between two empirical distribution
 * functions, and its p-value from the asymptotic Kolmogorov distribution with Stephens' small-sample
 * correction, λ = (√nₑ + 0.12 + 0.11/√nₑ)·D with nₑ = n·m/(n + m) (Press et al., Numerical Recipes,
 * §14.3). Used to dock civsim's classic models to reference runs of other platforms ("same distribution
 * of end states"). Ties make it conservative (p too high), which a docking test should know.
 */

export interface KsResult {
  statistic: number;
  pValue: number;
}

/** Q_KS(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2 j² λ²}. */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 1e-3) return 1;
  let sum = 0;
  let sign = 1;
  let previous = 0;
  for (let j = 1; j <= 100; j++) {
    const term = sign * 2 * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) <= 1e-10 * Math.abs(sum) || Math.abs(term) <= 1e-16 * previous)
      return Math.min(1, Math.max(0, sum));
    previous = Math.abs(term);
    sign = -sign;
  }
  return 1; // did not converge: only for tiny λ, where Q is 1
}

export function ksTwoSample(x: readonly number[], y: readonly number[]): KsResult {
  if (x.length === 0 || y.length === 0) return { statistic: Number.NaN, pValue: Number.NaN };
  const a = [...x].sort((p, q) => p - q);
  const b = [...y].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const v = Math.min(a[i], b[j]);
    while (i < a.length && a[i] <= v) i++;
    while (j < b.length && b[j] <= v) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  const ne = (a.length * b.length) / (a.length + b.length);
  const root = Math.sqrt(ne);
  return { statistic: d, pValue: kolmogorovQ((root + 0.12 + 0.11 / root) * d) };
}
