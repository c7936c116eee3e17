/**
 * `civsim run` through the real binary (node src/cli/civsim.js), as a user or a script runs it, plus the
 * progress output it prints.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgressReporter, formatDuration, progressMode } from '../../src/cli/progress.ts';
import { metricDefinitions } from '../../src/models/civil-society/metricDefinitions.ts';
import { defaultCharts } from '../../src/models/civil-society/charts.ts';
import { ngoColumns } from '../../src/models/civil-society/ngoRecord.ts';
import { parseCsv } from '../output/parseCsv.ts';
import { civsim, root, runCivsim, waitFor, type Outcome } from './civsimProcess.ts';

const fixture = (name: string) => join(root, 'test/fixtures/run', name);

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'civsim-run-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('civsim run: a complete run', () => {
  let first: Outcome;
  let folder: string;

  beforeAll(async () => {
    first = await runCivsim(['run', fixture('small.yaml'), '--out', out, '--replicates', '2', '--quiet']);
    folder = first.stdout.trim();
  });

  it('exits 0, prints only the run folder to stdout and nothing else with --quiet', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(folder).toMatch(new RegExp(`fixture-small/\\d{8}-\\d{6}-seed42$`));
    expect(existsSync(folder)).toBe(true);
    expect(existsSync(`${folder}.partial`)).toBe(false);
  });

  it('writes every file, and no INCOMPLETE marker', async () => {
    const files = await readdir(folder);
    for (const f of [
      'manifest.json',
      'series.csv',
      'annual.csv',
      'summary.csv',
      'summary_annual.csv',
      'ngos.csv',
    ]) {
      expect(files).toContain(f);
    }
    expect(files).toContain('index.html');
    expect(files).not.toContain('INCOMPLETE');
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]); // no temp files left
    const charts = await readdir(join(folder, 'charts'));
    for (const c of defaultCharts) {
      for (const ext of ['vl.json', 'svg', 'png']) expect(charts).toContain(`${c.id}.${ext}`);
    }
  });

  it('writes CSVs with the documented headers that parse as rectangular tables', async () => {
    const headers: Record<string, string> = {
      'series.csv': 'replicate,date,metric,value',
      'annual.csv': 'replicate,year,metric,value',
      'summary.csv': 'date,metric,n,mean,sd,ci95_low,ci95_high,min,max',
      'summary_annual.csv': 'year,metric,n,mean,sd,ci95_low,ci95_high,min,max',
    };
    for (const [file, header] of Object.entries(headers)) {
      const text = await readFile(join(folder, file), 'utf8');
      expect(text.split('\n')[0], file).toBe(header);
      expect(text.endsWith('\n')).toBe(true);
      expect(text).not.toContain('\r');
      const rows = parseCsv(text);
      const width = header.split(',').length;
      expect(
        rows.every((r) => r.length === width),
        file,
      ).toBe(true);
    }
    const series = parseCsv(await readFile(join(folder, 'series.csv'), 'utf8')).slice(1);
    expect(new Set(series.map((r) => r[0]))).toEqual(new Set(['0', '1']));
    expect(series[0][1]).toBe('2000-01');
    expect(series.at(-1)![1]).toBe('2004-12');
    // 2 replicates x 60 months x every metric
    const metrics = new Set(series.map((r) => r[2]));
    expect(series).toHaveLength(2 * 60 * metrics.size);
    const summary = parseCsv(await readFile(join(folder, 'summary.csv'), 'utf8')).slice(1);
    // n counts the replicates with a value: both, except for shares of nothing (documented as missing)
    const canBeMissing = new Set<string>(metricDefinitions.filter((m) => m.missing).map((m) => m.id));
    expect(summary.every((r) => r[2] === '2' || (canBeMissing.has(r[1]) && ['0', '1'].includes(r[2])))).toBe(
      true,
    );
    expect(summary.filter((r) => !canBeMissing.has(r[1])).every((r) => r[2] === '2')).toBe(true);
    const ngos = (await readFile(join(folder, 'ngos.csv'), 'utf8')).split('\n')[0];
    expect(ngos).toBe(`replicate,${ngoColumns.join(',')}`);
  });

  it('writes a manifest that describes the run and every file in it', async () => {
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.seed).toBe(42);
    expect(manifest.replicates).toBe(2);
    expect(manifest.resolvedScenario.replicates).toBe(2); // the override is in the resolved scenario
    expect(manifest.scenario.name).toBe('fixture-small');
    expect(manifest.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.scenario.hash).not.toBe(manifest.scenario.loadedHash); // replicates was overridden
    expect(manifest.scenario.files).toHaveLength(1);
    expect(manifest.scenario.files[0]).toMatch(/small\.yaml$/);
    expect(manifest.scenario.overrides).toEqual({ replicates: 2 });
    expect(manifest.replicateSeeds.map((r: { replicate: number }) => r.replicate)).toEqual([0, 1]);
    expect(typeof manifest.replicateSeeds[0].seedKey).toBe('string');
    expect(manifest.civsim.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.civsim.gitCommit === null || /^[0-9a-f]{40}$/.test(manifest.civsim.gitCommit)).toBe(true);
    expect(manifest.environment.node).toBe(process.version);
    expect(manifest.environment.platform).toBe(process.platform);
    expect(manifest.command.line).toMatch(/^civsim run .*small\.yaml --out .* --replicates 2 --quiet$/);
    expect(Number.isNaN(Date.parse(manifest.startedAt))).toBe(false);
    expect(manifest.wallSeconds).toBeGreaterThan(0);
    const listed = manifest.files.map((f: { path: string }) => f.path).sort();
    expect(listed).toContain('series.csv');
    expect(listed).toContain('index.html');
    expect(listed).toContain('charts/csi.png');
    for (const f of manifest.files as { path: string; bytes: number; sha256: string }[]) {
      const bytes = await readFile(join(folder, f.path));
      expect(bytes.length, f.path).toBe(f.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
    }
  });

  it('writes an offline index.html with the escaped scenario title and every chart inline', async () => {
    const html = await readFile(join(folder, 'index.html'), 'utf8');
    expect(html).toContain('Small fixture: registration &amp; grants');
    expect(html).not.toMatch(/\ssrc\s*=\s*["']?https?:/i);
    expect((html.match(/<svg\b/g) ?? []).length).toBe(defaultCharts.length);
    expect(html).toContain('Re-registration drive');
    // no times in the page (they live in manifest.json only)
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('gives byte-identical tables for the same seed and different ones for another seed', async () => {
    const again = await runCivsim([
      'run',
      fixture('small.yaml'),
      '--out',
      out,
      '-r',
      '2',
      '--no-charts',
      '-q',
    ]);
    expect(again.code).toBe(0);
    const second = again.stdout.trim();
    expect(second).not.toBe(folder); // a new run folder, never overwritten
    for (const file of ['series.csv', 'annual.csv', 'summary.csv', 'summary_annual.csv', 'ngos.csv']) {
      const a = await readFile(join(folder, file));
      const b = await readFile(join(second, file));
      expect(a.equals(b), file).toBe(true);
    }
    const other = await runCivsim([
      'run',
      fixture('small.yaml'),
      '--out',
      out,
      '-r',
      '2',
      '--seed',
      '43',
      '--no-charts',
      '-q',
    ]);
    expect(other.code).toBe(0);
    expect(other.stdout.trim()).toMatch(/seed43$/);
    const a = await readFile(join(folder, 'series.csv'));
    const c = await readFile(join(other.stdout.trim(), 'series.csv'));
    expect(a.equals(c)).toBe(false);
  });

  it('refuses an --id that is already taken (exit 2) and uses a free one', async () => {
    const named = await runCivsim([
      'run',
      fixture('small.yaml'),
      '--out',
      out,
      '-r',
      '1',
      '--no-charts',
      '-q',
      '--id',
      'baseline',
    ]);
    expect(named.code).toBe(0);
    expect(named.stdout.trim()).toBe(join(out, 'fixture-small', 'baseline'));
    const taken = await runCivsim([
      'run',
      fixture('small.yaml'),
      '--out',
      out,
      '-r',
      '1',
      '--no-charts',
      '-q',
      '--id',
      'baseline',
    ]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/baseline already exists/);
  });
});

describe('civsim run: bad input exits 2', () => {
  it('lists every problem of an invalid scenario as file:line:col', async () => {
    const result = await runCivsim(['run', fixture('invalid.yaml'), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid\.yaml:2:\d+ name:/);
    expect(result.stderr).toMatch(/invalid\.yaml:\d+:\d+ replicates:/);
    expect(result.stderr).toMatch(/invalid\.yaml:\d+:\d+ population\.citizens:/);
    expect(result.stdout).toBe('');
    expect(existsSync(join(out, 'Not A Valid Name'))).toBe(false);
  });

  it('reports a missing scenario file', async () => {
    const result = await runCivsim(['run', fixture('no-such-file.yaml'), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no-such-file\.yaml/);
  });

  it.each([
    [['--replicates', 'abc'], /--replicates must be a whole number/],
    [['--replicates', '0'], /--replicates must be a whole number from 1/],
    [['--seed', '1.5'], /--seed must be a whole number/],
    [['--scale', '0'], /--scale must be a number greater than 0/],
    [['--scale', '-2'], /--scale must be a number greater than 0/],
    [['--id', '../escape'], /--id .* cannot name a run folder/],
    [['--no-such-option'], /Unknown argument/],
  ])('rejects %j without running', async (args, message) => {
    const result = await runCivsim(['run', fixture('small.yaml'), '--out', out, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/running fixture-small/);
  });

  it('rejects overrides that make the scenario invalid', async () => {
    // 2,000 citizens x 100,000 is above the schema's 50 million
    const result = await runCivsim(['run', fixture('small.yaml'), '--out', out, '--scale', '100000']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/population\.citizens/);
  });

  it('shows help with examples', async () => {
    const result = await runCivsim(['run', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Examples:/);
    expect(result.stdout).toMatch(/--replicates/);
  });
});

describe('civsim run: interruption', () => {
  it('on SIGINT exits 130 and leaves only a .partial folder marked INCOMPLETE', async () => {
    const target = join(out, 'interrupt');
    const child = spawn(
      process.execPath,
      [civsim, 'run', fixture('long.yaml'), '--out', target, '--quiet', '--yes'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const scenarioFolder = join(target, 'fixture-long');
    const partial = await waitFor(async () => {
      const entries = existsSync(scenarioFolder) ? await readdir(scenarioFolder) : [];
      const name = entries.find((e) => e.endsWith('.partial'));
      return name && existsSync(join(scenarioFolder, name, 'INCOMPLETE')) ? name : undefined;
    }, 'the .partial folder');
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    expect(await readdir(scenarioFolder)).toEqual([partial]);
    const files = await readdir(join(scenarioFolder, partial));
    expect(files).toContain('INCOMPLETE');
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]);
    const note = await readFile(join(scenarioFolder, partial, 'INCOMPLETE'), 'utf8');
    expect(note).toMatch(/did not finish: interrupted by SIGINT/);
    expect(note).toMatch(/civsim run .*long\.yaml/);
  });
});

describe('progress output', () => {
  function capture() {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (d: Buffer) => (text += d.toString()));
    return { stream, text: () => text };
  }

  it('is a bar on a terminal, lines elsewhere, nothing with --quiet', () => {
    expect(progressMode(false, true)).toBe('bar');
    expect(progressMode(false, false)).toBe('lines');
    expect(progressMode(false, undefined)).toBe('lines');
    expect(progressMode(true, true)).toBe('quiet');
  });

  const started = {
    kind: 'started',
    scenario: 'demo',
    replicates: 2,
    seed: 7,
    workers: 2,
    folder: 'results/demo/x.partial',
  } as const;
  const progress = (done: number, ticksDone: number, building = 0) =>
    ({ kind: 'progress', progress: { replicates: 2, done, ticksDone, ticksTotal: 24, building } }) as const;

  it('prints one line per finished replicate with the time so far and left, without a terminal', () => {
    const out = capture();
    let now = 0;
    const reporter = createProgressReporter('lines', out.stream, () => now);
    reporter.event(started);
    for (let t = 1; t <= 24; t++) {
      now += 250;
      reporter.event(progress(t >= 12 ? (t >= 24 ? 2 : 1) : 0, t));
    }
    reporter.event({ kind: 'file', path: 'series.csv', index: 0, total: 3 });
    reporter.event({ kind: 'file', path: 'annual.csv', index: 1, total: 3 });
    reporter.stop();
    expect(out.text().trimEnd().split('\n')).toEqual([
      'civsim: running demo: 2 replicate(s) on 2 worker(s), seed 7',
      'civsim: writing to results/demo/x.partial',
      'civsim: 1/2 replicates done, 50% simulated (3.0 s so far, about 3.0 s left)',
      'civsim: 2/2 replicates done, 100% simulated (6.0 s so far, about 0.0 s left)',
      'civsim: writing 3 output files',
    ]);
  });

  it('says something at least every few seconds while a long phase gives no news', async () => {
    const out = capture();
    const reporter = createProgressReporter('lines', out.stream, Date.now, 200);
    reporter.event(started);
    await new Promise((resolve) => setTimeout(resolve, 350));
    reporter.event(progress(0, 0, 2));
    await new Promise((resolve) => setTimeout(resolve, 450));
    reporter.stop();
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toContain('civsim: starting the workers…');
    expect(
      lines.some((l) =>
        /^civsim: 0\/2 replicates done, 0% simulated; 2 building their population \(/.test(l),
      ),
    ).toBe(true);
  });

  it('draws bars on a terminal: the replicates, then the files up to the manifest', () => {
    const out = capture();
    Object.assign(out.stream, { isTTY: true, columns: 120 });
    const reporter = createProgressReporter('bar', out.stream);
    reporter.event(started);
    reporter.event(progress(1, 12));
    reporter.event(progress(2, 24));
    // five outputs announced, then the manifest: six files in all
    for (let i = 0; i < 5; i++) reporter.event({ kind: 'file', path: `f${i}.csv`, index: i, total: 5 });
    reporter.event({ kind: 'file', path: 'manifest.json', index: 5, total: 6 });
    reporter.event({ kind: 'file', path: 'manifest.json', index: 6, total: 6 });
    reporter.stop();
    const text = out.text();
    expect(text).toMatch(/demo \|█+\| 100% \| 2\/2 replicates/);
    expect(text).toMatch(/6\/6 files \| manifest\.json/);
    expect(text).not.toMatch(/6\/5 files/);
  });

  it('prints nothing when quiet', () => {
    const out = capture();
    const reporter = createProgressReporter('quiet', out.stream);
    reporter.event(started);
    reporter.event(progress(1, 12));
    reporter.note('hello');
    expect(out.text()).toBe('');
  });

  it('formats durations for people', () => {
    expect(formatDuration(1.234)).toBe('1.2 s');
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(245)).toBe('4 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
    expect(formatDuration(3 * 86_400 + 4 * 3600)).toBe('3 d 04 h');
    expect(formatDuration(Number.NaN)).toBe('?');
  });
});
