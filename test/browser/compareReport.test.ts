/**
 * A comparison's report.html in a real headless Chromium, opened from the file system as a reader would
 * double-click it: every chart renders, no console error, no request leaves the file, and a hostile
 * scenario title stays text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOverrides } from '../../src/index.ts';
import { compareToFolder } from '../../src/node/compareToFolder.ts';
import { loadScenario } from '../../src/node/index.ts';
import { launchChromium } from './chromium.ts';

const hostile = '<img src=x onerror="window.hacked=1"> & <script>window.hacked=2</script>';
let browser: Browser;
let folder: string;
const out = mkdtempSync(join(tmpdir(), 'civsim-compare-report-'));

beforeAll(async () => {
  const scenarios = [];
  for (const name of ['status-quo', 'restrictive']) {
    const { scenario } = await loadScenario(`scenarios/${name}.yaml`);
    scenarios.push(applyOverrides(scenario, { scale: 0.02, replicates: 3 }));
  }
  scenarios[1].title = hostile;
  scenarios[1].description = hostile;
  folder = (await compareToFolder(scenarios, { out, id: 'report', workers: 2 })).folder;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('report.html of a comparison', () => {
  it('renders every chart offline, with no console error and no outside request', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(join(folder, 'report.html')).href;
    await page.goto(url);
    expect(await page.locator('figure svg').count()).toBe(5);
    // each chart drew its marks: lines or dots in the scenarios' colours
    for (const id of ['trajectories', 'differences', 'distributions', 'mix-funding-sources', 'timelines']) {
      expect(await page.locator(`#chart-${id} svg path`).count()).toBeGreaterThan(10);
    }
    expect(await page.locator('h2#findings').textContent()).toBe('What differs, and how sure');
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('shows a hostile title as text and runs none of it', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(folder, 'report.html')).href);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.evaluate('typeof window.hacked')).toBe('undefined');
    expect(await page.locator('body').textContent()).toContain(hostile);
    await page.close();
  });
});
