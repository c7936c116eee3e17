/** The platform's replicate runner, bound to the civil-society model, for the model's tests. */
import type { Calendar } from '../../../src/engine/calendar.ts';
import { civilSociety } from '../../../src/models/civil-society/index.ts';
import type { Scenario } from '../../../src/models/civil-society/schema.ts';
import {
  runReplicate as runAnyReplicate,
  scheduleOf as anyScheduleOf,
  type ReplicateOptions,
  type ReplicateResult,
} from '../../../src/run/replicate.ts';

export type { ReplicateResult } from '../../../src/run/replicate.ts';

export function runReplicate(
  scenario: Scenario,
  replicate: number,
  options: ReplicateOptions = {},
): ReplicateResult {
  return runAnyReplicate(civilSociety, scenario, replicate, options);
}

export function scheduleOf(scenario: Scenario, calendar: Calendar) {
  return anyScheduleOf(scenario, calendar);
}
