/**
 * A scenario document as a tree of values that remember where they were written (file, line, column).
 * Parsing builds it, `extends` merges such trees, and every issue is then positioned by walking it
 * along the path, so a value inherited from a base file still points into the base file.
 */
import type { PathSegment } from './issues.ts';

export interface Origin {
  file: string;
  line: number;
  column: number;
}

export type SourceScalarValue = string | number | boolean | null;

export interface SourceEntry {
  /** Where the key itself was written (unknown keys are reported here). */
  keyAt: Origin;
  node: SourceNode;
}

export type SourceNode =
  | { kind: 'map'; at: Origin; entries: ReadonlyMap<string, SourceEntry> }
  | { kind: 'seq'; at: Origin; items: readonly SourceNode[] }
  | { kind: 'scalar'; at: Origin; value: SourceScalarValue };

/** Where a path leads in a tree. */
export interface Located {
  /** The node at the full path, if it exists. */
  node?: SourceNode;
  /** Where the last key of the path was written, if the path ends at an existing map entry. */
  keyAt?: Origin;
  /** The deepest node that exists along the path (the parent mapping of a missing key). */
  deepest: SourceNode;
}

export function locate(root: SourceNode, path: readonly PathSegment[]): Located {
  let node = root;
  let keyAt: Origin | undefined;
  for (const segment of path) {
    let next: SourceNode | undefined;
    keyAt = undefined;
    if (node.kind === 'map') {
      const entry = node.entries.get(String(segment));
      next = entry?.node;
      keyAt = entry?.keyAt;
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (!next) return { deepest: node };
    node = next;
  }
  return { node, keyAt, deepest: node };
}

/** Position for a problem with the value at `path` (the parent mapping when the value is missing). */
export function valueOrigin(root: SourceNode, path: readonly PathSegment[]): Origin {
  const found = locate(root, path);
  return (found.node ?? found.deepest).at;
}

/** Position of the key that ends `path` (for unknown keys), else of its value. */
export function keyOrigin(root: SourceNode, path: readonly PathSegment[]): Origin {
  const found = locate(root, path);
  return found.keyAt ?? (found.node ?? found.deepest).at;
}

/**
 * The plain JSON-like value of a tree. Keys are defined as own properties, so a key such as
 * `__proto__` stays an ordinary (and then unknown) key instead of changing the object's prototype.
 */
export function toPlain(node: SourceNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [key, entry] of node.entries) {
        Object.defineProperty(out, key, {
          value: toPlain(entry.node),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}
