/**
 * The Schelling model's scenario sections: the grid, who lives on it, the rule (Mesa's example or the
 * ABMFrameworksComparison variant) and the levers a timeline can move. Every number has a bound with
 * its reason.
 */
import { z } from 'zod';
import { stepScenarioSchema } from '../../scenario/envelope.ts';
import { onFirstUse, share, wholeNumber } from '../../scenario/schemaParts.ts';

/**
 * The model's own scenario sections, built the first time they are asked for (schemaParts.ts:
 * onFirstUse).
 */
export const sections = onFirstUse(() => {
  const gridSchema = z
    .strictObject({
      width: wholeNumber(2, 10_000, 'Cells across (Mesa example: 20).', 'From 2 to 10,000.').default(20),
      height: wholeNumber(2, 10_000, 'Cells down (Mesa example: 20).', 'From 2 to 10,000.').default(20),
      torus: z
        .boolean()
        .describe('Whether the grid wraps at its borders (Mesa’s Schelling and ABMFC: false, clipped).')
        .default(false),
    })
    .describe('The grid: one household per cell at most, Moore neighbourhoods (8 cells at radius 1).');

  const populationSchema = z
    .strictObject({
      density: share('Chance that a cell holds a household at the start (Mesa example: 0.8).').default(0.8),
      minorityShare: share(
        'Chance that a household is of the minority type (type 1) (Mesa example: 0.5).',
      ).default(0.5),
    })
    .describe('Who lives on the grid: each cell is drawn in turn, as in Mesa’s example.');

  const ruleSchema = z
    .strictObject({
      kind: z
        .enum(['mesa', 'abmfc'])
        .describe(
          'mesa: Mesa 3.3’s example — unhappy households (same-type share of neighbours below homophily, ' +
            'judged after the previous step) move in random order to a random empty cell, then everyone is ' +
            'judged again; abmfc: the ABMFrameworksComparison benchmark — in random order each household counts ' +
            'its same-type neighbours at that moment and moves at once if fewer than minSimilar.',
        )
        .default('mesa'),
      radius: wholeNumber(
        1,
        10,
        'Neighbourhood radius in cells (Chebyshev distance; Mesa example: 1).',
        'From 1 to 10: a radius-10 neighbourhood already has 440 cells.',
      ).default(1),
    })
    .describe('How households decide to move.');

  const leversSchema = z
    .strictObject({
      homophily: share(
        'mesa rule: the share of neighbours of one’s own type a household wants (Mesa example: 0.4); ' +
          'one with no neighbours is unhappy whenever this is above 0.',
      ).default(0.4),
      minSimilar: wholeNumber(
        0,
        440,
        'abmfc rule: how many neighbours of one’s own type a household wants (ABMFC: 3 small, 8 large).',
        'From 0 to 440, the most neighbours a radius-10 neighbourhood has.',
      ).default(3),
    })
    .describe('What a timeline can change while households move.');

  return {
    grid: gridSchema.prefault({}),
    population: populationSchema.prefault({}),
    rule: ruleSchema.prefault({}),
    levers: leversSchema.prefault({}),
  };
});

export const actions = [] as const;

export const metricIds = ['happy', 'segregation', 'moved', 'households'] as const;
export type MetricId = (typeof metricIds)[number];

/**
 * The whole scenario schema of the model, built the first time it is asked for; with `output.snapshots`
 * (the model draws its grid: index.ts, snapshot).
 */
export const scenarioSchema = onFirstUse(() =>
  stepScenarioSchema({
    id: 'schelling',
    actions,
    metricIds,
    sections: sections(),
    snapshots: true,
  }),
);

export type Scenario = z.output<ReturnType<typeof scenarioSchema>>;
export type Levers = Scenario['levers'];
