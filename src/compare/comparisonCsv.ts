/**
 * comparison.csv: tidy, one row per scenario × metric × year × statistic, for R, pandas or Excel.
 * Statistics every year: n, mean, sd, ci95_low, ci95_high, and for scenarios other than the baseline
 * difference, difference_ci95_low, difference_ci95_high (scenario − baseline). At the outcome years also:
 * effect_size, p_value, p_holm, relative_half_width, replicates_needed. Missing values are empty cells.
 * A step model's table has a `step` column for `year`, as a sweep's tables do.
 */
import { csvLine } from '../output/csv.ts';
import type { ComparisonData } from './compareRuns.ts';

/** The header of a calendar model's comparison.csv (a step model's says `step` for `year`). */
export const comparisonCsvHeader = ['scenario', 'metric', 'year', 'statistic', 'value'] as const;

export function* comparisonCsvLines(data: ComparisonData): Generator<string> {
  yield csvLine(comparisonCsvHeader.map((column) => (column === 'year' ? data.unit : column)));
  const differences = new Map(data.differences.map((d) => [`${d.scenario}\n${d.metric}`, d]));
  const outcomes = new Map(data.outcomes.map((c) => [`${c.scenario}\n${c.metric}\n${c.year}`, c]));
  for (const scenario of data.scenarios) {
    for (const metric of data.metrics) {
      const summaries = data.annual.get(scenario)!.get(metric)!;
      const difference = differences.get(`${scenario}\n${metric}`);
      for (let i = 0; i < data.years.length; i++) {
        const year = data.years[i];
        const row = (statistic: string, value: number | undefined) =>
          csvLine([
            scenario,
            metric,
            year,
            statistic,
            value === undefined || Number.isNaN(value) ? null : value,
          ]);
        const s = summaries[i];
        yield row('n', s.n);
        yield row('mean', s.mean);
        yield row('sd', s.sd);
        yield row('ci95_low', s.ciLow);
        yield row('ci95_high', s.ciHigh);
        if (difference) {
          yield row('difference', difference.mean[i]);
          yield row('difference_ci95_low', difference.ciLow[i]);
          yield row('difference_ci95_high', difference.ciHigh[i]);
        }
        const outcome = outcomes.get(`${scenario}\n${metric}\n${year}`);
        if (outcome) {
          if (outcome.versus) {
            yield row('effect_size', outcome.versus.effectSize);
            yield row('p_value', outcome.versus.result.p);
            yield row('p_holm', outcome.versus.pHolm);
          }
          yield row('relative_half_width', outcome.relativeHalfWidth);
          yield row('replicates_needed', outcome.replicatesNeeded);
        }
      }
    }
  }
}
