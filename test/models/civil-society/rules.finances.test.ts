/**
 * NGO finances (rules/finances.ts): conditional pressure (only loyalty-weighted state money reshapes an
 * NGO), mission drift and recovery of autonomy, fundraising crowd-out, the capacity an NGO grows toward,
 * and the monthly phase — revenue, costs, reserves, shortfalls and closure, staff, capacity, fundraising,
 * drift, mission change and umbrella membership, and the sector's trailing money by source.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVE, ADVOCACY, DORMANT, SERVICE } from '../../../src/models/civil-society/ngos.ts';
import {
  capacityTarget,
  conditionalPressure,
  driftAutonomy,
  finances,
  fundraisingSpend,
} from '../../../src/models/civil-society/rules/finances.ts';
import type { ModelState } from '../../../src/models/civil-society/state.ts';
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

const d = params.drift;
const fin = params.finance;
const monthly = (annual: number) => 1 - Math.pow(1 - annual, 1 / 12);

describe('conditionalPressure', () => {
  it('is the state share × how conditional the money is', () => {
    expect(conditionalPressure(0.6, 0.5, 1)).toBeCloseTo(0.3, 14);
    expect(conditionalPressure(0.6, 0.5, 0)).toBeCloseTo(0.6, 14);
    // 0.6 · (1 − 0.5 + 0.5·0.5) = 0.45
    expect(conditionalPressure(0.6, 0.5, 0.5)).toBeCloseTo(0.45, 14);
  });

  it('is zero for merit money when only conditional money counts, and without state money', () => {
    expect(conditionalPressure(0.9, 0, 1)).toBe(0);
    expect(conditionalPressure(0, 1, 0)).toBe(0);
    // with conditionality 0 any state money presses, whatever its loyalty weight
    expect(conditionalPressure(0.9, 0, 0)).toBeCloseTo(0.9, 14);
    expect(conditionalPressure(0.9, 1, 0)).toBeCloseTo(0.9, 14);
  });

  it('rises with the state share and the loyalty weight, within [0, share]', () => {
    const u = seeded('pressure');
    for (let k = 0; k < 300; k++) {
      const [share, loyalty, cond] = [u(), u(), u()];
      const p = conditionalPressure(share, loyalty, cond);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(share + 1e-15);
      expect(conditionalPressure(share, Math.min(1, loyalty + 0.1), cond)).toBeGreaterThanOrEqual(p);
      expect(conditionalPressure(Math.min(1, share + 0.1), loyalty, cond)).toBeGreaterThanOrEqual(p);
    }
  });
});

// -------------------------------------------------------------------------------------------------
describe('driftAutonomy', () => {
  it('matches a hand-computed month', () => {
    // drift = 0.4/12 · 0.5 · (1 − 0.5·(1 − 0.4)) + 0.1/12 · 0.5 = 0.19/12
    // next = 0.8 + 0.05/12 · (0.9 − 0.8) · (1 − 0.5) − 0.19/12 · 0.8 = 0.8 − 0.1495/12
    expect(driftAutonomy(0.8, 0.9, 0.5, 0.4, 0.5, d)).toBeCloseTo(0.8 - 0.1495 / 12, 14);
  });

  it('no pressure, no seat: autonomy stays at its base, or recovers toward it by recovery/12 of the gap', () => {
    expect(driftAutonomy(0.9, 0.9, 0, 1, 0, d)).toBe(0.9);
    expect(driftAutonomy(0.5, 0.9, 0, 1, 0, d)).toBeCloseTo(0.5 + (0.05 / 12) * 0.4, 14);
    // an NGO above its base drifts down to it
    expect(driftAutonomy(0.9, 0.5, 0, 1, 0, d)).toBeCloseTo(0.9 - (0.05 / 12) * 0.4, 14);
    // under full pressure there is no recovery
    const noRate = { ...d, rate: 0 };
    expect(driftAutonomy(0.5, 0.9, 1, 1, 0, noRate)).toBe(0.5);
  });

  it('more pressure, more drift; revenue diversity protects; a loyalty seat co-opts', () => {
    const u = seeded('drift');
    for (let k = 0; k < 300; k++) {
      const [a, p, hhi, seat] = [between(u, 0.05, 1), u(), u(), u()];
      const now = driftAutonomy(a, a, p, hhi, seat, d);
      expect(driftAutonomy(a, a, Math.min(1, p + 0.1), hhi, seat, d)).toBeLessThan(now);
      if (p > 0.01) expect(driftAutonomy(a, a, p, Math.min(1, hhi + 0.1), seat, d)).toBeLessThan(now);
      expect(driftAutonomy(a, a, p, hhi, Math.min(1, seat + 0.1), d)).toBeLessThan(now);
    }
  });

  it('knockouts: rate 0, diversityProtection 0, councilCooptation 0, recovery 0 each remove their effect', () => {
    expect(driftAutonomy(0.8, 0.8, 0.7, 1, 0, { ...d, rate: 0 })).toBe(0.8);
    const flat = { ...d, diversityProtection: 0 };
    expect(driftAutonomy(0.8, 0.8, 0.7, 0.2, 0, flat)).toBe(driftAutonomy(0.8, 0.8, 0.7, 1, 0, flat));
    const noSeat = { ...d, councilCooptation: 0 };
    expect(driftAutonomy(0.8, 0.8, 0, 1, 1, noSeat)).toBe(0.8);
    expect(driftAutonomy(0.8, 0.8, 0, 1, 1, d)).toBeCloseTo(0.8 - (0.1 / 12) * 0.8, 14);
    expect(driftAutonomy(0.4, 0.9, 0, 1, 0, { ...d, recovery: 0 })).toBe(0.4);
  });

  it('stays within [0, 1], even with extreme rates', () => {
    expect(driftAutonomy(0.5, 0.5, 1, 1, 1, { ...d, rate: 12, councilCooptation: 12 })).toBe(0);
    const u = seeded('drift-bounds');
    for (let k = 0; k < 1000; k++) {
      const rates = {
        rate: between(u, 0, 12),
        recovery: between(u, 0, 12),
        diversityProtection: u(),
        councilCooptation: between(u, 0, 12),
      };
      const next = driftAutonomy(u(), u(), u(), u(), u(), rates);
      expect(next).toBeGreaterThanOrEqual(0);
      expect(next).toBeLessThanOrEqual(1);
    }
  });
});

describe('fundraisingSpend', () => {
  it('is a share of own revenue plus a floor, cut by κ per unit of state money', () => {
    expect(fundraisingSpend(10_000, 0, 0.2, 300, 0.14)).toBeCloseTo(2300, 10);
    expect(fundraisingSpend(10_000, 5000, 0.2, 300, 0.14)).toBeCloseTo(1600, 10);
    expect(
      fundraisingSpend(10_000, 1000, 0.2, 300, 0.14) - fundraisingSpend(10_000, 2000, 0.2, 300, 0.14),
    ).toBeCloseTo(140, 10);
    // no crowd-out with κ = 0
    expect(fundraisingSpend(10_000, 1e9, 0.2, 300, 0)).toBeCloseTo(2300, 10);
  });

  it('is never negative', () => {
    expect(fundraisingSpend(1000, 1e6, 0.2, 300, 0.14)).toBe(0);
    const u = seeded('fundraising');
    for (let k = 0; k < 500; k++) {
      const [own, st, share, floor, kappa] = [
        between(u, 0, 1e7),
        between(u, 0, 1e7),
        u(),
        between(u, 0, 1e4),
        between(u, 0, 2),
      ];
      const f = fundraisingSpend(own, st, share, floor, kappa);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(share * own + floor + 1e-9);
    }
  });
});

describe('capacityTarget', () => {
  it('matches a hand-computed value', () => {
    // 0.1 + 0.35·3/(3 + 3) + 0.25·0.4 + 0.1·0.5 + 0.1·1 + 0.1·min(1, 10/20) = 0.575
    expect(capacityTarget(fin, 3, 0.4, 0.5, 1, 10)).toBeCloseTo(0.575, 14);
    expect(capacityTarget(fin, 0, 0, 0, 0, 0)).toBeCloseTo(0.1, 14);
  });

  it('staff saturate (half at capacityStaffHalf), volunteers saturate at volunteersForCapacity; at most 1 by default', () => {
    expect(capacityTarget(fin, 1e9, 1, 1, 1, 1e9)).toBeCloseTo(1, 6);
    // 40 staff: 0.35 · 40/43
    expect(capacityTarget(fin, 40, 0, 0, 0, 0)).toBeCloseTo(0.1 + (0.35 * 40) / 43, 14);
    expect(capacityTarget(fin, 0, 0, 0, 0, 20)).toBeCloseTo(0.2, 14);
    expect(capacityTarget(fin, 0, 0, 0, 0, 100)).toBeCloseTo(0.2, 14);
    expect(capacityTarget({ ...fin, capacityStaffHalf: 6 }, 6, 0, 0, 0, 0)).toBeCloseTo(0.1 + 0.175, 14);
  });

  it('rises with each resource; each weight at 0 removes its resource', () => {
    const base = capacityTarget(fin, 2, 0.3, 0.3, 0, 5);
    expect(capacityTarget(fin, 4, 0.3, 0.3, 0, 5)).toBeGreaterThan(base);
    expect(capacityTarget(fin, 2, 0.6, 0.3, 0, 5)).toBeGreaterThan(base);
    expect(capacityTarget(fin, 2, 0.3, 0.6, 0, 5)).toBeGreaterThan(base);
    expect(capacityTarget(fin, 2, 0.3, 0.3, 1, 5)).toBeGreaterThan(base);
    expect(capacityTarget(fin, 2, 0.3, 0.3, 0, 10)).toBeGreaterThan(base);
    const none = {
      ...fin,
      capacityStaff: 0,
      capacitySkills: 0,
      capacityCentres: 0,
      capacityUmbrella: 0,
      capacityVolunteers: 0,
    };
    expect(capacityTarget(none, 50, 1, 1, 1, 100)).toBeCloseTo(0.1, 14);
  });
});

// -------------------------------------------------------------------------------------------------
describe('finances (the monthly phase)', () => {
  /**
   * 2,000 people for 200 citizens: a simulated member stands for 10 real ones. One active service NGO
   * with a year of state and donor history, a council seat allocated with loyalty 0.5, and this month's
   * contracts and gifts.
   */
  const setUp = (over: Record<string, unknown> = {}) => {
    const state = stateOf({ population: { represents: 2000 }, ...over });
    const i = addGroup(state, { type: SERVICE, capacity: 0.5, autonomy: 0.8, reserves: 1000 });
    const c = state.ngos.cols;
    c.contractSocialOrder[i] = 100;
    c.contractGrants[i] = 50;
    c.contractCorporate[i] = 20;
    c.monthDonations[i] = 30;
    c.monthFees[i] = 10;
    c.revSocialOrder[i] = 1200;
    c.revDonations[i] = 360;
    c.staff[i] = 1;
    c.fundraising[i] = 300;
    c.volunteers[i] = 1;
    c.members[i] = 2;
    c.memberSkills[i] = 0.8;
    c.loyaltyExposure[i] = 0.5;
    c.seat[i] = 1;
    c.seatLoyalty[i] = 0.5;
    c.chill[i] = 0.5;
    return { state, i, c };
  };

  it('books the month by hand: revenue, costs, reserves, staff, capacity, fundraising, pressure, autonomy', () => {
    const { state, i, c } = setUp();
    const stream = queueStream([]);
    useStreams(state, { ngos: stream });
    finances(state, tickOf(state, 5));
    // revenue: 100 + 50·(1 − 0.1 tax) + 0 + 30 + 10 + 20 = 205
    expect([c.monthSocialOrder[i], c.monthGrants[i], c.monthForeign[i], c.monthCorporate[i]]).toEqual([
      100, 45, 0, 20,
    ]);
    // trailing: 1200·11/12 + 100, 45, 0, 360·11/12 + 30, 10, 20
    const rev = [1200, 45, 0, 360, 10, 20];
    expect(c.revSocialOrder[i]).toBeCloseTo(rev[0], 10);
    expect(c.revGrants[i]).toBeCloseTo(rev[1], 10);
    expect(c.revForeign[i]).toBe(0);
    expect(c.revDonations[i]).toBeCloseTo(rev[3], 10);
    expect(c.revFees[i]).toBeCloseTo(rev[4], 10);
    expect(c.revCorporate[i]).toBeCloseTo(rev[5], 10);
    const budget = 1635;
    // costs: (1500 overhead · (1 − 10/30 volunteer cover) + 1 staff · 4000 + 300 fundraising)/12
    const costs = (1500 * (2 / 3) + 4000 + 300) / 12;
    expect(c.reserves[i]).toBeCloseTo(1000 + 205 - costs, 8);
    expect(c.shortfallMonths[i]).toBe(0);
    // staff target max(0, 0.8·(1635 − 1500 − 300)/4000) = 0: staff fall by 1/6 of the gap
    expect(c.staff[i]).toBeCloseTo(1 - 1 / 6, 6);
    const staff = 5 / 6;
    const target = 0.1 + (0.35 * staff) / (staff + 3) + 0.25 * (0.8 / 2) + 0.1 * Math.min(1, 10 / 20);
    expect(c.capacity[i]).toBeCloseTo(0.5 + (target - 0.5) / 24, 6);
    // fundraising: 0.2·(360 + 10 + 0 + 20) + 0.2·1500 − 0.14·(1200 + 45)
    expect(c.fundraising[i]).toBeCloseTo(0.2 * 390 + 300 - 0.14 * 1245, 8);
    // pressure: state share 1245/1635 × loyalty 0.5 (conditionality 1)
    const pressure = (1245 / budget) * 0.5;
    expect(c.pressure[i]).toBeCloseTo(pressure, 6);
    const hhi = rev.reduce((s, x) => s + (x / budget) ** 2, 0);
    const drift = (0.4 / 12) * pressure * (1 - 0.5 * (1 - hhi)) + (0.1 / 12) * 0.5;
    expect(c.autonomy[i]).toBeCloseTo(0.8 - drift * 0.8, 6);
    expect(c.chill[i]).toBeCloseTo(0.5 * 0.95, 6);
    expect(c.type[i]).toBe(SERVICE);
    expect(c.status[i]).toBe(ACTIVE);
    // the sector's ring and trailing year by source (real units: every NGO simulated)
    expect(Array.from(state.sector.ring.subarray(30, 36))).toEqual([100, 45, 0, 30, 10, 20]);
    expect(Array.from(state.sector.trailingBySource)).toEqual([100, 45, 0, 30, 10, 20]);
    expect(stream.left()).toBe(0);
  });

  it('every source: trailing revenue decays by 11/12 a month plus the month; all six count', () => {
    const { state, i, c } = setUp();
    c.contractForeign[i] = 40;
    const prior = [1200, 240, 120, 360, 24, 60];
    [
      c.revSocialOrder[i],
      c.revGrants[i],
      c.revForeign[i],
      c.revDonations[i],
      c.revFees[i],
      c.revCorporate[i],
    ] = prior;
    useStreams(state, { ngos: queueStream([]) });
    finances(state, tickOf(state, 5));
    const month = [100, 45, 40, 30, 10, 20];
    const rev = prior.map((x, s) => x * (11 / 12) + month[s]);
    const got = [
      c.revSocialOrder[i],
      c.revGrants[i],
      c.revForeign[i],
      c.revDonations[i],
      c.revFees[i],
      c.revCorporate[i],
    ];
    got.forEach((x, s) => expect(x, `source ${s}`).toBeCloseTo(rev[s], 9));
    const budget = rev.reduce((s, x) => s + x, 0);
    const costs = (1500 * (2 / 3) + 4000 + 300) / 12;
    expect(c.reserves[i]).toBeCloseTo(1000 + 245 - costs, 8);
    const staffTarget = Math.max(0, (0.8 * (budget - 1500 - 300)) / 4000);
    expect(c.staff[i]).toBeCloseTo(1 + (staffTarget - 1) / 6, 5);
    // own revenue: donations, fees, foreign and company money; state revenue: social order and grants
    expect(c.fundraising[i]).toBeCloseTo(
      0.2 * (rev[3] + rev[4] + rev[2] + rev[5]) + 300 - 0.14 * (rev[0] + rev[1]),
      8,
    );
    expect(c.pressure[i]).toBeCloseTo(((rev[0] + rev[1]) / budget) * 0.5, 6);
    expect(Array.from(state.sector.ring.subarray(30, 36))).toEqual(month);
    expect(Array.from(state.sector.trailingBySource)).toEqual(month);
  });

  it('staff follow the spare budget; a grant exemption keeps the whole grant', () => {
    const { state, i, c } = setUp({ levers: { tax: { grantExemption: true } } });
    c.revDonations[i] = 12_000 * (12 / 11); // after decay: 12,000 + 30
    useStreams(state, { ngos: queueStream([]) });
    finances(state, tickOf(state, 5));
    expect(c.monthGrants[i]).toBe(50);
    const budget = 1200 + 50 + 12_030 + 10 + 20;
    const staffTarget = (0.8 * (budget - 1500 - 300)) / 4000;
    expect(c.staff[i]).toBeCloseTo(1 + (staffTarget - 1) / 6, 5);
  });

  it('compliance: the burden (lightened by consultation) and foreign-funding rules raise running costs', () => {
    const costsOf = (over: Record<string, unknown>, foreign: number, influence = 0) => {
      const { state, i, c } = setUp(over);
      c.revForeign[i] = foreign;
      state.sector.influence = influence;
      useStreams(state, { ngos: queueStream([]) });
      finances(state, tickOf(state, 5));
      // this month's revenue is 205 whatever the rules: what the reserves lack is the costs
      return 1000 + 205 - c.reserves[i];
    };
    const plain = costsOf({}, 0);
    // burden 0.5: + 1500·0.5 of running cost, of which a third is covered by volunteers
    expect(costsOf({ levers: { reporting: { burden: 0.5 } } }, 0) - plain).toBeCloseTo(
      (750 * (2 / 3)) / 12,
      8,
    );
    expect(costsOf({ levers: { reporting: { burden: 0.5 } } }, 0, 0.5) - plain).toBeCloseTo(
      (562.5 * (2 / 3)) / 12,
      8,
    );
    // foreign-funded under disclosure rules: + 0.5·1500; without rules, nothing
    expect(costsOf({ levers: { foreign: { regime: 'disclosure' } } }, 100) - costsOf({}, 100)).toBeCloseTo(
      (750 * (2 / 3)) / 12,
      8,
    );
    expect(costsOf({ levers: { foreign: { regime: 'disclosure' } } }, 0) - plain).toBeCloseTo(0, 8);
  });

  it('umbrella members save overhead; NGOs join at the monthly form of the support lever', () => {
    const { state, i, c } = setUp({ levers: { umbrella: { support: 0.5 } } });
    const join = monthly(0.5);
    const stream = queueStream([join * 0.99]);
    useStreams(state, { ngos: stream });
    finances(state, tickOf(state, 5));
    expect(c.umbrella[i]).toBe(1);
    expect(stream.left()).toBe(0);
    const reservesBefore = c.reserves[i];
    // next month, as a member: overhead 1500·0.8 (no draw to join again)
    c.contractSocialOrder[i] = 0;
    c.contractGrants[i] = 0;
    c.contractCorporate[i] = 0;
    c.monthDonations[i] = 0;
    c.monthFees[i] = 0;
    const fundraising = c.fundraising[i];
    const staff = c.staff[i];
    useStreams(state, { ngos: queueStream([]) });
    finances(state, tickOf(state, 6));
    expect(c.reserves[i]).toBeCloseTo(reservesBefore - (1200 * (2 / 3) + staff * 4000 + fundraising) / 12, 4);
    const stays = setUp({ levers: { umbrella: { support: 0.5 } } });
    useStreams(stays.state, { ngos: queueStream([join]) });
    finances(stays.state, tickOf(stays.state, 5));
    expect(stays.c.umbrella[stays.i]).toBe(0);
  });

  it('resource centres raise the capacity target through coverage', () => {
    const capacityWith = (centres: number) => {
      const { state, i, c } = setUp({ levers: { infrastructure: { resourceCentres: centres } } });
      useStreams(state, { ngos: queueStream([]) });
      finances(state, tickOf(state, 5));
      return c.capacity[i];
    };
    // coverage min(1, 1/2) = 0.5 → target + 0.05, capacity + 0.05/24
    expect(capacityWith(1) - capacityWith(0)).toBeCloseTo(0.05 / 24, 6);
    expect(capacityWith(10) - capacityWith(0)).toBeCloseTo(0.1 / 24, 6);
  });

  it('a shortfall: reserves stay at 0, the months count, capacity erodes, and after shortfallMonths the NGO stops', () => {
    const { state, i, c } = setUp();
    c.reserves[i] = 0;
    c.contractSocialOrder[i] = 0;
    c.contractGrants[i] = 0;
    c.contractCorporate[i] = 0;
    c.monthDonations[i] = 0;
    c.monthFees[i] = 0;
    c.shortfallMonths[i] = 4;
    useStreams(state, { ngos: queueStream([]) });
    finances(state, tickOf(state, 5));
    expect(c.reserves[i]).toBe(0);
    expect(c.shortfallMonths[i]).toBe(5);
    expect(c.status[i]).toBe(ACTIVE);
    const staff = 5 / 6;
    const target = 0.1 + (0.35 * staff) / (staff + 3) + 0.25 * 0.4 + 0.1 * 0.5;
    expect(c.capacity[i]).toBeCloseTo(0.5 + (target - 0.5) / 24 - 0.01, 6);
    useStreams(state, { ngos: queueStream([]) });
    finances(state, tickOf(state, 6));
    expect(c.status[i]).toBe(DORMANT);
    expect(c.closedAt[i]).toBe(6);
    expect(state.sector.closures).toBe(1);
  });

  it('capacity never falls below 0', () => {
    const { state, i, c } = setUp();
    c.capacity[i] = 0.005;
    c.reserves[i] = 0;
    c.staff[i] = 0;
    c.members[i] = 0;
    c.volunteers[i] = 0;
    c.contractSocialOrder[i] = 0;
    c.contractGrants[i] = 0;
    c.contractCorporate[i] = 0;
    c.monthDonations[i] = 0;
    c.monthFees[i] = 0;
    useStreams(state, { ngos: queueStream([]) });
    finances(state, tickOf(state, 5));
    // 0.005 + (0.1 − 0.005)/24 − 0.01 < 0
    expect(c.shortfallMonths[i]).toBe(1);
    expect(c.capacity[i]).toBe(0);
  });

  it('only advocacy groups change mission, and only in shortfall for thematic money: no draws otherwise', () => {
    // a service NGO with little autonomy and in shortfall, where thematic money exists
    const { state, i, c } = setUp();
    c.autonomy[i] = 0.1;
    c.autonomyBase[i] = 0.1;
    c.reserves[i] = 0;
    c.contractSocialOrder[i] = 0;
    c.contractGrants[i] = 0;
    c.contractCorporate[i] = 0;
    c.monthDonations[i] = 0;
    c.monthFees[i] = 0;
    state.sector.thematicMoney = 1000;
    useStreams(state, { ngos: queueStream([]) });
    finances(state, tickOf(state, 5));
    expect(c.type[i]).toBe(SERVICE);
    // an autonomous advocacy group with money to spare, where thematic money exists
    const rich = setUp();
    rich.c.type[rich.i] = ADVOCACY;
    rich.state.sector.thematicMoney = 1000;
    useStreams(rich.state, { ngos: queueStream([]) });
    finances(rich.state, tickOf(rich.state, 5));
    expect(rich.c.type[rich.i]).toBe(ADVOCACY);
  });

  it('reserves that cover the month end a shortfall run', () => {
    const { state, i, c } = setUp();
    c.shortfallMonths[i] = 4;
    useStreams(state, { ngos: queueStream([]) });
    finances(state, tickOf(state, 5));
    expect(c.shortfallMonths[i]).toBe(0);
  });

  it('mission change: a low-autonomy advocacy group turns to service work with the monthly typeSwitch chance', () => {
    const run = (u: number, autonomy: number) => {
      const { state, i, c } = setUp();
      c.type[i] = ADVOCACY;
      c.autonomy[i] = autonomy;
      c.autonomyBase[i] = autonomy;
      const stream = queueStream([u]);
      useStreams(state, { ngos: stream });
      finances(state, tickOf(state, 5));
      return { type: c.type[i], left: stream.left() };
    };
    const chance = monthly(0.2);
    expect(run(chance * 0.99, 0.2)).toEqual({ type: SERVICE, left: 0 });
    expect(run(chance * 1.01, 0.2)).toEqual({ type: ADVOCACY, left: 0 });
    expect(run(chance, 0.2)).toEqual({ type: ADVOCACY, left: 0 });
    // autonomous enough: no draw at all
    expect(run(0, 0.5)).toEqual({ type: ADVOCACY, left: 1 });
  });

  it('mission change: an advocacy group short of money turns to service work where thematic money exists', () => {
    const run = (u: number[], thematic: number) => {
      const { state, i, c } = setUp();
      c.type[i] = ADVOCACY;
      c.reserves[i] = 0;
      c.contractSocialOrder[i] = 0;
      c.contractGrants[i] = 0;
      c.contractCorporate[i] = 0;
      c.monthDonations[i] = 0;
      c.monthFees[i] = 0;
      state.sector.thematicMoney = thematic;
      const stream = queueStream(u);
      useStreams(state, { ngos: stream });
      finances(state, tickOf(state, 5));
      return { type: c.type[i], left: stream.left() };
    };
    const chance = monthly(0.2);
    expect(run([chance * 0.99], 1000)).toEqual({ type: SERVICE, left: 0 });
    expect(run([chance * 1.01], 1000)).toEqual({ type: ADVOCACY, left: 0 });
    expect(run([chance], 1000)).toEqual({ type: ADVOCACY, left: 0 });
    // no thematic money: no reason to switch, no draw
    expect(run([0], 0)).toEqual({ type: ADVOCACY, left: 1 });
  });

  it('groups that are not active only see their chill fade', () => {
    const { state, i, c } = setUp();
    c.status[i] = DORMANT;
    useStreams(state, { ngos: queueStream([]) });
    finances(state, tickOf(state, 5));
    expect(c.reserves[i]).toBe(1000);
    expect(c.revSocialOrder[i]).toBe(1200);
    expect(c.chill[i]).toBeCloseTo(0.475, 6);
    expect(Array.from(state.sector.trailingBySource)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('the ring keeps twelve months: this month’s slot is overwritten, the others add up', () => {
    const { state } = setUp();
    const ring = state.sector.ring;
    ring[5 * 6] = 999; // last year's May, social order
    ring[4 * 6 + 3] = 7; // April, donations
    ring[6 * 6] = 50; // last year's June, social order
    useStreams(state, { ngos: queueStream([]) });
    finances(state, tickOf(state, 17)); // tick 17 uses slot 5
    expect(ring[5 * 6]).toBe(100);
    expect(state.sector.trailingBySource[0]).toBe(150);
    expect(state.sector.trailingBySource[3]).toBe(37);
  });

  it('a state where the NGO gets nothing: pressure and shares are 0 without a budget', () => {
    const state: ModelState = stateOf({ population: { represents: 2000 } });
    const i = addGroup(state, { reserves: 1e6 });
    useStreams(state, { ngos: queueStream([]) });
    finances(state, tickOf(state, 0));
    expect(state.ngos.cols.pressure[i]).toBe(0);
    expect(state.ngos.cols.autonomy[i]).toBeCloseTo(0.8, 6);
  });
});
