/**
 * Helpers for the model's tests: a small generic country whose NGO sector grows from almost nothing, and
 * runners that return series (and, where a test needs them, the NGO records) of seeded replicates.
 */
import { runReplicate } from './run.ts';
import type { ReplicateResult } from './run.ts';
import {
  scenarioSchema,
  type Scenario,
  type ScenarioInput,
} from '../../../src/models/civil-society/schema.ts';
import { mergeOverrides } from '../../../src/scenario/mergeOverrides.ts';

type Plain = Record<string, unknown>;

/** A generic country of 2 million people (20,000 simulated), 2000–2029, with a modest funded sector. */
export const baseInput: ScenarioInput = {
  name: 'test-country',
  start: '2000-01',
  end: '2029-12',
  seed: 20261128,
  replicates: 4,
  population: {
    citizens: 20_000,
    represents: 2_000_000,
    ngoSampling: 0.5,
    network: { degree: 8, rewiring: 0.05 },
  },
  initial: { ngos: 20, participation: 0.1, advocacyShare: 0.3, stateCreatedShare: 0 },
  levers: {
    foreign: { budget: 1_000_000, advocacyPriority: 0.5 },
    ministries: { socialOrder: 1_000_000, grants: 300_000 },
    akimats: { socialOrder: 500_000 },
    legitimacy: 0.5,
  },
};

export function scenarioWith(over: Plain = {}): Scenario {
  return scenarioSchema().parse(mergeOverrides(baseInput as Plain, over));
}

export function runAll(scenario: Scenario, replicates = scenario.replicates): ReplicateResult[] {
  return Array.from({ length: replicates }, (_, r) => runReplicate(scenario, r));
}

/** Mean over replicates of a metric's annual values over the last `years` years. */
export function lateMean(results: ReplicateResult[], metric: string, years = 5): number {
  let sum = 0;
  let count = 0;
  for (const r of results) {
    const a = r.series.annual[metric];
    for (let y = a.length - years; y < a.length; y++) {
      sum += a[y];
      count++;
    }
  }
  return sum / count;
}
