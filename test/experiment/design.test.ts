/**
 * Designs: what each promises, checked on the points it gives — every grid combination once, one Latin
 * hypercube point per stratum, Morris trajectories that move one parameter by ±Δ at a time within the
 * cube, Saltelli rows whose AB_i is A with column i from B — the mapping to values (linear, logarithmic,
 * lists), determinism by seed, and refusals of designs too small or too large.
 */
import { describe, expect, it } from 'vitest';
import { buildDesign, DesignSizeError, maxDesignPoints, valueAt } from '../../src/experiment/design.ts';
import type { ParameterSpec } from '../../src/experiment/parameter.ts';

const range = (path: string, low: number, high: number, log = false): ParameterSpec => ({
  path,
  range: { low, high, log },
});
const list = (path: string, values: number[]): ParameterSpec => ({ path, values });

describe('values from unit positions', () => {
  it('map linearly, logarithmically and onto lists in equal slices', () => {
    expect(valueAt(range('a', 2, 4), 0.25)).toBe(2.5);
    expect(valueAt(range('a', 1, 100, true), 0.5)).toBeCloseTo(10, 12);
    expect(valueAt(range('a', 1, 100, true), 1)).toBe(100);
    const l = list('a', [5, 7, 9]);
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999, 1].map((u) => valueAt(l, u))).toEqual([5, 5, 7, 7, 9, 9, 9]);
  });
});

describe('grid', () => {
  it('gives every combination once, ranges cut into levels with both ends', () => {
    const design = buildDesign([list('a', [1, 2]), range('b', 0, 1)], { kind: 'grid', levels: 3, seed: 1 });
    expect(design.values).toEqual([
      [1, 0],
      [1, 0.5],
      [1, 1],
      [2, 0],
      [2, 0.5],
      [2, 1],
    ]);
  });

  it('refuses one level for a range and more points than any sweep can run', () => {
    expect(() => buildDesign([range('a', 0, 1)], { kind: 'grid', levels: 1, seed: 1 })).toThrow(
      DesignSizeError,
    );
    const big = Array.from({ length: 7 }, (_, i) => range(`p${i}`, 0, 1));
    expect(() => buildDesign(big, { kind: 'grid', levels: 10, seed: 1 })).toThrow(
      new RegExp(`at most ${maxDesignPoints.toLocaleString('en')}`),
    );
  });
});

describe('Latin hypercube', () => {
  it('puts exactly one point in each stratum of each parameter', () => {
    const n = 40;
    const design = buildDesign([range('a', 0, 1), range('b', 10, 20), range('c', 1, 1000, true)], {
      kind: 'lhs',
      samples: n,
      seed: 9,
    });
    expect(design.unit).toHaveLength(n);
    for (let d = 0; d < 3; d++) {
      const strata = design.unit.map((u) => Math.floor(u[d] * n)).sort((x, y) => x - y);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('is the same for the same seed and differs for another', () => {
    const parameters = [range('a', 0, 1), range('b', 0, 1)];
    const one = buildDesign(parameters, { kind: 'lhs', samples: 10, seed: 1 });
    expect(buildDesign(parameters, { kind: 'lhs', samples: 10, seed: 1 })).toEqual(one);
    expect(buildDesign(parameters, { kind: 'lhs', samples: 10, seed: 2 }).unit).not.toEqual(one.unit);
  });
});

describe('Morris', () => {
  it('moves one parameter at a time by ±Δ, every parameter once per trajectory, on the grid, within [0, 1]', () => {
    const k = 5;
    const levels = 6;
    const parameters = Array.from({ length: k }, (_, i) => range(`p${i}`, 0, 1));
    const design = buildDesign(parameters, { kind: 'morris', samples: 30, levels, seed: 4 });
    const delta = levels / (2 * (levels - 1));
    expect(design.morris!.delta).toBe(delta);
    expect(design.unit).toHaveLength(30 * (k + 1));
    design.morris!.steps.forEach((trajectory, t) => {
      expect(trajectory.map((s) => s.parameter).sort()).toEqual([0, 1, 2, 3, 4]);
      trajectory.forEach((step, s) => {
        const before = design.unit[t * (k + 1) + s];
        const after = design.unit[t * (k + 1) + s + 1];
        for (let i = 0; i < k; i++) {
          if (i === step.parameter) expect(after[i] - before[i]).toBeCloseTo(step.change, 12);
          else expect(after[i]).toBe(before[i]);
        }
        expect(Math.abs(step.change)).toBe(delta);
      });
    });
    for (const point of design.unit) {
      for (const u of point) {
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThanOrEqual(1);
        expect(Math.abs(u * (levels - 1) - Math.round(u * (levels - 1)))).toBeLessThan(1e-12);
      }
    }
    // both directions occur
    const changes = design.morris!.steps.flat().map((s) => Math.sign(s.change));
    expect(changes).toContain(1);
    expect(changes).toContain(-1);
  });

  it('refuses one trajectory and an odd number of levels', () => {
    expect(() => buildDesign([range('a', 0, 1)], { kind: 'morris', samples: 1, seed: 1 })).toThrow(
      /samples ≥ 2/,
    );
    expect(() => buildDesign([range('a', 0, 1)], { kind: 'morris', samples: 4, levels: 5, seed: 1 })).toThrow(
      /even number of levels/,
    );
  });
});

describe('Saltelli (sobol)', () => {
  it('lays out A, AB_1…AB_k, B per base row, AB_i being A with column i from B', () => {
    const k = 3;
    const design = buildDesign([range('a', 0, 1), range('b', 0, 1), range('c', 0, 1)], {
      kind: 'sobol',
      samples: 16,
      seed: 1,
    });
    expect(design.unit).toHaveLength(16 * (k + 2));
    for (let j = 0; j < 16; j++) {
      const row = design.unit.slice(j * (k + 2), (j + 1) * (k + 2));
      const [a, b] = [row[0], row[k + 1]];
      for (let i = 0; i < k; i++) expect(row[1 + i]).toEqual(a.map((v, c) => (c === i ? b[i] : v)));
    }
    // A and B are distinct Sobol' columns, not copies
    expect(design.unit[5 * (k + 2)]).not.toEqual(design.unit[5 * (k + 2) + k + 1]);
  });

  it('refuses fewer than 16 base rows and more parameters than it has dimensions for', () => {
    expect(() => buildDesign([range('a', 0, 1)], { kind: 'sobol', samples: 8, seed: 1 })).toThrow(
      /samples ≥ 16/,
    );
    const many = Array.from({ length: 33 }, (_, i) => range(`p${i}`, 0, 1));
    expect(() => buildDesign(many, { kind: 'sobol', samples: 16, seed: 1 })).toThrow(/at most 32 parameters/);
  });
});
