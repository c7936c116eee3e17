/**
 * Every lever a timeline event can address, as a dotted path relative to `levers`
 * (`ministries.socialOrder`, `foreign.regime`, `legitimacy`) with the schema its values must satisfy.
 * Derived by walking `leversSchema`, so a lever added to the schema is addressable at once.
 */
import { leversSchema } from './schema.ts';
import { isObjectSchema, objectKeys, schemaAt } from './schemaInfo.ts';
import type { AnySchema } from './schemaInfo.ts';

function collect(
  schema: AnySchema,
  prefix: string,
  leaves: Map<string, AnySchema>,
  groups: Set<string>,
): void {
  for (const key of objectKeys(schema)) {
    const child = schemaAt(schema, [key]) as AnySchema;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isObjectSchema(child)) {
      groups.add(path);
      collect(child, path, leaves, groups);
    } else {
      leaves.set(path, child);
    }
  }
}

const leaves = new Map<string, AnySchema>();
const groups = new Set<string>();
collect(leversSchema, '', leaves, groups);

/** Lever leaf paths in schema order, each with its (wrapped) schema. */
export const leverSchemas: ReadonlyMap<string, AnySchema> = leaves;

/** All lever leaf paths, in schema order. */
export const leverPaths: readonly string[] = [...leaves.keys()];

/** Paths that name a group of levers (`foreign`, `ministries`), not a single lever. */
export const leverGroups: ReadonlySet<string> = groups;
