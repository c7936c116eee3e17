/**
 * NGO finances, staff, capacity, fundraising, mission drift and mission change, once a month for each
 * active NGO.
 * - Revenue by source; costs of running (overhead, lower in an umbrella body; reporting compliance, the
 *   burden lightened by real consultation; staff; fundraising). Volunteers cover running costs: an NGO
 *   with enough volunteers needs no money (Hager et al. 2004). Months that reserves cannot cover count
 *   toward dormancy ("no money or members for months").
 * - Fundraising: a share of own revenue, cut by κ per unit of state money received (crowd-out through
 *   fundraising: Andreoni & Payne 2011, κ ≈ 0.14).
 * - Mission drift: conditional state money — its share of revenue times how conditional it is (its
 *   loyalty weight; with `conditionality` 0, any state money) — erodes autonomy, less so with diverse
 *   revenue (resource dependence: Froelich 1999); merit-based money does not (Chaves et al. 2004).
 *   Loyalty-allocated council seats co-opt. The same pressure makes advocacy groups hold back their
 *   advocacy (self-censorship, outputs.ts).
 * - Mission change: advocacy groups that lose their autonomy drift into service work; those short of
 *   money turn to service work to bid for thematic social order, where there is some.
 * - Umbrella bodies: NGOs join at the scenario's rate and save overhead.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { monthlyFromAnnual } from '../../../engine/stats.ts';
import { ACTIVE, ADVOCACY, SERVICE, SOURCES, budgetOf, revenueHhi } from '../ngos.ts';
import type { Parameters } from '../schema.ts';
import type { ModelState } from '../state.ts';
import { closeNgo } from '../statusChanges.ts';
import { burdenInForce } from './sanctions.ts';

/** Conditional pressure on an NGO: its state revenue share × how conditional that money is (pure). */
export function conditionalPressure(stateShare: number, loyalty: number, conditionality: number): number {
  return stateShare * (1 - conditionality + conditionality * loyalty);
}

/** Autonomy after one month of drift and recovery (pure). */
export function driftAutonomy(
  autonomy: number,
  base: number,
  pressure: number,
  revenueHhi: number,
  seatLoyalty: number,
  d: Pick<Parameters['drift'], 'rate' | 'recovery' | 'diversityProtection' | 'councilCooptation'>,
): number {
  const drift =
    (d.rate / 12) * pressure * (1 - d.diversityProtection * (1 - revenueHhi)) +
    (d.councilCooptation / 12) * seatLoyalty;
  const next = autonomy + (d.recovery / 12) * (base - autonomy) * (1 - pressure) - drift * autonomy;
  return next < 0 ? 0 : next > 1 ? 1 : next;
}

/** Fundraising spend, currency/year (pure): crowd-out through fundraising. */
export function fundraisingSpend(
  ownRevenue: number,
  stateRevenue: number,
  share: number,
  floor: number,
  kappa: number,
): number {
  const f = share * ownRevenue + floor - kappa * stateRevenue;
  return f > 0 ? f : 0;
}

/** The capacity an NGO grows toward (pure). */
export function capacityTarget(
  f: Parameters['finance'],
  staff: number,
  meanSkill: number,
  centreCoverage: number,
  umbrella: number,
  realVolunteers: number,
): number {
  return (
    f.capacityBase +
    (f.capacityStaff * staff) / (staff + f.capacityStaffHalf) +
    f.capacitySkills * meanSkill +
    f.capacityCentres * centreCoverage +
    f.capacityUmbrella * umbrella +
    f.capacityVolunteers * Math.min(1, realVolunteers / f.volunteersForCapacity)
  );
}

export function finances(state: ModelState, ctx: TickContext): void {
  const { ngos, levers, params, sector, scale } = state;
  const c = ngos.cols;
  const n = ngos.length;
  const f = params.finance;
  const d = params.drift;
  const rng = state.streams.get('ngos');
  const realPerMember = scale.realMembers(1, ctx.tick);
  const keepGrant = levers.tax.grantExemption ? 1 : 1 - f.grantTax;
  const burden = burdenInForce(levers.reporting.burden, sector.influence, params.consultation.rules);
  const foreignRules = levers.foreign.regime !== 'none';
  const joinUmbrella = monthlyFromAnnual(levers.umbrella.support);
  const coverage = Math.min(1, levers.infrastructure.resourceCentres / f.centresForCoverage);
  const decay = 11 / 12;
  const switchChance = monthlyFromAnnual(d.typeSwitch);
  const missionChance = sector.thematicMoney > 0 ? monthlyFromAnnual(d.missionSwitch) : 0;
  const chillKeep = 1 - params.register.chillFade;
  const ring = sector.ring;
  const slot = (ctx.tick % 12) * SOURCES;
  for (let s = 0; s < SOURCES; s++) ring[slot + s] = 0;
  for (let i = 0; i < n; i++) {
    c.chill[i] *= chillKeep;
    if (c.status[i] !== ACTIVE) continue;
    // ---- revenue ----
    const so = c.contractSocialOrder[i];
    const gr = c.contractGrants[i] * keepGrant;
    const fo = c.contractForeign[i];
    const dn = c.monthDonations[i];
    const fe = c.monthFees[i];
    const co = c.contractCorporate[i];
    c.monthSocialOrder[i] = so;
    c.monthGrants[i] = gr;
    c.monthForeign[i] = fo;
    c.monthCorporate[i] = co;
    ring[slot] += so;
    ring[slot + 1] += gr;
    ring[slot + 2] += fo;
    ring[slot + 3] += dn;
    ring[slot + 4] += fe;
    ring[slot + 5] += co;
    c.revSocialOrder[i] = c.revSocialOrder[i] * decay + so;
    c.revGrants[i] = c.revGrants[i] * decay + gr;
    c.revForeign[i] = c.revForeign[i] * decay + fo;
    c.revDonations[i] = c.revDonations[i] * decay + dn;
    c.revFees[i] = c.revFees[i] * decay + fe;
    c.revCorporate[i] = c.revCorporate[i] * decay + co;
    const revenue = so + gr + fo + dn + fe + co;
    const budget = budgetOf(c, i);
    // ---- costs ----
    const volunteersReal = c.volunteers[i] * realPerMember;
    const volunteerCover = Math.min(1, volunteersReal / f.volunteersNeeded);
    let running = f.overhead * (c.umbrella[i] ? 1 - f.umbrellaSaving : 1) + f.complianceCost * burden;
    if (foreignRules && c.revForeign[i] > 0) running += f.foreignCompliance * f.complianceCost;
    const costs = (running * (1 - volunteerCover) + c.staff[i] * f.staffCost + c.fundraising[i]) / 12;
    let reserves = c.reserves[i] + revenue - costs;
    if (reserves < 0) {
      reserves = 0;
      c.shortfallMonths[i] = Math.min(255, c.shortfallMonths[i] + 1);
    } else c.shortfallMonths[i] = 0;
    c.reserves[i] = reserves;
    // ---- staff and capacity ----
    const staffTarget = Math.max(
      0,
      (f.staffBudgetShare * (budget - running - c.fundraising[i])) / f.staffCost,
    );
    c.staff[i] += (staffTarget - c.staff[i]) / Math.max(1, f.staffAdjustMonths);
    const members = c.members[i];
    const skill = members > 0 ? c.memberSkills[i] / members : 0;
    const target = capacityTarget(f, c.staff[i], skill, coverage, c.umbrella[i], volunteersReal);
    c.capacity[i] +=
      (target - c.capacity[i]) / f.capacityAdjustMonths -
      (c.shortfallMonths[i] > 0 ? f.shortfallCapacityLoss : 0);
    if (c.capacity[i] < 0) c.capacity[i] = 0;
    else if (c.capacity[i] > 1) c.capacity[i] = 1; // a share, whatever the parameters add up to
    // ---- fundraising (crowd-out) ----
    const stateRevenue = c.revSocialOrder[i] + c.revGrants[i];
    c.fundraising[i] = fundraisingSpend(
      c.revDonations[i] + c.revFees[i] + c.revForeign[i] + c.revCorporate[i],
      stateRevenue,
      params.donations.fundraisingShare,
      params.donations.fundraisingShare * f.overhead,
      params.donations.crowdOut,
    );
    // ---- mission drift and self-censorship pressure ----
    const pressure = conditionalPressure(
      budget > 0 ? stateRevenue / budget : 0,
      c.loyaltyExposure[i],
      d.conditionality,
    );
    c.pressure[i] = pressure;
    c.autonomy[i] = driftAutonomy(
      c.autonomy[i],
      c.autonomyBase[i],
      pressure,
      revenueHhi(c, i, budget),
      c.seat[i] ? c.seatLoyalty[i] : 0,
      d,
    );
    // ---- mission change ----
    if (c.type[i] === ADVOCACY) {
      if (c.autonomy[i] < d.switchAutonomy && rng.uniform() < switchChance) c.type[i] = SERVICE;
      else if (c.shortfallMonths[i] > 0 && missionChance > 0 && rng.uniform() < missionChance)
        c.type[i] = SERVICE;
    }
    // ---- umbrella bodies ----
    if (c.umbrella[i] === 0 && joinUmbrella > 0 && rng.uniform() < joinUmbrella) c.umbrella[i] = 1;
    // ---- out of money and volunteers for too long: the NGO stops working ----
    if (c.shortfallMonths[i] >= params.mortality.shortfallMonths) {
      closeNgo(state, i, ctx.tick);
    }
  }
  // sector trailing year by source (real units)
  for (let s = 0; s < SOURCES; s++) {
    let total = 0;
    for (let m = 0; m < 12; m++) total += ring[m * SOURCES + s];
    sector.trailingBySource[s] = scale.realNgos(total);
  }
}
