/** Edit distance and suggestions for misspelt names. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestMatches, didYouMean, editDistance } from '../../src/scenario/didYouMean.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['budget', 'budget', 0],
    ['bugdet', 'budget', 1], // one swap
    ['regim', 'regime', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // optimal string alignment: no edits of a swapped pair
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it('is a symmetric measure that is 0 only for equal strings and bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });
});

describe('closestMatches', () => {
  const keys = ['budget', 'advocacyPriority', 'regime', 'stigma'];

  it('finds the intended key despite a typo or a different case', () => {
    expect(closestMatches('bugdet', keys)).toEqual(['budget']);
    expect(closestMatches('Regime', keys)).toEqual(['regime']);
  });

  it('suggests nothing for unrelated input or for the exact name', () => {
    expect(closestMatches('population', keys)).toEqual([]);
    expect(closestMatches('budget', keys)).toEqual([]);
  });

  it('keeps only the best matches, ties in candidate order', () => {
    expect(closestMatches('ab', ['ac', 'xb', 'abcd'])).toEqual(['ac', 'xb']);
  });

  it('words the suggestion', () => {
    expect(didYouMean([])).toBeUndefined();
    expect(didYouMean(['a'])).toBe('did you mean "a"?');
    expect(didYouMean(['a', 'b', 'c'])).toBe('did you mean "a", "b" or "c"?');
  });
});
