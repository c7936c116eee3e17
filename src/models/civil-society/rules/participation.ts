/**
 * Citizens decide whether to take part: civic voluntarism (resources, engagement, skills, being asked;
 * Verba, Schlozman & Brady 1995) plus network influence with individual thresholds (Granovetter 1978;
 * complex contagion, Centola & Macy 2007) and the risk of repression (Epstein 2002). DM §3:
 *
 *   p = σ(β0 + βR·R + βE·E + βS·S + βT·T + βM·asked + βN·(share of sampled contacts active − θ_i)
 *         − βP·risk_i·repression)
 *
 * Each month a share of citizens reconsider (found by geometric skipping, so the cost is one draw per
 * reconsidering citizen, not per citizen); each samples a fixed number of network contacts, so the
 * work per citizen does not grow with network degree or with the number of NGOs. Taking part citizens
 * join an NGO (a contact's, or one drawn by recruitment effort in O(1) from an alias table).
 * Everyone's trust, legitimacy and skills drift every month; that drift is kept in closed form
 * (citizenState.ts, and a shared map for legitimacy), so the month costs nothing for the citizens who do
 * not reconsider.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { monthlyFromAnnual } from '../../../engine/stats.ts';
import { ACTIVE } from '../ngos.ts';
import {
  MEMBER_TRUST_BONUS,
  advanceMonth,
  expectedGiving,
  releaseMembersOfClosedNgos,
  setCitizenStatus,
  trustSum,
} from '../citizenState.ts';
import type { ModelState } from '../state.ts';

export interface ParticipationInputs {
  intercept: number;
  resources: number;
  engagement: number;
  skills: number;
  trust: number;
  recruitment: number;
  influence: number;
  risk: number;
}

/** Probability of taking part for one citizen (pure; the per-citizen rule). */
export function participationProbability(
  b: ParticipationInputs,
  resources: number,
  engagement: number,
  skills: number,
  trust: number,
  asked: number,
  activeShare: number,
  threshold: number,
  riskAversion: number,
  repression: number,
): number {
  // the logistic written out: this runs once per reconsidering citizen
  const z =
    b.intercept +
    b.resources * resources +
    b.engagement * engagement +
    b.skills * skills +
    b.trust * trust +
    b.recruitment * asked +
    b.influence * (activeShare - threshold) -
    b.risk * riskAversion * repression;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Trust target shared by all citizens this month, before the member bonus (DM §5 public image); at most
 * 1 − the bonus, so that members' trust stays within [0, 1].
 */
export function sectorTrustTarget(state: ModelState): number {
  const { sector, levers, scenario } = state;
  const stigma = levers.foreign.stigma * sector.foreignFundedShare;
  const t =
    scenario.initial.trust +
    0.3 * (sector.serviceVisibility - 0.3) -
    0.4 * stigma +
    sector.forumBoost -
    0.1 * levers.repression.level;
  const top = 1 - MEMBER_TRUST_BONUS;
  return t < 0 ? 0 : t > top ? top : t;
}

/** A citizen's perceived legitimacy now: the shared map of her initial value, within [0, 1]. */
export function legitimacyOf(state: ModelState, i: number): number {
  const l = state.sector.legitimacyScale * state.citizens.legitimacy[i] + state.sector.legitimacyOffset;
  return l < 0 ? 0 : l > 1 ? 1 : l;
}

/** Mean perceived legitimacy of all citizens: from the shared map unless clipping to [0, 1] bites. */
export function meanLegitimacy(state: ModelState): number {
  const {
    legitimacyScale: a,
    legitimacyOffset: b,
    initialLegitimacyMin,
    initialLegitimacyMax,
  } = state.sector;
  if (a * initialLegitimacyMin + b >= 0 && a * initialLegitimacyMax + b <= 1) {
    return a * state.sector.initialLegitimacyMean + b;
  }
  const n = state.citizens.legitimacy.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += legitimacyOf(state, i);
  return sum / n;
}

export function participation(state: ModelState, ctx: TickContext): void {
  const { sector, params, levers, scale, ngos } = state;
  const tick = ctx.tick;
  releaseMembersOfClosedNgos(state, tick);
  decide(state, tick);
  advanceMonth(state, sectorTrustTarget(state));
  // perceived legitimacy moves every citizen alike (toward the lever, minus any crackdown shock), so it is
  // kept as one shared affine map of each citizen's initial value (see legitimacyOf)
  const aL = monthlyFromAnnual(params.citizens.legitimacyAdjust);
  sector.legitimacyScale *= 1 - aL;
  sector.legitimacyOffset =
    (1 - aL) * (sector.legitimacyOffset - sector.legitimacyShock) + aL * levers.legitimacy;
  sector.legitimacyShock = 0;
  // giving: the chance of being asked, from the sector's fundraising spend per head (saturating), and the
  // tax price of giving (DM §4)
  const don = params.donations;
  const price = Math.pow(1 - levers.tax.donationCredit, -don.priceElasticity);
  let fundraising = 0;
  const ng = ngos.cols;
  for (let j = 0; j < ngos.length; j++) if (ng.status[j] === ACTIVE) fundraising += ng.fundraising[j];
  const perHead = scale.realNgos(fundraising) / scale.realPopulation(tick);
  const giveBase = don.giveRate * (perHead / (perHead + don.askSaturation)) * price;
  const giving = expectedGiving(state, giveBase, tick + 1);
  const totals = state.totals;
  const n = state.citizens.resources.length;
  sector.volunteers = totals.volunteers;
  sector.members = totals.members;
  sector.donorsExpected = giving.donors;
  sector.donationsReal = giving.gifts * don.gift * scale.citizenWeight(tick);
  sector.trustSum = trustSum(state);
  sector.volunteeringRate = totals.volunteers / n;
}

/** βT times the part of trust every citizen shares. */
const bT0 = (bT: number, shared: number) => bT * shared;

/** Reconsidering citizens (geometric skipping) decide whether to take part, and join or leave an NGO. */
function decide(state: ModelState, tick: number): void {
  const { citizens: c, network, ngos, sector, params, levers } = state;
  const p = params.citizens;
  const n = c.resources.length;
  const u = state.streams.get('citizens').uniform;
  const status = ngos.cols.status;
  const q = Math.min(1, p.reconsiderRate);
  const logSkip = Math.log(1 - q);
  const contacts = p.contacts;
  const lapse = 1 - Math.pow(1 - p.membershipLapse, 1 / (12 * q));
  const join = p.joinChance;
  const { offsets, neighbours } = network;
  const recruiting = state.recruiting;
  const { active, member, staticLogit, riskAversion, skills, bonus, since, trust } = c;
  const { gainPow, decayPow, trustPow, trustScale, trustShared } = state.totals;
  const zShared = p.intercept + p.recruitment * sector.recruitment + bT0(p.trust, trustShared);
  const bS = p.skills;
  const bT = p.trust;
  const bN = p.influence;
  const bP = p.risk * levers.repression.level;
  // the skip is clamped to n before it is made an integer: at tiny rates it can pass 2^31
  let skip = q >= 1 ? 0 : Math.log(1 - u()) / logSkip;
  let i = skip < n ? skip | 0 : n;
  while (i < n) {
    const start = offsets[i];
    const degree = offsets[i + 1] - start;
    let activeContacts = 0;
    let contactNgo = -1;
    if (degree > 0) {
      // two contacts per uniform: its 32 bits split into two independent 16-bit halves, each scaled to
      // [0, degree) (bias below degree/65536)
      let bits = 0;
      for (let k = 0; k < contacts; k++) {
        if ((k & 1) === 0) bits = (u() * 4294967296) >>> 0;
        const pick = (((k & 1) === 0 ? bits & 0xffff : bits >>> 16) * degree) >>> 16;
        const j = neighbours[start + pick];
        const on = active[j];
        activeContacts += on;
        const m = member[j];
        contactNgo = on === 1 && m >= 0 ? m : contactNgo;
      }
    }
    // skillOf and trustOf (citizenState.ts) written out for this hot loop
    const dt = tick - since[i];
    const s0 = skills[i];
    const skill = active[i] === 1 ? 1 - (1 - s0) * gainPow[dt] : s0 * decayPow[dt];
    const bonusTarget = member[i] >= 0 ? MEMBER_TRUST_BONUS : 0;
    const ownTrust = trustScale * trust[i] + bonusTarget + (bonus[i] - bonusTarget) * trustPow[dt];
    // participationProbability(), written out: V8 does not inline a ten-argument call in this loop
    const z =
      zShared + // β0 + βM·asked + βT·(shared part of trust)
      staticLogit[i] + // βR·R + βE·E − βN·θ
      bS * skill +
      bT * ownTrust +
      bN * (activeContacts / contacts) -
      bP * riskAversion[i];
    const takesPart = u() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    const m = member[i];
    let nextMember = m;
    if (takesPart === 1) {
      if ((m < 0 || status[m] !== ACTIVE) && u() < join) {
        // join a contact's NGO if there is one, else one drawn by recruitment effort
        nextMember =
          contactNgo >= 0 && status[contactNgo] === ACTIVE && u() < 0.5 ? contactNgo : recruiting.sample(u());
      }
    } else if (m >= 0 && u() < lapse) {
      nextMember = -1;
    }
    if (takesPart !== active[i] || nextMember !== m) setCitizenStatus(state, i, tick, takesPart, nextMember);
    skip = q >= 1 ? 0 : Math.log(1 - u()) / logSkip;
    i = skip < n ? (i + 1 + (skip | 0)) | 0 : n;
  }
}
