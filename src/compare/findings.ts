/**
 * "What differs and how sure", in plain words (pure): for each scenario against the baseline at the
 * horizon, the differences that survive Holm's correction, largest effect first, with their interval, the
 * test and whether the change is good or bad news by the metric's direction; then the metrics where no
 * difference could be shown.
 */
import type { MetricDefinition } from '../models/definition.ts';
import { formatForReader } from '../output/displayNumber.ts';
import { effectWords } from '../stats/effectSize.ts';
import type { ComparisonData, OutcomeCell } from './compareRuns.ts';

/** The family-wise error rate the outcome table's tests are held to. */
export const alpha = 0.05;

export const testWords: Record<string, string> = {
  'paired-t': 'paired t test',
  'welch-t': "Welch's t test",
  'wilcoxon-signed-rank': 'Wilcoxon signed-rank test',
  'mann-whitney': 'Wilcoxon–Mann–Whitney test',
};

export function pWords(p: number): string {
  if (Number.isNaN(p)) return 'no test';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

function news(cell: OutcomeCell, metric: MetricDefinition | undefined): string {
  const up = cell.versus!.difference > 0;
  if (!metric || metric.direction === 'neutral') return '';
  const good = (metric.direction === 'higher-is-better') === up;
  return good ? ' — good news by this measure' : ' — bad news by this measure';
}

/** Sort key: |effect size|, with an undefined one (a constant difference) first. */
const effectOrder = (c: OutcomeCell) =>
  Number.isNaN(c.versus!.effectSize) ? Infinity : Math.abs(c.versus!.effectSize);

export interface Finding {
  scenario: string;
  shown: string[];
  notShown: string[];
}

/** The plain-words findings at the horizon, one entry per scenario other than the baseline. */
export function findings(data: ComparisonData, metrics: ReadonlyMap<string, MetricDefinition>): Finding[] {
  const horizon = data.outcomeYears[data.outcomeYears.length - 1];
  return data.scenarios
    .filter((s) => s !== data.baseline)
    .map((scenario) => {
      const cells = data.outcomes.filter((c) => c.scenario === scenario && c.year === horizon && c.versus);
      const shown = cells
        .filter(
          (c) => c.versus!.pHolm < alpha || (Number.isNaN(c.versus!.result.p) && c.versus!.difference !== 0),
        )
        .sort((a, b) => effectOrder(b) - effectOrder(a))
        .map((c) => {
          const m = metrics.get(c.metric);
          const v = c.versus!;
          const label = m?.label ?? c.metric;
          const unit = m?.unit ? ` ${m.unit}` : '';
          const size = Number.isNaN(v.effectSize) ? '' : `, ${effectWords(v.effectSize)} effect`;
          return (
            `${label}: ${v.difference > 0 ? '+' : ''}${formatForReader(v.difference)}${unit} ` +
            `(95% CI ${formatForReader(v.ciLow)} to ${formatForReader(v.ciHigh)}; ${testWords[v.result.test]}, ` +
            `Holm-adjusted ${pWords(v.pHolm)}${size})${news(c, m)}`
          );
        });
      const notShown = cells
        .filter(
          (c) =>
            !(c.versus!.pHolm < alpha) && !(Number.isNaN(c.versus!.result.p) && c.versus!.difference !== 0),
        )
        .map((c) => metrics.get(c.metric)?.label ?? c.metric);
      return { scenario, shown, notShown };
    });
}
