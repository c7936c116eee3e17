/**
 * The tick loop: on each tick the schedule applies its dated changes, then the model's phases run in
 * their explicit order, then the model measures its metrics into the recorder. On a clock that measures
 * the initial state (step models), tick 0 is that measurement alone.
 */
import type { Clock } from './clock.ts';
import type { Tree } from './paths.ts';
import type { RecordedSeries, Recorder } from './recorder.ts';
import type { FiredAction, Schedule } from './schedule.ts';

export interface TickContext {
  tick: number;
  clock: Clock;
  /** One-off actions fired on this tick, in the order written. */
  actions: FiredAction[];
}

export interface Phase<S> {
  name: string;
  run(state: S, ctx: TickContext): void;
  /**
   * The fields of the model's shared state (its blackboard) this phase reads and writes: documentation
   * that a model's tests check against what the phase really touches, so ownership stays visible.
   */
  reads?: readonly string[];
  writes?: readonly string[];
}

export interface SimulationSpec<S> {
  clock: Clock;
  schedule: Schedule;
  /** The tree of parameters that the schedule changes (the model reads it every tick). */
  params: Tree;
  phases: readonly Phase<S>[];
  recorder: Recorder;
  measure(state: S, ctx: TickContext, recorder: Recorder): void;
  /** Called after each tick, e.g. for progress. */
  onTick?(tick: number, ticks: number): void;
}

/** A simulation advanced one tick at a time (so a caller can yield, report progress or stop between ticks). */
export class Simulation<S> {
  private tick = 0;
  private readonly ctx: TickContext;

  constructor(
    readonly state: S,
    private readonly spec: SimulationSpec<S>,
  ) {
    this.ctx = { tick: 0, clock: spec.clock, actions: [] };
  }

  get done(): boolean {
    return this.tick >= this.spec.clock.ticks;
  }

  /** Runs the next tick; returns false when there was none left. */
  step(): boolean {
    if (this.done) return false;
    const { spec, ctx } = this;
    ctx.tick = this.tick;
    ctx.actions = spec.schedule.apply(this.tick, spec.params);
    if (this.tick > 0 || !spec.clock.measuresInitialState) {
      for (const phase of spec.phases) phase.run(this.state, ctx);
    }
    spec.measure(this.state, ctx, spec.recorder);
    spec.onTick?.(this.tick, spec.clock.ticks);
    this.tick++;
    return true;
  }

  /** The recorded series (call when done). */
  finish(): RecordedSeries {
    return this.spec.recorder.finish();
  }
}

/** Runs every tick and returns the recorded series. */
export function simulate<S>(state: S, spec: SimulationSpec<S>): RecordedSeries {
  const sim = new Simulation(state, spec);
  while (sim.step());
  return sim.finish();
}
