/**
 * Ministries and akimats fund NGOs once a year (each January, and at the start): state social order
 * contracts (social projects, law of 2005) and grants (law of 2015) are tendered among all active NGOs —
 * advocacy groups run social projects too, so merit-based money does not by itself favour service work
 * (Chaves, Stephens & Galaskiewicz 2004; DM §4) — and public-council seats are filled by merit or by
 * loyalty. Each agency runs its own rounds with its own loyalty weight.
 */
import type { Calendar } from '../../../engine/calendar.ts';
import type { TickContext } from '../../../engine/simulation.ts';
import type { Levers } from '../schema.ts';
import { ACTIVE, ADVOCACY } from '../ngos.ts';
import type { ModelState } from '../state.ts';
import { runTender, type TenderEntrant } from './tender.ts';

export const AGENCIES = ['ministries', 'akimats'] as const;

export function isFundingRound(ctx: TickContext): boolean {
  return ctx.tick === 0 || (ctx.clock as Calendar).monthOf(ctx.tick) === 0;
}

export function stateFunding(state: ModelState, ctx: TickContext): void {
  if (!isFundingRound(ctx)) return;
  const { ngos, levers, params, scale } = state;
  const c = ngos.cols;
  const n = ngos.length;
  const rng = state.streams.get('state');
  // all state contracts, grants and seats run for one year: clear last year's
  c.contractSocialOrder.fill(0, 0, n);
  c.contractGrants.fill(0, 0, n);
  c.loyaltyExposure.fill(0, 0, n);
  c.seat.fill(0, 0, n);
  c.seatLoyalty.fill(0, 0, n);
  const stateMoney = new Float64Array(n); // yearly, per NGO, for the loyalty exposure
  const viable = params.finance.overhead + params.finance.staffCost;
  const entrants = (predicate: (i: number) => boolean): TenderEntrant[] => {
    const list: TenderEntrant[] = [];
    for (let i = 0; i < n; i++) {
      if (c.status[i] !== ACTIVE || !predicate(i)) continue;
      list.push({
        index: i,
        merit: c.capacity[i] + 0.05 * Math.min(c.staff[i], 5),
        loyalty: 1 - c.autonomy[i],
        size: 0.5 + c.capacity[i] + 0.1 * Math.min(c.staff[i], 10),
        score: 0,
      });
    }
    return list;
  };
  for (const agency of AGENCIES) {
    const a: Levers['ministries'] = levers[agency];
    const w = a.loyaltyWeight;
    const onAward = (kind: 'contractSocialOrder' | 'contractGrants') => (i: number, perYear: number) => {
      c[kind][i] += perYear / 12;
      c.loyaltyExposure[i] = (c.loyaltyExposure[i] * stateMoney[i] + w * perYear) / (stateMoney[i] + perYear);
      stateMoney[i] += perYear;
    };
    const rules = { loyaltyWeight: w, maxShare: params.finance.contractShare, noise: 0.1 };
    runTender(
      entrants(() => true),
      { ...rules, pot: scale.simulatedNgos(a.socialOrder), typicalAward: 3 * viable },
      rng,
      onAward('contractSocialOrder'),
    );
    runTender(
      entrants(() => true),
      { ...rules, pot: scale.simulatedNgos(a.grants), typicalAward: 2 * viable },
      rng,
      onAward('contractGrants'),
    );
    // public-council seats: per million citizens, filled by merit (capacity, voice) or loyalty
    const seats = Math.round(scale.simulatedNgos((a.councilSeats * scale.realPopulation(ctx.tick)) / 1e6));
    if (seats > 0) {
      const list = entrants((i) => c.seat[i] === 0);
      for (const e of list) e.merit += c.type[e.index] === ADVOCACY ? 0.2 : 0;
      for (const e of list) e.score = (1 - w) * e.merit + w * e.loyalty + 0.1 * rng.normal();
      list.sort((x, y) => y.score - x.score || x.index - y.index);
      for (let k = 0; k < Math.min(seats, list.length); k++) {
        c.seat[list[k].index] = 1;
        c.seatLoyalty[list[k].index] = w;
      }
    }
  }
}
