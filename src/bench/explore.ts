/**
 * The explorer's bench (`npm run bench -- --explore`, also in `--platform` and full runs), run in the
 * Debian Chromium the browser tests use, with the page served by `civsim explore`'s own server:
 *
 * - the first chart: milliseconds from the start of navigation to the first chart drawn (the page's
 *   `civsim:first-chart` mark), over five loads of the Kazakhstan page, each in a fresh browser context
 *   (no cache), and the first ticks drawn after Play;
 * - a whole run through the page: Kazakhstan, 10 replicates at the sample the page picks, at full speed
 *   in its Web Workers, from Play until the charts show the last month;
 * - the classic models in Chromium against Node, side by side: warm replicates of a shipped scenario in
 *   a Web Worker (the universal bundle) and in this process (Chromium closed first). The Kazakhstan
 *   replicate against Node is bench.ts's `browser` case.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { modelById } from '../models/registry.ts';
import { runReplicate } from '../run/replicate.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { loadScenarioFile } from '../scenario/load.ts';
import { nodeScenarioIO } from '../node/scenarioIO.ts';
import { timedReplicatesWorker } from './timedReplicatesWorker.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A row of the bench's table (bench.ts's CaseResult). */
export interface ExploreRow {
  case: string;
  seconds: number;
  peakRssMiB: number;
  figure?: string;
  note?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The classic scenarios timed in Chromium and in Node, and the warm runs of each. */
const classics = [
  { path: 'scenarios/classics/threshold-network.yaml', runs: 6 },
  { path: 'scenarios/classics/schelling-mesa-large.yaml', runs: 6 },
  { path: 'scenarios/classics/epstein-netlogo.yaml', runs: 4 },
];

const workerSource = timedReplicatesWorker("importScripts('./civsim.js');");

/** Warm seconds per replicate (the first run left out). */
const warm = (seconds: number[]) => seconds.slice(1).reduce((a, b) => a + b, 0) / (seconds.length - 1);

async function classicsSideBySide(launch: () => Promise<Browser>): Promise<ExploreRow[]> {
  const { build } = await import('esbuild');
  const { serveFolder } = await import('../../test/browser/chromium.ts');
  const bundle = await build({
    entryPoints: [join(root, 'src', 'index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'civsim',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const folder = await mkdtemp(join(tmpdir(), 'civsim-bench-explore-'));
  await writeFile(join(folder, 'civsim.js'), bundle.outputFiles[0].contents);
  await writeFile(join(folder, 'worker.js'), workerSource);
  await writeFile(
    join(folder, 'index.html'),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script src="page.js"></script>',
  );
  await writeFile(
    join(folder, 'page.js'),
    'window.bench = (m) => new Promise((done) => { const w = new Worker("./worker.js"); w.onmessage = (e) => { done(e.data); w.terminate(); }; w.postMessage(m); });',
  );
  const server = await serveFolder(folder);
  const inBrowser: number[] = [];
  const chromium = await launch();
  try {
    const page = await chromium.newPage();
    await page.goto(`${server.url}/index.html`);
    for (const { path, runs } of classics) {
      const text = readFileSync(join(root, path), 'utf8');
      const seconds = (await page.evaluate(
        (message) => (globalThis as unknown as { bench(m: unknown): Promise<number[]> }).bench(message),
        { path: path.split('/').pop(), text, runs },
      )) as number[];
      inBrowser.push(warm(seconds));
    }
  } finally {
    await chromium.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
  // Node, with Chromium gone: the same scenarios, the same replicates, in this process
  const rows: ExploreRow[] = [];
  for (const [i, { path, runs }] of classics.entries()) {
    const { scenario } = await loadScenarioFile(join(root, path), nodeScenarioIO);
    const model = modelById(scenario.model);
    const seconds: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      runReplicate(model, scenario, r);
      seconds.push((performance.now() - t0) / 1000);
    }
    const node = warm(seconds);
    rows.push({
      case: `${path.split('/').pop()!.replace('.yaml', '')} replicate in Chromium’s Web Worker (warm)`,
      seconds: inBrowser[i],
      peakRssMiB: 0,
      figure: `${((100 * node) / inBrowser[i]).toFixed(0)}% of Node’s speed (Node: ${(1000 * node).toFixed(1)} ms)`,
      note: `mean of replicates 2–${runs}`,
    });
  }
  return rows;
}

/** The explorer's rows of the bench table. */
export async function exploreBench(): Promise<ExploreRow[]> {
  const { explorerFiles } = await import('../node/exploreBuild.ts');
  const { serveExplorer } = await import('../node/exploreServer.ts');
  const { launchChromium } = await import('../../test/browser/chromium.ts');
  const server = await serveExplorer(await explorerFiles());
  const chromium = await launchChromium();
  const rows: ExploreRow[] = [];
  let whole: { seconds: number; workers: number; sample: string; scenario: ScenarioBase };
  try {
    // the first chart, five cold loads
    const firstChart: number[] = [];
    const pageReady: number[] = [];
    const firstTicks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await chromium.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}#v=1&s=kazakhstan&speed=max`);
      await page.waitForFunction(() => performance.getEntriesByName('civsim:first-chart').length > 0, null, {
        timeout: 60_000,
      });
      firstChart.push(
        await page.evaluate(() => performance.getEntriesByName('civsim:first-chart')[0].startTime),
      );
      await page.waitForFunction(() => performance.getEntriesByName('civsim:charts').length > 0, null, {
        timeout: 60_000,
      });
      pageReady.push(await page.evaluate(() => performance.getEntriesByName('civsim:charts')[0].startTime));
      const clicked = await page.evaluate(() => performance.now());
      await page.click('#play');
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { civsimExplorer: { drawnTick: number } }).civsimExplorer.drawnTick > 0,
        null,
        { timeout: 60_000 },
      );
      firstTicks.push((await page.evaluate(() => performance.now())) - clicked);
      await context.close();
    }
    rows.push({
      case: 'explorer: first chart after the page opens (Kazakhstan)',
      seconds: median(firstChart) / 1000,
      peakRssMiB: 0,
      figure: `median ${median(firstChart).toFixed(0)} ms, slowest ${Math.max(...firstChart).toFixed(0)} ms of 5 cold loads (target ≤ 2 s)`,
      note: 'from the start of navigation to the first chart drawn; fresh browser context each time',
    });
    rows.push({
      case: 'explorer: the whole page ready (4 charts, the controls)',
      seconds: median(pageReady) / 1000,
      peakRssMiB: 0,
      figure: `median ${median(pageReady).toFixed(0)} ms, slowest ${Math.max(...pageReady).toFixed(0)} ms`,
    });
    rows.push({
      case: 'explorer: first ticks drawn after Play',
      seconds: median(firstTicks) / 1000,
      peakRssMiB: 0,
      figure: `median ${median(firstTicks).toFixed(0)} ms (workers start, populations built, first charts redrawn)`,
    });
    // a whole run through the page, at full speed
    const context = await chromium.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}#v=1&s=kazakhstan&speed=max`);
    await page.waitForSelector('figure.chart svg');
    const sample = await page.locator('#scale option:checked').textContent();
    await page.waitForTimeout(1500); // the workers load their code
    const started = await page.evaluate(() => performance.now());
    await page.click('#play');
    await page.waitForFunction(
      () => {
        const e = (
          globalThis as unknown as { civsimExplorer: { finished: boolean; drawnTick: number; total: number } }
        ).civsimExplorer;
        return e.finished && e.drawnTick === e.total;
      },
      null,
      { timeout: 300_000 },
    );
    const seconds = ((await page.evaluate(() => performance.now())) - started) / 1000;
    const workers = await page.evaluate(
      () =>
        (globalThis as unknown as { civsimExplorer: { runner: { size: number } } }).civsimExplorer.runner
          .size,
    );
    const scenario = (await page.evaluate(() =>
      (
        globalThis as unknown as { civsimExplorer: { policyScenario(i: number): unknown } }
      ).civsimExplorer.policyScenario(0),
    )) as ScenarioBase;
    await context.close();
    whole = { seconds, workers, sample: sample ?? '', scenario };
  } finally {
    await chromium.close();
    await server.close();
  }
  // the same replicates on as many Node worker threads (civsim run's pool), with Chromium gone
  const { runReplicatesOnWorkers } = await import('../node/replicatePool.ts');
  const started = performance.now();
  await runReplicatesOnWorkers(whole.scenario, { workers: whole.workers, family: whole.scenario.name });
  const node = (performance.now() - started) / 1000;
  rows.push({
    case: 'explorer: Kazakhstan 1991–2025, 10 replicates, Play to the last month drawn',
    seconds: whole.seconds,
    peakRssMiB: 0,
    figure:
      `${whole.seconds.toFixed(1)} s at full speed on ${whole.workers} Web Workers, sample ${whole.sample}; ` +
      `civsim's Node pool on ${whole.workers} threads: ${node.toFixed(1)} s`,
    note: '4 charts live; the workers had loaded their code',
  });
  rows.push(...(await classicsSideBySide(launchChromium)));
  return rows;
}
