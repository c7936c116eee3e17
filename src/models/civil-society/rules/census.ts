/**
 * Start of month: reset the month's counters and count the field. One pass over the groups gives the
 * active, dormant and unregistered counts; the sampler of groups that recruit members (weights:
 * recruitment effort) and the chance of being asked; what citizens see of the sector (service work, the
 * foreign-funded share, how captured it looks); independent advocacy (the state's threat reading); the
 * consultation actually in place (seat coverage × the autonomy of the seat holders: influence); and the
 * NGOs per 10,000 citizens that the sector's resources — money and NGO volunteers — can carry (K), which
 * sets the competition founders face (founding.ts).
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { ACTIVE, DORMANT, INFORMAL, STATE_CREATED } from '../ngos.ts';
import { advocacyOutput, isIndependent, serviceOutput } from '../outputs.ts';
import type { Parameters } from '../schema.ts';
import { scratchFor, type ModelState } from '../state.ts';

/** NGOs per 10,000 citizens that the resources can carry: money and volunteers' time over a viable budget. */
export function carryingCapacity(
  moneyPerYear: number,
  groupVolunteers: number,
  realPopulation: number,
  f: Pick<Parameters['founding'], 'viableBudget' | 'volunteerValue'>,
): number {
  const resources = moneyPerYear + groupVolunteers * f.volunteerValue;
  return (resources / realPopulation / f.viableBudget) * 1e4;
}

/** Money the sector can count on this year, currency/year: state and donors' budgets, last year's gifts. */
export function availableMoney(state: ModelState): number {
  const { levers, sector } = state;
  const stateMoney =
    levers.ministries.socialOrder +
    levers.ministries.grants +
    levers.akimats.socialOrder +
    levers.akimats.grants;
  const t = sector.trailingBySource;
  return stateMoney + sector.foreignBudget + t[3] + t[4] + t[5];
}

/** The chance of being asked: 1 − exp(−recruitment effort per 10,000 citizens / reachScale) (pure). */
export function askedChance(effortPer10k: number, reachScale: number): number {
  return 1 - Math.exp(-effortPer10k / reachScale);
}

/** Council coverage: 1 − exp(−real seats per million citizens / seatReference) (pure). */
export function seatCoverage(seatsPerMillion: number, seatReference: number): number {
  return 1 - Math.exp(-seatsPerMillion / seatReference);
}

export function census(state: ModelState, ctx: TickContext): void {
  const { ngos, sector, scale, params, levers } = state;
  const p = params.participation;
  const c = ngos.cols;
  const n = ngos.length;
  const tick = ctx.tick;
  const { weights } = scratchFor(state, n);
  const realPerMember = scale.realMembers(1, tick);
  let active = 0;
  let dormant = 0;
  let informal = 0;
  let service = 0;
  let advocacy = 0;
  let foreignFunded = 0;
  let dependence = 0;
  let effort = 0;
  let volunteers = 0;
  let independentVolunteers = 0;
  let seats = 0;
  let seatAutonomy = 0;
  const selfCensorship = params.drift.selfCensorship;
  const aligned = levers.umbrella.stateAligned;
  for (let i = 0; i < n; i++) {
    const s = c.status[i];
    if (s === ACTIVE || s === INFORMAL) {
      const w =
        (0.5 + c.capacity[i] + p.recruitStaff * c.staff[i]) *
        (c.type[i] === STATE_CREATED ? p.recruitStateCreated : 1) *
        (s === INFORMAL ? p.recruitInformal : 1);
      weights[i] = w;
      effort += w;
      volunteers += c.volunteers[i];
      if (isIndependent(c, i)) independentVolunteers += c.volunteers[i];
      advocacy += advocacyOutput(c, i, params.outputs, selfCensorship, aligned);
      if (s === INFORMAL) {
        informal++;
        continue;
      }
      active++;
      service += serviceOutput(c, i, params.outputs);
      if (c.revForeign[i] > 0) foreignFunded++;
      dependence += 1 - c.autonomy[i];
      if (c.seat[i]) {
        seats++;
        // a seat handed out for loyalty speaks for the agency that chose its holder, not for the NGO
        seatAutonomy += c.autonomy[i] * (1 - c.seatLoyalty[i]);
      }
    } else {
      weights[i] = 0;
      if (s === DORMANT) dormant++;
    }
  }
  state.recruiting.build(weights, n);
  const realPop = scale.realPopulation(tick);
  sector.active = active;
  sector.dormant = dormant;
  sector.informal = informal;
  sector.density = scale.per10k(active, tick);
  sector.groupVolunteers = volunteers * realPerMember;
  sector.independentVolunteers = independentVolunteers;
  sector.capacityK = carryingCapacity(
    availableMoney(state),
    sector.groupVolunteers,
    realPop,
    params.founding,
  );
  sector.recruitment = askedChance(scale.per10k(effort, tick), p.reachScale);
  sector.forumBoost *= 1 - params.trust.forumFade;
  sector.serviceVisibility = 1 - Math.exp(-scale.per10k(service, tick) / params.trust.visibilityScale);
  sector.foreignFundedShare = active > 0 ? foreignFunded / active : 0;
  sector.capture = active > 0 ? dependence / active : 0;
  sector.advocacyOutput = scale.per10k(advocacy, tick);
  sector.seatCoverage = seatCoverage(
    (scale.realNgos(seats) / realPop) * 1e6,
    params.consultation.seatReference,
  );
  sector.seatAutonomy = seats > 0 ? seatAutonomy / seats : 0;
  sector.influence = sector.seatCoverage * sector.seatAutonomy;
  // trailing sums over about a year, then the month's counters start afresh
  const keep = 11 / 12;
  sector.sanctionsTrailing = sector.sanctionsTrailing * keep + sector.sanctions;
  sector.forcedExitsTrailing = sector.forcedExitsTrailing * keep + sector.forcedExits;
  sector.attemptsTrailing = sector.attemptsTrailing * keep + sector.foundings + sector.rejections;
  sector.rejectionsTrailing = sector.rejectionsTrailing * keep + sector.rejections;
  sector.arrestsTrailing = sector.arrestsTrailing * keep + sector.arrests;
  sector.foundings = 0;
  sector.rejections = 0;
  sector.closures = 0;
  sector.dissolutions = 0;
  sector.sanctions = 0;
  sector.forcedExits = 0;
  sector.arrests = 0;
}
