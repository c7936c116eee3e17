/**
 * The monthly measurement: one pass over the NGOs and the sector totals gathered by the rules, written
 * into the recorder by metric position. Counts and money are scaled from the sample to the country.
 */
import type { Recorder } from '../../engine/recorder.ts';
import type { TickContext } from '../../engine/simulation.ts';
import { gini } from '../../engine/stats.ts';
import type { MetricId } from './schema.ts';
import { computeIndices } from './indices.ts';
import { metricDefinitions } from './metricDefinitions.ts';
import { ACTIVE, ADVOCACY, DORMANT, STATE_CREATED, revenueHhi } from './ngos.ts';
import { advocacyOutput, serviceOutput } from './outputs.ts';
import { meanLegitimacy } from './rules/participation.ts';
import { scratchFor, type ModelState } from './state.ts';

const slots = Object.fromEntries(metricDefinitions.map((m, i) => [m.id, i])) as Record<MetricId, number>;

/** The fields of the shared Sector the measurement reads (checked like the phases' own lists). */
export const measureReads: readonly (keyof ModelState['sector'])[] = [
  'closures',
  'dissolutions',
  'donorsExpected',
  'forumBoost',
  'foundings',
  'initialLegitimacyMax',
  'initialLegitimacyMean',
  'initialLegitimacyMin',
  'legitimacyOffset',
  'legitimacyScale',
  'members',
  'ring',
  'sanctions',
  'sanctionsTrailing',
  'trailingBySource',
  'trustSum',
  'volunteers',
];

export function measure(state: ModelState, ctx: TickContext, recorder: Recorder): void {
  const { ngos, sector, scale, levers, params, citizens } = state;
  const c = ngos.cols;
  const n = ngos.length;
  const t = ctx.tick;
  const { weights: budgets, values: stateMoney, sorted } = scratchFor(state, n);
  let active = 0;
  let dormant = 0;
  let advocacy = 0;
  let gongo = 0;
  let umbrella = 0;
  let independent = 0;
  let autonomySum = 0;
  let capacitySum = 0;
  let hhiSum = 0;
  let reserveMonths = 0;
  let serviceSum = 0;
  let advocacySum = 0;
  let stateTotal = 0;
  let stateAdvocacy = 0;
  let fundraising = 0;
  let seats = 0;
  let seatAutonomy = 0;
  const running = params.finance.overhead;
  for (let i = 0; i < n; i++) {
    const s = c.status[i];
    if (s === DORMANT) dormant++;
    if (s !== ACTIVE) continue;
    const type = c.type[i];
    const budget = c.revSocialOrder[i] + c.revGrants[i] + c.revForeign[i] + c.revDonations[i] + c.revFees[i];
    const fromState = c.revSocialOrder[i] + c.revGrants[i];
    budgets[active] = budget;
    stateMoney[active] = fromState;
    active++;
    if (type === ADVOCACY) {
      advocacy++;
      stateAdvocacy += fromState;
    }
    stateTotal += fromState;
    if (type === STATE_CREATED) gongo++;
    else {
      independent++;
      autonomySum += c.autonomy[i];
    }
    umbrella += c.umbrella[i];
    fundraising += c.fundraising[i] / 12;
    capacitySum += c.capacity[i];
    hhiSum += revenueHhi(c, i, budget);
    // with no running costs any reserve covers them: count it as the six months that score best
    reserveMonths += running > 0 ? c.reserves[i] / (running / 12) : 6;
    serviceSum += serviceOutput(c, i);
    advocacySum += advocacyOutput(c, i, levers.umbrella.stateAligned);
    if (c.seat[i]) {
      seats++;
      seatAutonomy += c.autonomy[i];
    }
  }
  const budgetGini = gini(budgets, active, sorted);
  const stateGini = gini(stateMoney, active, sorted);
  const pop = citizens.resources.length;
  const slot = (t % 12) * 5;
  const month = sector.ring.subarray(slot, slot + 5);
  const real = (x: number) => scale.realNgos(x);
  const trailing = sector.trailingBySource;
  const trailingTotal = trailing[0] + trailing[1] + trailing[2] + trailing[3] + trailing[4];
  const volunteering = sector.volunteers / pop;
  const autonomyIndependent = independent > 0 ? autonomySum / independent : 0;
  const density = scale.per10k(active, t);
  const indices = computeIndices({
    levers,
    registrationCostScale: params.founding.registrationCostScale,
    density,
    referenceDensity: params.indices.referenceDensity,
    meanCapacity: active > 0 ? capacitySum / active : 0,
    meanRevenueHhi: active > 0 ? hhiSum / active : 1,
    meanReserveMonths: active > 0 ? reserveMonths / active : 0,
    advocacyPer10k: scale.per10k(advocacySum, t),
    servicePer10k: scale.per10k(serviceSum, t),
    umbrellaShare: active > 0 ? umbrella / active : 0,
    trust: sector.trustSum / pop,
    volunteering,
    referenceParticipation: params.indices.referenceParticipation,
    autonomyIndependent,
    sanctionRate: active > 0 ? sector.sanctionsTrailing / active : 0,
  });
  const coverage = 1 - Math.exp(-(seats / Math.max(1, active)) * 20);
  const consultation = Math.min(
    1,
    coverage * (0.3 + 0.7 * (seats > 0 ? seatAutonomy / seats : 0)) + sector.forumBoost,
  );

  // undefined: a share of nothing (no NGOs, no money), written as an empty cell
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : undefined);
  const values: Record<MetricId, number | undefined> = {
    registered_ngos: real(active + dormant),
    active_ngos: real(active),
    dormant_ngos: real(dormant),
    registered_per_10k: scale.per10k(active + dormant, t),
    active_per_10k: density,
    dormant_per_10k: scale.per10k(dormant, t),
    foundings: real(sector.foundings),
    dissolutions: real(sector.dissolutions),
    closures: real(sector.closures),
    funding_social_order: real(month[0]),
    funding_grants: real(month[1]),
    funding_foreign: real(month[2]),
    funding_donations: real(month[3]),
    funding_fees: real(month[4]),
    funding_total: real(month[0] + month[1] + month[2] + month[3] + month[4]),
    fundraising: real(fundraising),
    state_funding_share: share(trailing[0] + trailing[1], trailingTotal),
    revenue_hhi: share(hhiSum, active),
    budget_gini: budgetGini,
    state_money_gini: stateGini,
    advocacy_state_money_share: share(stateAdvocacy, stateTotal),
    autonomy_independent: share(autonomySum, independent),
    advocacy_share: share(advocacy, active),
    gongo_share: share(gongo, active),
    umbrella_membership: share(umbrella, active),
    volunteering_rate: volunteering,
    membership_rate: sector.members / pop,
    donor_rate: sector.donorsExpected / pop,
    trust: sector.trustSum / pop,
    legitimacy: meanLegitimacy(state),
    sanctions: real(sector.sanctions),
    consultation_score: consultation,
    csi_legal: indices.legal,
    csi_capacity: indices.capacity,
    csi_financial: indices.financial,
    csi_advocacy: indices.advocacy,
    csi_service: indices.service,
    csi_infrastructure: indices.infrastructure,
    csi_image: indices.image,
    csi_overall: indices.overall,
    civic_space: indices.civicSpace,
  };
  for (const id of Object.keys(values) as MetricId[]) {
    const value = values[id];
    if (value === undefined) recorder.recordMissing(t, slots[id]);
    else recorder.record(t, slots[id], value);
  }
}
