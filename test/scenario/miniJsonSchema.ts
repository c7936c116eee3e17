/**
 * A tiny JSON Schema checker for the keywords scenarios/civsim.schema.json uses, so tests can check that
 * the published schema accepts and rejects what the loader does (without adding a validator dependency).
 * An unknown keyword throws: a constraint must never be skipped silently.
 */
type Schema = Record<string, unknown>;

const annotations = new Set(['$schema', '$id', 'title', 'description', 'default']);
const handled = new Set([
  'type',
  'properties',
  'additionalProperties',
  'required',
  'propertyNames',
  'items',
  'minItems',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'pattern',
  'minLength',
  'anyOf',
  'if',
  'then',
  'else',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Paths (JSON-pointer-like) of the values that break the schema; empty when the value is valid. */
export function jsonSchemaErrors(schema: Schema, value: unknown, at = ''): string[] {
  for (const key of Object.keys(schema)) {
    if (!annotations.has(key) && !handled.has(key))
      throw new Error(`miniJsonSchema: unsupported keyword ${key}`);
  }
  const errors: string[] = [];
  const fail = (why: string) => errors.push(`${at || '/'}: ${why}`);
  const type = typeOf(value);
  if (schema.type !== undefined) {
    const allowed = ([] as string[]).concat(schema.type as string | string[]);
    const matches = allowed.some((t) => t === type || (t === 'number' && type === 'integer'));
    if (!matches) return [`${at || '/'}: not ${allowed.join(' or ')}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) fail('not in enum');
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail('below minimum');
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail('above maximum');
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
      fail('not above exclusiveMinimum');
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum)
      fail('not below exclusiveMaximum');
    if (typeof schema.multipleOf === 'number' && value % schema.multipleOf !== 0) fail('not a multiple');
  }
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      fail('does not match pattern');
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) fail('too short');
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('too few items');
    if (schema.items)
      value.forEach((item, i) =>
        errors.push(...jsonSchemaErrors(schema.items as Schema, item, `${at}/${i}`)),
      );
  }
  if (type === 'object') {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) fail(`missing ${key}`);
    }
    for (const [key, child] of Object.entries(record)) {
      if (schema.propertyNames)
        errors.push(...jsonSchemaErrors(schema.propertyNames as Schema, key, `${at}/${key}`));
      if (Object.prototype.hasOwnProperty.call(properties, key))
        errors.push(...jsonSchemaErrors(properties[key], child, `${at}/${key}`));
      else if (schema.additionalProperties === false) fail(`unknown key ${key}`);
      else if (typeof schema.additionalProperties === 'object') {
        errors.push(...jsonSchemaErrors(schema.additionalProperties as Schema, child, `${at}/${key}`));
      }
    }
  }
  if (
    schema.anyOf &&
    !(schema.anyOf as Schema[]).some((option) => jsonSchemaErrors(option, value, at).length === 0)
  ) {
    fail('matches no anyOf option');
  }
  if (schema.if) {
    const branch = jsonSchemaErrors(schema.if as Schema, value, at).length === 0 ? schema.then : schema.else;
    if (branch) errors.push(...jsonSchemaErrors(branch as Schema, value, at));
  }
  return errors;
}
