/**
 * zod's issues, turned into one clear ScenarioIssue each: positioned in the source, with what was
 * expected in plain words (read from the schema, so both bounds of a range are named), what was written
 * and a hint (a did-you-mean, or what the field means). zod reports several unknown keys of one mapping
 * as one issue; here each unknown key becomes its own issue, positioned at the key.
 */
import type { z } from 'zod';
import { daysInMonth } from '../engine/calendar.ts';
import type { Rename } from '../models/definition.ts';
import { closestMatches, didYouMean } from './didYouMean.ts';
import { renameHint, renameOf, renameWords } from './renames.ts';
import { formatPath, showValue } from './issues.ts';
import type { PathSegment, ScenarioIssue } from './issues.ts';
import { keyOrigin, valueOrigin } from './positions.ts';
import type { SourceNode } from './positions.ts';
import {
  describeExpected,
  enumValues,
  isDateSchema,
  isNumberSchema,
  objectKeys,
  schemaAt,
  summaryOf,
} from './schemaInfo.ts';
import type { AnySchema } from './schemaInfo.ts';

export interface ZodIssueContext {
  /** The schema that produced the issues. */
  schema: AnySchema;
  /** The value it checked. */
  data: unknown;
  /** The source tree of the whole scenario, for positions. */
  source: SourceNode;
  /** Where `data` sits in the scenario (empty when it is the scenario itself). */
  prefix?: readonly PathSegment[];
  /** The model's renames, so an old name is answered with its new one. */
  renames?: readonly Rename[];
  /**
   * Keys the envelope gives some models only (`output.snapshots`: models with a grid), by dotted path,
   * each with why this model has none: said instead of a bare "unknown key".
   */
  absentKeys?: ReadonlyMap<string, { message: string; hint: string }>;
}

export function convertZodIssues(
  issues: readonly z.core.$ZodIssue[],
  context: ZodIssueContext,
): ScenarioIssue[] {
  return issues.flatMap((issue) => convertZodIssue(issue, context));
}

function convertZodIssue(issue: z.core.$ZodIssue, context: ZodIssueContext): ScenarioIssue[] {
  const prefix = context.prefix ?? [];
  const localPath = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  const path = [...prefix, ...localPath];
  if (issue.code === 'unrecognized_keys') {
    const allowed = objectKeys(schemaAt(context.schema, localPath));
    return issue.keys.map((key) => {
      const found = unknownKeyIssue(key, [...path, key], allowed, context.source);
      const rename = renameOf(context.renames, [...path, key].join('.'));
      const absent = context.absentKeys?.get([...path, key].join('.'));
      if (absent) {
        const { expected: _expected, ...rest } = found;
        return { ...rest, message: absent.message, hint: absent.hint };
      }
      return rename
        ? { ...found, message: `${found.path} ${renameWords(rename)}`, hint: renameHint(rename) }
        : found;
    });
  }
  const schema = schemaAt(context.schema, localPath);
  const { present, value } = valueAt(context.data, localPath);
  const expected = schema ? describeExpected(schema) : issue.message;
  const at = valueOrigin(context.source, path);
  const rename = typeof value === 'string' ? renameOf(context.renames, `metric:${value}`) : undefined;
  const hint = rename
    ? `the metric ${value} ${renameWords(rename)}; ${renameHint(rename)}`
    : schema
      ? hintFor(schema, present, value)
      : undefined;
  const base = { ...at, path: formatPath(path), expected, ...(hint ? { hint } : {}) };
  if (!present) return [{ ...base, message: `missing, expected ${expected}` }];
  const got = showValue(value);
  return [{ ...base, message: `expected ${expected}, got ${got}`, got }];
}

function unknownKeyIssue(
  key: string,
  path: readonly PathSegment[],
  allowed: readonly string[],
  source: SourceNode,
): ScenarioIssue {
  const suggestion = didYouMean(closestMatches(key, allowed));
  const listed = allowed.length > 0 ? `keys allowed here: ${allowed.join(', ')}` : undefined;
  const hint = suggestion ?? listed;
  return {
    ...keyOrigin(source, path),
    path: formatPath(path),
    message: `unknown key ${JSON.stringify(key)}`,
    ...(allowed.length > 0 ? { expected: `one of the keys ${allowed.join(', ')}` } : {}),
    got: key,
    ...(hint ? { hint } : {}),
  };
}

/** A hint that helps fix the value: a did-you-mean, a note on quoting, or what the field means. */
export function hintFor(schema: AnySchema, present: boolean, value: unknown): string | undefined {
  if (present && typeof value === 'string') {
    const options = enumValues(schema);
    if (options) {
      const suggestion = didYouMean(closestMatches(value, options));
      if (suggestion) return suggestion;
    }
    if (isNumberSchema(schema) && value.trim() !== '' && Number.isFinite(Number(value))) {
      return 'write the number without quotes';
    }
    if (isDateSchema(schema)) return impossibleDateHint(value) ?? 'e.g. 2004, 2004-06 or 2004-06-15';
    if (value === 'true' || value === 'false') return `write ${value} without quotes`;
  }
  return summaryOf(schema);
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** For a well-formed date that does not exist (2001-02-30): how many days its month has. */
function impossibleDateHint(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12) return undefined;
  return `there is no such day: ${monthNames[month - 1]} ${year} has ${daysInMonth(year, month)} days`;
}

/** The value at a path in plain data, and whether it is there at all. */
export function valueAt(data: unknown, path: readonly PathSegment[]): { present: boolean; value: unknown } {
  let current = data;
  for (const segment of path) {
    if (
      current === null ||
      typeof current !== 'object' ||
      !Object.prototype.hasOwnProperty.call(current, segment)
    ) {
      return { present: false, value: undefined };
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return { present: true, value: current };
}
