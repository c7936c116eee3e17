/**
 * One finished run of a sweep as it travels and is kept (pure): which run it was and its chosen metrics
 * per period (calendar years for calendar models, steps for step models). Written as one line of JSON
 * in the sweep's append-only log, in the order runs finish; numbers keep every bit (JSON's shortest
 * round-trip form), missing values (NaN) are null. Reading a log tolerates what a crash leaves — a last
 * line cut short — and the same run logged twice (a retried job): the first copy counts.
 */
import type { ReplicateResult } from '../run/replicate.ts';

export interface RunRecord {
  /** The run's index in its plan. */
  run: number;
  point: number;
  replicate: number;
  /** metric → value per period, in the plan's period order. */
  values: Record<string, number[]>;
  /** Why the run stopped early (a model limit, a broken number): its values are then all missing. */
  failure?: string;
}

/** The periods a run's values are given at: years of a calendar model, else steps. */
export function periodsOf(result: ReplicateResult): string[] {
  return result.series.years.length > 0 ? result.series.years.map(String) : [...result.series.ticks];
}

export function runRecordOf(
  result: ReplicateResult,
  run: { index: number; point: number; replicate: number },
  metrics: readonly string[],
): RunRecord {
  const annual = result.series.years.length > 0;
  const values: Record<string, number[]> = {};
  for (const metric of metrics) {
    const column = (annual ? result.series.annual : result.series.values)[metric];
    if (!column) throw new Error(`the run did not record metric ${metric}`);
    values[metric] = Array.from(column);
  }
  return { run: run.index, point: run.point, replicate: run.replicate, values };
}

/** One log line (with its newline). `plan` ties the line to its sweep. */
export function encodeRecord(record: RunRecord, plan: string): string {
  const values: Record<string, (number | null)[]> = {};
  for (const [metric, column] of Object.entries(record.values)) {
    values[metric] = column.map((v) => (Number.isNaN(v) ? null : v));
  }
  const { run, point, replicate, failure } = record;
  return `${JSON.stringify({ plan, run, point, replicate, values, ...(failure ? { failure } : {}) })}\n`;
}

export interface DecodedLog {
  /** By run index; the first copy of each run. */
  records: Map<number, RunRecord>;
  /** Lines after which the log was cut (a crash mid-write): their bytes are to be dropped. */
  validBytes: number;
  truncated: boolean;
  duplicates: number;
  /** Lines that belong to another plan (never written by civsim into this sweep's log). */
  foreign: number;
}

function isRecordLine(value: unknown): value is {
  plan: string;
  run: number;
  point: number;
  replicate: number;
  values: Record<string, (number | null)[]>;
} {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.plan === 'string' &&
    Number.isInteger(v.run) &&
    Number.isInteger(v.point) &&
    Number.isInteger(v.replicate) &&
    !!v.values &&
    typeof v.values === 'object' &&
    Object.values(v.values as object).every(
      (column) => Array.isArray(column) && column.every((x) => x === null || typeof x === 'number'),
    )
  );
}

/**
 * Reads a log. A line that does not end in a newline, or does not parse, can only be the last one a
 * crash cut short: it and anything after it are left out (validBytes says where to cut the file). Lines
 * of another plan are counted and ignored.
 */
export function decodeLog(text: string, plan: string): DecodedLog {
  const records = new Map<number, RunRecord>();
  let offset = 0;
  let duplicates = 0;
  let foreign = 0;
  let truncated = false;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    if (end < 0) {
      truncated = true;
      break;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.slice(offset, end));
    } catch {
      truncated = true;
      break;
    }
    if (!isRecordLine(parsed)) {
      truncated = true;
      break;
    }
    if (parsed.plan !== plan) foreign++;
    else if (records.has(parsed.run)) duplicates++;
    else {
      const values: Record<string, number[]> = {};
      for (const [metric, column] of Object.entries(parsed.values)) {
        values[metric] = column.map((v) => (v === null ? Number.NaN : v));
      }
      const failure = (parsed as { failure?: unknown }).failure;
      records.set(parsed.run, {
        run: parsed.run,
        point: parsed.point,
        replicate: parsed.replicate,
        values,
        ...(typeof failure === 'string' ? { failure } : {}),
      });
    }
    offset = end + 1;
  }
  return { records, validBytes: byteLength(text.slice(0, offset)), truncated, duplicates, foreign };
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
