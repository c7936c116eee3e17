/**
 * The threshold model's scenario sections: the population (how many agents, their thresholds, who
 * influences whom) and the levers a timeline can move. Every number has a bound with its reason.
 */
import { z } from 'zod';
import { stepScenarioSchema } from '../../scenario/envelope.ts';
import { onFirstUse, share, wholeNumber } from '../../scenario/schemaParts.ts';

/**
 * The model's own scenario sections, built the first time they are asked for (schemaParts.ts:
 * onFirstUse).
 */
export const sections = onFirstUse(() => {
  const populationSchema = z
    .strictObject({
      agents: wholeNumber(
        2,
        10_000_000,
        'Agents in the population (Granovetter\u2019s crowd: 100).',
        'From 2 to 10 million: two bytes and a double each, and one pass per step.',
      ).default(100),
      thresholds: z
        .strictObject({
          kind: z
            .enum(['normal', 'uniform', 'spaced'])
            .describe(
              'normal: drawn from N(mean, sd) clipped to [0, 1] (Granovetter 1978); uniform: drawn from ' +
                '[min, max]; spaced: i/N for agent i = 0…N−1, the classic riot example (one agent at each ' +
                'threshold, so each one who joins brings the next).',
            )
            .default('normal'),
          mean: share('Mean threshold of the normal distribution (Granovetter 1978: 0.25).').default(0.25),
          sd: z
            .number()
            .min(0)
            .max(1)
            .describe(
              'Spread of the normal distribution. Granovetter (1978): with mean 0.25, participation jumps from ' +
                'a few to nearly all as sd passes about 0.12. At most 1: thresholds are shares.',
            )
            .default(0.12),
          min: share('Lowest threshold of the uniform distribution.').default(0),
          max: share('Highest threshold of the uniform distribution.').default(1),
        })
        .prefault({})
        .describe('The share of others who must act before an agent acts (its threshold).'),
      network: z
        .strictObject({
          kind: z
            .enum(['well-mixed', 'small-world'])
            .describe(
              'well-mixed: every agent sees the share of the whole population that acts (Granovetter); ' +
                'small-world: the share of its network neighbours (a Watts–Strogatz ring, Watts 2002).',
            )
            .default('well-mixed'),
          degree: z
            .number()
            .int()
            .min(2)
            .max(64)
            .multipleOf(2)
            .describe('Neighbours per agent on the small-world ring. An even number from 2 to 64.')
            .default(8),
          rewiring: share('Watts–Strogatz rewiring probability.').default(0.05),
        })
        .prefault({})
        .describe('Who sees whom.'),
      reversible: z
        .boolean()
        .describe(
          'Whether an agent who acts stops when the share falls below its threshold again (true, as in ' +
            'Granovetter\u2019s equilibrium r = F(r)), or keeps acting once it started (false: a cascade).',
        )
        .default(true),
    })
    .describe('The population and its thresholds.');

  const leversSchema = z
    .strictObject({
      thresholdShift: z
        .number()
        .min(-1)
        .max(1)
        .describe(
          'Added to every threshold (fear of repression raises them, a shared grievance lowers them). ' +
            'Between −1 and 1: beyond that everyone acts at once or no one ever does.',
        )
        .default(0),
      instigators: share(
        'Share of agents who act whatever the others do (radicals, organisers), chosen at the start; ' +
          'raising it later adds more.',
      ).default(0),
    })
    .describe('What a timeline can change while the crowd decides.');

  return {
    population: populationSchema.prefault({}),
    levers: leversSchema.prefault({}),
  };
});

export const actions = [] as const;

export const metricIds = ['participation', 'joined', 'left', 'instigators'] as const;
export type MetricId = (typeof metricIds)[number];

/** The whole scenario schema of the model, built the first time it is asked for. */
export const scenarioSchema = onFirstUse(() =>
  stepScenarioSchema({ id: 'threshold', actions, metricIds, sections: sections() }),
);

export type ScenarioInput = z.input<ReturnType<typeof scenarioSchema>>;
export type Scenario = z.output<ReturnType<typeof scenarioSchema>>;
export type Levers = Scenario['levers'];
