/** SHA-256 in plain JS and the scenario hash built on it. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, scenarioHash } from '../../src/scenario/hash.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { memoryScenarioIO } from '../../src/scenario/memoryIO.ts';
import { sha256Hex, sha256HexOfText } from '../../src/scenario/sha256.ts';

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('matches the FIPS 180-4 test vector for %j', (text, digest) => {
    expect(sha256HexOfText(text)).toBe(digest);
  });

  it('matches the test vector for a million "a" (many blocks)', () => {
    const text = 'a'.repeat(1_000_000);
    expect(sha256HexOfText(text)).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('matches node:crypto for any bytes, including every padding length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes the UTF-8 bytes of text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(sha256HexOfText(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
    );
  });
});

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
  });

  it('changes when a value changes', async () => {
    const [a, d] = await Promise.all(['a.yaml', 'd.yaml'].map((file) => loadScenarioFile(file, io)));
    expect(d.hash).not.toBe(a.hash);
  });
});
