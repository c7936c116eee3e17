/**
 * How a scenario that `extends` another combines with it: mappings merge key by key (the child wins),
 * lists are replaced, except the top-level `timeline`, which is concatenated (the base's events first)
 * so a variant can add events to a base's history. Works on position-aware trees, so every value keeps
 * the file and place where it was written.
 */
import type { SourceEntry, SourceNode } from './positions.ts';

/** Top-level lists that a child extends instead of replacing. */
const concatenatedLists = new Set(['timeline']);

export function mergeScenarioSources(base: SourceNode, child: SourceNode): SourceNode {
  return mergeNodes(base, child, 0);
}

function mergeNodes(base: SourceNode, child: SourceNode, depth: number): SourceNode {
  if (base.kind !== 'map' || child.kind !== 'map') return child;
  const entries = new Map<string, SourceEntry>(base.entries);
  for (const [key, entry] of child.entries) {
    const inherited = base.entries.get(key);
    if (!inherited) {
      entries.set(key, entry);
    } else if (
      depth === 0 &&
      concatenatedLists.has(key) &&
      inherited.node.kind === 'seq' &&
      entry.node.kind === 'seq'
    ) {
      const items = [...inherited.node.items, ...entry.node.items];
      entries.set(key, { keyAt: entry.keyAt, node: { kind: 'seq', at: entry.node.at, items } });
    } else {
      entries.set(key, { keyAt: entry.keyAt, node: mergeNodes(inherited.node, entry.node, depth + 1) });
    }
  }
  // the merged mapping stands where the child wrote it: a missing key is reported in the child
  return { kind: 'map', at: child.at, entries };
}
