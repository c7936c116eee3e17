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
 * Every citizen's trust, legitimacy and skills drift each month, and the month's aggregates are summed
 * in the same pass.
 */
import type { TickContext } from '../../engine/simulation.ts';
import { monthlyFromAnnual } from '../../engine/stats.ts';
import { ACTIVE } from '../ngos.ts';
import { tallyFor, type ModelState } from '../state.ts';

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

/** Trust target shared by all citizens this month, before the member bonus (DM §5 public image). */
export function sectorTrustTarget(state: ModelState): number {
  const { sector, levers, scenario } = state;
  const stigma = levers.foreign.stigma * sector.foreignFundedShare;
  const t =
    scenario.initial.trust +
    0.3 * (sector.serviceVisibility - 0.3) -
    0.4 * stigma +
    sector.forumBoost -
    0.1 * levers.repression.level;
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** A citizen's perceived legitimacy now: the shared map of her initial value, within [0, 1]. */
export function legitimacyOf(state: ModelState, i: number): number {
  const l = state.sector.legitimacyScale * state.citizens.legitimacy[i] + state.sector.legitimacyOffset;
  return l < 0 ? 0 : l > 1 ? 1 : l;
}

/** Mean perceived legitimacy of all citizens (before clipping to [0, 1]). */
export function meanLegitimacy(state: ModelState): number {
  return state.sector.legitimacyScale * state.sector.initialLegitimacyMean + state.sector.legitimacyOffset;
}

export function participation(state: ModelState, ctx: TickContext): void {
  decide(state);
  driftAndCount(state, ctx);
}

/** Tally slots for citizens in no NGO (a power of two). */
const SPARE_SLOTS = 8;

/** Reconsidering citizens (geometric skipping) decide whether to take part, and join or leave an NGO. */
function decide(state: ModelState): void {
  const { citizens: c, network, ngos, sector, params, levers } = state;
  const p = params.citizens;
  const n = c.resources.length;
  const u = state.streams.get('citizens').uniform;
  const status = ngos.cols.status;
  const q = Math.min(1, p.reconsiderRate);
  const logSkip = Math.log(1 - q);
  const contacts = p.contacts;
  const asked = sector.recruitment;
  const repression = levers.repression.level;
  const lapse = 1 - Math.pow(1 - p.membershipLapse, 1 / (12 * q));
  const join = p.joinChance;
  const { offsets, neighbours } = network;
  const recruiting = state.recruiting;
  const { active, member, staticLogit, skills, trust, riskAversion } = c;
  const zShared = p.intercept + p.recruitment * asked;
  const bS = p.skills;
  const bT = p.trust;
  const bN = p.influence;
  const bP = p.risk * repression;
  let i = q >= 1 ? 0 : (Math.log(1 - u()) / logSkip) | 0;
  while (i < n) {
    const start = offsets[i];
    const degree = offsets[i + 1] - start;
    let activeContacts = 0;
    let contactNgo = -1;
    if (degree > 0) {
      // two contacts per uniform: its 32 bits split into two independent 16-bit halves, each scaled to
      // [0, degree) (bias below degree/65536); no arithmetic chain runs from one contact to the next
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
    // participationProbability(), written out here: V8 does not inline a ten-argument call in this loop
    const z =
      zShared +
      staticLogit[i] + // βR·R + βE·E − βN·θ
      bS * skills[i] +
      bT * trust[i] +
      bN * (activeContacts / contacts) -
      bP * riskAversion[i];
    const probability = 1 / (1 + Math.exp(-z));
    const takesPart = u() < probability;
    active[i] = takesPart ? 1 : 0;
    const m = member[i];
    if (takesPart) {
      if ((m < 0 || status[m] !== ACTIVE) && u() < join) {
        // join a contact's NGO if there is one, else one drawn by recruitment effort
        const pick =
          contactNgo >= 0 && status[contactNgo] === ACTIVE && u() < 0.5 ? contactNgo : recruiting.sample(u());
        member[i] = pick;
      }
    } else if (m >= 0 && u() < lapse) {
      member[i] = -1;
    }
    i = (i + 1 + (q >= 1 ? 0 : (Math.log(1 - u()) / logSkip) | 0)) | 0;
  }
}

/**
 * Every citizen's skills, trust and legitimacy drift (no random numbers); memberships of NGOs that
 * stopped working lapse; the month's aggregates and each NGO's members, volunteers and skills are counted.
 */
function driftAndCount(state: ModelState, ctx: TickContext): void {
  const { citizens: c, ngos, sector, params, levers, scale } = state;
  const p = params.citizens;
  const n = c.resources.length;
  const ng = ngos.cols;
  const status = ng.status;
  // per-NGO tallies with eight extra slots (count .. count + 7) for citizens in no NGO, used in turn, so the
  // loop below has no unpredictable branch and no long chain of updates to one memory slot; `gone` marks
  // NGOs that stopped working (their memberships lapse)
  const count = ngos.length;
  const slots = count + SPARE_SLOTS;
  const tally = tallyFor(state, slots);
  const { membersPerNgo, volunteersPerNgo, skillsPerNgo, gone } = tally;
  membersPerNgo.fill(0, 0, slots);
  volunteersPerNgo.fill(0, 0, slots);
  skillsPerNgo.fill(0, 0, slots);
  for (let j = 0; j < count; j++) gone[j] = status[j] === ACTIVE ? 0 : 1;
  gone.fill(0, count, slots);
  const { active, member, resources, skills, trust } = c;
  const trustTarget = sectorTrustTarget(state);
  const memberBonus = 0.1;
  const aT = monthlyFromAnnual(p.trustAdjust);
  const aL = monthlyFromAnnual(p.legitimacyAdjust);
  const lTarget = levers.legitimacy;
  const gain = p.skillGain / 12;
  const decay = p.skillDecay / 12;
  const shock = sector.legitimacyShock;
  sector.legitimacyShock = 0;
  // chance of being asked to give, from the sector's fundraising spend per head (saturating), and the
  // tax price of giving (DM §4)
  const don = params.donations;
  const price = Math.pow(1 - levers.tax.donationCredit, -don.priceElasticity);
  let fundraising = 0;
  for (let j = 0; j < ngos.length; j++) if (status[j] === ACTIVE) fundraising += ng.fundraising[j];
  const perHead = scale.realNgos(fundraising) / scale.realPopulation(ctx.tick);
  const giveBase = don.giveRate * (perHead / (perHead + don.askSaturation)) * price;
  let volunteers = 0;
  let donors = 0;
  let gifts = 0;
  let trustSum = 0;
  for (let k = 0; k < n; k++) {
    const spare = count + (k & (SPARE_SLOTS - 1));
    let slot = member[k];
    slot = slot < 0 ? spare : slot;
    if (gone[slot] === 1) {
      member[k] = -1;
      slot = spare;
    }
    const inNgo = slot >= count ? 0 : 1;
    const a = active[k];
    let s = skills[k];
    s += a * gain - (a * gain + (1 - a) * decay) * s;
    skills[k] = s;
    let t = trust[k];
    t += aT * (trustTarget + inNgo * memberBonus - t);
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    trust[k] = t;
    const r = resources[k];
    let pg = giveBase * t * (0.4 + r);
    pg = pg > 1 ? 1 : pg;
    donors += pg;
    gifts += pg * (0.5 + r);
    volunteers += a;
    trustSum += t;
    membersPerNgo[slot]++;
    volunteersPerNgo[slot] += a;
    skillsPerNgo[slot] += s;
  }
  ng.members.set(membersPerNgo.subarray(0, count));
  ng.volunteers.set(volunteersPerNgo.subarray(0, count));
  ng.memberSkills.set(skillsPerNgo.subarray(0, count));
  let members = n;
  for (let j = count; j < slots; j++) members -= membersPerNgo[j];
  sector.volunteers = volunteers;
  sector.members = members;
  sector.donorsExpected = donors;
  sector.donationsReal = gifts * don.gift * scale.citizenWeight(ctx.tick);
  sector.trustSum = trustSum;
  // perceived legitimacy moves every citizen alike (toward the lever, minus any crackdown shock), so it is
  // kept as one shared affine map of each citizen's initial value (see legitimacyOf): exact, and no
  // per-citizen work
  sector.legitimacyScale *= 1 - aL;
  sector.legitimacyOffset = (1 - aL) * (sector.legitimacyOffset - shock) + aL * lTarget;
  sector.volunteeringRate = volunteers / n;
}
