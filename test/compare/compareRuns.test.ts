import { describe, expect, it } from 'vitest';
import { compareRuns, pairingOf } from '../../src/compare/compareRuns.ts';
import { comparisonCsvLines } from '../../src/compare/comparisonCsv.ts';
import { comparisonMarkdown, escapeMarkdown } from '../../src/compare/reportMarkdown.ts';
import type { MetricDefinition } from '../../src/models/definition.ts';
import { pairedT, welchT } from '../../src/stats/tTests.ts';
import { fakeRun } from './fakeRun.ts';

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
