/** The shared Epstein rule: grievance, the rounding of C/A, the arrest probability and the decision. */
import { describe, expect, it } from 'vitest';
import {
  arrestProbability,
  grievance,
  canRebel,
  rebels,
  roundedRatio,
  roundHalfEven,
} from '../../../src/models/behaviour/grievance.ts';

describe('roundHalfEven (Python’s round)', () => {
  it('rounds ties to the even neighbour and everything else to the nearest', () => {
    expect([0.5, 1.5, 2.5, 3.5, 4.5].map(roundHalfEven)).toEqual([0, 2, 2, 4, 4]);
    expect([0.49, 0.51, 1.2, 2.7, 0, 7].map(roundHalfEven)).toEqual([0, 1, 1, 3, 0, 7]);
  });
});

describe('roundedRatio', () => {
  it('floors (NetLogo), rounds half to even (Mesa) or leaves C/A as it is (Epstein’s paper)', () => {
    expect(roundedRatio(3, 2, 'floor')).toBe(1);
    expect(roundedRatio(3, 2, 'half-even')).toBe(2);
    expect(roundedRatio(1, 2, 'half-even')).toBe(0);
    expect(roundedRatio(5, 2, 'half-even')).toBe(2);
    expect(roundedRatio(3, 2, 'none')).toBe(1.5);
    expect(roundedRatio(2, 3, 'floor')).toBe(0);
  });
});

describe('arrestProbability', () => {
  it('is 1 − exp(−k·r(C/A)), so about 0.9 with one cop and one rebel in sight at k = 2.3', () => {
    expect(arrestProbability(2.3, 1, 1, 'floor')).toBeCloseTo(1 - Math.exp(-2.3), 15);
    expect(arrestProbability(2.3, 1, 1, 'floor')).toBeCloseTo(0.9, 1);
    expect(arrestProbability(2.3, 7, 2, 'floor')).toBeCloseTo(1 - Math.exp(-6.9), 15);
    expect(arrestProbability(2.3, 7, 2, 'none')).toBeCloseTo(1 - Math.exp(-2.3 * 3.5), 15);
  });
  it('vanishes once rebels outnumber the cops in sight under floor, but not under the plain ratio', () => {
    expect(arrestProbability(2.3, 3, 4, 'floor')).toBe(0);
    expect(arrestProbability(2.3, 3, 4, 'none')).toBeGreaterThan(0.8);
    expect(arrestProbability(2.3, 0, 1, 'none')).toBe(0);
  });
});

describe('grievance and rebels', () => {
  it('grievance is scale·H·(1 − L)', () => {
    expect(grievance(0.5, 0.8)).toBeCloseTo(0.1, 15);
    expect(grievance(0.5, 0.8, 2)).toBeCloseTo(0.2, 15);
    expect(grievance(1, 1)).toBe(0);
  });
  it('a citizen rebels when grievance less risk aversion × arrest probability exceeds the threshold (strictly)', () => {
    expect(rebels(0.3, 0.5, 0.2, 0.1)).toBe(true); // 0.3 − 0.1 = 0.2 > 0.1
    expect(rebels(0.3, 0.5, 0.4, 0.1)).toBe(false); // 0.3 − 0.2 = 0.1, not above
    expect(rebels(0.2, 1, 0, 0.1)).toBe(true);
    expect(rebels(0.1, 0, 0, 0.1)).toBe(false);
  });
  it('a citizen whose grievance does not exceed the threshold never rebels, whatever the risk (canRebel)', () => {
    for (const g of [0, 0.05, 0.1, 0.1000001, 0.3])
      for (const r of [0, 0.3, 1])
        for (const p of [0, 1e-12, 0.5, 1]) {
          if (!canRebel(g, 0.1)) expect(rebels(g, r, p, 0.1)).toBe(false);
        }
    expect(canRebel(0.1, 0.1)).toBe(false);
    expect(canRebel(0.1000001, 0.1)).toBe(true);
    expect(rebels(0.1000001, 0, 0, 0.1)).toBe(true);
  });
});
