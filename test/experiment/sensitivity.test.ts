/**
 * Sensitivity estimators, checked three ways: the exact formulas against R on fixed designs
 * (test/fixtures/r-reference: Saltelli 2010 S, Jansen ST, Morris μ, μ*, σ), convergence to the known
 * indices of the Ishigami and Sobol g functions through civsim's own designs, and bootstrap intervals
 * that cover the true values. Plus R's type-7 quantiles behind those intervals.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDesign } from '../../src/experiment/design.ts';
import { elementaryEffects, morrisIndices } from '../../src/experiment/morrisIndices.ts';
import type { ParameterSpec } from '../../src/experiment/parameter.ts';
import {
  jansenTotal,
  pooledVariance,
  saltelliFirst,
  sobolIndices,
} from '../../src/experiment/sobolIndices.ts';
import { quantileSorted } from '../../src/stats/quantile.ts';

interface RFactor {
  factor: number;
  f_ABi: number[];
  S_saltelli2010: number;
  ST_jansen: number;
}
const reference = JSON.parse(
  readFileSync(new URL('../fixtures/r-reference/reference.json', import.meta.url), 'utf8'),
) as {
  cases: {
    sensitivity: {
      ishigami_analytic: { a: number; b: number; S: number[]; ST: number[] };
      sobol_g_function_analytic: { a: number[]; S: number[]; ST: number[] };
      sobol_estimators_fixed_design: { f_A: number[]; f_B: number[]; V_hat: number; per_factor: RFactor[] };
      morris_fixed_trajectories: {
        // steps_unit and elementary_effects: per factor (index = factor − 1), not per step
        trajectories: { order: number[]; steps_unit: number[]; f: number[]; elementary_effects: number[] }[];
        mu: number[];
        mu_star: number[];
        sigma: number[];
      };
    };
    quantiles: { x: number[]; probs: number[]; type7: number[] }[];
  };
};
const sensitivity = reference.cases.sensitivity;

const close = (actual: number, expected: number, relative = 1e-12, absolute = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(absolute, relative * Math.abs(expected)));

function ishigami(x: number[], a = 7, b = 0.1): number {
  return Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
}
const gFunction = (a: readonly number[]) => (u: number[]) =>
  u.reduce((product, x, i) => product * ((Math.abs(4 * x - 2) + a[i]) / (1 + a[i])), 1);

const unitRange = (path: string): ParameterSpec => ({ path, range: { low: 0, high: 1, log: false } });
const piRange = (path: string): ParameterSpec => ({
  path,
  range: { low: -Math.PI, high: Math.PI, log: false },
});

describe('the estimators compute the formulas R computes', () => {
  it('Saltelli 2010 S and Jansen ST on a fixed 64-row design', () => {
    const fixed = sensitivity.sobol_estimators_fixed_design;
    const v = pooledVariance(fixed.f_A, fixed.f_B);
    close(v, fixed.V_hat);
    for (const factor of fixed.per_factor) {
      close(saltelliFirst(fixed.f_A, fixed.f_B, factor.f_ABi, v), factor.S_saltelli2010);
      close(jansenTotal(fixed.f_A, factor.f_ABi, v), factor.ST_jansen);
    }
  });

  it('the same through sobolIndices, from outputs in the design’s layout (A, AB_1…AB_k, B per row)', () => {
    const fixed = sensitivity.sobol_estimators_fixed_design;
    const k = fixed.per_factor.length;
    const outputs = fixed.f_A.flatMap((a, j) => [
      a,
      ...fixed.per_factor.map((f) => f.f_ABi[j]),
      fixed.f_B[j],
    ]);
    const indices = sobolIndices(outputs, k, { seed: 1, resamples: 0 });
    indices.first.forEach((s, i) => close(s, fixed.per_factor[i].S_saltelli2010));
    indices.total.forEach((s, i) => close(s, fixed.per_factor[i].ST_jansen));
  });

  it('Morris elementary effects, μ, μ* and σ on six fixed trajectories', () => {
    const fixed = sensitivity.morris_fixed_trajectories;
    const k = 3;
    const steps = fixed.trajectories.map((t) =>
      t.order.map((factor) => ({ parameter: factor - 1, change: t.steps_unit[factor - 1] })),
    );
    const outputs = fixed.trajectories.flatMap((t) => t.f);
    const effects = elementaryEffects(outputs, steps, k);
    fixed.trajectories.forEach((t, r) =>
      t.order.forEach((factor) =>
        close(effects[factor - 1][r], t.elementary_effects[factor - 1], 1e-12, 1e-9),
      ),
    );
    const indices = morrisIndices(outputs, steps, k, { seed: 1, resamples: 0 });
    for (let i = 0; i < k; i++) {
      close(indices.mu[i], fixed.mu[i], 1e-12, 1e-9);
      close(indices.muStar[i], fixed.mu_star[i], 1e-12, 1e-9);
      close(indices.sigma[i], fixed.sigma[i], 1e-12, 1e-9);
    }
  });

  it('R’s type-7 quantiles', () => {
    for (const q of reference.cases.quantiles) {
      const sorted = [...q.x].sort((a, b) => a - b);
      q.probs.forEach((p, i) => close(quantileSorted(sorted, p), q.type7[i], 1e-12));
    }
  });
});

describe('the indices converge to known values through civsim’s designs', () => {
  it('Ishigami (a = 7, b = 0.1): S and ST within 0.02 of the analytic values, intervals covering them', () => {
    const truth = sensitivity.ishigami_analytic;
    const parameters = ['x1', 'x2', 'x3'].map(piRange);
    const design = buildDesign(parameters, { kind: 'sobol', samples: 8192, seed: 7 });
    const outputs = design.values.map((x) => ishigami(x, truth.a, truth.b));
    const indices = sobolIndices(outputs, 3, { seed: 7, resamples: 300 });
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(indices.first[i] - truth.S[i])).toBeLessThan(0.02);
      expect(Math.abs(indices.total[i] - truth.ST[i])).toBeLessThan(0.02);
      expect(indices.firstInterval[i][0]).toBeLessThanOrEqual(truth.S[i] + 0.005);
      expect(indices.firstInterval[i][1]).toBeGreaterThanOrEqual(truth.S[i] - 0.005);
      expect(indices.totalInterval[i][0]).toBeLessThanOrEqual(truth.ST[i] + 0.005);
      expect(indices.totalInterval[i][1]).toBeGreaterThanOrEqual(truth.ST[i] - 0.005);
    }
    // x3 acts only through its interaction with x1: no first-order effect, a clear total effect
    expect(indices.total[2] - indices.first[2]).toBeGreaterThan(0.2);
  });

  it('Sobol g (a = 0, 1, 4.5, 9, 99…): the important parameters found, the unimportant near zero', () => {
    const truth = sensitivity.sobol_g_function_analytic;
    const parameters = truth.a.map((_, i) => unitRange(`x${i + 1}`));
    const design = buildDesign(parameters, { kind: 'sobol', samples: 4096, seed: 3 });
    const outputs = design.values.map(gFunction(truth.a));
    const indices = sobolIndices(outputs, truth.a.length, { seed: 3, resamples: 200 });
    truth.S.forEach((s, i) => expect(Math.abs(indices.first[i] - s)).toBeLessThan(0.03));
    truth.ST.forEach((s, i) => expect(Math.abs(indices.total[i] - s)).toBeLessThan(0.03));
  });

  it('Morris on the g function ranks the parameters as their a values say', () => {
    const a = sensitivity.sobol_g_function_analytic.a;
    const parameters = a.map((_, i) => unitRange(`x${i + 1}`));
    const design = buildDesign(parameters, { kind: 'morris', samples: 100, levels: 4, seed: 5 });
    const outputs = design.values.map(gFunction(a));
    const indices = morrisIndices(outputs, design.morris!.steps, a.length, { seed: 5, resamples: 200 });
    const m = indices.muStar;
    expect(m[0]).toBeGreaterThan(m[1]);
    expect(m[1]).toBeGreaterThan(m[2]);
    expect(m[2]).toBeGreaterThan(m[3]);
    for (let i = 4; i < 8; i++) expect(m[i]).toBeLessThan(m[3]);
    // the interval of μ* holds μ* itself
    indices.muStarInterval.forEach(([lo, hi], i) => {
      expect(lo).toBeLessThanOrEqual(m[i]);
      expect(hi).toBeGreaterThanOrEqual(m[i]);
    });
  });

  it('bootstrap intervals are reproducible from their seed and change with it', () => {
    const parameters = ['x1', 'x2', 'x3'].map(piRange);
    const design = buildDesign(parameters, { kind: 'sobol', samples: 64, seed: 1 });
    const outputs = design.values.map((x) => ishigami(x));
    const one = sobolIndices(outputs, 3, { seed: 11, resamples: 100 });
    expect(sobolIndices(outputs, 3, { seed: 11, resamples: 100 })).toEqual(one);
    expect(sobolIndices(outputs, 3, { seed: 12, resamples: 100 }).firstInterval).not.toEqual(
      one.firstInterval,
    );
  });
});
