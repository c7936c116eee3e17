/**
 * Standardised effect sizes, so a difference reads the same whatever the metric's unit: Cohen's d_z for
 * paired replicates (mean difference over the sd of the differences) and Hedges' g for unpaired samples
 * (Cohen's d on the pooled sd, times the small-sample correction J = 1 − 3/(4(n₁ + n₂) − 9); Hedges &
 * Olkin 1985). Checked against R in test/stats/effectSize.test.ts.
 */
import { mean, sampleVariance } from 'simple-statistics';

/** d_z = mean(x − y) / sd(x − y): NaN when every difference is the same. */
export function cohenDz(x: readonly number[], y: readonly number[]): number {
  const d = x.map((v, i) => v - y[i]);
  if (d.length < 2) return Number.NaN;
  const sd = Math.sqrt(sampleVariance(d));
  return sd > 0 ? mean(d) / sd : Number.NaN;
}

/** Hedges' g of mean(x) − mean(y): NaN when both samples are constant. */
export function hedgesG(x: readonly number[], y: readonly number[]): number {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 < 2 || n2 < 2) return Number.NaN;
  const pooled = Math.sqrt(
    ((n1 - 1) * sampleVariance(x as number[]) + (n2 - 1) * sampleVariance(y as number[])) / (n1 + n2 - 2),
  );
  if (!(pooled > 0)) return Number.NaN;
  const d = (mean(x as number[]) - mean(y as number[])) / pooled;
  return d * (1 - 3 / (4 * (n1 + n2) - 9));
}

/** Words for an effect size's magnitude (Cohen 1988's conventional thresholds 0.2, 0.5, 0.8). */
export function effectWords(size: number): string {
  const a = Math.abs(size);
  if (Number.isNaN(a)) return 'undefined';
  return a < 0.2 ? 'negligible' : a < 0.5 ? 'small' : a < 0.8 ? 'medium' : 'large';
}
