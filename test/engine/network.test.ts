/** Watts–Strogatz small worlds in CSR form, built in two passes over the same random sequence. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { degreeOf, wattsStrogatz, type Network } from '../../src/engine/network.ts';
import { createStream, streamFromUniform } from '../../src/engine/random.ts';

const seeded = (seed: number) => () =>
  createStream({ family: 'net-test', seed, replicate: 0, name: 'network' });

function neighboursOf(net: Network, i: number): number[] {
  return Array.from(net.neighbours.subarray(net.offsets[i], net.offsets[i + 1]));
}

/**
 * What is wrong with a network meant to be a Watts–Strogatz graph of n nodes and even degree k (empty
 * when nothing is): sum of degrees n·k, every degree ≥ 1, neighbours in range and never the node itself,
 * and symmetry counting multiplicity (j appears in N(i) as often as i appears in N(j)).
 */
function problems(net: Network, n: number, k: number): string[] {
  const out: string[] = [];
  if (net.nodes !== n) out.push(`nodes ${net.nodes}`);
  if (net.offsets.length !== n + 1) out.push(`offsets length ${net.offsets.length}`);
  if (net.offsets[0] !== 0) out.push('offsets[0] ≠ 0');
  if (net.offsets[n] !== n * k) out.push(`sum of degrees ${net.offsets[n]} ≠ ${n * k}`);
  if (net.neighbours.length !== n * k) out.push(`neighbours length ${net.neighbours.length}`);
  const directed = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (degreeOf(net, i) < 1) out.push(`node ${i} has degree ${degreeOf(net, i)}`);
    for (const j of neighboursOf(net, i)) {
      if (!(j >= 0 && j < n)) out.push(`node ${i} has neighbour ${j}`);
      if (j === i) out.push(`self-loop at ${i}`);
      const key = `${i}>${j}`;
      directed.set(key, (directed.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of directed) {
    const [i, j] = key.split('>');
    const back = directed.get(`${j}>${i}`) ?? 0;
    if (back !== count) out.push(`${i}→${j} ×${count} but ${j}→${i} ×${back}`);
  }
  return out;
}

describe('wattsStrogatz', () => {
  it('p = 0 gives the exact ring lattice: each node linked to its k/2 nearest on each side', () => {
    const n = 20;
    const k = 6;
    const net = wattsStrogatz(n, k, 0, seeded(1));
    expect(problems(net, n, k)).toEqual([]);
    for (let i = 0; i < n; i++) {
      const expected = [1, 2, 3].flatMap((d) => [(i + d) % n, (i - d + n) % n]).sort((a, b) => a - b);
      expect(neighboursOf(net, i).sort((a, b) => a - b)).toEqual(expected);
    }
  });

  it('p = 0 never rewires, whatever the stream returns', () => {
    // the rewiring coin u < 0 never comes up, so even a constant stub gives the lattice
    const lattice = wattsStrogatz(10, 4, 0, () => streamFromUniform(() => 0));
    for (let i = 0; i < 10; i++) expect(degreeOf(lattice, i)).toBe(4);
  });

  it('p = 1 rewires every link: structure still holds (degrees, symmetry, no self-loops)', () => {
    const net = wattsStrogatz(200, 8, 1, seeded(2));
    expect(problems(net, 200, 8)).toEqual([]);
    // far from the lattice: most links now go beyond the ring neighbourhood
    let far = 0;
    for (let i = 0; i < 200; i++)
      for (const j of neighboursOf(net, i)) if (Math.min(Math.abs(i - j), 200 - Math.abs(i - j)) > 4) far++;
    expect(far / (200 * 8)).toBeGreaterThan(0.9);
  });

  it('the share of rewired links is about p', () => {
    const n = 5000;
    const net = wattsStrogatz(n, 8, 0.1, seeded(3));
    // count links i → i+d (d ≤ 4) that survived from node i's side
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const ns = neighboursOf(net, i);
      for (let d = 1; d <= 4; d++) if (ns.includes((i + d) % n)) kept++;
    }
    // each lattice link survives with chance 0.9 (a rewired far end lands on a ring neighbour rarely)
    expect(Math.abs(kept / (n * 4) - 0.9)).toBeLessThan(0.01);
  });

  it('holds its structure for any size, even degree and rewiring probability', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 80 }),
        fc.integer({ min: 1, max: 5 }).map((h) => 2 * h),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (n, k, p, seed) => {
          fc.pre(k < n); // k/2 links each side need n > k distinct neighbours
          expect(problems(wattsStrogatz(n, k, p, seeded(seed)), n, k)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('caps the half-degree for small n and still gives everyone a neighbour', () => {
    const tiny = wattsStrogatz(2, 8, 0, seeded(1));
    expect(Array.from(tiny.offsets)).toEqual([0, 2, 4]);
    expect(Array.from(tiny.neighbours)).toEqual([1, 1, 0, 0]);
    // n = 3: one link each side, whatever k asks for
    const three = wattsStrogatz(3, 8, 0, seeded(1));
    for (let i = 0; i < 3; i++) expect(degreeOf(three, i)).toBe(2);
    expect(problems(wattsStrogatz(3, 8, 0.5, seeded(1)), 3, 2)).toEqual([]);
    const empty = wattsStrogatz(1, 8, 0.5, seeded(1));
    expect(empty.nodes).toBe(1);
    expect(Array.from(empty.offsets)).toEqual([0, 0]);
  });

  it('the same seed gives identical arrays; another seed gives others', () => {
    const a = wattsStrogatz(1000, 8, 0.05, seeded(7));
    const b = wattsStrogatz(1000, 8, 0.05, seeded(7));
    const c = wattsStrogatz(1000, 8, 0.05, seeded(8));
    expect(Buffer.from(a.offsets.buffer).equals(Buffer.from(b.offsets.buffer))).toBe(true);
    expect(Buffer.from(a.neighbours.buffer).equals(Buffer.from(b.neighbours.buffer))).toBe(true);
    expect(Buffer.from(a.neighbours.buffer).equals(Buffer.from(c.neighbours.buffer))).toBe(false);
  });

  it('needs a stream that starts afresh for each pass (a shared stream breaks the CSR fill)', () => {
    // documents the contract: with one continuing stream the second pass sees other numbers
    const shared = createStream({ family: 'net-test', seed: 9, replicate: 0, name: 'network' });
    expect(
      problems(
        wattsStrogatz(300, 8, 0.5, () => shared),
        300,
        8,
      ),
    ).not.toEqual([]);
    expect(problems(wattsStrogatz(300, 8, 0.5, seeded(9)), 300, 8)).toEqual([]);
  });
});
