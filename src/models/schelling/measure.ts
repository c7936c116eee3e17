/** The Schelling model's metrics, measured at the start and after every step. */
import type { Recorder } from '../../engine/recorder.ts';
import type { TickContext } from '../../engine/simulation.ts';
import { metricMaker } from '../metricMaker.ts';
import type { MetricId } from './schema.ts';
import type { SchellingState } from './state.ts';

const metric = metricMaker<MetricId>('town');

export const metricDefinitions = [
  metric(
    'happy',
    'Happy',
    'share of households',
    'Share of households content with their neighbours (mesa: same-type share ≥ homophily, as Mesa’s pct_happy / 100; abmfc: at least minSimilar of their type), judged after the step.',
    [0, 1],
  ),
  metric(
    'segregation',
    'Segregation',
    'share of neighbours',
    'Mean, over households with at least one neighbour, of the share of their neighbours who are of their type (0.5 on a random mixed grid).',
    [0, 1],
  ),
  metric('moved', 'Moved', 'share of households', 'Share of households that moved in this step.', [0, 1]),
  metric('households', 'Households', 'households', 'Households on the grid (constant in a run).', [
    0,
    Infinity,
  ]),
] as const;

const slot = Object.fromEntries(metricDefinitions.map((m, i) => [m.id, i])) as Record<MetricId, number>;

/** Records the state after the step (or the initial state), as the step's judgement measured it (rules.ts: judge). */
export function measure(state: SchellingState, ctx: TickContext, recorder: Recorder): void {
  const n = state.type.length;
  recorder.record(ctx.tick, slot.happy, n === 0 ? Number.NaN : state.happyCount / n);
  recorder.record(ctx.tick, slot.segregation, state.segregation);
  recorder.record(ctx.tick, slot.moved, n === 0 ? 0 : state.moved / n);
  recorder.record(ctx.tick, slot.households, n);
}
