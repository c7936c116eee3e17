/**
 * Organizational mortality and the register (Hannan & Freeman 1989; Hannan & Carroll 1992).
 * Active NGOs stop working (become dormant) at the annual hazard
 *
 *   μ = b · exp(δ·N_founding/N_L + η·log(1 + size)) · (1 + λ0·e^(−N/N_L)) · (1 + ν·e^(−ρ·age)·(1 − φ·linked))
 *       · (1 − π·linked) · (1 − ψ·donation share)
 *
 * on top of closing when money and volunteers run out (finances.ts), which is where competition for
 * resources kills. The hazard is higher in a thin field (λ0: no legitimacy, no peers; with competition at
 * high density a U in density), for those born in crowded times (density delay δ > 0: Carroll & Hannan
 * 1989), lower for larger ones (η < 0), with a liability of newness that state funding flattens (Hager
 * et al. 2004), institutional links to government that protect (Baum & Oliver 1991), and
 * donation-funded ones closing less often.
 * Dormant NGOs stay on the register until an audit finds them, they liquidate themselves, or they revive.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { monthlyFromAnnual } from '../../../engine/stats.ts';
import type { Parameters } from '../schema.ts';
import { ACTIVE, DORMANT, budgetOf } from '../ngos.ts';
import type { ModelState } from '../state.ts';
import { closeNgo, deregister } from '../statusChanges.ts';

/** Annual hazard that an active NGO stops working (pure). */
export function mortalityHazard(
  m: Parameters['mortality'],
  legitimationDensity: number,
  density: number,
  densityAtFounding: number,
  size: number,
  ageYears: number,
  stateLinked: boolean,
  donationShare: number,
): number {
  const base =
    m.baseHazard *
    Math.exp(m.densityDelay * (densityAtFounding / legitimationDensity) + m.size * Math.log(1 + size)) *
    (1 + m.lowDensity * Math.exp(-density / legitimationDensity));
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
  const legitimation = params.founding.legitimationDensity;
  const n = ngos.length;
  for (let i = 0; i < n; i++) {
    const status = c.status[i];
    if (status === ACTIVE) {
      const budget = budgetOf(c, i);
      const stateLinked = c.revSocialOrder[i] + c.revGrants[i] > 0;
      const hazard = mortalityHazard(
        m,
        legitimation,
        sector.density,
        c.densityAtFounding[i],
        c.members[i] * realPerMember + c.staff[i],
        (ctx.tick - c.founded[i]) / 12,
        stateLinked,
        budget > 0 ? c.revDonations[i] / budget : 0,
      );
      if (u() < 1 - Math.exp(-hazard / 12)) closeNgo(state, i, ctx.tick);
    } else if (status === DORMANT) {
      const x = u();
      if (x < audit + liquidate) deregister(state, i, ctx.tick);
      else if (x < audit + liquidate + revive) {
        c.status[i] = ACTIVE;
        c.closedAt[i] = -1;
        c.reserves[i] = m.revivalReserves * params.finance.overhead;
      }
    }
  }
}
