/**
 * A sweep's runs on worker threads (piscina): each run is a pure function of (design point's scenario,
 * replicate, stream family), so where and in which order runs happen changes none of their results.
 * Each finished run is handed to `onRecord` at once (to be logged), in completion order; the sweep sorts
 * them into plan order at the end. At most two runs per worker are in flight, so a sweep of a million
 * runs never queues a million tasks; the main thread stays free for signals and progress.
 */
import { Piscina } from 'piscina';
import type { RunRecord } from '../experiment/runRecord.ts';
import { pointScenarios, sweepTaskOf } from '../experiment/runSweep.ts';
import type { SweepPlan } from '../experiment/sweepPlan.ts';
import { defaultWorkerCount } from './replicatePool.ts';
import { inLanes, workerFilename } from './workerLanes.ts';

export interface SweepPoolOptions {
  workers?: number;
  signal?: AbortSignal;
  /** Called for each finished run, in completion order; awaited before the run counts as done. */
  onRecord(record: RunRecord): void | Promise<void>;
}

export { pointScenarios, sweepTaskOf } from '../experiment/runSweep.ts';

/** Runs the given runs of a plan (indices, in the order to start them). */
export async function runSweepOnWorkers(
  plan: SweepPlan,
  runs: readonly number[],
  options: SweepPoolOptions,
): Promise<void> {
  if (runs.length === 0) return;
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkerCount(), runs.length));
  const pool = new Piscina({
    filename: workerFilename(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  const scenarioOf = pointScenarios(plan);
  try {
    await inLanes(runs.length, workers * 2, options.signal, async (i, stop) => {
      const task = sweepTaskOf(plan, runs[i], scenarioOf);
      const record = (await pool.run(task, { name: 'sweepRun', signal: stop })) as RunRecord;
      await options.onRecord(record);
    });
  } finally {
    await pool.destroy();
  }
}
