/**
 * The charts a run draws when the scenario does not list its own (`output.charts`): one per question an
 * analyst asks first of a civil-society scenario — how many NGOs, how dense, how fast they come and go,
 * who pays, how dependent they are, how free, how engaged citizens are, and how the sector would score on
 * the USAID CSO Sustainability Index and on consultation.
 */
import type { ChartSpec } from '../../scenario/envelope.ts';
import type { MetricId } from './schema.ts';

export const defaultCharts: readonly (ChartSpec & { metrics: readonly MetricId[] })[] = [
  {
    id: 'ngo-counts',
    title: 'NGOs on the register',
    metrics: ['registered_ngos', 'active_ngos', 'dormant_ngos'],
    kind: 'line',
    annual: false,
    events: true,
  },
  {
    id: 'ngo-density',
    title: 'NGOs per 10,000 citizens',
    metrics: ['registered_per_10k', 'active_per_10k', 'dormant_per_10k'],
    kind: 'line',
    annual: false,
    events: true,
  },
  {
    id: 'foundings-dissolutions',
    title: 'Foundings and dissolutions per year',
    metrics: ['foundings', 'dissolutions'],
    kind: 'line',
    annual: true,
    events: true,
  },
  {
    id: 'funding-sources',
    title: 'NGO revenue by source per year',
    metrics: [
      'funding_social_order',
      'funding_grants',
      'funding_foreign',
      'funding_donations',
      'funding_fees',
      'funding_corporate',
    ],
    kind: 'area',
    annual: true,
    events: true,
  },
  {
    id: 'funding-dependence',
    title: 'Dependence on the state and concentration of money',
    metrics: ['state_funding_share', 'revenue_hhi', 'budget_gini'],
    kind: 'line',
    annual: false,
    events: true,
  },
  {
    id: 'autonomy',
    title: 'Autonomy, advocacy and civic space',
    metrics: ['autonomy_independent', 'advocacy_share', 'civic_space'],
    kind: 'line',
    annual: false,
    events: true,
  },
  {
    id: 'citizens',
    title: 'Citizens: engagement, trust and legitimacy',
    metrics: ['volunteering_rate', 'membership_rate', 'donor_rate', 'trust', 'legitimacy'],
    kind: 'line',
    annual: false,
    events: true,
  },
  {
    id: 'csi',
    title: 'CSO Sustainability Index dimensions',
    metrics: [
      'csi_overall',
      'csi_legal',
      'csi_capacity',
      'csi_financial',
      'csi_advocacy',
      'csi_service',
      'csi_infrastructure',
      'csi_image',
    ],
    kind: 'line',
    annual: false,
    events: true,
  },
  {
    id: 'consultation',
    title: 'Consultation of independent NGOs',
    metrics: ['consultation_score', 'council_influence'],
    kind: 'line',
    annual: false,
    events: true,
  },
  {
    id: 'state',
    title: 'The state: threat, repression and protest',
    metrics: ['state_threat', 'repression_effective', 'protest_rate'],
    kind: 'line',
    annual: false,
    events: true,
  },
];
