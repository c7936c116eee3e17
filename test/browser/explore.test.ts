/**
 * The explorer in a real headless Chromium (Debian's, driven by playwright-core), served by
 * `civsim explore`'s own server: the page loads and draws its charts; a lever changes and the link says
 * so; the run goes and the charts follow; the link round-trips into the same view; two policies run side
 * by side; the data downloads; a hostile uploaded scenario's title stays text, and hostile links and
 * files are refused with messages; Russian and the Kazakh welcome; keyboard use; a narrow laptop screen;
 * axe-core finds no serious or critical violation; no console error, and no request leaves 127.0.0.1.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerFiles } from '../../src/node/exploreBuild.ts';
import { serveExplorer, type ExplorerServer } from '../../src/node/exploreServer.ts';
import { launchChromium } from './chromium.ts';

const axeSource = readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

let server: ExplorerServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveExplorer(await explorerFiles());
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Watched {
  context: BrowserContext;
  page: Page;
  problems: string[];
  outside: string[];
}

/** A fresh page that records console errors, page errors and every request that is not the server's. */
async function open(fragment = '', viewport = { width: 1366, height: 900 }): Promise<Watched> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:'))
      outside.push(url);
  });
  await page.goto(`${server.url}${fragment ? `#${fragment}` : ''}`);
  await page.waitForSelector('figure.chart svg', { timeout: 60_000 });
  return { context, page, problems, outside };
}

type ExplorerHandle = {
  finished: boolean;
  drawnTick: number;
  total: number;
  compare: boolean;
  charts: { view: { data(name: string): unknown[] } }[];
};
/** The rows the first chart shows now (policy A's). */
const firstChartRows = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { civsimExplorer: ExplorerHandle }).civsimExplorer.charts[0].view.data(
      'series_0',
    ),
  ) as Promise<{ mean: number }[]>;

/** Waits until the run is over and the charts show its last tick. */
async function runToTheEnd(page: Page): Promise<void> {
  await page.click('#play');
  await page.waitForFunction(
    () => {
      const e = (globalThis as unknown as { civsimExplorer: ExplorerHandle }).civsimExplorer;
      return e.finished && e.drawnTick === e.total;
    },
    null,
    { timeout: 120_000 },
  );
}

async function axeViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern
  await page.evaluate(await axeSource);
  const result = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe.run(
      document,
      { resultTypes: ['violations'] },
    ),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function close(w: Watched): Promise<void> {
  expect(w.problems).toEqual([]);
  expect(w.outside).toEqual([]);
  await w.context.close();
}

describe('the explorer in Chromium', () => {
  it('loads, changes a lever, runs, updates its charts, and its link round-trips', async () => {
    const w = await open('v=1&s=classics/threshold-normal&r=4&seed=3');
    const { page } = w;
    expect(await page.title()).toBe('civsim explorer');
    expect(await page.locator('#scenario').inputValue()).toBe('classics/threshold-normal');
    // a lever changes: the input, its mark and the link
    await page.fill('#in-0-levers-thresholdShift', '0.05');
    await page.locator('#in-0-levers-thresholdShift').dispatchEvent('change');
    await page.waitForFunction(() => location.hash.includes('a.levers.thresholdShift=0.05'));
    expect(await page.locator('#in-0-levers-thresholdShift').inputValue()).toBe('0.05');
    // the run goes and the charts follow
    const before = (await firstChartRows(page)).length;
    expect(before).toBe(0);
    // two steps, then the rest
    await page.click('#step');
    await page.click('#step');
    await page.waitForFunction(
      () => (globalThis as unknown as { civsimExplorer: ExplorerHandle }).civsimExplorer.drawnTick === 2,
    );
    expect(await page.locator('#progress').textContent()).toMatch(/Step 1 — 2 of 61/);
    expect((await firstChartRows(page)).length).toBe(2 * 2);
    await runToTheEnd(page);
    const rows = await firstChartRows(page);
    expect(rows.length).toBe(2 * 61); // two metrics, steps 0..60
    expect(await page.locator('#progress').textContent()).toMatch(/Step 60 — 61 of 61/);
    expect(await page.locator('figure.chart path[aria-roledescription="line mark"]').count()).toBeGreaterThan(
      0,
    );
    // the link opens the same view, with the same numbers
    const link = page.url();
    const again = await open(link.slice(link.indexOf('#') + 1));
    expect(await again.page.locator('#in-0-levers-thresholdShift').inputValue()).toBe('0.05');
    expect(await again.page.locator('#replicates').inputValue()).toBe('4');
    expect(await again.page.locator('#seed').inputValue()).toBe('3');
    expect(again.page.url()).toBe(link);
    await runToTheEnd(again.page);
    const rowsAgain = await firstChartRows(again.page);
    expect(rowsAgain).toEqual(rows);
    await close(again);
    await close(w);
  }, 240_000);

  it('runs the Kazakhstan scenario in Web Workers, with the timeline’s events on its charts', async () => {
    const w = await open('v=1&s=kazakhstan&r=2&scale=0.01');
    const { page } = w;
    expect(await page.locator('figure.chart').count()).toBe(4);
    // the first chart was drawn by first.js before the engine started, and app.js took it over
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    );
    expect(marks['civsim:first-chart']).toBeLessThan(marks['civsim:start']);
    expect(await page.locator('figure.chart svg.marks').count()).toBe(4);
    // the events of the timeline are marked (dashed rules with their labels)
    expect(await page.locator('figure.chart').first().textContent()).toContain('Law');
    await page.selectOption('#speed', 'max');
    await runToTheEnd(page);
    expect(await page.locator('#progress').textContent()).toMatch(/2025-12 — 420 of 420/);
    expect(await page.locator('#progress').getAttribute('title')).toMatch(/Web Workers/);
    await close(w);
  }, 240_000);

  it('runs two policies side by side and shows their difference; the data and scenario download', async () => {
    const w = await open('v=1&s=classics/schelling-mesa-small&r=3&seed=5');
    const { page } = w;
    await page.check('#compare');
    await page.waitForSelector('#in-1-levers-homophily');
    await page.fill('#in-1-levers-homophily', '0.7');
    await page.locator('#in-1-levers-homophily').dispatchEvent('change');
    await page.waitForFunction(
      () => location.hash.includes('cmp=1') && location.hash.includes('b.levers.homophily=0.7'),
    );
    await runToTheEnd(page);
    expect(await page.locator('table.differences tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.grids canvas').count()).toBe(2);
    expect(await page.locator('.grids canvas').first().getAttribute('aria-label')).toMatch(/after step 20/);
    expect(await axeViolations(page)).toEqual([]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('policy,replicate,step,metric,value');
    expect(text).toMatch(/\nPolicy B,2,20,segregation,0\.\d+/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-scenario-1')]);
    expect(file.suggestedFilename()).toBe('schelling-mesa-small-b.yaml');
    expect(await readFile((await file.path())!, 'utf8')).toMatch(/homophily: 0\.7/);
    await close(w);
  }, 240_000);

  it('keeps a hostile uploaded scenario’s title as text, and refuses hostile files and links', async () => {
    const w = await open(
      'v=1&s=classics/threshold-riot&a.__proto__.polluted=1&seed=-4&%3Cimg%20src%3Dx%3E=%3Cscript%3E',
    );
    const { page } = w;
    const linkProblems = page.locator('.problems').first();
    await expect.poll(() => linkProblems.textContent()).toMatch(/Some parts of the link were ignored/);
    expect(await linkProblems.textContent()).toContain(
      '"<img src=x>" is not something a link of this explorer sets',
    );
    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    await page.setInputFiles('#upload', {
      name: 'evil"<b>.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(
        `model: threshold\nname: evil\ntitle: '${hostile}'\nsteps: 5\nreplicates: 2\n` +
          `timeline:\n  - { step: 2, label: '${hostile}', set: { instigators: 0.1 } }\n`,
      ),
    });
    await page.waitForFunction(() => document.querySelector('#scenario option[value="upload"]') !== null);
    await page.waitForSelector('figure.chart svg');
    await runToTheEnd(page);
    const text = await page.locator('body').textContent();
    expect(text).toContain(hostile);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    // the link carries the upload: it opens again, validated again
    const link = page.url();
    expect(link).toMatch(/[#&]u=[A-Za-z0-9_-]+&n=evil/);
    const again = await open(link.slice(link.indexOf('#') + 1));
    expect(await again.page.locator('#scenario').inputValue()).toBe('upload');
    await close(again);
    // a file that is not a scenario is refused, with where and why, and the page keeps what it showed
    await page.setInputFiles('#upload', {
      name: 'bad.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('model: threshold\nname: bad\nsteps: 5\nlevers: { instigators: 7 }\n'),
    });
    await expect
      .poll(() => page.locator('.problems').last().textContent())
      .toMatch(/This scenario cannot be used/);
    expect(await page.locator('.problems').last().textContent()).toMatch(
      /bad\.yaml:4:\d+ levers\.instigators/,
    );
    expect(await page.locator('#scenario').inputValue()).toBe('upload');
    await page.setInputFiles('#upload', {
      name: 'binary.yaml',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x00, 0xff, 0x00, 0x10]),
    });
    await expect.poll(() => page.locator('.problems').last().textContent()).toMatch(/binary file|UTF-16/);
    await close(w);
  }, 240_000);

  it('speaks Russian (with a Kazakh welcome), works from the keyboard and passes axe-core', async () => {
    const w = await open('v=1&s=kazakhstan&r=2&scale=0.01');
    const { page } = w;
    // the keyboard: the first Tab reaches the skip link, which leads to the controls
    const hash = await page.evaluate(() => location.hash);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('controls');
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption('#language', 'ru');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    expect(await page.locator('h1').textContent()).toBe('civsim: исследователь моделей');
    expect(await page.locator('[lang="kk"]').textContent()).toMatch(/^Қош келдіңіз!/);
    expect(await page.locator('#play').textContent()).toBe('Пуск');
    await page.waitForSelector('figure.chart svg');
    expect(await page.locator('figure.chart').first().textContent()).toContain('НКО в реестре');
    expect(page.url()).toContain('lang=ru');
    expect(await axeViolations(page)).toEqual([]);
    // Play starts and pauses from the keyboard
    await page.focus('#play');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => (globalThis as unknown as { civsimExplorer: { playing: boolean } }).civsimExplorer.playing,
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => !(globalThis as unknown as { civsimExplorer: { playing: boolean } }).civsimExplorer.playing,
    );
    // the information page of the model
    await page.click('nav.views button:nth-child(2)');
    await page.waitForSelector('article.about');
    expect(await page.locator('article.about h3').first().textContent()).toBe('Что это');
    expect(await page.locator('article.about').textContent()).toContain('Diachenko');
    expect(await axeViolations(page)).toEqual([]);
    await close(w);
  }, 240_000);

  it('fits a narrow laptop screen', async () => {
    const w = await open('v=1&s=classics/schelling-mesa-small&r=2', { width: 800, height: 600 });
    const { page } = w;
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const controls = await page.locator('#controls').boundingBox();
    const charts = await page.locator('.charts').boundingBox();
    expect(charts!.y).toBeGreaterThan(controls!.y + controls!.height - 1); // stacked, not squeezed
    expect(await axeViolations(page)).toEqual([]);
    await close(w);
  }, 120_000);
});
