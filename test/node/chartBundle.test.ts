import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { chartBundle, chartText, vegaLiteMimeType } from '../../src/node/chartBundle.ts';
import { chartSpecs, summariseForFiles } from '../../src/output/runFiles.ts';
import { fakeRun, fakeScenario } from '../output/fakeRun.ts';

function runChart(): TopLevelSpec {
  const scenario = fakeScenario({
    title: 'Bundle test',
    start: '2000-01',
    end: '2004-12',
    timeline: [{ date: '2002-01', label: 'An event', action: 'audit' }],
  });
  const run = fakeRun(scenario, 2, (i, t, r) => 1000 * (i + 1) + t + r);
  const chart = {
    id: 'counts',
    title: 'NGO counts',
    metrics: ['registered_ngos', 'active_ngos'],
    kind: 'line' as const,
    annual: true,
    events: true,
  };
  return chartSpecs(run, summariseForFiles(run, chart.metrics), [chart])[0].spec;
}

describe('chartBundle', () => {
  it('holds the live spec, a PNG at twice the chart size and the chart in words', async () => {
    const spec = runChart();
    const bundle = await chartBundle(spec, { text: 'Look at 2004.' });
    expect(Object.keys(bundle.data).sort()).toEqual(['image/png', 'text/plain', vegaLiteMimeType].sort());
    expect(vegaLiteMimeType).toBe('application/vnd.vegalite.v5+json');
    expect(bundle.data[vegaLiteMimeType]).toBe(spec);
    const png = Buffer.from(bundle.data['image/png'], 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const { width, height } = bundle.metadata['image/png'];
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(100);
    expect(png.readUInt32BE(16)).toBe(Math.round(width * 2));
    expect(png.readUInt32BE(20)).toBe(Math.round(height * 2));
    const text = bundle.data['text/plain'];
    expect(text.split('\n')[0]).toBe('NGO counts');
    expect(text).toContain('Bundle test');
    expect(text.endsWith('Look at 2004.')).toBe(true);
  });

  it("gives a run chart's first and last value of each metric", () => {
    const text = chartText(runChart());
    const lines = text.split('\n').filter((l) => l.startsWith('  '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ {2}.+: 2000 [\d,.]+ … 2004 [\d,.]+$/);
  });

  it('describes other charts by their rows and fields, and takes a plain title', () => {
    const spec = {
      title: 'Plain',
      data: { values: [{ x: 1, y: 2 }] },
      mark: 'point',
      encoding: { x: { field: 'x', type: 'quantitative' } },
    } as TopLevelSpec;
    expect(chartText(spec)).toBe('Plain\n  1 data rows (x, y)');
  });
});
