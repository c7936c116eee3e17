/**
 * A comparison's report.html in a real headless Chromium, opened from the file system as a reader would
 * double-click it: every chart renders and turns live (Vega inlined, tooltips on hover) under a policy
 * that allows no outside request and no eval, no console error, and a hostile scenario title stays text —
 * in the page and in a chart's tooltip.
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
  // and a label that reaches a chart's tooltip
  scenarios[1].timeline = scenarios[1].timeline.map((event) => ({ ...event, label: hostile }));
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
    // every chart was swapped for a live Vega view (the static SVG is only the fallback)
    const ids = ['trajectories', 'differences', 'distributions', 'mix-funding-sources', 'timelines'];
    await page
      .locator('figure[data-interactive="true"]')
      .nth(ids.length - 1)
      .waitFor({ timeout: 30_000 });
    expect(await page.locator('figure[data-interactive="true"]').count()).toBe(5);
    expect(await page.locator('figure .vega-embed svg.marks').count()).toBe(5);
    // each chart drew its marks: lines or dots in the scenarios' colours
    for (const id of ids) {
      expect(await page.locator(`#chart-${id} .vega-embed svg path`).count()).toBeGreaterThan(10);
    }
    expect(await page.locator('h2#findings').textContent()).toBe('What differs, and how sure');
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('shows the numbers of a point in a tooltip when the reader hovers it', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(folder, 'report.html')).href);
    await page.locator('#chart-trajectories[data-interactive="true"]').waitFor({ timeout: 30_000 });
    const point = page.locator('#chart-trajectories .vega-embed svg g.mark-symbol path').nth(3);
    await point.scrollIntoViewIfNeeded();
    const box = await point.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const tooltip = page.locator('#vg-tooltip-element');
    await tooltip.waitFor({ state: 'visible', timeout: 5_000 });
    const text = await tooltip.textContent();
    expect(text).toMatch(/Scenario/);
    expect(text).toMatch(/Year\s*\d{4}/);
    expect(text).toMatch(/95% interval from/);
    await page.close();
  });

  it('allows only its own inlined scripts: no eval, nothing from outside', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(pathToFileURL(join(folder, 'report.html')).href);
    await page.locator('figure[data-interactive="true"]').nth(4).waitFor({ timeout: 30_000 });
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(violations).toEqual([]);
    // the policy is in force, not only written down: a script the page did not ship, a string handed to
    // a timer (eval) and a request all fail
    const outcome = await page.evaluate(`(async () => {
      const injected = document.createElement('script');
      injected.textContent = 'window.injected = 1';
      document.body.append(injected);
      setTimeout('window.evaluated = 1', 0);
      let fetched = true;
      try {
        await fetch('http://127.0.0.1:9/');
      } catch {
        fetched = false;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { injected: window.injected ?? 0, evaluated: window.evaluated ?? 0, fetched };
    })()`);
    expect(outcome).toEqual({ injected: 0, evaluated: 0, fetched: false });
    expect(violations.some((v) => /script-src/.test(v))).toBe(true);
    expect(violations.some((v) => /eval/.test(v))).toBe(true);
    await page.close();
  });

  it('shows a hostile title as text and runs none of it, in the page and in the charts', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(folder, 'report.html')).href);
    await page.locator('figure[data-interactive="true"]').nth(4).waitFor({ timeout: 30_000 });
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    // the only scripts: the chart specs as data, three libraries and the one that draws the charts
    expect(await page.locator('script').count()).toBe(5);
    expect(await page.locator('script[type="application/json"]').count()).toBe(1);
    // hover the timeline chart's points until one shows the hostile label in its tooltip: as text
    const points = page.locator('#chart-timelines .vega-embed svg g.mark-symbol path');
    const tooltip = page.locator('#vg-tooltip-element');
    let shown = false;
    for (let i = (await points.count()) - 1; i >= 0 && !shown; i--) {
      await points.nth(i).scrollIntoViewIfNeeded();
      const box = await points.nth(i).boundingBox();
      if (!box) continue;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      shown = (await tooltip.isVisible()) && (await tooltip.textContent())!.includes(hostile);
    }
    expect(shown).toBe(true);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate('typeof window.hacked')).toBe('undefined');
    expect(await page.locator('body').textContent()).toContain(hostile);
    await page.close();
  });
});
