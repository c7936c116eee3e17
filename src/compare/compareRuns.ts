/**
 * The statistics of a comparison, built as data (pure): each scenario's replicates against the
 * baseline's, over the period they share. Per scenario, metric and year: n, mean, sd and the 95% interval;
 * per scenario other than the baseline: the difference from the baseline with its interval, every year;
 * and at the outcome years an effect size and a test (chosen by src/stats/chooseTest.ts), with Holm's
 * correction across every scenario × metric × year test of the outcome table, and each mean's precision.
 * Calendar models are compared on their annual aggregates; step models, which have no years, on the value
 * after each step — their "years" are steps throughout (`unit` says which, see ./timeUnit.ts).
 *
 * Replicates are paired when every scenario ran the same replicates from the same seed keys (common random
 * numbers: same master seed, replicate numbers and stream family); otherwise they are compared as
 * independent samples, and `pairing` says why.
 */
import type { RunResult } from '../output/runFiles.ts';
import { summarise, type Summary } from '../output/summary.ts';
import { compareSamples, type Comparison } from '../stats/chooseTest.ts';
import { holm } from '../stats/holm.ts';
import { relativeHalfWidth, replicatesNeeded } from '../stats/precision.ts';
import { pairedT, welchT } from '../stats/tTests.ts';
import { periodColumn, periodsOf, timeUnitOf, valueAt, type TimeUnit } from './timeUnit.ts';

export interface CompareOptions {
  /** Index of the baseline among the runs. */
  baseline: number;
  /** Metric ids to compare (each must be recorded by every run). */
  metrics: readonly string[];
  /**
   * Outcome years, or steps for a step model (the horizon, the last common year or step, is always
   * added; others outside the common period are left out).
   */
  years?: readonly number[];
  /** Target relative half-width of the 95% interval (default 0.05). */
  precision?: number;
}

export interface Pairing {
  paired: boolean;
  /** Why (not) paired, in words for the report. */
  reason: string;
}

export interface OutcomeCell {
  scenario: string;
  metric: string;
  /** The outcome year (the step, for a step model). */
  year: number;
  summary: Summary;
  /** The 95% interval's half-width over |mean|. */
  relativeHalfWidth: number;
  /** Replicates for the target precision (undefined: more than 100,000, or a mean of 0). */
  replicatesNeeded: number | undefined;
  /** Against the baseline (absent for the baseline itself). */
  versus?: Comparison & { pHolm: number };
}

export interface YearlyDifference {
  scenario: string;
  metric: string;
  /** The common years (steps, for a step model). */
  years: number[];
  mean: number[];
  ciLow: number[];
  ciHigh: number[];
}

export interface ComparisonData {
  /**
   * The time axis: `year` (a calendar model's annual aggregates) or `step` (a step model's value after each
   * step). For `step`, the years of this record, of its differences and of its outcome cells are steps.
   */
  unit: TimeUnit;
  scenarios: string[];
  baseline: string;
  metrics: string[];
  /** The common years (steps, for a step model). */
  years: number[];
  /** When the runs cover different periods: which covers what, and that the common one is compared. */
  periodNote?: string;
  pairing: Pairing;
  replicates: number[];
  /** Per scenario (in order) and metric: the summaries over replicates in each common year (or step). */
  annual: Map<string, Map<string, Summary[]>>;
  differences: YearlyDifference[];
  /** The outcome years (steps, for a step model) in order; the last is the horizon. */
  outcomeYears: number[];
  outcomes: OutcomeCell[];
  precision: number;
  /** Every replicate's value at the horizon, per scenario and metric (for the distribution charts). */
  horizonValues: Map<string, Map<string, number[]>>;
}

/** Why replicates are (not) paired: same replicate numbers from the same seed keys. */
export function pairingOf(runs: readonly RunResult[]): Pairing {
  const keys = runs.map((r) => r.replicates.map((x) => x.seedKey).join('\n'));
  const counts = runs.map((r) => r.replicates.length);
  if (keys.every((k) => k === keys[0])) {
    return {
      paired: true,
      reason:
        `every scenario ran the same ${counts[0]} replicates from the same seeds and stream family ` +
        '(common random numbers): replicate r of each starts from the same population and draws, so ' +
        'differences are compared replicate by replicate',
    };
  }
  const seeds = new Set(runs.map((r) => r.scenario.seed));
  const why =
    new Set(counts).size > 1
      ? `the runs have different numbers of replicates (${counts.join(', ')})`
      : seeds.size > 1
        ? `the runs used different master seeds (${[...seeds].join(', ')})`
        : 'the runs drew from different stream families (run separately, not by civsim compare)';
  return {
    paired: false,
    reason: `${why}, so replicates are not paired and are compared as independent samples (a weaker comparison: noise shared by the scenarios does not cancel)`,
  };
}

/** Every replicate's value of a metric in a year (or at a step), NaN where a replicate has none. */
function periodValues(run: RunResult, unit: TimeUnit, metric: string, period: number): number[] {
  return run.replicates.map((r) => {
    const column = periodColumn(r.series, unit, metric);
    if (!column) throw new Error(`the run of ${run.scenario.name} did not record the metric ${metric}`);
    return valueAt(r.series, unit, column, period);
  });
}

/** Paired values with a value in both runs (a metric can be missing in some years). */
function present(x: number[], y: number[], paired: boolean): [number[], number[]] {
  if (paired) {
    const keep = x.map((v, i) => !Number.isNaN(v) && !Number.isNaN(y[i]));
    return [x.filter((_, i) => keep[i]), y.filter((_, i) => keep[i])];
  }
  return [x.filter((v) => !Number.isNaN(v)), y.filter((v) => !Number.isNaN(v))];
}

/**
 * Builds every statistic of a comparison: year by year for calendar models, step by step for step models.
 * Throws when the runs share no year (or step).
 */
export function compareRuns(runs: readonly RunResult[], options: CompareOptions): ComparisonData {
  const names = runs.map((r) => r.scenario.name);
  const base = runs[options.baseline];
  const unit = timeUnitOf(runs);
  const yearSets = runs.map((r) => (r.replicates[0] ? periodsOf(r.replicates[0].series, unit) : []));
  const covered = yearSets.map((s) => new Set(s));
  const years = yearSets[0].filter((y) => covered.every((s) => s.has(y)));
  if (years.length === 0) throw new Error(`the scenarios share no ${unit}: there is nothing to compare`);
  const spans = yearSets.map((s) => `${s[0]}–${s[s.length - 1]}`);
  const covers = names.map((n, i) => `${n} ${spans[i]}`).join(', ');
  const shared = `${years[0]}–${years[years.length - 1]}`;
  const periodNote =
    new Set(spans).size > 1
      ? unit === 'step'
        ? `The scenarios run for different numbers of steps (${covers}); they are compared over the steps they share, ${shared}.`
        : `The scenarios cover different periods (${covers}); they are compared over the years they share, ${shared}.`
      : undefined;
  const pairing = pairingOf(runs);
  const horizon = years[years.length - 1];
  const outcomeYears = [...new Set([...(options.years ?? []), horizon])]
    .filter((y) => years.includes(y))
    .sort((a, b) => a - b);
  const precision = options.precision ?? 0.05;

  const annual = new Map<string, Map<string, Summary[]>>();
  runs.forEach((run, s) => {
    const byMetric = new Map<string, Summary[]>();
    for (const metric of options.metrics) {
      byMetric.set(
        metric,
        years.map((y) => summarise(periodValues(run, unit, metric, y))),
      );
    }
    annual.set(names[s], byMetric);
  });

  const differences: YearlyDifference[] = [];
  const outcomes: OutcomeCell[] = [];
  runs.forEach((run, s) => {
    for (const metric of options.metrics) {
      if (s !== options.baseline) {
        const d: YearlyDifference = { scenario: names[s], metric, years, mean: [], ciLow: [], ciHigh: [] };
        for (const y of years) {
          const [x, b] = present(
            periodValues(run, unit, metric, y),
            periodValues(base, unit, metric, y),
            pairing.paired,
          );
          // every year needs only the difference and its t interval, not a test
          const c =
            x.length >= 2 && b.length >= 2 ? (pairing.paired ? pairedT(x, b) : welchT(x, b)) : undefined;
          d.mean.push(c?.estimate ?? Number.NaN);
          d.ciLow.push(c?.ciLow ?? Number.NaN);
          d.ciHigh.push(c?.ciHigh ?? Number.NaN);
        }
        differences.push(d);
      }
      for (const year of outcomeYears) {
        const values = periodValues(run, unit, metric, year);
        const summary = summarise(values);
        const cell: OutcomeCell = {
          scenario: names[s],
          metric,
          year,
          summary,
          relativeHalfWidth: relativeHalfWidth(summary.mean, summary.sd, summary.n),
          replicatesNeeded:
            summary.n >= 2 ? replicatesNeeded(summary.mean, summary.sd, precision) : undefined,
        };
        if (s !== options.baseline) {
          const [x, b] = present(values, periodValues(base, unit, metric, year), pairing.paired);
          if (x.length >= 2 && b.length >= 2) {
            cell.versus = { ...compareSamples(x, b, pairing.paired), pHolm: Number.NaN };
          }
        }
        outcomes.push(cell);
      }
    }
  });
  const tested = outcomes.filter((c) => c.versus);
  const adjusted = holm(tested.map((c) => c.versus!.result.p));
  tested.forEach((c, i) => (c.versus!.pHolm = adjusted[i]));
  const horizonValues = new Map(
    runs.map((run, s) => [
      names[s],
      new Map(options.metrics.map((m) => [m, periodValues(run, unit, m, horizon)])),
    ]),
  );
  return {
    unit,
    horizonValues,
    scenarios: names,
    baseline: names[options.baseline],
    metrics: [...options.metrics],
    years,
    ...(periodNote ? { periodNote } : {}),
    pairing,
    replicates: runs.map((r) => r.replicates.length),
    annual,
    differences,
    outcomeYears,
    outcomes,
    precision,
  };
}
