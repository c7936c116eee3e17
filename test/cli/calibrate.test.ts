/**
 * `civsim calibrate` on the real binary — the CI smoke calibration: a toy scenario (Granovetter's crowd
 * of 2,000 with normal thresholds) whose targets are made by the model itself at a known spread, sd 0.2;
 * the calibration must find it again: posterior median near 0.2, a 95% interval that holds it and is far
 * narrower than the prior, and a calibrated scenario that extends the toy with it. An interrupted
 * calibration resumed gives the same posterior, byte for byte. Bad targets and parameters: exit 2.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runCivsim, stackLine } from './civsimProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'civsim-calibrate-'));
const out = join(dir, 'out');
const toy = join(dir, 'toy.yaml');
const targets = join(dir, 'targets.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const calibrateArgs = (id: string) => [
  'calibrate',
  toy,
  '-t',
  targets,
  '-p',
  'population.thresholds.sd=0.1:0.3',
  '-n',
  '60',
  '--generations',
  '6',
  '--no-charts',
  '-o',
  out,
  '--id',
  id,
];

beforeAll(async () => {
  writeFileSync(
    toy,
    `extends: ${join(root, 'scenarios/classics/threshold-normal.yaml')}\nname: toy\nsteps: 8\npopulation:\n  agents: 2000\n  thresholds:\n    sd: 0.2\n`,
  );
  // the truth: 20 replicates at sd 0.2; targets are its mean share acting after steps 1–3, ± its sd
  const truth = await runCivsim(['run', toy, '-r', '20', '-o', out, '--id', 'truth', '--no-charts', '-q']);
  expect(truth.code).toBe(0);
  const rows = readFileSync(join(out, 'toy', 'truth', 'summary.csv'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const lines = ['1', '2', '3'].map((step) => {
    const row = rows.find((r) => r[0] === step && r[1] === 'participation')!;
    return `${step},participation,${row[3]},${row[4]},share acting after step ${step},"toy.yaml at sd 0.2, 20 replicates"`;
  });
  writeFileSync(targets, `date,metric,value,sd_or_tolerance,definition,source\n${lines.join('\n')}\n`);
}, 120_000);

function summary(folder: string): Record<string, number> {
  const [head, row] = readFileSync(join(folder, 'summary.csv'), 'utf8').trim().split('\n');
  const names = head.split(',');
  return Object.fromEntries(row.split(',').map((cell, i) => [names[i], Number(cell)]));
}

describe('civsim calibrate', () => {
  it('recovers the known spread of a toy crowd, and writes the posterior, the calibrated scenario and the report', async () => {
    const r = await runCivsim(calibrateArgs('smoke'));
    expect(r.stderr).not.toMatch(stackLine);
    expect(r.code).toBe(0);
    const folder = join(out, '_calibrate', 'smoke');
    expect(r.stdout.trim()).toBe(folder);
    const s = summary(folder);
    expect(Math.abs(s.median - 0.2)).toBeLessThan(0.015);
    expect(s.ci95_low).toBeLessThan(0.2);
    expect(s.ci95_high).toBeGreaterThan(0.2);
    expect(s.interval_share_of_prior).toBeLessThan(0.3);
    for (const file of [
      'posterior.csv',
      'particles.csv',
      'generations.csv',
      'fit.csv',
      'report.md',
      'report.html',
    ]) {
      expect(existsSync(join(folder, file)), file).toBe(true);
    }
    const posterior = readFileSync(join(folder, 'posterior.csv'), 'utf8').trim().split('\n');
    expect(posterior[0]).toBe('particle,generation,index,weight,distance,population.thresholds.sd');
    expect(posterior).toHaveLength(31); // α N = 30 particles
    const weights = posterior.slice(1).map((line) => Number(line.split(',')[3]));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    // the calibrated scenario extends the toy and validates
    const calibrated = join(folder, 'toy-calibrated.yaml');
    const text = readFileSync(calibrated, 'utf8');
    expect(text).toMatch(/^extends: \.\.\/\.\.\/\.\.\/toy\.yaml$/m);
    const sd = Number(/^\s+sd: ([\d.]+)$/m.exec(text)?.[1]);
    expect(Math.abs(sd - 0.2)).toBeLessThan(0.015);
    const valid = await runCivsim(['validate', calibrated]);
    expect(valid.code).toBe(0);
    const report = readFileSync(join(folder, 'report.md'), 'utf8');
    expect(report).toMatch(/## Posterior/);
    expect(report).toMatch(/3 of 3 fitted observations are within 2 sd/);
  }, 180_000);

  it('resumes an interrupted calibration to the same posterior, byte for byte', async () => {
    let child: ChildProcess | undefined;
    const interrupted = await runCivsim(calibrateArgs('resumed'), {
      onSpawn: (c) => (child = c),
      onStderr: (text) => {
        if (/generation 2 done/.test(text)) child?.kill('SIGINT');
      },
    });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/--resume --id resumed/);
    const resumed = await runCivsim([...calibrateArgs('resumed'), '--resume']);
    expect(resumed.stderr).not.toMatch(stackLine);
    expect(resumed.code).toBe(0);
    for (const file of ['posterior.csv', 'particles.csv', 'generations.csv', 'summary.csv']) {
      expect(readFileSync(join(out, '_calibrate', 'resumed', file), 'utf8'), file).toBe(
        readFileSync(join(out, '_calibrate', 'smoke', file), 'utf8'),
      );
    }
  }, 180_000);

  it('runs in shards (--shard k/n, rounds of a batch scheduler) to the same posterior, byte for byte', async () => {
    const finished = join(out, '_calibrate', 'sharded');
    let rounds = 0;
    const said: string[] = [];
    while (!existsSync(finished) && rounds < 20) {
      rounds++;
      for (const shard of ['2/2', '1/2']) {
        const r = await runCivsim([...calibrateArgs('sharded'), '--shard', shard]);
        expect(r.stderr).not.toMatch(stackLine);
        expect(r.code, r.stderr).toBe(0);
        said.push(r.stderr);
      }
    }
    expect(existsSync(finished)).toBe(true);
    expect(said.join('')).toMatch(/shard 2\/2 is done; waiting for shard 1/);
    expect(said.join('')).toMatch(/shard 1 writes its results/);
    for (const file of ['posterior.csv', 'particles.csv', 'generations.csv', 'summary.csv']) {
      expect(readFileSync(join(finished, file), 'utf8'), file).toBe(
        readFileSync(join(out, '_calibrate', 'smoke', file), 'utf8'),
      );
    }
    // one round per generation, and one more to join the last and write the results
    const generations = readFileSync(join(finished, 'generations.csv'), 'utf8').trim().split('\n').length - 1;
    expect(rounds).toBe(generations + 1);
  }, 300_000);

  it('refuses bad targets and parameters before anything runs, with exit 2 and no stack trace', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'date,metric,value,sd_or_tolerance,definition,source\n3,partcipation,0.5,0.1,x,y\n');
    const cases: [string[], RegExp][] = [
      [
        ['calibrate', toy, '-t', bad, '-p', 'population.thresholds.sd=0.1:0.3'],
        new RegExp(`${bad}:2:3 metric: .*\\n  hint: did you mean participation`),
      ],
      [['calibrate', toy, '-t', targets, '-p', 'population.thresholds.sd=0.1,0.2'], /needs a prior range/],
      [['calibrate', toy, '-t', targets, '-p', 'population.nothing=0:1'], /population\.nothing/],
      [['calibrate', toy, '-t', targets], /at least one --param/],
      [
        ['calibrate', toy, '-t', targets, '-p', 'population.thresholds.sd=0.1:0.3', '--alpha', '1.5'],
        /--alpha must be a number between 0 and 1/,
      ],
      [
        [
          'calibrate',
          'scenarios/kazakhstan.yaml',
          '-t',
          'scenarios/calibration/kazakhstan-targets.csv',
          '-p',
          'levers.repression.level=0:1',
        ],
        /policy lever/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await runCivsim([...args, '-o', out]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(stackLine);
    }
  }, 120_000);
});
