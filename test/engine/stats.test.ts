/** Descriptive statistics: Gini, HHI, logistic, clamp, monthly from annual probabilities, t quantiles. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clamp01, gini, hhi, logistic, monthlyFromAnnual } from '../../src/engine/stats.ts';

/** Gini by its definition: mean absolute difference over all ordered pairs / (2 · mean). */
function giniByDefinition(xs: number[]): number {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (mean === 0) return 0;
  let diff = 0;
  for (const a of xs) for (const b of xs) diff += Math.abs(a - b);
  return diff / (2 * n * n * mean);
}

describe('gini', () => {
  it('is 0 when everyone holds the same: exactly, never a rounding error below 0', () => {
    expect(gini([5, 5, 5, 5], 4)).toBe(0);
    // the formula gives ±2.2e-16 for these; a Gini of −2e-16 is outside the index's [0, 1]
    for (const v of [0.1, 0.7, 1e-29])
      for (const n of [2, 5, 7, 10]) expect(gini(new Array(n).fill(v), n)).toBe(0);
  });

  it('is (n − 1)/n when one holds everything', () => {
    for (const n of [2, 3, 10, 101]) {
      const xs = new Array<number>(n).fill(0);
      xs[Math.floor(n / 2)] = 7;
      expect(gini(xs, n)).toBeCloseTo((n - 1) / n, 12);
    }
  });

  it('matches a hand-computed example: [1, 2, 3, 4] → 0.25, in any order', () => {
    // pairs differ by 1,2,3,1,2,1 (sum 10, both orders 20); 20 / (2 · 16 · 2.5) = 0.25
    expect(gini([1, 2, 3, 4], 4)).toBeCloseTo(0.25, 12);
    expect(gini([4, 1, 3, 2], 4)).toBeCloseTo(0.25, 12);
  });

  it('counts negative values as 0 and is 0 with no positive total or fewer than 2 values', () => {
    expect(gini([-5, 0, 10], 3)).toBeCloseTo(gini([0, 0, 10], 3), 12);
    expect(gini([0, 0, 0], 3)).toBe(0);
    expect(gini([-1, -2], 2)).toBe(0);
    expect(gini([9], 1)).toBe(0);
    expect(gini([], 0)).toBe(0);
  });

  it('uses only the first n values and leaves the input alone; scratch may be reused', () => {
    const values = Float64Array.of(3, 1, 2, 1000, 1000);
    const scratch = new Float64Array(10).fill(-1);
    expect(gini(values, 3, scratch)).toBeCloseTo(giniByDefinition([3, 1, 2]), 12);
    expect(Array.from(values)).toEqual([3, 1, 2, 1000, 1000]);
    // a scratch too short is ignored rather than overrun
    expect(gini(values, 5, new Float64Array(2))).toBeCloseTo(giniByDefinition([3, 1, 2, 1000, 1000]), 12);
  });

  it('agrees with the definition and lies in [0, 1) for any non-negative values', () => {
    fc.assert(
      // zeros and normal numbers (subnormals like 3.5e-323 have too few digits for any formula)
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), {
          minLength: 2,
          maxLength: 50,
        }),
        (xs) => {
          const g = gini(xs, xs.length);
          expect(g).toBeGreaterThanOrEqual(0);
          expect(g).toBeLessThan(1);
          expect(Math.abs(g - giniByDefinition(xs))).toBeLessThan(1e-9);
        },
      ),
    );
  });
});

describe('hhi', () => {
  it('sums squared shares: 1 for one holder, 1/n for n equal holders', () => {
    expect(hhi([0, 0, 3])).toBe(1);
    expect(hhi([2, 2, 2, 2])).toBeCloseTo(0.25, 12);
    expect(hhi([1, 3])).toBeCloseTo(0.0625 + 0.5625, 12);
  });

  it('ignores negative parts and is 0 with nothing to share', () => {
    expect(hhi([-4, 1, 1])).toBeCloseTo(0.5, 12);
    expect(hhi([0, 0])).toBe(0);
    expect(hhi([])).toBe(0);
  });

  it('lies in [1/n, 1] for any positive parts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (xs) => {
          const h = hhi(xs);
          expect(h).toBeGreaterThanOrEqual(1 / xs.length - 1e-12);
          expect(h).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });
});

describe('logistic and clamp01', () => {
  it('logistic: σ(0) = ½, σ(−z) = 1 − σ(z), saturates without NaN', () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(Math.log(3))).toBeCloseTo(0.75, 12);
    expect(logistic(2) + logistic(-2)).toBeCloseTo(1, 12);
    expect(logistic(1000)).toBe(1);
    expect(logistic(-1000)).toBe(0);
  });

  it('clamp01 clamps to [0, 1]', () => {
    expect(clamp01(-0.5)).toBe(0);
    expect(clamp01(0.3)).toBe(0.3);
    expect(clamp01(1.5)).toBe(1);
  });
});

describe('monthlyFromAnnual', () => {
  it('twelve months at the monthly probability compound back to the annual one', () => {
    for (const p of [0.001, 0.05, 0.3, 0.5, 0.9, 0.999]) {
      const m = monthlyFromAnnual(p);
      expect(m).toBeGreaterThan(0);
      expect(m).toBeLessThan(p);
      expect(1 - Math.pow(1 - m, 12)).toBeCloseTo(p, 12);
    }
  });

  it('is 0 for p ≤ 0 and 1 for p ≥ 1', () => {
    expect(monthlyFromAnnual(0)).toBe(0);
    expect(monthlyFromAnnual(-1)).toBe(0);
    expect(monthlyFromAnnual(1)).toBe(1);
    expect(monthlyFromAnnual(2)).toBe(1);
  });
});
