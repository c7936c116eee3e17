/**
 * Organizational mortality (rules/mortality.ts): the hazard that an active NGO stops working — thin-field
 * and density-delay effects, size, the liability of newness that state money flattens, protection by
 * state links and donations — and the monthly phase: closures, and the register's dormant NGOs, which are
 * audited away, liquidate themselves or revive.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVE, DEREGISTERED, DORMANT, INFORMAL } from '../../../src/models/civil-society/ngos.ts';
import { mortality, mortalityHazard } from '../../../src/models/civil-society/rules/mortality.ts';
import type { Parameters } from '../../../src/models/civil-society/schema.ts';
import {
  addGroup,
  between,
  params,
  queueStream,
  seeded,
  stateOf,
  tickOf,
  useStreams,
} from './ruleHelpers.ts';

const m = params.mortality;
const monthly = (annual: number) => 1 - Math.pow(1 - annual, 1 / 12);

describe('mortalityHazard', () => {
  // density N, density at founding, size, age (years), state-linked, donation share; N_L = 2
  const hazard = (
    n = 1,
    atFounding = 0,
    size = 0,
    age = 20,
    linked = false,
    donations = 0,
    q: Parameters['mortality'] = m,
  ) => mortalityHazard(q, 2, n, atFounding, size, age, linked, donations);

  it('matches hand-computed values', () => {
    // 0.06 · exp(0.05·2/2 − 0.15·ln 10) · (1 + e^(−1/2)) · (1 + 2e^(−0.4·3)) · (1 − 0.3·0.5)
    const base = 0.06 * Math.exp(0.05 - 0.15 * Math.log(10)) * (1 + Math.exp(-0.5));
    expect(hazard(1, 2, 9, 3, false, 0.5)).toBeCloseTo(base * (1 + 2 * Math.exp(-1.2)) * 0.85, 14);
    // state-linked: the newness excess × (1 − 0.6), and the hazard × (1 − 0.4)
    expect(hazard(1, 2, 9, 3, true, 0.5)).toBeCloseTo(base * (1 + 2 * Math.exp(-1.2) * 0.4) * 0.6 * 0.85, 14);
    // a newborn in an empty field: 0.06 · 2 · 3
    expect(hazard(0, 0, 0, 0)).toBeCloseTo(0.36, 14);
  });

  it('liability of newness: the hazard falls with age, from (1 + newness)× to 1×', () => {
    for (let age = 0; age < 30; age += 0.5)
      expect(hazard(1, 0, 0, age + 0.5)).toBeLessThan(hazard(1, 0, 0, age));
    expect(hazard(1, 0, 0, 0) / hazard(1, 0, 0, 200)).toBeCloseTo(3, 12);
    // the excess falls by e at age 1/ρ = 2.5 years
    const excess = (age: number) => hazard(1, 0, 0, age) / hazard(1, 0, 0, 200) - 1;
    expect(excess(2.5) / excess(0)).toBeCloseTo(Math.exp(-1), 12);
    // knockout: no newness, no age effect
    const none = { ...m, newness: 0 };
    expect(hazard(1, 0, 0, 0, false, 0, none)).toBeCloseTo(hazard(1, 0, 0, 30, false, 0, none), 14);
  });

  it('a state link protects at every age and flattens the newness effect', () => {
    for (const age of [0, 1, 3, 10, 30])
      expect(hazard(1, 0, 0, age, true)).toBeLessThan(hazard(1, 0, 0, age, false));
    // old NGOs: only the protection, × 0.6
    expect(hazard(1, 0, 0, 200, true) / hazard(1, 0, 0, 200, false)).toBeCloseTo(0.6, 12);
    // newborn/old: 1 + 2·0.4 = 1.8 when linked, 3 when not
    expect(hazard(1, 0, 0, 0, true) / hazard(1, 0, 0, 200, true)).toBeCloseTo(1.8, 12);
    // knockouts: without flattening the ratio linked/unlinked is 0.6 at every age; without both, 1
    const noFlattening = { ...m, stateLinkFlattening: 0 };
    for (const age of [0, 2, 10])
      expect(
        hazard(1, 0, 0, age, true, 0, noFlattening) / hazard(1, 0, 0, age, false, 0, noFlattening),
      ).toBeCloseTo(0.6, 12);
    const noLink = { ...noFlattening, stateLinkProtection: 0 };
    expect(hazard(1, 0, 0, 1, true, 0, noLink)).toBeCloseTo(hazard(1, 0, 0, 1, false, 0, noLink), 14);
  });

  it('a thin field is riskier: (1 + lowDensity)× in an empty field, the excess gone by e at N = N_L', () => {
    for (let n = 0; n < 20; n += 0.5) expect(hazard(n + 0.5)).toBeLessThan(hazard(n));
    expect(hazard(0) / hazard(500)).toBeCloseTo(2, 12);
    expect(hazard(2) / hazard(500) - 1).toBeCloseTo(Math.exp(-1), 12);
    const none = { ...m, lowDensity: 0 };
    expect(hazard(0, 0, 0, 20, false, 0, none)).toBeCloseTo(hazard(5, 0, 0, 20, false, 0, none), 14);
  });

  it('born in crowded times, dies sooner: exp(δ·N_founding/N_L)', () => {
    expect(hazard(1, 3) / hazard(1, 0)).toBeCloseTo(Math.exp((0.05 * 3) / 2), 12);
    const none = { ...m, densityDelay: 0 };
    expect(hazard(1, 3, 0, 20, false, 0, none)).toBe(hazard(1, 0, 0, 20, false, 0, none));
  });

  it('larger NGOs close less often: (1 + size)^η with η < 0', () => {
    expect(hazard(1, 0, 99) / hazard(1, 0, 0)).toBeCloseTo(Math.pow(100, -0.15), 12);
    expect(hazard(1, 0, 100)).toBeLessThan(hazard(1, 0, 10));
    const none = { ...m, size: 0 };
    expect(hazard(1, 0, 99, 20, false, 0, none)).toBe(hazard(1, 0, 0, 20, false, 0, none));
  });

  it('donation-funded NGOs close less often: × (1 − ψ·donation share)', () => {
    expect(hazard(1, 0, 0, 20, false, 1) / hazard(1, 0, 0, 20, false, 0)).toBeCloseTo(0.7, 12);
    const none = { ...m, donationProtection: 0 };
    expect(hazard(1, 0, 0, 20, false, 1, none)).toBe(hazard(1, 0, 0, 20, false, 0, none));
  });

  it('is finite and non-negative for random inputs, and scales with the base hazard', () => {
    const u = seeded('mortality-hazard');
    for (let k = 0; k < 1000; k++) {
      const q = { ...m, stateLinkProtection: u(), stateLinkFlattening: u(), donationProtection: u() };
      const args = [
        between(u, 0.01, 100),
        between(u, 0, 50),
        between(u, 0, 50),
        between(u, 0, 1e5),
        between(u, 0, 100),
        u() < 0.5,
        u(),
      ] as const;
      const h = mortalityHazard(q, ...args);
      expect(Number.isFinite(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(mortalityHazard({ ...q, baseHazard: 2 * q.baseHazard }, ...args)).toBeCloseTo(2 * h, 10);
    }
  });
});

// -------------------------------------------------------------------------------------------------
describe('mortality (the monthly phase)', () => {
  /** An active NGO aged 3 at tick 12, state-linked, 3 simulated members (3,000 real) and 2 staff. */
  const setUp = () => {
    const state = stateOf();
    state.sector.density = 0.8;
    const i = addGroup(state, { tick: -24, densityAtFounding: 1.5 });
    const c = state.ngos.cols;
    c.members[i] = 3;
    c.staff[i] = 2;
    c.revSocialOrder[i] = 700;
    c.revDonations[i] = 300;
    // the hazard of this NGO, from the formula: N 0.8, founded at 1.5, size 3·1000 + 2, age 3, linked,
    // donation share 0.3
    const h = mortalityHazard(m, 2, 0.8, 1.5, 3002, 3, true, 0.3);
    return { state, i, chance: 1 - Math.exp(-h / 12) };
  };

  it('an active NGO stops working (dormant) iff u < 1 − exp(−hazard/12)', () => {
    const close = setUp();
    useStreams(close.state, { mortality: queueStream([close.chance * (1 - 1e-6)]) });
    mortality(close.state, tickOf(close.state, 12));
    expect(close.state.ngos.cols.status[close.i]).toBe(DORMANT);
    expect(close.state.ngos.cols.closedAt[close.i]).toBe(12);
    expect(close.state.sector.closures).toBe(1);
    const stay = setUp();
    useStreams(stay.state, { mortality: queueStream([stay.chance]) }); // u equal to the chance: no
    mortality(stay.state, tickOf(stay.state, 12));
    expect(stay.state.ngos.cols.status[stay.i]).toBe(ACTIVE);
    expect(stay.state.sector.closures).toBe(0);
  });

  it('an NGO without state money or revenue is not linked and has no donation share', () => {
    const state = stateOf();
    state.sector.density = 0.8;
    const i = addGroup(state, { tick: 0 });
    const h = mortalityHazard(m, 2, 0.8, 0, 0, 0, false, 0);
    const chance = 1 - Math.exp(-h / 12);
    useStreams(state, { mortality: queueStream([chance * (1 + 1e-6)]) });
    mortality(state, tickOf(state, 0));
    expect(state.ngos.cols.status[i]).toBe(ACTIVE);
    const again = stateOf();
    again.sector.density = 0.8;
    addGroup(again, { tick: 0 });
    useStreams(again, { mortality: queueStream([chance * (1 - 1e-6)]) });
    mortality(again, tickOf(again, 0));
    expect(again.ngos.cols.status[0]).toBe(DORMANT);
  });

  it('grants count as a state link too', () => {
    const state = stateOf();
    state.sector.density = 0.8;
    const i = addGroup(state, { tick: 0 });
    state.ngos.cols.revGrants[i] = 100;
    const linked = 1 - Math.exp(-mortalityHazard(m, 2, 0.8, 0, 0, 0, true, 0) / 12);
    const unlinked = 1 - Math.exp(-mortalityHazard(m, 2, 0.8, 0, 0, 0, false, 0) / 12);
    useStreams(state, { mortality: queueStream([(linked + unlinked) / 2]) });
    mortality(state, tickOf(state, 0));
    expect(state.ngos.cols.status[i]).toBe(ACTIVE);
  });

  it('dormant NGOs: audited or liquidated (deregistered), revived, or left, by one draw', () => {
    const audit = monthly(0.01);
    const liquidate = monthly(0.02);
    const revive = monthly(0.05);
    const cases: [number, number][] = [
      [audit * 0.5, DEREGISTERED],
      [audit + liquidate * 0.99, DEREGISTERED],
      [audit + liquidate, ACTIVE],
      [audit + liquidate + revive * 0.01, ACTIVE],
      [audit + liquidate + revive * 0.99, ACTIVE],
      [audit + liquidate + revive, DORMANT],
      [audit + liquidate + revive * 1.01, DORMANT],
    ];
    for (const [x, expected] of cases) {
      const state = stateOf();
      const i = addGroup(state, { status: DORMANT });
      state.ngos.cols.closedAt[i] = 3;
      useStreams(state, { mortality: queueStream([x]) });
      mortality(state, tickOf(state, 9));
      const c = state.ngos.cols;
      expect(c.status[i], `x = ${x}`).toBe(expected);
      if (expected === DEREGISTERED) {
        expect(c.deregisteredAt[i]).toBe(9);
        expect(state.sector.dissolutions).toBe(1);
      }
      if (expected === ACTIVE) {
        expect(c.closedAt[i]).toBe(-1);
        expect(c.reserves[i]).toBeCloseTo(0.25 * 1500, 10);
      } else expect(c.closedAt[i]).toBe(3);
    }
  });

  it('the audit rate is the lever: auditing everything deregisters every dormant NGO', () => {
    const state = stateOf({ levers: { reporting: { auditRate: 1 } } });
    addGroup(state, { status: DORMANT });
    useStreams(state, { mortality: queueStream([0.999]) });
    mortality(state, tickOf(state, 1));
    expect(state.ngos.cols.status[0]).toBe(DEREGISTERED);
  });

  it('deregistered and unregistered groups draw nothing and do not change', () => {
    const state = stateOf();
    addGroup(state, { status: DEREGISTERED });
    addGroup(state, { status: INFORMAL });
    const stream = queueStream([]);
    useStreams(state, { mortality: stream });
    mortality(state, tickOf(state, 1));
    expect(Array.from(state.ngos.cols.status.subarray(0, 2))).toEqual([DEREGISTERED, INFORMAL]);
  });
});
