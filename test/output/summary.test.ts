import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ci95HalfWidth, mean, sampleSd, summarise, summariseRun } from '../../src/output/summary.ts';
import { fakeRun, fakeScenario } from './fakeRun.ts';

describe('summarise', () => {
  it('matches hand-computed statistics of a textbook sample', () => {
    // 2 4 4 4 5 5 7 9: mean 5, squared deviations sum to 32, so s = sqrt(32/7); R: qt(0.975, 7) =
    // 2.364624251592785, and t.test(x)$conf.int = 3.212485, 6.787515
    const s = summarise([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2.138089935299395, 12);
    expect(s.ciLow).toBeCloseTo(5 - (2.364624251592785 * 2.138089935299395) / Math.sqrt(8), 6);
    expect(s.ciHigh).toBeCloseTo(5 + (2.364624251592785 * 2.138089935299395) / Math.sqrt(8), 6);
    expect(s.min).toBe(2);
    expect(s.max).toBe(9);
  });

  it('uses t(0.975, 1) = 12.7062 (R: qt(0.975, 1) = 12.706204736174694) for two values', () => {
    const s = summarise([1, 3]);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(s.ciHigh - s.mean).toBeCloseTo(12.706204736174694, 5); // t * sqrt(2) / sqrt(2)
  });

  it('leaves sd and the interval undefined (NaN) for one value', () => {
    const s = summarise([3.5]);
    expect(s).toMatchObject({ n: 1, mean: 3.5, min: 3.5, max: 3.5 });
    expect(s.sd).toBeNaN();
    expect(s.ciLow).toBeNaN();
    expect(s.ciHigh).toBeNaN();
  });

  it('skips NaN values instead of counting them as zero', () => {
    const s = summarise([1, Number.NaN, 3]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(2);
    expect(summarise([Number.NaN]).n).toBe(0);
    expect(summarise([Number.NaN]).mean).toBeNaN();
  });

  it('gives sd exactly 0 for a constant sample, even of large values', () => {
    expect(sampleSd([1e12 + 0.1, 1e12 + 0.1, 1e12 + 0.1])).toBe(0);
  });

  it('brackets the mean and the sample range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (xs) => {
          const s = summarise(xs);
          expect(s.ciLow).toBeLessThanOrEqual(s.mean);
          expect(s.ciHigh).toBeGreaterThanOrEqual(s.mean);
          expect(s.mean).toBeGreaterThanOrEqual(s.min - 1e-6);
          expect(s.mean).toBeLessThanOrEqual(s.max + 1e-6);
          expect(mean(xs)).toBe(s.mean);
        },
      ),
    );
  });

  it('computes the half-width as t(0.975, n - 1) * sd / sqrt(n)', () => {
    expect(ci95HalfWidth(3, 9)).toBeCloseTo(2.306004135204166, 6); // R: qt(0.975, 8); 3 / sqrt(9) = 1
    expect(ci95HalfWidth(2, 4)).toBeCloseTo(3.182446305284263, 6); // R: qt(0.975, 3); 2 / sqrt(4) = 1
    expect(ci95HalfWidth(1, 1)).toBeNaN();
  });
});

describe('summariseRun', () => {
  it('summarises each metric per month and per year over replicates', () => {
    // value = 1 + tick + replicate, so with replicates 0..2 the mean is tick + 2
    const run = fakeRun(fakeScenario(), 3, (_metric, t, r) => 1 + t + r);
    const monthly = summariseRun(run.replicates, ['active_ngos', 'trust'], 'tick');
    expect(monthly.keys.slice(0, 2)).toEqual(['2000-01', '2000-02']);
    expect(monthly.keys).toHaveLength(24);
    expect(monthly.metrics.map((m) => m.metric)).toEqual(['active_ngos', 'trust']);
    const active = monthly.metrics[0];
    expect(active.n[5]).toBe(3);
    expect(active.mean[5]).toBe(1 + 5 + 1);
    expect(active.sd[5]).toBe(1);
    expect(active.min[5]).toBe(6);
    expect(active.max[5]).toBe(8);

    const annual = summariseRun(run.replicates, ['active_ngos'], 'annual');
    expect(annual.keys).toEqual(['2000', '2001']);
    // year 2000 sums ticks 0..11 of 1 + t + r: 12 + 66 + 12r, mean over r = 0..2 is 90
    expect(annual.metrics[0].mean[0]).toBe(90);
  });

  it('refuses replicates with different time axes', () => {
    const a = fakeRun(fakeScenario(), 1).replicates[0];
    const b = fakeRun(fakeScenario({ end: '2002-12' }), 1).replicates[0];
    expect(() => summariseRun([a, b], ['trust'], 'tick')).toThrow(/time steps/);
  });
});
