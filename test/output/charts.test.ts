import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import type { ChartContext } from '../../src/output/charts.ts';
import { buildChartSpec, chartRows, yAxisTitle, yearTickStep } from '../../src/output/charts.ts';
import { defaultCharts } from '../../src/models/civil-society/charts.ts';
import { summariseRun } from '../../src/output/summary.ts';
import { eventsForDisplay } from '../../src/output/timelineEvents.ts';
import { metricDefinitions } from '../../src/models/civil-society/metricDefinitions.ts';
import { metricIds } from '../../src/models/civil-society/schema.ts';
import type { ChartSpec } from '../../src/scenario/envelope.ts';
import { fakeRun, fakeScenario } from './fakeRun.ts';

const scenario = fakeScenario({
  title: 'Test country',
  currency: 'million KZT',
  start: '2000-01',
  end: '2009-12',
  seed: 42,
  timeline: [
    {
      date: '2003-06',
      label: 'Social order law',
      source: 'https://example.org/law',
      set: { 'ministries.socialOrder': 1 },
    },
    { date: 2005, label: 'Re-registration', action: 'reregistration' },
    { date: '1990', label: 'Before the run', action: 'audit' },
  ],
});

function context(
  replicates = 3,
  value?: (metric: number, tick: number, replicate: number) => number,
): ChartContext {
  const run = fakeRun(scenario, replicates, value);
  const ids = metricDefinitions.map((m) => m.id);
  return {
    scenarioTitle: 'Test country',
    clock: 'month',
    unitWords: { currency: scenario.currency },
    replicates,
    seed: scenario.seed,
    events: eventsForDisplay(scenario.timeline),
    metrics: new Map(metricDefinitions.map((m) => [m.id, m])),
    ticks: summariseRun(run.replicates, ids, 'tick'),
    annual: summariseRun(run.replicates, ids, 'annual'),
  };
}

const line: ChartSpec = {
  id: 'ngos',
  title: 'NGOs',
  metrics: ['registered_ngos', 'active_ngos'],
  kind: 'line',
  annual: false,
  events: true,
};

// the spec is a plain object; the tests read it loosely
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const layersOf = (spec: unknown) => (spec as Loose).layer as Loose[];
const marks = (spec: unknown) =>
  layersOf(spec).map((l) => (typeof l.mark === 'string' ? l.mark : l.mark.type));

describe('buildChartSpec: line charts', () => {
  const spec = buildChartSpec(line, context()) as Loose;

  it('draws a 95% band under a mean line, then the events', () => {
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
    expect(marks(spec).slice(0, 2)).toEqual(['area', 'line']);
    const [band, mean] = layersOf(spec);
    expect(band.encoding.y.field).toBe('lo');
    expect(band.encoding.y2.field).toBe('hi');
    expect(band.mark.opacity).toBeLessThan(0.5);
    expect(mean.encoding.y.field).toBe('mean');
    expect(mean.encoding.color.field).toBe('metric');
  });

  it('has the title, a subtitle with scenario, replicates and seed, and a unit on the y axis', () => {
    expect(spec.title.text).toBe('NGOs');
    expect(spec.title.subtitle.join(' ')).toMatch(/Test country · 3 replicates, seed 42/);
    expect(layersOf(spec)[1].encoding.y.title).toBe('organisations');
    expect(spec.width).toBe(760);
    expect(spec.height).toBe(320);
  });

  it('labels the legend with metric labels, not ids, in chart order', () => {
    const color = layersOf(spec)[1].encoding.color;
    expect(color.scale.domain).toEqual(['Registered NGOs', 'Active NGOs']);
    const rows = spec.data.values as Loose[];
    expect(new Set(rows.map((r) => r.metric))).toEqual(new Set(['Registered NGOs', 'Active NGOs']));
    expect(rows[0]).toMatchObject({ date: '2000-01-01', period: '2000-01', order: 0 });
  });

  it('marks only events inside the run as rules with tooltips and short labels', () => {
    const rule = layersOf(spec).find((l) => l.mark.type === 'rule')!;
    expect(rule.data.values.map((e: Loose) => e.date)).toEqual(['2003-06-01', '2005-01-01']);
    expect(rule.encoding.tooltip.map((t: Loose) => t.field)).toEqual([
      'number',
      'label',
      'day',
      'changes',
      'source',
    ]);
    // the tooltip shows the date as written (text), never parsed in a time zone
    expect(rule.data.values.map((e: Loose) => e.day)).toEqual(['2003-06-01', '2005-01-01']);
    expect(rule.encoding.x.scale).toEqual({ type: 'utc' });
    // numbered as in the report's timeline table (the event before the run is number 1)
    expect(rule.data.values.map((e: Loose) => e.number)).toEqual([2, 3]);
    // labels sit above the plot and the rules reach up to them
    for (const e of rule.data.values) {
      expect(e.y).toBeLessThan(0);
      expect(e.top).toBeLessThan(e.y);
    }
    expect(rule.data.values[0].source).toBe('https://example.org/law');
    const texts = layersOf(spec).filter((l) => l.mark.type === 'text');
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.encoding.text.field === 'short')).toBe(true);
  });

  it('draws no events when the chart turns them off', () => {
    expect(marks(buildChartSpec({ ...line, events: false }, context()))).toEqual(['area', 'line']);
  });

  it('drops the band with one replicate and says so', () => {
    const one = buildChartSpec(line, context(1)) as Loose;
    expect(marks(one).slice(0, 1)).toEqual(['line']);
    expect(one.title.subtitle.join(' ')).toMatch(/1 replicate, seed 42.*no confidence interval/);
  });

  it('compiles to Vega without warnings', () => {
    const warnings: string[] = [];
    const logger = { warn: (...m: unknown[]) => warnings.push(m.join(' ')) } as never;
    expect(() => compile(spec as never, { logger })).not.toThrow();
    expect(warnings).toEqual([]);
  });
});

describe('buildChartSpec: units and axes', () => {
  it('substitutes the currency and turns monthly flows into yearly ones for annual charts', () => {
    const funding: ChartSpec = { ...line, metrics: ['funding_grants'], annual: true };
    expect(yAxisTitle(funding, context())).toBe('million KZT/year');
    expect(yAxisTitle({ ...funding, annual: false }, context())).toBe('million KZT/month');
  });

  it('puts annual points in mid-year', () => {
    const rows = chartRows({ ...line, annual: true }, context());
    expect(rows[0]).toMatchObject({ date: '2000-07-01', period: '2000' });
  });

  it('reverses the y axis for CSI scores (1 is best) and says so', () => {
    const csi = buildChartSpec(
      defaultCharts.find((c) => c.id === 'csi')!,
      context(),
    ) as Loose;
    const y = layersOf(csi)[1].encoding.y;
    expect(y.scale.reverse).toBe(true);
    expect(y.title).toMatch(/1 \(best, at top\)/);
    expect(y.scale.domain).toBeUndefined(); // the fake values are not on the 1..7 scale
    const onScale = buildChartSpec(
      defaultCharts.find((c) => c.id === 'csi')!,
      context(3, (_m, t, r) => 1 + ((t + r) % 7) * 0.9),
    ) as Loose;
    expect(layersOf(onScale)[1].encoding.y.scale).toMatchObject({ reverse: true, domain: [1, 7] });
  });

  it('stacks the means of area charts in metric order, with no band', () => {
    const area = buildChartSpec(
      defaultCharts.find((c) => c.id === 'funding-sources')!,
      context(),
    ) as Loose;
    const first = layersOf(area)[0];
    expect(first.mark.type).toBe('area');
    expect(first.encoding.y.stack).toBe('zero');
    expect(first.encoding.order.field).toBe('order');
    expect(layersOf(area).filter((l) => l.mark.type === 'area')).toHaveLength(1);
  });

  it('spaces year ticks to about a dozen labels', () => {
    const rows = (from: number, to: number) => [{ date: `${from}-01-01` }, { date: `${to}-12-01` }] as never;
    expect(yearTickStep(rows(2000, 2004))).toBe(1);
    expect(yearTickStep(rows(1991, 2025))).toBe(5);
    expect(yearTickStep(rows(1900, 2099))).toBe(20);
  });
});

describe('defaultCharts', () => {
  it('has unique ids and only known metrics', () => {
    expect(new Set(defaultCharts.map((c) => c.id)).size).toBe(defaultCharts.length);
    for (const c of defaultCharts) for (const m of c.metrics) expect(metricIds).toContain(m);
  });

  it('covers the questions asked of a run', () => {
    const drawn = new Set(defaultCharts.flatMap((c) => c.metrics));
    for (const m of [
      'registered_ngos',
      'active_ngos',
      'dormant_ngos',
      'registered_per_10k',
      'foundings',
      'dissolutions',
      'funding_social_order',
      'funding_grants',
      'funding_foreign',
      'funding_donations',
      'funding_fees',
      'state_funding_share',
      'revenue_hhi',
      'budget_gini',
      'autonomy_independent',
      'advocacy_share',
      'civic_space',
      'volunteering_rate',
      'membership_rate',
      'donor_rate',
      'trust',
      'legitimacy',
      'csi_legal',
      'csi_capacity',
      'csi_financial',
      'csi_advocacy',
      'csi_service',
      'csi_infrastructure',
      'csi_image',
      'consultation_score',
    ] as const) {
      expect(drawn.has(m), m).toBe(true);
    }
    expect(defaultCharts.find((c) => c.id === 'funding-sources')).toMatchObject({
      kind: 'area',
      annual: true,
    });
    expect(defaultCharts.find((c) => c.id === 'foundings-dissolutions')?.annual).toBe(true);
  });

  it('all build for a run', () => {
    for (const c of defaultCharts) expect(() => buildChartSpec(c, context())).not.toThrow();
  });
});
