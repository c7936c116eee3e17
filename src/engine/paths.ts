/**
 * Stable dotted paths into a tree of plain objects ("ministries.socialOrder"): how timeline events, and
 * later sweeps and calibrations, address any value of a scenario.
 */
export type Tree = { [key: string]: unknown };

export function getPath(tree: Tree, path: string): unknown {
  let node: unknown = tree;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key))
      return undefined;
    node = (node as Tree)[key];
  }
  return node;
}

/** Sets an existing leaf; throws if the path does not lead to one (paths are validated before runs). */
export function setPath(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: unknown = tree;
  for (let i = 0; i < keys.length - 1; i++) {
    // own keys only, as in getPath: "__proto__.x" must not reach (and change) Object.prototype
    if (!Object.prototype.hasOwnProperty.call(node, keys[i])) throw new Error(`no such path: ${path}`);
    node = (node as Tree)[keys[i]];
    if (node === null || typeof node !== 'object') throw new Error(`no such path: ${path}`);
  }
  const last = keys[keys.length - 1];
  if (!Object.prototype.hasOwnProperty.call(node, last)) throw new Error(`no such path: ${path}`);
  (node as Tree)[last] = value;
}

/** Every leaf path of a tree (arrays count as leaves), in key order. */
export function leafPaths(tree: Tree, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      out.push(...leafPaths(value as Tree, path));
    else out.push(path);
  }
  return out;
}
