/**
 * Grid snapshots through the real binary: `civsim run` on a Schelling scenario writes
 * charts/snapshots.{vl.json,svg,png}, shows the chart first in index.html and lists it in the manifest;
 * the files are the same bytes on one worker or two (the snapshots travel back from the worker threads);
 * `civsim validate` reports bad steps at file:line:column.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCivsim } from './civsimProcess.ts';

let dir: string;
const town = `model: schelling
name: town
title: A small town
steps: 12
seed: 5
replicates: 3
grid: { width: 30, height: 20 }
output:
  snapshots: [0, 3, 12]
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'civsim-snapshots-'));
  await writeFile(join(dir, 'town.yaml'), town);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (scenario: string, ...args: string[]) =>
  runCivsim(['run', join(dir, scenario), '--out', join(dir, 'out'), '-q', ...args]);

describe('civsim run: snapshots of a spatial model', () => {
  let one: string;
  let two: string;

  beforeAll(async () => {
    const a = await run('town.yaml', '--id', 'one', '-w', '1');
    const b = await run('town.yaml', '--id', 'two', '-w', '2');
    expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
    [one, two] = [a.stdout.trim(), b.stdout.trim()];
  });

  it('writes the snapshot chart as a Vega-Lite spec, SVG and PNG', async () => {
    const charts = await readdir(join(one, 'charts'));
    for (const ext of ['vl.json', 'svg', 'png']) expect(charts).toContain(`snapshots.${ext}`);
    const spec = JSON.parse(await readFile(join(one, 'charts/snapshots.vl.json'), 'utf8'));
    expect(spec.title.text).toBe('The grid of replicate 0 at steps 0, 3 and 12');
    expect(spec.facet.sort).toEqual(['Step 0', 'Step 3', 'Step 12']);
    expect(spec.data.values.split('\n')[1]).toBe('0,0,0,30,20,0');
    expect(spec.spec.encoding.color.scale.domain).toEqual([
      'Empty',
      'Majority household (type 0)',
      'Minority household (type 1)',
    ]);
    const svg = await readFile(join(one, 'charts/snapshots.svg'), 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Step 12');
  });

  it('gives the same bytes with one worker or two', async () => {
    for (const file of ['charts/snapshots.vl.json', 'charts/snapshots.svg', 'charts/snapshots.png']) {
      const a = await readFile(join(one, file));
      const b = await readFile(join(two, file));
      expect(a.equals(b), file).toBe(true);
    }
  });

  it('shows the grid first in index.html and lists it in the manifest with its hashes', async () => {
    const html = await readFile(join(one, 'index.html'), 'utf8');
    expect(html).toContain('<figure id="chart-snapshots">');
    expect(html.indexOf('chart-snapshots')).toBeLessThan(html.indexOf('chart-sorting'));
    expect(html).toContain('<a href="charts/snapshots.vl.json">');
    const manifest = JSON.parse(await readFile(join(one, 'manifest.json'), 'utf8'));
    expect(manifest.charts).toEqual(['snapshots', 'sorting', 'moves']);
    const paths = manifest.files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['charts/snapshots.vl.json', 'charts/snapshots.svg']));
  });

  it('draws the first and the last step when the scenario names none, and nothing with --no-charts', async () => {
    await writeFile(join(dir, 'plain.yaml'), town.replace(/output:\n.*\n/, ''));
    const plain = await run('plain.yaml', '--id', 'plain', '-r', '1');
    expect(plain.code).toBe(0);
    const spec = JSON.parse(await readFile(join(plain.stdout.trim(), 'charts/snapshots.vl.json'), 'utf8'));
    expect(spec.facet.sort).toEqual(['Step 0', 'Step 12']);
    const bare = await run('town.yaml', '--id', 'bare', '-r', '1', '--no-charts');
    expect(bare.code).toBe(0);
    expect(existsSync(join(bare.stdout.trim(), 'charts'))).toBe(false);
  });
});

describe('civsim validate: snapshots', () => {
  it('reports steps outside the run, repeats and a model without a grid at file:line:column', async () => {
    await writeFile(join(dir, 'bad.yaml'), town.replace('[0, 3, 12]', '[0, 13, 3, 3]'));
    await writeFile(
      join(dir, 'crowd.yaml'),
      'model: threshold\nname: crowd\nsteps: 10\noutput:\n  snapshots: [0, 10]\n',
    );
    const result = await runCivsim(['validate', join(dir, 'bad.yaml'), join(dir, 'crowd.yaml')]);
    expect(result.code).toBe(2);
    const bad = join(dir, 'bad.yaml');
    expect(result.stdout + result.stderr).toContain(
      `${bad}:9:18 output.snapshots[1]: the snapshot at step 13 is after the end (step 12)`,
    );
    expect(result.stdout + result.stderr).toContain(
      `${bad}:9:25 output.snapshots[3]: step 3 is already drawn by output.snapshots[2]`,
    );
    expect(result.stdout + result.stderr).toContain(
      `${join(dir, 'crowd.yaml')}:5:3 output.snapshots: the threshold model has no grid to draw`,
    );
  });
});
