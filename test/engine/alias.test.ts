/** Walker's alias table: draws with probability proportional to weight, one uniform per draw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AliasTable } from '../../src/engine/alias.ts';
import { createStream } from '../../src/engine/random.ts';

const DRAWS = 200_000;

function frequencies(table: AliasTable, items: number, seedName: string): number[] {
  const u = createStream({ family: 'alias-test', seed: 1, replicate: 0, name: seedName }).uniform;
  const counts = new Array<number>(items).fill(0);
  for (let k = 0; k < DRAWS; k++) counts[table.sample(u())]++;
  return counts.map((c) => c / DRAWS);
}

/** Exact probability mass of each index: integrates sample(u) over u in [0, 1). */
function exactMass(table: AliasTable, items: number): number[] {
  const mass = new Array<number>(items).fill(0);
  // each column i covers u in [i/size, (i+1)/size): its own index below prob[i], its alias above
  const size = table.size;
  const steps = 4096;
  for (let i = 0; i < size; i++) {
    for (let s = 0; s < steps; s++) mass[table.sample((i + (s + 0.5) / steps) / size)] += 1 / (size * steps);
  }
  return mass;
}

describe('AliasTable', () => {
  it('draws each index about as often as its weight says (200k seeded draws)', () => {
    const weights = [1, 2, 3, 4, 0.5, 9.5];
    const total = weights.reduce((a, b) => a + b, 0);
    const table = new AliasTable();
    table.build(weights, weights.length);
    expect(table.size).toBe(6);
    expect(table.total).toBeCloseTo(total, 12);
    const freq = frequencies(table, weights.length, 'freq');
    weights.forEach((w, i) => {
      const p = w / total;
      // 5 binomial standard errors
      expect(Math.abs(freq[i] - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / DRAWS));
    });
  });

  it('never draws an item of weight zero (or a negative weight, which counts as zero)', () => {
    const weights = [0, 5, 0, -3, 1, 0, 2, 0];
    const table = new AliasTable();
    table.build(weights, weights.length);
    expect(table.total).toBe(8);
    const freq = frequencies(table, weights.length, 'zeros');
    for (const i of [0, 2, 3, 5, 7]) expect(freq[i]).toBe(0);
    // not even at the edges of a column
    for (let i = 0; i < weights.length; i++) {
      for (const u of [i / 8, (i + 0.5) / 8, (i + 1) / 8 - 1e-12])
        expect([1, 4, 6]).toContain(table.sample(u));
    }
  });

  it('all-zero weights (or n = 0) give -1', () => {
    const table = new AliasTable();
    table.build([0, 0, 0], 3);
    expect(table.size).toBe(0);
    expect(table.total).toBe(0);
    expect(table.sample(0.5)).toBe(-1);
    table.build([], 0);
    expect(table.sample(0)).toBe(-1);
  });

  it('a single positive weight is always drawn', () => {
    const table = new AliasTable();
    table.build([0, 0, 7, 0], 4);
    for (const u of [0, 0.1, 0.5, 0.74, 0.76, 0.999999]) expect(table.sample(u)).toBe(2);
  });

  it('the exact mass of every index equals its share of the weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true })), {
          minLength: 1,
          maxLength: 40,
        }),
        (weights) => {
          const table = new AliasTable();
          table.build(weights, weights.length);
          const total = weights.reduce((a, b) => a + b, 0);
          if (total <= 0) {
            expect(table.sample(0.3)).toBe(-1);
            return;
          }
          const mass = exactMass(table, weights.length);
          weights.forEach((w, i) => {
            if (w === 0) expect(mass[i]).toBe(0);
            else expect(Math.abs(mass[i] - w / total)).toBeLessThan(1e-3);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('uses only the first n weights, and a rebuild with fewer items forgets the old ones', () => {
    const table = new AliasTable();
    const many = Array.from({ length: 100 }, (_, i) => i + 1);
    table.build(many, 100);
    expect(table.size).toBe(100);
    table.build([0, 1, 3, 99, 99], 3);
    expect(table.size).toBe(3);
    expect(table.total).toBe(4);
    const freq = frequencies(table, 100, 'rebuild');
    expect(freq.slice(3).every((f) => f === 0)).toBe(true);
    expect(freq[0]).toBe(0);
    expect(Math.abs(freq[1] - 0.25)).toBeLessThan(0.005);
    expect(Math.abs(freq[2] - 0.75)).toBeLessThan(0.005);
  });

  it('grows its buffers for a larger rebuild', () => {
    const table = new AliasTable();
    table.build([1, 1], 2);
    const weights = Array.from({ length: 1000 }, (_, i) => (i === 999 ? 1000 : 0));
    table.build(weights, 1000);
    expect(table.size).toBe(1000);
    for (const u of [0, 0.25, 0.5, 0.999]) expect(table.sample(u)).toBe(999);
  });
});
