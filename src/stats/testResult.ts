/** The result of a two-sample or paired test, in the terms R's `htest` uses. */
export type TestName = 'paired-t' | 'welch-t' | 'wilcoxon-signed-rank' | 'mann-whitney';

export interface TestResult {
  test: TestName;
  /** R's method string, e.g. "Wilcoxon signed rank exact test". */
  method: string;
  /** t, V (signed rank: sum of the positive ranks) or W (rank sum, less its minimum). */
  statistic: number;
  /** Degrees of freedom (t tests), else NaN. */
  df: number;
  /** Two-sided p-value; NaN when the data carry no information (all differences zero, or constant). */
  p: number;
  /** Whether the p-value is exact (rank tests on small samples without ties) or an approximation. */
  exact: boolean;
  /** Why the result is degenerate, when it is ("every difference is zero", …). */
  note?: string;
}
