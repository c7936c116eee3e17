/**
 * The explorer's inputs, generated from a model's own scenario schema (zod): one per lever, and one per
 * other setting of the model's sections (population, grid, rule, parameters…), each with the bounds,
 * whole-number rule, choices, default, description, unit, sources and evidence tags the schema gives.
 * Nothing is listed by hand, so a new lever or a changed bound shows up in the explorer by itself.
 * Pure: no DOM.
 */
import { getPath, type Tree } from '../engine/paths.ts';
import type { AnyModel } from '../models/definition.ts';
import type { ScenarioBase, TimelineEvent } from '../scenario/envelope.ts';
import { scenarioSchemaFor } from '../scenario/modelSchemas.ts';
import {
  descriptionOf,
  describeExpected,
  enumValues,
  isDateSchema,
  isObjectSchema,
  numberBounds,
  objectKeys,
  schemaAt,
  unwrap,
  type AnySchema,
} from '../scenario/schemaInfo.ts';
import { z } from 'zod';

export type SettingValue = number | boolean | string;

export type InputKind = 'number' | 'integer' | 'choice' | 'switch';

/** One input of the explorer: a leaf of the scenario the user may change. */
export interface SettingInput {
  /** From the scenario's root: `levers.repression.level`, `population.thresholds.sd`. */
  path: string;
  /** The path within `levers` (what timeline events name), for levers only. */
  lever?: string;
  /** The top-level section: `levers`, `population`, `parameters`… */
  section: string;
  /** The path of the group it belongs to (`levers.repression`), or the section for a top-level leaf. */
  group: string;
  kind: InputKind;
  /** Bounds of a number (absent when unbounded on that side). */
  min?: number;
  max?: number;
  /** Whether a bound is itself allowed (`> 0` is not). */
  minInclusive: boolean;
  maxInclusive: boolean;
  /** A step that suits the range, for number inputs and sliders. */
  step?: number;
  /** The schema wants a multiple of this (e.g. an even degree). */
  multipleOf?: number;
  /** The allowed values of a choice. */
  options?: readonly string[];
  /** The value the scenario starts with. */
  value: SettingValue;
  /** The schema's default (what a scenario that leaves the key out gets), if it has one. */
  defaultValue?: SettingValue;
  /** The schema's description, with the evidence tags taken out. */
  description: string;
  /** What a value must be, in plain words ("a share between 0 and 1"). */
  expected: string;
  /** The unit, when the schema says it (`currency/year`, `per million citizens`, `share`). */
  unit?: string;
  /** The works cited in the description (`Diachenko 2007`). */
  sources: string[];
  /** The evidence tags of the description (`V`, `A`, `M`, `V for the mechanism, A for the rate`). */
  evidence: string[];
  /** Timeline events that set or ramp this lever (a changed lever holds, and those are dropped). */
  timelineChanges: number;
}

/** A share: a number from 0 to 1 that is not a whole number. */
function isShare(bounds: ReturnType<typeof numberBounds>): boolean {
  return !!bounds && !bounds.whole && bounds.min === 0 && bounds.max === 1 && bounds.maxInclusive;
}

/** The unit a description names, or `share` for a number from 0 to 1. */
export function unitOf(description: string, schema: AnySchema): string | undefined {
  const named = [
    /\bcurrency\/year\b/,
    /\bcurrency units\b/,
    /\bper million citizens\b/,
    /\bper NGO per year\b/,
    /\bper 10,000 citizens\b/,
  ]
    .map((pattern) => pattern.exec(description)?.[0])
    .find(Boolean);
  if (named) return named === 'currency units' ? 'currency' : named;
  return isShare(numberBounds(schema)) ? 'share' : undefined;
}

/** Works cited in parentheses with a year: `(Diachenko 2007; ICNL 2024)` → both. */
export function sourcesOf(description: string): string[] {
  const out: string[] = [];
  for (const match of description.matchAll(/\(([^()]*\b(1[89]|20)\d\d\b[^()]*)\)/g)) {
    for (const part of match[1].split(';')) {
      const source = part.trim();
      if (/\b(1[89]|20)\d\d\b/.test(source) && /[A-Za-z]/.test(source) && !out.includes(source))
        out.push(source);
    }
  }
  return out;
}

/** Evidence tags in square brackets (`[V]`, `[A]`), in order, each once. */
export function evidenceOf(description: string): string[] {
  const tags = [...description.matchAll(/\[([^\]]{1,60})\]/g)].map((m) => m[1].trim());
  return [...new Set(tags)];
}

/** A description without its evidence tags. */
export function withoutTags(description: string): string {
  return description
    .replace(/\s*\[[^\]]{1,60}\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A step for an input of this range: 0.01 for shares, 1 for whole numbers, else `any`. */
function stepFor(bounds: NonNullable<ReturnType<typeof numberBounds>>): number | undefined {
  if (bounds.multipleOf !== undefined) return bounds.multipleOf;
  if (bounds.whole) return 1;
  if (bounds.min !== undefined && bounds.max !== undefined && bounds.max - bounds.min <= 2) return 0.01;
  return undefined;
}

/** How many timeline events set or ramp a lever. */
export function timelineChangesOf(timeline: readonly TimelineEvent[], lever: string): number {
  let n = 0;
  for (const event of timeline) {
    if (event.set && Object.prototype.hasOwnProperty.call(event.set, lever)) n++;
    if (event.ramp && Object.prototype.hasOwnProperty.call(event.ramp, lever)) n++;
  }
  return n;
}

/** The schema's default for a leaf (what parsing a missing value gives), if any. */
function defaultOf(schema: AnySchema): SettingValue | undefined {
  const parsed = (schema as z.ZodType).safeParse(undefined);
  const value: unknown = parsed.success ? parsed.data : undefined;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string'
    ? value
    : undefined;
}

/** The input of one leaf, or undefined when the explorer has no input for its kind (text, lists). */
function inputOf(
  path: string,
  schema: AnySchema,
  scenario: ScenarioBase,
  section: string,
): SettingInput | undefined {
  const value = getPath(scenario as unknown as Tree, path);
  if (typeof value !== 'number' && typeof value !== 'boolean' && typeof value !== 'string') return undefined;
  const inner = unwrap(schema);
  if (isDateSchema(inner)) return undefined;
  const rawDescription = descriptionOf(schema) ?? '';
  const segments = path.split('.');
  const lever = section === 'levers' ? segments.slice(1).join('.') : undefined;
  const base = {
    path,
    ...(lever ? { lever } : {}),
    section,
    group: segments.length > 2 ? segments.slice(0, -1).join('.') : section,
    value,
    description: withoutTags(rawDescription),
    expected: describeExpected(schema),
    sources: sourcesOf(rawDescription),
    evidence: evidenceOf(rawDescription),
    timelineChanges: lever ? timelineChangesOf(scenario.timeline, lever) : 0,
    minInclusive: true,
    maxInclusive: true,
  };
  const defaultValue = defaultOf(schema);
  const withDefault = defaultValue === undefined ? {} : { defaultValue };
  const unit = unitOf(rawDescription, schema);
  if (inner instanceof z.ZodNumber && typeof value === 'number') {
    const bounds = numberBounds(inner)!;
    const step = stepFor(bounds);
    return {
      ...base,
      ...withDefault,
      kind: bounds.whole ? 'integer' : 'number',
      ...(bounds.min !== undefined ? { min: bounds.min } : {}),
      ...(bounds.max !== undefined ? { max: bounds.max } : {}),
      minInclusive: bounds.minInclusive,
      maxInclusive: bounds.maxInclusive,
      ...(step !== undefined ? { step } : {}),
      ...(bounds.multipleOf !== undefined ? { multipleOf: bounds.multipleOf } : {}),
      ...(unit ? { unit } : {}),
    };
  }
  if (inner instanceof z.ZodBoolean && typeof value === 'boolean') {
    return { ...base, ...withDefault, kind: 'switch' };
  }
  const options = enumValues(inner);
  if (options && typeof value === 'string') return { ...base, ...withDefault, kind: 'choice', options };
  return undefined;
}

/** Sections whose values are not the model's settings (text and lists of the envelope). */
const notSettings = new Set(['currency']);

/**
 * Every input of a scenario of this model: the levers first (in schema order), then the other sections
 * of the model in the order the model declares them. Leaves the scenario lacks (optional values left
 * out), texts, dates and lists get no input.
 */
export function settingInputs(model: AnyModel, scenario: ScenarioBase): SettingInput[] {
  const schema = scenarioSchemaFor(model) as unknown as AnySchema;
  const sections = Object.keys(model.sections).filter((key) => !notSettings.has(key));
  sections.sort((a, b) => (a === 'levers' ? -1 : b === 'levers' ? 1 : 0));
  const out: SettingInput[] = [];
  const walk = (node: AnySchema, path: string, section: string) => {
    if (isObjectSchema(node)) {
      for (const key of objectKeys(node)) walk(schemaAt(node, [key])!, `${path}.${key}`, section);
      return;
    }
    const input = inputOf(path, node, scenario, section);
    if (input) out.push(input);
  };
  for (const section of sections) {
    const node = schemaAt(schema, [section]);
    if (node) walk(node, section, section);
  }
  return out;
}

/** Inputs by path. */
export function inputsByPath(inputs: readonly SettingInput[]): ReadonlyMap<string, SettingInput> {
  return new Map(inputs.map((input) => [input.path, input]));
}
