/**
 * The user's changes to a scenario (path → value), checked and applied as a sweep applies a design
 * point: each value must be one the schema allows at that path (the same bounds as in a file), a changed
 * lever holds for the whole run — the timeline's own changes to it are dropped and counted — and the
 * scenario with the changes is validated again as a whole. Changes come from inputs and from shared
 * URLs, so they are untrusted: unknown paths, wrong types and values out of range are refused with a
 * message, never set. Pure.
 */
import { setPath, type Tree } from '../engine/paths.ts';
import type { AnyModel } from '../models/definition.ts';
import type { ScenarioBase, TimelineEvent } from '../scenario/envelope.ts';
import { scenarioSchemaFor } from '../scenario/modelSchemas.ts';
import { schemaAt, type AnySchema } from '../scenario/schemaInfo.ts';
import type { z } from 'zod';
import type { SettingInput, SettingValue } from './inputs.ts';

export type Changes = Readonly<Record<string, SettingValue>>;

/** A change that cannot be applied, in words a user can act on. */
export interface ChangeProblem {
  path: string;
  message: string;
}

export interface AppliedChanges<S extends ScenarioBase = ScenarioBase> {
  /** The scenario with every acceptable change (the base scenario when there are none). */
  scenario: S;
  /** Per changed lever: timeline set/ramp entries dropped because the lever holds the user's value. */
  dropped: Record<string, number>;
  problems: ChangeProblem[];
}

/** A value shown in a message: text quoted and cut short, anything else as JSON. */
export function shown(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return JSON.stringify(cut);
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/**
 * The value as the input's kind wants it, or undefined when it cannot be one: a URL gives `1` for a
 * choice named "1" and text for everything, so numbers and words are told apart here.
 */
export function coerceValue(input: SettingInput, value: SettingValue): SettingValue | undefined {
  switch (input.kind) {
    case 'number':
    case 'integer': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? strictNumber(value) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'switch':
      if (typeof value === 'boolean') return value;
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'choice':
      return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  }
}

/** A number written plainly (`0.25`, `-3`, `1e6`); anything else (``, `0x10`, ` 1`) is NaN. */
export function strictNumber(text: string): number {
  return /^-?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
}

/** Drops the timeline's changes to the given levers; returns the timeline and the count per lever. */
function holdLevers(
  timeline: readonly TimelineEvent[],
  levers: readonly string[],
): { timeline: TimelineEvent[]; dropped: Record<string, number> } {
  const dropped: Record<string, number> = Object.fromEntries(levers.map((l) => [l, 0]));
  const out: TimelineEvent[] = [];
  for (const original of timeline) {
    const event = { ...original };
    let changed = false;
    for (const lever of levers) {
      if (event.set && Object.prototype.hasOwnProperty.call(event.set, lever)) {
        const { [lever]: _, ...rest } = event.set;
        event.set = rest;
        dropped[lever]++;
        changed = true;
      }
      if (event.ramp && Object.prototype.hasOwnProperty.call(event.ramp, lever)) {
        const { [lever]: _, ...rest } = event.ramp;
        event.ramp = rest;
        dropped[lever]++;
        changed = true;
      }
    }
    const empty = (r: Record<string, unknown> | undefined) => r === undefined || Object.keys(r).length === 0;
    // an event left with nothing to do goes, so charts do not mark it
    if (changed && event.action === undefined && empty(event.set) && empty(event.ramp)) continue;
    out.push(event);
  }
  return { timeline: out, dropped };
}

/** Checks one change against its input and the schema; the value to set, or a problem. */
export function checkChange(
  model: AnyModel,
  inputs: ReadonlyMap<string, SettingInput>,
  path: string,
  value: SettingValue,
): { value: SettingValue } | { problem: ChangeProblem } {
  const input = inputs.get(path);
  if (!input) {
    return { problem: { path, message: `${path} is not a setting of the ${model.id} model's scenarios` } };
  }
  const coerced = coerceValue(input, value);
  const leaf = schemaAt(scenarioSchemaFor(model) as unknown as AnySchema, path.split('.'));
  const parsed = coerced === undefined || !leaf ? undefined : (leaf as z.ZodType).safeParse(coerced);
  if (coerced === undefined || !parsed?.success) {
    return { problem: { path, message: `${path}: expected ${input.expected}, got ${shown(value)}` } };
  }
  return { value: coerced };
}

/**
 * Applies changes to a copy of the scenario. Changes that fail their check are left out and reported;
 * if the scenario with the rest fails the whole-scenario check (a rule across values), none is applied.
 */
export function applyChanges<S extends ScenarioBase>(
  model: AnyModel,
  scenario: S,
  inputs: ReadonlyMap<string, SettingInput>,
  changes: Changes,
): AppliedChanges<S> {
  const problems: ChangeProblem[] = [];
  const accepted: [string, SettingValue][] = [];
  for (const [path, value] of Object.entries(changes)) {
    const checked = checkChange(model, inputs, path, value);
    if ('problem' in checked) problems.push(checked.problem);
    else accepted.push([path, checked.value]);
  }
  if (accepted.length === 0) return { scenario, dropped: {}, problems };
  const out = structuredClone(scenario) as S;
  for (const [path, value] of accepted) setPath(out as unknown as Tree, path, value);
  const levers = accepted.map(([path]) => inputs.get(path)!.lever).filter((l): l is string => !!l);
  const held = holdLevers(out.timeline, levers);
  (out as unknown as { timeline: TimelineEvent[] }).timeline = held.timeline;

  const whole = scenarioSchemaFor(model).safeParse(out);
  const across: ChangeProblem[] = [];
  if (whole.success) {
    model.check?.(out as unknown as Record<string, unknown>, (path, fields) =>
      across.push({ path: path.join('.'), message: `${path.join('.')}: ${fields.message}` }),
    );
  } else {
    for (const issue of whole.error.issues.slice(0, 5)) {
      const path = issue.path.join('.');
      across.push({ path, message: `${path}: ${issue.message}` });
    }
  }
  if (across.length > 0) return { scenario, dropped: {}, problems: [...problems, ...across] };
  const dropped: Record<string, number> = {};
  for (const [path] of accepted) {
    const lever = inputs.get(path)!.lever;
    if (lever) dropped[path] = held.dropped[lever];
  }
  return { scenario: out, dropped, problems };
}
