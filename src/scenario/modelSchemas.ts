/**
 * The scenario schema of each model (the envelope joined with the model's sections) and the levers it
 * defines, built once per model: what the loader, the semantic checks, the JSON Schema and sweeps use.
 */
import type { AnyModel } from '../models/definition.ts';
import { scenarioSchemaOf } from './envelope.ts';
import { isObjectSchema, objectKeys, schemaAt, type AnySchema } from './schemaInfo.ts';

/** A model's levers: every leaf path (`ministries.socialOrder`) with its schema, and the group paths. */
export interface LeverInfo {
  schemas: ReadonlyMap<string, AnySchema>;
  paths: readonly string[];
  groups: ReadonlySet<string>;
}

interface ModelSchemas {
  scenario: ReturnType<typeof scenarioSchemaOf>;
  levers: LeverInfo;
}

const cache = new Map<string, ModelSchemas>();

function build(model: AnyModel): ModelSchemas {
  const scenario = scenarioSchemaOf({
    id: model.id,
    clock: model.clock,
    actions: model.actions,
    metricIds: model.metrics.map((m) => m.id),
    sections: model.sections,
    snapshots: model.snapshot !== undefined,
  });
  const schemas = new Map<string, AnySchema>();
  const groups = new Set<string>();
  const collect = (schema: AnySchema, prefix: string) => {
    for (const key of objectKeys(schema)) {
      const child = schemaAt(schema, [key]) as AnySchema;
      const path = prefix ? `${prefix}.${key}` : key;
      if (isObjectSchema(child)) {
        groups.add(path);
        collect(child, path);
      } else {
        schemas.set(path, child);
      }
    }
  };
  const levers = model.sections.levers as AnySchema | undefined;
  if (levers) collect(levers, '');
  return { scenario, levers: { schemas, paths: [...schemas.keys()], groups } };
}

function schemasOf(model: AnyModel): ModelSchemas {
  let found = cache.get(model.id);
  if (!found) {
    found = build(model);
    cache.set(model.id, found);
  }
  return found;
}

/** The zod schema of a whole scenario of this model. */
export function scenarioSchemaFor(model: AnyModel): ModelSchemas['scenario'] {
  return schemasOf(model).scenario;
}

/** The levers of this model, each with its stable path and schema. */
export function leversOf(model: AnyModel): LeverInfo {
  return schemasOf(model).levers;
}
