/**
 * Foreign donors: their effective budget and advocacy priority move toward what the rules allow — at
 * approval level or stricter, inflow falls ~30% (Dupuy & Prakash 2018) and shifts from advocacy to
 * service work (Chaudhry & Heiss n.d.) — adjusting over `responseMonths`. Once a year they run two grant
 * rounds (advocacy and service) among independent registered NGOs, on merit (capacity and autonomy).
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { ACTIVE, ADVOCACY, SERVICE } from '../ngos.ts';
import type { ModelState } from '../state.ts';
import { isFundingRound } from './stateFunding.ts';
import { projectRequest, runTender, type TenderEntrant } from './tender.ts';

/** Budget and advocacy priority that donors aim at under the current rules. */
export function foreignTargets(state: ModelState): { budget: number; advocacy: number } {
  const { levers, params } = state;
  const regime = levers.foreign.regime;
  return {
    budget: levers.foreign.budget * params.foreign.inflowMultiplier[regime],
    advocacy: levers.foreign.advocacyPriority * (1 - params.foreign.advocacyShift[regime]),
  };
}

export function foreignDonors(state: ModelState, ctx: TickContext): void {
  const { sector, params, ngos, scale } = state;
  const target = foreignTargets(state);
  if (ctx.tick === 0) {
    sector.foreignBudget = target.budget;
    sector.foreignAdvocacy = target.advocacy;
  } else {
    const k = Math.min(1, 1 / params.foreign.responseMonths); // < 1 month: reach the target, never overshoot
    sector.foreignBudget += k * (target.budget - sector.foreignBudget);
    sector.foreignAdvocacy += k * (target.advocacy - sector.foreignAdvocacy);
  }
  const c = ngos.cols;
  const n = ngos.length;
  if (!isFundingRound(ctx)) return;
  c.contractForeign.fill(0, 0, n);
  const rng = state.streams.get('foreign');
  const t = params.tender;
  const viable = params.founding.viableBudget;
  const pot = scale.simulatedNgos(sector.foreignBudget);
  for (const [type, share] of [
    [ADVOCACY, sector.foreignAdvocacy],
    [SERVICE, 1 - sector.foreignAdvocacy],
  ] as const) {
    const list: TenderEntrant[] = [];
    for (let i = 0; i < n; i++) {
      if (c.status[i] !== ACTIVE || c.type[i] !== type) continue;
      list.push({
        index: i,
        merit: c.capacity[i] * (1 - t.foreignAutonomy + t.foreignAutonomy * c.autonomy[i]),
        loyalty: 0,
        request: projectRequest(t.foreignProject, viable, c.capacity[i]),
        score: 0,
      });
    }
    runTender(
      list,
      { pot: pot * share, loyaltyWeight: 0, maxShare: params.finance.contractShare, noise: t.noise },
      rng,
      (i, perYear) => {
        c.contractForeign[i] += perYear / 12;
      },
    );
  }
}
