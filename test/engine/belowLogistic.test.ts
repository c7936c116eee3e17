import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { belowLogistic, belowLogisticMargin } from '../../src/engine/belowLogistic.ts';

const exact = (u: number, z: number) => u < 1 / (1 + Math.exp(-z));

describe('belowLogistic', () => {
  it('agrees with u < logistic(z) on a million random draws across and beyond the table', () => {
    const rng = seedrandom.alea('belowLogistic');
    let disagreements = 0;
    for (let k = 0; k < 1_000_000; k++) {
      const z = (rng() - 0.5) * 44; // [-22, 22]: inside the table and past both ends
      const u = rng();
      if (belowLogistic(u, z) !== exact(u, z)) disagreements++;
    }
    expect(disagreements).toBe(0);
  });

  it('agrees where it is hardest: uniforms at, and one ulp either side of, the logistic itself', () => {
    const rng = seedrandom.alea('edges');
    for (let k = 0; k < 100_000; k++) {
      const z = (rng() - 0.5) * 34;
      const p = 1 / (1 + Math.exp(-z));
      for (const u of [
        p,
        p * (1 - 2 ** -52),
        p * (1 + 2 ** -52),
        p - belowLogisticMargin,
        p + belowLogisticMargin,
      ]) {
        expect(belowLogistic(u, z)).toBe(exact(u, z));
      }
    }
  });

  it('agrees on the grid points, the table ends and non-finite logits', () => {
    for (let k = -16 * 16 - 2; k <= 16 * 16 + 2; k++) {
      const z = k / 16;
      for (const u of [0, 1e-12, 0.25, 0.5, 0.75, 1 - 1e-12]) expect(belowLogistic(u, z)).toBe(exact(u, z));
    }
    for (const z of [Infinity, -Infinity, 1e300, -1e300]) {
      for (const u of [0, 0.5, 1 - 1e-16]) expect(belowLogistic(u, z)).toBe(exact(u, z));
    }
  });

  it('answers from the table for almost every draw: the margin is narrow', () => {
    // the share of draws that need the exact logistic is about 2·margin
    const rng = seedrandom.alea('share');
    let near = 0;
    const draws = 200_000;
    for (let k = 0; k < draws; k++) {
      const z = (rng() - 0.5) * 8;
      const u = rng();
      if (Math.abs(u - 1 / (1 + Math.exp(-z))) <= 2 * belowLogisticMargin) near++;
    }
    expect(near / draws).toBeLessThan(0.002);
  });
});
