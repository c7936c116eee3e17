/**
 * `civsim sweep --queue` and `civsim worker` on the real binary and a real Redis: two worker processes,
 * one killed (SIGKILL) in the middle of a run, the submitter interrupted and resumed while the other
 * worker goes on — and the sweep still ends complete, each run once, with the same tables, byte for
 * byte, as the sweep made on local threads. Bad addresses are refused with exit 2 and one message.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../node/redisServer.ts';
import { runCivsim, stackLine, waitFor, type Outcome } from './civsimProcess.ts';

const out = mkdtempSync(join(tmpdir(), 'civsim-queue-cli-'));
let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
  rmSync(out, { recursive: true, force: true });
});

// 3 points × 4 replicates of Kazakhstan at a tenth of its citizens: runs of about a second
const design = [
  'sweep',
  'scenarios/kazakhstan.yaml',
  '--scale',
  '0.1',
  '-p',
  'levers.legitimacy=0.3,0.5,0.7',
  '-r',
  '4',
  '--no-charts',
  '-o',
  out,
];
const tables = ['points.csv', 'runs.csv', 'summary.csv', 'runs.jsonl'];

interface WorkerProcess {
  child?: ChildProcess;
  log: string;
  done: Promise<Outcome>;
}

function startWorker(): WorkerProcess {
  const worker: WorkerProcess = { log: '', done: undefined as unknown as Promise<Outcome> };
  worker.done = runCivsim(['worker', '--queue', redis.url, '-w', '1', '--lease', '2'], {
    onSpawn: (child) => (worker.child = child),
    onStderr: (text) => (worker.log += text),
  });
  return worker;
}

/** The runs a worker's log says it started and has not finished. */
function inHand(log: string): number[] {
  const started = [...log.matchAll(/run (\d+) of sweep \w+: started/g)].map((m) => Number(m[1]));
  const done = new Set([...log.matchAll(/run (\d+) of sweep \w+: done/g)].map((m) => Number(m[1])));
  return started.filter((run) => !done.has(run));
}

function logLines(folder: string): number {
  try {
    return readFileSync(join(folder, 'runs.jsonl'), 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

describe('civsim sweep --queue with civsim worker', () => {
  it('survives a worker killed mid-run and a restarted submitter: complete, each run once, same bytes as local', async () => {
    const local = await runCivsim([...design, '--id', 'local', '-w', '2']);
    expect(local.code).toBe(0);

    const a = startWorker();
    const b = startWorker();
    let submitter: ChildProcess | undefined;
    const first = runCivsim([...design, '--id', 'queued', '--queue', redis.url], {
      onSpawn: (child) => (submitter = child),
    });
    // kill worker a while it holds a run
    const killed = await waitFor(async () => inHand(a.log)[0], 'worker a to start a run', 60_000);
    a.child!.kill('SIGKILL');
    const gone = await a.done;
    expect(gone.signal).toBe('SIGKILL');
    // interrupt the submitter once it has logged a run; worker b goes on meanwhile
    const partial = join(out, '_sweep', 'queued.partial');
    await waitFor(async () => (logLines(partial) > 0 ? true : undefined), 'a logged run', 60_000);
    submitter!.kill('SIGINT');
    const interrupted = await first;
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/--resume/);
    await new Promise((r) => setTimeout(r, 1500));

    const resumed = await runCivsim([...design, '--id', 'queued', '--queue', redis.url, '--resume']);
    expect(resumed.stderr).not.toMatch(stackLine);
    expect(resumed.code).toBe(0);
    b.child!.kill('SIGTERM');
    const stopped = await b.done;
    expect(stopped.code).toBe(0);

    // the killed run was taken again, by worker b, after its lease ran out
    expect(b.log).toMatch(new RegExp(`run ${killed} of sweep \\w+: done`));
    const folder = join(out, '_sweep', 'queued');
    const lines = readFileSync(join(folder, 'runs.jsonl'), 'utf8').split('\n').filter(Boolean);
    const runs = lines.map((line) => (JSON.parse(line) as { run: number }).run);
    expect(runs).toEqual(Array.from({ length: 12 }, (_, i) => i));
    for (const table of tables) {
      expect(readFileSync(join(folder, table), 'utf8'), table).toBe(
        readFileSync(join(out, '_sweep', 'local', table), 'utf8'),
      );
    }
  }, 240_000);

  it('refuses a second submitter of a sweep whose results another is collecting', async () => {
    let first: ChildProcess | undefined;
    let firstErr = '';
    const running = runCivsim([...design, '--id', 'first', '--queue', redis.url], {
      onSpawn: (child) => (first = child),
      onStderr: (text) => (firstErr += text),
    });
    await waitFor(async () => (/queued on/.test(firstErr) ? true : undefined), 'the first submitter', 60_000);
    await new Promise((r) => setTimeout(r, 1500)); // it has claimed the plan by now (no worker runs it)
    const second = await runCivsim([...design, '--id', 'second', '--queue', redis.url]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/another civsim is collecting this sweep's results/);
    expect(second.stderr).not.toMatch(stackLine);
    first!.kill('SIGINT');
    expect((await running).code).toBe(130);
  }, 120_000);

  it('refuses a bad queue address, or one where no Redis answers, with exit 2 and one message', async () => {
    const cases: [string[], RegExp][] = [
      [[...design, '--queue', 'http://127.0.0.1:6379'], /redis:\/\/ or rediss:\/\//],
      [[...design, '--queue', 'redis://127.0.0.1:6379', '-w', '2'], /civsim worker/],
      [
        [...design, '--queue', 'redis://127.0.0.1:1', '--id', 'nowhere'],
        /cannot reach Redis at redis:\/\/127\.0\.0\.1:1/,
      ],
      [['worker', '--queue', 'redis://127.0.0.1:1'], /cannot reach Redis/],
      [['worker', '--queue', 'redis://:secret@127.0.0.1:1'], /redis:\/\/:\*\*\*@127\.0\.0\.1:1/],
      [['worker', '--queue', redis.url, '--lease', '0'], /--lease must be a whole number/],
    ];
    for (const [args, message] of cases) {
      const r = await runCivsim(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(stackLine);
      expect(r.stderr).not.toMatch(/secret/);
    }
  }, 120_000);
});
