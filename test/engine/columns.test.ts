/** Structures of typed arrays: fixed columns for citizens, growable columns for NGOs. */
import { describe, expect, it } from 'vitest';
import { GrowableColumns, createColumns } from '../../src/engine/columns.ts';

const spec = { x: Float64Array, n: Int32Array, flag: Uint8Array, f: Float32Array };

describe('createColumns', () => {
  it('makes one zeroed typed array of the given type and size per attribute', () => {
    const cols = createColumns(spec, 5);
    expect(Object.keys(cols)).toEqual(['x', 'n', 'flag', 'f']);
    expect(cols.x).toBeInstanceOf(Float64Array);
    expect(cols.n).toBeInstanceOf(Int32Array);
    expect(cols.flag).toBeInstanceOf(Uint8Array);
    expect(cols.f).toBeInstanceOf(Float32Array);
    for (const col of Object.values(cols)) {
      expect(col).toHaveLength(5);
      expect(Array.from(col).every((v) => v === 0)).toBe(true);
    }
  });
});

describe('GrowableColumns', () => {
  it('adds zeroed slots with consecutive indices', () => {
    const table = new GrowableColumns(spec, 4);
    expect(table.length).toBe(0);
    expect([table.add(), table.add(), table.add()]).toEqual([0, 1, 2]);
    expect(table.length).toBe(3);
    expect(table.cols.x[2]).toBe(0);
  });

  it('keeps every value of every column when it grows, and new slots start at zero', () => {
    const table = new GrowableColumns(spec, 2);
    for (let k = 0; k < 1000; k++) {
      const i = table.add();
      expect(i).toBe(k);
      const c = table.cols; // re-read: columns may have been reallocated
      expect(c.x[i]).toBe(0);
      expect(c.n[i]).toBe(0);
      c.x[i] = i + 0.5;
      c.n[i] = 3 * i - 7;
      c.flag[i] = i % 256;
      c.f[i] = i / 4;
    }
    const c = table.cols;
    expect(c.x.length).toBeGreaterThanOrEqual(1000);
    for (let i = 0; i < 1000; i++) {
      expect(c.x[i]).toBe(i + 0.5);
      expect(c.n[i]).toBe(3 * i - 7);
      expect(c.flag[i]).toBe(i % 256);
      expect(c.f[i]).toBe(i / 4);
    }
  });

  it('doubles its capacity (amortised growth), keeping column types', () => {
    const table = new GrowableColumns(spec, 3);
    const sizes = new Set<number>();
    for (let k = 0; k < 50; k++) {
      table.add();
      sizes.add(table.cols.x.length);
    }
    expect([...sizes]).toEqual([3, 6, 12, 24, 48, 96]);
    expect(table.cols.n).toBeInstanceOf(Int32Array);
    expect(table.cols.flag).toBeInstanceOf(Uint8Array);
  });

  it('an initial capacity of 0 still works', () => {
    const table = new GrowableColumns({ v: Float64Array }, 0);
    table.add();
    table.cols.v[0] = 3;
    table.add();
    table.cols.v[1] = 4;
    expect(Array.from(table.cols.v.subarray(0, table.length))).toEqual([3, 4]);
  });
});
