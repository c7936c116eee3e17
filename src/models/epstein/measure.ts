/** The Epstein model's metrics, measured at the start and after every step. */
import type { Recorder } from '../../engine/recorder.ts';
import type { TickContext } from '../../engine/simulation.ts';
import { metricMaker } from '../metricMaker.ts';
import type { MetricId } from './schema.ts';
import { ACTIVE, type EpsteinState, JAILED } from './state.ts';

const metric = metricMaker<MetricId>('street');

export const metricDefinitions = [
  metric(
    'active',
    'Active rebels',
    'citizens',
    'Citizens openly rebelling after the step (Mesa: state ACTIVE; NetLogo: active?).',
    [0, Infinity],
  ),
  metric(
    'quiet',
    'Quiet',
    'citizens',
    'Citizens free and not rebelling (Mesa: state QUIET; NetLogo: not active and jail term 0).',
    [0, Infinity],
  ),
  metric(
    'jailed',
    'Jailed',
    'citizens',
    'Citizens in jail (Mesa: state ARRESTED, until their first activation after the sentence; NetLogo: jail term > 0).',
    [0, Infinity],
  ),
  metric('arrests', 'Arrests', 'citizens', 'Arrests made by the cops in this step.', [0, Infinity]),
  metric(
    'legitimacy',
    'Legitimacy',
    'share',
    'The regime’s legitimacy in force during the step (the lever, as the timeline sets it).',
    [0, 1],
  ),
] as const;

const slot = Object.fromEntries(metricDefinitions.map((m, i) => [m.id, i])) as Record<MetricId, number>;

export function measure(state: EpsteinState, ctx: TickContext, recorder: Recorder): void {
  const { isCop, status } = state;
  let active = 0;
  let jailed = 0;
  for (let a = 0; a < status.length; a++) {
    if (isCop[a] === 1) continue;
    if (status[a] === ACTIVE) active++;
    else if (status[a] === JAILED) jailed++;
  }
  recorder.record(ctx.tick, slot.active, active);
  recorder.record(ctx.tick, slot.quiet, state.citizens - active - jailed);
  recorder.record(ctx.tick, slot.jailed, jailed);
  recorder.record(ctx.tick, slot.arrests, state.arrested);
  recorder.record(ctx.tick, slot.legitimacy, state.levers.legitimacy);
}
