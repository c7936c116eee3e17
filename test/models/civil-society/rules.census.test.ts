/**
 * The start-of-month census (rules/census.ts) and the scale between the sample and the country: the
 * carrying capacity of the sector's resources, the money it can count on, the chance of being asked,
 * council coverage, and one census of a small field computed by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  ADVOCACY,
  DEREGISTERED,
  DORMANT,
  INFORMAL,
  SERVICE,
  STATE_CREATED,
} from '../../../src/models/civil-society/ngos.ts';
import {
  askedChance,
  availableMoney,
  carryingCapacity,
  census,
  seatCoverage,
} from '../../../src/models/civil-society/rules/census.ts';
import { Scale } from '../../../src/models/civil-society/scale.ts';
import { addGroup, between, params, scenarioOf, seeded, stateOf, tickOf } from './ruleHelpers.ts';

const f = params.founding;

describe('carryingCapacity', () => {
  it('counts money and volunteers’ time, per 10,000 citizens, in viable budgets', () => {
    // (1e6 + 1000·100) / 2e6 / 5000 · 1e4 = 1.1
    expect(carryingCapacity(1e6, 1000, 2e6, f)).toBeCloseTo(1.1, 12);
    expect(carryingCapacity(0, 0, 2e6, f)).toBe(0);
    expect(carryingCapacity(1e6, 0, 2e6, { viableBudget: 10_000, volunteerValue: 100 })).toBeCloseTo(0.5, 12);
  });

  it('grows with money and volunteers, falls with population; volunteerValue 0 removes volunteers', () => {
    const u = seeded('carrying');
    for (let k = 0; k < 300; k++) {
      const [money, vol, pop] = [between(u, 0, 1e8), between(u, 0, 1e5), between(u, 1e3, 1e8)];
      const base = carryingCapacity(money, vol, pop, f);
      expect(carryingCapacity(money + 1000, vol, pop, f)).toBeGreaterThan(base);
      expect(carryingCapacity(money, vol + 10, pop, f)).toBeGreaterThan(base);
      if (base > 0) expect(carryingCapacity(money, vol, pop * 2, f)).toBeLessThan(base);
    }
    const noValue = { viableBudget: 5000, volunteerValue: 0 };
    expect(carryingCapacity(1e6, 1e6, 2e6, noValue)).toBe(carryingCapacity(1e6, 0, 2e6, noValue));
  });
});

describe('availableMoney', () => {
  it('is the agencies’ budgets, the foreign donors’ and last year’s gifts, fees and company money', () => {
    const state = stateOf({
      levers: {
        ministries: { socialOrder: 1000, grants: 200 },
        akimats: { socialOrder: 30, grants: 4 },
      },
    });
    state.sector.foreignBudget = 50_000;
    // trailing year by source: social order, grants, foreign (already in the budgets), donations, fees, corporate
    state.sector.trailingBySource.set([1, 2, 4, 8, 16, 32]);
    expect(availableMoney(state)).toBe(1000 + 200 + 30 + 4 + 50_000 + 8 + 16 + 32);
  });
});

describe('askedChance and seatCoverage', () => {
  it('saturate: 1 − exp(−x / reference), 63% at the reference', () => {
    expect(askedChance(0, 4)).toBe(0);
    expect(askedChance(4, 4)).toBeCloseTo(1 - Math.exp(-1), 14);
    expect(askedChance(2, 4)).toBeCloseTo(1 - Math.exp(-0.5), 14);
    expect(seatCoverage(0, 10)).toBe(0);
    expect(seatCoverage(10, 10)).toBeCloseTo(1 - Math.exp(-1), 14);
    expect(seatCoverage(30, 10)).toBeCloseTo(1 - Math.exp(-3), 14);
  });
});

// -------------------------------------------------------------------------------------------------
describe('census', () => {
  /** 200,000 people, every NGO simulated: n NGOs are n/20 per 10,000; a simulated member is 1,000 real. */
  const setUp = () => {
    const state = stateOf({
      levers: { ministries: { socialOrder: 100_000 }, umbrella: { stateAligned: 0.5 } },
    });
    const c = state.ngos.cols;
    const a = addGroup(state, { type: SERVICE, capacity: 0.5, autonomy: 0.625 });
    c.staff[a] = 2;
    c.volunteers[a] = 3;
    c.revForeign[a] = 10;
    c.seat[a] = 1;
    const b = addGroup(state, { type: ADVOCACY, capacity: 0.25, autonomy: 0.75 });
    c.volunteers[b] = 1;
    c.chill[b] = 0.5;
    c.pressure[b] = 0.25;
    c.umbrella[b] = 1;
    const g = addGroup(state, { type: STATE_CREATED, capacity: 0.5, autonomy: 0.125 });
    c.volunteers[g] = 2;
    c.seat[g] = 1;
    const informal = addGroup(state, { type: ADVOCACY, status: INFORMAL, capacity: 0.5, autonomy: 1 });
    c.volunteers[informal] = 4;
    c.seat[informal] = 1; // an unregistered group holds no seat that counts
    addGroup(state, { status: DORMANT, capacity: 1 });
    addGroup(state, { status: DEREGISTERED, capacity: 1 });
    addGroup(state, { status: DEREGISTERED, capacity: 1 });
    const s = state.sector;
    s.foreignBudget = 20_000;
    s.forumBoost = 0.2;
    s.sanctions = 3;
    s.sanctionsTrailing = 12;
    s.forcedExits = 1;
    s.forcedExitsTrailing = 2.4;
    s.foundings = 5;
    s.rejections = 2;
    s.attemptsTrailing = 24;
    s.rejectionsTrailing = 6;
    s.arrests = 7;
    s.arrestsTrailing = 12;
    s.closures = 4;
    s.dissolutions = 2;
    return state;
  };

  it('counts the field and what citizens and the state see of it (computed by hand)', () => {
    const state = setUp();
    census(state, tickOf(state, 0));
    const s = state.sector;
    expect([s.active, s.dormant, s.informal]).toEqual([3, 1, 1]);
    expect(s.density).toBeCloseTo(3 / 20, 14);
    // volunteers in working groups: 3 + 1 + 2 + 4 = 10 simulated, 10,000 real; 8 of them independent
    expect(s.groupVolunteers).toBeCloseTo(10_000, 8);
    expect(s.independentVolunteers).toBe(8);
    // K: (100,000 + 20,000 budgets + 10,000·100 volunteer value) / 200,000 / 5000 · 1e4
    expect(s.capacityK).toBeCloseTo((1_120_000 / 200_000 / 5000) * 1e4, 10);
    // recruitment effort: (0.5 + 0.5 + 0.25·2) + (0.5 + 0.25) + (0.5 + 0.5)·0.5 + (0.5 + 0.5)·0.5 = 3.25
    expect(state.recruiting.total).toBeCloseTo(3.25, 6);
    expect(s.recruitment).toBeCloseTo(1 - Math.exp(-3.25 / 20 / 4), 8);
    // service: 0.5·(1 + 2/5) + 0.2·0.25 + 0.5 = 1.25 → visibility 1 − exp(−(1.25/20)/3)
    expect(s.serviceVisibility).toBeCloseTo(1 - Math.exp(-1.25 / 20 / 3), 8);
    expect(s.foreignFundedShare).toBeCloseTo(1 / 3, 14);
    // capture: mean dependence (1 − autonomy) of active NGOs: (0.375 + 0.25 + 0.875)/3
    expect(s.capture).toBeCloseTo(0.5, 8);
    // advocacy: 0.25·0.75·(1 − 0.5)·(1 − 0.5·0.25)·(1 + 0.3·1·(1 − 0.5)) + 0.5·(0.5·1) per 10,000
    const advocacy = 0.25 * 0.75 * 0.5 * (1 - 0.5 * 0.25) * (1 + 0.3 * 0.5) + 0.25;
    expect(s.advocacyOutput).toBeCloseTo(advocacy / 20, 8);
    // seats: 2 among 200,000 people = 10 per million; holders' autonomy (0.625 + 0.125)/2
    expect(s.seatCoverage).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(s.seatAutonomy).toBeCloseTo(0.375, 8);
    expect(s.influence).toBeCloseTo((1 - Math.exp(-1)) * 0.375, 8);
    expect(s.forumBoost).toBeCloseTo(0.2 * 0.9, 14);
  });

  it('the recruiting sampler draws working groups in proportion to their effort', () => {
    const state = setUp();
    census(state, tickOf(state, 0));
    const counts = new Array(7).fill(0);
    const n = 65_000;
    for (let k = 0; k < n; k++) counts[state.recruiting.sample((k + 0.5) / n)]++;
    expect(counts[4]).toBe(0);
    expect(counts[5]).toBe(0);
    const weights = [1.5, 0.75, 0.5, 0.5];
    weights.forEach((w, j) => expect(counts[j] / n).toBeCloseTo(w / 3.25, 2));
  });

  it('keeps about a year of sanctions, exits, attempts, refusals and arrests, then resets the month', () => {
    const state = setUp();
    census(state, tickOf(state, 0));
    const s = state.sector;
    expect(s.sanctionsTrailing).toBeCloseTo(12 * (11 / 12) + 3, 12);
    expect(s.forcedExitsTrailing).toBeCloseTo(2.4 * (11 / 12) + 1, 12);
    expect(s.attemptsTrailing).toBeCloseTo(24 * (11 / 12) + 5 + 2, 12);
    expect(s.rejectionsTrailing).toBeCloseTo(6 * (11 / 12) + 2, 12);
    expect(s.arrestsTrailing).toBeCloseTo(12 * (11 / 12) + 7, 12);
    expect([
      s.foundings,
      s.rejections,
      s.closures,
      s.dissolutions,
      s.sanctions,
      s.forcedExits,
      s.arrests,
    ]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('a seat handed out for loyalty does not count as the holder’s voice: autonomy × (1 − seat loyalty)', () => {
    const state = setUp();
    const c = state.ngos.cols;
    c.seatLoyalty[0] = 0.5; // the service NGO, autonomy 0.625
    c.seatLoyalty[2] = 1; // the state-created one
    census(state, tickOf(state, 0));
    expect(state.sector.seatAutonomy).toBeCloseTo((0.625 * 0.5 + 0) / 2, 8);
    expect(state.sector.influence).toBeCloseTo((1 - Math.exp(-1)) * 0.15625, 8);
  });

  it('an empty field: no shares of nothing, no seats, nobody to recruit', () => {
    const state = stateOf();
    addGroup(state, { status: DORMANT });
    state.sector.capture = 0.7;
    state.sector.foreignFundedShare = 0.7;
    state.sector.seatAutonomy = 0.7;
    census(state, tickOf(state, 0));
    const s = state.sector;
    expect([s.active, s.foreignFundedShare, s.capture, s.seatAutonomy, s.influence, s.recruitment]).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
    expect(state.recruiting.sample(0.5)).toBe(-1);
  });
});

// -------------------------------------------------------------------------------------------------
describe('Scale', () => {
  const scale = new Scale(
    scenarioOf({ population: { citizens: 2000, represents: 200_000, ngoSampling: 0.5, growthRate: 0.02 } }),
  );

  it('converts simulated NGO counts to real ones and back', () => {
    expect(scale.realNgos(10)).toBe(20);
    expect(scale.simulatedNgos(20)).toBe(10);
  });

  it('grows the real population continuously at the growth rate', () => {
    expect(scale.realPopulation(0)).toBe(200_000);
    expect(scale.realPopulation(12)).toBeCloseTo(200_000 * Math.exp(0.02), 8);
    expect(scale.citizenWeight(0)).toBe(100);
    expect(scale.citizenWeight(24)).toBeCloseTo(100 * Math.exp(0.04), 10);
  });

  it('per 10,000: 10 simulated NGOs = 20 real among 200,000 people = 1 per 10,000', () => {
    expect(scale.per10k(10, 0)).toBeCloseTo(1, 12);
    expect(scale.per10k(10, 12)).toBeCloseTo(Math.exp(-0.02), 12);
  });

  it('money and members cross between the sample and the country', () => {
    expect(scale.monthlySimMoney(1.2e6)).toBeCloseTo(50_000, 8);
    expect(scale.realMembers(3, 0)).toBe(150);
  });
});
