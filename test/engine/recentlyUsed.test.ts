import { describe, expect, it } from 'vitest';
import { recentlyUsed } from '../../src/engine/recentlyUsed.ts';

describe('recentlyUsed', () => {
  it('builds a value once, then hands the same one back', () => {
    const cache = new Map<string, number[]>();
    let builds = 0;
    const build = () => {
      builds++;
      return [builds];
    };
    const first = recentlyUsed(cache, 'a', 2, build);
    expect(recentlyUsed(cache, 'a', 2, build)).toBe(first);
    expect(builds).toBe(1);
  });

  it('drops the least recently used beyond the limit, not the least recently built', () => {
    const cache = new Map<string, string>();
    const built: string[] = [];
    const get = (key: string) =>
      recentlyUsed(cache, key, 2, () => {
        built.push(key);
        return key.toUpperCase();
      });
    get('a');
    get('b');
    get('a'); // a is now the most recently used
    get('c'); // so b goes
    expect([...cache.keys()]).toEqual(['a', 'c']);
    get('a');
    get('b'); // rebuilt
    expect(built).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.size).toBe(2);
  });
});
