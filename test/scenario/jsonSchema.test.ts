/** The published JSON Schemas: never stale, and they accept and reject what the loader does. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { models } from '../../src/models/registry.ts';
import { jsonText, modelJsonSchemaFile, scenarioJsonSchema } from '../../src/scenario/jsonSchema.ts';
import { leverPaths } from './helpers.ts';
import { scenarioSchema } from '../../src/models/civil-society/schema.ts';
import { numberBounds } from '../../src/scenario/schemaInfo.ts';
import { numericLeaves, objectPaths, scenarioArb, setAt } from './arbitraries.ts';
import { Ajv } from 'ajv';

const read = (path: string) => readFileSync(new URL(`../../scenarios/${path}`, import.meta.url), 'utf8');
const schema = scenarioJsonSchema(Object.values(models));
type Node = Record<string, unknown> & { properties: Record<string, Node> };
const root = (schema.definitions as Record<string, Node>)['civil-society'];

// ajv (strict: every keyword must be known to it, so no constraint is skipped silently)
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

/** `path keyword` of each violation, in ajv's order (empty when the value is valid). */
function jsonSchemaErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if') // the if/else wrapper repeats the real error
    .map((e) =>
      e.keyword === 'additionalProperties'
        ? `${e.instancePath || '/'} unknown key ${(e.params as { additionalProperty: string }).additionalProperty}`
        : e.keyword === 'required'
          ? `${e.instancePath || '/'} missing ${(e.params as { missingProperty: string }).missingProperty}`
          : `${e.instancePath} ${e.keyword}`,
    );
}

describe('scenarios/civsim.schema.json', () => {
  it('is exactly what the zod schemas generate (run `npm run schema` after changing a model schema)', () => {
    expect(read('civsim.schema.json')).toBe(jsonText(schema));
    for (const model of Object.values(models)) {
      expect(read(`schemas/${model.id}.schema.json`), model.id).toBe(jsonText(modelJsonSchemaFile(model)));
    }
  });

  it('types the keys of set and ramp, so editors complete lever paths and check their values', () => {
    const event = (root.properties.timeline as unknown as { items: Node }).items;
    const set = event.properties.set as Node & { additionalProperties: boolean };
    expect(Object.keys(set.properties)).toEqual([...leverPaths]);
    expect(set.additionalProperties).toBe(false);
    expect(set.properties['foreign.regime']).toMatchObject({
      enum: ['none', 'disclosure', 'approval', 'prohibition'],
    });
    const ramp = event.properties.ramp as Node;
    expect(Object.keys(ramp.properties)).not.toContain('foreign.regime');
    expect(ramp.properties['ministries.socialOrder']).toMatchObject({ type: 'number', minimum: 0 });
  });

  it('identifies itself and describes the file as written (defaults shown, not required)', () => {
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'urn:civsim:scenario-schema',
      title: 'civsim scenario',
    });
    expect(root.title).toBe('civsim scenario of the civil-society model');
    expect(root.properties.levers.properties.legitimacy).toMatchObject({
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: 0.6,
    });
    expect(root.properties.replicates).toMatchObject({ type: 'integer', minimum: 1, default: 10 });
  });

  it('forbids unknown keys at every level of the levers', () => {
    const levers = root.properties.levers;
    expect(levers.additionalProperties).toBe(false);
    expect(root.additionalProperties).toBe(false);
    for (const group of Object.values(levers.properties).filter((node) => node.type === 'object')) {
      expect(group.additionalProperties).toBe(false);
    }
    const leaves = Object.entries(levers.properties).flatMap(([key, node]) =>
      node.type === 'object' ? Object.keys(node.properties).map((leaf) => `${key}.${leaf}`) : [key],
    );
    expect(leaves).toEqual([...leverPaths]);
  });

  it('requires name, start and end unless the file extends another', () => {
    expect(jsonSchemaErrors({ name: 'x', start: 2000, end: 2001 })).toEqual([]);
    expect(jsonSchemaErrors({ extends: 'base.yaml', name: 'v' })).toEqual([]);
    expect(jsonSchemaErrors({ name: 'v' })).toEqual(['/ missing start', '/ missing end']);
  });

  it('checks each file against its own model, chosen by model:', () => {
    const threshold = { model: 'threshold', name: 't', steps: 10, population: { agents: 50 } };
    expect(jsonSchemaErrors(threshold)).toEqual([]);
    expect(jsonSchemaErrors({ ...threshold, levers: { foreign: { budget: 1 } } })).toContain(
      '/levers unknown key foreign',
    );
    expect(jsonSchemaErrors({ ...threshold, model: 'civil-society' })).toContain('/ unknown key steps');
  });

  it('rejects sample mistakes the loader rejects', () => {
    const base = { name: 'x', start: 2000, end: 2001 };
    expect(jsonSchemaErrors({ ...base, levers: { foreign: { regime: 'aproval' } } })).toEqual([
      '/levers/foreign/regime enum',
    ]);
    expect(jsonSchemaErrors({ ...base, levers: { foreign: { budget: -5 } } })).toEqual([
      '/levers/foreign/budget minimum',
    ]);
    expect(jsonSchemaErrors({ ...base, levers: { foreign: { budget: 1e50 } } })).toEqual([
      '/levers/foreign/budget maximum',
    ]);
    expect(jsonSchemaErrors({ ...base, start: '2004-13' })).toEqual([
      '/start pattern',
      '/start type',
      '/start anyOf',
    ]);
    expect(jsonSchemaErrors({ ...base, name: 'x'.repeat(300) })).toEqual(['/name maxLength']);
    expect(jsonSchemaErrors({ ...base, timeline: [{ date: 2000, sett: {} }] })).toEqual([
      '/timeline/0 unknown key sett',
    ]);
    expect(jsonSchemaErrors({ ...base, population: { network: { degree: 7 } } })).toEqual([
      '/population/network/degree multipleOf',
    ]);
  });

  it('accepts every generated valid scenario', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        expect(jsonSchemaErrors(scenario)).toEqual([]);
        expect(scenarioSchema().safeParse(scenario).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects, like zod, a broken number or an injected unknown key', () => {
    const leaves = numericLeaves(scenarioSchema()).filter(
      ({ schema: s }) => numberBounds(s)?.min !== undefined,
    );
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom(...leaves),
        fc.nat(),
        fc.boolean(),
        (generated, leaf, pick, injectKey) => {
          const scenario = structuredClone(generated);
          if (injectKey) {
            const targets = objectPaths(scenario).filter(
              (path) => !['set', 'ramp'].includes(String(path[path.length - 1])),
            );
            setAt(scenario, [...targets[pick % targets.length], 'zzUnknown'], 1);
          } else {
            setAt(scenario, leaf.path, (numberBounds(leaf.schema)!.min as number) - 1);
          }
          expect(jsonSchemaErrors(scenario)).not.toEqual([]);
          expect(scenarioSchema().safeParse(scenario).success).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });
});
