/**
 * Organizational mortality and the register (DM §2).
 * Active NGOs stop working (become dormant) at the hazard
 *
 *   μ = exp(b0 + γ1·n + γ2·n² + δ·n_founding + η·log(1 + size)) · (1 + ν·e^(−ρ·age)·(1 − φ·linked))
 *       · (1 − π·linked) · (1 − ψ·donation share)
 *
 * per year: U-shaped in relative density n (γ1 < 0, γ2 > 0), higher for those born in crowded times
 * (density delay δ > 0), lower for larger ones (η < 0), a liability of newness that state funding
 * flattens (Hager, Galaskiewicz & Larson 2004) and institutional links to government that protect
 * (Baum & Oliver 1991), donation-funded ones closing less often.
 * Dormant NGOs stay on the register until an audit finds them, they liquidate themselves, or they revive.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { monthlyFromAnnual } from '../../../engine/stats.ts';
import type { Parameters } from '../schema.ts';
import { ACTIVE, DORMANT } from '../ngos.ts';
import type { ModelState } from '../state.ts';
import { closeNgo, deregister } from '../statusChanges.ts';

/** Annual hazard that an active NGO stops working (pure). */
export function mortalityHazard(
  m: Parameters['mortality'],
  relativeDensity: number,
  densityAtFounding: number,
  size: number,
  ageYears: number,
  stateLinked: boolean,
  donationShare: number,
): number {
  const n = relativeDensity;
  const base =
    m.baseHazard *
    Math.exp(
      m.densityLinear * n +
        m.densityQuadratic * n * n +
        m.densityDelay * densityAtFounding +
        m.size * Math.log(1 + size),
    );
  const newness =
    1 + m.newness * Math.exp(-m.newnessDecay * ageYears) * (stateLinked ? 1 - m.stateLinkFlattening : 1);
  return (
    base *
    newness *
    (stateLinked ? 1 - m.stateLinkProtection : 1) *
    (1 - m.donationProtection * donationShare)
  );
}

export function mortality(state: ModelState, ctx: TickContext): void {
  const { ngos, params, sector, scale, levers } = state;
  const c = ngos.cols;
  const m = params.mortality;
  const u = state.streams.get('mortality').uniform;
  const realPerMember = scale.realMembers(1, ctx.tick);
  const revive = monthlyFromAnnual(m.revivalRate);
  const liquidate = monthlyFromAnnual(m.liquidationRate);
  const audit = monthlyFromAnnual(levers.reporting.auditRate);
  const n = ngos.length;
  for (let i = 0; i < n; i++) {
    const status = c.status[i];
    if (status === ACTIVE) {
      const budget =
        c.revSocialOrder[i] + c.revGrants[i] + c.revForeign[i] + c.revDonations[i] + c.revFees[i];
      const stateLinked = c.revSocialOrder[i] + c.revGrants[i] > 0;
      const hazard = mortalityHazard(
        m,
        sector.relativeDensity,
        c.densityAtFounding[i],
        c.members[i] * realPerMember + c.staff[i],
        (ctx.tick - c.founded[i]) / 12,
        stateLinked,
        budget > 0 ? c.revDonations[i] / budget : 0,
      );
      if (u() < 1 - Math.exp(-hazard / 12)) closeNgo(state, i, ctx.tick);
    } else if (status === DORMANT) {
      const x = u();
      if (x < audit) deregister(state, i, ctx.tick);
      else if (x < audit + liquidate) deregister(state, i, ctx.tick);
      else if (x < audit + liquidate + revive) {
        c.status[i] = ACTIVE;
        c.closedAt[i] = -1;
        c.reserves[i] = 0.25 * params.finance.overhead;
      }
    }
  }
}
