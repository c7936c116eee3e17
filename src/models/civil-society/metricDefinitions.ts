/**
 * What each metric of the civil-society model means. Counts and money are whole-country (real) figures,
 * scaled up from the simulated sample; flows are per month (annual aggregates sum them); levels and
 * stocks are per month (annual aggregates average levels and take the December value of stocks).
 */
import type { Direction, MetricDefinition } from '../definition.ts';
import { metricIds as metricIdsOfSchema, type MetricId } from './schema.ts';

type Def = Omit<MetricDefinition, 'id' | 'range' | 'direction'> & { id: MetricId; group: MetricGroup };
export type MetricGroup = 'ngos' | 'ecology' | 'funding' | 'autonomy' | 'citizens' | 'csi' | 'state';

/** Headings of the metric groups, in the order reports list them. */
export const metricGroups: Readonly<Record<MetricGroup, string>> = {
  ngos: 'NGOs',
  ecology: 'Foundings and exits',
  funding: 'Funding',
  autonomy: 'Autonomy and advocacy',
  citizens: 'Citizens',
  state: 'State and civic space',
  csi: 'CSO Sustainability Index (1 = best, 7 = worst)',
};

const stock = (id: MetricId, label: string, unit: string, description: string, group: MetricGroup): Def => ({
  id,
  label,
  unit,
  aggregate: 'last',
  description,
  group,
});
const flow = (id: MetricId, label: string, unit: string, description: string, group: MetricGroup): Def => ({
  id,
  label,
  unit,
  aggregate: 'sum',
  description,
  group,
});
const level = (id: MetricId, label: string, unit: string, description: string, group: MetricGroup): Def => ({
  id,
  label,
  unit,
  aggregate: 'mean',
  description,
  group,
});

/** A share of something that can be nothing: no value (an empty cell) when `when`. */
const missingWhen = (def: Def, when: string): Def => ({ ...def, missing: when });

const definitions: readonly Def[] = [
  stock(
    'registered_ngos',
    'Registered NGOs',
    'organisations',
    'NGOs on the register (active + dormant).',
    'ngos',
  ),
  stock('active_ngos', 'Active NGOs', 'organisations', 'NGOs that are working.', 'ngos'),
  stock(
    'dormant_ngos',
    'Dormant NGOs',
    'organisations',
    'Registered NGOs that have stopped working.',
    'ngos',
  ),
  stock(
    'registered_per_10k',
    'Registered NGOs per 10,000',
    'per 10,000 citizens',
    'Registered NGOs per 10,000 citizens.',
    'ngos',
  ),
  stock(
    'active_per_10k',
    'Active NGOs per 10,000',
    'per 10,000 citizens',
    'Active NGOs per 10,000 citizens.',
    'ngos',
  ),
  stock(
    'dormant_per_10k',
    'Dormant NGOs per 10,000',
    'per 10,000 citizens',
    'Dormant NGOs per 10,000 citizens.',
    'ngos',
  ),
  stock(
    'informal_groups',
    'Unregistered groups',
    'organisations',
    'Groups working without registration: refused by the registrar, or closed by the state and working on.',
    'ngos',
  ),
  flow(
    'foundings',
    'Foundings',
    'organisations/month',
    'NGOs registered this month (new ones, state-created ones, and unregistered groups that register).',
    'ecology',
  ),
  flow(
    'dissolutions',
    'Dissolutions',
    'organisations/month',
    'NGOs removed from the register this month (audit, re-registration, sanction, liquidation).',
    'ecology',
  ),
  flow(
    'closures',
    'Closures',
    'organisations/month',
    'Active NGOs that stopped working this month (went dormant or were closed).',
    'ecology',
  ),
  flow(
    'funding_social_order',
    'State social order',
    'currency/month',
    'Paid to NGOs under state social order contracts.',
    'funding',
  ),
  flow(
    'funding_grants',
    'State grants',
    'currency/month',
    'Paid to NGOs as state grants and prizes.',
    'funding',
  ),
  flow('funding_foreign', 'Foreign donors', 'currency/month', 'Paid to NGOs by foreign donors.', 'funding'),
  flow('funding_donations', 'Private donations', 'currency/month', 'Given to NGOs by citizens.', 'funding'),
  flow('funding_fees', 'Membership fees', 'currency/month', 'Paid to NGOs by their members.', 'funding'),
  flow(
    'funding_corporate',
    'Corporate philanthropy',
    'currency/month',
    'Given to NGOs by companies (raised by the tax deduction on their gifts).',
    'funding',
  ),
  flow('funding_total', 'All NGO revenue', 'currency/month', 'Sum of all sources.', 'funding'),
  flow(
    'fundraising',
    'Fundraising spend',
    'currency/month',
    'What active NGOs spend on asking for private money (cut by the state money they get: crowd-out).',
    'funding',
  ),
  missingWhen(
    level(
      'state_funding_share',
      'State share of NGO revenue',
      'share',
      'Social order and grants as a share of all NGO revenue (trailing 12 months).',
      'funding',
    ),
    'no NGO had revenue in the last 12 months',
  ),
  missingWhen(
    level(
      'revenue_hhi',
      'Revenue concentration (HHI)',
      'index 0–1',
      'Mean Herfindahl index of active NGOs\u2019 revenue over its six sources (1 = one source).',
      'funding',
    ),
    'no NGO is active',
  ),
  level(
    'budget_gini',
    'Gini of NGO budgets',
    'index 0–1',
    'Inequality of annual budgets among active NGOs.',
    'funding',
  ),
  level(
    'state_money_gini',
    'Gini of state money',
    'index 0–1',
    'Inequality of state money (social order + grants) among active NGOs.',
    'funding',
  ),
  missingWhen(
    level(
      'advocacy_state_money_share',
      'Advocacy share of state money',
      'share',
      'Share of state money (trailing 12 months) that goes to advocacy NGOs.',
      'funding',
    ),
    'no active NGO holds state money',
  ),
  missingWhen(
    level(
      'autonomy_independent',
      'Autonomy of independent NGOs',
      'index 0–1',
      'Mean autonomy of active NGOs that the state did not create.',
      'autonomy',
    ),
    'no active NGO is independent (all were created by the state, or none is active)',
  ),
  missingWhen(
    level(
      'advocacy_share',
      'Advocacy share of NGOs',
      'share',
      'Share of active NGOs doing advocacy.',
      'autonomy',
    ),
    'no NGO is active',
  ),
  missingWhen(
    level(
      'gongo_share',
      'State-created share of NGOs',
      'share',
      'Share of active NGOs created by the state.',
      'autonomy',
    ),
    'no NGO is active',
  ),
  missingWhen(
    level(
      'umbrella_membership',
      'Umbrella membership',
      'share',
      'Share of active NGOs in an umbrella body.',
      'autonomy',
    ),
    'no NGO is active',
  ),
  level(
    'volunteering_rate',
    'Volunteering',
    'share of citizens',
    'Citizens taking part in organised civic activity this month.',
    'citizens',
  ),
  level(
    'independent_volunteering',
    'Volunteering in independent groups',
    'share of citizens',
    'Citizens volunteering in a group the state did not create (registered or not).',
    'citizens',
  ),
  level(
    'membership_rate',
    'Membership',
    'share of citizens',
    'Citizens who are members of an NGO.',
    'citizens',
  ),
  level(
    'donor_rate',
    'Donors',
    'share of citizens',
    'Expected share of citizens giving to an NGO this month.',
    'citizens',
  ),
  level('trust', 'Trust in NGOs', 'index 0–1', 'Mean trust of citizens in NGOs.', 'citizens'),
  level(
    'legitimacy',
    'Perceived state legitimacy',
    'index 0–1',
    'Mean perceived legitimacy of the state.',
    'citizens',
  ),
  flow(
    'sanctions',
    'Sanctions',
    'sanctions/month',
    'Sanctions imposed on NGOs after inspections or crackdowns.',
    'state',
  ),
  level(
    'protest_rate',
    'Protest',
    'share of citizens',
    'Citizens protesting at the end of the month (after arrests).',
    'state',
  ),
  flow('arrests', 'Arrests', 'people/month', 'Protesters arrested this month (real people).', 'state'),
  level(
    'repression_effective',
    'Repression in force',
    'index 0–1',
    'The scripted repression level plus what the state adds by itself in answer to threat.',
    'state',
  ),
  level(
    'state_threat',
    'Threat perceived by the state',
    'index 0–1',
    'What the state reads as threat: independent advocacy, foreign-funded NGOs, protest.',
    'state',
  ),
  level(
    'advocacy_output',
    'Independent advocacy',
    'projects per 10,000 citizens',
    'Advocacy produced by independent groups (capacity × autonomy, less chill and self-censorship).',
    'autonomy',
  ),
  level(
    'council_influence',
    'Influence of councils',
    'index 0–1',
    'Council coverage × the autonomy of the seat holders: consultation that can change allocation and rules.',
    'state',
  ),
  level(
    'consultation_score',
    'Consultation',
    'index 0–1',
    'Council seats per head weighted by their holders\u2019 autonomy, plus Civil Forums (cf. V-Dem v2cscnsult).',
    'state',
  ),
  level(
    'csi_legal',
    'CSI: legal environment',
    'score 1 (best)–7',
    'Registrations accepted, NGOs forced off the register, sanctions and arrests, and the share of running costs NGOs spent on compliance.',
    'csi',
  ),
  level(
    'csi_capacity',
    'CSI: organizational capacity',
    'score 1–7',
    'Mean capacity of active NGOs and their density.',
    'csi',
  ),
  level(
    'csi_financial',
    'CSI: financial viability',
    'score 1–7',
    'Revenue diversity (1 − HHI) and reserves.',
    'csi',
  ),
  level('csi_advocacy', 'CSI: advocacy', 'score 1–7', 'Advocacy output of independent NGOs.', 'csi'),
  level('csi_service', 'CSI: service provision', 'score 1–7', 'Service output per head.', 'csi'),
  level(
    'csi_infrastructure',
    'CSI: infrastructure',
    'score 1–7',
    'Membership of umbrella bodies (resource centres act through capacity).',
    'csi',
  ),
  level('csi_image', 'CSI: public image', 'score 1–7', 'Citizens\u2019 trust in NGOs.', 'csi'),
  level(
    'csi_overall',
    'CSI: overall',
    'score 1–7',
    'Mean of the seven dimensions (USAID CSO Sustainability Index method).',
    'csi',
  ),
  level(
    'civic_entry_exit',
    'Civic space: entry and exit',
    'index 0–1',
    'Registrations accepted × registered share of working groups × ½ per reference rate of forced exits.',
    'state',
  ),
  level(
    'civic_freedom',
    'Civic space: freedom from repression',
    'index 0–1',
    '½ per reference rate of sanctions on NGOs × ½ per reference rate of arrests of protesters.',
    'state',
  ),
  level(
    'civic_participation',
    'Civic space: participatory environment',
    'index 0–1',
    'Volunteering in independent groups (relative to the reference) × autonomy of independent NGOs.',
    'state',
  ),
  level(
    'civic_space',
    'Civic space index',
    'index 0–1',
    'Mean of entry and exit (registrations accepted, forced exits, the unregistered share), freedom from ' +
      'sanctions and arrests, and volunteering in independent groups × their autonomy (cf. V-Dem v2xcs_ccsi).',
    'state',
  ),
];

/**
 * Whether more is better for a reader. Only where the literature or the index's own convention says so:
 * counts of money by source, registrations, dissolutions and the like are neither good nor bad news.
 */
const directions: Partial<Record<MetricId, Direction>> = {
  active_ngos: 'higher-is-better',
  active_per_10k: 'higher-is-better',
  dormant_ngos: 'lower-is-better',
  dormant_per_10k: 'lower-is-better',
  foundings: 'higher-is-better',
  closures: 'lower-is-better',
  funding_donations: 'higher-is-better',
  funding_fees: 'higher-is-better',
  funding_total: 'higher-is-better',
  revenue_hhi: 'lower-is-better',
  state_money_gini: 'lower-is-better',
  autonomy_independent: 'higher-is-better',
  gongo_share: 'lower-is-better',
  volunteering_rate: 'higher-is-better',
  membership_rate: 'higher-is-better',
  donor_rate: 'higher-is-better',
  independent_volunteering: 'higher-is-better',
  trust: 'higher-is-better',
  sanctions: 'lower-is-better',
  arrests: 'lower-is-better',
  repression_effective: 'lower-is-better',
  advocacy_output: 'higher-is-better',
  council_influence: 'higher-is-better',
  consultation_score: 'higher-is-better',
  civic_space: 'higher-is-better',
  civic_entry_exit: 'higher-is-better',
  civic_freedom: 'higher-is-better',
  civic_participation: 'higher-is-better',
};

/** The values a metric can take, from its unit: shares and indices in [0, 1], CSI scores in [1, 7]. */
function rangeOf(unit: string): readonly [number, number] {
  if (/^(share|index 0–1)/.test(unit)) return [0, 1];
  if (/^score 1\b/.test(unit)) return [1, 7];
  return [0, Number.POSITIVE_INFINITY];
}

export const metricDefinitions: readonly (Omit<MetricDefinition, 'id'> & {
  id: MetricId;
  group: MetricGroup;
})[] = definitions.map((def) => ({
  ...def,
  range: rangeOf(def.unit),
  direction: def.group === 'csi' ? 'lower-is-better' : (directions[def.id] ?? 'neutral'),
}));

export const metricById: ReadonlyMap<string, MetricDefinition> = new Map(
  metricDefinitions.map((m) => [m.id, m]),
);

// Every metric id of the schema has exactly one definition (checked once, when the module loads).
for (const id of metricIdsOfSchema) {
  if (!metricById.has(id)) throw new Error(`metric ${id} has no definition`);
}
if (metricById.size !== metricIdsOfSchema.length)
  throw new Error('a metric is defined that the schema does not list');
