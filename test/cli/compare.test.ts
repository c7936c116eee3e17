/**
 * `civsim compare` on the real binary with shipped scenarios: a small paired comparison (its folder,
 * tables, report and manifests), and bad input refused with exit 2 and one line, no stack trace.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, runCivsim } from './civsimProcess.ts';

const out = mkdtempSync(join(tmpdir(), 'civsim-compare-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const quick = ['--scale', '0.02', '-r', '3', '-w', '2', '-o', out];

describe('civsim compare', () => {
  it('compares two policies with paired replicates: tables, report and manifests', async () => {
    const r = await runCivsim([
      'compare',
      'scenarios/status-quo.yaml',
      'scenarios/restrictive.yaml',
      '--years',
      '2030',
      '--id',
      'two',
      ...quick,
    ]);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.code).toBe(0);
    const folder = r.stdout.trim();
    expect(folder).toBe(join(out, '_compare', 'two'));
    // .ci/run installs Debian's chromium, which prints report.pdf
    expect(readdirSync(folder).sort()).toEqual([
      'charts',
      'comparison.csv',
      'report.html',
      'report.md',
      'report.pdf',
      'runs',
    ]);
    for (const chart of ['trajectories', 'differences', 'distributions']) {
      expect(readdirSync(join(folder, 'charts'))).toContain(`${chart}.png`);
    }
    expect(readFileSync(join(folder, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const rows = readFileSync(join(folder, 'comparison.csv'), 'utf8').trim().split('\n').slice(1);
    const value = (key: string) => rows.find((l) => l.startsWith(key))?.split(',')[4];
    // common random numbers: the two scenarios share their history until the policies part in 2026
    expect(value('restrictive,trust,2025,difference,')).toBe('0');
    expect(Number(value('restrictive,trust,2050,difference,'))).toBeLessThan(0);
    expect(value('restrictive,trust,2030,p_holm,')).toBeDefined();
    expect(value('status-quo,trust,2030,p_holm,')).toBeUndefined();
    const md = readFileSync(join(folder, 'report.md'), 'utf8');
    expect(md).toMatch(/## What differs, and how sure/);
    expect(md).toMatch(/## Outcomes in 2030/);
    expect(md).toMatch(/common random numbers/);
    expect(md).toContain('![Trajectories: mean and 95% interval](charts/trajectories.png)');
    const manifests = ['status-quo', 'restrictive'].map((s) =>
      JSON.parse(readFileSync(join(folder, 'runs', s, 'manifest.json'), 'utf8')),
    );
    expect(manifests[0].replicateSeeds).toHaveLength(3);
    expect(manifests[0].replicateSeeds).toEqual(manifests[1].replicateSeeds);
    expect(manifests[1].replicateSeeds[0].seedKey).toMatch(/status-quo/);
  }, 120_000);

  it('compares a step model step by step: the report says steps, the outcome is at the last step', async () => {
    const r = await runCivsim(
      [
        'compare',
        'scenarios/classics/epstein-legitimacy-sudden.yaml',
        'scenarios/classics/epstein-legitimacy-gradual.yaml',
        '--steps',
        '60',
        '--scale',
        '0.1',
        '-r',
        '3',
        '-w',
        '1',
        '--id',
        'steps',
        '-q',
        '-o',
        out,
      ],
      // no Chromium: the PDF is the calendar test's business, and would take seconds here
      { env: { CIVSIM_CHROMIUM: join(out, 'no-chromium') } },
    );
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.code).toBe(0);
    const folder = r.stdout.trim();
    const csv = readFileSync(join(folder, 'comparison.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('scenario,metric,step,statistic,value');
    const value = (key: string) => csv.find((l) => l.startsWith(key))?.split(',')[4];
    // every step from 0 to the last; common random numbers: the same street until legitimacy falls at step 50
    expect(value('epstein-legitimacy-gradual,active,0,n,')).toBe('3');
    expect(value('epstein-legitimacy-gradual,jailed,49,difference,')).toBe('0');
    expect(value('epstein-legitimacy-gradual,active,300,mean,')).toBeDefined();
    expect(value('epstein-legitimacy-gradual,active,301,mean,')).toBeUndefined();
    // outcomes at the step asked for and at the last, nowhere else
    const tested = csv.filter((l) => /^epstein-legitimacy-gradual,active,\d+,p_holm,/.test(l));
    expect(tested.map((l) => l.split(',')[2])).toEqual(['60', '300']);
    const md = readFileSync(join(folder, 'report.md'), 'utf8');
    expect(md).toContain('replicates; steps 0–300.');
    expect(md).toContain('against epstein-legitimacy-sudden at step 300:');
    expect(md).toMatch(/## Outcomes at step 60\n[^]*## Outcomes at step 300\n[^]*## Precision at step 300\n/);
    expect(md).toContain('![Replicates at step 300](charts/distributions.png)');
    expect(md).not.toMatch(/\byears?\b/i);
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(html).toContain('<h3>Step 300</h3>');
    expect(html).toContain('<h2 id="precision">Precision at step 300</h2>');
    const charts = readdirSync(join(folder, 'charts'));
    for (const chart of ['trajectories', 'differences', 'distributions', 'timelines']) {
      expect(charts).toContain(`${chart}.png`);
      const spec = readFileSync(join(folder, 'charts', `${chart}.vl.json`), 'utf8');
      expect(spec).not.toMatch(/year/i);
      // the time axis is titled Step; the distributions have none, their title says the step
      expect(spec).toMatch(chart === 'distributions' ? /"Every replicate at step 300"/ : /"title": "Step"/);
    }
    const tooFar = await runCivsim([
      'compare',
      'scenarios/classics/epstein-legitimacy-sudden.yaml',
      'scenarios/classics/epstein-legitimacy-gradual.yaml',
      '--steps',
      '400',
      ...quick,
    ]);
    expect(tooFar.code).toBe(2);
    expect(tooFar.stderr).toMatch(/--steps: 400 is past the last step the scenarios share \(300\)/);
  }, 120_000);

  it('compares finished run folders without rerunning, and says they are not paired', async () => {
    const runs = [];
    for (const s of ['status-quo', 'restrictive']) {
      const r = await runCivsim([
        'run',
        `scenarios/${s}.yaml`,
        '--scale',
        '0.02',
        '-r',
        '3',
        '-w',
        '2',
        '--no-charts',
        '-q',
        '-o',
        join(out, 'runs'),
      ]);
      expect(r.code).toBe(0);
      runs.push(r.stdout.trim());
    }
    const r = await runCivsim(['compare', ...runs, '--no-charts', '--id', 'folders', '-q', '-o', out]);
    expect(r.stderr).toBe('');
    expect(readdirSync(r.stdout.trim())).not.toContain('charts');
    expect(r.code).toBe(0);
    const folder = r.stdout.trim();
    const md = readFileSync(join(folder, 'report.md'), 'utf8');
    expect(md).toMatch(/not paired/);
    expect(md).toMatch(/different stream families/);
    const rows = readFileSync(join(folder, 'comparison.csv'), 'utf8');
    expect(rows).toMatch(/^restrictive,trust,2050,p_holm,0\./m);
    const copied = JSON.parse(readFileSync(join(folder, 'runs', 'restrictive', 'manifest.json'), 'utf8'));
    expect(copied).toEqual(JSON.parse(readFileSync(join(runs[1], 'manifest.json'), 'utf8')));
    const mixed = await runCivsim(['compare', runs[0], 'scenarios/restrictive.yaml', '-o', out]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/not both/);
    const notRun = await runCivsim(['compare', runs[0], join(root, 'scenarios'), '-o', out]);
    expect(notRun.code).toBe(2);
    expect(notRun.stderr).toMatch(/not a finished civsim run folder/);
    const seeded = await runCivsim(['compare', ...runs, '--seed', '3', '-o', out]);
    expect(seeded.code).toBe(2);
    expect(seeded.stderr).toMatch(/--seed cannot change finished runs/);
  }, 180_000);

  it('Ctrl-C leaves no comparison that looks complete: a .partial folder that says why (exit 130)', async () => {
    let child: ChildProcess | undefined;
    let sent = false;
    const r = await runCivsim(
      ['compare', 'scenarios/status-quo.yaml', 'scenarios/restrictive.yaml', '--id', 'stopped', ...quick],
      {
        onSpawn: (c) => (child = c),
        onStderr: (text) => {
          if (!sent && /replicates done/.test(text)) {
            sent = true;
            child?.kill('SIGINT');
          }
        },
      },
    );
    expect(r.code).toBe(130);
    const folders = readdirSync(join(out, '_compare')).filter((f) => f.startsWith('stopped'));
    expect(folders).toEqual(['stopped.partial']);
    expect(readFileSync(join(out, '_compare', 'stopped.partial', 'INCOMPLETE'), 'utf8')).toMatch(
      /interrupted/,
    );
    expect(readdirSync(join(out, '_compare', 'stopped.partial'))).not.toContain('report.html');
  }, 120_000);

  it.each([
    [['scenarios/status-quo.yaml'], /at least two scenarios/],
    [
      ['scenarios/status-quo.yaml', 'scenarios/restrictive.yaml', '--metrics', 'trusst'],
      /did you mean trust/,
    ],
    [
      ['scenarios/status-quo.yaml', 'scenarios/restrictive.yaml', '--baseline', 'nobody'],
      /none of the scenarios/,
    ],
    [['scenarios/status-quo.yaml', 'scenarios/classics/threshold-normal.yaml'], /different models/],
    [['scenarios/status-quo.yaml', 'scenarios/status-quo.yaml'], /two scenarios are named status-quo/],
    [['scenarios/status-quo.yaml', 'scenarios/restrictive.yaml', '--years', '20x0'], /--years/],
    // a calendar model's outcomes are years (a step model's may be any step: --years and --steps are one)
    [['scenarios/status-quo.yaml', 'scenarios/restrictive.yaml', '--years', '30'], /--years takes years/],
    [['scenarios/status-quo.yaml', 'scenarios/restrictive.yaml', '--precision', '2'], /--precision/],
  ])(
    'refuses %j with exit 2 and no stack trace',
    async (args, message) => {
      const r = await runCivsim(['compare', ...args, ...quick]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );
});
