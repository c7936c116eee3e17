/**
 * One replicate of any model: build its clock, its schedule of timeline changes and its named random
 * streams, let the model build its initial state, then advance tick by tick. A replicate is a pure
 * function of (model, resolved scenario, replicate number, stream family): serialisable in, serialisable
 * out, no Node-only API and no global state, so it runs alike in the CLI, worker threads, notebooks and a
 * browser.
 */
import { Calendar } from '../engine/calendar.ts';
import { StepClock, type Clock } from '../engine/clock.ts';
import type { Tree } from '../engine/paths.ts';
import { RandomStreams, streamSeed } from '../engine/random.ts';
import { Recorder, type RecordedSeries } from '../engine/recorder.ts';
import { Schedule, type ScheduledChange } from '../engine/schedule.ts';
import { Simulation } from '../engine/simulation.ts';
import type { AnyModel } from '../models/definition.ts';
import type { CsvCell } from '../output/csv.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { snapshotTicks, takeSnapshot, type ReplicateSnapshot } from './snapshots.ts';

/** What one replicate returns: serialisable, so it crosses worker boundaries. */
export interface ReplicateResult {
  replicate: number;
  /** The seed string of the replicate's streams family (for the manifest). */
  seedKey: string;
  series: RecordedSeries;
  /** The model's per-agent records at the end, when the scenario asks for them (output.agents). */
  agents?: Record<string, CsvCell>[];
  /**
   * Spatial models, replicate 0 only: the grid at the ticks `output.snapshots` lists (default the first
   * and the last), in tick order.
   */
  snapshots?: ReplicateSnapshot[];
}

export interface ReplicateOptions {
  /** Stream family (default: the scenario name); a shared family gives common random numbers. */
  family?: string;
  onTick?(tick: number, ticks: number): void;
}

/** One replicate, ready to be advanced tick by tick (`step()`), then `result()`. */
export interface ReplicateRun {
  step(): boolean;
  readonly done: boolean;
  /** The model's state as it stands after the last step (for diagnostics that look inside a run). */
  readonly state: unknown;
  result(): ReplicateResult;
}

/** The scenario's time axis: calendar months from start to end, or steps 0..steps. */
export function clockOf(model: AnyModel, scenario: ScenarioBase): Clock {
  if (model.clock === 'month') return new Calendar(scenario.start!, scenario.end!);
  return new StepClock(scenario.steps!);
}

/** The timeline as engine schedule changes (dates or steps to ticks). */
export function scheduleOf(scenario: ScenarioBase, clock: Clock): Schedule {
  const tickOf = (when: string | number | undefined): number | undefined => {
    if (when === undefined) return undefined;
    return clock instanceof Calendar ? clock.tickOf(when) : Number(when);
  };
  const changes: ScheduledChange[] = scenario.timeline.map((e) => ({
    tick: tickOf(e.date ?? e.step)!,
    endTick: tickOf(e.until),
    set: e.set,
    ramp: e.ramp,
    action: e.action,
    strength: e.strength,
    label: e.label,
  }));
  return new Schedule(changes);
}

export function startReplicate(
  model: AnyModel,
  scenario: ScenarioBase,
  replicate: number,
  options: ReplicateOptions = {},
): ReplicateRun {
  const family = options.family ?? scenario.name;
  const clock = clockOf(model, scenario);
  const schedule = scheduleOf(scenario, clock);
  // events dated before the start set the levers as they stand at the start (their actions are dropped)
  const levers = structuredClone(scenario.levers) as Tree;
  schedule.fastForward(0, levers);
  const streams = new RandomStreams(family, scenario.seed, replicate);
  const state = model.createState(scenario, replicate, streams, levers);
  const sim = new Simulation(state, {
    clock,
    schedule,
    params: levers,
    phases: model.phases,
    recorder: new Recorder(model.metrics, clock),
    measure: model.measure,
    onTick: options.onTick,
  });
  // the grid is read after a tick is measured, without touching the state or any random stream
  const snapshotAt = snapshotTicks(model, scenario, clock, replicate);
  const snapshots: ReplicateSnapshot[] = [];
  let tick = 0;
  return {
    step: () => {
      if (!sim.step()) return false;
      if (snapshots.length < snapshotAt.length && snapshotAt[snapshots.length] === tick) {
        snapshots.push(takeSnapshot(model.snapshot!, state, tick, clock.label(tick)));
      }
      tick++;
      return true;
    },
    get done() {
      return sim.done;
    },
    state,
    result: () => ({
      replicate,
      seedKey: streamSeed({ family, seed: scenario.seed, replicate, name: '<stream>' }),
      series: sim.finish(),
      ...(scenario.output.agents && model.agents ? { agents: model.agents.records(state) } : {}),
      ...(snapshotAt.length > 0 ? { snapshots } : {}),
    }),
  };
}

/** Runs one replicate to the end: a pure function of (model, scenario, replicate, stream family). */
export function runReplicate(
  model: AnyModel,
  scenario: ScenarioBase,
  replicate: number,
  options: ReplicateOptions = {},
): ReplicateResult {
  const run = startReplicate(model, scenario, replicate, options);
  while (run.step());
  return run.result();
}
