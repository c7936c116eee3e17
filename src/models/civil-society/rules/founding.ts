/**
 * New NGOs. Citizen-founded NGOs arrive at the population-level rate of organizational ecology
 * (Hannan & Freeman 1989; Hannan & Carroll 1992), per 10,000 citizens per year:
 *
 *   λ = a · [1 + θL·(1 − e^(−N/N_L))] · K/(K + c·N) · exp(β·v − cost/costScale − b·repression) · (1 + βC·centres)
 *
 * where N is the density of active NGOs per 10,000 citizens. Legitimation rises with density (θL, N_L);
 * competition for the sector's resources — K, the NGOs per 10,000 that money and volunteers can carry
 * (census.ts) — lowers foundings as N grows (c): together an inverted U in density. Civic engagement
 * (the volunteering rate v) raises foundings (Saxton & Benson 2005); registration cost and repression
 * lower them; resource centres raise them. An applicant may be refused by the registrar: the group then
 * works unregistered, or gives up. The founder is an entrepreneurial citizen (skilled, engaged); her
 * grievance (low perceived legitimacy) and donors' appetite for advocacy make an advocacy group more
 * likely, repression less. State-created NGOs ("GONGOs") are founded at the rate the scenario sets.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { clamp01 } from '../../../engine/stats.ts';
import type { Parameters } from '../schema.ts';
import { ADVOCACY, INFORMAL, SERVICE, STATE_CREATED, addNgo, ensureRoomForNgos } from '../ngos.ts';
import type { ModelState } from '../state.ts';
import { setCitizenStatus, skillOf } from '../citizenState.ts';
import { legitimacyOf } from './participation.ts';

/** Foundings per 10,000 citizens per year (pure). */
export function foundingRate(
  f: Parameters['founding'],
  density: number,
  capacityK: number,
  volunteering: number,
  registrationCost: number,
  resourceCentres: number,
  repression: number,
): number {
  const legitimation = 1 + f.densityLegitimation * (1 - Math.exp(-density / f.legitimationDensity));
  const crowding = f.densityCompetition * density;
  const competition = capacityK + crowding > 0 ? capacityK / (capacityK + crowding) : 1;
  return (
    f.baseRate *
    legitimation *
    competition *
    Math.exp(
      f.participation * volunteering -
        registrationCost / f.registrationCostScale -
        f.repressionEffect * repression,
    ) *
    (1 + f.resourceCentreEffect * resourceCentres)
  );
}

/** Chance that a new citizen-founded NGO is an advocacy group (pure). */
export function advocacyChance(
  f: Pick<Parameters['founding'], 'advocacyBase' | 'advocacyRepression'>,
  founderLegitimacy: number,
  advocacyMoneyShare: number,
  repression: number,
): number {
  return clamp01(
    f.advocacyBase *
      2 *
      (1 - founderLegitimacy) *
      (0.5 + advocacyMoneyShare) *
      (1 - f.advocacyRepression * repression),
  );
}

export function founding(state: ModelState, ctx: TickContext): void {
  const { levers, params, sector, scale, citizens, ngos } = state;
  const f = params.founding;
  const rng = state.streams.get('founding');
  const realPop = scale.realPopulation(ctx.tick);
  const rate = foundingRate(
    f,
    sector.density,
    sector.capacityK,
    sector.volunteeringRate,
    levers.registration.cost,
    levers.infrastructure.resourceCentres,
    sector.repression,
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
    const refused = rng.chance(levers.registration.rejectionRate);
    if (refused) {
      sector.rejections++;
      if (!rng.chance(params.informal.persistence)) continue;
    }
    // an entrepreneur: skilled and engaged citizens are far more likely to found (rejection sampling)
    let founder = rng.int(n);
    for (let tries = 0; tries < 30; tries++) {
      if (rng.uniform() < f.founderSkill * skillOf(state, founder, ctx.tick) * citizens.engagement[founder])
        break;
      founder = rng.int(n);
    }
    const type = rng.chance(advocacyChance(f, legitimacyOf(state, founder), donorPriority, sector.repression))
      ? ADVOCACY
      : SERVICE;
    const i = addNgo(ngos, {
      type,
      status: refused ? INFORMAL : undefined,
      tick: ctx.tick,
      densityAtFounding: sector.density,
      capacity: f.startCapacity + f.startCapacitySkill * skillOf(state, founder, ctx.tick),
      autonomy: f.startAutonomy + f.startAutonomySpread * rng.uniform(),
      reserves: f.startReserves * overhead,
    });
    ngos.cols.fundraising[i] = params.donations.fundraisingShare * overhead;
    if (refused) ngos.cols.refused[i] = 1;
    setCitizenStatus(state, founder, ctx.tick, 1, i);
    if (!refused) sector.foundings++;
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
      densityAtFounding: sector.density,
      capacity: f.gongoCapacity,
      autonomy: f.gongoAutonomy,
      reserves: f.gongoReserves * overhead,
    });
    sector.foundings++;
  }
}
