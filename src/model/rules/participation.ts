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

export function participation(state: ModelState, ctx: TickContext): void {
  const { citizens: c, network, ngos, sector, params, levers } = state;
  const p = params.citizens;
  const n = c.resources.length;
  const u = state.streams.get('citizens').uniform;
  const ng = ngos.cols;
  const status = ng.status;

  // reset per-NGO member counts; they are recounted in the pass below
  ng.members.fill(0, 0, ngos.length);
  ng.volunteers.fill(0, 0, ngos.length);
  ng.memberSkills.fill(0, 0, ngos.length);

  // ---- decisions: reconsidering citizens, found by geometric skipping ----
  const q = Math.min(1, p.reconsiderRate);
  const logSkip = Math.log(1 - q);
  const contacts = p.contacts;
  const asked = sector.recruitment;
  const repression = levers.repression.level;
  const lapse = 1 - Math.pow(1 - p.membershipLapse, 1 / (12 * q));
  const { offsets, neighbours } = network;
  const recruiting = state.recruiting;
  const active = c.active;
  const member = c.member;
  const resources = c.resources;
  const engagement = c.engagement;
  const skills = c.skills;
  const trust = c.trust;
  const threshold = c.threshold;
  const riskAversion = c.riskAversion;
  const legitimacy = c.legitimacy;
  const betas: ParticipationInputs = {
    intercept: p.intercept,
    resources: p.resources,
    engagement: p.engagement,
    skills: p.skills,
    trust: p.trust,
    recruitment: p.recruitment,
    influence: p.influence,
    risk: p.risk,
  };
  let i = q >= 1 ? 0 : (Math.log(1 - u()) / logSkip) | 0;
  while (i < n) {
    const start = offsets[i];
    const degree = offsets[i + 1] - start;
    let activeContacts = 0;
    let contactNgo = -1;
    if (degree > 0) {
      // several small random indices from one uniform: each takes log2(degree) ≤ 6 of its 32 bits,
      // so a fresh number is drawn every fourth contact
      let bits = 0;
      for (let k = 0; k < contacts; k++) {
        if ((k & 3) === 0) bits = u();
        const x = bits * degree;
        const pick = x | 0;
        bits = x - pick;
        const j = neighbours[start + pick];
        if (active[j] === 1) {
          activeContacts++;
          const m = member[j];
          if (m >= 0) contactNgo = m;
        }
      }
    }
    const probability = participationProbability(
      betas,
      resources[i],
      engagement[i],
      skills[i],
      trust[i],
      asked,
      activeContacts / contacts,
      threshold[i],
      riskAversion[i],
      repression,
    );
    const takesPart = u() < probability;
    active[i] = takesPart ? 1 : 0;
    const m = member[i];
    if (takesPart) {
      if (m < 0 || status[m] !== ACTIVE) {
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

  // ---- drifts and aggregates: every citizen, no random numbers ----
  const trustTarget = sectorTrustTarget(state);
  const memberBonus = 0.15;
  const aT = monthlyFromAnnual(p.trustAdjust);
  const aL = monthlyFromAnnual(p.legitimacyAdjust);
  const lTarget = levers.legitimacy;
  const gain = p.skillGain / 12;
  const decay = p.skillDecay / 12;
  const shock = sector.legitimacyShock;
  sector.legitimacyShock = 0;
  const don = params.donations;
  const price = Math.pow(1 - levers.tax.donationCredit, -don.priceElasticity);
  // chance of being asked to give, from the sector's fundraising spend per head (saturating)
  let fundraising = 0;
  for (let j = 0; j < ngos.length; j++) if (status[j] === ACTIVE) fundraising += ng.fundraising[j];
  const perHead = state.scale.realNgos(fundraising) / state.scale.realPopulation(ctx.tick);
  const askedToGive = perHead / (perHead + don.askSaturation);
  const giveBase = don.giveRate * askedToGive * price;
  let volunteers = 0;
  let members = 0;
  let donors = 0;
  let gifts = 0;
  let trustSum = 0;
  let legitimacySum = 0;
  const volunteersPerNgo = ng.volunteers;
  const membersPerNgo = ng.members;
  const skillsPerNgo = ng.memberSkills;
  for (let k = 0; k < n; k++) {
    let m = member[k];
    if (m >= 0 && status[m] !== ACTIVE) {
      m = -1;
      member[k] = -1;
    }
    const a = active[k];
    let s = skills[k];
    s += a === 1 ? gain * (1 - s) : -decay * s;
    skills[k] = s;
    let t = trust[k];
    t += aT * (trustTarget + (m >= 0 ? memberBonus : 0) - t);
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    trust[k] = t;
    let l = legitimacy[k] - shock;
    l += aL * (lTarget - l);
    l = l < 0 ? 0 : l;
    legitimacy[k] = l;
    const r = resources[k];
    let pg = giveBase * t * (0.4 + r);
    pg = pg > 1 ? 1 : pg;
    donors += pg;
    gifts += pg * (0.5 + r);
    volunteers += a;
    trustSum += t;
    legitimacySum += l;
    if (m >= 0) {
      members++;
      membersPerNgo[m]++;
      volunteersPerNgo[m] += a;
      skillsPerNgo[m] += s;
    }
  }
  const weight = state.scale.citizenWeight(ctx.tick);
  sector.volunteers = volunteers;
  sector.members = members;
  sector.donorsExpected = donors;
  sector.donationsReal = gifts * don.gift * weight;
  sector.trustSum = trustSum;
  sector.legitimacySum = legitimacySum;
  sector.volunteeringRate = volunteers / n;
}
