/**
 * The values of a resolved scenario that sit closest to the bounds the schema allows (relative to the
 * bound): where to look first when a run breaks down numerically or grows beyond what a machine holds.
 */
import type { AnyModel } from '../models/definition.ts';
import type { ScenarioBase } from './envelope.ts';
import { leversOf, scenarioSchemaFor } from './modelSchemas.ts';
import { numberBounds, schemaAt, type AnySchema } from './schemaInfo.ts';

export interface ExtremeValue {
  /** Dotted path in the scenario (`levers.foreign.budget`, `timeline[3].set.foreign.budget`). */
  path: string;
  value: number;
  /** |value| / the largest magnitude its bounds allow (1 = at the bound). */
  ratio: number;
}

function ratioOf(schema: AnySchema | undefined, value: number): number | undefined {
  const bounds = schema && numberBounds(schema);
  if (!bounds) return undefined;
  const limit = Math.max(Math.abs(bounds.min ?? 0), Math.abs(bounds.max ?? 0));
  return limit > 0 && Number.isFinite(limit) ? Math.abs(value) / limit : undefined;
}

function walk(schema: AnySchema, node: unknown, path: string[], out: ExtremeValue[]): void {
  if (typeof node === 'number') {
    const ratio = ratioOf(schemaAt(schema, path), node);
    if (ratio !== undefined) out.push({ path: path.join('.'), value: node, ratio });
  } else if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, child] of Object.entries(node)) walk(schema, child, [...path, key], out);
  }
}

/** The `limit` values nearest their bounds, at or above `atLeast` of the bound, nearest first. */
export function extremeValues(
  model: AnyModel,
  scenario: ScenarioBase,
  limit = 3,
  atLeast = 0.01,
): ExtremeValue[] {
  const out: ExtremeValue[] = [];
  const schema = scenarioSchemaFor(model);
  const levers = leversOf(model).schemas;
  for (const key of Object.keys(model.sections)) {
    walk(schema, (scenario as unknown as Record<string, unknown>)[key], [key], out);
  }
  scenario.timeline.forEach((event, i) => {
    for (const kind of ['set', 'ramp'] as const) {
      for (const [lever, value] of Object.entries(event[kind] ?? {})) {
        if (typeof value !== 'number') continue;
        const ratio = ratioOf(levers.get(lever), value);
        if (ratio !== undefined) out.push({ path: `timeline[${i}].${kind}.${lever}`, value, ratio });
      }
    }
  });
  return out
    .filter((v) => v.ratio >= atLeast)
    .sort((a, b) => b.ratio - a.ratio)
    .slice(0, limit);
}
