/**
 * The civil-society model's scenario sections: currency, population, initial state, levers
 * (levers.ts), parameters (parameters.ts) and its metric ids. The TypeScript types (`ScenarioInput`,
 * `Scenario`) and the published JSON Schemas derive from them.
 *
 * Sources are cited (Author Year) and resolved in REFERENCES.md; tags: [V] verified in a source, [M]
 * widely cited but not re-verified, [A] a modelling assumption.
 *
 * Conventions: rates are per year unless the name says otherwise; shares are 0–1; money is in the
 * scenario's `currency` unit per year for the whole country (the model scales it to the simulated
 * sample); counts of NGOs are real (whole-country) counts.
 */
import { z } from 'zod';
import { monthScenarioSchema } from '../../scenario/envelope.ts';
import { onFirstUse, share, text, upTo } from '../../scenario/schemaParts.ts';
import { actions, leversSchema } from './levers.ts';
import { parametersSchema } from './parameters.ts';

export { actions, actionNames, leversSchema, type ActionName } from './levers.ts';
export { parametersSchema } from './parameters.ts';

/** A registered sector is at most one NGO per this many people (the densest are about one per 100). */
export const peoplePerNgo = 10;

// ---------------------------------------------------------------------------------------------------
// Population, initial state, outputs.
// ---------------------------------------------------------------------------------------------------

/** Population and scale, built the first time it is asked for (schemaParts.ts: onFirstUse). */
export const populationSchema = onFirstUse(() =>
  z
    .strictObject({
      citizens: z
        .number()
        .int()
        .min(100)
        .max(50_000_000)
        .describe(
          'Simulated citizens (a sample of the real population). `civsim run --scale` multiplies it. ' +
            'From 100 to 50 million: a larger sample would need more memory than a workstation has ' +
            '(civsim estimates the memory before it runs and refuses what will not fit).',
        )
        .default(100_000),
      represents: z
        .number()
        .int()
        .min(100)
        .max(2_000_000_000)
        .describe(
          'Real population the sample stands for at the start date (Kazakhstan 1991: 16.4 M, World Bank 2024). ' +
            'At most 2 billion: more than any country.',
        )
        .default(1_000_000),
      growthRate: z
        .number()
        .min(-0.1)
        .max(0.1)
        .describe(
          'Annual growth of the real population (used for per-10,000 rates and money per head). Between −10% ' +
            'and +10% a year: beyond any country\u2019s recorded growth.',
        )
        .default(0),
      ngoSampling: z
        .number()
        .gt(0)
        .max(1)
        .describe(
          'Simulated NGOs per real NGO (1 = every NGO). `civsim run --scale` multiplies it (capped at 1).',
        )
        .default(0.1),
      network: z
        .strictObject({
          degree: z
            .number()
            .int()
            .min(2)
            .max(64)
            .multipleOf(2)
            .describe(
              'Mean degree k of the small-world network (Watts & Strogatz 1998; 6–10 in the domain brief) [M]. An even number from 2 to 64: every ' +
                'link has two ends, and each unit of degree costs 4 bytes per citizen.',
            )
            .default(8),
          rewiring: share(
            'Watts–Strogatz rewiring probability (Watts & Strogatz 1998: 0.01–0.1 gives a small world) [M].',
          ).default(0.05),
        })
        .prefault({})
        .describe('Small-world (Watts–Strogatz) social network.'),
    })
    .describe('Population and scale.'),
);

/** The initial state, built the first time it is asked for. */
export const initialSchema = onFirstUse(() =>
  z
    .strictObject({
      ngos: upTo(
        10_000_000,
        'Registered NGOs at the start (real count).',
        'At most 10 million (India, the largest sector, has about 3.3 million), and at most one per ' +
          `${peoplePerNgo} people of population.represents.`,
      ).default(100),
      activeShare: share('Share of them active at the start.').default(0.8),
      advocacyShare: share('Share of initial NGOs that are advocacy groups.').default(0.3),
      stateCreatedShare: share('Share of initial NGOs that are state-created.').default(0.05),
      participation: share('Share of citizens taking part (volunteering) at the start.').default(0.05),
      trust: share('Mean trust in NGOs at the start.').default(0.4),
      engagement: share('Mean political engagement at the start.').default(0.3),
    })
    .describe('Initial state.'),
);

export const metricIds = [
  'registered_ngos',
  'active_ngos',
  'dormant_ngos',
  'registered_per_10k',
  'active_per_10k',
  'dormant_per_10k',
  'informal_groups',
  'foundings',
  'dissolutions',
  'closures',
  'funding_social_order',
  'funding_grants',
  'funding_foreign',
  'funding_donations',
  'funding_fees',
  'funding_corporate',
  'funding_total',
  'fundraising',
  'state_funding_share',
  'revenue_hhi',
  'budget_gini',
  'state_money_gini',
  'advocacy_state_money_share',
  'autonomy_independent',
  'advocacy_share',
  'gongo_share',
  'umbrella_membership',
  'volunteering_rate',
  'independent_volunteering',
  'membership_rate',
  'donor_rate',
  'trust',
  'legitimacy',
  'sanctions',
  'protest_rate',
  'arrests',
  'repression_effective',
  'state_threat',
  'advocacy_output',
  'council_influence',
  'consultation_score',
  'csi_legal',
  'csi_capacity',
  'csi_financial',
  'csi_advocacy',
  'csi_service',
  'csi_infrastructure',
  'csi_image',
  'csi_overall',
  'civic_entry_exit',
  'civic_freedom',
  'civic_participation',
  'civic_space',
] as const;
export type MetricId = (typeof metricIds)[number];

/** The civil-society model's own scenario sections (joined to the envelope by scenarioSchemaOf). */
export const sections = onFirstUse(() => ({
  currency: text(40, 'Unit of all money values, e.g. "USD" or "million KZT".').default('USD'),
  population: populationSchema().prefault({}),
  initial: initialSchema().prefault({}),
  levers: leversSchema().prefault({}),
  parameters: parametersSchema().prefault({}),
}));

/** The whole scenario schema of the civil-society model. */
export const scenarioSchema = onFirstUse(() =>
  monthScenarioSchema({ id: 'civil-society', actions, metricIds, sections: sections() }),
);

/** A scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<ReturnType<typeof scenarioSchema>>;
/** A fully resolved scenario: every default applied, `extends` merged. */
export type Scenario = z.output<ReturnType<typeof scenarioSchema>>;
export type Levers = Scenario['levers'];
export type TimelineEvent = Scenario['timeline'][number];
export type Parameters = Scenario['parameters'];
