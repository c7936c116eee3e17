/**
 * A cache that keeps the most recently used values (domain-free): what the grid's and the disc's
 * neighbourhood lists are kept in. A Map's insertion order is the recency order; a value used again is
 * re-inserted, and the least recently used goes when more than `limit` are kept. Only for values that
 * are a pure function of their key, so that dropping and rebuilding one changes no result.
 */
export function recentlyUsed<V>(cache: Map<string, V>, key: string, limit: number, build: () => V): V {
  const found = cache.get(key) ?? build();
  cache.delete(key); // (re-)inserted as the most recently used
  cache.set(key, found);
  if (cache.size > limit) cache.delete(cache.keys().next().value!);
  return found;
}
