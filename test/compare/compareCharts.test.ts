import { describe, expect, it } from 'vitest';
import { compareCharts } from '../../src/compare/compareCharts.ts';
import { compareRuns } from '../../src/compare/compareRuns.ts';
import { mixCharts, timelineChart } from '../../src/compare/contextCharts.ts';
import type { MetricDefinition } from '../../src/models/definition.ts';
import { renderSvg } from '../../src/node/render.ts';
import { palette } from '../../src/output/chartTheme.ts';
import { fakeRun, fakeStepRun } from './fakeRun.ts';

const years = [2020, 2021, 2022];
const runs = [0, 1, 2].map((s) =>
  fakeRun(
    ['base', 'up', 'down'][s],
    'f',
    years,
    [0, 1, 2, 3].map((r) => years.map((_, y) => 1 + y * (s === 1 ? 1 : s === 2 ? -0.5 : 0) + r * 0.1)),
  ),
);
const metric = {
  id: 'm',
  label: 'Members',
  unit: 'per 10k',
  direction: 'higher-is-better',
} as MetricDefinition;

describe('comparison charts', () => {
  const data = compareRuns(runs, { baseline: 0, metrics: ['m'] });
  const charts = compareCharts(data, new Map([['m', metric]]));

  it('one colour per scenario, the same in every chart, from the colour-blind-safe palette', () => {
    expect(charts.map((c) => c.id)).toEqual(['trajectories', 'differences', 'distributions']);
    const text = JSON.stringify(charts.map((c) => c.spec));
    expect(text).toContain(JSON.stringify({ domain: ['base', 'up', 'down'], range: palette.slice(0, 3) }));
    expect(text).toContain('Members (per 10k) ↑ better');
  });

  it('differences leave the baseline out and draw the zero line', () => {
    const spec = JSON.stringify(charts[1].spec);
    const rows = (charts[1].spec as { data: { values: { scenario: string }[] } }).data.values;
    expect(new Set(rows.map((r) => r.scenario))).toEqual(new Set(['up', 'down']));
    expect(spec).toContain(JSON.stringify({ domain: ['up', 'down'], range: palette.slice(1, 3) }));
    expect(spec).toContain('"datum":0');
  });

  it('every chart renders to SVG with a mark per scenario', async () => {
    for (const chart of charts) {
      const svg = await renderSvg(chart.spec);
      expect(svg).toMatch(/^<svg/);
      // the baseline's blue appears only where the baseline is drawn; the others keep their colours
      const shown = chart.id === 'differences' ? palette.slice(1, 3) : palette.slice(0, 3);
      for (const c of shown) expect(svg.toLowerCase()).toContain(c.toLowerCase());
      if (chart.id === 'differences') expect(svg.toLowerCase()).not.toContain(palette[0].toLowerCase());
    }
  }, 30_000);
});

describe('context charts', () => {
  const timeline = (events: { date: string; set: Record<string, number> }[]) => events;
  const withTimeline = (name: string, events: { date: string; set: Record<string, number> }[]) => {
    const run = fakeRun(name, 'f', years, [[1, 2, 3]]);
    (run.scenario as unknown as { timeline: unknown }).timeline = timeline(events);
    return run;
  };

  it('timelines: events the baseline shares are faint, the ones that differ are not', () => {
    const shared = { date: '2020-01', set: { 'levers.a': 1 } };
    const chart = timelineChart(
      [
        withTimeline('base', [shared]),
        withTimeline('other', [shared, { date: '2021-01', set: { 'levers.a': 2 } }]),
      ],
      0,
    );
    const rows = (chart.spec as { data: { values: { scenario: string; event: string; opacity: number }[] } })
      .data.values;
    expect(rows.map((r) => r.opacity)).toEqual([0.9, 0.2, 0.9]);
    expect(rows.map((r) => `${r.scenario}:${r.event}`)).toEqual([
      'base:baseline',
      'other:as the baseline',
      'other:differs',
    ]);
  });

  it('a step model’s timelines and mix are drawn over its steps', async () => {
    const run = (name: string, step: number) => {
      const r = fakeStepRun(name, 'f', [
        [0, 1, 2],
        [2, 3, 4],
      ]);
      const scenario = r.scenario as unknown as { timeline: unknown; steps: number };
      scenario.timeline = [{ step, set: { 'levers.a': 1 } }];
      scenario.steps = 2;
      return r;
    };
    const runs = [run('base', 1), run('other', 2)];
    const chart = timelineChart(runs, 0);
    const text = JSON.stringify(chart.spec);
    expect(text).toContain(
      '"x":{"field":"step","type":"quantitative","title":"Step","scale":{"domain":[0,2]}}',
    );
    expect(text).not.toMatch(/date|year/);
    const rows = (chart.spec as { data: { values: { step: number; event: string }[] } }).data.values;
    expect(rows.map((r) => `${r.step}:${r.event}`)).toEqual(['1:baseline', '2:differs']);
    expect(await renderSvg(chart.spec)).toMatch(/^<svg/);
    const [mix] = mixCharts(
      runs.slice(0, 1),
      [0, 1, 2],
      [{ id: 'money', title: 'Money', metrics: ['m'], kind: 'area', annual: false, events: false }],
      new Map([['m', metric]]),
    );
    const mixRows = (mix.spec as { data: { values: { step: number; value: number }[] } }).data.values;
    expect(mixRows.map((r) => [r.step, r.value])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(JSON.stringify(mix.spec)).not.toMatch(/year/);
  }, 30_000);

  it('the mix of each stacked-area chart, one panel per scenario, from the replicates’ means', () => {
    const [chart] = mixCharts(
      [
        fakeRun('base', 'f', years, [
          [1, 2, 3],
          [3, 4, 5],
        ]),
      ],
      years,
      [
        { id: 'money', title: 'Money', metrics: ['m'], kind: 'area', annual: true, events: false },
        { id: 'x', title: 'X', metrics: ['m'], kind: 'line', annual: true, events: false },
      ],
      new Map([['m', metric]]),
    );
    const rows = (chart.spec as { data: { values: { year: number; value: number }[] } }).data.values;
    expect(chart.id).toBe('mix-money');
    expect(rows.map((r) => r.value)).toEqual([2, 3, 4]);
  });
});
