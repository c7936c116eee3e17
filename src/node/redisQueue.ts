/**
 * What the submitting `civsim sweep --queue` and every `civsim worker` agree on in Redis (BullMQ):
 *
 * - one queue per civsim version (`civsim:runs-<version>`), so a worker never even sees another
 *   version's runs; a job is one run of a plan: `{ format, civsim, plan, scenario, run }` (ids only);
 * - the plan's inputs, stored once under `civsim:plan:<plan id>`, from which each worker rebuilds the plan
 *   and proves it by its hash;
 * - each finished run's record, pushed by the worker onto `civsim:results:<plan id>` (the submitter's
 *   inbox) and kept as the job's return value until the submitter has it (its fallback after a restart).
 *
 * Job ids are `<plan id>-<run>`: adding a run that is already queued, running or done does nothing, so a
 * restarted submitter never queues a run twice.
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
  constructor(message: string) {
    super(message);
    this.name = 'QueueError';
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
  const client = new IORedis.Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: null,
    connectionName: 'civsim',
    retryStrategy: (times) => (times > 3 ? null : 200 * times),
  });
  client.on('error', () => undefined); // reported through connect() below
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new QueueError(
      `cannot reach Redis at ${redactUrl(url)} (${reason}); start redis-server or check the address`,
    );
  }
  return client;
}
