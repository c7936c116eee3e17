/**
 * NGO finances, staff, capacity, fundraising and mission drift, once a month for each active NGO.
 * - Revenue by source; costs of running (overhead, lower in an umbrella body; reporting compliance;
 *   staff; fundraising). Volunteers cover running costs: an NGO with enough volunteers needs no money.
 *   Months that reserves cannot cover count toward dormancy (DM §2: "no money or members for months").
 * - Fundraising: a share of own revenue, cut by κ per unit of state money received (crowd-out through
 *   fundraising: Andreoni & Payne, κ ≈ 0.14; DM §4).
 * - Mission drift: loyalty-weighted state money erodes autonomy in proportion to its revenue share and
 *   the funder's loyalty weight, less so with diverse revenue (resource dependence; DM §4); merit-based
 *   money does not (Chaves et al. 2004). Loyalty-allocated council seats co-opt. Advocacy groups that
 *   lose their autonomy drift into service work.
 * - Umbrella bodies: NGOs join at the scenario's rate and save overhead.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { monthlyFromAnnual } from '../../../engine/stats.ts';
import { ACTIVE, ADVOCACY, SERVICE, revenueHhi } from '../ngos.ts';
import type { ModelState } from '../state.ts';
import { closeNgo } from '../statusChanges.ts';

/** Autonomy after one month of drift and recovery (pure). */
export function driftAutonomy(
  autonomy: number,
  base: number,
  stateShare: number,
  loyalty: number,
  revenueHhi: number,
  seatLoyalty: number,
  d: { rate: number; recovery: number; diversityProtection: number; councilCooptation: number },
): number {
  const pressure = stateShare * loyalty;
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

export function finances(state: ModelState, ctx: TickContext): void {
  const { ngos, levers, params, sector, scale } = state;
  const c = ngos.cols;
  const n = ngos.length;
  const f = params.finance;
  const rng = state.streams.get('ngos');
  const realPerMember = scale.realMembers(1, ctx.tick);
  const keepGrant = levers.tax.grantExemption ? 1 : 1 - f.grantTax;
  const burden = levers.reporting.burden;
  const foreignRules = levers.foreign.regime !== 'none';
  const joinUmbrella = monthlyFromAnnual(levers.umbrella.support);
  const centres = Math.min(1, levers.infrastructure.resourceCentres / 2);
  const decay = 11 / 12;
  const switchChance = monthlyFromAnnual(params.drift.typeSwitch);
  const ring = sector.ring;
  const slot = (ctx.tick % 12) * 5;
  for (let s = 0; s < 5; s++) ring[slot + s] = 0;
  for (let i = 0; i < n; i++) {
    if (c.status[i] !== ACTIVE) continue;
    // ---- revenue ----
    const so = c.contractSocialOrder[i];
    const gr = c.contractGrants[i] * keepGrant;
    const fo = c.contractForeign[i];
    const dn = c.monthDonations[i];
    const fe = c.monthFees[i];
    c.monthSocialOrder[i] = so;
    c.monthGrants[i] = gr;
    c.monthForeign[i] = fo;
    ring[slot] += so;
    ring[slot + 1] += gr;
    ring[slot + 2] += fo;
    ring[slot + 3] += dn;
    ring[slot + 4] += fe;
    c.revSocialOrder[i] = c.revSocialOrder[i] * decay + so;
    c.revGrants[i] = c.revGrants[i] * decay + gr;
    c.revForeign[i] = c.revForeign[i] * decay + fo;
    c.revDonations[i] = c.revDonations[i] * decay + dn;
    c.revFees[i] = c.revFees[i] * decay + fe;
    const revenue = so + gr + fo + dn + fe;
    const budget = c.revSocialOrder[i] + c.revGrants[i] + c.revForeign[i] + c.revDonations[i] + c.revFees[i];
    // ---- costs ----
    const volunteersReal = c.volunteers[i] * realPerMember;
    const volunteerCover = Math.min(1, volunteersReal / f.volunteersNeeded);
    let running = f.overhead * (c.umbrella[i] ? 1 - f.umbrellaSaving : 1) + f.complianceCost * burden;
    if (foreignRules && c.revForeign[i] > 0) running += 0.5 * f.complianceCost;
    const costs = (running * (1 - volunteerCover) + c.staff[i] * f.staffCost + c.fundraising[i]) / 12;
    let reserves = c.reserves[i] + revenue - costs;
    if (reserves < 0) {
      reserves = 0;
      c.shortfallMonths[i] = Math.min(255, c.shortfallMonths[i] + 1);
    } else c.shortfallMonths[i] = 0;
    c.reserves[i] = reserves;
    // ---- staff and capacity ----
    const staffTarget = Math.max(0, (0.8 * (budget - running - c.fundraising[i])) / f.staffCost);
    c.staff[i] += (staffTarget - c.staff[i]) / 6;
    const members = c.members[i];
    const skill = members > 0 ? c.memberSkills[i] / members : 0;
    const staff = c.staff[i];
    const target =
      0.1 +
      (0.35 * staff) / (staff + 3) +
      0.25 * skill +
      0.1 * centres +
      0.1 * c.umbrella[i] +
      0.1 * Math.min(1, volunteersReal / 20);
    c.capacity[i] += (target - c.capacity[i]) / 24 - (c.shortfallMonths[i] > 0 ? 0.01 : 0);
    if (c.capacity[i] < 0) c.capacity[i] = 0;
    // ---- fundraising (crowd-out) ----
    const stateRevenue = c.revSocialOrder[i] + c.revGrants[i];
    c.fundraising[i] = fundraisingSpend(
      c.revDonations[i] + c.revFees[i] + c.revForeign[i],
      stateRevenue,
      params.donations.fundraisingShare,
      params.donations.fundraisingShare * f.overhead,
      params.donations.crowdOut,
    );
    // ---- mission drift ----
    const hhi = revenueHhi(c, i, budget);
    c.autonomy[i] = driftAutonomy(
      c.autonomy[i],
      c.autonomyBase[i],
      budget > 0 ? stateRevenue / budget : 0,
      c.loyaltyExposure[i],
      hhi,
      c.seat[i] ? c.seatLoyalty[i] : 0,
      params.drift,
    );
    if (c.type[i] === ADVOCACY && c.autonomy[i] < 0.3 && rng.uniform() < switchChance) c.type[i] = SERVICE;
    // ---- umbrella bodies and chilling ----
    if (c.umbrella[i] === 0 && joinUmbrella > 0 && rng.uniform() < joinUmbrella) c.umbrella[i] = 1;
    c.chill[i] *= 0.95;
    // ---- out of money and volunteers for too long: the NGO stops working ----
    if (c.shortfallMonths[i] >= params.mortality.shortfallMonths) {
      closeNgo(state, i, ctx.tick);
    }
  }
  // sector trailing year by source (real units)
  for (let s = 0; s < 5; s++) {
    let total = 0;
    for (let m = 0; m < 12; m++) total += ring[m * 5 + s];
    sector.trailingBySource[s] = scale.realNgos(total);
  }
}
