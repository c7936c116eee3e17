/**
 * What a run of the civil-society model will cost before it starts: wall time and peak memory, from the
 * number of citizens, their network degree, the months, the replicates and the workers. civsim prints it
 * and refuses runs that would not fit in memory or would take hours, unless asked to go on (--yes).
 *
 * The coefficients are measured, not guessed: `npm run bench` times the same quantities on this
 * project's 2-core machine (results/bench/; "estimate" rows compare this model with the measurement).
 * On other machines the estimate is off by the ratio of their speeds; it is meant to tell a minute from
 * an hour and a megabyte from a gigabyte, not to be exact.
 */
import { Calendar } from '../engine/calendar.ts';
import type { Scenario } from '../scenario/schema.ts';
import { metricDefinitions } from './metricDefinitions.ts';
import { maxSimulatedNgos } from './ngos.ts';

/** Measured coefficients (bench of 2026-11-30, 2 × AMD EPYC vCPU, Node 20; workers load tsx, ~90 MiB each). */
export const costCoefficients = {
  /** Seconds per citizen-month at network degree 0; each unit of degree adds `perDegree` of it. */
  citizenMonth: 33e-9,
  citizenMonthPerDegree: 0.025,
  /** Seconds to build one citizen and her share of the network (plus per unit of degree). */
  citizenBuild: 0.45e-6,
  citizenBuildPerDegree: 0.03e-6,
  /** Seconds per NGO-month (the NGO phases) and per replicate (start-up, JIT). */
  ngoMonth: 0.4e-6,
  replicateStart: 0.3,
  /** Seconds per value written to series.csv/annual.csv and per chart rendered. */
  tableValue: 1.2e-6,
  chart: 0.4,
  /** Bytes per citizen (typed-array columns) and per unit of network degree (adjacency). */
  citizenBytes: 50,
  citizenBytesPerDegree: 4.2,
  /** Bytes per simulated NGO (columns, scratch, alias table, growth headroom). */
  ngoBytes: 600,
  /** Resident memory of the main process and of each worker thread before any model state. */
  processBytes: 130 * 2 ** 20,
  workerBytes: 90 * 2 ** 20,
  /** Parallel efficiency per extra worker (2 vCPUs give ~1.2× the throughput of one). */
  parallelEfficiency: 0.6,
} as const;

export interface RunCostInput {
  scenario: Scenario;
  /** Worker threads the replicates run on (1 = one after another). */
  workers: number;
  /** Whether charts are drawn. */
  charts: boolean;
}

export interface RunCost {
  seconds: number;
  peakBytes: number;
  /** The quantities the estimate rests on, for the message. */
  citizens: number;
  months: number;
  replicates: number;
  workers: number;
  /** Simulated NGOs the estimate assumes at the most (the start, grown threefold). */
  ngos: number;
}

/** The estimated wall time and peak memory of a run. */
export function estimateRunCost({ scenario, workers, charts }: RunCostInput): RunCost {
  const c = costCoefficients;
  const { citizens, ngoSampling, network } = scenario.population;
  const degree = network.degree;
  const months = new Calendar(scenario.start, scenario.end).ticks;
  const replicates = scenario.replicates;
  const ngos = Math.min(maxSimulatedNgos, Math.max(64, 3 * scenario.initial.ngos * ngoSampling));
  const perReplicate =
    c.replicateStart +
    citizens * (c.citizenBuild + c.citizenBuildPerDegree * degree) +
    months * citizens * c.citizenMonth * (1 + c.citizenMonthPerDegree * degree) +
    months * ngos * c.ngoMonth;
  const parallel = Math.max(1, Math.min(workers, replicates));
  const speedup = 1 + c.parallelEfficiency * (parallel - 1);
  const metrics = metricDefinitions.length;
  const years = Math.ceil(months / 12) + 1;
  const tables = replicates * metrics * (months + years) * c.tableValue;
  const seconds = (replicates * perReplicate) / speedup + tables + (charts ? 10 * c.chart : 0);

  const replicateState = citizens * (c.citizenBytes + c.citizenBytesPerDegree * degree) + ngos * c.ngoBytes;
  // every replicate's series stay in memory until the tables are written (monthly and annual, doubles)
  const results = replicates * metrics * (months + years) * 8 * 1.5;
  const peakBytes = c.processBytes + parallel * (c.workerBytes + replicateState) + results;
  return { seconds, peakBytes, citizens, months, replicates, workers: parallel, ngos };
}

/** 1.2 GB, 350 MB: memory as the estimate states it. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return mb >= 1000 ? `${(mb / 1000).toFixed(1)} GB` : `${Math.max(1, Math.round(mb))} MB`;
}
