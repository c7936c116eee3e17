/**
 * What the submitting `civsim sweep --queue` and every `civsim worker` agree on in Redis (BullMQ):
 *
 * - one queue per civsim version (`civsim:runs-<version>`), so a worker never even sees another
 *   version's runs; a job is one run of a plan: `{ format, civsim, plan, scenario, run }` (ids only);
 * - the plan's inputs, stored once under `civsim:plan:<plan id>`, from which each worker rebuilds the plan
 *   and proves it by its hash;
 * - each finished run's record, pushed by the worker onto `civsim:results:<plan id>` (the submitter's
 *   inbox), or a note that the run failed for good (refused, or out of attempts);
 * - `civsim:lock:<plan id>`: held by the one submitter collecting that plan's results, so a second one
 *   (the same sweep started twice, a --resume while the first still runs) is told so instead of both
 *   taking each other's records.
 *
 * Job ids are `<plan id>-<run>`: adding a run that is already queued or running does nothing. A finished
 * job is removed, so a resumed submitter that queues a run whose record it has not read yet gets it made
 * twice; the second record is ignored (the first of a run counts).
 */
import IORedis, { type Redis } from 'ioredis';
import { z } from 'zod';
import { redactUrl } from './queueAddress.ts';

export const queuePrefix = 'civsim';
/** The format of jobs and stored plans; a worker refuses others. */
export const queueFormat = 1;

export function queueNameFor(civsimVersion: string): string {
  return `runs-${civsimVersion}`;
}
export function planKey(plan: string): string {
  return `${queuePrefix}:plan:${plan}`;
}
export function resultsKey(plan: string): string {
  return `${queuePrefix}:results:${plan}`;
}
export function lockKey(plan: string): string {
  return `${queuePrefix}:lock:${plan}`;
}
/** An inbox line saying a run failed for good. */
export interface FailureNote {
  plan: string;
  run: number;
  jobFailed: string;
}
export function jobIdOf(plan: string, run: number): string {
  return `${plan}-${run}`;
}
/** How long plans and undelivered results stay in Redis (30 days), so a sweep can be resumed late. */
export const keepSeconds = 30 * 24 * 3600;

/** One queued run: ids only; the plan itself is in Redis under planKey(plan). */
export interface QueuedRun {
  format: typeof queueFormat;
  /** The civsim version that queued it. */
  civsim: string;
  /** The plan's hash. */
  plan: string;
  /** The hash of the plan's scenario. */
  scenario: string;
  /** The run's index in the plan. */
  run: number;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const queuedRunSchema = z.strictObject({
  format: z.literal(queueFormat),
  civsim: z.string().min(1).max(64),
  plan: hex64,
  scenario: hex64,
  run: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** Redis cannot be reached, a queue address is malformed, or a queued run failed. */
export class QueueError extends Error {
  /** True when the command cannot run as given (no Redis there, the sweep already being collected): exit 2. */
  readonly usage: boolean;
  constructor(message: string, options: { usage?: boolean } = {}) {
    super(message);
    this.name = 'QueueError';
    this.usage = options.usage ?? false;
  }
}

/** Connection options BullMQ and civsim use for an address (BullMQ's workers need no per-command retry limit). */
export function connectionOptions(url: string) {
  return { url, maxRetriesPerRequest: null, connectionName: 'civsim' };
}

/**
 * A Redis client on `url`, once Redis has answered (within `timeoutMs`): a clear error rather than a
 * client that retries forever in silence when nothing listens there.
 */
export async function connectRedis(url: string, timeoutMs = 5000): Promise<Redis> {
  let connected = false;
  const client = new IORedis.Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: null,
    connectionName: 'civsim',
    // give up only on the first connection; once connected, ride out a Redis restart (commands wait)
    retryStrategy: (times) => (!connected && times > 3 ? null : Math.min(200 * times, 2000)),
  });
  client.on('error', () => undefined); // reported through connect() below
  try {
    await client.connect();
    await client.ping();
    connected = true;
  } catch (error) {
    client.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new QueueError(
      `cannot reach Redis at ${redactUrl(url)} (${reason}); start redis-server or check the address`,
      { usage: true },
    );
  }
  return client;
}
