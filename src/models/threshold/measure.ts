/** The threshold model's metrics, each a share of the population, measured after every step. */
import type { Recorder } from '../../engine/recorder.ts';
import type { TickContext } from '../../engine/simulation.ts';
import { metricMaker } from '../metricMaker.ts';
import type { MetricId } from './schema.ts';
import type { ThresholdState } from './state.ts';

const metric = metricMaker<MetricId>('crowd');
const share = (id: MetricId, label: string, description: string) =>
  metric(id, label, 'share of agents', description, [0, 1]);

export const metricDefinitions = [
  share('participation', 'Acting', 'Share of agents who act (riot, protest, join).'),
  share('joined', 'Joined', 'Share of agents who started acting in this step.'),
  share('left', 'Left', 'Share of agents who stopped acting in this step (reversible crowds only).'),
  share('instigators', 'Instigators', 'Share of agents who act whatever the others do.'),
] as const;

/** Each metric's column in the recorder (the runner records the model's metrics in this order). */
const slot = Object.fromEntries(metricDefinitions.map((m, i) => [m.id, i])) as Record<MetricId, number>;

export function measure(state: ThresholdState, ctx: TickContext, recorder: Recorder): void {
  const n = state.active.length;
  recorder.record(ctx.tick, slot.participation, state.acting / n);
  recorder.record(ctx.tick, slot.joined, state.joined / n);
  recorder.record(ctx.tick, slot.left, state.left / n);
  recorder.record(ctx.tick, slot.instigators, state.forced / n);
}
