// TEMPORARY PLACEHOLDER (replaced by the real civil-society model in the next commits): produces every
// metric from a trivial deterministic computation so output code can be built against the interface.
import { Calendar } from '../engine/calendar.ts';
import { Recorder } from '../engine/recorder.ts';
import { RandomStreams, streamSeed } from '../engine/random.ts';
import type { Scenario } from '../scenario/schema.ts';
import { metricDefinitions } from './metricDefinitions.ts';
import type { ReplicateResult } from './runTypes.ts';

export interface ReplicateOptions {
  /** Stream family (default: the scenario name); a shared family gives common random numbers. */
  family?: string;
  onTick?(tick: number, ticks: number): void;
}

export function runReplicate(scenario: Scenario, replicate: number, options: ReplicateOptions = {}): ReplicateResult {
  const family = options.family ?? scenario.name;
  const calendar = new Calendar(scenario.start, scenario.end);
  const recorder = new Recorder(metricDefinitions, calendar);
  const rng = new RandomStreams(family, scenario.seed, replicate).get('placeholder');
  for (let t = 0; t < calendar.ticks; t++) {
    metricDefinitions.forEach((m, i) => recorder.record(t, i, (i + 1) * (1 + t / 100) + rng.uniform()));
    options.onTick?.(t, calendar.ticks);
  }
  return {
    replicate,
    seedKey: streamSeed({ family, seed: scenario.seed, replicate, name: '*' }),
    series: recorder.finish(),
  };
}
