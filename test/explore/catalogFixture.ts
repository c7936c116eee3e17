/**
 * The explorer's catalog as the build embeds it, read from the repository's scenarios folder (the Node
 * side of the build does the same: src/node/exploreBuild.ts).
 */
import { scenarioCatalog } from '../../src/node/exploreBuild.ts';
import type { Catalog } from '../../src/explore/catalog.ts';

let cached: Promise<Catalog> | undefined;

export function shippedCatalog(): Promise<Catalog> {
  cached ??= scenarioCatalog();
  return cached;
}
