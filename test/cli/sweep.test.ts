/**
 * `civsim sweep` on the real binary: a grid over Granovetter's normal thresholds (its folder, tables and
 * report, the tipping point visible in them); Ctrl-C leaves the finished runs and `--resume` completes
 * the sweep to exactly the bytes of an uninterrupted one; bad designs are refused before anything runs,
 * with exit 2, one message and no stack trace.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCivsim, stackLine } from './civsimProcess.ts';

const out = mkdtempSync(join(tmpdir(), 'civsim-sweep-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const normal = 'scenarios/classics/threshold-normal.yaml';
const tables = ['points.csv', 'runs.csv', 'summary.csv', 'runs.jsonl'];

describe('civsim sweep', () => {
  it('sweeps a grid: tables, charts and reports in <out>/_sweep/<id>, the tipping point in the numbers', async () => {
    const r = await runCivsim([
      'sweep',
      normal,
      '-p',
      'population.thresholds.sd=0.02,0.08,0.14,0.2',
      '-r',
      '4',
      '-w',
      '2',
      '-o',
      out,
      '--id',
      'grid',
    ]);
    expect(r.stderr).not.toMatch(stackLine);
    expect(r.code).toBe(0);
    const folder = join(out, '_sweep', 'grid');
    expect(r.stdout.trim()).toBe(folder);
    expect(readdirSync(folder).sort()).toEqual([
      'charts',
      'plan.json',
      'points.csv',
      'report.html',
      'report.md',
      'runs.csv',
      'runs.jsonl',
      'summary.csv',
    ]);
    expect(readdirSync(join(folder, 'charts')).sort()).toEqual([
      'response.png',
      'response.svg',
      'response.vl.json',
    ]);
    expect(r.stderr).toMatch(/4 points \(grid\) × 4 replicates = 16 runs/);
    const plan = JSON.parse(readFileSync(join(folder, 'plan.json'), 'utf8')) as {
      runs: number;
      plan: string;
    };
    expect(plan.runs).toBe(16);
    expect(readFileSync(join(folder, 'points.csv'), 'utf8')).toBe(
      'point,population.thresholds.sd\n0,0.02\n1,0.08\n2,0.14\n3,0.2\n',
    );
    // Granovetter: a narrow spread leaves the crowd at home, a wide one tips it
    const acting = readFileSync(join(folder, 'summary.csv'), 'utf8')
      .trim()
      .split('\n')
      .filter((line) => /,participation,60,/.test(line))
      .map((line) => Number(line.split(',')[5]));
    expect(acting).toHaveLength(4);
    expect(acting[0]).toBeLessThan(0.1);
    expect(acting[3]).toBeGreaterThan(0.5);
    expect(readFileSync(join(folder, 'report.md'), 'utf8')).toMatch(/## What matters/);
  }, 120_000);

  it("runs the design kept in the scenario's sweep: block, the command line overriding its sizes", async () => {
    const r = await runCivsim(['sweep', normal, '--levels', '3', '-r', '2', '-o', out, '--id', 'block']);
    expect(r.stderr).not.toMatch(stackLine);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/3 points \(grid\) × 2 replicates = 6 runs/);
    expect(readFileSync(join(out, '_sweep', 'block', 'points.csv'), 'utf8')).toBe(
      'point,population.thresholds.sd\n0,0.02\n1,0.16\n2,0.3\n',
    );
  }, 120_000);

  it('stops on Ctrl-C keeping the finished runs; --resume completes it to the same bytes', async () => {
    const args = [
      'sweep',
      'scenarios/status-quo.yaml',
      '-p',
      'levers.repression.level=0.1,0.5',
      '-p',
      'levers.legitimacy=0.3,0.7',
      '--scale',
      '0.05',
      '-r',
      '3',
      '-o',
      out,
      '-m',
      'trust,active_per_10k',
    ];
    let child: ChildProcess | undefined;
    let sent = false;
    const log = join(out, '_sweep', 'stopped.partial', 'runs.jsonl');
    const stopped = await runCivsim([...args, '-w', '1', '--id', 'stopped'], {
      onSpawn: (c) => {
        child = c;
        const timer = setInterval(() => {
          if (!sent && existsSync(log) && readFileSync(log, 'utf8').split('\n').length > 3) {
            sent = true;
            child?.kill('SIGINT');
            clearInterval(timer);
          }
        }, 20);
        c.on('close', () => clearInterval(timer));
      },
    });
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/--resume --id stopped/);
    const incomplete = readFileSync(join(out, '_sweep', 'stopped.partial', 'INCOMPLETE'), 'utf8');
    expect(incomplete).toMatch(/interrupted/);
    // the command it gives to continue names --id once (yargs refuses an option given twice)
    const rerun = incomplete.split('\n').find((line) => line.includes('civsim sweep'))!;
    expect(rerun).toMatch(/--resume/);
    expect(rerun.match(/--id/g)).toHaveLength(1);
    const kept = readFileSync(log, 'utf8').trim().split('\n').length;
    expect(kept).toBeLessThan(12);
    const resumed = await runCivsim([...args, '-w', '1', '--id', 'stopped', '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`\\(${kept} from before\\)|${kept}/12`));
    const whole = await runCivsim([...args, '--id', 'whole', '-w', '2']);
    expect(whole.code).toBe(0);
    for (const table of tables) {
      expect(readFileSync(join(out, '_sweep', 'stopped', table), 'utf8')).toBe(
        readFileSync(join(out, '_sweep', 'whole', table), 'utf8'),
      );
    }
  }, 240_000);

  it.each([
    [
      ['-p', 'population.thresholds.spread=0:1'],
      /no value at population\.thresholds\.spread[\s\S]*did you mean/,
    ],
    [['-p', 'population.thresholds.kind=1,2'], /is not a number/],
    [['-p', 'population.thresholds.sd=0.3:0.1'], /is empty/],
    [['-p', 'population.thresholds.sd=0.1:2'], /2 is not a value population\.thresholds\.sd can take/],
    [['-p', 'population.thresholds.sd=0.1:0.3', '-d', 'sobol', '-n', '8'], /samples ≥ 16/],
    [['-p', 'population.thresholds.sd=0.1:0.3', '-d', 'morris', '-n', '1'], /samples ≥ 2/],
    [['-p', 'population.thresholds.sd=0.1:0.3', '--shard', '4/3'], /--shard takes k\/n/],
    [['-p', 'population.thresholds.sd=0.1:0.3', '--resume'], /no unfinished sweep to resume at/],
    [['-p', 'population.thresholds.sd'], /expected PATH=VALUES/],
    [['--levels', '1'], /grid needs levels ≥ 2/],
    [['-p', 'seed=1,2'], /seed cannot be swept/],
    [['-p', 'population.thresholds.sd=0.1:0.3', '-m', 'participatoin'], /did you mean participation/],
    // a step model's outcomes are steps: --steps is --years' other name, and the refusal says steps
    [
      ['-p', 'population.thresholds.sd=0.1:0.3', '--steps', '999'],
      /--steps: 999 is not within the run \(0 to 60\)/,
    ],
    [
      ['-p', 'population.thresholds.sd=0.1:0.3', '--steps', 'x'],
      /--years \(--steps\) takes years \(or steps\)/,
    ],
  ])('refuses %j with exit 2 before running anything', async (extra, message) => {
    const r = await runCivsim(['sweep', normal, '-o', out, '--id', 'refused', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(stackLine);
    expect(existsSync(join(out, '_sweep', 'refused.partial'))).toBe(false);
  });
});
