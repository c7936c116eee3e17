/**
 * The Epstein model's stylized facts (facts.ts) on NetLogo's Rebellion (the shipped epstein-netlogo
 * scenario), and their knockouts: punctuated outbursts need floor(C/A) and police; the sudden drop in
 * legitimacy outdoing a larger gradual one needs police. Each fact must hold with its mechanism and fail
 * without it. Also the outburst statistics on hand-made series.
 */
import { describe, expect, it } from 'vitest';
import { epstein } from '../../../src/models/epstein/index.ts';
import { outbursts } from '../../../src/models/epstein/facts.ts';
import { loadScenario } from '../../../src/node/index.ts';
import { checkFacts } from '../../../src/run/facts.ts';

describe('outbursts', () => {
  it('counts starts (upward crossings of 5% of citizens), peaks, waits and quiet steps (< 1%)', () => {
    // 100 citizens: outburst ≥ 5, quiet < 1
    const s = outbursts([0, 0, 7, 30, 4, 0, 0, 5, 9, 2, 0], 100, 1);
    expect(s.starts).toBe(2);
    expect(s.peaks).toEqual([0.3, 0.09]);
    expect(s.waits).toEqual([5]);
    expect(s.quietShare).toBeCloseTo(4 / 10, 12);
  });
});

describe('Epstein stylized facts on NetLogo’s Rebellion', async () => {
  const scenario = (await loadScenario('scenarios/classics/epstein-netlogo.yaml')).scenario;
  const outcomes = checkFacts(epstein, scenario, { replicates: 4, knockouts: true });

  for (const id of ['punctuated-outbursts', 'sudden-vs-gradual']) {
    it(`${id} holds, and fails under each knockout of its mechanism`, () => {
      const fact = outcomes.find((f) => f.id === id)!;
      const table = fact.rows.map((r) => `${r.statistic}: ${r.value} [${r.band}]`).join('\n');
      expect(fact.pass, table).toBe(true);
      expect(fact.knockouts!.length).toBeGreaterThan(0);
      for (const ko of fact.knockouts!) expect(ko.breaks, ko.label).toBe(true);
    });
  }
});
