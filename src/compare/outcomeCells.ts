/**
 * The words of the outcome and precision tables, shared by report.md and report.html (pure): each cell's
 * plain text; the reports only escape and lay them out.
 */
import { formatForReader } from '../output/displayNumber.ts';
import type { ComparisonData, OutcomeCell } from './compareRuns.ts';
import { pWords, testWords } from './findings.ts';

const ci = (low: number, high: number) => `[${formatForReader(low)}, ${formatForReader(high)}]`;

/** The cell of one scenario, metric and year. */
export function outcomeCell(
  data: ComparisonData,
  scenario: string,
  metric: string,
  year: number,
): OutcomeCell {
  return data.outcomes.find((o) => o.scenario === scenario && o.metric === metric && o.year === year)!;
}

/** "mean [low, high]" and, against the baseline, "Δ +d [low, high], test, p = …". */
export function outcomeTexts(c: OutcomeCell): { mean: string; versus?: string } {
  const mean = `${formatForReader(c.summary.mean)} ${ci(c.summary.ciLow, c.summary.ciHigh)}`;
  const v = c.versus;
  if (!v) return { mean };
  const d = `${v.difference > 0 ? '+' : ''}${formatForReader(v.difference)}`;
  return { mean, versus: `Δ ${d} ${ci(v.ciLow, v.ciHigh)}, ${testWords[v.result.test]}, ${pWords(v.pHolm)}` };
}

/** "±r% (needs n)": the relative half-width and the replicates the target precision needs. */
export function precisionText(c: OutcomeCell): string {
  const rel = Number.isFinite(c.relativeHalfWidth) ? `±${formatForReader(c.relativeHalfWidth * 100)}%` : '—';
  return `${rel} (needs ${c.replicatesNeeded ?? 'more than 100,000'})`;
}
