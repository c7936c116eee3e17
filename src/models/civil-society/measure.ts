/**
 * The monthly measurement: one pass over the groups and the sector totals gathered by the rules, written
 * into the recorder by metric position. Counts and money are scaled from the sample to the country.
 */
import type { Recorder } from '../../engine/recorder.ts';
import type { TickContext } from '../../engine/simulation.ts';
import { gini } from '../../engine/stats.ts';
import type { MetricId } from './schema.ts';
import { computeIndices, consultationScore } from './indices.ts';
import { metricDefinitions } from './metricDefinitions.ts';
import { ACTIVE, ADVOCACY, DORMANT, INFORMAL, SOURCES, STATE_CREATED, budgetOf, revenueHhi } from './ngos.ts';
import { advocacyOutput, serviceOutput } from './outputs.ts';
import { meanLegitimacy } from './rules/participation.ts';
import { burdenInForce } from './rules/sanctions.ts';
import { scratchFor, type ModelState } from './state.ts';

const slots = Object.fromEntries(metricDefinitions.map((m, i) => [m.id, i])) as Record<MetricId, number>;

/** The fields of the shared Sector the measurement reads (checked like the phases' own lists). */
export const measureReads: readonly (keyof ModelState['sector'])[] = [
  'advocacyOutput',
  'arrests',
  'arrestsTrailing',
  'attemptsTrailing',
  'closures',
  'dissolutions',
  'donorsExpected',
  'forcedExitsTrailing',
  'forumBoost',
  'foundings',
  'independentVolunteers',
  'influence',
  'informal',
  'initialLegitimacyMax',
  'initialLegitimacyMean',
  'initialLegitimacyMin',
  'legitimacyOffset',
  'legitimacyScale',
  'members',
  'protesters',
  'rejectionsTrailing',
  'repression',
  'ring',
  'sanctions',
  'sanctionsTrailing',
  'seatAutonomy',
  'seatCoverage',
  'threat',
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
  let stateTotal = 0;
  let stateAdvocacy = 0;
  let fundraising = 0;
  const f = params.finance;
  const running = f.overhead;
  // what active NGOs spend on compliance this month, as finances.ts charges it (foreign-funded ones pay
  // more under foreign-funding rules), against their running costs
  const compliance =
    f.complianceCost * burdenInForce(levers.reporting.burden, sector.influence, params.consultation.rules);
  const foreignCompliance = levers.foreign.regime !== 'none' ? f.foreignCompliance * f.complianceCost : 0;
  let compliancePaid = 0;
  let runningPaid = 0;
  const selfCensorship = params.drift.selfCensorship;
  let advocacySum = 0;
  for (let i = 0; i < n; i++) {
    const s = c.status[i];
    if (s === DORMANT) dormant++;
    if (s !== ACTIVE) {
      if (s === INFORMAL)
        advocacySum += advocacyOutput(c, i, params.outputs, selfCensorship, levers.umbrella.stateAligned);
      continue;
    }
    const type = c.type[i];
    const budget = budgetOf(c, i);
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
    const paid = compliance + (c.revForeign[i] > 0 ? foreignCompliance : 0);
    compliancePaid += paid;
    runningPaid += f.overhead * (c.umbrella[i] ? 1 - f.umbrellaSaving : 1) + paid;
    fundraising += c.fundraising[i] / 12;
    capacitySum += c.capacity[i];
    hhiSum += revenueHhi(c, i, budget);
    // with no running costs any reserve covers them: count it as the months that score best
    reserveMonths += running > 0 ? c.reserves[i] / (running / 12) : params.indices.reserveMonths;
    serviceSum += serviceOutput(c, i, params.outputs);
    advocacySum += advocacyOutput(c, i, params.outputs, selfCensorship, levers.umbrella.stateAligned);
  }
  const budgetGini = gini(budgets, active, sorted);
  const stateGini = gini(stateMoney, active, sorted);
  const pop = citizens.resources.length;
  const slot = (t % 12) * SOURCES;
  const month = sector.ring.subarray(slot, slot + SOURCES);
  const real = (x: number) => scale.realNgos(x);
  const trailing = sector.trailingBySource;
  let trailingTotal = 0;
  for (let s = 0; s < SOURCES; s++) trailingTotal += trailing[s];
  let monthTotal = 0;
  for (let s = 0; s < SOURCES; s++) monthTotal += month[s];
  const volunteering = sector.volunteers / pop;
  const independentVolunteering = sector.independentVolunteers / pop;
  const autonomyIndependent = independent > 0 ? autonomySum / independent : 0;
  const density = scale.per10k(active, t);
  const advocacyPer10k = scale.per10k(advocacySum, t);
  const indices = computeIndices({
    indices: params.indices,
    registrationSuccess:
      sector.attemptsTrailing > 0 ? 1 - sector.rejectionsTrailing / sector.attemptsTrailing : 1,
    registeredShare: active + sector.informal > 0 ? active / (active + sector.informal) : 1,
    forcedExitRate: active > 0 ? sector.forcedExitsTrailing / active : 0,
    sanctionRate: active > 0 ? sector.sanctionsTrailing / active : 0,
    arrestRate: sector.arrestsTrailing / pop,
    complianceShare: runningPaid > 0 ? compliancePaid / runningPaid : 0,
    density,
    meanCapacity: active > 0 ? capacitySum / active : 0,
    meanRevenueHhi: active > 0 ? hhiSum / active : 1,
    meanReserveMonths: active > 0 ? reserveMonths / active : 0,
    advocacyPer10k,
    servicePer10k: scale.per10k(serviceSum, t),
    umbrellaShare: active > 0 ? umbrella / active : 0,
    trust: sector.trustSum / pop,
    independentVolunteering,
    autonomyIndependent,
  });

  // undefined: a share of nothing (no NGOs, no money), written as an empty cell
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : undefined);
  const values: Record<MetricId, number | undefined> = {
    registered_ngos: real(active + dormant),
    active_ngos: real(active),
    dormant_ngos: real(dormant),
    registered_per_10k: scale.per10k(active + dormant, t),
    active_per_10k: density,
    dormant_per_10k: scale.per10k(dormant, t),
    informal_groups: real(sector.informal),
    foundings: real(sector.foundings),
    dissolutions: real(sector.dissolutions),
    closures: real(sector.closures),
    funding_social_order: real(month[0]),
    funding_grants: real(month[1]),
    funding_foreign: real(month[2]),
    funding_donations: real(month[3]),
    funding_fees: real(month[4]),
    funding_corporate: real(month[5]),
    funding_total: real(monthTotal),
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
    independent_volunteering: independentVolunteering,
    membership_rate: sector.members / pop,
    donor_rate: sector.donorsExpected / pop,
    trust: sector.trustSum / pop,
    legitimacy: meanLegitimacy(state),
    sanctions: real(sector.sanctions),
    protest_rate: sector.protesters / pop,
    arrests: sector.arrests * scale.citizenWeight(t),
    repression_effective: sector.repression,
    state_threat: sector.threat,
    advocacy_output: advocacyPer10k,
    council_influence: sector.influence,
    consultation_score: consultationScore(sector.seatCoverage, sector.seatAutonomy, sector.forumBoost),
    csi_legal: indices.legal,
    csi_capacity: indices.capacity,
    csi_financial: indices.financial,
    csi_advocacy: indices.advocacy,
    csi_service: indices.service,
    csi_infrastructure: indices.infrastructure,
    csi_image: indices.image,
    csi_overall: indices.overall,
    civic_entry_exit: indices.entryExit,
    civic_freedom: indices.freedom,
    civic_participation: indices.participatory,
    civic_space: indices.civicSpace,
  };
  for (const id of Object.keys(values) as MetricId[]) {
    const value = values[id];
    if (value === undefined) recorder.recordMissing(t, slots[id]);
    else recorder.record(t, slots[id], value);
  }
}
