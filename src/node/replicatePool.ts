/**
 * Replicates on worker threads (piscina). Each replicate is a pure function of (scenario, replicate,
 * stream family), so where and in which order replicates run changes nothing in their results: they are
 * returned in replicate order and give the same bytes with any number of workers.
 *
 * The main thread stays free while the workers compute, so a signal (Ctrl-C) or a progress line is
 * handled within milliseconds whatever a worker is doing — building a population of millions, or a
 * month of a large run. Aborting terminates the workers at once.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { NonFiniteMetricError } from '../engine/recorder.ts';
import { RunLimitError } from '../engine/runLimitError.ts';
import type { ReplicateResult } from '../run/replicate.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import type { ReplicateMessage, ReplicateOutcome, ReplicateTask } from './replicateWorker.ts';
import { inLanes, workerFilename } from './workerLanes.ts';

/** How far a pooled run has got, summed over its replicates. */
export interface PoolProgress {
  replicates: number;
  /** Replicates finished. */
  done: number;
  /** Months simulated so far, over all replicates, and in all. */
  ticksDone: number;
  ticksTotal: number;
  /** Replicates building their population right now (a long phase for large populations). */
  building: number;
}

export interface PoolOptions {
  /** Worker threads (default: the machine's available parallelism). */
  workers?: number;
  family?: string;
  signal?: AbortSignal;
  /** Called at most about ten times a second, and whenever a replicate finishes. */
  onProgress?(progress: PoolProgress): void;
}

/** The machine's cores as Node sees them (the default number of workers). */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

/** Turns a worker's failure record back into the error it stands for. */
function failureError(outcome: Extract<ReplicateOutcome, { failure: unknown }>): Error {
  const f = outcome.failure;
  return f.kind === 'limit'
    ? new RunLimitError(f.message, f.tick)
    : new NonFiniteMetricError(f.metric, f.tick, f.value);
}

/** Runs every replicate of a scenario on a pool of worker threads; results in replicate order. */
export async function runReplicatesOnWorkers(
  scenario: ScenarioBase,
  options: PoolOptions = {},
): Promise<ReplicateResult[]> {
  const total = scenario.replicates;
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkerCount(), total));
  const pool = new Piscina({
    filename: workerFilename(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  const ticks = new Int32Array(total);
  const building = new Uint8Array(total);
  let ticksTotal = 0;
  let done = 0;
  let lastReport = 0;
  const report = (force: boolean) => {
    const now = performance.now();
    if (!options.onProgress || (!force && now - lastReport < 100)) return;
    lastReport = now;
    let ticksDone = 0;
    let buildingNow = 0;
    for (let r = 0; r < total; r++) {
      ticksDone += ticks[r];
      buildingNow += building[r];
    }
    options.onProgress({ replicates: total, done, ticksDone, ticksTotal, building: buildingNow });
  };

  const results: ReplicateResult[] = new Array(total);
  const runOne = async (replicate: number, stop: AbortSignal): Promise<void> => {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (message: ReplicateMessage) => {
      if (message.kind === 'phase') building[replicate] = message.phase === 'building' ? 1 : 0;
      else {
        ticks[replicate] = message.tick;
        if (ticksTotal === 0) ticksTotal = message.ticks * total;
      }
      report(false);
    });
    try {
      const task: ReplicateTask = { scenario, replicate, family: options.family, port: port2 };
      const outcome = (await pool.run(task, {
        transferList: [port2],
        signal: stop,
      })) as ReplicateOutcome;
      if ('failure' in outcome) throw failureError(outcome);
      results[replicate] = outcome.result;
      done++;
      report(true);
    } finally {
      port1.close();
    }
  };

  try {
    await inLanes(total, workers * 2, options.signal, runOne);
    return results;
  } finally {
    await pool.destroy();
  }
}
