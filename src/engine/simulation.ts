/**
 * The tick loop: on each monthly tick the schedule applies its dated changes, then the model's phases run
 * in their explicit order, then the model measures its metrics into the recorder.
 */
import type { Calendar } from './calendar.ts';
import type { Tree } from './paths.ts';
import type { RecordedSeries, Recorder } from './recorder.ts';
import type { FiredAction, Schedule } from './schedule.ts';

export interface TickContext {
  tick: number;
  calendar: Calendar;
  /** One-off actions fired on this tick, in the order written. */
  actions: FiredAction[];
}

export interface Phase<S> {
  name: string;
  run(state: S, ctx: TickContext): void;
}

export interface SimulationSpec<S> {
  calendar: Calendar;
  schedule: Schedule;
  /** The tree of parameters that the schedule changes (the model reads it every tick). */
  params: Tree;
  phases: readonly Phase<S>[];
  recorder: Recorder;
  measure(state: S, ctx: TickContext, recorder: Recorder): void;
  /** Called after each tick, e.g. for progress. */
  onTick?(tick: number, ticks: number): void;
}

export function simulate<S>(state: S, spec: SimulationSpec<S>): RecordedSeries {
  const { calendar, schedule, params, phases, recorder } = spec;
  const ctx: TickContext = { tick: 0, calendar, actions: [] };
  for (let tick = 0; tick < calendar.ticks; tick++) {
    ctx.tick = tick;
    ctx.actions = schedule.apply(tick, params);
    for (const phase of phases) phase.run(state, ctx);
    spec.measure(state, ctx, recorder);
    spec.onTick?.(tick, calendar.ticks);
  }
  return recorder.finish();
}
