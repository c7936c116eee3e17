/**
 * New NGOs. Citizen-founded NGOs arrive at the population-level rate of organizational ecology (DM §2):
 *
 *   λ = exp(a0) · exp(θ1·n + θ2·n² + βP·volunteering − cost/costScale − βR·repression) · (1 + βC·centres)
 *
 * per 10,000 citizens per year, where n = density / carrying capacity (θ1 > 0 legitimation, θ2 < 0
 * competition: an inverted U peaking at n* = −θ1/2θ2), civic engagement raises foundings (Saxton &
 * Benson 2005), registration cost and repression lower them, resource centres raise them. Each attempt
 * may be rejected by the registrar. The founder is an entrepreneurial citizen (skilled, engaged); her
 * grievance (low perceived legitimacy) and donors' appetite for advocacy make an advocacy group more
 * likely. State-created NGOs ("GONGOs") are founded at the rate the scenario sets.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { clamp01 } from '../../../engine/stats.ts';
import type { Parameters } from '../schema.ts';
import { ADVOCACY, SERVICE, STATE_CREATED, addNgo, ensureRoomForNgos } from '../ngos.ts';
import type { ModelState } from '../state.ts';
import { setCitizenStatus, skillOf } from '../citizenState.ts';
import { legitimacyOf } from './participation.ts';

/** Foundings per 10,000 citizens per year (pure). */
export function foundingRate(
  f: Parameters['founding'],
  relativeDensity: number,
  volunteering: number,
  registrationCost: number,
  resourceCentres: number,
  repression: number,
): number {
  const n = relativeDensity;
  return (
    f.baseRate *
    Math.exp(
      f.legitimation * n +
        f.competition * n * n +
        f.participation * volunteering -
        registrationCost / f.registrationCostScale -
        f.repressionEffect * repression,
    ) *
    (1 + f.resourceCentreEffect * resourceCentres)
  );
}

/** Chance that a new citizen-founded NGO is an advocacy group (pure). */
export function advocacyChance(
  base: number,
  founderLegitimacy: number,
  advocacyMoneyShare: number,
  repression: number,
): number {
  return clamp01(base * 2 * (1 - founderLegitimacy) * (0.5 + advocacyMoneyShare) * (1 - 0.5 * repression));
}

export function founding(state: ModelState, ctx: TickContext): void {
  const { levers, params, sector, scale, citizens, ngos } = state;
  const rng = state.streams.get('founding');
  const realPop = scale.realPopulation(ctx.tick);
  const rate = foundingRate(
    params.founding,
    sector.relativeDensity,
    sector.volunteeringRate,
    levers.registration.cost,
    levers.infrastructure.resourceCentres,
    levers.repression.level,
  );
  const attempts = rng.poisson(scale.simulatedNgos((rate * realPop) / 1e4 / 12));
  ensureRoomForNgos(
    ngos,
    attempts,
    ctx.tick,
    `${attempts.toLocaleString('en-US')} citizens found NGOs in this one month: the founding parameters ` +
      `(parameters.founding) or population.ngoSampling are too high`,
  );
  // donors' appetite for advocacy counts only where there are donors
  const donorPriority = sector.foreignBudget > 0 ? sector.foreignAdvocacy : 0.5;
  const n = citizens.resources.length;
  const overhead = params.finance.overhead;
  for (let a = 0; a < attempts; a++) {
    if (rng.chance(levers.registration.rejectionRate)) {
      sector.rejections++;
      continue;
    }
    // an entrepreneur: skilled and engaged citizens are far more likely to found (rejection sampling)
    let founder = rng.int(n);
    for (let tries = 0; tries < 30; tries++) {
      if (rng.uniform() < 2 * skillOf(state, founder, ctx.tick) * citizens.engagement[founder]) break;
      founder = rng.int(n);
    }
    const type = rng.chance(
      advocacyChance(
        params.founding.advocacyBase,
        legitimacyOf(state, founder),
        donorPriority,
        levers.repression.level,
      ),
    )
      ? ADVOCACY
      : SERVICE;
    const i = addNgo(ngos, {
      type,
      tick: ctx.tick,
      densityAtFounding: sector.relativeDensity,
      capacity: 0.1 + 0.3 * skillOf(state, founder, ctx.tick),
      autonomy: 0.8 + 0.15 * rng.uniform(),
      reserves: 0.25 * overhead,
    });
    ngos.cols.fundraising[i] = params.donations.fundraisingShare * overhead;
    setCitizenStatus(state, founder, ctx.tick, 1, i);
    sector.foundings++;
  }
  // state-created NGOs
  const gongos = rng.poisson(scale.simulatedNgos((levers.gongos.foundingRate * realPop) / 1e6 / 12));
  ensureRoomForNgos(
    ngos,
    gongos,
    ctx.tick,
    `the state creates ${gongos.toLocaleString('en-US')} NGOs in this one month: levers.gongos.foundingRate ` +
      `(${levers.gongos.foundingRate} per million a year) or population.ngoSampling is too high`,
  );
  for (let g = 0; g < gongos; g++) {
    addNgo(ngos, {
      type: STATE_CREATED,
      tick: ctx.tick,
      densityAtFounding: sector.relativeDensity,
      capacity: 0.4,
      autonomy: 0.1,
      reserves: overhead,
    });
    sector.foundings++;
  }
}
