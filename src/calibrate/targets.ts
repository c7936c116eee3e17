/**
 * Calibration targets (pure): observed values a calibration fits, read from CSV rows
 * `date,metric,value,sd_or_tolerance,definition,source`, and the distance of a simulation to them.
 *
 * - `date` is a period of the run's annual values: a year (`1997`) for calendar models or a step (`30`)
 *   for step models; or a span `2008/2010`, whose target is the mean over those years (a survey
 *   fielded over three years). Months are not targets: runs are compared on their annual values.
 * - `metric` is one the model records for the scenario (`registered_ngos`, `active_ngos`,
 *   `volunteering_rate`, …: see series.csv of a run); the definition column says which concept of the
 *   source it stands for, so "registered", "active" and "state-supported" never get mixed.
 * - `sd_or_tolerance` (> 0) scales the miss: the distance of a simulation is the root mean square of
 *   (simulated − observed) / sd over the targets, so a target with a loose source counts less.
 */

export interface Target {
  /** Line in the file (1-based), for messages. */
  line: number;
  date: string;
  /** The periods (years or steps) averaged. */
  periods: string[];
  metric: string;
  value: number;
  sd: number;
  definition: string;
  source: string;
}

export const targetColumns = ['date', 'metric', 'value', 'sd_or_tolerance', 'definition', 'source'] as const;

/** A problem in a targets file, where it is and what would mend it. */
export interface TargetProblem {
  line: number;
  /** 1-based column of the cell at fault (1 for a whole row). */
  column: number;
  key: string;
  message: string;
  expected?: string;
  hint?: string;
}

/** A row as read from the CSV: its cells by header name, where it is, and each cell's column. */
export interface TargetRow {
  line: number;
  cells: Record<string, string>;
  columns: Record<string, number>;
}

export interface TargetContext {
  /** The run's periods (annual values), in order. */
  periods: readonly string[];
  /** Metric ids the model records for this scenario. */
  metrics: readonly string[];
  /** Suggests a metric near an unknown one. */
  near?(metric: string): string[];
}

export const maxTargets = 10_000;

export function parseTargets(
  header: readonly string[],
  rows: readonly TargetRow[],
  context: TargetContext,
): { targets: Target[]; problems: TargetProblem[] } {
  const problems: TargetProblem[] = [];
  const missing = targetColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    problems.push({
      line: 1,
      column: 1,
      key: 'header',
      message: `the header lacks ${missing.join(', ')}`,
      expected: targetColumns.join(','),
      hint: 'the first line names the columns; their order does not matter',
    });
    return { targets: [], problems };
  }
  if (rows.length === 0) {
    problems.push({
      line: 1,
      column: 1,
      key: 'rows',
      message: 'the file has no targets',
      expected: 'one row per observed value',
    });
  }
  if (rows.length > maxTargets) {
    problems.push({
      line: 1,
      column: 1,
      key: 'rows',
      message: `${rows.length} targets; at most ${maxTargets}`,
    });
    return { targets: [], problems };
  }
  const targets: Target[] = [];
  for (const row of rows) {
    const at = (key: string) => ({ line: row.line, column: row.columns[key] ?? 1, key });
    const before = problems.length;
    const date = (row.cells.date ?? '').trim();
    const span = /^(\d+)(?:\/(\d+))?$/.exec(date);
    let periods: string[] = [];
    if (!span) {
      problems.push({
        ...at('date'),
        message: `${JSON.stringify(date)} is not a year, a step or a span`,
        expected: 'YYYY, YYYY/YYYY (a mean over those years), or a step',
        hint: /^\d{4}-\d{2}/.test(date) ? 'months are not targets: give the year' : undefined,
      });
    } else {
      const from = context.periods.indexOf(span[1]);
      const to = context.periods.indexOf(span[2] ?? span[1]);
      if (from < 0 || to < 0 || to < from) {
        problems.push({
          ...at('date'),
          message: `${date} is not within the run`,
          expected: `periods from ${context.periods[0]} to ${context.periods[context.periods.length - 1]}`,
        });
      } else periods = context.periods.slice(from, to + 1);
    }
    const metric = (row.cells.metric ?? '').trim();
    if (!context.metrics.includes(metric)) {
      const near = context.near?.(metric) ?? [];
      problems.push({
        ...at('metric'),
        message: `${JSON.stringify(metric)} is not a metric the model records`,
        expected: 'a metric id of series.csv (e.g. registered_ngos, active_ngos, volunteering_rate)',
        hint: near.length > 0 ? `did you mean ${near.join(' or ')}?` : undefined,
      });
    }
    const number = (key: string, positive: boolean): number => {
      const text = (row.cells[key] ?? '').trim();
      const value = text === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value) || (positive && !(value > 0))) {
        problems.push({
          ...at(key),
          message: `${JSON.stringify(text)} is not ${positive ? 'a number above 0' : 'a number'}`,
          expected: positive
            ? 'the observation’s standard error or tolerance, in its units'
            : 'the observed value',
        });
      }
      return value;
    };
    const value = number('value', false);
    const sd = number('sd_or_tolerance', true);
    if (problems.length === before) {
      targets.push({
        line: row.line,
        date,
        periods,
        metric,
        value,
        sd,
        definition: row.cells.definition ?? '',
        source: row.cells.source ?? '',
      });
    }
  }
  return { targets, problems };
}

/**
 * A simulation's values at the targets: per target, the metric's mean over its periods (the values are
 * per metric per period, in `periods` order, already averaged over replicates). NaN where it failed.
 */
export function simulatedAtTargets(
  targets: readonly Target[],
  values: Readonly<Record<string, readonly number[]>>,
  periods: readonly string[],
): number[] {
  return targets.map((t) => {
    const column = values[t.metric];
    if (!column) return Number.NaN;
    let sum = 0;
    for (const period of t.periods) sum += column[periods.indexOf(period)];
    return sum / t.periods.length;
  });
}

/** Root mean square of the standardised misses; Infinity when any simulated value is missing. */
export function distanceToTargets(targets: readonly Target[], simulated: readonly number[]): number {
  let sum = 0;
  for (const [k, t] of targets.entries()) {
    const s = simulated[k];
    if (!Number.isFinite(s)) return Number.POSITIVE_INFINITY;
    sum += ((s - t.value) / t.sd) ** 2;
  }
  return Math.sqrt(sum / targets.length);
}
