/**
 * Small runs on one worker run in the calling thread (a worker thread would spend longer loading civsim
 * than the run takes), and give the same bytes as on worker threads.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelById } from '../../src/models/registry.ts';
import { loadScenario } from '../../src/node/index.ts';
import { runsInThisThread, runToFolder } from '../../src/node/runToFolder.ts';

describe('runsInThisThread', () => {
  it('keeps a cheap run on one worker here, and sends costly runs and several workers to threads', async () => {
    const epstein = (await loadScenario('scenarios/classics/epstein-mesa-defaults.yaml')).scenario;
    const model = modelById('epstein');
    expect(runsInThisThread(model, { ...epstein, replicates: 1 }, 1)).toBe(true);
    expect(runsInThisThread(model, { ...epstein, replicates: 1 }, 2)).toBe(false);
    expect(runsInThisThread(model, epstein, 1)).toBe(false); // 100 replicates
    const kazakhstan = (await loadScenario('scenarios/kazakhstan.yaml')).scenario;
    expect(runsInThisThread(modelById('civil-society'), kazakhstan, 1)).toBe(false);
  });

  it('gives the same series here as on worker threads', async () => {
    const loaded = (await loadScenario('scenarios/classics/epstein-netlogo.yaml')).scenario;
    const scenario = { ...loaded, steps: 40, replicates: 2, output: { ...loaded.output, snapshots: [] } };
    const model = modelById('epstein');
    expect(runsInThisThread(model, { ...scenario, replicates: 2 }, 1)).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'civsim-inthread-'));
    const here = await runToFolder(scenario, { out, id: 'here', workers: 1, charts: false });
    const threads = await runToFolder(scenario, { out, id: 'threads', workers: 2, charts: false });
    const series = (folder: string) => readFileSync(join(folder, 'series.csv'), 'utf8');
    expect(series(here.folder)).toBe(series(threads.folder));
    expect(series(here.folder).split('\n').length).toBeGreaterThan(2 * 41 * 5);
  });
});
