/**
 * Records per-tick metrics in columnar arrays (one Float64Array per metric) and derives annual
 * aggregates: a flow is summed over the year, a level is averaged, a stock takes its last value.
 */
import type { Clock } from './clock.ts';

export type Aggregate = 'sum' | 'mean' | 'last';

/** What the recorder needs to know of a metric: its id and how its year aggregates. */
export interface RecordedMetric {
  id: string;
  /** A flow is summed over a year, a level averaged, a stock takes its last value. */
  aggregate: Aggregate;
}

export interface RecordedSeries {
  /** Each tick's label: YYYY-MM for calendar models, the step number for step models. */
  ticks: string[];
  /** Calendar years (empty for step models). */
  years: number[];
  /** metric id → value per tick. */
  values: Record<string, Float64Array>;
  /** metric id → annual aggregate per year (empty for step models). */
  annual: Record<string, Float64Array>;
}

/** A metric came out as NaN or ±Infinity where it is defined: the run cannot be trusted past this point. */
export class NonFiniteMetricError extends Error {
  constructor(
    readonly metric: string,
    readonly tick: number,
    readonly value: number,
  ) {
    super(`metric ${metric} is ${value} at tick ${tick}`);
    this.name = 'NonFiniteMetricError';
  }
}

export class Recorder {
  readonly columns: Float64Array[];
  private readonly index = new Map<string, number>();

  constructor(
    readonly metrics: readonly RecordedMetric[],
    readonly clock: Clock,
  ) {
    this.columns = metrics.map(() => new Float64Array(clock.ticks).fill(Number.NaN));
    metrics.forEach((m, i) => this.index.set(m.id, i));
  }

  /** Column position of a metric (look it up once, then record by position in hot code). */
  slot(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`unknown metric ${id}`);
    return i;
  }

  /**
   * Records a value. A value that is not a finite number means the arithmetic broke down (an overflow, a
   * division by zero): it is refused here, with the metric and the tick, instead of being written as a
   * silent blank. A value that is undefined by its nature is recorded with recordMissing.
   */
  record(tick: number, slot: number, value: number): void {
    if (!Number.isFinite(value)) throw new NonFiniteMetricError(this.metrics[slot].id, tick, value);
    this.columns[slot][tick] = value;
  }

  /** Records that a metric has no value this tick (e.g. a share of zero NGOs): an empty cell in tables. */
  recordMissing(tick: number, slot: number): void {
    this.columns[slot][tick] = Number.NaN;
  }

  finish(): RecordedSeries {
    const clock = this.clock;
    const values: Record<string, Float64Array> = {};
    const annual: Record<string, Float64Array> = {};
    this.metrics.forEach((m, i) => {
      const col = this.columns[i];
      values[m.id] = col;
      if (clock.years > 0) annual[m.id] = aggregateByYear(col, clock, m.aggregate);
    });
    return { ticks: clock.labels(), years: clock.yearList(), values, annual };
  }
}

export function aggregateByYear(col: Float64Array, cal: Clock, how: Aggregate): Float64Array {
  const out = new Float64Array(cal.years);
  const count = new Int32Array(cal.years);
  for (let t = 0; t < col.length; t++) {
    const y = cal.yearIndexOf(t);
    const v = col[t];
    if (Number.isNaN(v)) continue;
    if (how === 'last') out[y] = v;
    else out[y] += v;
    count[y]++;
  }
  for (let y = 0; y < cal.years; y++) {
    if (count[y] === 0) out[y] = Number.NaN;
    else if (how === 'mean') out[y] /= count[y];
  }
  return out;
}
