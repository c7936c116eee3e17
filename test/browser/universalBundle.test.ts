/**
 * The universal entry in a real browser: bundled by esbuild for `platform: 'browser'`, loaded by a page
 * from 127.0.0.1 into a Web Worker, where it loads shipped scenarios from text and runs a short
 * replicate of each model. The series must be the numbers Node computes for the same replicate (to the
 * last bit but for Math.exp's), with no console error and no request beyond the page's own files.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOverrides, modelById, runReplicate } from '../../src/index.ts';
import { bundleForBrowser } from '../../src/node/bundle.ts';
import { loadScenario } from '../../src/node/index.ts';
import { launchChromium, serveFolder, type StaticServer } from './chromium.ts';

const root = new URL('../../', import.meta.url).pathname;

/** What each case runs: a shipped scenario, scaled down, one replicate. */
const cases = [
  { path: 'scenarios/kazakhstan.yaml', scale: 0.05 },
  { path: 'scenarios/classics/threshold-network.yaml', scale: 0.2 },
];

const workerSource = `
import * as civsim from './civsim.js';
self.onmessage = async (event) => {
  const { path, text, scale } = event.data;
  try {
    const io = civsim.memoryScenarioIO({ [path]: text });
    const { scenario } = await civsim.loadScenario(path, io);
    const small = civsim.applyOverrides(scenario, { replicates: 1, scale });
    const started = performance.now();
    const result = civsim.runReplicate(civsim.modelById(small.model), small, 0);
    const values = Object.fromEntries(Object.entries(result.series.values).map(([id, v]) => [id, Array.from(v)]));
    self.postMessage({ ok: true, ticks: result.series.ticks, values, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ ok: false, error: String(error && error.stack || error) });
  }
};
`;

const pageSource = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>civsim in a Web Worker</title></head>
<body><script type="module">
window.runInWorker = (message) => new Promise((resolve) => {
  const worker = new Worker('./worker.js', { type: 'module' });
  worker.onmessage = (event) => { resolve(event.data); worker.terminate(); };
  worker.onerror = (event) => resolve({ ok: false, error: String(event.message) });
  worker.postMessage(message);
});
</script></body></html>`;

let folder: string;
let server: StaticServer;
let browser: Browser;
let bundleBytes = 0;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'civsim-browser-'));
  const bundle = await bundleForBrowser();
  bundleBytes = bundle.bytes;
  await writeFile(join(folder, 'civsim.js'), bundle.code);
  await writeFile(join(folder, 'worker.js'), workerSource);
  await writeFile(join(folder, 'index.html'), pageSource);
  server = await serveFolder(folder);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the universal entry in Chromium', () => {
  it('bundles for the browser with no Node module in it', () => {
    expect(bundleBytes).toBeGreaterThan(100_000);
  });

  it.each(cases)('$path runs in a Web Worker and gives the numbers Node gives', async ({ path, scale }) => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(`${server.url}/index.html`);
    const text = await readFile(join(root, path), 'utf8');
    const result = (await page.evaluate(
      (message) => (globalThis as unknown as { runInWorker(m: unknown): unknown }).runInWorker(message),
      {
        path,
        text,
        scale,
      },
    )) as { ok: boolean; error?: string; ticks: string[]; values: Record<string, number[]> };
    await page.close();
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(problems).toEqual([]);

    const { scenario } = await loadScenario(join(root, path));
    const small = applyOverrides(scenario, { replicates: 1, scale });
    const node = runReplicate(modelById(small.model), small, 0);
    expect(result.ticks).toEqual(node.series.ticks);
    // The same code gives the same numbers, except where V8's Math.exp/pow/log differ between Node 20
    // and this Chromium in the last bit: counts must be identical, every other value equal to 1e-12.
    const differences: string[] = [];
    for (const [id, values] of Object.entries(node.series.values)) {
      values.forEach((v, t) => {
        const b = result.values[id][t] ?? Number.NaN; // a missing value (NaN) arrives as null
        const same = Number.isInteger(v)
          ? v === b
          : Object.is(v, b) || Math.abs(b - v) <= 1e-12 * Math.abs(v);
        if (!same) differences.push(`${id}[${t}]: node ${v}, browser ${b}`);
      });
    }
    expect(differences.slice(0, 12)).toEqual([]);
    expect(server.requests.every((r) => ['/index.html', '/worker.js', '/civsim.js'].includes(r))).toBe(true);
  });
});
