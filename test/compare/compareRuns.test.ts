import { describe, expect, it } from 'vitest';
import { compareRuns, pairingOf } from '../../src/compare/compareRuns.ts';
import { comparisonCsvLines } from '../../src/compare/comparisonCsv.ts';
import { compareCharts } from '../../src/compare/compareCharts.ts';
import { comparisonHtml } from '../../src/compare/reportHtml.ts';
import { comparisonMarkdown, escapeMarkdown, type ReportFacts } from '../../src/compare/reportMarkdown.ts';
import type { MetricDefinition } from '../../src/models/definition.ts';
import { pairedT, welchT } from '../../src/stats/tTests.ts';
import { fakeRun, fakeStepRun } from './fakeRun.ts';

const years = [2020, 2021, 2022];
const base = [
  [1, 2, 3.0],
  [1, 2, 3.4],
  [1, 2, 2.9],
  [1, 2, 3.3],
];
const better = [
  [1, 2.5, 4.1],
  [1, 2.4, 4.2],
  [1, 2.6, 3.8],
  [1, 2.5, 4.6],
];

describe('compareRuns', () => {
  it('pairs replicates only when every run used the same seed keys, and says why not otherwise', () => {
    expect(pairingOf([fakeRun('a', 'f', years, base), fakeRun('b', 'f', years, better)]).paired).toBe(true);
    const unpaired = pairingOf([fakeRun('a', 'a', years, base), fakeRun('b', 'b', years, better)]);
    expect(unpaired.paired).toBe(false);
    expect(unpaired.reason).toMatch(/stream families/);
    const seeds = pairingOf([fakeRun('a', 'f', years, base, 1), fakeRun('b', 'f', years, better, 2)]);
    expect(seeds.reason).toMatch(/master seeds \(1, 2\)/);
  });

  it('differences are the paired t estimates and intervals, Holm applied across the outcome table', () => {
    const data = compareRuns([fakeRun('a', 'f', years, base), fakeRun('b', 'f', years, better)], {
      baseline: 0,
      metrics: ['m'],
      years: [2021],
    });
    expect(data.outcomeYears).toEqual([2021, 2022]);
    const t = pairedT(
      better.map((r) => r[2]),
      base.map((r) => r[2]),
    );
    const d = data.differences[0];
    expect(d.mean[2]).toBeCloseTo(t.estimate, 12);
    expect(d.ciLow[2]).toBeCloseTo(t.ciLow, 12);
    // year 2020: identical in every replicate, no test
    expect(d.mean[0]).toBe(0);
    const tested = data.outcomes.filter((c) => c.versus);
    expect(tested).toHaveLength(2);
    const ps = tested.map((c) => c.versus!.result.p).sort((a, b) => a - b);
    const holmSmallest = Math.min(...tested.map((c) => c.versus!.pHolm));
    expect(holmSmallest).toBeCloseTo(Math.min(1, 2 * ps[0]), 12);
  });

  it('unpaired runs use Welch and the period they share, with a note', () => {
    const short = fakeRun(
      'b',
      'b',
      [2021, 2022],
      better.map((r) => r.slice(1)),
    );
    const data = compareRuns([fakeRun('a', 'a', years, base), short], { baseline: 0, metrics: ['m'] });
    expect(data.years).toEqual([2021, 2022]);
    expect(data.periodNote).toMatch(/2021–2022/);
    const cell = data.outcomes.find((c) => c.versus)!;
    expect(cell.versus!.result.test).toBe('welch-t');
    expect(cell.versus!.difference).toBeCloseTo(
      welchT(
        better.map((r) => r[2]),
        base.map((r) => r[2]),
      ).estimate,
      12,
    );
  });

  it('refuses runs that share no year', () => {
    expect(() =>
      compareRuns([fakeRun('a', 'f', [2020], [[1], [2]]), fakeRun('b', 'f', [2030], [[1], [2]])], {
        baseline: 0,
        metrics: ['m'],
      }),
    ).toThrow(/share no year/);
  });

  it('comparison.csv is tidy: one value per scenario × metric × year × statistic', () => {
    const data = compareRuns([fakeRun('a', 'f', years, base), fakeRun('b', 'f', years, better)], {
      baseline: 0,
      metrics: ['m'],
    });
    const lines = [...comparisonCsvLines(data)];
    expect(lines[0]).toBe('scenario,metric,year,statistic,value\n');
    const rows = lines.slice(1).map((l) => l.trimEnd().split(','));
    expect(rows.every((r) => r.length === 5)).toBe(true);
    const keys = rows.map((r) => r.slice(0, 4).join('/'));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('b/m/2022/p_holm');
    expect(keys).not.toContain('a/m/2022/p_holm');
  });

  it('report.md shows hostile titles as text and states the test rule and pairing', () => {
    const hostile = fakeRun('b', 'f', years, better);
    hostile.scenario.title = '<img src=x onerror=alert(1)> | *bold*';
    const data = compareRuns([fakeRun('a', 'f', years, base), hostile], { baseline: 0, metrics: ['m'] });
    const metric = {
      id: 'm',
      label: 'Members',
      unit: 'per 10k',
      direction: 'higher-is-better',
    } as MetricDefinition;
    const md = comparisonMarkdown(data, {
      runs: [
        { scenario: fakeRun('a', 'f', years, base).scenario, hash: 'h1', runId: 'r1' },
        { scenario: hostile.scenario, hash: 'h2', runId: 'r2' },
      ],
      metrics: new Map([['m', metric]]),
      civsimVersion: '0.1.0',
      gitCommit: null,
      commandLine: 'civsim compare a b',
      charts: [],
    });
    expect(md).not.toContain('<img');
    expect(md).toContain(escapeMarkdown('<img src=x onerror=alert(1)> | *bold*'));
    expect(md).toMatch(/common random numbers/);
    expect(md).toMatch(/Holm/);
    expect(md).toMatch(/Members: \+/);
    // each difference names its test
    expect(md).toMatch(/Δ \+[^|]*paired t test, p/);
  });
});

describe('compareRuns on a step model', () => {
  // four replicates of a step model over steps 0–4: identical until step 2, then apart
  const steady = [
    [0, 1, 2, 2.0, 2.1],
    [0, 1, 2, 2.3, 2.2],
    [0, 1, 2, 1.9, 2.0],
    [0, 1, 2, 2.2, 2.4],
  ];
  const rising = [
    [0, 1, 2, 3.1, 4.0],
    [0, 1, 2, 3.3, 4.4],
    [0, 1, 2, 2.8, 3.9],
    [0, 1, 2, 3.0, 4.5],
  ];
  const metric = { id: 'm', label: 'Rebels', unit: 'citizens', direction: 'neutral' } as MetricDefinition;
  const facts = (runs: ReturnType<typeof fakeStepRun>[]): ReportFacts => ({
    runs: runs.map((r, i) => ({ scenario: r.scenario, hash: `h${i}`, runId: `r${i}` })),
    metrics: new Map([['m', metric]]),
    civsimVersion: '0.1.0',
    gitCommit: null,
    commandLine: 'civsim compare a b',
    charts: [],
  });
  const runs = [fakeStepRun('steady', 'f', steady), fakeStepRun('rising', 'f', rising)];
  const data = compareRuns(runs, { baseline: 0, metrics: ['m'], years: [3] });

  it('compares step by step on the value after each step, the outcome at the last step', () => {
    expect(data.unit).toBe('step');
    expect(data.years).toEqual([0, 1, 2, 3, 4]);
    expect(data.outcomeYears).toEqual([3, 4]);
    expect(data.periodNote).toBeUndefined();
    const d = data.differences[0];
    expect(d.mean.slice(0, 3)).toEqual([0, 0, 0]);
    const t = pairedT(
      rising.map((r) => r[4]),
      steady.map((r) => r[4]),
    );
    expect(d.mean[4]).toBeCloseTo(t.estimate, 12);
    expect(d.ciHigh[4]).toBeCloseTo(t.ciHigh, 12);
    const last = data.outcomes.find((c) => c.scenario === 'rising' && c.year === 4)!;
    expect(last.summary.mean).toBeCloseTo(4.2, 12);
    expect(last.versus!.difference).toBeCloseTo(t.estimate, 12);
    expect(data.horizonValues.get('rising')!.get('m')).toEqual(rising.map((r) => r[4]));
  });

  it('runs of different lengths are compared over the steps they share, with a note in steps', () => {
    const short = fakeStepRun(
      'short',
      'f',
      rising.map((r) => r.slice(0, 3)),
    );
    const shared = compareRuns([runs[0], short], { baseline: 0, metrics: ['m'] });
    expect(shared.years).toEqual([0, 1, 2]);
    expect(shared.outcomeYears).toEqual([2]);
    expect(shared.periodNote).toBe(
      'The scenarios run for different numbers of steps (steady 0–4, short 0–2); they are compared over the steps they share, 0–2.',
    );
  });

  it('refuses to compare a step model with a calendar model', () => {
    expect(() =>
      compareRuns([runs[0], fakeRun('calendar', 'f', years, base)], { baseline: 0, metrics: ['m'] }),
    ).toThrow(/step model .* calendar model/);
  });

  it('tables, charts and reports say step, never year', () => {
    const csv = [...comparisonCsvLines(data)];
    expect(csv[0]).toBe('scenario,metric,step,statistic,value\n');
    expect(csv).toContain('rising,m,2,difference,0\n');
    expect(csv.some((l) => l.startsWith('rising,m,4,p_holm,'))).toBe(true);
    expect(csv.some((l) => l.startsWith('rising,m,3,p_holm,'))).toBe(true);
    expect(csv.some((l) => l.startsWith('rising,m,2,p_holm,'))).toBe(false);

    const md = comparisonMarkdown(data, facts(runs));
    expect(md).toContain('replicates; steps 0–4.');
    expect(md).toContain('**rising** against steady at step 4:');
    expect(md).toContain('## Outcomes at step 3');
    expect(md).toContain('## Outcomes at step 4');
    expect(md).toContain('## Precision at step 4');
    expect(md).toContain('scenario × metric × step tests');
    expect(md).not.toMatch(/\byears?\b/i);

    const html = comparisonHtml(data, facts(runs), []);
    expect(html).toContain('replicates; steps 0–4.</p>');
    expect(html).toContain('<h3>rising against steady at step 4</h3>');
    expect(html).toContain('<h3>Step 3</h3>');
    expect(html).toContain('<h2 id="precision">Precision at step 4</h2>');
    expect(html).not.toMatch(/\byears?\b/i);

    const charts = compareCharts(data, new Map([['m', metric]]));
    expect(charts.map((c) => c.title)).toContain('Replicates at step 4');
    const text = JSON.stringify(charts.map((c) => c.spec));
    expect(text).not.toMatch(/year/i);
    expect(text).toContain('{"field":"step","type":"quantitative","title":"Step","axis":{"format":"d"}}');
    expect(text).toContain('"title":"Step","format":"d"');
    expect(text).toContain('Every replicate at step 4');
    const rows = (charts[0].spec as { data: { values: { step: number }[] } }).data.values;
    expect(rows.map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
  });
});
