/**
 * Networks as compact adjacency arrays (CSR): the neighbours of node i are
 * `neighbours[offsets[i] .. offsets[i + 1])`. No object per node or per edge.
 */
import type { RandomStream } from './random.ts';

export interface Network {
  readonly nodes: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
}

export function degreeOf(net: Network, i: number): number {
  return net.offsets[i + 1] - net.offsets[i];
}

/**
 * Watts–Strogatz small world: a ring where each node links to its k/2 nearest neighbours on each side,
 * each link's far end rewired to a uniform random node with probability p. Built in two passes over the
 * same random sequence (`makeStream` must return a stream that starts afresh each call): the first
 * counts degrees, the second fills the CSR arrays, so no edge list is ever held in memory.
 */
export function wattsStrogatz(n: number, k: number, p: number, makeStream: () => RandomStream): Network {
  if (n < 2) return { nodes: n, offsets: new Int32Array(n + 1), neighbours: new Int32Array(0) };
  const half = Math.max(1, Math.min(Math.floor(k / 2), Math.floor((n - 1) / 2)));
  const offsets = new Int32Array(n + 1);
  const degree = new Int32Array(n);
  const visit = (onEdge: (a: number, b: number) => void) => {
    const uniform = makeStream().uniform;
    for (let i = 0; i < n; i++) {
      for (let j = 1; j <= half; j++) {
        let target = i + j;
        if (target >= n) target -= n;
        if (uniform() < p) {
          do target = Math.floor(uniform() * n);
          while (target === i);
        }
        onEdge(i, target);
      }
    }
  };
  visit((a, b) => {
    degree[a]++;
    degree[b]++;
  });
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const neighbours = new Int32Array(offsets[n]);
  const fill = degree; // reused as the per-node write cursor
  fill.fill(0);
  visit((a, b) => {
    neighbours[offsets[a] + fill[a]++] = b;
    neighbours[offsets[b] + fill[b]++] = a;
  });
  return { nodes: n, offsets, neighbours };
}
