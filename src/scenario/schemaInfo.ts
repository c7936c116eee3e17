/**
 * Reading the zod schema itself: which keys a mapping allows, what sits at a path, what a value must be
 * in plain words ("a share between 0 and 1") and what a field means. Error messages and lever paths are
 * derived from the one schema this way instead of from hand-kept lists that could drift from it.
 * (All knowledge of zod's internals is kept in this file.)
 */
import { z } from 'zod';
import type { PathSegment } from './issues.ts';
import { dateSchema } from './schemaParts.ts';

export type AnySchema = z.core.$ZodType;

/** The schema inside default/prefault/optional wrappers (which only matter when a value is absent). */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  while (
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPrefault ||
    current instanceof z.ZodOptional
  ) {
    current = current.unwrap() as AnySchema;
  }
  return current;
}

/** The schema that validates the value at `path` below `schema`; undefined if the path leads nowhere. */
export function schemaAt(schema: AnySchema, path: readonly PathSegment[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    const inner: AnySchema = unwrap(current);
    if (inner instanceof z.ZodObject) {
      const shape = inner.shape as Record<string, AnySchema>;
      current = Object.prototype.hasOwnProperty.call(shape, segment) ? shape[segment] : undefined;
    } else if (inner instanceof z.ZodArray && typeof segment === 'number') {
      current = inner.element as AnySchema;
    } else if (inner instanceof z.ZodRecord) {
      current = inner.valueType as AnySchema;
    } else {
      current = undefined;
    }
  }
  return current;
}

/** Keys allowed in the mapping described by `schema` (empty if it is not an object schema). */
export function objectKeys(schema: AnySchema | undefined): string[] {
  const inner = schema && unwrap(schema);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/** Is this an object schema (whose fields are described one by one), as opposed to a leaf value? */
export function isObjectSchema(schema: AnySchema): boolean {
  return unwrap(schema) instanceof z.ZodObject;
}

export function isNumberSchema(schema: AnySchema): boolean {
  return unwrap(schema) instanceof z.ZodNumber;
}

export function isDateSchema(schema: AnySchema): boolean {
  const inner = unwrap(schema);
  return inner instanceof z.ZodUnion && inner.options[0] === dateSchema.options[0];
}

/** The allowed values of an enum schema, else undefined. */
export function enumValues(schema: AnySchema): string[] | undefined {
  const inner = unwrap(schema);
  return inner instanceof z.ZodEnum ? (inner.options as string[]) : undefined;
}

/** The field's documentation (`.describe()`), from the outermost wrapper that has one. */
export function descriptionOf(schema: AnySchema): string | undefined {
  let current: AnySchema = schema;
  for (;;) {
    const description = z.globalRegistry.get(current)?.description;
    if (description) return description;
    if (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodOptional
    ) {
      current = current.unwrap() as AnySchema;
    } else {
      return undefined;
    }
  }
}

/**
 * The first sentence of a field's documentation, without the evidence tags ([V], [A], …) the schema
 * uses for sources: short enough for a hint line.
 */
export function summaryOf(schema: AnySchema): string | undefined {
  const description = descriptionOf(schema);
  if (!description) return undefined;
  const first = /^(.*?[.!?])(?=\s+[A-Z(]|$)/s.exec(description)?.[1] ?? description;
  return first.replace(/\s*\[[^\]]*\]/g, '').trim();
}

interface CheckDef {
  check?: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
  error?: (issue: unknown) => unknown;
}

function checksOf(schema: AnySchema): CheckDef[] {
  const checks = (schema._zod.def as { checks?: { _zod: { def: unknown } }[] }).checks ?? [];
  return checks.map((check) => check._zod.def as CheckDef);
}

const maxListedOptions = 8;

/** What a value at this place must be, in plain words: "a number ≥ 0", "one of none, disclosure, …". */
export function describeExpected(schema: AnySchema): string {
  const inner = unwrap(schema);
  if (isDateSchema(inner)) return 'a date written YYYY, YYYY-MM or YYYY-MM-DD';
  if (inner instanceof z.ZodNumber) return describeNumber(inner);
  if (inner instanceof z.ZodString) return describeString(inner);
  if (inner instanceof z.ZodBoolean) return 'true or false';
  if (inner instanceof z.ZodEnum) return describeOptions(inner.options as string[]);
  if (inner instanceof z.ZodArray) {
    const min = checksOf(inner).find((c) => c.check === 'min_length')?.minimum ?? 0;
    const max = checksOf(inner).find((c) => c.check === 'max_length')?.maximum;
    const items = (n: number) => `${n.toLocaleString('en-US')} item${n === 1 ? '' : 's'}`;
    if (max !== undefined)
      return min > 0 ? `a list of ${min} to ${items(max)}` : `a list of at most ${items(max)}`;
    return min > 0 ? `a list of at least ${items(min)}` : 'a list';
  }
  if (inner instanceof z.ZodObject || inner instanceof z.ZodRecord) return 'a mapping (key: value lines)';
  if (inner instanceof z.ZodUnion)
    return joinAlternatives((inner.options as AnySchema[]).map(describeExpected));
  return 'a valid value';
}

function describeOptions(options: readonly string[]): string {
  if (options.length <= maxListedOptions) return `one of ${options.join(', ')}`;
  return `one of ${options.length} names (${options.slice(0, 4).join(', ')}, …)`;
}

function joinAlternatives(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? 'a valid value';
  // "a number, true or false, or text": the extra comma keeps an "or" inside a part readable
  const last = parts.some((part) => part.includes(' or ')) ? ', or ' : ' or ';
  return `${parts.slice(0, -1).join(', ')}${last}${parts[parts.length - 1]}`;
}

/** The limits a number schema sets (undefined when it is not a number schema). */
export interface NumberBounds {
  min?: number;
  minInclusive: boolean;
  max?: number;
  maxInclusive: boolean;
  whole: boolean;
  multipleOf?: number;
}

export function numberBounds(schema: AnySchema): NumberBounds | undefined {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodNumber)) return undefined;
  const bounds: NumberBounds = { minInclusive: true, maxInclusive: true, whole: false };
  for (const check of checksOf(inner)) {
    if (check.check === 'greater_than') {
      bounds.min = check.value;
      bounds.minInclusive = check.inclusive ?? true;
    } else if (check.check === 'less_than') {
      bounds.max = check.value;
      bounds.maxInclusive = check.inclusive ?? true;
    } else if (check.check === 'multiple_of') {
      bounds.multipleOf = check.value;
    } else if (check.check === 'number_format' && /int/.test(check.format ?? '')) {
      bounds.whole = true;
    }
  }
  return bounds;
}

/** A bound as people read it: 50,000,000 with separators, 1e15 for the very large. */
export function formatBound(value: number): string {
  const magnitude = Math.abs(value);
  const exponential = value.toExponential();
  if (magnitude >= 1e9 && /^-?\d(\.\d{1,2})?e/.test(exponential)) return exponential.replace('e+', 'e');
  if (magnitude >= 10_000 && Number.isInteger(value)) {
    return `${value < 0 ? '−' : ''}${String(magnitude).replace(/\B(?=(\d{3})+$)/g, ',')}`;
  }
  return value < 0 ? `−${-value}` : String(value);
}

function describeNumber(schema: AnySchema): string {
  const { min, minInclusive, max, maxInclusive, whole, multipleOf } = numberBounds(schema) as NumberBounds;
  let noun = whole ? 'whole number' : 'number';
  if (multipleOf === 2 && whole) noun = `even ${noun}`;
  else if (multipleOf !== undefined) noun = `${noun} that is a multiple of ${multipleOf}`;
  const article = /^[aeiou]/.test(noun) ? 'an' : 'a';
  if (!whole && min === 0 && minInclusive && max === 1 && maxInclusive) return 'a share between 0 and 1';
  if (min !== undefined && max !== undefined && minInclusive && maxInclusive) {
    return `${article} ${noun} between ${formatBound(min)} and ${formatBound(max)}`;
  }
  const bounds = [
    min !== undefined ? `${minInclusive ? '≥' : '>'} ${formatBound(min)}` : undefined,
    max !== undefined ? `${maxInclusive ? '≤' : '<'} ${formatBound(max)}` : undefined,
  ].filter(Boolean);
  return bounds.length ? `${article} ${noun} ${bounds.join(' and ')}` : `${article} ${noun}`;
}

function describeString(schema: AnySchema): string {
  const checks = checksOf(schema);
  const max = (checks.find((c) => c.check === 'max_length') as { maximum?: number } | undefined)?.maximum;
  const atMost = max === undefined ? '' : ` of at most ${formatBound(max)} characters`;
  for (const check of checks) {
    if (check.check === 'string_format' && check.format === 'regex') {
      // the schema words its patterns as custom messages ("a name of lower-case letters, …")
      const message = safeCall(check.error);
      return message
        ? `${message}${max === undefined ? '' : ` (at most ${formatBound(max)} characters)`}`
        : `text matching ${check.pattern}${atMost}`;
    }
  }
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  return `${min > 0 ? 'non-empty text' : 'text'}${atMost}`;
}

function safeCall(error: CheckDef['error']): string | undefined {
  try {
    const result = error?.({ code: 'invalid_format' });
    if (typeof result === 'string') return result;
    if (
      result &&
      typeof result === 'object' &&
      typeof (result as { message?: unknown }).message === 'string'
    ) {
      return (result as { message: string }).message;
    }
  } catch {
    // no custom message
  }
  return undefined;
}

/** Does this number schema want a whole number (`.int()`)? */
export function isIntegerSchema(schema: AnySchema): boolean {
  const inner = unwrap(schema);
  return inner instanceof z.ZodNumber && inner.isInt;
}
