/**
 * The robustness analysis (src/models/civil-society/robustness.ts, `npm run robustness`): a smoke of the
 * same code CI can afford — which parameters it moves, how, and one short run whose direction is known.
 */
import { describe, expect, it } from 'vitest';
import {
  HEADLINES,
  TIPPING_PARAMETERS,
  assumedParameters,
  moved,
  robustness,
} from '../../../src/models/civil-society/robustness.ts';
import { parametersSchema } from '../../../src/models/civil-society/parameters.ts';
import { scenarioWith } from './support.ts';

describe('assumedParameters', () => {
  const params = assumedParameters();
  const paths = params.map((p) => p.path);

  it('takes every [A]-tagged parameter and the calibrated base rate, and leaves sourced ones out', () => {
    expect(paths).toContain('founding.baseRate'); // [A]
    expect(paths).toContain('mortality.lowDensity'); // [V sign, A]
    expect(paths).toContain('participation.baseRate'); // calibrated
    expect(paths).not.toContain('protest.threshold'); // [V]: Epstein 2002
    expect(paths).not.toContain('foreign.inflowMultiplier.approval'); // [V]: Dupuy & Prakash 2018
    expect(params.length).toBeGreaterThan(100);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('reads defaults and bounds from the schema', () => {
    const contacts = params.find((p) => p.path === 'participation.contacts')!;
    expect(contacts).toMatchObject({ value: 4, min: 1, max: 16, integer: true });
  });

  it('names tipping parameters that exist', () => {
    const defaults = parametersSchema().parse({}) as unknown as Record<string, Record<string, unknown>>;
    for (const t of TIPPING_PARAMETERS) {
      const [group, key] = t.split('.');
      expect(typeof defaults[group]?.[key], t).toBe('number');
    }
  });
});

describe('moved', () => {
  it('moves by the step, within the bounds, whole for whole numbers', () => {
    const p = { path: 'x', value: 0.9, min: 0, max: 1, integer: false };
    expect(moved(p, -0.2)).toBeCloseTo(0.72, 12);
    expect(moved(p, 0.2)).toBe(1);
    expect(moved({ path: 'n', value: 6, min: 1, max: 240, integer: true }, 0.2)).toBe(7);
    expect(moved({ path: 'n', value: 1, min: 1, max: 240, integer: true }, -0.2)).toBe(1);
  });
});

describe('robustness (smoke)', () => {
  const scenario = scenarioWith({ end: '2009-12' });
  const { baseline, rows } = robustness(scenario, {
    replicates: 1,
    only: ['founding.baseRate', 'indices.referenceDensity'],
  });

  it('reports every headline for each parameter moved, against a baseline of the same seeds', () => {
    expect(rows.map((r) => r.parameter).sort()).toEqual(['founding.baseRate', 'indices.referenceDensity']);
    for (const h of HEADLINES) expect(Number.isFinite(baseline[h])).toBe(true);
    for (const r of rows) {
      for (const h of HEADLINES) for (const x of r.changes[h]) expect(Number.isFinite(x)).toBe(true);
      expect(r.largest).toBe(Math.max(...HEADLINES.flatMap((h) => r.changes[h].map(Math.abs))));
    }
  });

  it('a higher founding rate gives more NGOs and a lower one fewer', () => {
    const f = rows.find((r) => r.parameter === 'founding.baseRate')!;
    expect(f.changes.registered_ngos[0]).toBeLessThan(0);
    expect(f.changes.registered_ngos[1]).toBeGreaterThan(0);
  });

  it('a parameter that only scales an index moves nothing but that index', () => {
    const d = rows.find((r) => r.parameter === 'indices.referenceDensity')!;
    for (const h of ['registered_ngos', 'active_ngos', 'volunteering_rate', 'autonomy_independent'] as const)
      expect(d.changes[h]).toEqual([0, 0]);
  });
});
