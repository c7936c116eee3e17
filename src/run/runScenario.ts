/**
 * Running a whole scenario in the calling thread: every replicate, one after another, yielding to the
 * event loop about every 50 ms so a page or a notebook stays responsive and an abort signal takes effect
 * within a tick. (On Node, src/node/replicatePool.ts runs replicates on worker threads instead; in a
 * browser, the explorer runs this in Web Workers.)
 */
import { modelById } from '../models/registry.ts';
import type { RunResult } from '../output/runFiles.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { startReplicate, type ReplicateResult } from './replicate.ts';

export interface RunOverrides {
  seed?: number;
  replicates?: number;
  /** Scales the simulated sample (the model decides what that means: citizens, NGO sampling…). */
  scale?: number;
}

/** The scenario a run actually uses: overrides applied, so the manifest alone can replay the run. */
export function applyOverrides<S extends ScenarioBase>(scenario: S, overrides: RunOverrides = {}): S {
  let out: S = structuredClone(scenario);
  if (overrides.seed !== undefined) out.seed = overrides.seed;
  if (overrides.replicates !== undefined) out.replicates = overrides.replicates;
  if (overrides.scale !== undefined && overrides.scale !== 1) {
    const model = modelById(out.model);
    if (!model.scale) throw new Error(`the ${model.id} model cannot be scaled (--scale)`);
    out = model.scale(out, overrides.scale) as S;
  }
  return out;
}

export interface Progress {
  replicate: number;
  replicates: number;
  tick: number;
  ticks: number;
}

export interface RunOptions {
  /** Stream family (default: the scenario name); a shared family gives common random numbers. */
  family?: string;
  onProgress?(progress: Progress): void;
  /** Checked between replicates and about every 50 ms; an aborted run rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Lets the event loop run (signals, progress output) between slices of simulation. */
const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) =>
    globalThis.setImmediate ? globalThis.setImmediate(resolve) : setTimeout(resolve, 0),
  );

/** Runs every replicate of a (resolved, overridden) scenario, one after another. */
export async function runScenario<S extends ScenarioBase>(
  scenario: S,
  options: RunOptions = {},
): Promise<RunResult<S>> {
  const model = modelById(scenario.model);
  const replicates: ReplicateResult[] = [];
  for (let r = 0; r < scenario.replicates; r++) {
    options.signal?.throwIfAborted();
    const run = startReplicate(model, scenario, r, {
      family: options.family,
      onTick: (tick: number, ticks: number) =>
        options.onProgress?.({ replicate: r, replicates: scenario.replicates, tick: tick + 1, ticks }),
    });
    let slice = performance.now();
    while (run.step()) {
      if (performance.now() - slice > 50) {
        await yieldToEventLoop();
        options.signal?.throwIfAborted();
        slice = performance.now();
      }
    }
    replicates.push(run.result());
    await yieldToEventLoop();
  }
  return { model, scenario, replicates };
}
