/**
 * Citizens as a structure of typed arrays (one slot per simulated citizen; no object per citizen).
 * Static traits: resources (time, money: Verba et al. 1995), a Granovetter participation
 * threshold, risk aversion and hardship (Epstein 2002), engagement. Dynamic: civic skills, trust in NGOs,
 * perceived state legitimacy (all three kept in closed form between a citizen's own events:
 * citizenState.ts), whether they volunteer this month, the group they are a member of (−1: none),
 * whether they protest, and the month they leave jail.
 */
import { createColumns, type Columns } from '../../engine/columns.ts';
import type { RandomStream } from '../../engine/random.ts';
import { clamp01 } from '../../engine/stats.ts';
import { thresholdExcess } from '../behaviour/threshold.ts';
import type { Parameters, Scenario } from './schema.ts';

export const citizenSpec = {
  resources: Float32Array,
  threshold: Float32Array,
  riskAversion: Float32Array,
  /** Epstein's hardship H ~ U(0, 1): grievance = H · (1 − legitimacy). */
  hardship: Float32Array,
  engagement: Float32Array,
  /** Civic skills as of the citizen's last event (`since`); now: skillOf (citizenState.ts). */
  skills: Float32Array,
  /** Trust in NGOs at the start; now: trustOf (citizenState.ts). */
  trust: Float32Array,
  /** Membership part of trust as of the last event, and the month of that event. */
  bonus: Float32Array,
  since: Int32Array,
  /** Perceived legitimacy at the start; the current value is a shared map of it (legitimacyOf). */
  legitimacy: Float32Array,
  active: Uint8Array,
  member: Int32Array,
  /** βR·R + βE·E − βN·θ: the part of the participation logit fixed for life (staticLogitOf, once). */
  staticLogit: Float32Array,
  protesting: Uint8Array,
  /** First month out of jail (0: never jailed). */
  jailedUntil: Int32Array,
};
export type Citizens = Columns<typeof citizenSpec>;

/** Mean of the resources distribution (triangular on [0, 1]), the reference of the participation logit. */
export const meanResources = 0.5;

/**
 * The part of a citizen's participation logit fixed for life (pure): βR·R + βE·E and the threshold's part
 * of Granovetter's influence term βN·thresholdExcess(a, θ) (src/models/behaviour/threshold.ts). The
 * excess is linear in the share a, so βN·(a − θ) = βN·a + βN·thresholdExcess(0, θ) — the month adds βN·a
 * (participationLogit) — and thresholdExcess(0, θ) is −θ exactly, so this is the same number, to the
 * bit, as βR·R + βE·E − βN·θ. Folded in here, θ costs the monthly loop no read.
 */
export function staticLogitOf(
  v: Parameters['participation'],
  resources: number,
  engagement: number,
  threshold: number,
): number {
  return v.resources * resources + v.engagement * engagement + v.influence * thresholdExcess(0, threshold);
}

export function createCitizens(scenario: Scenario, rng: RandomStream): Citizens {
  const n = scenario.population.citizens;
  const c = createColumns(citizenSpec, n);
  const { initial, levers, parameters } = scenario;
  const p = parameters.citizens;
  const v = parameters.participation;
  const u = rng.uniform;
  for (let i = 0; i < n; i++) {
    // resources: triangular on [0,1] (mean 0.5) — a cheap, bounded stand-in for the skewed SES index
    const r = (u() + u()) / 2;
    c.resources[i] = r;
    c.threshold[i] = clamp01(v.thresholdMean + v.thresholdSd * rng.normal());
    c.riskAversion[i] = u();
    c.hardship[i] = u();
    c.engagement[i] = clamp01(
      initial.engagement + p.engagementSd * rng.normal() + p.engagementResources * (r - meanResources),
    );
    c.skills[i] = clamp01(p.skillsBase + p.skillsResources * r + p.skillsSd * rng.normal());
    c.trust[i] = clamp01(initial.trust + p.trustSd * rng.normal());
    c.legitimacy[i] = clamp01(levers.legitimacy + p.legitimacySd * rng.normal());
    c.active[i] = u() < initial.participation ? 1 : 0;
    c.member[i] = -1;
    c.staticLogit[i] = staticLogitOf(v, r, c.engagement[i], c.threshold[i]);
  }
  return c;
}
