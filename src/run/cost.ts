/**
 * What a run will cost before it starts: wall time and peak memory. The model says what one replicate
 * costs (ModelDefinition.cost, from its own measured coefficients); this adds the run around it — the
 * replicates shared among workers, the worker threads, the series kept until the tables are written,
 * the tables and charts. civsim prints it and refuses runs that would not fit in memory or would take
 * hours, unless asked to go on (--yes).
 *
 * The coefficients are measured, not guessed: `npm run bench` times the same quantities on this
 * project's 2-core machine and prints the estimate beside each measurement. On other machines the
 * estimate is off by the ratio of their speeds; it is meant to tell a minute from an hour and a megabyte
 * from a gigabyte, not to be exact.
 */
import type { AnyModel } from '../models/definition.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { clockOf } from './replicate.ts';

/** Measured coefficients of the run around the replicates (bench of 2026-11-30, 2 × AMD EPYC, Node 20). */
export const runCostCoefficients = {
  /** Seconds per value written to the tables, and per chart rendered. */
  tableValue: 1.2e-6,
  chart: 0.4,
  /** Resident memory of the main process and of each worker thread before any model state. */
  processBytes: 130 * 2 ** 20,
  workerBytes: 90 * 2 ** 20,
  /** Parallel efficiency per extra worker (2 vCPUs give ~1.2× the throughput of one). */
  parallelEfficiency: 0.6,
} as const;

export interface RunCostInput {
  model: AnyModel;
  scenario: ScenarioBase;
  /** Worker threads the replicates run on (1 = one after another). */
  workers: number;
  /** Whether charts are drawn. */
  charts: boolean;
}

export interface RunCost {
  seconds: number;
  peakBytes: number;
  replicates: number;
  workers: number;
  /** The model's words for one replicate's size ("100,000 citizens × 420 months"). */
  size: string;
}

/** The estimated wall time and peak memory of a run. */
export function estimateRunCost({ model, scenario, workers, charts }: RunCostInput): RunCost {
  const c = runCostCoefficients;
  const replicate = model.cost(scenario);
  const replicates = scenario.replicates;
  const parallel = Math.max(1, Math.min(workers, replicates));
  const speedup = 1 + c.parallelEfficiency * (parallel - 1);
  const clock = clockOf(model, scenario);
  const keys = clock.ticks + clock.years;
  const tables = replicates * model.metrics.length * keys * c.tableValue;
  const chartCount = charts ? (scenario.output.charts ?? model.charts).length : 0;
  const seconds = (replicates * replicate.replicateSeconds) / speedup + tables + chartCount * c.chart;
  // every replicate's series stay in memory until the tables are written (doubles, with some slack)
  const results = replicates * model.metrics.length * keys * 8 * 1.5;
  const peakBytes = c.processBytes + parallel * (c.workerBytes + replicate.replicateBytes) + results;
  return { seconds, peakBytes, replicates, workers: parallel, size: replicate.size };
}

/** 1.2 GB, 350 MB: memory as the estimate states it. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return mb >= 1000 ? `${(mb / 1000).toFixed(1)} GB` : `${Math.max(1, Math.round(mb))} MB`;
}
