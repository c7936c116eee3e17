/**
 * Property-based tests of the loader: it never throws on any input, it never accepts garbage at a spot
 * that was broken on purpose, and a valid scenario survives a YAML round trip with the same hash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatIssue, formatPath } from '../../src/scenario/issues.ts';
import type { PathSegment } from '../../src/scenario/issues.ts';
import { checkScenarioFile } from '../../src/scenario/load.ts';
import type { LoadedScenario, ScenarioIssue } from '../../src/scenario/load.ts';
import { leverPaths, leverSchemas } from './helpers.ts';
import { memoryScenarioIO } from '../../src/scenario/memoryIO.ts';
import { scenarioSchema } from '../../src/models/civil-society/schema.ts';
import { numberBounds } from '../../src/scenario/schemaInfo.ts';
import {
  deleteAt,
  getAt,
  isPlainObject,
  nodePaths,
  numericLeaves,
  objectPaths,
  scenarioArb,
  setAt,
} from './arbitraries.ts';

const runs = { numRuns: 100 };

async function check(text: string) {
  return checkScenarioFile('main.yaml', memoryScenarioIO({ 'main.yaml': text }));
}

/** What every result must look like, whatever the input. */
function expectWellFormed(result: { loaded?: LoadedScenario; issues: ScenarioIssue[] }, text: string): void {
  expect(result.loaded === undefined).toBe(result.issues.length > 0);
  const lines = text.split('\n').length;
  for (const issue of result.issues) {
    expect(issue.file).toBe('main.yaml');
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.line).toBeLessThanOrEqual(lines);
    expect(issue.column).toBeGreaterThanOrEqual(1);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(typeof formatIssue(issue)).toBe('string');
  }
}

const yamlish = fc
  .array(
    fc.constantFrom(
      'name: ',
      'start: ',
      'end: ',
      'levers:',
      'timeline:',
      'set:',
      'ramp:',
      'until: ',
      'foreign.regime: ',
      '2004',
      '2004-06',
      '-5',
      '1.5',
      'approval',
      '\n',
      '\n  ',
      '\n    ',
      '- ',
      ': ',
      '{',
      '}',
      '[',
      ']',
      ',',
      '&a ',
      '*a',
      '"',
      "'",
      '# c',
      '\t',
      '? ',
      '|',
      '>',
      '!!str ',
      '<<: ',
      '---',
      '~',
      '__proto__: ',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

type Mutation =
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'insert'; pick: number; key: string; value: unknown }
  | { kind: 'delete'; pick: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    pick: fc.nat(),
    key: fc.string({ maxLength: 10 }),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

function mutate(scenario: Record<string, unknown>, mutation: Mutation): void {
  if (mutation.kind === 'insert') {
    const targets = objectPaths(scenario);
    setAt(scenario, [...targets[mutation.pick % targets.length], mutation.key], mutation.value);
    return;
  }
  const paths = nodePaths(scenario);
  const path = paths[mutation.pick % paths.length];
  if (mutation.kind === 'replace') setAt(scenario, path, mutation.value);
  else deleteAt(scenario, path);
}

describe('never throws', () => {
  it('on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), yamlish), async (text) => {
        expectWellFormed(await check(text), text);
      }),
      runs,
    );
  });

  it('on arbitrary JSON values, written as JSON or as YAML', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.boolean(), async (value, asJson) => {
        const text = asJson ? JSON.stringify(value) : stringify(value);
        expectWellFormed(await check(text), text);
      }),
      runs,
    );
  });

  it('on random mutations of a valid scenario', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        async (generated, mutations) => {
          const scenario = structuredClone(generated); // never change a value fast-check may reuse
          for (const mutation of mutations) mutate(scenario, mutation);
          const text = stringify(scenario);
          expectWellFormed(await check(text), text);
        },
      ),
      runs,
    );
  });
});

describe('never accepts garbage', () => {
  const paths = (issues: ScenarioIssue[]) => issues.map((issue) => issue.path);
  const leaves = numericLeaves(scenarioSchema());
  const nonNegative = leaves.filter(({ schema }) => (numberBounds(schema)?.min ?? -1) >= 0);
  const shares = leaves.filter(({ schema }) => numberBounds(schema)?.max === 1);

  it('covers the levers, parameters and population', () => {
    const roots = new Set(nonNegative.map(({ path }) => path[0]));
    expect([...roots].sort()).toEqual([
      'format',
      'initial',
      'levers',
      'parameters',
      'population',
      'replicates',
      'seed',
      'sweep',
    ]);
    expect(shares.length).toBeGreaterThan(40);
  });

  it('reports a negative value at a non-negative number, at that spot', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.constantFrom(...nonNegative),
        fc.double({ min: 1e-9, max: 1e9, noNaN: true }),
        async (generated, leaf, size) => {
          const scenario = structuredClone(generated);
          setAt(scenario, leaf.path, -size);
          const { loaded, issues } = await check(stringify(scenario));
          expect(loaded).toBeUndefined();
          expect(paths(issues)).toContain(formatPath(leaf.path));
        },
      ),
      runs,
    );
  });

  it('reports a share above 1, at that spot', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.constantFrom(...shares),
        fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
        async (generated, leaf, excess) => {
          const scenario = structuredClone(generated);
          setAt(scenario, leaf.path, 1 + excess);
          const { issues } = await check(stringify(scenario));
          expect(paths(issues)).toContain(formatPath(leaf.path));
        },
      ),
      runs,
    );
  });

  it('reports a negative or above-1 value set on a lever by a timeline event, at that spot', async () => {
    const bounded = leverPaths.filter((path) => (numberBounds(leverSchemas.get(path)!)?.min ?? -1) >= 0);
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.constantFrom(...bounded),
        fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
        async (generated, lever, size) => {
          const scenario = structuredClone(generated);
          const max = numberBounds(leverSchemas.get(lever)!)?.max;
          const value = max === undefined ? -size : max * (1 + 1e-9) + size;
          const timeline = (scenario.timeline as unknown[] | undefined) ?? [];
          scenario.timeline = [...timeline, { date: scenario.start, set: { [lever]: value } }];
          const { issues } = await check(stringify(scenario));
          expect(paths(issues)).toContain(formatPath(['timeline', timeline.length, 'set', lever]));
        },
      ),
      runs,
    );
  });

  it('reports an unknown key injected into any mapping, at that key', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.nat(),
        fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/),
        fc.jsonValue({ maxDepth: 1 }),
        async (generated, pick, name, value) => {
          const scenario = structuredClone(generated);
          const targets = objectPaths(scenario);
          const target: PathSegment[] = targets[pick % targets.length];
          const key = `zz${name}`;
          setAt(scenario, [...target, key], value);
          const text = stringify(scenario);
          const { issues } = await check(text);
          const issue = issues.find((i) => i.path === formatPath([...target, key]));
          expect(issue).toBeDefined();
          // positioned at the key itself
          expect(text.split('\n')[issue!.line - 1].slice(issue!.column - 1)).toMatch(new RegExp(`^"?${key}`));
        },
      ),
      runs,
    );
  });
});

describe('round trip', () => {
  it('loads a valid scenario as the schema resolves it, and again from its own YAML dump with the same hash', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (input) => {
        const first = await check(stringify(input));
        expect(first.issues).toEqual([]);
        expect(first.loaded!.scenario).toEqual(scenarioSchema().parse(input));

        const again = await check(stringify(first.loaded!.scenario));
        expect(again.issues).toEqual([]);
        expect(again.loaded!.scenario).toEqual(first.loaded!.scenario);
        expect(again.loaded!.hash).toBe(first.loaded!.hash);

        const asJson = await check(JSON.stringify(input, null, 1));
        expect(asJson.loaded!.hash).toBe(first.loaded!.hash);
      }),
      runs,
    );
  });

  it('hashes the same whatever the key order in the file', async () => {
    const shuffle = (value: unknown, seed: number): unknown => {
      if (Array.isArray(value)) return value.map((item) => shuffle(item, seed));
      if (!isPlainObject(value)) return value;
      const entries = Object.entries(value).map(([k, v]) => [k, shuffle(v, seed)] as const);
      const rotate = seed % Math.max(1, entries.length);
      return Object.fromEntries([...entries.slice(rotate), ...entries.slice(0, rotate)].reverse());
    };
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(), async (input, seed) => {
        const a = await check(stringify(input));
        const b = await check(stringify(shuffle(input, seed)));
        expect(b.loaded!.hash).toBe(a.loaded!.hash);
        expect(getAt(b.loaded!.scenario, ['name'])).toBe(input.name);
      }),
      runs,
    );
  });
});
