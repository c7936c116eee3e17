/**
 * fast-check generators for the property tests: valid scenarios built by walking the zod schema (so every
 * lever, parameter and bound is covered without a hand-kept list), and tree mutations of them.
 */
import fc from 'fast-check';
import { z } from 'zod';
import type { PathSegment } from '../../src/scenario/issues.ts';
import { leverPaths, leverSchemas } from './helpers.ts';
import {
  actionNames,
  initialSchema,
  leversSchema,
  metricIds,
  parametersSchema,
  peoplePerNgo,
  populationSchema,
} from '../../src/models/civil-society/schema.ts';
import {
  enumValues,
  isNumberSchema,
  isObjectSchema,
  numberBounds,
  objectKeys,
  schemaAt,
  unwrap,
} from '../../src/scenario/schemaInfo.ts';
import type { AnySchema } from '../../src/scenario/schemaInfo.ts';

type Plain = Record<string, unknown>;

const int32 = 2 ** 31 - 1;

/** Any value the schema accepts, each object key optional. */
export function arbitraryFor(schema: AnySchema): fc.Arbitrary<unknown> {
  if (isObjectSchema(schema)) {
    const model = Object.fromEntries(
      objectKeys(schema).map((key) => [key, arbitraryFor(schemaAt(schema, [key])!)]),
    );
    return fc.record(model, { requiredKeys: [] });
  }
  const options = enumValues(schema);
  if (options) return fc.constantFrom(...options);
  if (unwrap(schema) instanceof z.ZodBoolean) return fc.boolean();
  const bounds = numberBounds(schema);
  if (!bounds) throw new Error('arbitraryFor: unsupported schema');
  const min = bounds.min ?? -1e6;
  const max = bounds.max ?? 1e9;
  if (bounds.whole) {
    const step = bounds.multipleOf ?? 1;
    const low = Math.ceil(Math.max(min, -int32) / step);
    const high = Math.floor(Math.min(max, int32) / step);
    return fc.integer({ min: low, max: high }).map((n) => n * step);
  }
  return (
    fc
      .double({
        min,
        max,
        minExcluded: !bounds.minInclusive,
        maxExcluded: !bounds.maxInclusive,
        noNaN: true,
        noDefaultInfinity: true,
      })
      // fast-check orders −0 below 0, so "max 0, excluded" can still give −0, which is not < 0
      .filter((x) => (bounds.minInclusive || x > min) && (bounds.maxInclusive || x < max))
  );
}

const pad = (month: number) => String(month).padStart(2, '0');

/** A date inside [fromYear, toYear], written as a year number, "YYYY" or "YYYY-MM". */
function dateIn(fromYear: number, toYear: number): fc.Arbitrary<string | number> {
  return fc
    .tuple(fc.integer({ min: fromYear, max: toYear }), fc.integer({ min: 0, max: 12 }), fc.boolean())
    .map(([year, month, asNumber]) => (month > 0 ? `${year}-${pad(month)}` : asNumber ? year : String(year)));
}

function leverValues(paths: readonly string[]): fc.Arbitrary<Plain> {
  return fc
    .uniqueArray(fc.constantFrom(...paths), { minLength: 1, maxLength: 3 })
    .chain((chosen) =>
      fc
        .tuple(...chosen.map((path) => arbitraryFor(leverSchemas.get(path)!)))
        .map((values) => Object.fromEntries(chosen.map((path, i) => [path, values[i]]))),
    );
}

const numericLevers = leverPaths.filter((path) => isNumberSchema(leverSchemas.get(path)!));

/** A valid event strictly inside the years (startYear, endYear). */
function eventArb(startYear: number, endYear: number): fc.Arbitrary<Plain> {
  const extras = fc.record(
    { label: fc.string({ minLength: 1, maxLength: 20 }), strength: arbitraryFor(z.number().min(0).max(1)) },
    { requiredKeys: [] },
  );
  const action = fc.record({
    date: dateIn(startYear + 1, endYear - 1),
    action: fc.constantFrom(...actionNames),
  });
  const set = fc.record({ date: dateIn(startYear + 1, endYear - 1), set: leverValues(leverPaths) });
  const ramp = fc.integer({ min: startYear + 1, max: endYear - 2 }).chain((year) =>
    fc.record({
      date: dateIn(year, year),
      ramp: leverValues(numericLevers),
      until: fc.integer({ min: year + 1, max: endYear - 1 }),
    }),
  );
  return fc.tuple(fc.oneof(action, set, ramp), extras).map(([event, more]) => ({ ...event, ...more }));
}

const chartArb = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/),
    title: fc.string({ minLength: 1, maxLength: 20 }),
    metrics: fc.subarray([...metricIds], { minLength: 1, maxLength: 4 }),
    kind: fc.constantFrom('line', 'area'),
    annual: fc.boolean(),
  },
  { requiredKeys: ['id', 'title', 'metrics'] },
);

/** Initial state whose advocacy and state-created shares add up to at most 1. */
const initialArb = arbitraryFor(initialSchema()).map((value) => {
  const initial = value as Plain;
  const advocacy = (initial.advocacyShare as number | undefined) ?? 0.3;
  const stateCreated = (initial.stateCreatedShare as number | undefined) ?? 0.05;
  return advocacy + stateCreated > 1 ? { ...initial, stateCreatedShare: 0 } : initial;
});

/** A valid scenario as a user might write it: required keys, any subset of the others. */
export const scenarioArb: fc.Arbitrary<Plain> = fc
  .tuple(
    fc.integer({ min: 1950, max: 2030 }),
    fc.integer({ min: 3, max: 25 }),
    fc.integer({ min: 0, max: 12 }),
  )
  .chain(([startYear, span, endMonth]) => {
    const endYear = startYear + span;
    return fc.record(
      {
        name: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,12}$/),
        title: fc.string({ maxLength: 30 }),
        description: fc.string({ maxLength: 60 }),
        currency: fc.constantFrom('USD', 'million KZT'),
        start: dateIn(startYear, startYear),
        end: fc.constant(endMonth > 0 ? `${endYear}-${pad(endMonth)}` : endYear),
        seed: fc.integer({ min: 0, max: int32 }),
        replicates: fc.integer({ min: 1, max: 10_000 }),
        population: arbitraryFor(populationSchema()),
        initial: initialArb,
        levers: arbitraryFor(leversSchema()),
        timeline: fc.array(eventArb(startYear, endYear), { maxLength: 5 }),
        parameters: arbitraryFor(parametersSchema()),
        output: fc.record(
          {
            metrics: fc.subarray([...metricIds], { minLength: 1 }),
            charts: fc.uniqueArray(chartArb, { maxLength: 3, selector: (chart) => chart.id }),
            agents: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        sources: fc.array(fc.string({ maxLength: 30 }), { maxLength: 2 }),
      },
      { requiredKeys: ['name', 'start', 'end'] },
    );
  })
  .map(atMostOneNgoPerTenPeople);

/** The loader refuses more initial NGOs than one per ten people (semanticChecks.ts): stay below it. */
function atMostOneNgoPerTenPeople(scenario: Plain): Plain {
  const initial = (scenario.initial as Plain | undefined) ?? {};
  const ngos = (initial.ngos as number | undefined) ?? initialSchema().parse({}).ngos;
  const people = ((scenario.population as Plain | undefined)?.represents as number | undefined) ?? 1_000_000;
  const most = Math.floor(people / peoplePerNgo);
  return ngos <= most ? scenario : { ...scenario, initial: { ...initial, ngos: most } };
}

// ---------------------------------------------------------------------------------------------------
// Tree surgery on plain JSON-like values.
// ---------------------------------------------------------------------------------------------------

export function isPlainObject(value: unknown): value is Plain {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Paths of every node below the root, parents before children. */
export function nodePaths(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  const children: [PathSegment, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : isPlainObject(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [[...path, key], ...nodePaths(child, [...path, key])]);
}

/** Paths of every mapping, the root ([]) first. */
export function objectPaths(value: unknown): PathSegment[][] {
  return [[], ...nodePaths(value)].filter((path) => isPlainObject(getAt(value, path)));
}

export function getAt(value: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Plain | undefined)?.[key as string], value);
}

/** Sets a value, creating missing mappings on the way (the value itself is defined as an own key). */
export function setAt(root: Plain, path: readonly PathSegment[], value: unknown): void {
  let node: Plain = root;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(node[key as string]) && !Array.isArray(node[key as string])) node[key as string] = {};
    node = node[key as string] as Plain;
  }
  Object.defineProperty(node, path[path.length - 1], {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export function deleteAt(root: Plain, path: readonly PathSegment[]): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else if (isPlainObject(parent)) delete parent[key as string];
}

/** Numeric leaves of an object schema (not inside lists), with their paths. */
export function numericLeaves(
  schema: AnySchema,
  path: PathSegment[] = [],
): { path: PathSegment[]; schema: AnySchema }[] {
  return objectKeys(schema).flatMap((key) => {
    const child = schemaAt(schema, [key])!;
    if (isObjectSchema(child)) return numericLeaves(child, [...path, key]);
    return isNumberSchema(child) ? [{ path: [...path, key], schema: child }] : [];
  });
}
