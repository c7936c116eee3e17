/**
 * Ministries and akimats fund NGOs once a year (each January, and at the start).
 * - State social order (contracted social projects, law of 2005): the thematic share is open to service
 *   NGOs and state-created ones only — an advocacy group must change its mission to bid for it
 *   (Benevolenski & Toepler 2017) — and the rest to every NGO.
 * - Grants (law of 2015): open to every NGO; a share may pass through umbrella bodies, which re-grant it
 *   to their members (keeping a fee) as loyally as they are aligned with the state.
 * - Public-council seats: filled by merit or by loyalty (Knox & Janenova 2018).
 * Real consultation — seats held by autonomous NGOs (influence, census.ts) — lowers the loyalty weight
 * the agencies apply to money (Knox & Janenova 2018), but seats are filled with the agencies' own weight:
 * a council filled by loyalty changes little.
 */
import type { Calendar } from '../../../engine/calendar.ts';
import type { TickContext } from '../../../engine/simulation.ts';
import { ACTIVE, ADVOCACY, SERVICE, STATE_CREATED } from '../ngos.ts';
import type { Levers } from '../schema.ts';
import type { ModelState } from '../state.ts';
import { projectRequest, runTender, type TenderEntrant } from './tender.ts';

export const AGENCIES = ['ministries', 'akimats'] as const;

export function isFundingRound(ctx: TickContext): boolean {
  return ctx.tick === 0 || (ctx.clock as Calendar).monthOf(ctx.tick) === 0;
}

/** The loyalty weight an agency applies to money, lowered by real consultation (pure). */
export function allocationLoyalty(
  loyaltyWeight: number,
  influence: number,
  allocationEffect: number,
): number {
  return loyaltyWeight * (1 - allocationEffect * influence);
}

export function stateFunding(state: ModelState, ctx: TickContext): void {
  if (!isFundingRound(ctx)) return;
  const { ngos, levers, params, scale, sector } = state;
  const c = ngos.cols;
  const n = ngos.length;
  const t = params.tender;
  const rng = state.streams.get('state');
  // all state contracts, grants and seats run for one year: clear last year's
  c.contractSocialOrder.fill(0, 0, n);
  c.contractGrants.fill(0, 0, n);
  c.loyaltyExposure.fill(0, 0, n);
  c.seat.fill(0, 0, n);
  c.seatLoyalty.fill(0, 0, n);
  const stateMoney = new Float64Array(n); // yearly, per NGO, for the loyalty exposure
  const viable = params.founding.viableBudget;
  const merit = (i: number) => c.capacity[i] + t.meritStaff * Math.min(c.staff[i], t.meritStaffCap);
  const entrants = (project: number, eligible: (i: number) => boolean): TenderEntrant[] => {
    const list: TenderEntrant[] = [];
    for (let i = 0; i < n; i++) {
      if (c.status[i] !== ACTIVE || !eligible(i)) continue;
      list.push({
        index: i,
        merit: merit(i),
        loyalty: 1 - c.autonomy[i],
        request: projectRequest(project, viable, c.capacity[i]),
        score: 0,
      });
    }
    return list;
  };
  const anyone = () => true;
  const serviceWork = (i: number) => c.type[i] === SERVICE || c.type[i] === STATE_CREATED;
  let thematic = 0;
  for (const agency of AGENCIES) {
    const a: Levers['ministries'] = levers[agency];
    const w = allocationLoyalty(a.loyaltyWeight, sector.influence, params.consultation.allocation);
    const award =
      (kind: 'contractSocialOrder' | 'contractGrants', weight: number) => (i: number, perYear: number) => {
        c[kind][i] += perYear / 12;
        c.loyaltyExposure[i] =
          (c.loyaltyExposure[i] * stateMoney[i] + weight * perYear) / (stateMoney[i] + perYear);
        stateMoney[i] += perYear;
      };
    const rules = { loyaltyWeight: w, maxShare: params.finance.contractShare, noise: t.noise };
    thematic += a.socialOrder * a.thematic;
    runTender(
      entrants(t.socialOrderProject, serviceWork),
      { ...rules, pot: scale.simulatedNgos(a.socialOrder * a.thematic) },
      rng,
      award('contractSocialOrder', w),
    );
    runTender(
      entrants(t.socialOrderProject, anyone),
      { ...rules, pot: scale.simulatedNgos(a.socialOrder * (1 - a.thematic)) },
      rng,
      award('contractSocialOrder', w),
    );
    const regranted = levers.umbrella.regranting;
    runTender(
      entrants(t.grantProject, anyone),
      { ...rules, pot: scale.simulatedNgos(a.grants * (1 - regranted)) },
      rng,
      award('contractGrants', w),
    );
    // re-granting through umbrella bodies: among their members, as loyally as the bodies are aligned
    const aligned = levers.umbrella.stateAligned;
    runTender(
      entrants(t.grantProject, (i) => c.umbrella[i] === 1),
      {
        ...rules,
        loyaltyWeight: aligned,
        pot: scale.simulatedNgos(a.grants * regranted * (1 - params.finance.operatorFee)),
      },
      rng,
      award('contractGrants', aligned),
    );
    // public-council seats: per million citizens, filled with the agency's own weight (merit: capacity
    // and an advocacy group's voice; loyalty: dependence on the state)
    const seats = Math.round(scale.simulatedNgos((a.councilSeats * scale.realPopulation(ctx.tick)) / 1e6));
    if (seats > 0) {
      const seatWeight = a.loyaltyWeight * params.consultation.seatLoyalty;
      const list = entrants(0, (i) => c.seat[i] === 0);
      for (const e of list) {
        const voice = c.type[e.index] === ADVOCACY ? t.seatVoice : 0;
        e.score = (1 - seatWeight) * (e.merit + voice) + seatWeight * e.loyalty + t.noise * rng.normal();
      }
      list.sort((x, y) => y.score - x.score || x.index - y.index);
      for (let k = 0; k < Math.min(seats, list.length); k++) {
        c.seat[list[k].index] = 1;
        c.seatLoyalty[list[k].index] = seatWeight;
      }
    }
  }
  sector.thematicMoney = thematic;
}
