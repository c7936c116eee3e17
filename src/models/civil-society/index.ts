/**
 * The civil-society model: citizens, NGOs, ministries and akimats, and foreign donors under a state's
 * policies, month by month (see ODD.md). This file is the model as the platform sees it: its scenario
 * sections, actions, metrics, charts, checks, cost and the functions a run calls.
 */
import type { ModelDefinition } from '../definition.ts';
import { defaultCharts } from './charts.ts';
import { checkCivilSociety } from './checks.ts';
import { replicateCost } from './cost.ts';
import { measure } from './measure.ts';
import { metricDefinitions, metricGroups } from './metricDefinitions.ts';
import { createModelState, phases } from './model.ts';
import { ngoColumns } from './ngoRecord.ts';
import { ngoRecords } from './ngoRecords.ts';
import { renames } from './renames.ts';
import { actions, sections, type Scenario } from './schema.ts';
import type { ModelState } from './state.ts';
import { stylizedFacts, withOverrides } from './facts.ts';

export const civilSociety: ModelDefinition<Scenario, ModelState> = {
  id: 'civil-society',
  title: 'Civil society under state policy',
  summary:
    'What happens to a country\u2019s NGO sector over decades when the state contracts, funds, consults, ' +
    'co-opts, restricts or represses it: citizens take part by civic voluntarism and network thresholds, ' +
    'NGOs are born and die by organizational ecology, ministries and akimats allocate money and seats, ' +
    'foreign donors respond to the rules on foreign money.',
  clock: 'month',
  get sections() {
    return sections();
  },
  actions,
  metrics: metricDefinitions,
  groups: metricGroups,
  charts: defaultCharts,
  headline: [
    'active_per_10k',
    'volunteering_rate',
    'trust',
    'state_funding_share',
    'autonomy_independent',
    'civic_space',
    'csi_overall',
  ],
  unitWords: (scenario) => ({ currency: scenario.currency }),
  check: checkCivilSociety,
  renames,
  scale(scenario, factor) {
    const out = structuredClone(scenario);
    out.population.citizens = Math.max(100, Math.round(out.population.citizens * factor));
    out.population.ngoSampling = Math.min(1, out.population.ngoSampling * factor);
    return out;
  },
  cost: replicateCost,
  createState: (scenario, replicate, streams, levers) =>
    createModelState(scenario, replicate, streams, levers),
  phases,
  measure,
  agents: {
    file: 'ngos.csv',
    description: 'one row per NGO ever founded, per replicate',
    columns: ngoColumns,
    records: (state) => ngoRecords(state) as unknown as Record<string, string | number | boolean>[],
  },
  odd: 'src/models/civil-society/ODD.md',
  // getters: facts.ts runs this very definition, so it imports this module (either may load first)
  get facts() {
    return stylizedFacts;
  },
  withOverrides: (scenario, overrides) => withOverrides(scenario, overrides),
};
