/** What the loader reads from the zod schema: plain-words expectations and the lever list. */
import { describe, expect, it } from 'vitest';
import { leverGroups, leverPaths, leverSchemas } from './helpers.ts';
import { leversSchema, metricIds, scenarioSchema } from '../../src/models/civil-society/schema.ts';
import { describeExpected, numberBounds, schemaAt, summaryOf } from '../../src/scenario/schemaInfo.ts';
import type { AnySchema } from '../../src/scenario/schemaInfo.ts';
import { leafPaths } from '../../src/engine/paths.ts';

const expectedAt = (...path: (string | number)[]) =>
  describeExpected(schemaAt(scenarioSchema(), path) as AnySchema);

describe('describeExpected', () => {
  it.each([
    [['name'], 'a name of lower-case letters, digits, - and _ (at most 64 characters)'],
    [['start'], 'a date written YYYY, YYYY-MM or YYYY-MM-DD'],
    [['seed'], 'a whole number between 0 and 4,294,967,295'],
    [['levers', 'foreign', 'budget'], 'a number between 0 and 1e15'],
    [['levers', 'tax', 'donationCredit'], 'a number between 0 and 0.9'],
    [['levers', 'legitimacy'], 'a share between 0 and 1'],
    [['levers', 'foreign', 'regime'], 'one of none, disclosure, approval, prohibition'],
    [['population', 'ngoSampling'], 'a number > 0 and ≤ 1'],
    [['population', 'network', 'degree'], 'an even whole number between 2 and 64'],
    [['parameters', 'participation', 'engagement'], 'a number between −20 and 20'],
    [['parameters', 'participation', 'baseRate'], 'a number between 0.001 and 0.999'],
    [['timeline'], 'a list of at most 10,000 items'],
    [['timeline', 0, 'label'], 'non-empty text of at most 300 characters'],
    [['timeline', 0, 'set', 'legitimacy'], 'a number, true or false, or text of at most 100 characters'],
    [['output', 'metrics', 0], `one of ${metricIds.length} names (${metricIds.slice(0, 4).join(', ')}, …)`],
    [['levers'], 'a mapping (key: value lines)'],
  ] as const)('%j: %s', (path, words) => {
    expect(expectedAt(...path)).toBe(words);
  });

  it('gives no schema for paths that lead nowhere', () => {
    expect(schemaAt(scenarioSchema(), ['levers', 'nope'])).toBeUndefined();
    expect(schemaAt(scenarioSchema(), ['name', 'deeper'])).toBeUndefined();
  });

  it('reads number bounds including exclusive ones', () => {
    expect(numberBounds(schemaAt(scenarioSchema(), ['population', 'ngoSampling'])!)).toEqual({
      min: 0,
      minInclusive: false,
      max: 1,
      maxInclusive: true,
      whole: false,
    });
    expect(numberBounds(schemaAt(scenarioSchema(), ['name'])!)).toBeUndefined();
  });

  it('summarises a description to its first sentence without evidence tags', () => {
    expect(summaryOf(schemaAt(scenarioSchema(), ['levers', 'foreign', 'budget'])!)).toBe(
      'Foreign donors’ budget for the country’s NGOs, currency/year.',
    );
    expect(summaryOf(schemaAt(scenarioSchema(), ['currency'])!)).toBe(
      'Unit of all money values, e.g. "USD" or "million KZT".',
    );
  });
});

describe('lever paths', () => {
  it('are exactly the leaves of a default levers object', () => {
    expect([...leverPaths]).toEqual(leafPaths(leversSchema().parse({})));
    expect(leverSchemas.size).toBe(leverPaths.length);
  });

  it('know groups apart from levers', () => {
    expect(leverGroups.has('foreign')).toBe(true);
    expect(leverGroups.has('foreign.regime')).toBe(false);
    expect(leverPaths).toContain('legitimacy');
  });
});
