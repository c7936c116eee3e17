/** SHA-256 in plain JS and the scenario hash built on it. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, scenarioHash } from '../../src/scenario/hash.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { memoryScenarioIO } from '../../src/scenario/memoryIO.ts';

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });
});

describe('scenario hash', () => {
  const io = memoryScenarioIO({
    'a.yaml': 'name: h\nstart: 2000\nend: 2010\nlevers: { foreign: { budget: 5, regime: approval } }\n',
    'b.yaml': 'levers:\n  foreign:\n    regime: approval\n    budget: 5\nend: 2010\nstart: 2000\nname: h\n',
    'c.yaml':
      'name: h\nstart: 2000\nend: 2010\nlevers: { foreign: { budget: 5, regime: approval } }\nseed: 1\n',
    'd.yaml': 'name: h\nstart: 2000\nend: 2010\nlevers: { foreign: { budget: 6, regime: approval } }\n',
  });

  it('is the same for the same scenario written in another key order or with a default spelt out', async () => {
    const [a, b, c] = await Promise.all(
      ['a.yaml', 'b.yaml', 'c.yaml'].map((file) => loadScenarioFile(file, io)),
    );
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
    expect(c.hash).toBe(a.hash);
    expect(scenarioHash(a.scenario)).toBe(a.hash);
    // SHA-256 of the canonical JSON, as Node's own crypto computes it
    expect(a.hash).toBe(createHash('sha256').update(canonicalJson(a.scenario), 'utf8').digest('hex'));
  });

  it('changes when a value changes', async () => {
    const [a, d] = await Promise.all(['a.yaml', 'd.yaml'].map((file) => loadScenarioFile(file, io)));
    expect(d.hash).not.toBe(a.hash);
  });
});
