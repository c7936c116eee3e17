/**
 * Student's t quantile and distribution function (jStat) against R's qt and pt, recorded with R 4.2.2 in
 * test/fixtures/r-reference/ (reference.R makes reference.json): integer and fractional degrees of
 * freedom (Welch intervals have fractional ones), both tails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { t975, tCdf, tQuantile } from '../../src/stats/studentT.ts';

interface Reference {
  cases: {
    qt: { p: number; df: number; value: number }[];
    pt: { q: number; df: number; lower_tail: number }[];
  };
}
const reference = JSON.parse(
  readFileSync(new URL('../fixtures/r-reference/reference.json', import.meta.url), 'utf8'),
) as Reference;

/** Relative difference, the measure of agreement (jStat agrees with R to about 4e-8). */
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('Student t against R', () => {
  it.each(reference.cases.qt.map((c) => [c.p, c.df, c.value] as const))('qt(%s, %s) = %s', (p, df, value) => {
    expect(relative(tQuantile(p, df), value)).toBeLessThan(1e-7);
  });

  it.each(reference.cases.pt.map((c) => [c.q, c.df, c.lower_tail] as const))(
    'pt(%s, %s) = %s',
    (q, df, value) => {
      expect(relative(tCdf(q, df), value)).toBeLessThan(1e-7);
    },
  );

  it('covers fractional degrees of freedom', () => {
    expect(reference.cases.qt.some((c) => !Number.isInteger(c.df))).toBe(true);
  });

  it('gives the 95% critical values of the printed tables', () => {
    expect(t975(1)).toBeCloseTo(12.706, 3);
    expect(t975(9)).toBeCloseTo(2.262, 3);
    expect(t975(30)).toBeCloseTo(2.042, 3);
  });

  it('is NaN where it is undefined', () => {
    expect(tQuantile(0.975, 0)).toBeNaN();
    expect(tQuantile(0, 5)).toBeNaN();
    expect(tCdf(1, -1)).toBeNaN();
  });
});
