import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { softwareFacts } from '../../src/node/environment.ts';
import { writeRunOutputs } from '../../src/node/writeRun.ts';
import { fakeRun, fakeScenario } from '../output/fakeRun.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'civsim-outputs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const context = async () => ({
  runId: 'test-run',
  scenarioHash: 'f'.repeat(64),
  software: await softwareFacts(),
});

describe('writeRunOutputs', () => {
  it("writes only the scenario's metrics and charts, and ngos.csv only when asked", async () => {
    const scenario = fakeScenario({
      title: 'Outputs <test>',
      output: {
        metrics: ['trust', 'active_ngos'],
        charts: [{ id: 'only-trust', title: 'Trust', metrics: ['trust', 'legitimacy'] }],
      },
    });
    const files = await writeRunOutputs(dir, fakeRun(scenario, 2), await context());
    expect(files.map((f) => f.path)).toEqual([
      'series.csv',
      'annual.csv',
      'summary.csv',
      'summary_annual.csv',
      'charts/only-trust.vl.json',
      'charts/only-trust.svg',
      'charts/only-trust.png',
      'index.html',
    ]);
    const series = await readFile(join(dir, 'series.csv'), 'utf8');
    const metrics = new Set(
      series
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[2]),
    );
    expect(metrics).toEqual(new Set(['trust', 'active_ngos']));
    const summary = await readFile(join(dir, 'summary.csv'), 'utf8');
    expect(summary).not.toContain('legitimacy'); // charted, but not an output metric
    const spec = JSON.parse(await readFile(join(dir, 'charts/only-trust.vl.json'), 'utf8'));
    expect(spec.data.values.some((r: { metric: string }) => r.metric === 'Perceived state legitimacy')).toBe(
      true,
    );
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('Outputs &lt;test&gt;');
    expect(html).toContain('id="chart-only-trust"');
    expect((await readdir(dir)).sort()).toEqual(
      ['annual.csv', 'charts', 'index.html', 'series.csv', 'summary.csv', 'summary_annual.csv'].sort(),
    );
  });

  it('writes ngos.csv with output.agents, and no charts with charts: false', async () => {
    const scenario = fakeScenario({ output: { agents: true } });
    const files = await writeRunOutputs(dir, fakeRun(scenario, 1), await context(), { charts: false });
    expect(files.map((f) => f.path)).toEqual([
      'series.csv',
      'annual.csv',
      'summary.csv',
      'summary_annual.csv',
      'ngos.csv',
      'index.html',
    ]);
    expect(await readFile(join(dir, 'ngos.csv'), 'utf8')).toMatch(/^replicate,id,type,/);
  });

  it('stops at the next file when aborted, leaving only whole files', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const promise = writeRunOutputs(dir, fakeRun(fakeScenario(), 2), await context(), {
      signal: controller.signal,
      onFile: (path) => {
        seen.push(path);
        if (path === 'summary.csv') controller.abort(new Error('interrupted'));
      },
    });
    await expect(promise).rejects.toThrow('interrupted');
    expect((await readdir(dir)).sort()).toEqual(['annual.csv', 'series.csv']);
  });

  it('reports each file before writing it', async () => {
    const calls: [string, number, number][] = [];
    await writeRunOutputs(dir, fakeRun(fakeScenario(), 1), await context(), {
      charts: false,
      onFile: (path, index, total) => calls.push([path, index, total]),
    });
    expect(calls[0]).toEqual(['series.csv', 0, 5]);
    expect(calls.at(-1)).toEqual(['index.html', 4, 5]);
  });
});
