/**
 * Valid but extreme numbers are computed safely: every numeric value of the schema, set alone to the
 * smallest and to the largest value its bounds allow, gives a run whose every metric is a finite number
 * or, where the metric's definition allows it, missing (once, a foreign budget of 1e50 left fourteen
 * metrics blank in every month). A run may instead stop at a model limit with a clear message (the NGO
 * cap); what it may not do is compute NaN or Infinity.
 */
import { describe, expect, it } from 'vitest';
import { NonFiniteMetricError } from '../../../src/engine/recorder.ts';
import { RunLimitError } from '../../../src/engine/runLimitError.ts';
import { runReplicate } from './run.ts';
import type { PathSegment } from '../../../src/scenario/issues.ts';
import { scenarioSchema } from '../../../src/models/civil-society/schema.ts';
import { numberBounds } from '../../../src/scenario/schemaInfo.ts';
import { numericLeaves, setAt } from '../../scenario/arbitraries.ts';

const base = () => ({
  name: 'extreme',
  start: '2000-01',
  end: '2001-12',
  seed: 7,
  population: { citizens: 1000, represents: 100_000, ngoSampling: 0.5 },
  initial: { ngos: 100, participation: 0.1 },
  levers: {
    ministries: { socialOrder: 100_000, grants: 20_000, loyaltyWeight: 0.5, councilSeats: 5 },
    akimats: { socialOrder: 50_000 },
    foreign: { budget: 100_000 },
    gongos: { foundingRate: 2 },
    umbrella: { support: 0.2 },
  },
  timeline: [
    { date: '2000-06', action: 'crackdown' },
    { date: '2001-01', action: 'reregistration' },
    { date: '2001-03', action: 'civilForum' },
  ],
});

/** The sizes of the simulation itself are bounded by the estimate, not here: keep the runs small. */
const sizeLimits: Record<string, number> = { 'population.citizens': 5000 };
/** Other values set with a leaf, so that its extreme stays a quick run (two billion people, few NGOs). */
const alongside: Record<string, [PathSegment[], number][]> = {
  'population.represents': [[['population', 'ngoSampling'], 1e-4]],
};

const leaves = ['population', 'initial', 'levers', 'parameters'].flatMap((key) =>
  numericLeaves(scenarioSchema().shape[key as 'initial'], [key]),
);

function extremesOf(leaf: { path: PathSegment[]; schema: Parameters<typeof numberBounds>[0] }): number[] {
  const b = numberBounds(leaf.schema)!;
  const name = leaf.path.join('.');
  const step = b.multipleOf ?? (b.whole ? 1 : 0);
  const low =
    b.min === undefined
      ? -1e6
      : b.minInclusive
        ? b.min
        : b.min + (step || Math.max(1e-9, Math.abs(b.min) * 1e-9));
  const high = Math.min(
    sizeLimits[name] ?? Infinity,
    b.max === undefined ? 1e6 : b.maxInclusive ? b.max : b.max - (step || 1e-9),
  );
  return [low, high];
}

describe('every number at either end of its bounds', () => {
  it('covers the levers, parameters, population and initial state', () => {
    expect(leaves.length).toBeGreaterThan(80);
  });

  it.each(leaves.map((leaf) => [leaf.path.join('.'), leaf] as const))('%s', (_name, leaf) => {
    for (const value of extremesOf(leaf)) {
      const input = base() as Record<string, unknown>;
      setAt(input, leaf.path, value);
      for (const [path, other] of alongside[leaf.path.join('.')] ?? []) setAt(input, path, other);
      const parsed = scenarioSchema().safeParse(input);
      expect(parsed.success, `${leaf.path.join('.')} = ${value} should be valid`).toBe(true);
      try {
        const { series } = runReplicate(parsed.data!, 0);
        for (const [metric, column] of Object.entries(series.values)) {
          for (const v of column)
            expect(Number.isFinite(v) || Number.isNaN(v), `${metric} = ${v}`).toBe(true);
        }
      } catch (error) {
        if (error instanceof NonFiniteMetricError) {
          throw new Error(`${leaf.path.join('.')} = ${value}: ${error.message}`, { cause: error });
        }
        expect(error, `${leaf.path.join('.')} = ${value}`).toBeInstanceOf(RunLimitError);
      }
    }
  });
});
