/**
 * A sweep's runs, one at a time, in the calling thread (universal: notebooks, a page, a Web Worker), and
 * the pieces the worker pool and the queue workers share: the scenario of each design point and one run
 * reduced to its record. A run is a pure function of (point's scenario, replicate, stream family), so
 * this gives the same records as `civsim sweep` on any number of workers.
 */
import { NonFiniteMetricError } from '../engine/recorder.ts';
import { RunLimitError } from '../engine/runLimitError.ts';
import { modelById } from '../models/registry.ts';
import { clockOf, startReplicate } from '../run/replicate.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { applyPoint } from './resolveParameters.ts';
import { runRecordOf, type RunRecord } from './runRecord.ts';
import { familyOf, plannedRuns, runAt, type SweepPlan } from './sweepPlan.ts';
import { completeRecords, type SweepData } from './sweepResults.ts';

/** One run of a sweep: a design point's scenario and a replicate, reduced to the sweep's metrics. */
export interface SweepRunTask {
  scenario: ScenarioBase;
  run: { index: number; point: number; replicate: number };
  family: string;
  metrics: readonly string[];
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

/** What it takes to make run `index` of a plan. */
export function sweepTaskOf(
  plan: SweepPlan,
  index: number,
  scenarioOf: (point: number) => ScenarioBase,
): SweepRunTask {
  const run = runAt(plan, index);
  return { scenario: scenarioOf(run.point), run, family: familyOf(plan, run.point), metrics: plan.metrics };
}

/**
 * One run of a sweep. A run stopped by a model limit or a broken number does not stop the sweep: it
 * comes back as a record with no values (NaN) and the reason, and the report lists it.
 */
export function sweepRunRecord(task: SweepRunTask): RunRecord {
  const { scenario, run, family, metrics } = task;
  const model = modelById(scenario.model);
  try {
    const replicate = startReplicate(model, scenario, run.replicate, { family });
    while (replicate.step());
    return runRecordOf(replicate.result(), run, metrics);
  } catch (error) {
    if (error instanceof RunLimitError || error instanceof NonFiniteMetricError) {
      const clock = clockOf(model, scenario);
      const periods = clock.yearList().length > 0 ? clock.yearList().length : clock.labels().length;
      const values = Object.fromEntries(metrics.map((m) => [m, new Array<number>(periods).fill(Number.NaN)]));
      return { run: run.index, point: run.point, replicate: run.replicate, values, failure: error.message };
    }
    throw error;
  }
}

export interface RunSweepOptions {
  /** Called after each run with how many of the plan's runs are done. */
  onProgress?(done: number, total: number): void;
  /** Checked between runs; an aborted sweep rejects with the signal's reason. */
  signal?: AbortSignal;
}

const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) =>
    globalThis.setImmediate ? globalThis.setImmediate(resolve) : setTimeout(resolve, 0),
  );

/** The periods every run of a plan records its values at: years of a calendar model, else steps. */
export function sweepPeriods(plan: Pick<SweepPlan, 'scenario'>): string[] {
  const clock = clockOf(modelById(plan.scenario.model), plan.scenario);
  const years = clock.yearList();
  return years.length > 0 ? years.map(String) : [...clock.labels()];
}

/**
 * Every run of a plan, in plan order, in this thread (yielding to the event loop between runs): the
 * sweep's data, ready for sensitivityRows, sweepCharts and the CSV tables. For large sweeps use
 * `civsim sweep` or sweepToFolder (civsim/node), which spread the runs over worker threads.
 */
export async function runSweep(plan: SweepPlan, options: RunSweepOptions = {}): Promise<SweepData> {
  const scenarioOf = pointScenarios(plan);
  const runs = plannedRuns(plan);
  const records = new Map<number, RunRecord>();
  for (const index of runs) {
    options.signal?.throwIfAborted();
    records.set(index, sweepRunRecord(sweepTaskOf(plan, index, scenarioOf)));
    options.onProgress?.(records.size, runs.length);
    await yieldToEventLoop();
  }
  return { plan, periods: sweepPeriods(plan), records: completeRecords(plan, records) };
}
