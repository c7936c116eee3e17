/**
 * civsim's Sobol' points against SciPy's unscrambled sequence (test/fixtures/scipy-reference/sobol.py):
 * the first 64 points in all 64 dimensions, and points 1000–1007 (deep into the Gray-code order).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maxSobolDimensions, sobolPoints } from '../../src/experiment/sobolSequence.ts';

const reference = JSON.parse(
  readFileSync(new URL('../fixtures/scipy-reference/sobol.json', import.meta.url), 'utf8'),
) as { dimensions: number; first64: number[][]; from1000: number[][] };

describe("Sobol' points", () => {
  it('are SciPy’s, point for point, in every dimension provided', () => {
    expect(maxSobolDimensions).toBe(reference.dimensions);
    expect(sobolPoints(64, 64)).toEqual(reference.first64);
    expect(sobolPoints(1008, 64).slice(1000)).toEqual(reference.from1000);
  });

  it('fill the unit cube evenly: each half of each axis gets half of any 2^m first points', () => {
    const points = sobolPoints(256, 20);
    for (let d = 0; d < 20; d++) {
      expect(points.filter((p) => p[d] < 0.5)).toHaveLength(128);
      expect(points.filter((p) => p[d] < 0.25)).toHaveLength(64);
    }
  });

  it('refuses dimensions it has no direction numbers for', () => {
    expect(() => sobolPoints(4, 0)).toThrow(RangeError);
    expect(() => sobolPoints(4, maxSobolDimensions + 1)).toThrow(/1 to 64 dimensions/);
  });
});
