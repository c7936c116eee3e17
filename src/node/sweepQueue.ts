/**
 * A sweep's runs through a Redis queue (BullMQ), made by `civsim worker` processes anywhere: the
 * drop-in counterpart of ./sweepPool.ts for `civsim sweep --queue URL`. The submitter stores the plan's
 * inputs once, queues the runs it still needs (a bounded number at a time; job ids make a run queued
 * twice a no-op), and collects the records the workers push back, handing each to `onRecord` (the sweep's
 * log) in arrival order; records leave the inbox only once the log has them on disk. Interrupted, it
 * leaves the queue as it is: workers go on, and a restarted submitter (`--resume`) first collects what
 * they made meanwhile, then queues only what is still missing.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Queue, type Job } from 'bullmq';
import { planInputsOf } from '../experiment/planInputs.ts';
import type { StoredPlan } from '../experiment/acceptPlan.ts';
import { decodeLog, type RunRecord } from '../experiment/runRecord.ts';
import type { SweepPlan } from '../experiment/sweepPlan.ts';
import { scenarioHash } from '../scenario/hash.ts';
import { redactUrl } from './queueAddress.ts';
import {
  connectionOptions,
  connectRedis,
  jobIdOf,
  keepSeconds,
  lockKey,
  planKey,
  QueueError,
  queueFormat,
  queueNameFor,
  queuePrefix,
  resultsKey,
  type FailureNote,
  type QueuedRun,
} from './redisQueue.ts';

export interface SweepQueueOptions {
  url: string;
  civsimVersion: string;
  signal?: AbortSignal;
  /** Called for each run's first record, in arrival order. */
  onRecord(record: RunRecord): void | Promise<void>;
  /** Makes the records handed so far durable; awaited before they leave the inbox. */
  flush?(): Promise<void>;
  /** A line for the user (no worker connected, and the like). */
  onNote?(line: string): void;
  /** Runs queued but not yet back, at most (default 2,000). */
  window?: number;
  /** Milliseconds between looks at the inbox (default 200). */
  pollMs?: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Seconds a submitter's claim on a plan lasts without renewal. */
const lockSeconds = 30;
const renewScript =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('expire', KEYS[1], ARGV[2]) else return 0 end";
const releaseScript =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** An inbox line that says a run failed for good, if it is one. */
function failureNote(line: string): FailureNote | undefined {
  if (!line.includes('"jobFailed"')) return undefined;
  try {
    const v = JSON.parse(line) as Partial<FailureNote>;
    return typeof v.plan === 'string' && Number.isInteger(v.run) && typeof v.jobFailed === 'string'
      ? (v as FailureNote)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The run a job id names, if it is one of this plan's. */
function runOfJob(plan: string, id: string | undefined): number | undefined {
  if (!id?.startsWith(`${plan}-`)) return undefined;
  const run = Number(id.slice(plan.length + 1));
  return Number.isInteger(run) && run >= 0 ? run : undefined;
}

/** Runs the given runs of a plan on the queue's workers. */
export async function runSweepOnQueue(
  plan: SweepPlan,
  runs: readonly number[],
  options: SweepQueueOptions,
): Promise<void> {
  if (runs.length === 0) return;
  const window = options.window ?? 2000;
  const pollMs = options.pollMs ?? 200;
  const redis = await connectRedis(options.url);
  const queue = new Queue(queueNameFor(options.civsimVersion), {
    connection: connectionOptions(options.url),
    prefix: queuePrefix,
  });
  queue.on('error', () => undefined); // connection trouble surfaces through the calls below
  const pending = new Set(runs);
  const inbox = resultsKey(plan.id);

  /** A record that came back; kept if it is this plan's, of a run still wanted, and whole. */
  const take = async (line: string): Promise<void> => {
    const note = failureNote(line);
    if (note && note.plan === plan.id && pending.has(note.run)) {
      throw new QueueError(`run ${note.run} failed on a worker: ${note.jobFailed}`);
    }
    if (note) return;
    const { records } = decodeLog(line.endsWith('\n') ? line : `${line}\n`, plan.id);
    for (const record of records.values()) {
      if (!pending.has(record.run)) continue; // a retried run's second record, or one logged before
      const complete = plan.metrics.every((m) => Array.isArray(record.values[m]));
      if (!complete) throw new QueueError(`a worker sent back run ${record.run} without all its metrics`);
      pending.delete(record.run);
      await options.onRecord(record);
    }
  };

  /** Takes up to 500 records from the inbox, oldest first; they leave it only once logged and flushed. */
  const takeInbox = async (): Promise<number> => {
    const lines = await redis.lrange(inbox, 0, 499);
    if (lines.length === 0) return 0;
    for (const line of lines) await take(line);
    await options.flush?.();
    await redis.ltrim(inbox, lines.length, -1);
    return lines.length;
  };
  const drain = async () => {
    while ((await takeInbox()) > 0);
  };

  // one submitter per plan collects its records
  const token = `${hostname()}:${process.pid}:${randomUUID()}`;
  const claimed = await redis.set(lockKey(plan.id), token, 'EX', lockSeconds, 'NX');
  if (claimed !== 'OK') {
    queue.close().catch(() => undefined);
    redis.disconnect();
    throw new QueueError(
      `another civsim is collecting this sweep's results right now (the same sweep started twice, or a --resume while the first still runs): stop it or let it finish; a stopped one's claim lapses within ${lockSeconds} s`,
      { usage: true },
    );
  }
  let lastRenewal = performance.now();
  const renew = async () => {
    if (performance.now() - lastRenewal < (lockSeconds * 1000) / 3) return;
    lastRenewal = performance.now();
    const held = await redis.eval(renewScript, 1, lockKey(plan.id), token, String(lockSeconds));
    if (held !== 1)
      throw new QueueError('this submitter lost its claim on the sweep (was it paused for long?): resume it');
  };

  try {
    const stored: StoredPlan = {
      format: 1,
      civsim: options.civsimVersion,
      plan: plan.id,
      inputs: planInputsOf(plan),
    };
    await redis.set(planKey(plan.id), JSON.stringify(stored), 'EX', keepSeconds);
    const scenario = scenarioHash(plan.scenario);

    // runs that failed before (a refusal, a worker that kept dying): queued afresh (found first, then
    // removed, so that removing does not shift the pages)
    const failedBefore: Job[] = [];
    for (let start = 0; ; start += 1000) {
      const page = await queue.getJobs(['failed'], start, start + 999, true);
      for (const job of page) {
        const run = runOfJob(plan.id, job.id);
        if (run !== undefined && pending.has(run)) failedBefore.push(job);
      }
      if (page.length < 1000) break;
    }
    for (const job of failedBefore) await job.remove();
    // records that came back while no submitter listened: taken before anything is queued again
    await drain();

    const order = runs.filter((run) => pending.has(run));
    let next = 0;
    let queued = 0; // queued by this session and not yet back
    let lastRecord = performance.now();
    let lastFailedCheck = 0;
    let warnedIdle = false;
    const before = pending.size;
    while (pending.size > 0) {
      options.signal?.throwIfAborted();
      await renew();
      const size = pending.size;
      const lines = await takeInbox();
      queued = Math.max(0, queued - (size - pending.size));
      if (pending.size < size) {
        lastRecord = performance.now();
        warnedIdle = false;
      }
      // more runs, up to the window
      if (next < order.length && queued < window) {
        const slice = order.slice(next, next + Math.min(500, window - queued));
        next += slice.length;
        const batch = slice.filter((run) => pending.has(run)); // not those whose record came meanwhile
        await queue.addBulk(
          batch.map((run) => ({
            name: 'run',
            data: {
              format: queueFormat,
              civsim: options.civsimVersion,
              plan: plan.id,
              scenario,
              run,
            } satisfies QueuedRun,
            opts: {
              jobId: jobIdOf(plan.id, run),
              attempts: 3,
              backoff: { type: 'fixed', delay: 1000 },
              removeOnComplete: true,
              removeOnFail: { age: keepSeconds },
            },
          })),
        );
        queued += batch.length;
        continue;
      }
      const now = performance.now();
      if (now - lastFailedCheck > 2000) {
        lastFailedCheck = now;
        if ((await queue.getFailedCount()) > 0) {
          for (const job of await queue.getJobs(['failed'], 0, 999, true)) {
            const run = runOfJob(plan.id, job.id);
            if (run !== undefined && pending.has(run)) {
              throw new QueueError(`run ${run} failed on a worker: ${job.failedReason ?? 'no reason given'}`);
            }
          }
        }
        if (!warnedIdle && now - lastRecord > 10_000 && (await queue.getWorkersCount()) === 0) {
          warnedIdle = true;
          options.onNote?.(
            `no civsim worker is taking runs from ${redactUrl(options.url)}; start some with: civsim worker --queue ${redactUrl(options.url)}`,
          );
        }
      }
      if (lines === 0) await sleep(pollMs, options.signal);
    }
    if (before > 0) await redis.del(inbox);
  } finally {
    await redis.eval(releaseScript, 1, lockKey(plan.id), token).catch(() => undefined);
    await queue.close().catch(() => undefined);
    redis.disconnect();
  }
}
