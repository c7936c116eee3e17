/**
 * Start of month: reset the month's counters, count active and dormant NGOs, the sector's density relative to its carrying capacity
 * (organizational ecology: density dependence is relative to the resources the environment offers,
 * DM §2), the recruitment intensity citizens feel, and the sampler of NGOs that recruit members.
 *
 * Carrying capacity K (NGOs per 10,000 citizens) = volunteer capacity × volunteering rate
 *   + money available to the sector per 10,000 citizens / viable budget.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { ACTIVE, DORMANT, STATE_CREATED } from '../ngos.ts';
import { serviceOutput } from '../outputs.ts';
import { scratchFor, type ModelState } from '../state.ts';

export function carryingCapacity(
  volunteeringRate: number,
  moneyPerYear: number,
  realPopulation: number,
  volunteerCapacity: number,
  viableBudget: number,
): number {
  const moneyPer10k = (moneyPerYear / realPopulation) * 1e4;
  return Math.max(0.05, volunteerCapacity * volunteeringRate + moneyPer10k / viableBudget);
}

/** Money the sector can count on this year, currency/year: levers plus last year's private giving. */
export function availableMoney(state: ModelState): number {
  const { levers, sector } = state;
  const stateMoney =
    levers.ministries.socialOrder +
    levers.ministries.grants +
    levers.akimats.socialOrder +
    levers.akimats.grants;
  return stateMoney + sector.foreignBudget + sector.trailingBySource[3] + sector.trailingBySource[4];
}

export function census(state: ModelState, ctx: TickContext): void {
  const { ngos, sector, scale, params } = state;
  const c = ngos.cols;
  const n = ngos.length;
  const { weights } = scratchFor(state, n);
  let active = 0;
  let dormant = 0;
  let service = 0;
  let foreignFunded = 0;
  for (let i = 0; i < n; i++) {
    const s = c.status[i];
    if (s === ACTIVE) {
      active++;
      service += serviceOutput(c, i);
      if (c.revForeign[i] > 0) foreignFunded++;
      // recruitment effort: staff and capacity recruit; state-created bodies recruit less among citizens
      weights[i] = (0.5 + c.capacity[i] + 0.25 * c.staff[i]) * (c.type[i] === STATE_CREATED ? 0.5 : 1);
    } else {
      weights[i] = 0;
      if (s === DORMANT) dormant++;
    }
  }
  state.recruiting.build(weights, n);
  sector.active = active;
  sector.dormant = dormant;
  sector.density = scale.per10k(active, ctx.tick);
  sector.capacityK = carryingCapacity(
    sector.volunteeringRate,
    availableMoney(state),
    scale.realPopulation(ctx.tick),
    params.founding.volunteerCapacity,
    params.founding.viableBudget,
  );
  sector.relativeDensity = sector.density / sector.capacityK;
  sector.recruitment = 1 - Math.exp(-sector.density / params.indices.referenceDensity);
  sector.forumBoost *= 0.9; // a forum's effect fades over about a year
  sector.serviceVisibility = 1 - Math.exp(-scale.per10k(service, ctx.tick) / 3);
  sector.foreignFundedShare = active > 0 ? foreignFunded / active : 0;
  // monthly counters start afresh
  sector.sanctionsTrailing = sector.sanctionsTrailing * (11 / 12) + sector.sanctions;
  sector.foundings = 0;
  sector.rejections = 0;
  sector.closures = 0;
  sector.dissolutions = 0;
  sector.sanctions = 0;
}
