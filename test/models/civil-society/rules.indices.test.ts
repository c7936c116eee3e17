/**
 * The measures analysts use (indices.ts): CSO-Sustainability-style scores (7 − 6·goodness), the
 * civic-space index from entry and exit, freedom from repression and participation, and the
 * consultation score — all from what NGOs and citizens do and suffer, computed here by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  computeIndices,
  consultationScore,
  csiScore,
  type SectorSnapshot,
} from '../../../src/models/civil-society/indices.ts';
import { between, params, seeded } from './ruleHelpers.ts';

describe('csiScore', () => {
  it('maps goodness 1 → 1 (best) and 0 → 7 (worst), linearly, clamped', () => {
    expect(csiScore(1)).toBe(1);
    expect(csiScore(0)).toBe(7);
    expect(csiScore(0.5)).toBe(4);
    expect(csiScore(0.25)).toBe(5.5);
    expect(csiScore(2)).toBe(1);
    expect(csiScore(-1)).toBe(7);
  });
});

describe('computeIndices', () => {
  const snapshot = (over: Partial<SectorSnapshot> = {}): SectorSnapshot => ({
    indices: params.indices,
    registrationSuccess: 0.9,
    registeredShare: 0.8,
    forcedExitRate: 0.05,
    sanctionRate: 0.025,
    arrestRate: 0.005,
    complianceShare: 0.2,
    density: 2.5,
    meanCapacity: 0.6,
    meanRevenueHhi: 0.6,
    meanReserveMonths: 3,
    advocacyPer10k: 1,
    servicePer10k: 3,
    umbrellaShare: 0.2,
    trust: 0.5,
    independentVolunteering: 0.1,
    autonomyIndependent: 0.8,
    ...over,
  });

  it('computes every dimension by hand', () => {
    const ix = computeIndices(snapshot());
    // entry and exit: 0.9 · 0.8 · 0.5^(0.05/0.05) = 0.36
    expect(ix.entryExit).toBeCloseTo(0.36, 14);
    // freedom: 0.5^(0.025/0.05) · 0.5^(0.005/0.005)
    const freedom = Math.pow(0.5, 1.5);
    expect(ix.freedom).toBeCloseTo(freedom, 14);
    // participation: min(1, 0.1/0.2) · 0.8
    expect(ix.participatory).toBeCloseTo(0.4, 14);
    expect(ix.legal).toBeCloseTo(7 - 6 * (0.36 * freedom * 0.8), 12);
    // capacity: 0.6 · √(2.5/10)
    expect(ix.capacity).toBeCloseTo(7 - 6 * 0.3, 12);
    // financial: 0.7 · min(1, 0.4/0.8) + 0.3 · min(1, 3/6)
    expect(ix.financial).toBeCloseTo(7 - 6 * 0.5, 12);
    expect(ix.advocacy).toBeCloseTo(7 - 6 * (1 - Math.exp(-1)), 12);
    expect(ix.service).toBeCloseTo(7 - 6 * (1 - Math.exp(-1)), 12);
    // infrastructure: the share of NGOs in umbrella bodies
    expect(ix.infrastructure).toBeCloseTo(7 - 6 * 0.2, 12);
    expect(ix.image).toBeCloseTo(4, 12);
    const seven = [ix.legal, ix.capacity, ix.financial, ix.advocacy, ix.service, ix.infrastructure, ix.image];
    expect(ix.overall).toBeCloseTo(seven.reduce((s, x) => s + x, 0) / 7, 12);
    expect(ix.civicSpace).toBeCloseTo((0.36 + freedom + 0.4) / 3, 12);
  });

  it('saturates at the references: density, diversity, reserves and participation score at most 1', () => {
    const ix = computeIndices(
      snapshot({ density: 40, meanRevenueHhi: 0.1, meanReserveMonths: 60, independentVolunteering: 0.5 }),
    );
    expect(ix.capacity).toBeCloseTo(7 - 6 * 0.6, 12);
    expect(ix.financial).toBeCloseTo(1, 12);
    expect(ix.participatory).toBeCloseTo(0.8, 14);
  });

  it('a participation reference of 0: any volunteering, even none, scores fully', () => {
    const zero = { ...params.indices, referenceParticipation: 0 };
    expect(computeIndices(snapshot({ indices: zero, independentVolunteering: 0 })).participatory).toBeCloseTo(
      0.8,
      14,
    );
    expect(
      computeIndices(snapshot({ indices: zero, independentVolunteering: 0.01 })).participatory,
    ).toBeCloseTo(0.8, 14);
  });

  it('every barrier and every blow worsens its dimension', () => {
    const base = computeIndices(snapshot());
    const worse = (over: Partial<SectorSnapshot>) => computeIndices(snapshot(over));
    expect(worse({ registrationSuccess: 0.5 }).entryExit).toBeLessThan(base.entryExit);
    expect(worse({ registeredShare: 0.5 }).entryExit).toBeLessThan(base.entryExit);
    expect(worse({ forcedExitRate: 0.1 }).entryExit).toBeLessThan(base.entryExit);
    expect(worse({ sanctionRate: 0.1 }).freedom).toBeLessThan(base.freedom);
    expect(worse({ arrestRate: 0.02 }).freedom).toBeLessThan(base.freedom);
    expect(worse({ complianceShare: 0.5 }).legal).toBeGreaterThan(base.legal);
    expect(worse({ sanctionRate: 0.1 }).legal).toBeGreaterThan(base.legal);
    expect(worse({ independentVolunteering: 0.05 }).participatory).toBeLessThan(base.participatory);
    expect(worse({ autonomyIndependent: 0.4 }).participatory).toBeLessThan(base.participatory);
    expect(worse({ meanCapacity: 0.3 }).capacity).toBeGreaterThan(base.capacity);
    expect(worse({ density: 1 }).capacity).toBeGreaterThan(base.capacity);
    expect(worse({ meanRevenueHhi: 0.9 }).financial).toBeGreaterThan(base.financial);
    expect(worse({ meanReserveMonths: 1 }).financial).toBeGreaterThan(base.financial);
    expect(worse({ advocacyPer10k: 0.2 }).advocacy).toBeGreaterThan(base.advocacy);
    expect(worse({ servicePer10k: 0.5 }).service).toBeGreaterThan(base.service);
    expect(worse({ umbrellaShare: 0 }).infrastructure).toBeGreaterThan(base.infrastructure);
    expect(worse({ trust: 0.2 }).image).toBeGreaterThan(base.image);
  });

  it('the references set the scale: twice the reference, half the effect', () => {
    const x = params.indices;
    const wide = computeIndices(
      snapshot({
        indices: {
          ...x,
          sanctionReference: 0.1,
          arrestReference: 0.01,
          advocacyReference: 2,
          serviceReference: 6,
          referenceDensity: 20,
          referenceParticipation: 0.4,
          reserveMonths: 12,
        },
        sanctionRate: 0.05,
        forcedExitRate: 0.1,
        arrestRate: 0.01,
        advocacyPer10k: 2,
        servicePer10k: 6,
        density: 5,
        independentVolunteering: 0.2,
        meanReserveMonths: 6,
      }),
    );
    const base = computeIndices(snapshot());
    for (const key of [
      'entryExit',
      'freedom',
      'participatory',
      'capacity',
      'financial',
      'advocacy',
      'service',
    ] as const)
      expect(wide[key], key).toBeCloseTo(base[key], 12);
  });

  it('scores lie in [1, 7] and civic-space parts in [0, 1] for random sectors', () => {
    const u = seeded('indices');
    for (let k = 0; k < 500; k++) {
      const ix = computeIndices(
        snapshot({
          registrationSuccess: u(),
          registeredShare: u(),
          forcedExitRate: between(u, 0, 5),
          sanctionRate: between(u, 0, 5),
          arrestRate: between(u, 0, 0.5),
          complianceShare: u(),
          density: between(u, 0, 1000),
          meanCapacity: u(),
          meanRevenueHhi: u(),
          meanReserveMonths: between(u, 0, 1000),
          advocacyPer10k: between(u, 0, 100),
          servicePer10k: between(u, 0, 100),
          umbrellaShare: u(),
          trust: u(),
          independentVolunteering: u(),
          autonomyIndependent: u(),
        }),
      );
      for (const key of [
        'legal',
        'capacity',
        'financial',
        'advocacy',
        'service',
        'infrastructure',
        'image',
        'overall',
      ] as const) {
        expect(ix[key], key).toBeGreaterThanOrEqual(1);
        expect(ix[key], key).toBeLessThanOrEqual(7);
      }
      for (const key of ['entryExit', 'freedom', 'participatory', 'civicSpace'] as const) {
        expect(ix[key], key).toBeGreaterThanOrEqual(0);
        expect(ix[key], key).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('consultationScore', () => {
  it('is seat coverage weighted by the holders’ autonomy (30% for loyal ones), plus a forum, at most 1', () => {
    // 0.5·(0.3 + 0.7·0.6) + 0.1 = 0.46
    expect(consultationScore(0.5, 0.6, 0.1)).toBeCloseTo(0.46, 14);
    expect(consultationScore(1, 0, 0)).toBeCloseTo(0.3, 14);
    expect(consultationScore(1, 1, 0)).toBeCloseTo(1, 14);
    expect(consultationScore(0, 1, 0.2)).toBeCloseTo(0.2, 14);
    expect(consultationScore(1, 1, 0.5)).toBe(1);
    expect(consultationScore(0.5, 0.9, 0)).toBeGreaterThan(consultationScore(0.5, 0.2, 0));
  });
});
