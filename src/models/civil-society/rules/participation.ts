/**
 * Citizens decide whether to volunteer: civic voluntarism (resources, engagement, skills, being asked;
 * Verba et al. 1995) plus network influence with individual thresholds (Granovetter 1978;
 * complex contagion, Centola & Macy 2007) and the risk of repression (Epstein 2002):
 *
 *   p = σ(β0 + βR·R + βE·E + βS·S + βT·T + βM·asked + βN·(a − θ) − βP·ρ·repression)
 *
 * where a − θ is the threshold excess of the classic threshold model (thresholdExcess in
 * src/models/behaviour/threshold.ts: one implementation): its −θ part is fixed for life and folded into
 * each citizen's static logit (staticLogitOf in citizens.ts), its a part added each month.
 * β0 follows from `baseRate`, the chance that a reference citizen volunteers (participationIntercept).
 * Every feedback is bounded: being asked saturates with the NGOs' recruitment effort (census.ts), the
 * influence term is a share, skills and trust are shares — so no single coefficient can flip the sector
 * between empty and everyone.
 *
 * Each month a share of citizens reconsider (found by geometric skipping, so the cost is one draw per
 * reconsidering citizen, not per citizen); each samples a fixed number of network contacts, so the
 * work per citizen does not grow with network degree or with the number of NGOs. Volunteers join a group
 * (a contact's, or one drawn by recruitment effort in O(1) from an alias table). Everyone's trust,
 * legitimacy and skills drift every month; that drift is kept in closed form (citizenState.ts, and a
 * shared map for legitimacy), so the month costs nothing for the citizens who do not reconsider.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { belowLogistic } from '../../../engine/belowLogistic.ts';
import { monthlyFromAnnual } from '../../../engine/stats.ts';
import { ACTIVE, isWorking } from '../ngos.ts';
import { meanResources } from '../citizens.ts';
import {
  advanceMonth,
  expectedGiving,
  releaseMembersOfClosedNgos,
  setCitizenStatus,
  trustSum,
} from '../citizenState.ts';
import type { Parameters } from '../schema.ts';
import type { ModelState } from '../state.ts';

/** The reference citizen's skills, trust and chance of being asked, at which `baseRate` holds. */
export const reference = { skills: 0.3, trust: 0.4, asked: 0.5 } as const;

/**
 * β0 of the participation logit: the logit of `baseRate` less the other terms for the reference citizen
 * (average resources and engagement, reference skills, trust and asking, contacts as active as her
 * threshold, no risk) (pure).
 */
export function participationIntercept(p: Parameters['participation'], meanEngagement: number): number {
  return (
    Math.log(p.baseRate / (1 - p.baseRate)) -
    p.resources * meanResources -
    p.engagement * meanEngagement -
    p.skills * reference.skills -
    p.trust * reference.trust -
    p.recruitment * reference.asked
  );
}

/** The month's coefficients, shared by every reconsidering citizen. */
export interface LogitTerms {
  /** β0 + βM·asked: what everyone shares this month. */
  shared: number;
  skills: number;
  trust: number;
  influence: number;
  /** βP·repression in force. */
  risk: number;
}

/** The month's logit terms (pure). */
export function logitTerms(
  p: Parameters['participation'],
  intercept: number,
  asked: number,
  repression: number,
): LogitTerms {
  return {
    shared: intercept + p.recruitment * asked,
    skills: p.skills,
    trust: p.trust,
    influence: p.influence,
    risk: p.risk * repression,
  };
}

/**
 * One citizen's participation logit (pure; the hot loop calls it): `staticPart` = βR·R + βE·E − βN·θ,
 * fixed for life (staticLogitOf, with the threshold's part of βN·thresholdExcess(a, θ)); `activeShare`
 * the volunteering share a of her sampled contacts, which completes that influence term.
 */
export function participationLogit(
  k: LogitTerms,
  staticPart: number,
  skill: number,
  trust: number,
  activeShare: number,
  riskAversion: number,
): number {
  return (
    k.shared +
    staticPart +
    k.skills * skill +
    k.trust * trust +
    k.influence * activeShare -
    k.risk * riskAversion
  );
}

/**
 * Trust target shared by all citizens this month, before the member bonus: initial trust, raised by
 * visible service work and forums, then cut in proportion by the stigma of foreign money, by a sector
 * that looks captured by the state (Lorch & Bunk 2017) and by repression; at most 1 − the bonus, so that
 * members' trust stays within [0, 1] (pure in the state).
 */
export function sectorTrustTarget(state: ModelState): number {
  const { sector, levers, scenario, params } = state;
  const tr = params.trust;
  const seen =
    scenario.initial.trust +
    tr.visibility * (sector.serviceVisibility - tr.visibilityReference) +
    sector.forumBoost;
  const t =
    seen *
    (1 - tr.stigma * levers.foreign.stigma * sector.foreignFundedShare) *
    (1 - tr.capture * sector.capture) *
    (1 - tr.repression * sector.repression);
  const top = 1 - state.totals.memberBonus;
  return t < 0 ? 0 : t > top ? top : t;
}

/** The shared affine map of perceived legitimacy, scale·initial + offset, within [0, 1] (pure). */
export function mappedLegitimacy(scale: number, offset: number, initial: number): number {
  const l = scale * initial + offset;
  return l < 0 ? 0 : l > 1 ? 1 : l;
}

/** A citizen's perceived legitimacy now: the shared map of her initial value, within [0, 1]. */
export function legitimacyOf(state: ModelState, i: number): number {
  return mappedLegitimacy(
    state.sector.legitimacyScale,
    state.sector.legitimacyOffset,
    state.citizens.legitimacy[i],
  );
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
  // perceived legitimacy moves every citizen alike (toward the lever, raised by real consultation:
  // Lorch & Bunk 2017; minus any shock), so it is kept as one shared affine map of each citizen's initial
  // value (see legitimacyOf)
  const aL = monthlyFromAnnual(params.citizens.legitimacyAdjust);
  sector.legitimacyScale *= 1 - aL;
  const legitimacyTarget = Math.min(1, levers.legitimacy + params.consultation.legitimacy * sector.influence);
  sector.legitimacyOffset =
    (1 - aL) * (sector.legitimacyOffset - sector.legitimacyShock) + aL * legitimacyTarget;
  sector.legitimacyShock = 0;
  // giving: the chance of being asked, from the sector's fundraising spend per head (saturating), and the
  // tax price of giving (Peloza & Steel 2005)
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

/** Reconsidering citizens (geometric skipping) decide whether to volunteer, and join or leave a group. */
function decide(state: ModelState, tick: number): void {
  const { citizens: c, network, ngos, sector, params } = state;
  const p = params.participation;
  const n = c.resources.length;
  const u = state.streams.get('citizens').uniform;
  const status = ngos.cols.status;
  const q = Math.min(1, p.reconsiderRate);
  const logSkip = Math.log(1 - q);
  const contacts = p.contacts;
  const lapse = 1 - Math.pow(1 - p.membershipLapse, 1 / (12 * q));
  const join = p.joinChance;
  const viaContact = p.contactGroupChance;
  const { offsets, neighbours } = network;
  const recruiting = state.recruiting;
  const { active, member, staticLogit, riskAversion, skills, bonus, since, trust } = c;
  const { gainPow, decayPow, trustPow, trustScale, trustShared, memberBonus } = state.totals;
  const terms = logitTerms(p, state.intercept, sector.recruitment, sector.repression);
  // the shared part of trust enters everyone's logit alike
  terms.shared += p.trust * trustShared;
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
        if (active[j] === 1) {
          activeContacts++;
          const m = member[j];
          if (m >= 0) contactNgo = m;
        }
      }
    }
    // skillOf and the citizen's own part of trust (citizenState.ts), written out for this hot loop
    const dt = tick - since[i];
    const s0 = skills[i];
    const skill = active[i] === 1 ? 1 - (1 - s0) * gainPow[dt] : s0 * decayPow[dt];
    const bonusTarget = member[i] >= 0 ? memberBonus : 0;
    const ownTrust = trustScale * trust[i] + bonusTarget + (bonus[i] - bonusTarget) * trustPow[dt];
    const z = participationLogit(
      terms,
      staticLogit[i],
      skill,
      ownTrust,
      activeContacts / contacts,
      riskAversion[i],
    );
    const takesPart = belowLogistic(u(), z) ? 1 : 0;
    const m = member[i];
    let nextMember = m;
    if (takesPart === 1) {
      if ((m < 0 || !isWorking(status[m])) && u() < join) {
        // join a contact's group if there is one, else one drawn by recruitment effort
        nextMember =
          contactNgo >= 0 && isWorking(status[contactNgo]) && u() < viaContact
            ? contactNgo
            : recruiting.sample(u());
      }
    } else if (m >= 0 && u() < lapse) {
      nextMember = -1;
    }
    if (takesPart !== active[i] || nextMember !== m) setCitizenStatus(state, i, tick, takesPart, nextMember);
    skip = q >= 1 ? 0 : Math.log(1 - u()) / logSkip;
    i = skip < n ? (i + 1 + (skip | 0)) | 0 : n;
  }
}
