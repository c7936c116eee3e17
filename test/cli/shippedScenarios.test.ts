/**
 * Every shipped scenario validates and runs through the real binary (small scale, one replicate), and the
 * policy archetypes differ from the status quo in the direction each claims.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../output/parseCsv.ts';
import { modelById } from '../../src/models/registry.ts';
import { loadScenario } from '../../src/node/index.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const civsim = join(root, 'src/cli/civsim.js');
const scenarios = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const classics = readdirSync(join(root, 'scenarios', 'classics'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `classics/${f}`);

let out = '';
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'civsim-shipped-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** Final-year mean of a metric in a run folder's summary_annual.csv. */
async function finalYear(dir: string, metric: string): Promise<number> {
  const rows = parseCsv(await readFile(join(dir, 'summary_annual.csv'), 'utf8'));
  const header = rows[0];
  const [year, id, mean] = ['year', 'metric', 'mean'].map((k) => header.indexOf(k));
  const hits = rows.slice(1).filter((r) => r[id] === metric);
  const last = hits.reduce((a, b) => (Number(b[year]) > Number(a[year]) ? b : a));
  return Number(last[mean]);
}

describe('shipped scenarios', () => {
  it('there are the Kazakhstan scenario and at least four archetypes', () => {
    expect(scenarios).toContain('kazakhstan.yaml');
    expect(scenarios.length).toBeGreaterThanOrEqual(5);
  });

  it('all validate with the real binary', async () => {
    const { stdout } = await run(
      process.execPath,
      [civsim, 'validate', ...[...scenarios, ...classics].map((f) => join('scenarios', f))],
      {
        cwd: root,
      },
    );
    expect(stdout.trim().split('\n')).toHaveLength(scenarios.length + classics.length);
  });

  it.each(classics)(
    '%s (a step model) runs to a complete folder with per-step tables and charts',
    async (file) => {
      const { stdout } = await run(
        process.execPath,
        [civsim, 'run', join('scenarios', file), '-r', '2', '-q', '--out', out],
        {
          cwd: root,
        },
      );
      const dir = stdout.trim();
      // the model's first metric and first default chart (threshold: participation; schelling: happy, sorting)
      const model = modelById((await loadScenario(join(root, 'scenarios', file))).scenario.model);
      const series = await readFile(join(dir, 'series.csv'), 'utf8');
      expect(series.split('\n')[0]).toBe('replicate,step,metric,value');
      expect(series.split('\n')[1]).toMatch(new RegExp(`^0,0,${model.metrics[0].id},`));
      const summary = await readFile(join(dir, 'summary.csv'), 'utf8');
      expect(summary.split('\n')[0]).toBe('step,metric,n,mean,sd,ci95_low,ci95_high,min,max');
      const files = await readdir(dir);
      expect(files).not.toContain('annual.csv');
      expect(files).not.toContain('summary_annual.csv');
      const charts = await readdir(join(dir, 'charts'));
      expect(charts).toContain(`${model.charts[0].id}.svg`);
      const html = await readFile(join(dir, 'index.html'), 'utf8');
      expect(html).toMatch(/Final values/);
      expect(html).not.toMatch(/Currency/);
    },
  );

  const folders = new Map<string, string>();
  it.each(scenarios)('%s runs to a complete folder', async (file) => {
    const { stdout } = await run(
      process.execPath,
      [
        civsim,
        'run',
        join('scenarios', file),
        '--scale',
        '0.1',
        '-r',
        '2',
        '--no-charts',
        '-q',
        '--out',
        out,
      ],
      { cwd: root },
    );
    const dir = stdout.trim();
    expect(dir.endsWith('.partial')).toBe(false);
    const summary = await readFile(join(dir, 'summary.csv'), 'utf8');
    expect(summary.split('\n').length).toBeGreaterThan(1000);
    folders.set(file.replace('.yaml', ''), dir);
  });

  it('the archetypes move the sector the way they say', async () => {
    const at = (name: string, metric: string) => finalYear(folders.get(name)!, metric);
    // co-optation funds loyal groups: less autonomy than merit-based partnership with the same money
    expect(await at('co-optation', 'autonomy_independent')).toBeLessThan(
      await at('merit-partnership', 'autonomy_independent'),
    );
    // restrictive rules cut foreign money and civic space below the laissez-faire state
    expect(await at('restrictive', 'funding_foreign')).toBeLessThan(
      await at('laissez-faire', 'funding_foreign'),
    );
    expect(await at('restrictive', 'civic_space')).toBeLessThan(await at('laissez-faire', 'civic_space'));
    // the state's share of NGO money is far larger under merit partnership than when the state steps back
    expect(await at('merit-partnership', 'state_funding_share')).toBeGreaterThan(
      (await at('laissez-faire', 'state_funding_share')) + 0.2,
    );
  });
});
