/**
 * What one worker thread does: runs one replicate of a scenario and returns its result, telling the
 * main thread on a message port which phase it is in and how far it has got. A run that stops on a
 * model limit or a broken number comes back as a failure record (typed errors do not survive the thread
 * boundary), which the main thread turns back into an error.
 */
import type { MessagePort } from 'node:worker_threads';
import { NonFiniteMetricError } from '../engine/recorder.ts';
import { RunLimitError } from '../engine/runLimitError.ts';
import { modelById } from '../models/registry.ts';
import { startReplicate, type ReplicateResult } from '../run/replicate.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';

export interface ReplicateTask {
  /** The scenario as run; its `model` names the model (from the registry). */
  scenario: ScenarioBase;
  replicate: number;
  /** Stream family (common random numbers when shared). */
  family?: string;
  /** Where progress messages go. */
  port?: MessagePort;
}

/** Messages a worker posts while it runs a replicate. */
export type ReplicateMessage =
  | { kind: 'phase'; replicate: number; phase: 'building' | 'running' }
  | { kind: 'tick'; replicate: number; tick: number; ticks: number };

/** Why a replicate stopped before its end, in a form that crosses the thread boundary. */
export type ReplicateFailure =
  | { kind: 'limit'; message: string; tick: number }
  | { kind: 'nonFinite'; metric: string; tick: number; value: number };

export type ReplicateOutcome = { result: ReplicateResult } | { failure: ReplicateFailure };

export default function runReplicateTask(task: ReplicateTask): ReplicateOutcome {
  const { scenario, replicate, family, port } = task;
  try {
    port?.postMessage({ kind: 'phase', replicate, phase: 'building' } satisfies ReplicateMessage);
    const run = startReplicate(modelById(scenario.model), scenario, replicate, {
      family,
      onTick: (tick, ticks) => port?.postMessage({ kind: 'tick', replicate, tick: tick + 1, ticks }),
    });
    port?.postMessage({ kind: 'phase', replicate, phase: 'running' } satisfies ReplicateMessage);
    while (run.step());
    return { result: run.result() };
  } catch (error) {
    if (error instanceof RunLimitError) {
      return { failure: { kind: 'limit', message: error.message, tick: error.tick } };
    }
    if (error instanceof NonFiniteMetricError) {
      return { failure: { kind: 'nonFinite', metric: error.metric, tick: error.tick, value: error.value } };
    }
    throw error;
  } finally {
    port?.close();
  }
}

// A sweep's run in a worker: the same function as in a notebook or a page (src/experiment/runSweep.ts).
export { sweepRunRecord as sweepRun } from '../experiment/runSweep.ts';
export type { SweepRunTask } from '../experiment/runSweep.ts';
