/**
 * The citizens' lazily kept state (citizenState.ts) must equal what updating every citizen every month
 * would give. The closed forms are checked one by one against their recursions, the running totals
 * against recounts, and a small run of the model is replayed eagerly beside it, month by month.
 */
import { describe, expect, it } from 'vitest';
import {
  advanceMonth,
  expectedGiving,
  initCitizenTotals,
  monthlyTrustRate,
  releaseMembersOfClosedNgos,
  setCitizenStatus,
  skillOf,
  trustBonusOf,
  trustOf,
  trustSum,
} from '../../../src/models/civil-society/citizenState.ts';
import { createModelState, phases } from '../../../src/models/civil-society/model.ts';
import { ACTIVE, DORMANT, INFORMAL } from '../../../src/models/civil-society/ngos.ts';
import { participation, sectorTrustTarget } from '../../../src/models/civil-society/rules/participation.ts';
import type { ModelState } from '../../../src/models/civil-society/state.ts';
import { addGroup, scenarioOf, stateOf, tickOf } from './ruleHelpers.ts';

const gain = 0.1 / 12; // parameters.citizens.skillGain per month
const decay = 0.1 / 12; // skillDecay per month
const a = 1 - Math.pow(1 - 0.3, 1 / 12); // trustAdjust 0.3 a year, per month
const bonus = 0.1; // memberTrustBonus

describe('monthlyTrustRate', () => {
  it('is the monthly rate of the yearly trustAdjust; 1 when trust adjusts at once', () => {
    expect(monthlyTrustRate(stateOf())).toBeCloseTo(a, 15);
    expect(monthlyTrustRate(stateOf({ parameters: { citizens: { trustAdjust: 1 } } }))).toBe(1);
    expect(monthlyTrustRate(stateOf({ parameters: { citizens: { trustAdjust: 0 } } }))).toBe(0);
  });
});

describe('initCitizenTotals', () => {
  it('sums the citizens’ static weights and counts members and volunteers into their groups', () => {
    const state = stateOf({ initial: { participation: 0.3 } });
    const c = state.citizens;
    const j = addGroup(state);
    const k = addGroup(state);
    for (let i = 0; i < 30; i++) c.member[i] = i % 2 === 0 ? j : k;
    c.since[5] = 7; // reset at the start
    c.bonus[5] = 0.3;
    const t = initCitizenTotals(state);
    expect(state.totals).toBe(t);
    expect(t.memberBonus).toBe(0.1);
    let sumT0 = 0;
    let sumW = 0;
    let sumV = 0;
    let sumT0W = 0;
    let sumT0V = 0;
    for (let i = 0; i < 200; i++) {
      const r = c.resources[i];
      sumT0 += c.trust[i];
      sumW += (0.4 + r) * (0.5 + r);
      sumV += 0.4 + r;
      sumT0W += c.trust[i] * (0.4 + r) * (0.5 + r);
      sumT0V += c.trust[i] * (0.4 + r);
    }
    expect(t.sumT0).toBeCloseTo(sumT0, 8);
    expect(t.sumW).toBeCloseTo(sumW, 8);
    expect(t.sumV).toBeCloseTo(sumV, 8);
    expect(t.sumT0W).toBeCloseTo(sumT0W, 8);
    expect(t.sumT0V).toBeCloseTo(sumT0V, 8);
    expect([t.trustScale, t.trustShared, t.sumB, t.sumBW, t.sumBV]).toEqual([1, 0, 0, 0, 0]);
    expect([c.since[5], c.bonus[5]]).toEqual([0, 0]);
    expect(t.volunteers).toBe(c.active.reduce((s, x) => s + x, 0));
    expect(t.members).toBe(30);
    const ng = state.ngos.cols;
    for (const g of [j, k]) {
      const mine = Array.from({ length: 30 }, (_, i) => i).filter((i) => c.member[i] === g);
      expect(ng.members[g]).toBe(mine.length);
      expect(ng.volunteers[g]).toBe(mine.filter((i) => c.active[i] === 1).length);
      const gap = mine.filter((i) => c.active[i] === 1).reduce((s, i) => s + 1 - c.skills[i], 0);
      const idle = mine.filter((i) => c.active[i] === 0).reduce((s, i) => s + c.skills[i], 0);
      expect(ng.skillGap[g]).toBeCloseTo(gap, 6);
      expect(ng.skillIdle[g]).toBeCloseTo(idle, 6);
    }
    const mw = Array.from({ length: 30 }, (_, i) => (0.4 + c.resources[i]) * (0.5 + c.resources[i]));
    expect(t.memberW).toBeCloseTo(
      mw.reduce((s, x) => s + x, 0),
      8,
    );
    // the powers: (1 − rate)^Δ
    expect(t.gainPow[0]).toBe(1);
    expect(t.gainPow[5]).toBeCloseTo(Math.pow(1 - gain, 5), 14);
    expect(t.decayPow[7]).toBeCloseTo(Math.pow(1 - decay, 7), 14);
    expect(t.trustPow[12]).toBeCloseTo(0.7, 12);
    expect(t.trustPow.length).toBe(state.calendar.ticks + 2);
  });
});

// -------------------------------------------------------------------------------------------------
describe('closed forms between a citizen’s own events', () => {
  /** A state whose citizen 0 has skills 0.4 and trust 0.5 at the start, and is in no group. */
  const setUp = () => {
    const state = stateOf({ initial: { participation: 0 } });
    const c = state.citizens;
    c.skills[0] = 0.4;
    c.trust[0] = 0.5;
    initCitizenTotals(state);
    const j = addGroup(state);
    return { state, c, j };
  };

  it('skills decay while idle, s·(1 − d)^Δ, and grow while volunteering, 1 − (1 − s)(1 − g)^Δ', () => {
    const { state } = setUp();
    expect(skillOf(state, 0, 0)).toBeCloseTo(0.4, 7);
    expect(skillOf(state, 0, 10)).toBeCloseTo(0.4 * Math.pow(1 - decay, 10), 7);
    setCitizenStatus(state, 0, 10, 1, -1);
    const s10 = 0.4 * Math.pow(1 - decay, 10);
    expect(skillOf(state, 0, 10)).toBeCloseTo(s10, 7);
    expect(skillOf(state, 0, 16)).toBeCloseTo(1 - (1 - s10) * Math.pow(1 - gain, 6), 7);
    // the recursion, month by month
    let s = s10;
    for (let t = 10; t < 40; t++) s += gain * (1 - s);
    expect(skillOf(state, 0, 40)).toBeCloseTo(s, 6);
  });

  it('a member’s own part of trust moves toward the bonus, a non-member’s back to 0', () => {
    const { state, j } = setUp();
    expect(trustBonusOf(state, 0, 5)).toBe(0);
    setCitizenStatus(state, 0, 5, 0, j);
    expect(trustBonusOf(state, 0, 5)).toBe(0);
    let b = 0;
    for (let t = 5; t < 17; t++) b += a * (bonus - b);
    expect(trustBonusOf(state, 0, 17)).toBeCloseTo(b, 7);
    setCitizenStatus(state, 0, 17, 0, -1);
    expect(trustBonusOf(state, 0, 17)).toBeCloseTo(b, 7);
    for (let t = 17; t < 29; t++) b -= a * b;
    expect(trustBonusOf(state, 0, 29)).toBeCloseTo(b, 7);
  });

  it('trust = shared map of the initial trust + own part; knockout: bonus 0 → members trust like others', () => {
    const { state, j } = setUp();
    state.totals.trustScale = 0.5;
    state.totals.trustShared = 0.2;
    expect(trustOf(state, 0, 0)).toBeCloseTo(0.5 * 0.5 + 0.2, 7);
    setCitizenStatus(state, 0, 0, 1, j);
    expect(trustOf(state, 0, 12)).toBeCloseTo(0.45 + bonus * (1 - Math.pow(1 - a, 12)), 7);
    const none = stateOf({
      initial: { participation: 0 },
      parameters: { citizens: { memberTrustBonus: 0 } },
    });
    const g = addGroup(none);
    const t1 = trustOf(none, 1, 12);
    setCitizenStatus(none, 1, 0, 1, g);
    expect(trustOf(none, 1, 12)).toBe(t1);
  });
});

describe('setCitizenStatus', () => {
  it('moves the citizen between groups and keeps every tally', () => {
    const state = stateOf({ initial: { participation: 0 } });
    const c = state.citizens;
    const t = state.totals;
    const g1 = addGroup(state);
    const g2 = addGroup(state);
    const ng = state.ngos.cols;
    c.skills[3] = 0.5;
    const r = c.resources[3];
    const w = (0.4 + r) * (0.5 + r);
    const v = 0.4 + r;
    const volunteers = t.volunteers;
    setCitizenStatus(state, 3, 2, 1, g1);
    const s2 = 0.5 * Math.pow(1 - decay, 2);
    expect(c.skills[3]).toBeCloseTo(s2, 7);
    expect([c.since[3], c.active[3], c.member[3]]).toEqual([2, 1, g1]);
    expect([ng.members[g1], ng.volunteers[g1]]).toEqual([1, 1]);
    expect(ng.skillGap[g1]).toBeCloseTo(1 - s2, 7);
    expect(t.volunteers).toBe(volunteers + 1);
    expect(t.members).toBe(1);
    expect(t.memberW).toBeCloseTo(w, 7);
    expect(t.memberV).toBeCloseTo(v, 7);
    // stops volunteering, moves to group 2
    setCitizenStatus(state, 3, 8, 0, g2);
    const s8 = 1 - (1 - s2) * Math.pow(1 - gain, 6);
    expect(c.skills[3]).toBeCloseTo(s8, 7);
    expect(c.bonus[3]).toBeCloseTo(bonus * (1 - Math.pow(1 - a, 6)), 7);
    expect([ng.members[g1], ng.volunteers[g1], ng.skillGap[g1], ng.skillIdle[g1]]).toEqual([0, 0, 0, 0]);
    expect([ng.members[g2], ng.volunteers[g2]]).toEqual([1, 0]);
    expect(ng.skillIdle[g2]).toBeCloseTo(s8, 7);
    expect(t.volunteers).toBe(volunteers);
    expect(t.members).toBe(1);
    // leaves
    setCitizenStatus(state, 3, 9, 0, -1);
    expect([ng.members[g2], t.members]).toEqual([0, 0]);
    expect(t.memberW).toBeCloseTo(0, 7);
    expect(t.memberV).toBeCloseTo(0, 7);
  });
});

describe('releaseMembersOfClosedNgos', () => {
  it('members of groups that stopped working leave them; unregistered groups keep theirs', () => {
    const state = stateOf({ initial: { participation: 0 } });
    const closed = addGroup(state);
    const informal = addGroup(state);
    const open = addGroup(state);
    setCitizenStatus(state, 0, 0, 1, closed);
    setCitizenStatus(state, 1, 0, 0, closed);
    setCitizenStatus(state, 2, 0, 1, informal);
    setCitizenStatus(state, 3, 0, 1, open);
    state.ngos.cols.status[closed] = DORMANT;
    state.ngos.cols.status[informal] = INFORMAL;
    releaseMembersOfClosedNgos(state, 4);
    const c = state.citizens;
    expect(Array.from(c.member.subarray(0, 4))).toEqual([-1, -1, informal, open]);
    expect(Array.from(c.active.subarray(0, 4))).toEqual([1, 0, 1, 1]); // they may volunteer on
    expect(c.since[0]).toBe(4);
    expect(state.ngos.cols.members[closed]).toBe(0);
    expect(state.totals.members).toBe(2);
    // nothing to release: nobody's record changes
    releaseMembersOfClosedNgos(state, 6);
    expect(c.since[2]).toBe(0);
  });
});

describe('advanceMonth', () => {
  it('moves the shared trust map toward the target and the members’ part toward the bonus', () => {
    const state = stateOf({ initial: { participation: 0 } });
    const g = addGroup(state);
    for (let k = 0; k < 20; k++) setCitizenStatus(state, k, 0, k % 2, g);
    const t = state.totals;
    advanceMonth(state, 0.6);
    expect(t.trustShared).toBeCloseTo(a * 0.6, 14);
    expect(t.trustScale).toBeCloseTo(1 - a, 14);
    expect(t.sumB).toBeCloseTo(a * bonus * 20, 12);
    advanceMonth(state, 0.2);
    expect(t.trustShared).toBeCloseTo((1 - a) * a * 0.6 + a * 0.2, 14);
    expect(t.trustScale).toBeCloseTo((1 - a) ** 2, 14);
    // totals agree with every citizen's trust at the start of month 2
    let sum = 0;
    let sumBW = 0;
    let sumBV = 0;
    const c = state.citizens;
    for (let k = 0; k < 200; k++) {
      sum += trustOf(state, k, 2);
      const r = c.resources[k];
      sumBW += trustBonusOf(state, k, 2) * (0.4 + r) * (0.5 + r);
      sumBV += trustBonusOf(state, k, 2) * (0.4 + r);
    }
    expect(trustSum(state)).toBeCloseTo(sum, 8);
    expect(t.sumBW).toBeCloseTo(sumBW, 8);
    expect(t.sumBV).toBeCloseTo(sumBV, 8);
  });

  it('each group’s members’ skills follow: volunteers learn, idle members forget', () => {
    const state = stateOf({ initial: { participation: 0 } });
    const g = addGroup(state);
    const empty = addGroup(state);
    const c = state.citizens;
    for (let k = 0; k < 6; k++) {
      c.skills[k] = 0.1 * (k + 1);
      setCitizenStatus(state, k, 0, k < 3 ? 1 : 0, g);
    }
    for (let m = 0; m < 5; m++) advanceMonth(state, 0.4);
    let skills = 0;
    for (let k = 0; k < 6; k++) skills += skillOf(state, k, 5);
    expect(state.ngos.cols.memberSkills[g]).toBeCloseTo(skills, 5);
    expect(state.ngos.cols.memberSkills[empty]).toBe(0);
  });
});

describe('expectedGiving', () => {
  const direct = (state: ModelState, base: number, tick: number) => {
    let donors = 0;
    let gifts = 0;
    const r = state.citizens.resources;
    for (let k = 0; k < r.length; k++) {
      const p = Math.min(1, base * trustOf(state, k, tick) * (0.4 + r[k]));
      donors += p;
      gifts += p * (0.5 + r[k]);
    }
    return { donors, gifts };
  };
  const busy = () => {
    const state = stateOf({ initial: { participation: 0 } });
    const g = addGroup(state);
    for (let k = 0; k < 60; k++) setCitizenStatus(state, k, 0, 1, g);
    for (let m = 0; m < 3; m++) advanceMonth(state, 0.7);
    return state;
  };

  it('from the totals, Σ base·T·(0.4 + R) and the same weighted by (0.5 + R), when no chance can reach 1', () => {
    const state = busy();
    const want = direct(state, 0.5, 3);
    const got = expectedGiving(state, 0.5, 3);
    expect(got.donors).toBeCloseTo(want.donors, 8);
    expect(got.gifts).toBeCloseTo(want.gifts, 8);
    expect(expectedGiving(state, 0, 3)).toEqual({ donors: 0, gifts: 0 });
  });

  it('citizen by citizen, capped at 1, when base·1.4 > 1', () => {
    const state = busy();
    const want = direct(state, 2.5, 3);
    const got = expectedGiving(state, 2.5, 3);
    expect(got.donors).toBeCloseTo(want.donors, 8);
    expect(got.gifts).toBeCloseTo(want.gifts, 8);
    expect(got.donors).toBeLessThan(2.5 * trustSum(state) * 1.4);
    // a citizen who trusts fully and is well off: 1.2 · 1 · 1.4 > 1 is capped at 1
    const rich = stateOf({ initial: { participation: 0 } });
    rich.citizens.trust[0] = 1;
    rich.citizens.resources[0] = 1;
    initCitizenTotals(rich);
    const capped = expectedGiving(rich, 1.2, 0);
    expect(capped.donors).toBeCloseTo(direct(rich, 1.2, 0).donors, 8);
    expect(capped.gifts).toBeCloseTo(direct(rich, 1.2, 0).gifts, 8);
    // just past the switch the two ways agree where no chance is capped
    const edge = expectedGiving(state, 1 / 1.4 + 1e-9, 3);
    expect(edge.donors).toBeCloseTo(direct(state, 1 / 1.4 + 1e-9, 3).donors, 8);
  });
});

// -------------------------------------------------------------------------------------------------
describe('citizens kept in closed form over a run', () => {
  it('match an eager month-by-month update of every citizen, and the totals match recounts', () => {
    const scenario = scenarioOf({
      end: '2004-12',
      population: { citizens: 3000, represents: 300_000, ngoSampling: 1 },
      initial: { ngos: 30, participation: 0.1 },
      levers: {
        foreign: { budget: 300_000 },
        ministries: { socialOrder: 300_000, grants: 100_000 },
        legitimacy: 0.5,
      },
    });
    const state = createModelState(scenario, 0);
    const c = state.citizens;
    const n = c.resources.length;
    const skills = Float64Array.from({ length: n }, (_, k) => skillOf(state, k, 0));
    const trust = Float64Array.from({ length: n }, (_, k) => trustOf(state, k, 0));
    let statusChanges = 0;
    for (let tick = 0; tick < state.calendar.ticks; tick++) {
      const ctx = tickOf(state, tick, tick === 24 ? [{ action: 'civilForum', strength: 1 }] : []);
      for (const phase of phases) {
        if (phase.run !== participation) {
          phase.run(state, ctx);
          continue;
        }
        const target = sectorTrustTarget(state);
        const before = Uint8Array.from(c.active);
        participation(state, ctx);
        for (let k = 0; k < n; k++) {
          if (c.active[k] !== before[k]) statusChanges++;
          const on = c.active[k];
          skills[k] = on === 1 ? skills[k] + gain * (1 - skills[k]) : skills[k] - decay * skills[k];
          trust[k] += a * (target + (c.member[k] >= 0 ? bonus : 0) - trust[k]);
        }
      }
      // compare at the start of the next month, which is what the lazy state describes now
      for (let k = 0; k < n; k += 7) {
        expect(skillOf(state, k, tick + 1)).toBeCloseTo(skills[k], 5);
        expect(trustOf(state, k, tick + 1)).toBeCloseTo(trust[k], 5);
      }
      expect(trustSum(state)).toBeCloseTo(
        trust.reduce((s, x) => s + x, 0),
        2,
      );
    }
    expect(statusChanges).toBeGreaterThan(1000); // the comparison saw plenty of events
    // totals and per-NGO tallies equal recounts
    let members = 0;
    let volunteers = 0;
    const perNgo = new Map<number, { members: number; volunteers: number; skills: number }>();
    const lastTick = state.calendar.ticks;
    for (let k = 0; k < n; k++) {
      volunteers += c.active[k];
      const m = c.member[k];
      if (m < 0) continue;
      members++;
      const e = perNgo.get(m) ?? { members: 0, volunteers: 0, skills: 0 };
      e.members++;
      e.volunteers += c.active[k];
      e.skills += skillOf(state, k, lastTick);
      perNgo.set(m, e);
    }
    expect(members).toBeGreaterThan(50);
    expect(state.totals.members).toBe(members);
    expect(state.totals.volunteers).toBe(volunteers);
    const ng = state.ngos.cols;
    for (const [j, e] of perNgo) {
      expect(ng.members[j]).toBe(e.members);
      expect(ng.volunteers[j]).toBe(e.volunteers);
      if (ng.status[j] === ACTIVE) expect(ng.memberSkills[j]).toBeCloseTo(e.skills, 3);
    }
  });
});
