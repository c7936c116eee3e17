/**
 * The published JSON Schemas of scenario files, generated from the zod schemas so editors offer
 * completion and inline docs for exactly what the loader accepts: one per model
 * (scenarios/schemas/<model>.schema.json) and scenarios/civsim.schema.json, which holds them all and
 * picks one by the file's `model:` key. The keys of a timeline event's `set` and `ramp` are typed: an
 * editor completes lever paths (`ministries.socialOrder`) and checks each value against its lever.
 */
import { z } from 'zod';
import type { AnyModel } from '../models/definition.ts';
import { defaultModelId } from './envelope.ts';
import { leversOf, scenarioSchemaFor } from './modelSchemas.ts';
import { isNumberSchema, type AnySchema } from './schemaInfo.ts';

export const scenarioJsonSchemaId = 'urn:civsim:scenario-schema';
const draft = 'http://json-schema.org/draft-07/schema#';

type Json = Record<string, unknown>;

/** Keys a complete scenario needs; a file with `extends` may leave them to its base. */
function requiredKeys(schema: Json): string[] {
  return Array.isArray(schema.required) ? (schema.required as string[]) : [];
}

/** A lever's own JSON Schema (a default, if any, shown as the editor's hint). */
function leverJsonSchema(schema: AnySchema): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema as z.ZodType, {
    io: 'input',
    target: 'draft-07',
  }) as Json;
  return rest;
}

/** `set`/`ramp` as mappings whose keys are the model's lever paths, each with its lever's schema. */
function typedLeverMaps(model: AnyModel, timelineItem: Json): void {
  const properties = timelineItem.properties as Record<string, Json> | undefined;
  if (!properties) return;
  const levers = leversOf(model);
  for (const kind of ['set', 'ramp'] as const) {
    const node = properties[kind];
    if (!node) continue;
    const entries = levers.paths
      .filter((path) => kind === 'set' || isNumberSchema(levers.schemas.get(path)!))
      .map((path) => [path, leverJsonSchema(levers.schemas.get(path)!)] as const);
    properties[kind] = {
      type: 'object',
      description: node.description,
      properties: Object.fromEntries(entries),
      additionalProperties: false,
    };
  }
}

/**
 * JSON Schema (draft-07: the draft editors' YAML and JSON language servers support best) of one model's
 * scenario file as written, i.e. zod's input side: keys with defaults are optional and show their defaults.
 */
export function modelJsonSchema(model: AnyModel): Json {
  const generated = z.toJSONSchema(scenarioSchemaFor(model), { io: 'input', target: 'draft-07' }) as Json;
  const { $schema: _schema, required: _required, ...rest } = generated;
  const timeline = (rest.properties as Record<string, Json>).timeline;
  typedLeverMaps(model, timeline.items as Json);
  return {
    title: `civsim scenario of the ${model.id} model`,
    ...rest,
    // a variant that `extends` a base gets name and period from it, so only require them otherwise
    if: { required: ['extends'] },
    else: { required: requiredKeys(generated) },
  };
}

/** One model's schema file (scenarios/schemas/<model>.schema.json), standing alone. */
export function modelJsonSchemaFile(model: AnyModel): Json {
  return { $schema: draft, $id: `urn:civsim:scenario-schema:${model.id}`, ...modelJsonSchema(model) };
}

/** scenarios/civsim.schema.json: every model's schema, chosen by `model:` (default the civil-society one). */
export function scenarioJsonSchema(models: readonly AnyModel[]): Json {
  const others = models.filter((m) => m.id !== defaultModelId).map((m) => m.id);
  const byModel = (id: string) => ({
    type: 'object',
    properties: { model: { const: id } },
    required: ['model'],
  });
  return {
    $schema: draft,
    $id: scenarioJsonSchemaId,
    title: 'civsim scenario',
    description: `A civsim scenario. \`model:\` names the model (${models.map((m) => m.id).join(', ')}); without it, ${defaultModelId}.`,
    definitions: Object.fromEntries(models.map((m) => [m.id, modelJsonSchema(m)])),
    allOf: [
      ...others.map((id) => ({ if: byModel(id), then: { $ref: `#/definitions/${id}` } })),
      others.length === 0
        ? { $ref: `#/definitions/${defaultModelId}` }
        : { if: { not: { anyOf: others.map(byModel) } }, then: { $ref: `#/definitions/${defaultModelId}` } },
    ],
  };
}

/** A schema file's exact text: what `npm run schema` writes and a test compares with the committed file. */
export function jsonText(schema: Json): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
