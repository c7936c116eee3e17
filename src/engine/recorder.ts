/**
 * Records per-tick metrics in columnar arrays (one Float64Array per metric) and derives annual
 * aggregates: a flow is summed over the year, a level is averaged, a stock takes its last value.
 */
import type { Calendar } from './calendar.ts';

export type Aggregate = 'sum' | 'mean' | 'last';

export interface MetricDefinition {
  id: string;
  label: string;
  unit: string;
  aggregate: Aggregate;
  description: string;
  /** When the metric has no value (recorded as missing, an empty cell); absent if it always has one. */
  missing?: string;
}

export interface RecordedSeries {
  /** YYYY-MM of each tick. */
  dates: string[];
  years: number[];
  /** metric id → value per tick. */
  monthly: Record<string, Float64Array>;
  /** metric id → annual aggregate per year. */
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
    readonly metrics: readonly MetricDefinition[],
    readonly calendar: Calendar,
  ) {
    this.columns = metrics.map(() => new Float64Array(calendar.ticks).fill(Number.NaN));
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
    const cal = this.calendar;
    const years = cal.yearList();
    const monthly: Record<string, Float64Array> = {};
    const annual: Record<string, Float64Array> = {};
    this.metrics.forEach((m, i) => {
      const col = this.columns[i];
      monthly[m.id] = col;
      annual[m.id] = aggregateByYear(col, cal, m.aggregate);
    });
    return { dates: cal.dates(), years, monthly, annual };
  }
}

export function aggregateByYear(col: Float64Array, cal: Calendar, how: Aggregate): Float64Array {
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
