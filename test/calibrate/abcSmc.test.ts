/**
 * The ABC-SMC core (the functions calibrateToFolder calls, generation by generation) on problems whose
 * posterior is known in closed form: with a flat prior and a Gaussian simulator, the posterior of a mean
 * is the Gaussian around the observation with the simulator's sd. Also: the same seed gives the same
 * particles; proposals stay inside the prior; the weights are prior / proposal; the stopping rule.
 */
import { describe, expect, it } from 'vitest';
import {
  cholesky,
  keptCount,
  proposalCount,
  proposalsFor,
  selectGeneration,
  shouldContinue,
  type AbcSettings,
  type GenerationResult,
  type Particle,
  type Prior,
} from '../../src/calibrate/abcSmc.ts';
import { effectiveSampleSize, parameterSummaries, weightedQuantile } from '../../src/calibrate/posterior.ts';
import { createStream } from '../../src/engine/random.ts';

/** Runs ABC-SMC with a simulator given as a function (the role the sweep plays in civsim calibrate). */
function calibrate(
  priors: Prior[],
  settings: AbcSettings,
  simulate: (theta: number[], noise: () => number) => number,
): GenerationResult[] {
  const results: GenerationResult[] = [];
  let previous: GenerationResult | undefined;
  for (let generation = 1; ; generation++) {
    const proposals = proposalsFor(generation, previous, priors, settings);
    const fresh: Particle[] = proposals.map((p) => {
      const random = createStream({
        family: 'test-sim',
        seed: settings.seed,
        replicate: generation,
        name: `${p.index}`,
      });
      return {
        generation,
        index: p.index,
        theta: p.theta,
        weight: p.weight,
        distance: simulate(p.theta, () => random.normal()),
      };
    });
    const result = selectGeneration(generation, fresh, previous, settings);
    results.push(result);
    if (!shouldContinue(result, settings)) return results;
    previous = result;
  }
}

const settings: AbcSettings = {
  particles: 1000,
  alpha: 0.5,
  minAcceptance: 0.03,
  maxGenerations: 30,
  seed: 7,
};

describe('ABC-SMC (Lenormand et al. 2013)', () => {
  it('recovers the posterior of a normal mean: N(observed, sd²) under a flat prior', () => {
    // y ~ N(θ, 0.2²), observed 1.3, prior U(−5, 5): posterior ≈ N(1.3, 0.2²)
    const observed = 1.3;
    const results = calibrate(
      [{ path: 'theta', low: -5, high: 5, log: false }],
      settings,
      (theta, noise) => Math.abs(theta[0] + 0.2 * noise() - observed) / 0.2,
    );
    const kept = results[results.length - 1].kept;
    const [s] = parameterSummaries(kept, [{ path: 'theta', low: -5, high: 5, log: false }]);
    expect(s.mean).toBeGreaterThan(1.3 - 0.05);
    expect(s.mean).toBeLessThan(1.3 + 0.05);
    // the tolerance never reaches 0, so the ABC posterior is a little wider than the exact one
    expect(s.sd).toBeGreaterThan(0.17);
    expect(s.sd).toBeLessThan(0.26);
    expect(s.low).toBeLessThan(1.3 - 0.3);
    expect(s.high).toBeGreaterThan(1.3 + 0.3);
    // the tolerance fell, and the run stopped by the acceptance rule, not the cap
    expect(results[results.length - 1].epsilon).toBeLessThan(results[0].epsilon / 10);
    expect(results.length).toBeLessThan(settings.maxGenerations);
    expect(results[results.length - 1].acceptance).toBeLessThanOrEqual(settings.minAcceptance);
  });

  it('recovers two parameters at once, one on a log-uniform prior', () => {
    // a ~ N(2, 0.1²) directly; b seen through log b ~ N(log 0.01, 0.1²), prior log-uniform 1e-4–1
    const priors: Prior[] = [
      { path: 'a', low: 0, high: 10, log: false },
      { path: 'b', low: 1e-4, high: 1, log: true },
    ];
    const results = calibrate(priors, { ...settings, particles: 600 }, ([a, b], noise) =>
      Math.hypot((a + 0.1 * noise() - 2) / 0.1, (Math.log(b) + 0.1 * noise() - Math.log(0.01)) / 0.1),
    );
    const [sa, sb] = parameterSummaries(results[results.length - 1].kept, priors);
    expect(Math.abs(sa.median - 2)).toBeLessThan(0.06);
    expect(Math.abs(Math.log(sb.median / 0.01))).toBeLessThan(0.06);
    expect(sb.low).toBeGreaterThan(0.006);
    expect(sb.high).toBeLessThan(0.016);
    expect(sa.narrowing).toBeLessThan(0.1);
  });

  it('leaves the prior unchanged where the targets say nothing about a parameter', () => {
    const priors: Prior[] = [
      { path: 'informed', low: 0, high: 1, log: false },
      { path: 'ignored', low: 0, high: 1, log: false },
    ];
    const results = calibrate(
      priors,
      { ...settings, particles: 800 },
      ([x], noise) => Math.abs(x + 0.05 * noise() - 0.5) / 0.05,
    );
    const [informed, ignored] = parameterSummaries(results[results.length - 1].kept, priors);
    expect(informed.narrowing).toBeLessThan(0.5);
    expect(ignored.narrowing).toBeGreaterThan(0.85);
    expect(Math.abs(ignored.median - 0.5)).toBeLessThan(0.1);
  });

  it('draws the same particles from the same seed, other ones from another, always inside the prior', () => {
    const priors: Prior[] = [{ path: 'x', low: 0.1, high: 10, log: true }];
    const small = { ...settings, particles: 40 };
    const first = proposalsFor(1, undefined, priors, small);
    expect(proposalsFor(1, undefined, priors, small)).toEqual(first);
    expect(proposalsFor(1, undefined, priors, { ...small, seed: 8 })).not.toEqual(first);
    const fresh = first.map((p) => ({ generation: 1, ...p, distance: Math.abs(Math.log(p.theta[0])) }));
    const g1 = selectGeneration(1, fresh, undefined, small);
    expect(g1.kept).toHaveLength(keptCount(small));
    const moved = proposalsFor(2, g1, priors, small);
    expect(moved).toHaveLength(proposalCount(small, 2));
    expect(moved).toEqual(proposalsFor(2, g1, priors, small));
    for (const p of moved) {
      expect(p.theta[0]).toBeGreaterThanOrEqual(0.1);
      expect(p.theta[0]).toBeLessThanOrEqual(10);
      expect(p.weight).toBeGreaterThan(0);
    }
    // a particle proposed near many kept ones is less surprising than one far out: a lower weight
    const kept = g1.kept.map((p) => p.theta[0]);
    const central = moved.reduce((a, b) =>
      Math.abs(Math.log(a.theta[0])) < Math.abs(Math.log(b.theta[0])) ? a : b,
    );
    const outlying = moved.reduce((a, b) =>
      Math.abs(Math.log(a.theta[0])) > Math.abs(Math.log(b.theta[0])) ? a : b,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(central.weight).toBeLessThan(outlying.weight);
  });

  it('keeps the closest α share, sets ε to their largest distance, and measures acceptance against the last ε', () => {
    const s = { ...settings, particles: 10, alpha: 0.5 };
    const p = (generation: number, index: number, distance: number): Particle => ({
      generation,
      index,
      theta: [0],
      weight: 1,
      distance,
    });
    const g1 = selectGeneration(
      1,
      [9, 1, 5, 3, 7, 2, 8, 4, 6, 10].map((d, i) => p(1, i, d)),
      undefined,
      s,
    );
    expect(g1.kept.map((k) => k.distance)).toEqual([1, 2, 3, 4, 5]);
    expect(g1.epsilon).toBe(5);
    expect(Number.isNaN(g1.acceptance)).toBe(true);
    const g2 = selectGeneration(
      2,
      [0.5, 4.5, 6, 7, Infinity].map((d, i) => p(2, i, d)),
      g1,
      s,
    );
    expect(g2.acceptance).toBe(2 / 5);
    expect(g2.kept.map((k) => k.distance)).toEqual([0.5, 1, 2, 3, 4]);
    expect(g2.epsilon).toBe(4);
    expect(shouldContinue(g2, { ...s, minAcceptance: 0.4 })).toBe(false);
    expect(shouldContinue(g2, { ...s, minAcceptance: 0.3 })).toBe(true);
    expect(shouldContinue(g2, { ...s, minAcceptance: 0.3, maxGenerations: 2 })).toBe(false);
  });

  it('factors a covariance (Cholesky) and summarises weighted samples', () => {
    const l = cholesky([
      [4, 2],
      [2, 3],
    ]);
    expect(l[0][0] * l[0][0]).toBeCloseTo(4);
    expect(l[1][0] * l[0][0]).toBeCloseTo(2);
    expect(l[1][0] ** 2 + l[1][1] ** 2).toBeCloseTo(3);
    expect(() => cholesky([[0]])).toThrow(/positive definite/);
    expect(weightedQuantile([1, 2, 3], [1, 1, 1], 0.5)).toBe(2);
    expect(weightedQuantile([1, 2, 3], [0, 0, 1], 0.5)).toBe(3);
    expect(weightedQuantile([1, 3], [1, 1], 0.5)).toBe(2);
    expect(effectiveSampleSize([1, 1, 1, 1])).toBe(4);
    expect(effectiveSampleSize([1, 0, 0, 0])).toBe(1);
  });
});
