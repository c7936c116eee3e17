/**
 * New NGOs (rules/founding.ts): the founding rate of organizational ecology — legitimation rises and
 * competition for resources falls with density, an inverted U — with its barriers and boosts, the chance
 * that a new group is an advocacy group, and the monthly phase: how many apply, who founds, what a new
 * group starts with, refusals that go on unregistered, and state-created NGOs.
 */
import { describe, expect, it } from 'vitest';
import { skillOf } from '../../../src/models/civil-society/citizenState.ts';
import {
  ADVOCACY,
  INFORMAL,
  SERVICE,
  STATE_CREATED,
  maxSimulatedNgos,
} from '../../../src/models/civil-society/ngos.ts';
import { advocacyChance, founding, foundingRate } from '../../../src/models/civil-society/rules/founding.ts';
import type { Parameters } from '../../../src/models/civil-society/schema.ts';
import type { ModelState } from '../../../src/models/civil-society/state.ts';
import { between, params, seeded, seededStream, stateOf, tickOf, useStreams } from './ruleHelpers.ts';

const f = params.founding;

describe('foundingRate', () => {
  // density N, carrying capacity K, volunteering v, registration cost, resource centres, repression
  const rate = (n: number, k = 4, v = 0, cost = 0, centres = 0, repression = 0, g = f) =>
    foundingRate(g, n, k, v, cost, centres, repression);

  it('matches a hand-computed value', () => {
    // 0.5 · (1 + 3·(1 − e^(−2/2))) · 4/(4 + 1·2) · exp(2·0.1 − 100/400 − 1.5·0.2) · (1 + 0.05·2)
    const expected = 0.5 * (1 + 3 * (1 - Math.exp(-1))) * (4 / 6) * Math.exp(0.2 - 0.25 - 0.3) * 1.1;
    expect(rate(2, 4, 0.1, 100, 2, 0.2)).toBeCloseTo(expected, 14);
  });

  it('is the base rate in an empty field with nothing to help or hinder', () => {
    expect(rate(0)).toBeCloseTo(0.5, 14);
    // with no resources and no NGOs there is no competition either (0/0 counts as none)
    expect(rate(0, 0)).toBeCloseTo(0.5, 14);
    // with no resources, any NGO leaves no room
    expect(rate(1, 0)).toBe(0);
  });

  it('is an inverted U in density: legitimation first, then competition', () => {
    const grid = Array.from({ length: 401 }, (_, k) => k / 10); // 0 … 40 NGOs per 10,000
    const values = grid.map((n) => rate(n));
    const peak = values.indexOf(Math.max(...values));
    expect(grid[peak]).toBeGreaterThan(0.5);
    expect(grid[peak]).toBeLessThan(20);
    for (let k = 0; k < peak; k++) expect(values[k + 1]).toBeGreaterThan(values[k]);
    for (let k = peak; k < grid.length - 1; k++) expect(values[k + 1]).toBeLessThan(values[k]);
    expect(values[peak]).toBeGreaterThan(1.5 * rate(0));
    expect(rate(40)).toBeLessThan(rate(0));
  });

  it('legitimation: 1 + θL at saturation, 63% of the way at legitimationDensity (no competition)', () => {
    const noCompetition = { ...f, densityCompetition: 0 };
    expect(rate(1000, 4, 0, 0, 0, 0, noCompetition) / rate(0, 4, 0, 0, 0, 0, noCompetition)).toBeCloseTo(
      4,
      10,
    );
    const atNL = rate(2, 4, 0, 0, 0, 0, noCompetition) / rate(0, 4, 0, 0, 0, 0, noCompetition);
    expect((atNL - 1) / 3).toBeCloseTo(1 - Math.exp(-1), 12);
    // and it only rises
    for (let n = 0; n < 30; n += 0.5)
      expect(rate(n + 0.5, 4, 0, 0, 0, 0, noCompetition)).toBeGreaterThan(
        rate(n, 4, 0, 0, 0, 0, noCompetition),
      );
  });

  it('competition: K/(K + c·N) halves foundings at N = K/c (no legitimation)', () => {
    const noLegitimation = { ...f, densityLegitimation: 0 };
    expect(rate(4, 4, 0, 0, 0, 0, noLegitimation)).toBeCloseTo(0.25, 14);
    const c2 = { ...noLegitimation, densityCompetition: 2 };
    expect(rate(2, 4, 0, 0, 0, 0, c2)).toBeCloseTo(0.25, 14);
    // more resources, more room
    expect(rate(4, 8)).toBeGreaterThan(rate(4, 4));
  });

  it('knockouts: densityLegitimation 0 → no rise at low density; densityCompetition 0 → no fall', () => {
    const noLegitimation = { ...f, densityLegitimation: 0 };
    const noCompetition = { ...f, densityCompetition: 0 };
    const neither = { ...noLegitimation, densityCompetition: 0 };
    for (let n = 0; n < 10; n += 0.25) {
      expect(rate(n + 0.25, 4, 0, 0, 0, 0, noLegitimation)).toBeLessThan(
        rate(n, 4, 0, 0, 0, 0, noLegitimation),
      );
      expect(rate(n + 0.25, 4, 0, 0, 0, 0, noCompetition)).toBeGreaterThan(
        rate(n, 4, 0, 0, 0, 0, noCompetition),
      );
      expect(rate(n, 4, 0, 0, 0, 0, neither)).toBeCloseTo(0.5, 14);
    }
  });

  it('each factor’s size: e^(β·Δv), e^(−Δcost/scale), e^(−b·Δrepression), 1 + βC·centres', () => {
    expect(rate(1, 4, 0.3) / rate(1, 4, 0.1)).toBeCloseTo(Math.exp(2 * 0.2), 12);
    expect(rate(1, 4, 0, 500) / rate(1, 4, 0, 100)).toBeCloseTo(Math.exp(-400 / 400), 12);
    expect(rate(1, 4, 0, 0, 0, 0.6) / rate(1, 4, 0, 0, 0, 0.2)).toBeCloseTo(Math.exp(-1.5 * 0.4), 12);
    expect(rate(1, 4, 0, 0, 4) / rate(1, 4, 0, 0, 0)).toBeCloseTo(1 + 0.05 * 4, 12);
    // the cost scale: twice the scale, half the cut
    const wide = { ...f, registrationCostScale: 800 };
    expect(rate(1, 4, 0, 400, 0, 0, wide) / rate(1, 4, 0, 0, 0, 0, wide)).toBeCloseTo(Math.exp(-0.5), 12);
  });

  it('knockouts of the boosts and barriers: participation, resource centres and repression effects at 0', () => {
    const none = { ...f, participation: 0, resourceCentreEffect: 0, repressionEffect: 0 };
    expect(rate(1, 4, 0.9, 0, 10, 1, none)).toBeCloseTo(rate(1, 4, 0, 0, 0, 0, none), 14);
  });

  it('is non-negative and below its ceiling for random inputs', () => {
    const u = seeded('founding-rate');
    for (let k = 0; k < 1000; k++) {
      const g: Parameters['founding'] = {
        ...f,
        baseRate: between(u, 0.01, 100),
        densityLegitimation: between(u, 0, 100),
        legitimationDensity: between(u, 0.01, 1000),
        densityCompetition: between(u, 0, 100),
        participation: between(u, -20, 20),
        repressionEffect: between(u, 0, 20),
        resourceCentreEffect: between(u, 0, 10),
      };
      const [n, kk, v, cost, centres, rep] = [
        between(u, 0, 100),
        between(u, 0, 100),
        u(),
        between(u, 0, 1e4),
        between(u, 0, 100),
        u(),
      ];
      const r = foundingRate(g, n, kk, v, cost, centres, rep);
      const ceiling =
        g.baseRate *
        (1 + g.densityLegitimation) *
        Math.exp(g.participation * v) *
        (1 + g.resourceCentreEffect * centres);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(ceiling * (1 + 1e-12));
    }
  });
});

describe('advocacyChance', () => {
  it('matches hand-computed values', () => {
    // 0.5 · 2 · (1 − 0.2) · (0.5 + 0.5) · (1 − 0.5·0.5) = 0.6
    expect(advocacyChance(f, 0.2, 0.5, 0.5)).toBeCloseTo(0.6, 14);
    // 0.5 · 2 · 0.5 · 1.5 · 1 = 0.75
    expect(advocacyChance(f, 0.5, 1, 0)).toBeCloseTo(0.75, 14);
    expect(advocacyChance(f, 1, 1, 0)).toBe(0);
  });

  it('is a probability: clipped at 1', () => {
    expect(advocacyChance({ advocacyBase: 1, advocacyRepression: 0 }, 0, 1, 0)).toBe(1);
    const u = seeded('advocacy-chance');
    for (let k = 0; k < 500; k++) {
      const a = advocacyChance({ advocacyBase: u(), advocacyRepression: u() }, u(), u(), u());
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(1);
    }
  });

  it('rises with grievance (low legitimacy) and donors’ appetite for advocacy, falls with repression', () => {
    expect(advocacyChance(f, 0.2, 0.5, 0.2)).toBeGreaterThan(advocacyChance(f, 0.6, 0.5, 0.2));
    expect(advocacyChance(f, 0.5, 0.8, 0.2)).toBeGreaterThan(advocacyChance(f, 0.5, 0.2, 0.2));
    expect(advocacyChance(f, 0.5, 0.5, 0.8)).toBeLessThan(advocacyChance(f, 0.5, 0.5, 0.2));
    expect(advocacyChance({ ...f, advocacyBase: 0.3 }, 0.5, 0.5, 0.2)).toBeLessThan(
      advocacyChance(f, 0.5, 0.5, 0.2),
    );
  });

  it('knockout: advocacyRepression 0 → repression does not deter advocacy', () => {
    const g = { ...f, advocacyRepression: 0 };
    expect(advocacyChance(g, 0.4, 0.3, 1)).toBe(advocacyChance(g, 0.4, 0.3, 0));
  });
});

// -------------------------------------------------------------------------------------------------
describe('founding (the monthly phase)', () => {
  /** 2 million people; the sector's density and carrying capacity fixed by the test. */
  const fieldOf = (over: Record<string, unknown> = {}, citizens = 2000) => {
    const state = stateOf({
      population: { citizens, represents: 2_000_000 },
      levers: { registration: { cost: 0, rejectionRate: 0 } },
      ...over,
    });
    state.sector.density = 0;
    state.sector.capacityK = 0;
    state.sector.volunteeringRate = 0.1;
    state.sector.repression = 0;
    return state;
  };
  const newGroups = (state: ModelState, from: number) =>
    Array.from({ length: state.ngos.length - from }, (_, k) => from + k);

  it('applications arrive at the founding rate (Poisson), all registered when none is refused', () => {
    const state = fieldOf();
    useStreams(state, { founding: seededStream('founding-count') });
    // 0.5 · e^(2·0.1) per 10,000 a year among 2 million, per month
    const lambda = (0.5 * Math.exp(0.2) * 200) / 12;
    let total = 0;
    const months = 300;
    for (let m = 0; m < months; m++) {
      state.sector.foundings = 0;
      founding(state, tickOf(state, 1));
      total += state.sector.foundings;
    }
    expect(state.ngos.length).toBe(total);
    expect(Math.abs(total / months - lambda)).toBeLessThan(4 * Math.sqrt(lambda / months));
    expect(state.sector.rejections).toBe(0);
  });

  it('refused applicants go on unregistered with the chance `persistence`, or give up', () => {
    const state = fieldOf({ levers: { registration: { cost: 0, rejectionRate: 0.5 } } });
    useStreams(state, { founding: seededStream('founding-refusals') });
    const lambda = (0.5 * Math.exp(0.2) * 200) / 12;
    const months = 300;
    for (let m = 0; m < months; m++) founding(state, tickOf(state, 1));
    const c = state.ngos.cols;
    let informal = 0;
    let registered = 0;
    for (let i = 0; i < state.ngos.length; i++) {
      if (c.status[i] === INFORMAL) {
        informal++;
        expect(c.refused[i]).toBe(1);
      } else expect(c.refused[i]).toBe(0);
      if (c.status[i] !== INFORMAL) registered++;
    }
    const near = (x: number, mean: number) =>
      expect(Math.abs(x / months - mean)).toBeLessThan(4 * Math.sqrt(mean / months));
    near(state.sector.rejections, lambda * 0.5);
    near(state.sector.foundings, lambda * 0.5);
    expect(state.sector.foundings).toBe(registered);
    near(informal, lambda * 0.5 * 0.4);
  });

  it('a new group starts with the founder’s skills as capacity, start autonomy, reserves and fundraising', () => {
    const state = fieldOf({}, 20_000);
    state.sector.density = 0.7;
    state.sector.capacityK = 1e9;
    useStreams(state, { founding: seededStream('founding-attributes') });
    const before = state.ngos.length;
    founding(state, tickOf(state, 2));
    const c = state.ngos.cols;
    const { member, active } = state.citizens;
    const founders = new Map<number, number>();
    for (let k = 0; k < member.length; k++) if (member[k] >= 0) founders.set(member[k], k);
    const groups = newGroups(state, before);
    expect(groups.length).toBeGreaterThan(5);
    for (const i of groups) {
      expect(c.founded[i]).toBe(2);
      expect(c.densityAtFounding[i]).toBeCloseTo(0.7, 6);
      expect(c.reserves[i]).toBeCloseTo(0.25 * 1500, 10);
      expect(c.fundraising[i]).toBeCloseTo(0.2 * 1500, 10);
      expect(c.autonomy[i]).toBeGreaterThanOrEqual(Math.fround(0.8));
      expect(c.autonomy[i]).toBeLessThanOrEqual(Math.fround(0.95));
      expect(c.autonomyBase[i]).toBe(c.autonomy[i]);
      expect([SERVICE, ADVOCACY]).toContain(c.type[i]);
      const founder = founders.get(i);
      expect(founder, `group ${i} has its founder as member`).toBeDefined();
      expect(active[founder!]).toBe(1);
      expect(c.members[i]).toBe(1);
      expect(c.volunteers[i]).toBe(1);
      expect(c.capacity[i]).toBeCloseTo(0.1 + 0.3 * skillOf(state, founder!, 2), 6);
    }
    // autonomies are spread over [0.8, 0.95], not all alike
    const autonomies = groups.map((i) => c.autonomy[i]);
    expect(Math.max(...autonomies) - Math.min(...autonomies)).toBeGreaterThan(0.02);
  });

  it('founders are skilled, engaged citizens: the unskilled never found while founderSkill bites', () => {
    const run = (founderSkill: number) => {
      const state = fieldOf({ parameters: { founding: { founderSkill, baseRate: 20 } } }, 400);
      const { skills, engagement } = state.citizens;
      for (let k = 0; k < skills.length; k++) {
        skills[k] = k % 2;
        engagement[k] = k % 2;
      }
      useStreams(state, { founding: seededStream(`founders-${founderSkill}`) });
      founding(state, tickOf(state, 0));
      const founders = Array.from(state.citizens.member).flatMap((m, k) => (m >= 0 ? [k] : []));
      expect(founders.length).toBeGreaterThan(20);
      return founders.filter((k) => k % 2 === 0).length;
    };
    expect(run(2)).toBe(0);
    // a vanishing preference: after 30 refused tries any citizen founds
    expect(run(1e-9)).toBeGreaterThan(5);
  });

  it('a citizen founds with chance ∝ founderSkill × skill × engagement (rejection sampling)', () => {
    // three equal groups: skill·engagement 0.5·0.2 = 0.1, 0.2·0.5 = 0.1 and 0.5·0.8 = 0.4; with
    // founderSkill 2 each try accepts with 0.2, 0.2 and 0.8, so founders come 1 : 1 : 4
    const state = fieldOf({ parameters: { founding: { baseRate: 100 } } }, 30_000);
    const { skills, engagement } = state.citizens;
    const kinds: [number, number][] = [
      [0.5, 0.2],
      [0.2, 0.5],
      [0.5, 0.8],
    ];
    for (let k = 0; k < skills.length; k++) [skills[k], engagement[k]] = kinds[k % 3];
    useStreams(state, { founding: seededStream('founder-weights') });
    founding(state, tickOf(state, 0));
    const counts = [0, 0, 0];
    // a founder is an active member of a new group (one founding two groups counts once: rare)
    state.citizens.member.forEach((m, k) => {
      if (m >= 0) counts[k % 3]++;
    });
    const total = counts[0] + counts[1] + counts[2];
    expect(total).toBeGreaterThan(800);
    const expected = [1 / 6, 1 / 6, 4 / 6];
    for (let g = 0; g < 3; g++) {
      const sd = Math.sqrt((expected[g] * (1 - expected[g])) / total);
      expect(Math.abs(counts[g] / total - expected[g]), `group ${g}`).toBeLessThan(4 * sd);
    }
  });

  it('refuses to grow the NGO table past its limit, naming the inputs to blame', () => {
    const citizens = fieldOf({ parameters: { founding: { baseRate: 100 } } });
    citizens.ngos.length = maxSimulatedNgos - 5;
    useStreams(citizens, { founding: seededStream('too-many') });
    expect(() => founding(citizens, tickOf(citizens, 0))).toThrow(
      /\d+ citizens found NGOs in this one month: the founding parameters \(parameters\.founding\) or population\.ngoSampling are too high/,
    );
    const state = fieldOf({ levers: { registration: { cost: 4e8 }, gongos: { foundingRate: 600 } } });
    state.ngos.length = maxSimulatedNgos - 5;
    useStreams(state, { founding: seededStream('too-many-gongos') });
    expect(() => founding(state, tickOf(state, 0))).toThrow(
      /the state creates \d+ NGOs in this one month: levers\.gongos\.foundingRate \(600 per million a year\) or population\.ngoSampling is too high/,
    );
  });

  it('the advocacy share follows advocacyChance: donors’ priority counts only where there are donors', () => {
    const share = (foreignBudget: number, repression: number) => {
      const state = fieldOf({ parameters: { founding: { baseRate: 100 } } }, 400);
      state.sector.legitimacyScale = 0;
      state.sector.legitimacyOffset = 0.5; // everyone's legitimacy is 0.5
      state.sector.foreignBudget = foreignBudget;
      state.sector.foreignAdvocacy = 1;
      state.sector.repression = repression;
      useStreams(state, { founding: seededStream(`advocacy-${foreignBudget}-${repression}`) });
      const before = state.ngos.length;
      for (let m = 0; m < 4; m++) founding(state, tickOf(state, 0));
      const groups = newGroups(state, before);
      const share = groups.filter((i) => state.ngos.cols.type[i] === ADVOCACY).length / groups.length;
      return { share, sd: Math.sqrt(0.25 / groups.length) };
    };
    // with donors: 0.5 · 2 · 0.5 · (0.5 + 1) = 0.75; without: their priority counts as 0.5 → 0.5
    const withDonors = share(1e6, 0);
    expect(Math.abs(withDonors.share - 0.75)).toBeLessThan(4 * withDonors.sd);
    const without = share(0, 0);
    expect(Math.abs(without.share - 0.5)).toBeLessThan(4 * without.sd);
    // repression 1 halves it (advocacyRepression 0.5) and also cuts foundings: 0.75 · 0.5
    const repressed = share(1e6, 1);
    expect(Math.abs(repressed.share - 0.375)).toBeLessThan(4 * repressed.sd);
  });

  it('the state creates GONGOs at its lever’s rate, with the GONGO parameters', () => {
    // citizens found nothing: registration costs so much that the rate is exp(−10^6) = 0
    const state = fieldOf({ levers: { registration: { cost: 4e8 }, gongos: { foundingRate: 60 } } });
    useStreams(state, { founding: seededStream('gongos') });
    const months = 120;
    for (let m = 0; m < months; m++) founding(state, tickOf(state, 5));
    // 60 per million a year among 2 million: 10 a month
    const count = state.ngos.length;
    expect(Math.abs(count / months - 10)).toBeLessThan(4 * Math.sqrt(10 / months));
    expect(state.sector.foundings).toBe(count);
    const c = state.ngos.cols;
    for (let i = 0; i < count; i++) {
      expect(c.type[i]).toBe(STATE_CREATED);
      expect(c.founded[i]).toBe(5);
      expect(c.capacity[i]).toBeCloseTo(0.4, 6);
      expect(c.autonomy[i]).toBeCloseTo(0.1, 6);
      expect(c.reserves[i]).toBeCloseTo(1500, 10);
      expect(c.members[i]).toBe(0);
    }
  });
});
