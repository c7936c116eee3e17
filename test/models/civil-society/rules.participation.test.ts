/**
 * Volunteering (rules/participation.ts): the participation logit the hot loop calls, its intercept from
 * `baseRate`, the trust target shared by all citizens, perceived legitimacy, and the monthly phase —
 * who reconsiders, who takes part, who joins which group, legitimacy drift and expected giving.
 */
import { describe, expect, it } from 'vitest';
import {
  skillOf,
  trustOf,
  setCitizenStatus,
  advanceMonth,
} from '../../../src/models/civil-society/citizenState.ts';
import { thresholdExcess } from '../../../src/models/behaviour/threshold.ts';
import { staticLogitOf } from '../../../src/models/civil-society/citizens.ts';
import { DORMANT, INFORMAL } from '../../../src/models/civil-society/ngos.ts';
import {
  legitimacyOf,
  logitTerms,
  meanLegitimacy,
  participation,
  participationIntercept,
  participationLogit,
  sectorTrustTarget,
  type LogitTerms,
} from '../../../src/models/civil-society/rules/participation.ts';
import type { Parameters } from '../../../src/models/civil-society/schema.ts';
import type { ModelState } from '../../../src/models/civil-society/state.ts';
import {
  addGroup,
  between,
  constantStream,
  logit,
  params,
  seeded,
  seededStream,
  sigma,
  stateOf,
  tickOf,
  useStreams,
} from './ruleHelpers.ts';

const p = params.participation;

// -------------------------------------------------------------------------------------------------
describe('participationIntercept', () => {
  it('is the logit of baseRate less the reference citizen’s other terms (hand-computed)', () => {
    // reference: resources 0.5 (the mean), engagement 0.3, skills 0.3, trust 0.4, asked 0.5
    // ln(0.21/0.79) − 1.2·0.5 − 1.6·0.3 − 0.6·0.3 − 0.8·0.4 − 1.2·0.5 = ln(0.21/0.79) − 2.18
    expect(participationIntercept(p, 0.3)).toBeCloseTo(Math.log(0.21 / 0.79) - 2.18, 12);
    // engagement 0.5 instead: − 1.6·0.2 more
    expect(participationIntercept(p, 0.5)).toBeCloseTo(Math.log(0.21 / 0.79) - 2.18 - 0.32, 12);
  });

  it('makes the reference citizen volunteer with chance baseRate, for any coefficients', () => {
    const u = seeded('intercept');
    for (let k = 0; k < 200; k++) {
      const q: Parameters['participation'] = {
        ...p,
        baseRate: between(u, 0.01, 0.99),
        resources: between(u, -5, 5),
        engagement: between(u, -5, 5),
        skills: between(u, -5, 5),
        trust: between(u, -5, 5),
        recruitment: between(u, -5, 5),
        influence: between(u, -5, 5),
        risk: between(u, 0, 5),
      };
      const engagement = u();
      const threshold = u();
      const b0 = participationIntercept(q, engagement);
      // the reference citizen: resources 0.5, the mean engagement, skills 0.3, trust 0.4, asked with
      // chance 0.5, contacts exactly as active as her threshold, no repression
      const terms = logitTerms(q, b0, 0.5, 0);
      const staticPart = q.resources * 0.5 + q.engagement * engagement - q.influence * threshold;
      const z = participationLogit(terms, staticPart, 0.3, 0.4, threshold, u());
      expect(sigma(z)).toBeCloseTo(q.baseRate, 10);
    }
  });
});

describe('logitTerms', () => {
  it('shares β0 + βM·asked, copies the weights, and scales βP by the repression in force', () => {
    expect(logitTerms(p, -3, 0.25, 0.4)).toEqual({
      shared: -3 + 1.2 * 0.25,
      skills: 0.6,
      trust: 0.8,
      influence: 1.2,
      risk: 2 * 0.4,
    });
  });

  it('no repression, no risk term; no recruitment weight, being asked does not matter', () => {
    expect(logitTerms(p, -3, 0.25, 0).risk).toBe(0);
    const noAsk = { ...p, recruitment: 0 };
    expect(logitTerms(noAsk, -3, 0.9, 0.4).shared).toBe(logitTerms(noAsk, -3, 0.1, 0.4).shared);
  });
});

// -------------------------------------------------------------------------------------------------
describe('participationLogit', () => {
  const terms: LogitTerms = { shared: -1, skills: 0.6, trust: 0.8, influence: 1.2, risk: 0.5 };

  it('is the hand-computed linear predictor', () => {
    // −1 + 0.7 + 0.6·0.4 + 0.8·0.5 + 1.2·0.75 − 0.5·0.6 = 0.94
    expect(participationLogit(terms, 0.7, 0.4, 0.5, 0.75, 0.6)).toBeCloseTo(0.94, 14);
    expect(participationLogit(terms, 0, 0, 0, 0, 0)).toBe(-1);
  });

  it('rises with the static part, skills, trust and active contacts; falls with risk aversion', () => {
    const u = seeded('logit-monotone');
    for (let k = 0; k < 500; k++) {
      const args: [number, number, number, number, number] = [between(u, -3, 3), u(), u(), u(), u()];
      const z = participationLogit(terms, ...args);
      const step = between(u, 0.01, 0.5);
      for (let position = 0; position < 5; position++) {
        const more = [...args] as typeof args;
        more[position] += step;
        const sign = position === 4 ? -1 : 1;
        expect(sign * (participationLogit(terms, ...more) - z), `input ${position}`).toBeGreaterThan(0);
      }
    }
  });

  it('knockouts: influence 0 → active contacts have no effect; risk 0 → risk aversion has none', () => {
    const noInfluence = logitTerms({ ...p, influence: 0 }, -3, 0.5, 0.3);
    expect(participationLogit(noInfluence, 0.5, 0.3, 0.4, 1, 0.5)).toBe(
      participationLogit(noInfluence, 0.5, 0.3, 0.4, 0, 0.5),
    );
    const noRisk = logitTerms({ ...p, risk: 0 }, -3, 0.5, 0.8);
    expect(participationLogit(noRisk, 0.5, 0.3, 0.4, 0.5, 1)).toBe(
      participationLogit(noRisk, 0.5, 0.3, 0.4, 0.5, 0),
    );
    // and with the default weights, each effect is there
    const full = logitTerms(p, -3, 0.5, 0.8);
    expect(
      participationLogit(full, 0.5, 0.3, 0.4, 1, 0.5) - participationLogit(full, 0.5, 0.3, 0.4, 0, 0.5),
    ).toBeCloseTo(1.2, 12);
    expect(
      participationLogit(full, 0.5, 0.3, 0.4, 0.5, 0) - participationLogit(full, 0.5, 0.3, 0.4, 0.5, 1),
    ).toBeCloseTo(2 * 0.8, 12);
  });
});

describe('staticLogitOf: the influence term is the threshold model’s excess', () => {
  it('with the month’s βN·a, gives βN·thresholdExcess(a, θ) of the shared threshold rule', () => {
    const u = seeded('static-logit');
    const terms: LogitTerms = { shared: -1, skills: 0.6, trust: 0.8, influence: 1.2, risk: 0.5 };
    for (let k = 0; k < 500; k++) {
      const [r, e, theta, skill, trust, a, risk] = [u(), u(), u(), u(), u(), u(), u()];
      const z = participationLogit(terms, staticLogitOf(p, r, e, theta), skill, trust, a, risk);
      const whole =
        terms.shared +
        p.resources * r +
        p.engagement * e +
        terms.skills * skill +
        terms.trust * trust +
        terms.influence * thresholdExcess(a, theta) -
        terms.risk * risk;
      expect(z).toBeCloseTo(whole, 12);
    }
  });

  it('is βR·R + βE·E − βN·θ to the bit (thresholdExcess(0, θ) is −θ exactly)', () => {
    const u = seeded('static-logit-bits');
    for (let k = 0; k < 2000; k++) {
      const [r, e, theta] = [Math.fround(u()), Math.fround(u()), Math.fround(u())];
      const q = {
        ...p,
        resources: between(u, -5, 5),
        engagement: between(u, -5, 5),
        influence: between(u, -5, 5),
      };
      expect(staticLogitOf(q, r, e, theta)).toBe(q.resources * r + q.engagement * e - q.influence * theta);
    }
    expect(staticLogitOf(p, 0.5, 0.3, 0)).toBe(p.resources * 0.5 + p.engagement * 0.3);
  });
});

// -------------------------------------------------------------------------------------------------
describe('sectorTrustTarget', () => {
  interface Fake {
    initial?: number;
    visibility?: number;
    forum?: number;
    stigma?: number;
    foreignShare?: number;
    capture?: number;
    repression?: number;
    bonus?: number;
    trust?: Partial<Parameters['trust']>;
  }
  const target = (o: Fake = {}) =>
    sectorTrustTarget({
      sector: {
        serviceVisibility: o.visibility ?? 0.3,
        forumBoost: o.forum ?? 0,
        foreignFundedShare: o.foreignShare ?? 0,
        capture: o.capture ?? 0,
        repression: o.repression ?? 0,
      },
      levers: { foreign: { stigma: o.stigma ?? 0 } },
      scenario: { initial: { trust: o.initial ?? 0.4 } },
      params: { trust: { ...params.trust, ...o.trust } },
      totals: { memberBonus: o.bonus ?? 0.1 },
    } as unknown as ModelState);

  it('is the initial trust when service is seen at its reference level and nothing cuts it', () => {
    expect(target()).toBeCloseTo(0.4, 14);
  });

  it('matches a hand-computed value', () => {
    // seen = 0.4 + 0.3·(0.8 − 0.3) + 0.05 = 0.6; × (1 − 0.4·0.5·0.6) = 0.88; × (1 − 0.6·0.5) = 0.7;
    // × (1 − 0.2·0.5) = 0.9 → 0.6 · 0.88 · 0.7 · 0.9 = 0.33264
    const all = {
      visibility: 0.8,
      forum: 0.05,
      stigma: 0.5,
      foreignShare: 0.6,
      capture: 0.5,
      repression: 0.5,
    };
    expect(target(all)).toBeCloseTo(0.33264, 14);
  });

  it('rises with visible service and forums; falls with stigma × foreign share, capture and repression', () => {
    const mid = {
      visibility: 0.5,
      forum: 0.02,
      stigma: 0.5,
      foreignShare: 0.4,
      capture: 0.3,
      repression: 0.3,
    };
    const base = target(mid);
    expect(target({ ...mid, visibility: 0.7 })).toBeGreaterThan(base);
    expect(target({ ...mid, forum: 0.1 })).toBeGreaterThan(base);
    expect(target({ ...mid, initial: 0.5 })).toBeGreaterThan(base);
    expect(target({ ...mid, stigma: 0.9 })).toBeLessThan(base);
    expect(target({ ...mid, foreignShare: 0.9 })).toBeLessThan(base);
    expect(target({ ...mid, capture: 0.6 })).toBeLessThan(base);
    expect(target({ ...mid, repression: 0.6 })).toBeLessThan(base);
    // a higher reference visibility means the same service adds less
    expect(target({ ...mid, trust: { visibilityReference: 0.5 } })).toBeLessThan(base);
  });

  it('knockouts: each parameter at 0 removes its mechanism', () => {
    const mid = {
      visibility: 0.5,
      forum: 0.02,
      stigma: 0.5,
      foreignShare: 0.4,
      capture: 0.3,
      repression: 0.3,
    };
    const same = (trust: Partial<Parameters['trust']>, a: Fake, b: Fake) =>
      expect(target({ ...mid, ...a, trust })).toBe(target({ ...mid, ...b, trust }));
    same({ visibility: 0 }, { visibility: 0.1 }, { visibility: 0.9 });
    same({ stigma: 0 }, { foreignShare: 0 }, { foreignShare: 1 });
    same({ capture: 0 }, { capture: 0 }, { capture: 1 });
    same({ repression: 0 }, { repression: 0 }, { repression: 1 });
  });

  it('stays within [0, 1 − member bonus], so members’ trust stays within [0, 1]', () => {
    expect(target({ forum: 5 })).toBeCloseTo(0.9, 14);
    expect(target({ forum: 5, bonus: 0.25 })).toBeCloseTo(0.75, 14);
    // 0 + 0.3·(0 − 0.3) = −0.09: clamped
    expect(target({ initial: 0, visibility: 0 })).toBe(0);
    // just inside: 0.4 + 0.3·(1 − 0.3) + 0.289 = 0.899
    expect(target({ visibility: 1, forum: 0.289 })).toBeCloseTo(0.899, 12);
    const u = seeded('trust-target');
    for (let k = 0; k < 500; k++) {
      const t = target({
        initial: u(),
        visibility: u(),
        forum: between(u, 0, 2),
        stigma: u(),
        foreignShare: u(),
        capture: u(),
        repression: u(),
        bonus: between(u, 0, 0.5),
      });
      expect(t).toBeGreaterThanOrEqual(0);
    }
  });
});

// -------------------------------------------------------------------------------------------------
describe('legitimacyOf and meanLegitimacy', () => {
  const fake = (initial: number[], scale: number, offset: number) => {
    const legitimacy = Float32Array.from(initial);
    return {
      sector: {
        legitimacyScale: scale,
        legitimacyOffset: offset,
        initialLegitimacyMean: legitimacy.reduce((s, x) => s + x, 0) / legitimacy.length,
        initialLegitimacyMin: Math.min(...legitimacy),
        initialLegitimacyMax: Math.max(...legitimacy),
      },
      citizens: { legitimacy },
    } as unknown as ModelState;
  };

  it('maps each citizen’s initial legitimacy through the shared affine map, within [0, 1]', () => {
    const state = fake([0.6, 0.25, 0.75], 0.5, 0.2);
    expect(legitimacyOf(state, 0)).toBeCloseTo(0.5 * 0.6 + 0.2, 7);
    expect(legitimacyOf(state, 1)).toBeCloseTo(0.5 * 0.25 + 0.2, 7);
    expect(legitimacyOf(fake([0.75], 1, 0.5), 0)).toBe(1);
    expect(legitimacyOf(fake([0.25], 1, -0.5), 0)).toBe(0);
  });

  it('the mean is the mapped mean when nothing clips, else the mean of the clipped values', () => {
    expect(meanLegitimacy(fake([0.2, 0.5, 0.8], 0.5, 0.1))).toBeCloseTo((0.2 + 0.5 + 0.8) / 6 + 0.1, 6);
    // 0.2 + 0.3, 0.5 + 0.3, 0.8 + 0.3 → 1
    expect(meanLegitimacy(fake([0.2, 0.5, 0.8], 1, 0.3))).toBeCloseTo((0.5 + 0.8 + 1) / 3, 6);
    // 0.2 − 0.3 → 0, 0.5 − 0.3, 0.8 − 0.3
    expect(meanLegitimacy(fake([0.2, 0.5, 0.8], 1, -0.3))).toBeCloseTo((0 + 0.2 + 0.5) / 3, 6);
  });
});

// -------------------------------------------------------------------------------------------------
describe('participation (the monthly phase)', () => {
  /** A state where nobody reconsiders this month: the stream's first skip passes every citizen. */
  const quiet = (over: Record<string, unknown> = {}) => {
    const state = stateOf(over);
    // skip = ln(1 − u)/ln(1 − 0.12) = ln(1e-12)/ln(0.88) ≈ 216 > 200 citizens
    useStreams(state, { citizens: constantStream(1 - 1e-12) });
    return state;
  };

  it('perceived legitimacy drifts toward the lever raised by consultation, after the month’s shock', () => {
    const state = quiet({ levers: { legitimacy: 0.6 } });
    const s = state.sector;
    s.legitimacyScale = 1;
    s.legitimacyOffset = 0;
    s.legitimacyShock = 0.1;
    s.influence = 0.5;
    participation(state, tickOf(state, 3));
    const aL = 1 - Math.pow(1 - 0.3, 1 / 12);
    // target 0.6 + 0.1·0.5 = 0.65
    expect(s.legitimacyScale).toBeCloseTo(1 - aL, 14);
    expect(s.legitimacyOffset).toBeCloseTo((1 - aL) * (0 - 0.1) + aL * 0.65, 14);
    expect(s.legitimacyShock).toBe(0);
    // the target is at most 1: 0.98 + 0.1·0.5 → 1
    const high = quiet({ levers: { legitimacy: 0.98 } });
    high.sector.legitimacyScale = 0;
    high.sector.legitimacyOffset = 1;
    high.sector.influence = 0.5;
    participation(high, tickOf(high, 3));
    expect(high.sector.legitimacyOffset).toBeCloseTo(1, 14);
    // no consultation effect when the parameter is 0
    const none = quiet({ levers: { legitimacy: 0.6 }, parameters: { consultation: { legitimacy: 0 } } });
    none.sector.legitimacyScale = 0;
    none.sector.legitimacyOffset = 0.6;
    none.sector.influence = 1;
    participation(none, tickOf(none, 3));
    expect(none.sector.legitimacyOffset).toBeCloseTo(0.6, 14);
  });

  it('expected giving: base chance from active NGOs’ fundraising per head and the tax price', () => {
    const state = quiet({ levers: { tax: { donationCredit: 0.2 } } });
    const c = state.ngos.cols;
    c.fundraising[addGroup(state)] = 300;
    c.fundraising[addGroup(state)] = 500;
    c.fundraising[addGroup(state, { status: DORMANT })] = 1000; // not fundraising
    c.fundraising[addGroup(state, { status: INFORMAL })] = 700; // nor unregistered groups
    participation(state, tickOf(state, 0));
    // 800 per year among 200,000 people (every NGO simulated): 0.004 per head
    const perHead = 800 / 200_000;
    const base = 0.03 * (perHead / (perHead + 1)) * Math.pow(1 - 0.2, -1.2);
    let donors = 0;
    let gifts = 0;
    const r = state.citizens.resources;
    for (let k = 0; k < r.length; k++) {
      const chance = Math.min(1, base * trustOf(state, k, 1) * (0.4 + r[k]));
      donors += chance;
      gifts += chance * (0.5 + r[k]);
    }
    expect(state.sector.donorsExpected).toBeCloseTo(donors, 10);
    // each gift is 10 on average, and a simulated citizen stands for 1,000 people
    expect(state.sector.donationsReal).toBeCloseTo(gifts * 10 * 1000, 6);
    let trust = 0;
    for (let k = 0; k < r.length; k++) trust += trustOf(state, k, 1);
    expect(state.sector.trustSum).toBeCloseTo(trust, 8);
  });

  it('counts volunteers and members into the sector', () => {
    const state = quiet({ initial: { participation: 0.3 } });
    const j = addGroup(state);
    setCitizenStatus(state, 0, 0, 1, j);
    setCitizenStatus(state, 1, 0, 0, j);
    participation(state, tickOf(state, 0));
    const active = state.citizens.active.reduce((s, x) => s + x, 0);
    expect(active).toBeGreaterThan(10);
    expect(state.sector.volunteers).toBe(active);
    expect(state.sector.volunteeringRate).toBe(active / 200);
    expect(state.sector.members).toBe(2);
  });

  /**
   * A state whose every citizen sees only the hub (the last citizen, an active member of group 1); the
   * recruiting sampler always draws group 0. Citizens' pasts differ (members, volunteers, since month 20
   * or 21 when the phase runs in month 40), and trust has drifted for three months.
   */
  const hubState = (over: Record<string, unknown> = {}) => {
    const state = stateOf({
      initial: { participation: 0 },
      parameters: { participation: { reconsiderRate: 1 } },
      ...over,
    });
    const n = 200;
    const hub = n - 1;
    const g0 = addGroup(state);
    const g1 = addGroup(state);
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) offsets[i] = i;
    state.network = { nodes: n, offsets, neighbours: new Int32Array(n).fill(hub) };
    state.recruiting.build(Float64Array.of(1, 0), 2);
    for (let i = 0; i < hub; i++) {
      if (i % 3 === 0) setCitizenStatus(state, i, 20, 1, g0);
      else if (i % 3 === 1) setCitizenStatus(state, i, 21, 0, g1);
      else if (i % 5 === 2) setCitizenStatus(state, i, 20, 1, -1);
    }
    setCitizenStatus(state, hub, 0, 1, g1);
    for (let t = 0; t < 3; t++) advanceMonth(state, 0.3 + 0.1 * t);
    state.sector.recruitment = 0.4;
    state.sector.repression = 0.3;
    return { state, n, hub, g0, g1 };
  };

  /** Sets each citizen's static logit so that her participation logit is logit(c) ± margin (+ for even i). */
  const straddle = (state: ModelState, tick: number, c: number, hubActive: number, margin: number) => {
    const q = state.params.participation;
    const k = state.citizens;
    for (let i = 0; i < k.resources.length - 1; i++) {
      const rest =
        state.intercept +
        q.recruitment * state.sector.recruitment +
        q.skills * skillOf(state, i, tick) +
        q.trust * trustOf(state, i, tick) +
        q.influence * hubActive -
        q.risk * state.sector.repression * k.riskAversion[i];
      k.staticLogit[i] = logit(c) + (i % 2 === 0 ? margin : -margin) - rest;
    }
    k.staticLogit[k.resources.length - 1] = 20; // the hub stays active
  };

  it('a citizen takes part iff u < σ(z), z from her skills, trust, contacts, risk (as skillOf/trustOf say)', () => {
    const { state, hub, g1 } = hubState();
    straddle(state, 40, 0.3, 1, 0.01);
    const before = {
      active: Uint8Array.from(state.citizens.active),
      member: Int32Array.from(state.citizens.member),
    };
    useStreams(state, { citizens: constantStream(0.3) });
    participation(state, tickOf(state, 40));
    const { active, member } = state.citizens;
    for (let i = 0; i < hub; i++) {
      expect(active[i], `citizen ${i}`).toBe(i % 2 === 0 ? 1 : 0);
      // joiners (takers in no group) join a contact's group: the hub's, group 1 (u = 0.3 < joinChance
      // 0.5 and < contactGroupChance 0.5); members stay (0.3 > the monthly lapse 1 − 0.2^(1/12))
      const expected = before.member[i] >= 0 ? before.member[i] : i % 2 === 0 ? g1 : -1;
      expect(member[i], `citizen ${i}`).toBe(expected);
    }
    expect(active[hub]).toBe(1);
  });

  it('an inactive hub lowers everyone’s logit by βN: the same citizens now stay out', () => {
    const { state, hub } = hubState();
    straddle(state, 40, 0.3, 1, 0.01);
    setCitizenStatus(state, hub, 39, 0, -1);
    state.citizens.staticLogit[hub] = -20; // and stays out
    useStreams(state, { citizens: constantStream(0.3) });
    participation(state, tickOf(state, 40));
    for (let i = 0; i < hub; i++) expect(state.citizens.active[i], `citizen ${i}`).toBe(0);
  });

  it('knockout: with influence 0 the hub’s activity changes nobody’s decision', () => {
    const run = (hubActive: number) => {
      const { state, hub } = hubState({
        initial: { participation: 0 },
        parameters: { participation: { reconsiderRate: 1, influence: 0 } },
      });
      straddle(state, 40, 0.3, 0, 0.01);
      if (hubActive === 0) setCitizenStatus(state, hub, 39, 0, -1);
      state.citizens.staticLogit[hub] = hubActive ? 20 : -20;
      useStreams(state, { citizens: constantStream(0.3) });
      participation(state, tickOf(state, 40));
      return Array.from(state.citizens.active.subarray(0, hub));
    };
    const on = run(1);
    expect(on).toEqual(run(0));
    expect(on.filter((x, i) => x === (i % 2 === 0 ? 1 : 0)).length).toBe(on.length);
  });

  it('with u below the lapse chance, members who stop taking part leave their group; joiners without a contact group are recruited', () => {
    const { state, hub, g0 } = hubState({
      initial: { participation: 0 },
      parameters: { participation: { reconsiderRate: 1, contactGroupChance: 0 } },
    });
    straddle(state, 40, 0.1, 1, 0.01);
    const before = Int32Array.from(state.citizens.member);
    useStreams(state, { citizens: constantStream(0.1) });
    participation(state, tickOf(state, 40));
    const { member } = state.citizens;
    for (let i = 0; i < hub; i++) {
      // lapse: 1 − 0.2^(1/12) ≈ 0.126 > 0.1; recruitment draws group 0 (contactGroupChance 0)
      const expected = i % 2 === 1 ? -1 : before[i] >= 0 ? before[i] : g0;
      expect(member[i], `citizen ${i}`).toBe(expected);
    }
  });

  it('knockout: joinChance 0 → takers volunteer without joining any group', () => {
    const { state, hub } = hubState({
      initial: { participation: 0 },
      parameters: { participation: { reconsiderRate: 1, joinChance: 0 } },
    });
    straddle(state, 40, 0.3, 1, 0.01);
    const before = Int32Array.from(state.citizens.member);
    useStreams(state, { citizens: constantStream(0.3) });
    participation(state, tickOf(state, 40));
    for (let i = 0; i < hub; i++) expect(state.citizens.member[i]).toBe(before[i]);
  });

  /**
   * Citizens 0–99 see the same eight contacts, citizens 100–107 (every citizen but the last sees them;
   * the last sees nobody). With a constant uniform c every reconsidering citizen samples contacts at
   * positions ⌊lo·8/2^16⌋ and ⌊hi·8/2^16⌋ (lo, hi: the two 16-bit halves of ⌊c·2^32⌋), twice each: for
   * c = (12000·2^16 + 45000)/2^32 these are positions 5 and 1. Contact 105 is an active member of group
   * 0, contact 101 an inactive member of group 1, contacts 103 and 107 are inactive, the others active.
   */
  const contactState = (over: Record<string, unknown> = {}) => {
    const state = stateOf({
      initial: { participation: 0 },
      parameters: { participation: { reconsiderRate: 1, contactGroupChance: 1 } },
      ...over,
    });
    const n = 200;
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) offsets[i] = Math.min(i, n - 1) * 8;
    const neighbours = new Int32Array((n - 1) * 8);
    for (let i = 0; i < n - 1; i++) for (let p8 = 0; p8 < 8; p8++) neighbours[i * 8 + p8] = 100 + p8;
    state.network = { nodes: n, offsets, neighbours };
    const g0 = addGroup(state);
    const g1 = addGroup(state);
    const g2 = addGroup(state);
    state.recruiting.build(Float64Array.of(0, 0, 1), 3);
    for (const k of [100, 102, 104, 106]) setCitizenStatus(state, k, 0, 1, -1);
    setCitizenStatus(state, 105, 0, 1, g0);
    setCitizenStatus(state, 101, 0, 0, g1);
    state.sector.recruitment = 0.4;
    state.sector.repression = 0.3;
    const k = state.citizens;
    for (let i = 100; i < 199; i++) k.staticLogit[i] = k.active[i] === 1 ? 40 : -40;
    return { state, g0, g1, g2 };
  };
  const c0 = (12000 * 65536 + 45000) / 4294967296;
  /** Sets citizen i's static logit so that her participation logit is z when her contacts' active share is `share`. */
  const setLogit = (state: ModelState, i: number, tick: number, share: number, z: number) => {
    const q = state.params.participation;
    const rest =
      state.intercept +
      q.recruitment * state.sector.recruitment +
      q.skills * skillOf(state, i, tick) +
      q.trust * trustOf(state, i, tick) +
      q.influence * share -
      q.risk * state.sector.repression * state.citizens.riskAversion[i];
    state.citizens.staticLogit[i] = z - rest;
  };

  it('samples `contacts` network contacts: the active share among them is the social influence', () => {
    const { state, g0, g2 } = contactState();
    // with the share 0.5, even citizens are just above logit(c), odd ones just below
    for (let i = 0; i < 100; i++) setLogit(state, i, 0, 0.5, logit(c0) + (i % 2 === 0 ? 0.01 : -0.01));
    setLogit(state, 199, 0, 0, logit(c0) + 0.01); // the isolated citizen: no contacts, share 0
    useStreams(state, { citizens: constantStream(c0) });
    participation(state, tickOf(state, 0));
    const { active, member } = state.citizens;
    for (let i = 0; i < 100; i++) {
      expect(active[i], `citizen ${i}`).toBe(i % 2 === 0 ? 1 : 0);
      // a joiner joins the group of the last sampled contact who volunteers in one: group 0
      expect(member[i], `citizen ${i}`).toBe(i % 2 === 0 ? g0 : -1);
    }
    expect(active[199]).toBe(1);
    expect(member[199]).toBe(g2); // no contacts: drawn by recruitment effort
  });

  it('the contact group is the last sampled contact who volunteers as a member, not any active contact', () => {
    const { state, g0 } = contactState();
    // contact 101 now volunteers without a group: the share is 1, and she comes after contact 105
    setCitizenStatus(state, 101, 0, 1, -1);
    state.citizens.staticLogit[101] = 40;
    for (let i = 0; i < 100; i++) setLogit(state, i, 0, 1, 5);
    useStreams(state, { citizens: constantStream(c0) });
    participation(state, tickOf(state, 0));
    for (let i = 0; i < 100; i++) expect(state.citizens.member[i], `citizen ${i}`).toBe(g0);
  });

  it('joining, the contact’s group and lapsing each pass only when u is below their chance', () => {
    // u = 0.5 = joinChance: a taker does not join
    const { state } = contactState({
      parameters: { participation: { reconsiderRate: 1, joinChance: 0.5, contactGroupChance: 1 } },
    });
    for (let i = 0; i < 100; i++) setLogit(state, i, 0, 0.5, 5);
    useStreams(state, { citizens: constantStream(0.5) });
    participation(state, tickOf(state, 0));
    for (let i = 0; i < 100; i++) {
      expect(state.citizens.active[i]).toBe(1);
      expect(state.citizens.member[i]).toBe(-1);
    }
    // u = 0.5 = contactGroupChance: a joiner is recruited instead of following her contact
    const other = contactState({
      parameters: { participation: { reconsiderRate: 1, joinChance: 1, contactGroupChance: 0.5 } },
    });
    for (let i = 0; i < 100; i++) setLogit(other.state, i, 0, 0.5, 5);
    useStreams(other.state, { citizens: constantStream(0.5) });
    participation(other.state, tickOf(other.state, 0));
    for (let i = 0; i < 100; i++) expect(other.state.citizens.member[i]).toBe(other.g2);
  });

  it('the lapse chance is per reconsideration: 1 − (1 − membershipLapse)^(1/(12·reconsiderRate))', () => {
    // reconsiderRate 0.5: 1 − 0.2^(1/6) ≈ 0.235 a reconsideration; u = 0.2 reconsiders everyone (skip
    // ⌊ln 0.8/ln 0.5⌋ = 0) and lets every idle member go
    const run = (u: number) => {
      const { state, g1 } = contactState({ parameters: { participation: { reconsiderRate: 0.5 } } });
      for (let i = 0; i < 100; i++) {
        setCitizenStatus(state, i, 0, 0, g1);
        state.citizens.staticLogit[i] = -40;
      }
      useStreams(state, { citizens: constantStream(u) });
      participation(state, tickOf(state, 0));
      return Array.from(state.citizens.member.subarray(0, 100));
    };
    expect(new Set(run(0.2))).toEqual(new Set([-1]));
    expect(new Set(run(0.24))).toEqual(new Set([1]));
  });

  it('skipping: with a constant u the reconsidering citizens are every (⌊ln(1 − u)/ln(1 − rate)⌋ + 1)-th', () => {
    const state = stateOf({ initial: { participation: 0 } });
    state.citizens.staticLogit.fill(40);
    useStreams(state, { citizens: constantStream(0.9) });
    participation(state, tickOf(state, 0));
    const skip = Math.floor(Math.log(1 - 0.9) / Math.log(1 - 0.12)); // 18
    const expected = Array.from({ length: 200 }, (_, i) =>
      (i - skip) % (skip + 1) === 0 && i >= skip ? 1 : 0,
    );
    expect(Array.from(state.citizens.active)).toEqual(expected);
  });

  it('expected giving citizen by citizen when a chance can reach 1 (huge tax credits), at next month’s trust', () => {
    const state = quiet({
      levers: { tax: { donationCredit: 0.9 } },
      parameters: { donations: { giveRate: 0.06 } },
    });
    const j = addGroup(state);
    state.ngos.cols.fundraising[j] = 2e7; // 100 a head: asked almost surely
    for (let k = 0; k < 50; k++) setCitizenStatus(state, k, 0, 1, j); // members since this month
    participation(state, tickOf(state, 0));
    const perHead = 2e7 / 200_000;
    const base = 0.06 * (perHead / (perHead + 1)) * Math.pow(0.1, -1.2);
    expect(base * 1.4).toBeGreaterThan(1);
    let donors = 0;
    const r = state.citizens.resources;
    for (let k = 0; k < r.length; k++) donors += Math.min(1, base * trustOf(state, k, 1) * (0.4 + r[k]));
    expect(state.sector.donorsExpected).toBeCloseTo(donors, 10);
    expect(donors).toBeLessThan(200);
  });

  it('a share reconsiderRate of citizens reconsiders each month (geometric skipping)', () => {
    for (const rate of [0.05, 0.12, 0.5]) {
      const state = stateOf({
        population: { citizens: 5000, represents: 5_000_000 },
        initial: { participation: 0 },
        parameters: { participation: { reconsiderRate: rate } },
      });
      state.citizens.staticLogit.fill(40); // whoever reconsiders takes part
      useStreams(state, { citizens: seededStream(`reconsider-${rate}`) });
      participation(state, tickOf(state, 0));
      const joined = state.citizens.active.reduce((s, x) => s + x, 0);
      const sd = Math.sqrt(5000 * rate * (1 - rate));
      expect(Math.abs(joined - 5000 * rate), `rate ${rate}`).toBeLessThan(4 * sd);
    }
  });
});
