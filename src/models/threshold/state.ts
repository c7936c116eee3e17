/**
 * One replicate of the threshold model: each agent's threshold and rank (which decides, with the
 * `instigators` lever, whether it acts whatever the others do), whether it acts now, and who it sees.
 * Agents are typed arrays; the counts of the last step are kept for the metrics.
 */
import { wattsStrogatz, type Network } from '../../engine/network.ts';
import type { RandomStreams } from '../../engine/random.ts';
import { clamp01 } from '../../engine/stats.ts';
import type { Levers, Scenario } from './schema.ts';

export interface ThresholdState {
  /** The live levers (the schedule changes them in place). */
  levers: Levers;
  reversible: boolean;
  /** Each agent's threshold, before the thresholdShift lever. */
  thresholds: Float64Array;
  /** A uniform rank per agent: it is an instigator while rank < levers.instigators. */
  rank: Float64Array;
  /** Whether each agent acts (1) now, and the next step's decisions (synchronous update). */
  active: Uint8Array;
  next: Uint8Array;
  /** Who sees whom; undefined when the population is well mixed. */
  network?: Network;
  /** Counts of the last step. */
  acting: number;
  joined: number;
  left: number;
  forced: number;
}

/** Thresholds as the scenario asks: normal (clipped), uniform, or spaced i/N. */
export function drawThresholds(
  population: Scenario['population'],
  uniform: () => number,
  normal: () => number,
): Float64Array {
  const n = population.agents;
  const t = population.thresholds;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (t.kind === 'spaced') out[i] = i / n;
    else if (t.kind === 'uniform') out[i] = t.min + (t.max - t.min) * uniform();
    else out[i] = clamp01(t.mean + t.sd * normal());
  }
  return out;
}

export function createThresholdState(
  scenario: Scenario,
  streams: RandomStreams,
  levers: Levers,
): ThresholdState {
  const { population } = scenario;
  const n = population.agents;
  const draw = streams.get('thresholds');
  const thresholds = drawThresholds(population, draw.uniform, () => draw.normal());
  const ranks = streams.get('instigators');
  const rank = new Float64Array(n);
  for (let i = 0; i < n; i++) rank[i] = ranks.uniform();
  const network =
    population.network.kind === 'small-world'
      ? wattsStrogatz(n, population.network.degree, population.network.rewiring, () =>
          streams.fresh('network'),
        )
      : undefined;
  const active = new Uint8Array(n);
  let forced = 0;
  for (let i = 0; i < n; i++) {
    if (rank[i] < levers.instigators) {
      active[i] = 1;
      forced++;
    }
  }
  return {
    levers,
    reversible: population.reversible,
    thresholds,
    rank,
    active,
    next: new Uint8Array(n),
    network,
    acting: forced,
    joined: forced,
    left: 0,
    forced,
  };
}
