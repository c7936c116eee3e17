/**
 * The statistics `civsim compare` reports, against R 4.2.2 (test/fixtures/r-reference: reference.R and
 * its output, with how they were made): t tests, Wilcoxon signed-rank and rank-sum tests (exact and
 * normal), their null distributions, Holm's correction, effect sizes and the replicates a precision needs.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compareSamples, nonNormality } from '../../src/stats/chooseTest.ts';
import { cohenDz, hedgesG } from '../../src/stats/effectSize.ts';
import { holm } from '../../src/stats/holm.ts';
import { relativeHalfWidth, replicatesNeeded } from '../../src/stats/precision.ts';
import { rankSum, rankSumCdf, signedRank, signedRankCdf } from '../../src/stats/rankTests.ts';
import { pairedT, welchT } from '../../src/stats/tTests.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const cases: any = JSON.parse(
  readFileSync(new URL('../fixtures/r-reference/reference.json', import.meta.url), 'utf8'),
).cases;
const num = (v: number | string) => (typeof v === 'number' ? v : v === 'NaN' || v === 'NA' ? NaN : Number(v));

/** Relative closeness, exact for NaN and 0. */
function close(actual: number, expected: number | string, rel = 1e-9, abs = 1e-14) {
  const e = num(expected);
  if (Number.isNaN(e)) return expect(actual).toBeNaN();
  expect(Math.abs(actual - e)).toBeLessThanOrEqual(Math.max(abs, rel * Math.abs(e)));
}

describe('t tests against R', () => {
  for (const c of cases.paired_t) {
    it(`paired t: ${c.id}`, () => {
      const t = pairedT(c.x, c.y);
      close(t.statistic, c.statistic);
      close(t.df, c.parameter);
      // jStat's t distribution: quantiles within ~4e-8 of R, far-tail p-values within ~1e-6 (relative)
      close(t.p, c.p_value, 1e-5);
      close(t.ciLow, c.conf_int[0], 1e-6);
      close(t.ciHigh, c.conf_int[1], 1e-6);
      close(t.estimate, c.estimate[0]);
    });
  }
  for (const c of cases.welch_t) {
    it(`Welch t: ${c.id}`, () => {
      const t = welchT(c.x, c.y);
      close(t.statistic, c.statistic);
      close(t.df, c.parameter);
      close(t.p, c.p_value, 1e-5);
      close(t.ciLow, c.conf_int[0], 1e-6);
      close(t.ciHigh, c.conf_int[1], 1e-6);
    });
  }
  it('edge cases as R: constant differences have no test, all-zero differences give NaN', () => {
    const byId = Object.fromEntries(cases.edge_cases.map((e: { id: string }) => [e.id, e]));
    const constant = byId.paired_t_constant_differences;
    const t = pairedT(constant.x, constant.y);
    expect(t.p).toBeNaN();
    expect(t.note).toMatch(/constant/);
    expect(t.estimate).toBe(1);
    const zero = byId.paired_t_all_zero_differences;
    expect(pairedT(zero.x, zero.y).p).toBeNaN();
    expect(() => welchT(byId.welch_one_group_n1.x, byId.welch_one_group_n1.y)).toThrow(/at least 2/);
    const one = byId.welch_one_group_constant;
    close(welchT(one.x, one.y).p, one.p_value, 1e-5);
    const both = byId.welch_both_groups_constant;
    expect(welchT(both.x, both.y).p).toBeNaN();
  });
});

describe('rank tests against R', () => {
  for (const c of cases.psignrank) {
    it(`psignrank(${c.q}, ${c.n})`, () => close(signedRankCdf(c.q, c.n), c.psignrank, 1e-12));
  }
  for (const c of cases.pwilcox) {
    it(`pwilcox(${c.q}, ${c.m}, ${c.n})`, () => close(rankSumCdf(c.q, c.m, c.n), c.pwilcox, 1e-12));
  }
  const variants = {
    default: {},
    normal_cc: { exact: false, correct: true },
    normal_no_cc: { exact: false, correct: false },
  } as const;
  for (const c of cases.wilcoxon_signed_rank) {
    for (const [name, options] of Object.entries(variants)) {
      it(`signed rank ${name}: ${c.id}`, () => {
        const r = c.variants[name];
        const got = signedRank(c.x, c.y, options);
        expect(got.method).toBe(r.method);
        close(got.statistic, r.statistic);
        close(got.p, r.p_value, 1e-12);
      });
    }
  }
  for (const c of cases.mann_whitney) {
    for (const [name, options] of Object.entries(variants)) {
      it(`rank sum ${name}: ${c.id}`, () => {
        const r = c.variants[name];
        const got = rankSum(c.x, c.y, options);
        expect(got.method).toBe(r.method);
        close(got.statistic, r.statistic);
        close(got.p, r.p_value, 1e-12);
      });
    }
  }
  it('edge cases as R: all-zero differences and all-identical values give NaN', () => {
    const byId = Object.fromEntries(cases.edge_cases.map((e: { id: string }) => [e.id, e]));
    const zero = byId.wilcox_paired_all_zero_differences;
    const z = signedRank(zero.x, zero.y);
    expect(z.statistic).toBe(0);
    expect(z.p).toBeNaN();
    const same = byId.mann_whitney_all_identical;
    expect(rankSum(same.x, same.y).p).toBeNaN();
  });
});

describe("Holm's correction against R's p.adjust", () => {
  for (const c of cases.p_adjust) {
    it(c.id, () => holm(c.p).forEach((v, i) => close(v, c.holm[i], 1e-15)));
  }
  it('leaves NaN out of the family', () => {
    expect(holm([0.01, NaN, 0.04])).toEqual([0.02, NaN, 0.04]);
  });
});

describe('effect sizes and precision against R', () => {
  for (const c of cases.effect_sizes.two_sample) {
    it(`Hedges' g: ${c.id}`, () => close(hedgesG(c.x, c.y), c.hedges_g, 1e-12));
  }
  for (const c of cases.effect_sizes.paired) {
    it(`d_z: ${c.id}`, () => close(cohenDz(c.x, c.y), c.d_z, 1e-12));
  }
  for (const c of cases.required_replicates.samples) {
    it(`replicates for ±5%: ${c.id}`, () => {
      expect(replicatesNeeded(c.mean, c.sd, c.relative_half_width_target)).toBe(c.n_required);
      const atN = relativeHalfWidth(c.mean, c.sd, c.n_required) * Math.abs(c.mean);
      close(atN, c.half_width_at_n_required, 1e-7);
    });
  }
});

describe('the rule that picks a test', () => {
  const p1 = cases.paired_t[0];
  it('paired replicates with normal-looking differences: the paired t test', () => {
    const c = compareSamples(p1.x, p1.y, true);
    expect(c.result.test).toBe('paired-t');
    close(c.difference, p1.estimate[0]);
  });
  it('paired differences with one far outlier: the signed-rank test, and it says why', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [0.9, 1.8, 2.9, 3.7, 4.9, 5.8, 6.9, -20];
    expect(nonNormality(x.map((v, i) => v - y[i]))).toBeDefined();
    const c = compareSamples(x, y, true);
    expect(c.result.test).toBe('wilcoxon-signed-rank');
    expect(c.reason).toMatch(/non-normal/);
  });
  it('independent samples: Welch, or Mann–Whitney when one is skewed', () => {
    const u1 = cases.welch_t[0];
    expect(compareSamples(u1.x, u1.y, false).result.test).toBe('welch-t');
    const skewed = [1, 1.1, 1.2, 1.1, 1.3, 1.2, 9];
    expect(compareSamples(skewed, u1.y, false).result.test).toBe('mann-whitney');
  });
  it('below 6 values the t test is kept: no rank test could reach p < 0.05', () => {
    expect(nonNormality([1, 1, 1, 1, 50])).toBeUndefined();
  });
});
