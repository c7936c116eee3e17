/**
 * The two-sample Kolmogorov–Smirnov test the docking tests use: D equal to SciPy's, the Kolmogorov
 * survival function equal to SciPy's kstwobign (fixture made by test/fixtures/scipy-reference/ks.py),
 * and p-values that behave: near-uniform for samples of one distribution, small for shifted ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/engine/random.ts';
import { kolmogorovQ, ksTwoSample } from '../../src/stats/ksTest.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/scipy-reference/ks.json', import.meta.url), 'utf8'),
) as { cases: { x: number[]; y: number[]; statistic: number; kolmogorov_sf: number; sqrt_en: number }[] };

describe('two-sample Kolmogorov–Smirnov', () => {
  it('gives SciPy’s statistic and Kolmogorov tail', () => {
    for (const c of fixture.cases) {
      const r = ksTwoSample(c.x, c.y);
      expect(r.statistic).toBeCloseTo(c.statistic, 12);
      expect(kolmogorovQ(c.sqrt_en * c.statistic)).toBeCloseTo(c.kolmogorov_sf, 8);
      // the small-sample correction only makes λ larger, so p no larger than the plain tail
      expect(r.pValue).toBeLessThanOrEqual(c.kolmogorov_sf + 1e-12);
    }
  });

  it('rarely rejects samples of one distribution, and does reject a shifted one', () => {
    const random = createStream({ family: 'ks', seed: 1, replicate: 0, name: 'x' });
    let rejected = 0;
    for (let k = 0; k < 200; k++) {
      const x = Array.from({ length: 50 }, () => random.normal());
      const y = Array.from({ length: 70 }, () => random.normal());
      if (ksTwoSample(x, y).pValue < 0.05) rejected++;
    }
    expect(rejected).toBeLessThan(20); // about 5% of 200, conservative
    const x = Array.from({ length: 100 }, () => random.normal());
    const y = Array.from({ length: 100 }, () => random.normal() + 1);
    expect(ksTwoSample(x, y).pValue).toBeLessThan(1e-4);
    expect(ksTwoSample([1, 2, 3], [1, 2, 3])).toEqual({ statistic: 0, pValue: 1 });
    expect(Number.isNaN(ksTwoSample([], [1]).pValue)).toBe(true);
  });
});
