/**
 * Shards and `civsim merge` on the real binary: a sweep run as three shards and merged is the same bytes
 * as the sweep run in one piece; a merge refuses (exit 2, nothing written) a missing shard, a shard given
 * twice, shards of different sweeps, an unfinished shard and a log with a run recorded twice.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCivsim, stackLine } from './civsimProcess.ts';

const out = mkdtempSync(join(tmpdir(), 'civsim-merge-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const sweeps = join(out, '_sweep');
const sweep = [
  'sweep',
  'scenarios/classics/threshold-normal.yaml',
  '-p',
  'population.thresholds.sd=0.02:0.3',
  '-d',
  'lhs',
  '-n',
  '10',
  '-r',
  '2',
  '-o',
  out,
  '-q',
];
const shard = (id: string, k: number, extra: string[] = []) =>
  runCivsim([...sweep, ...extra, '--id', id, '--shard', `${k}/3`]);

beforeAll(async () => {
  for (const k of [1, 2, 3]) expect((await shard('big', k)).code).toBe(0);
  expect((await runCivsim([...sweep, '--id', 'whole'])).code).toBe(0);
  // another sweep's shard (another seed)
  expect((await shard('other', 2, ['--seed', '7'])).code).toBe(0);
}, 240_000);

describe('civsim merge', () => {
  it('joins three shards into exactly the sweep run in one piece', async () => {
    const r = await runCivsim(['merge', ...[1, 2, 3].map((k) => join(sweeps, `big.shard-${k}-of-3`))]);
    expect(r.stderr).toMatch(/merged 3 shards, 20 runs/);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join(sweeps, 'big'));
    for (const table of ['points.csv', 'runs.csv', 'summary.csv', 'runs.jsonl']) {
      expect(readFileSync(join(sweeps, 'big', table), 'utf8')).toBe(
        readFileSync(join(sweeps, 'whole', table), 'utf8'),
      );
    }
    // each shard ran only its own runs
    const lines = [1, 2, 3].map(
      (k) =>
        readFileSync(join(sweeps, `big.shard-${k}-of-3`, 'runs.jsonl'), 'utf8')
          .trim()
          .split('\n').length,
    );
    expect(lines).toEqual([7, 7, 6]);
  }, 120_000);

  it.each([
    ['a missing shard', () => [1, 3].map((k) => join(sweeps, `big.shard-${k}-of-3`)), /shard 2\/3 missing/],
    [
      'a shard given twice',
      () => [1, 2, 2, 3].map((k) => join(sweeps, `big.shard-${k}-of-3`)),
      /given twice/,
    ],
    [
      'shards of different sweeps',
      () => [join(sweeps, 'big.shard-1-of-3'), join(sweeps, 'other.shard-2-of-3')],
      /another sweep/,
    ],
    ['a whole sweep', () => [join(sweeps, 'whole')], /not a shard/],
  ])('refuses %s with exit 2', async (_, folders, message) => {
    const r = await runCivsim(['merge', ...folders(), '--id', 'refused']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(stackLine);
    expect(existsSync(join(sweeps, 'refused.partial'))).toBe(false);
  });

  it('refuses an unfinished shard and a log with a run recorded twice', async () => {
    cpSync(join(sweeps, 'big.shard-2-of-3'), join(sweeps, 'copy.shard-2-of-3.partial'), { recursive: true });
    const unfinished = await runCivsim([
      'merge',
      join(sweeps, 'big.shard-1-of-3'),
      join(sweeps, 'copy.shard-2-of-3.partial'),
      join(sweeps, 'big.shard-3-of-3'),
      '--id',
      'refused',
    ]);
    expect(unfinished.code).toBe(2);
    expect(unfinished.stderr).toMatch(/unfinished shard/);
    const damaged = join(sweeps, 'damaged.shard-3-of-3');
    cpSync(join(sweeps, 'big.shard-3-of-3'), damaged, { recursive: true });
    appendFileSync(
      join(damaged, 'runs.jsonl'),
      readFileSync(join(damaged, 'runs.jsonl'), 'utf8').split('\n')[0] + '\n',
    );
    const twice = await runCivsim([
      'merge',
      join(sweeps, 'big.shard-1-of-3'),
      join(sweeps, 'big.shard-2-of-3'),
      damaged,
      '--id',
      'refused',
    ]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/damaged/);
    expect(readdirSync(sweeps)).not.toContain('refused.partial');
  }, 60_000);
});
