import { describe, expect, it } from 'vitest';
import { buildChartSpec } from '../../src/output/charts.ts';
import { rasterise, renderPng, renderSvg } from '../../src/node/render.ts';
import { summariseRun } from '../../src/output/summary.ts';
import { namespaceSvgIds } from '../../src/output/svgIds.ts';
import { eventsForDisplay } from '../../src/output/timelineEvents.ts';
import { metricDefinitions } from '../../src/models/civil-society/metricDefinitions.ts';
import { fakeRun, fakeScenario } from '../output/fakeRun.ts';

async function chartSvg(title: string): Promise<string> {
  const scenario = fakeScenario({
    title: 'Render test',
    start: '2000-01',
    end: '2004-12',
    timeline: [{ date: '2002-01', label: 'An event', action: 'audit' }],
  });
  const run = fakeRun(scenario, 2, (i, t, r) => i + Math.sin(t / 6) + r);
  const ids = ['registered_ngos', 'active_ngos'];
  return renderSvg(
    buildChartSpec(
      {
        id: 'test',
        title,
        metrics: ['registered_ngos', 'active_ngos'],
        kind: 'line',
        annual: false,
        events: true,
      },
      {
        scenarioTitle: 'Render test',
        clock: 'month',
        unitWords: { currency: 'USD' },
        replicates: 2,
        seed: 1,
        events: eventsForDisplay(scenario.timeline),
        metrics: new Map(metricDefinitions.map((m) => [m.id, m])),
        ticks: summariseRun(run.replicates, ids, 'tick'),
        annual: summariseRun(run.replicates, ids, 'annual'),
      },
    ),
  );
}

/** Share of pixels whose colour differs by more than a faint anti-aliasing shade. */
function differingShare(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let differing = 0;
  for (let i = 0; i < a.length; i += 4) {
    const d = Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]);
    if (d > 60) differing++;
  }
  return differing / (a.length / 4);
}

describe('rendering', () => {
  it('writes an SVG with the chart title as text', async () => {
    const svg = await chartSvg('Title & <friends>');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<text[^>]*>Title &amp; &lt;friends&gt;<\/text>/);
    expect(svg).toMatch(/<text[^>]*>An event<\/text>/);
  });

  it('draws visible text in the PNG (fails when no system font is found)', async () => {
    const svg = await chartSvg('A chart title that takes up some room');
    const withoutText = svg.replace(/<text\b[\s\S]*?<\/text>/g, '');
    expect(withoutText).not.toContain('<text');
    const full = rasterise(svg);
    const bare = rasterise(withoutText);
    // title, subtitle, axis labels and legend cover 1-2% of the picture; without a font, exactly 0
    expect(differingShare(full.pixels, bare.pixels)).toBeGreaterThan(0.005);
  });

  it('renders PNG at twice the SVG size', async () => {
    const svg = await chartSvg('Size');
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const png = renderPng(svg);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(width * 2);
    expect(png.readUInt32BE(20)).toBe(height * 2);
  });
});

describe('namespaceSvgIds', () => {
  it('renames ids in order of appearance and every reference to them', () => {
    const svg =
      '<svg><defs><clipPath id="clip7"><rect/></clipPath><clipPath id="clip9"/></defs>' +
      '<g clip-path="url(#clip7)"/><use href="#clip9"/><use xlink:href="#clip7"/><g clip-path="url(#other)"/></svg>';
    expect(namespaceSvgIds(svg, 'chart-a')).toBe(
      '<svg><defs><clipPath id="chart-a-1"><rect/></clipPath><clipPath id="chart-a-2"/></defs>' +
        '<g clip-path="url(#chart-a-1)"/><use href="#chart-a-2"/><use xlink:href="#chart-a-1"/><g clip-path="url(#other)"/></svg>',
    );
  });

  it('gives the same chart the same SVG whatever was rendered before', async () => {
    const first = namespaceSvgIds(await chartSvg('Same'), 'c');
    await chartSvg('Something else in between');
    expect(namespaceSvgIds(await chartSvg('Same'), 'c')).toBe(first);
  });
});
