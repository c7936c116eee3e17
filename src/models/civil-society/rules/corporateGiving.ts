/**
 * Corporate philanthropy: once a year companies give their budget, raised by the tax deduction on company
 * gifts (price elasticity of corporate giving: Clotfelter 1985), to registered service NGOs and
 * state-created ones, by merit or — as far as they follow the state (Skokova et al. 2018) — by loyalty.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { ACTIVE, SERVICE, STATE_CREATED } from '../ngos.ts';
import type { ModelState } from '../state.ts';
import { isFundingRound } from './stateFunding.ts';
import { projectRequest, runTender, type TenderEntrant } from './tender.ts';

/** Companies' giving after the tax deduction on their gifts, currency/year (pure). */
export function corporateGiving(budget: number, deduction: number, elasticity: number): number {
  return budget * Math.pow(1 - deduction, -elasticity);
}

export function corporatePhilanthropy(state: ModelState, ctx: TickContext): void {
  if (!isFundingRound(ctx)) return;
  const { ngos, levers, params, scale } = state;
  const c = ngos.cols;
  const n = ngos.length;
  c.contractCorporate.fill(0, 0, n);
  const pot = scale.simulatedNgos(
    corporateGiving(
      levers.corporate.budget,
      levers.tax.corporateDeduction,
      params.donations.corporateElasticity,
    ),
  );
  if (pot <= 0) return;
  const t = params.tender;
  const list: TenderEntrant[] = [];
  for (let i = 0; i < n; i++) {
    if (c.status[i] !== ACTIVE || (c.type[i] !== SERVICE && c.type[i] !== STATE_CREATED)) continue;
    list.push({
      index: i,
      merit: c.capacity[i],
      loyalty: 1 - c.autonomy[i],
      request: projectRequest(t.corporateProject, params.founding.viableBudget, c.capacity[i]),
      score: 0,
    });
  }
  runTender(
    list,
    {
      pot,
      loyaltyWeight: levers.corporate.loyaltyWeight,
      maxShare: params.finance.contractShare,
      noise: t.noise,
    },
    state.streams.get('corporate'),
    (i, perYear) => {
      c.contractCorporate[i] += perYear / 12;
    },
  );
}
