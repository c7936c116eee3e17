/**
 * Citizens as a structure of typed arrays (one slot per simulated citizen; no object per citizen).
 * Static traits: resources (time, money: Verba, Schlozman & Brady 1995), a Granovetter participation
 * threshold, risk aversion (Epstein 2002), engagement. Dynamic: civic skills, trust in NGOs, perceived
 * state legitimacy (all three kept in closed form between a citizen's own events: citizenState.ts),
 * whether they take part this month, and the NGO they are a member of (−1: none).
 */
import { createColumns, type Columns } from '../../engine/columns.ts';
import type { RandomStream } from '../../engine/random.ts';
import { clamp01 } from '../../engine/stats.ts';
import type { Scenario } from './schema.ts';

export const citizenSpec = {
  resources: Float32Array,
  threshold: Float32Array,
  riskAversion: Float32Array,
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
  /** βR·R + βE·E − βN·θ: the part of the participation logit fixed for life (computed once). */
  staticLogit: Float32Array,
};
export type Citizens = Columns<typeof citizenSpec>;

export function createCitizens(scenario: Scenario, rng: RandomStream): Citizens {
  const n = scenario.population.citizens;
  const c = createColumns(citizenSpec, n);
  const { initial, levers, parameters: p } = scenario;
  const u = rng.uniform;
  for (let i = 0; i < n; i++) {
    // resources: triangular on [0,1] (mean 0.5) — a cheap, bounded stand-in for the skewed SES index
    const r = (u() + u()) / 2;
    c.resources[i] = r;
    c.threshold[i] = clamp01(p.citizens.thresholdMean + p.citizens.thresholdSd * rng.normal());
    c.riskAversion[i] = u();
    c.engagement[i] = clamp01(initial.engagement + 0.2 * rng.normal() + 0.2 * (r - 0.5));
    c.skills[i] = clamp01(0.15 + 0.35 * r + 0.1 * rng.normal());
    c.trust[i] = clamp01(initial.trust + 0.15 * rng.normal());
    c.legitimacy[i] = clamp01(levers.legitimacy + 0.15 * rng.normal());
    c.active[i] = u() < initial.participation ? 1 : 0;
    c.member[i] = -1;
    c.staticLogit[i] =
      p.citizens.resources * r +
      p.citizens.engagement * c.engagement[i] -
      p.citizens.influence * c.threshold[i];
  }
  return c;
}
