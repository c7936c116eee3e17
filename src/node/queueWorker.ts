/**
 * `civsim worker`: takes sweep runs from the Redis queue of this civsim version and makes them on worker
 * threads, on any machine that reaches Redis (no shared file system). Each job is checked like a file
 * from a stranger (./../experiment/acceptPlan.ts) and refused — failed for good, never run — when it is
 * malformed, from another civsim version, or its plan does not prove its hash. A run's record goes back
 * through Redis, pushed onto the submitter's inbox; the job is then done and removed.
 *
 * A worker holds a lease on each job it runs and renews it while the run goes on (the runs are on
 * threads, so the renewals are never starved). A worker that dies — killed, out of memory, its machine
 * gone — stops renewing; after the lease another worker takes the run again. The submitter keeps the
 * first record of each run, so a retried run is never counted twice.
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { Piscina } from 'piscina';
import { acceptClaim, acceptPlan, RefusedRun } from '../experiment/acceptPlan.ts';
import { encodeRecord, type RunRecord } from '../experiment/runRecord.ts';
import type { SweepPlan } from '../experiment/sweepPlan.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import {
  connectionOptions,
  connectRedis,
  keepSeconds,
  planKey,
  queueNameFor,
  queuedRunSchema,
  queuePrefix,
  resultsKey,
  type FailureNote,
  type QueuedRun,
} from './redisQueue.ts';
import { pointScenarios, sweepTaskOf } from './sweepPool.ts';
import { workerFilename } from './workerLanes.ts';

export interface QueueWorkerOptions {
  url: string;
  civsimVersion: string;
  /** Runs at once (worker threads). */
  threads: number;
  /** Seconds a job stays claimed by a worker that stopped renewing its lease, before another takes it. */
  leaseSeconds?: number;
  /** Stops taking jobs; the runs in hand are finished first. */
  signal?: AbortSignal;
  /** Stop after this many seconds with nothing to do (a batch job's worker); never by default. */
  idleSeconds?: number;
  /** One line per event (job started, done, refused). */
  log?(line: string): void;
}

export interface QueueWorkerSummary {
  done: number;
  refused: number;
}

/** How many times a job may be taken back from a worker that stopped answering before it fails. */
const maxStalled = 5;

/** The plans this worker has checked, by id (a few: a worker serves one sweep at a time, mostly). */
function planCache(redis: Redis, civsimVersion: string) {
  const plans = new Map<string, Promise<{ plan: SweepPlan; scenarioOf: (point: number) => ScenarioBase }>>();
  return (claim: QueuedRun) => {
    let entry = plans.get(claim.plan);
    if (!entry) {
      entry = (async () => {
        const plan = await acceptPlan(await redis.get(planKey(claim.plan)), claim, civsimVersion);
        return { plan, scenarioOf: pointScenarios(plan) };
      })();
      plans.set(claim.plan, entry);
      entry.catch(() => plans.delete(claim.plan)); // a refused or unreadable plan is checked afresh next time
      if (plans.size > 8) plans.delete(plans.keys().next().value!);
    }
    // the plan was checked once; each run's own claims are checked every time
    return entry.then((checked) => {
      acceptClaim(checked.plan, claim, civsimVersion);
      return checked;
    });
  };
}

export async function runQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerSummary> {
  const log = options.log ?? (() => undefined);
  const redis = await connectRedis(options.url);
  const threads = Math.max(1, options.threads);
  const pool = new Piscina({
    filename: workerFilename(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  const planOf = planCache(redis, options.civsimVersion);
  const summary: QueueWorkerSummary = { done: 0, refused: 0 };
  let lastActivity = performance.now();
  let active = 0;
  const lease = Math.max(1, options.leaseSeconds ?? 30) * 1000;

  const process = async (job: Job): Promise<void> => {
    active++;
    lastActivity = performance.now();
    try {
      const claim = queuedRunSchema.safeParse(job.data);
      if (!claim.success) {
        throw new RefusedRun(
          `job ${job.id} is not a civsim run (${claim.error.issues[0]?.message ?? 'malformed'})`,
        );
      }
      const { plan, scenarioOf } = await planOf(claim.data);
      const task = sweepTaskOf(plan, claim.data.run, scenarioOf);
      const short = plan.id.slice(0, 8);
      log(`run ${task.run.index} of sweep ${short}: started`);
      const started = performance.now();
      const record = (await pool.run(task, { name: 'sweepRun' })) as RunRecord;
      const line = encodeRecord(record, plan.id);
      await redis.multi().rpush(resultsKey(plan.id), line).expire(resultsKey(plan.id), keepSeconds).exec();
      summary.done++;
      log(
        `run ${task.run.index} of sweep ${short}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } catch (error) {
      const refused = error instanceof RefusedRun;
      const message = error instanceof Error ? error.message : String(error);
      const last = refused || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      // the submitter hears of a run that failed for good through its inbox (when the job names a plan)
      const claim = queuedRunSchema.safeParse(job.data);
      if (last && claim.success) {
        const note: FailureNote = { plan: claim.data.plan, run: claim.data.run, jobFailed: message };
        await redis
          .multi()
          .rpush(resultsKey(claim.data.plan), JSON.stringify(note))
          .expire(resultsKey(claim.data.plan), keepSeconds)
          .exec()
          .catch(() => undefined);
      }
      if (refused) {
        summary.refused++;
        log(`job ${job.id}: ${message}`);
        throw new UnrecoverableError(message);
      }
      throw error;
    } finally {
      active--;
      lastActivity = performance.now();
    }
  };

  const worker = new Worker(queueNameFor(options.civsimVersion), process, {
    connection: connectionOptions(options.url),
    prefix: queuePrefix,
    concurrency: threads,
    name: `${hostname()}:${globalThis.process.pid}`,
    lockDuration: lease,
    stalledInterval: Math.max(500, lease / 2),
    maxStalledCount: maxStalled,
    removeOnFail: { age: keepSeconds },
  });
  worker.on('error', (error) => log(`queue error: ${error.message}`));
  try {
    await worker.waitUntilReady();
    log(
      `taking runs of civsim ${options.civsimVersion} from ${queueNameFor(options.civsimVersion)} (${threads} thread${threads === 1 ? '' : 's'})`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      if (options.signal?.aborted) return resolve();
      options.signal?.addEventListener('abort', stop, { once: true });
      if (options.idleSeconds !== undefined) {
        const idle = options.idleSeconds * 1000;
        const timer = setInterval(() => {
          if (active === 0 && performance.now() - lastActivity > idle) {
            clearInterval(timer);
            log(`nothing to do for ${options.idleSeconds} s: stopping`);
            resolve();
          }
        }, 250);
        options.signal?.addEventListener('abort', () => clearInterval(timer), { once: true });
      }
    });
    await worker.close();
    return summary;
  } finally {
    await worker.close(true).catch(() => undefined);
    await pool.destroy();
    redis.disconnect();
  }
}
