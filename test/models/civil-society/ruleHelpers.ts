/**
 * Helpers for the tests of the civil-society model's rules: the default parameters and levers (from the
 * scenario schema), seeded random inputs, stub random streams that replay given uniforms, and small
 * model states with an empty NGO table that a test fills group by group.
 */
import seedrandom from 'seedrandom';
import { streamFromUniform, type RandomStream, type RandomStreams } from '../../../src/engine/random.ts';
import type { FiredAction } from '../../../src/engine/schedule.ts';
import type { TickContext } from '../../../src/engine/simulation.ts';
import { createModelState } from '../../../src/models/civil-society/model.ts';
import { SERVICE, addNgo, type NewNgo } from '../../../src/models/civil-society/ngos.ts';
import {
  scenarioSchema,
  type Levers,
  type Parameters,
  type Scenario,
} from '../../../src/models/civil-society/schema.ts';
import type { ModelState } from '../../../src/models/civil-society/state.ts';
import { mergeOverrides } from '../../../src/scenario/mergeOverrides.ts';

type Plain = Record<string, unknown>;

/** A small country with no NGOs at the start: 200 simulated citizens for 200,000 people, every NGO simulated. */
const baseInput: Plain = {
  name: 'rules',
  start: '2000-01',
  end: '2004-12',
  seed: 7,
  population: { citizens: 200, represents: 200_000, ngoSampling: 1 },
  initial: { ngos: 0 },
};

/** A scenario with every default but the overrides (a plain object merged deeply into the base). */
export function scenarioOf(over: Plain = {}): Scenario {
  return scenarioSchema().parse(mergeOverrides(baseInput, over));
}

/** The default parameters and levers, as the schema fills them in. */
export const defaults: Scenario = scenarioOf();
export const params: Parameters = defaults.parameters;
export const levers: Levers = defaults.levers;

/** A uniform generator in [0, 1) from a fixed seed (seedrandom's alea): reproducible random inputs. */
export function seeded(seed: string): () => number {
  return seedrandom.alea(seed);
}

/** A number drawn uniformly in [lo, hi) from a seeded generator. */
export const between = (u: () => number, lo: number, hi: number): number => lo + (hi - lo) * u();

/** A stream returning a fixed uniform forever. */
export const constantStream = (u: number): RandomStream => streamFromUniform(() => u);

/**
 * A stream replaying the given uniforms in order; drawing more throws, so a test also checks how many
 * numbers a rule draws. `left()` tells how many are still unused.
 */
export function queueStream(values: number[]): RandomStream & { left(): number } {
  let k = 0;
  const stream = streamFromUniform(() => {
    if (k >= values.length) throw new Error(`stub stream exhausted after ${values.length} draws`);
    return values[k++];
  });
  return { ...stream, left: () => values.length - k };
}

/** A seeded stream (alea), as the model's own streams are. */
export const seededStream = (seed: string): RandomStream => streamFromUniform(seeded(seed));

/** Replaces a state's named streams: a rule asking for a stream not given gets an error. */
export function useStreams(state: ModelState, streams: Record<string, RandomStream>): void {
  state.streams = {
    get(name: string) {
      const s = streams[name];
      if (!s) throw new Error(`no stub stream '${name}'`);
      return s;
    },
    fresh(name: string) {
      const s = streams[name];
      if (!s) throw new Error(`no stub stream '${name}'`);
      return s;
    },
  } as unknown as RandomStreams;
}

/** A model state for a scenario with the overrides (no NGOs unless `initial.ngos` says so). */
export function stateOf(over: Plain = {}): ModelState {
  return createModelState(scenarioOf(over), 0);
}

/** The context of a tick (month) of a state's calendar. */
export function tickOf(state: ModelState, tick: number, actions: FiredAction[] = []): TickContext {
  return { tick, clock: state.calendar, actions };
}

/** Adds an active service NGO founded at tick 0 (unless the spec says otherwise) and returns its index. */
export function addGroup(state: ModelState, spec: Partial<NewNgo> = {}): number {
  return addNgo(state.ngos, {
    type: SERVICE,
    tick: 0,
    densityAtFounding: 0,
    capacity: 0.5,
    autonomy: 0.8,
    reserves: 0,
    ...spec,
  });
}

/** The logistic function and its inverse. */
export const sigma = (z: number): number => 1 / (1 + Math.exp(-z));
export const logit = (p: number): number => Math.log(p / (1 - p));
