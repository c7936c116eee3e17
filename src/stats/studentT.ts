/**
 * Student's t distribution at any (also fractional) degrees of freedom, from jStat: its quantile for
 * confidence intervals (a Welch interval has fractional degrees of freedom) and its distribution
 * function for p-values. simple-statistics, civsim's statistics library, has neither. jStat is one
 * package without dependencies; checked against R's qt and pt (test/stats/studentT.test.ts) it agrees to
 * about 4e-8 relative, far below what a simulation's confidence interval can resolve.
 */
import jstat from 'jstat';

const { studentt } = jstat.jStat;

/** The p-quantile of Student's t with df degrees of freedom (df > 0): qt(p, df) in R. */
export function tQuantile(p: number, df: number): number {
  if (!(df > 0) || !(p > 0 && p < 1)) return Number.NaN;
  return studentt.inv(p, df);
}

/** P(T ≤ t) for Student's t with df degrees of freedom: pt(t, df) in R. */
export function tCdf(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) return Number.NaN;
  return studentt.cdf(t, df);
}

/** The two-sided 95% critical value, t(0.975, df). */
export function t975(df: number): number {
  return tQuantile(0.975, df);
}
