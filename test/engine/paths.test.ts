/** Dotted paths into a tree of plain objects: get, set existing leaves only, list leaves. */
import { describe, expect, it } from 'vitest';
import { getPath, leafPaths, setPath, type Tree } from '../../src/engine/paths.ts';

const tree = (): Tree => ({
  ministries: { socialOrder: 1, grants: 0, council: { seats: 3 } },
  legitimacy: 0.6,
  foreign: { regime: 'none', list: [1, 2] },
  off: false,
  nothing: null,
});

describe('getPath', () => {
  it('reads leaves and groups at any depth', () => {
    const t = tree();
    expect(getPath(t, 'legitimacy')).toBe(0.6);
    expect(getPath(t, 'ministries.council.seats')).toBe(3);
    expect(getPath(t, 'foreign.regime')).toBe('none');
    expect(getPath(t, 'off')).toBe(false);
    expect(getPath(t, 'nothing')).toBe(null);
    expect(getPath(t, 'ministries')).toBe(t.ministries);
  });

  it('is undefined for a missing key, a path through a leaf, or an inherited property', () => {
    const t = tree();
    expect(getPath(t, 'ministries.nope')).toBeUndefined();
    expect(getPath(t, 'legitimacy.value')).toBeUndefined();
    expect(getPath(t, 'nothing.x')).toBeUndefined();
    expect(getPath(t, 'constructor')).toBeUndefined();
    expect(getPath(t, 'ministries.toString')).toBeUndefined();
    expect(getPath(t, '__proto__')).toBeUndefined();
    expect(getPath(t, '')).toBeUndefined();
  });
});

describe('setPath', () => {
  it('replaces an existing leaf and nothing else', () => {
    const t = tree();
    setPath(t, 'ministries.council.seats', 5);
    setPath(t, 'foreign.regime', 'approval');
    setPath(t, 'legitimacy', 0.1);
    const expected = tree();
    (expected.ministries as Tree).council = { seats: 5 };
    (expected.foreign as Tree).regime = 'approval';
    expected.legitimacy = 0.1;
    expect(t).toEqual(expected);
  });

  it('throws for a missing leaf, a missing group, or a path through a leaf, and changes nothing', () => {
    const t = tree();
    expect(() => setPath(t, 'ministries.nope', 1)).toThrow(/no such path: ministries.nope/);
    expect(() => setPath(t, 'nope.socialOrder', 1)).toThrow(/no such path/);
    expect(() => setPath(t, 'legitimacy.value', 1)).toThrow(/no such path/);
    expect(() => setPath(t, 'nothing.x', 1)).toThrow(/no such path/);
    expect(t).toEqual(tree());
  });

  it('never writes through inherited properties (no prototype pollution)', () => {
    const t = tree();
    const before = Object.prototype.propertyIsEnumerable;
    try {
      expect(() => setPath(t, '__proto__.propertyIsEnumerable', 1)).toThrow(/no such path/);
      expect(() => setPath(t, 'ministries.__proto__.propertyIsEnumerable', 1)).toThrow(/no such path/);
      expect(() => setPath(t, 'constructor.prototype.propertyIsEnumerable', 1)).toThrow(/no such path/);
      expect(() => setPath(t, 'toString', 1)).toThrow(/no such path/);
    } finally {
      // restore it whatever happened, so a failure here cannot break the other tests
      Object.prototype.propertyIsEnumerable = before;
    }
    expect(Object.prototype.propertyIsEnumerable).toBe(before);
  });
});

describe('leafPaths', () => {
  it('lists every leaf in key order; arrays and nulls are leaves', () => {
    expect(leafPaths(tree())).toEqual([
      'ministries.socialOrder',
      'ministries.grants',
      'ministries.council.seats',
      'legitimacy',
      'foreign.regime',
      'foreign.list',
      'off',
      'nothing',
    ]);
  });

  it('every listed path reads back its value and can be set', () => {
    const t = tree();
    for (const path of leafPaths(t)) {
      expect(getPath(t, path)).not.toBeUndefined();
      expect(() => setPath(t, path, 0)).not.toThrow();
      expect(getPath(t, path)).toBe(0);
    }
  });

  it('an empty tree has no leaves', () => {
    expect(leafPaths({})).toEqual([]);
  });
});
