/**
 * The Epstein civil violence model's scenario sections: the torus, who lives on it, which reference's
 * rules run (Mesa 3.3's example or NetLogo's Rebellion), the rule's constants and the levers a timeline
 * can move (legitimacy, the longest jail term). Every number has a bound with its reason.
 */
import { z } from 'zod';
import { stepScenarioSchema } from '../../scenario/envelope.ts';
import { onFirstUse, share, upTo, wholeNumber } from '../../scenario/schemaParts.ts';

/**
 * The model's own scenario sections, built the first time they are asked for (schemaParts.ts:
 * onFirstUse).
 */
export const sections = onFirstUse(() => {
  const gridSchema = z
    .strictObject({
      width: wholeNumber(3, 2_000, 'Cells across (Mesa and NetLogo: 40).', 'From 3 to 2,000.').default(40),
      height: wholeNumber(3, 2_000, 'Cells down (Mesa and NetLogo: 40).', 'From 3 to 2,000.').default(40),
      torus: z
        .boolean()
        .describe('Whether the grid wraps at its borders (Mesa and NetLogo: true).')
        .default(true),
    })
    .describe('The grid citizens and cops move on.');

  const populationSchema = z
    .strictObject({
      citizenDensity: share('Share of cells holding a citizen at the start (Mesa and NetLogo: 0.7).').default(
        0.7,
      ),
      copDensity: share('Share of cells holding a cop (Mesa: 0.074; NetLogo: 0.04).').default(0.074),
    })
    .describe(
      'Who lives on the grid. mesa rule: each cell in turn is a citizen, a cop or empty; netlogo rule: ' +
        'round(density × cells) cops, then citizens, each on a random empty cell.',
    );

  const ruleSchema = z
    .strictObject({
      kind: z
        .enum(['mesa', 'netlogo'])
        .describe(
          'mesa: Mesa 3.3’s example — in random order each citizen (after any jail time) looks once over a ' +
            'von Neumann diamond, decides, and jumps to an empty cell in it; each cop arrests one active ' +
            'citizen in sight (sentence 0…maxJailTerm) and jumps likewise; jailed citizens keep their cell. ' +
            'netlogo: NetLogo’s Rebellion — in random order each free citizen and cop moves to a cell in its ' +
            'Euclidean disc holding no cop and no free citizen, then the citizen decides, the cop arrests one ' +
            'active citizen in sight (sentence 0…maxJailTerm − 1) and steps onto its cell; jail terms count ' +
            'down after the step.',
        )
        .default('mesa'),
      vision: wholeNumber(
        1,
        20,
        'Citizens’ vision in cells (Manhattan for mesa, Euclidean for netlogo; both 7).',
        'From 1 to 20: a radius-20 disc already has 1,257 cells.',
      ).default(7),
      copVision: wholeNumber(1, 20, 'Cops’ vision in cells (both 7).', 'From 1 to 20, as vision.').default(7),
      ratio: z
        .enum(['half-even', 'floor', 'none'])
        .describe(
          'How C/A enters the arrest probability 1 − exp(−k·r(C/A)): half-even (Python’s round, Mesa), ' +
            'floor (NetLogo: the step behind punctuated outbursts) or none (the plain ratio, Epstein 2002). ' +
            'Default: the rule’s own.',
        )
        .optional(),
      movement: z
        .boolean()
        .describe('Whether agents move (mesa: citizens and cops; netlogo: citizens, cops always move).')
        .default(true),
    })
    .describe('Which reference’s rules run.');

  const parametersSchema = z
    .strictObject({
      arrestConstant: upTo(
        20,
        'k in P = 1 − exp(−k·r(C/A)); 2.3 makes P ≈ 0.9 with one cop and one rebel in sight (Epstein 2002).',
        'At most 20: beyond that P is 1 with any cop in sight.',
      ).default(2.3),
      threshold: upTo(
        1,
        'T: a citizen rebels when grievance − risk aversion × P > T (Epstein 2002: 0.1).',
        'At most 1: grievance never exceeds 1.',
      ).default(0.1),
    })
    .describe('The rule’s constants (Epstein 2002; both references use these).');

  const leversSchema = z
    .strictObject({
      legitimacy: share(
        'L, the regime’s legitimacy as every citizen perceives it: grievance = hardship × (1 − L) ' +
          '(Mesa: 0.8; NetLogo: 0.82). Read live, so a timeline can drop it suddenly or gradually.',
      ).default(0.8),
      maxJailTerm: wholeNumber(
        0,
        100_000,
        'Longest jail sentence in steps (Mesa: 1000, sentence 0…1000; NetLogo: 30, sentence 0…29).',
        'From 0 to 100,000.',
      ).default(1000),
    })
    .describe('What a timeline can change while the crowd decides.');

  return {
    grid: gridSchema.prefault({}),
    population: populationSchema.prefault({}),
    rule: ruleSchema.prefault({}),
    parameters: parametersSchema.prefault({}),
    levers: leversSchema.prefault({}),
  };
});

export const actions = [] as const;

export const metricIds = ['active', 'quiet', 'jailed', 'arrests', 'legitimacy'] as const;
export type MetricId = (typeof metricIds)[number];

/** The whole scenario schema of the model, built the first time it is asked for. */
export const scenarioSchema = onFirstUse(() =>
  stepScenarioSchema({
    id: 'epstein',
    actions,
    metricIds,
    sections: sections(),
    snapshots: true,
  }),
);

export type Scenario = z.output<ReturnType<typeof scenarioSchema>>;
export type Levers = Scenario['levers'];
