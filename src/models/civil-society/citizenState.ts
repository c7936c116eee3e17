/**
 * Citizens' slow variables, kept lazily so that a month costs nothing for the citizens who do not
 * reconsider (the work per month is O(reconsidering citizens + NGOs), not O(citizens)).
 *
 * Between two of her own events (she starts or stops taking part, joins or leaves an NGO) a citizen's
 * rules are linear with constant coefficients, so her state at any month has a closed form:
 * - skills: while taking part s ← s + g·(1 − s), else s ← (1 − d)·s (Verba et al. 1995: skills are learnt by
 *   taking part), so s(t) = 1 − (1 − s₀)(1 − g)^Δ or s₀(1 − d)^Δ;
 * - trust: t ← t + a·(target + bonus·member − t) splits exactly into a part shared by everyone,
 *   P(t)·t₀ + S(t) (P = (1 − a)^t, S follows the shared target), and her own membership part
 *   b ← (1 − a)·b + a·bonus·member, so b(t) = bonus·member + (b₀ − bonus·member)(1 − a)^Δ.
 * Each citizen stores her values as of her last event (`skills`, `bonus`, `since`); `trust` holds t₀.
 * Sums that metrics and rules need each month (members, volunteers, trust, expected giving, each NGO's
 * members' skills) are kept as running totals: updated at events, and advanced once a month with the
 * same linear rules — exactly what updating every citizen every month would give.
 */
import { isWorking, type NgoTable } from './ngos.ts';
import type { ModelState } from './state.ts';

export interface CitizenTotals {
  /** Members trust NGOs this much more (parameters.citizens.memberTrustBonus). */
  memberBonus: number;
  /** (1 − rate)^Δ for Δ = 0 … ticks + 1: skill gain, skill decay, trust adjustment. */
  gainPow: Float64Array;
  decayPow: Float64Array;
  trustPow: Float64Array;
  /** Shared trust map at the start of the current month: trust = trustScale·t₀ + trustShared + own bonus. */
  trustScale: number;
  trustShared: number;
  /** Static sums over citizens: Σt₀, Σt₀·w, Σt₀·v, Σw, Σv with w = (0.4 + R)(0.5 + R), v = 0.4 + R. */
  sumT0: number;
  sumT0W: number;
  sumT0V: number;
  sumW: number;
  sumV: number;
  /** Running sums of the membership part of trust: Σb, Σb·w, Σb·v. */
  sumB: number;
  sumBW: number;
  sumBV: number;
  /** Members, volunteers, and Σw, Σv over members. */
  members: number;
  volunteers: number;
  memberW: number;
  memberV: number;
}

const giftWeight = (r: number) => (0.4 + r) * (0.5 + r);
const giverWeight = (r: number) => 0.4 + r;

function powers(rate: number, length: number): Float64Array {
  const out = new Float64Array(length);
  out[0] = 1;
  for (let k = 1; k < length; k++) out[k] = out[k - 1] * (1 - rate);
  return out;
}

/** Builds the totals from the citizens' arrays at the start (every citizen's `since` is 0). */
export function initCitizenTotals(state: ModelState): CitizenTotals {
  const { citizens: c, params, calendar, ngos } = state;
  const p = params.citizens;
  const length = calendar.ticks + 2;
  const totals: CitizenTotals = {
    memberBonus: p.memberTrustBonus,
    gainPow: powers(p.skillGain / 12, length),
    decayPow: powers(p.skillDecay / 12, length),
    trustPow: powers(monthlyTrustRate(state), length),
    trustScale: 1,
    trustShared: 0,
    sumT0: 0,
    sumT0W: 0,
    sumT0V: 0,
    sumW: 0,
    sumV: 0,
    sumB: 0,
    sumBW: 0,
    sumBV: 0,
    members: 0,
    volunteers: 0,
    memberW: 0,
    memberV: 0,
  };
  state.totals = totals;
  const ng = ngos.cols;
  for (let k = 0; k < c.resources.length; k++) {
    const r = c.resources[k];
    const t0 = c.trust[k];
    const w = giftWeight(r);
    const v = giverWeight(r);
    totals.sumT0 += t0;
    totals.sumT0W += t0 * w;
    totals.sumT0V += t0 * v;
    totals.sumW += w;
    totals.sumV += v;
    c.since[k] = 0;
    c.bonus[k] = 0;
    totals.volunteers += c.active[k];
    const m = c.member[k];
    if (m >= 0) countInNgo(ng, totals, 1, m, c.active[k], c.skills[k], w, v);
  }
  return totals;
}

export function monthlyTrustRate(state: ModelState): number {
  const a = state.params.citizens.trustAdjust;
  return a >= 1 ? 1 : 1 - Math.pow(1 - a, 1 / 12);
}

/** Adds (sign +1) or removes (sign −1) one member's contribution to her NGO's tallies and the totals. */
function countInNgo(
  ng: NgoTable['cols'],
  t: CitizenTotals,
  sign: 1 | -1,
  m: number,
  a: number,
  s: number,
  w: number,
  v: number,
): void {
  ng.members[m] += sign;
  ng.volunteers[m] += sign * a;
  if (a === 1) ng.skillGap[m] += sign * (1 - s);
  else ng.skillIdle[m] += sign * s;
  if (ng.members[m] === 0) {
    // no rounding residue survives an empty NGO
    ng.skillGap[m] = 0;
    ng.skillIdle[m] = 0;
  }
  t.members += sign;
  t.memberW += sign * w;
  t.memberV += sign * v;
}

/** A citizen's civic skills at the start of month `tick`. */
export function skillOf(state: ModelState, k: number, tick: number): number {
  const c = state.citizens;
  const dt = tick - c.since[k];
  const s = c.skills[k];
  return c.active[k] === 1 ? 1 - (1 - s) * state.totals.gainPow[dt] : s * state.totals.decayPow[dt];
}

/** The membership part of a citizen's trust at the start of month `tick`. */
export function trustBonusOf(state: ModelState, k: number, tick: number): number {
  const c = state.citizens;
  const target = c.member[k] >= 0 ? state.totals.memberBonus : 0;
  return target + (c.bonus[k] - target) * state.totals.trustPow[tick - c.since[k]];
}

/** A citizen's trust in NGOs at the start of month `tick`. */
export function trustOf(state: ModelState, k: number, tick: number): number {
  const t = state.totals;
  return t.trustScale * state.citizens.trust[k] + t.trustShared + trustBonusOf(state, k, tick);
}

/**
 * The one way a citizen's participation or membership changes: brings her slow variables up to the
 * start of month `tick` under her old status, then switches status and the totals that depend on it.
 */
export function setCitizenStatus(
  state: ModelState,
  k: number,
  tick: number,
  active: number,
  member: number,
): void {
  const c = state.citizens;
  const totals = state.totals;
  const ng = state.ngos.cols;
  const s = skillOf(state, k, tick);
  const b = trustBonusOf(state, k, tick);
  const r = c.resources[k];
  const w = giftWeight(r);
  const v = giverWeight(r);
  const oldActive = c.active[k];
  const oldMember = c.member[k];
  if (oldMember >= 0) countInNgo(ng, totals, -1, oldMember, oldActive, s, w, v);
  totals.volunteers += active - oldActive;
  c.skills[k] = s;
  c.bonus[k] = b;
  c.since[k] = tick;
  c.active[k] = active;
  c.member[k] = member;
  if (member >= 0) countInNgo(ng, totals, 1, member, active, s, w, v);
}

/** Members of groups that stopped working since last month leave them (one pass, only if there are any). */
export function releaseMembersOfClosedNgos(state: ModelState, tick: number): void {
  const ng = state.ngos.cols;
  const count = state.ngos.length;
  let any = false;
  for (let j = 0; j < count; j++) {
    if (!isWorking(ng.status[j]) && ng.members[j] > 0) {
      any = true;
      break;
    }
  }
  if (!any) return;
  const { member, active } = state.citizens;
  const status = ng.status;
  for (let k = 0; k < member.length; k++) {
    const m = member[k];
    if (m >= 0 && !isWorking(status[m])) setCitizenStatus(state, k, tick, active[k], -1);
  }
}

/**
 * The month's drift for everyone at once: trust moves toward `trustTarget` (+ the bonus for members),
 * skills grow or decay, and each NGO's members' skills follow. Afterwards the totals describe the start
 * of the next month.
 */
export function advanceMonth(state: ModelState, trustTarget: number): void {
  const totals = state.totals;
  const a = monthlyTrustRate(state);
  const bonus = totals.memberBonus;
  totals.trustShared = (1 - a) * totals.trustShared + a * trustTarget;
  totals.trustScale *= 1 - a;
  totals.sumB = (1 - a) * totals.sumB + a * bonus * totals.members;
  totals.sumBW = (1 - a) * totals.sumBW + a * bonus * totals.memberW;
  totals.sumBV = (1 - a) * totals.sumBV + a * bonus * totals.memberV;
  const gain = 1 - totals.gainPow[1];
  const decay = 1 - totals.decayPow[1];
  const ng = state.ngos.cols;
  for (let j = 0; j < state.ngos.length; j++) {
    if (ng.members[j] === 0) continue;
    ng.skillGap[j] *= 1 - gain;
    ng.skillIdle[j] *= 1 - decay;
    const skills = ng.volunteers[j] - ng.skillGap[j] + ng.skillIdle[j];
    ng.memberSkills[j] = skills > 0 ? skills : 0;
  }
}

/** Σ trust over citizens, from the totals (at the start of the month they describe). */
export function trustSum(state: ModelState): number {
  const t = state.totals;
  return t.trustScale * t.sumT0 + state.citizens.trust.length * t.trustShared + t.sumB;
}

/**
 * Expected givers and gifts this month for a base giving chance: Σ min(1, base·T·(0.4 + R)) and the same
 * weighted by (0.5 + R). Exact from the totals whenever no citizen's chance can reach 1; otherwise (only
 * with extreme tax credits) citizen by citizen.
 */
export function expectedGiving(
  state: ModelState,
  base: number,
  tick: number,
): { donors: number; gifts: number } {
  const t = state.totals;
  if (base * 1.4 <= 1) {
    return {
      donors: base * (t.trustScale * t.sumT0V + t.trustShared * t.sumV + t.sumBV),
      gifts: base * (t.trustScale * t.sumT0W + t.trustShared * t.sumW + t.sumBW),
    };
  }
  const r = state.citizens.resources;
  let donors = 0;
  let gifts = 0;
  for (let k = 0; k < r.length; k++) {
    const p = Math.min(1, base * trustOf(state, k, tick) * (0.4 + r[k]));
    donors += p;
    gifts += p * (0.5 + r[k]);
  }
  return { donors, gifts };
}
