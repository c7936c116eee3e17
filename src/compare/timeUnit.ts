/**
 * The time axis of a comparison (pure): calendar models are compared year by year on their annual
 * aggregates; step models (Schelling, Epstein, threshold), which have no years, step by step on the state
 * after each step (step 0 is the state before the first). Every word a comparison's tables, charts and
 * reports use for a point of that axis comes from here, so a step model's report says "step" throughout.
 */
import type { RecordedSeries } from '../engine/recorder.ts';
import type { RunResult } from '../output/runFiles.ts';

/** What a comparison's periods are: calendar years or a step model's steps. */
export type TimeUnit = 'year' | 'step';

/** The time unit of runs of one model: `step` for a step model, else `year`. */
export function timeUnitOf(runs: readonly RunResult[]): TimeUnit {
  const units = new Set(runs.map((r): TimeUnit => (r.model.clock === 'step' ? 'step' : 'year')));
  if (units.size > 1)
    throw new Error('runs of a step model cannot be compared with runs of a calendar model');
  return units.has('step') ? 'step' : 'year';
}

/** The periods a replicate's series covers: its years, or its steps (0 to the last). */
export function periodsOf(series: RecordedSeries, unit: TimeUnit): number[] {
  return unit === 'step' ? series.ticks.map(Number) : series.years;
}

/**
 * A metric's value at each period of a replicate's series: the annual aggregates, or the value after each
 * step; undefined when the run did not record the metric.
 */
export function periodColumn(
  series: RecordedSeries,
  unit: TimeUnit,
  metric: string,
): Float64Array | undefined {
  return unit === 'step' ? series.values[metric] : series.annual[metric];
}

/** Each series' position of every period, per unit (looked up once per series, not per value). */
const positions: Record<TimeUnit, WeakMap<RecordedSeries, Map<number, number>>> = {
  year: new WeakMap(),
  step: new WeakMap(),
};

/** A metric's value at one period of a replicate's series (NaN where the series does not reach it). */
export function valueAt(
  series: RecordedSeries,
  unit: TimeUnit,
  column: Float64Array,
  period: number,
): number {
  let index = positions[unit].get(series);
  if (!index) {
    index = new Map(periodsOf(series, unit).map((p, i) => [p, i]));
    positions[unit].set(series, index);
  }
  const i = index.get(period);
  return i === undefined ? Number.NaN : column[i];
}

/** Where a value is read, in prose: "in 2040" or "at step 300". */
export function atPeriod(unit: TimeUnit, period: number): string {
  return unit === 'step' ? `at step ${period}` : `in ${period}`;
}

/** A period as a heading: "2040" or "Step 300". */
export function periodHeading(unit: TimeUnit, period: number): string {
  return unit === 'step' ? `Step ${period}` : String(period);
}

/** The span compared, in prose: "2025–2050" or "steps 0–300". */
export function periodSpan(unit: TimeUnit, first: number, last: number): string {
  return `${unit === 'step' ? 'steps ' : ''}${first}–${last}`;
}

/** The title of the unit in tooltips: "Year" or "Step". */
export function unitTitle(unit: TimeUnit): string {
  return unit === 'step' ? 'Step' : 'Year';
}

/** A chart's time axis title: none for years (they speak for themselves), "Step" for steps. */
export function timeAxisTitle(unit: TimeUnit): string | null {
  return unit === 'step' ? unitTitle(unit) : null;
}
