/**
 * The explorer's shareable links: a state round-trips through its fragment, and a hostile fragment is
 * refused piece by piece with a message — never thrown, never set on an object's prototype, never
 * unpacked past the size limit of a scenario file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeState,
  encodeState,
  maxFragmentChars,
  packText,
  unpackText,
  type ExploreState,
} from '../../src/explore/urlState.ts';
import { maxScenarioFileBytes } from '../../src/scenario/limits.ts';

const segment = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/)
  .filter((s) => !['constructor', 'prototype', 'hasOwnProperty', 'toString'].includes(s));
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
const value = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.stringMatching(/^[a-z][a-z-]{0,20}$/).filter((s) => s !== 'true' && s !== 'false'),
);
const changes = fc.dictionary(path, value, { maxKeys: 6 });
const state: fc.Arbitrary<ExploreState> = fc.record(
  {
    scenario: fc.constantFrom('kazakhstan', 'classics/threshold-riot', 'status-quo'),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    replicates: fc.integer({ min: 1, max: 50 }),
    scale: fc.constantFrom(1, 0.5, 0.2, 0.01),
    a: changes,
    b: changes,
    lang: fc.constantFrom('en' as const, 'ru' as const),
    view: fc.constantFrom('explore' as const, 'about' as const),
    speed: fc.constantFrom('slow' as const, 'normal' as const, 'fast' as const, 'max' as const),
  },
  { requiredKeys: ['a'] },
);

/** The state as a decoded link gives it back: -0 reads as 0, the default view is not written. */
function normal(s: ExploreState): ExploreState {
  const fix = (c: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Object.is(v, -0) ? 0 : v]));
  const out: ExploreState = { ...s, a: fix(s.a) as ExploreState['a'] };
  if (s.b) out.b = fix(s.b) as ExploreState['b'];
  if (out.view === 'explore') delete out.view;
  return out;
}

describe('shareable links', () => {
  it('round-trip every state: decode(encode(s)) is s, with no problem', () => {
    fc.assert(
      fc.property(state, (s) => {
        const decoded = decodeState(`#${encodeState(s)}`);
        expect(decoded.problems).toEqual([]);
        expect(decoded.state).toEqual(normal(s));
      }),
    );
  });

  it('write equal states as equal links', () => {
    const a: ExploreState = { scenario: 'kazakhstan', seed: 7, a: { 'levers.legitimacy': 0.4 } };
    expect(encodeState(a)).toBe(encodeState(structuredClone(a)));
    expect(encodeState(a)).toBe('v=1&s=kazakhstan&seed=7&a.levers.legitimacy=0.4');
  });

  it('refuse hostile or broken parts one by one, keeping the rest', () => {
    const { state: s, problems } = decodeState(
      '#v=1&s=kazakhstan&seed=-1&r=9999&scale=2&lang=xx&speed=warp&evil=1' +
        '&a.__proto__.polluted=1&a.constructor.prototype.x=1&a.levers.x=%3Cimg%20src%3Dx%3E' +
        '&a.levers.legitimacy=0.3&a.levers.legitimacy=0.9&s=../../etc/passwd&u=%3Cscript%3E',
    );
    expect(s.scenario).toBe('kazakhstan');
    expect(s.a).toEqual({ 'levers.legitimacy': 0.3 });
    expect(s.seed).toBeUndefined();
    expect(s.replicates).toBeUndefined();
    expect(s.scale).toBeUndefined();
    expect(s.lang).toBeUndefined();
    expect(s.upload).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems.length).toBe(12);
    expect(problems.join('\n')).toMatch(/seed=.*whole number from 0/);
    expect(problems.join('\n')).toMatch(/"a\.__proto__\.polluted" is not the path of a setting/);
    expect(problems.join('\n')).toMatch(/given twice/);
  });

  it('read nothing of a fragment past the length limit, and cut what they quote', () => {
    const long = decodeState(`#a.x=${'1'.repeat(maxFragmentChars)}`);
    expect(long.state).toEqual({ a: {} });
    expect(long.problems[0]).toMatch(/at most/);
    const quoted = decodeState(`#${'k'.repeat(5000)}=1`);
    expect(quoted.problems[0].length).toBeLessThan(120);
  });

  it('never throw on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const decoded = decodeState(text);
        expect(Array.isArray(decoded.problems)).toBe(true);
      }),
    );
    for (const text of ['%', '#%E0%A4%A', '&&&=', '=x', '#a.=1', '#a..b=1', '#b.x']) {
      expect(() => decodeState(text)).not.toThrow();
    }
  });
});

describe('an uploaded scenario packed into a link', () => {
  it('unpacks to the same text', async () => {
    const text = 'name: mine\ntitle: "Моя страна <b>"\nseed: 3\n'.repeat(50);
    const packed = await packText(text);
    expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(packed.length).toBeLessThan(text.length);
    expect(await unpackText(packed)).toEqual({ text });
    const decoded = decodeState(`#${encodeState({ upload: packed, uploadName: 'мой.yaml', a: {} })}`);
    expect(decoded.state.upload).toBe(packed);
    expect(decoded.state.uploadName).toBe('мой.yaml');
  });

  it('stops a small link that unpacks into a huge text (a zip bomb) at the file size limit', async () => {
    const bomb = await packText('a'.repeat(maxScenarioFileBytes + 10));
    expect(bomb.length).toBeLessThan(10_000);
    const result = await unpackText(bomb);
    expect(result).toEqual({ problem: expect.stringMatching(/unpacks to more than/) });
  });

  it('refuses damaged packing and text that is not UTF-8', async () => {
    expect(await unpackText('AAAA')).toEqual({ problem: expect.stringMatching(/damaged/) });
    expect(await unpackText('not packed!')).toEqual({ problem: expect.stringMatching(/does not carry/) });
  });
});
