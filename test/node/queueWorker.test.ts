/**
 * runQueueWorker against a real Redis, driven from the outside as a stranger would: jobs queued by hand.
 * A job of another civsim version, one that is not a civsim run, and one whose stored plan was altered
 * are each failed for good (one attempt, the reason given) and never made; a good job's record comes
 * back through Redis equal, bit for bit, to the same run made locally.
 */
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredPlan } from '../../src/experiment/acceptPlan.ts';
import { parseParameter } from '../../src/experiment/parameter.ts';
import { planFromInputs, planInputsOf } from '../../src/experiment/planInputs.ts';
import { decodeLog } from '../../src/experiment/runRecord.ts';
import { loadScenario } from '../../src/node/index.ts';
import { runQueueWorker } from '../../src/node/queueWorker.ts';
import {
  connectRedis,
  jobIdOf,
  planKey,
  queueNameFor,
  queuePrefix,
  resultsKey,
} from '../../src/node/redisQueue.ts';
import { sweepRun } from '../../src/node/replicateWorker.ts';
import { pointScenarios, sweepTaskOf } from '../../src/node/sweepPool.ts';
import { scenarioHash } from '../../src/scenario/hash.ts';
import { startRedis, type TestRedis } from './redisServer.ts';

const version = 'test-1';
const { scenario } = await loadScenario('scenarios/classics/threshold-normal.yaml');
const plan = planFromInputs(
  {
    scenario,
    parameters: [parseParameter('population.thresholds.sd=0.05,0.15')],
    designOptions: { kind: 'grid', seed: 1 },
    replicates: 2,
    independentSeeds: false,
    metrics: ['participation', 'joined'],
  },
  version,
);
const stored: StoredPlan = { format: 1, civsim: version, plan: plan.id, inputs: planInputsOf(plan) };
const good = { format: 1, civsim: version, plan: plan.id, scenario: scenarioHash(scenario), run: 3 };

let redis: TestRedis;
let queue: Queue;
const stop = new AbortController();
let worker: ReturnType<typeof runQueueWorker>;
const log: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  queue = new Queue(queueNameFor(version), {
    connection: { url: redis.url, maxRetriesPerRequest: null },
    prefix: queuePrefix,
  });
  worker = runQueueWorker({
    url: redis.url,
    civsimVersion: version,
    threads: 1,
    leaseSeconds: 5,
    signal: stop.signal,
    log: (line) => log.push(line),
  });
});
afterAll(async () => {
  stop.abort();
  await worker;
  await queue.close();
  await redis.stop();
});

async function settled(id: string): Promise<{ state: string; reason?: string; attempts: number }> {
  for (let i = 0; i < 400; i++) {
    const job = await queue.getJob(id);
    const state = job ? await job.getState() : 'gone';
    if (state === 'failed') {
      // read the job again: the copy above may be from before it failed
      const failed = (await queue.getJob(id))!;
      return { state, reason: failed.failedReason, attempts: failed.attemptsMade };
    }
    if (state === 'completed' || state === 'gone') return { state, attempts: job?.attemptsMade ?? 1 };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not settle`);
}

const options = { attempts: 3, removeOnComplete: true } as const;

describe('civsim worker (runQueueWorker)', () => {
  it('makes a good run and sends back the record a local run gives', async () => {
    const client = await connectRedis(redis.url);
    try {
      await client.set(planKey(plan.id), JSON.stringify(stored));
      await queue.add('run', good, { ...options, jobId: jobIdOf(plan.id, 3) });
      expect((await settled(jobIdOf(plan.id, 3))).state).toBe('gone'); // done, and removed
      const lines = await client.lrange(resultsKey(plan.id), 0, -1);
      expect(lines).toHaveLength(1);
      const back = decodeLog(lines[0], plan.id).records.get(3);
      const local = sweepRun(sweepTaskOf(plan, 3, pointScenarios(plan)));
      expect(back).toEqual(local);
    } finally {
      client.disconnect();
    }
  }, 60_000);

  it('refuses, once and for good, a job of another version, a job that is not a run, and an altered plan', async () => {
    const client = await connectRedis(redis.url);
    try {
      await queue.add('run', { ...good, civsim: 'test-0' }, { ...options, jobId: 'other-version' });
      await queue.add('run', { hello: 'world' }, { ...options, jobId: 'not-a-run' });
      const altered = { ...stored, inputs: { ...stored.inputs, scenario: { ...scenario, seed: 99 } } };
      const alteredPlan = 'a'.repeat(64);
      await client.set(planKey(alteredPlan), JSON.stringify({ ...altered, plan: alteredPlan }));
      await queue.add('run', { ...good, plan: alteredPlan }, { ...options, jobId: 'altered' });
      const outcomes = {
        version: await settled('other-version'),
        notRun: await settled('not-a-run'),
        altered: await settled('altered'),
      };
      for (const outcome of Object.values(outcomes)) {
        expect(outcome.state).toBe('failed');
        expect(outcome.attempts).toBe(1);
      }
      expect(outcomes.version.reason).toMatch(/refused: .*civsim test-0; this worker is civsim test-1/);
      expect(outcomes.notRun.reason).toMatch(/refused: .*not a civsim run/);
      expect(outcomes.altered.reason).toMatch(/refused: .*does not have the hash/);
      // claims are checked on every job, not only when a plan is first seen
      await queue.add('run', { ...good, run: 4 }, { ...options, jobId: 'beyond' });
      await queue.add('run', { ...good, scenario: 'b'.repeat(64) }, { ...options, jobId: 'other-scenario' });
      expect((await settled('beyond')).reason).toMatch(/refused: run 4 is not in the plan/);
      expect((await settled('other-scenario')).reason).toMatch(/refused: .*does not have the hash/);
      expect(log.filter((line) => /: started$/.test(line))).toHaveLength(1); // only the good run was made
      // the refusal is also told to the plan's submitter, through its inbox; no record is there
      const inbox = await client.lrange(resultsKey(alteredPlan), 0, -1);
      expect(inbox).toHaveLength(1);
      expect(JSON.parse(inbox[0])).toMatchObject({
        plan: alteredPlan,
        run: 3,
        jobFailed: expect.stringMatching(/refused/),
      });
    } finally {
      client.disconnect();
    }
  }, 60_000);
});
