/**
 * A sweep's runs on worker threads (piscina): each run is a pure function of (design point's scenario,
 * replicate, stream family), so where and in which order runs happen changes none of their results.
 * Each finished run is handed to `onRecord` at once (to be logged), in completion order; the sweep sorts
 * them into plan order at the end. At most two runs per worker are in flight, so a sweep of a million
 * runs never queues a million tasks; the main thread stays free for signals and progress.
 */
import { Piscina } from 'piscina';
import { applyPoint } from '../experiment/resolveParameters.ts';
import type { RunRecord } from '../experiment/runRecord.ts';
import { familyOf, runAt, type SweepPlan } from '../experiment/sweepPlan.ts';
import { modelById } from '../models/registry.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { defaultWorkerCount } from './replicatePool.ts';
import type { SweepRunTask } from './replicateWorker.ts';
import { inLanes, workerFilename } from './workerLanes.ts';

export interface SweepPoolOptions {
  workers?: number;
  signal?: AbortSignal;
  /** Called for each finished run, in completion order; awaited before the run counts as done. */
  onRecord(record: RunRecord): void | Promise<void>;
}

/** The scenario of each design point, built once per point as runs reach it (runs of a point are adjacent). */
export function pointScenarios(plan: SweepPlan): (point: number) => ScenarioBase {
  const model = modelById(plan.scenario.model);
  let last = -1;
  let scenario: ScenarioBase = plan.scenario;
  return (point) => {
    if (point !== last) {
      scenario = applyPoint(plan.scenario, model, plan.parameters, plan.design.values[point]).scenario;
      last = point;
    }
    return scenario;
  };
}

/** What a worker thread needs to make run `index` of a plan. */
export function sweepTaskOf(
  plan: SweepPlan,
  index: number,
  scenarioOf: (point: number) => ScenarioBase,
): SweepRunTask {
  const run = runAt(plan, index);
  return { scenario: scenarioOf(run.point), run, family: familyOf(plan, run.point), metrics: plan.metrics };
}

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
