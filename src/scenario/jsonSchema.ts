/**
 * The published JSON Schema of scenario files (scenarios/civsim.schema.json), generated from the zod
 * schema so editors offer completion and inline docs for exactly what the loader accepts.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

export const scenarioJsonSchemaId = 'urn:civsim:scenario-schema';

/** Keys a complete scenario needs; a file with `extends` may leave them to its base. */
function requiredKeys(schema: Record<string, unknown>): string[] {
  return Array.isArray(schema.required) ? (schema.required as string[]) : [];
}

/**
 * JSON Schema (draft-07: the draft editors' YAML and JSON language servers support best) of a scenario
 * file as written, i.e. zod's input side: keys with defaults are optional and show their defaults.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-07' }) as Record<
    string,
    unknown
  >;
  const { $schema, required: _required, ...rest } = generated;
  return {
    $schema,
    $id: scenarioJsonSchemaId,
    title: 'civsim scenario',
    ...rest,
    // a variant that `extends` a base gets name, start and end from it, so only require them otherwise
    if: { required: ['extends'] },
    else: { required: requiredKeys(generated) },
  };
}

/** The schema file's exact text: what `npm run schema` writes and a test compares with the committed file. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
