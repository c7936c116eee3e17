/**
 * Sweeps through the library, on Granovetter's normal-threshold crowd (fast runs): the result tables are
 * the same bytes with one worker or two; an interrupted sweep, resumed — even after a crash cut its log's
 * last line in half — gives exactly the uninterrupted sweep's results, redoing no finished run; and a
 * folder of another plan is not resumed.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDesign } from '../../src/experiment/design.ts';
import { parseParameter } from '../../src/experiment/parameter.ts';
import { resolveParameters } from '../../src/experiment/resolveParameters.ts';
import { decodeLog } from '../../src/experiment/runRecord.ts';
import { planSweep, runCount, type SweepPlan } from '../../src/experiment/sweepPlan.ts';
import { applyOverrides } from '../../src/index.ts';
import { modelById } from '../../src/models/registry.ts';
import { loadScenario } from '../../src/node/index.ts';
import { SweepFolderError, sweepToFolder } from '../../src/node/sweepToFolder.ts';
import { writeSweepResults } from '../../src/node/writeSweep.ts';

const out = mkdtempSync(join(tmpdir(), 'civsim-sweep-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const { scenario: loaded } = await loadScenario('scenarios/classics/threshold-normal.yaml');
const scenario = applyOverrides(loaded, { replicates: 3 });
const model = modelById(scenario.model);
const periods = Array.from({ length: (scenario.steps ?? 0) + 1 }, (_, i) => String(i));

function plan(texts: string[], kind: 'grid' | 'morris' = 'grid', replicates = 3): SweepPlan {
  const parameters = resolveParameters(texts.map(parseParameter), scenario, model);
  const designOptions = { kind, seed: scenario.seed, levels: 4, samples: 4 };
  return planSweep(
    {
      scenario,
      parameters,
      designOptions,
      design: buildDesign(parameters, designOptions),
      replicates,
      independentSeeds: false,
      metrics: ['participation'],
    },
    'test',
  );
}

const grid = plan(['population.thresholds.sd=0.05:0.2', 'population.thresholds.mean=0.2,0.3']);

function sweep(p: SweepPlan, id: string, options: Partial<Parameters<typeof sweepToFolder>[1]> = {}) {
  return sweepToFolder(p, {
    out,
    id,
    workers: 1,
    facts: { periods, civsimVersion: 'test' },
    finish: async (folder, records) => {
      await writeSweepResults(folder, p, records, {
        periods,
        charts: false,
        civsimVersion: 'test',
        gitCommit: null,
        commandLine: 'civsim sweep (test)',
        resamples: 50,
      });
    },
    ...options,
  });
}

const filesOf = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((f) => [f, readFileSync(join(folder, f), 'utf8')]),
  );

describe('a sweep', () => {
  it('gives the same bytes with one worker or two', async () => {
    expect(runCount(grid)).toBe(8 * 3);
    const one = await sweep(grid, 'one', { workers: 1 });
    const two = await sweep(grid, 'two', { workers: 2 });
    const a = filesOf(one.folder);
    expect(Object.keys(a)).toEqual([
      'plan.json',
      'points.csv',
      'report.html',
      'report.md',
      'runs.csv',
      'runs.jsonl',
      'summary.csv',
    ]);
    expect(filesOf(two.folder)).toEqual(a);
    // one row per run × metric × step
    expect(a['runs.csv'].trim().split('\n')).toHaveLength(1 + 24 * periods.length);
    // the spread of thresholds matters: some points tip the crowd, others do not
    const finalShares = a['summary.csv']
      .trim()
      .split('\n')
      .filter((line) => line.includes(`,participation,${periods.length - 1},`))
      .map((line) => Number(line.split(',')[6]));
    expect(Math.max(...finalShares) - Math.min(...finalShares)).toBeGreaterThan(0.3);
  });

  it('resumed after an interrupt and a torn log line, equals the uninterrupted sweep, redoing no run', async () => {
    const stop = new AbortController();
    await expect(
      sweep(grid, 'resumed', {
        signal: stop.signal,
        onProgress: (p) => {
          if (p.done >= 7) stop.abort(new Error('interrupted'));
        },
      }),
    ).rejects.toThrow(/interrupted/);
    const partial = join(out, '_sweep', 'resumed.partial');
    const logged = decodeLog(readFileSync(join(partial, 'runs.jsonl'), 'utf8'), grid.id).records.size;
    expect(logged).toBeGreaterThanOrEqual(7);
    expect(logged).toBeLessThan(24);
    // a crash mid-write leaves half a line
    appendFileSync(join(partial, 'runs.jsonl'), '{"plan":"' + grid.id + '","run":23,"po');
    let started = 0;
    const resumed = await sweep(grid, 'resumed', {
      resume: true,
      onProgress: (p) => {
        if (started === 0) started = p.resumed;
      },
    });
    expect(started).toBe(logged);
    expect(resumed.resumed).toBe(logged);
    expect(filesOf(resumed.folder)).toEqual(filesOf(join(out, '_sweep', 'one')));
  });

  it('will not resume a folder of another plan, nor a finished one', async () => {
    const stop = new AbortController();
    await expect(
      sweep(grid, 'other', {
        signal: stop.signal,
        onProgress: (p) => {
          if (p.done >= 2) stop.abort(new Error('interrupted'));
        },
      }),
    ).rejects.toThrow();
    const different = plan(['population.thresholds.sd=0.05:0.25', 'population.thresholds.mean=0.2,0.3']);
    await expect(sweep(different, 'other', { resume: true })).rejects.toThrow(SweepFolderError);
    await expect(sweep(different, 'other', { resume: true })).rejects.toThrow(/other inputs/);
    await expect(sweep(grid, 'one', { resume: true })).rejects.toThrow(
      /finished: there is nothing to resume/,
    );
  });

  it('a Morris design writes sensitivity.csv with mu, mu* and sigma per parameter', async () => {
    const morris = plan(
      ['population.thresholds.sd=0.05:0.2', 'population.thresholds.mean=0.15:0.35'],
      'morris',
      2,
    );
    const done = await sweep(morris, 'morris', { workers: 2 });
    const rows = readFileSync(join(done.folder, 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('metric,step,parameter,statistic,value,ci95_low,ci95_high');
    expect(rows.slice(1).map((r) => r.split(',').slice(2, 4).join(' '))).toEqual([
      'population.thresholds.sd mu',
      'population.thresholds.sd mu_star',
      'population.thresholds.sd sigma',
      'population.thresholds.mean mu',
      'population.thresholds.mean mu_star',
      'population.thresholds.mean sigma',
    ]);
  });
});
