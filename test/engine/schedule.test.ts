/**
 * The schedule of dated changes: sets on their tick, linear ramps that land exactly on their target,
 * sets that cancel ramps, same-tick events in written order, actions with strength and label.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tree } from '../../src/engine/paths.ts';
import { Schedule, type FiredAction, type ScheduledChange } from '../../src/engine/schedule.ts';

/** Applies the schedule on ticks 0..ticks-1 and returns what `read` sees after each tick. */
function trace<T>(changes: ScheduledChange[], params: Tree, ticks: number, read: (p: Tree) => T): T[] {
  const schedule = new Schedule(changes);
  return Array.from({ length: ticks }, (_, t) => {
    schedule.apply(t, params);
    return read(params);
  });
}

describe('set', () => {
  it('assigns values on its tick and not before', () => {
    const params = { a: { b: 1 }, c: 'x' };
    const values = trace([{ tick: 3, set: { 'a.b': 5, c: 'y' } }], params, 6, (p) => [(p.a as Tree).b, p.c]);
    expect(values).toEqual([
      [1, 'x'],
      [1, 'x'],
      [1, 'x'],
      [5, 'y'],
      [5, 'y'],
      [5, 'y'],
    ]);
  });

  it('applies changes that fell due on a skipped tick at the next apply', () => {
    const params = { x: 0 };
    const schedule = new Schedule([{ tick: 2, set: { x: 1 } }]);
    schedule.apply(0, params);
    expect(params.x).toBe(0);
    schedule.apply(5, params);
    expect(params.x).toBe(1);
  });

  it('events on one tick apply in the order written, whatever order the list has otherwise', () => {
    const params = { x: 0 };
    const schedule = new Schedule([
      { tick: 4, set: { x: 3 } },
      { tick: 2, set: { x: 1 } },
      { tick: 4, set: { x: 4 } },
      { tick: 2, set: { x: 2 } },
    ]);
    const seen: number[] = [];
    for (let t = 0; t < 6; t++) {
      schedule.apply(t, params);
      seen.push(params.x);
    }
    expect(seen).toEqual([0, 0, 2, 2, 4, 4]);
  });

  it('a later event on the same tick sees the value an earlier one set (ramp starting from a set)', () => {
    const params = { x: 0 };
    const values = trace(
      [
        { tick: 1, set: { x: 10 } },
        { tick: 1, endTick: 3, ramp: { x: 16 } },
      ],
      params,
      5,
      (p) => p.x,
    );
    expect(values).toEqual([0, 10, 13, 16, 16]);
  });

  it('throws on an unknown path', () => {
    expect(() => new Schedule([{ tick: 0, set: { 'a.nope': 1 } }]).apply(0, { a: { b: 1 } })).toThrow(
      /no such path: a.nope/,
    );
    expect(() => new Schedule([{ tick: 0, ramp: { nope: 1 } }]).apply(0, { a: 1 })).toThrow(
      /no such path: nope/,
    );
    expect(() =>
      new Schedule([{ tick: 0, endTick: 5, ramp: { 'a.b.c': 1 } }]).apply(0, { a: { b: 1 } }),
    ).toThrow(/no such path/);
  });
});

describe('ramp', () => {
  it('moves linearly from the value on its start tick to the target on its end tick, then stays', () => {
    const params = { x: 2 };
    const values = trace([{ tick: 2, endTick: 6, ramp: { x: 10 } }], params, 9, (p) => p.x);
    expect(values).toEqual([2, 2, 2, 4, 6, 8, 10, 10, 10]);
  });

  it('starts from the value on its start tick, not the value when the schedule was built', () => {
    const params = { x: 0 };
    const values = trace(
      [
        { tick: 1, set: { x: 4 } },
        { tick: 2, endTick: 4, ramp: { x: 0 } },
      ],
      params,
      6,
      (p) => p.x,
    );
    expect(values).toEqual([0, 4, 4, 2, 0, 0]);
  });

  it('with no end tick, or an end tick not after the start, jumps to the target', () => {
    expect(trace([{ tick: 1, ramp: { x: 7 } }], { x: 1 }, 3, (p) => p.x)).toEqual([1, 7, 7]);
    expect(trace([{ tick: 2, endTick: 1, ramp: { x: 7 } }], { x: 1 }, 4, (p) => p.x)).toEqual([1, 1, 7, 7]);
  });

  it('ends exactly on the target on its end tick, for any numbers', () => {
    // e.g. 0.2 + (0.9 − 0.2) · 1 = 0.8999999999999999 in floating point
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 40 }),
        (from, to, start, length) => {
          const params = { x: from };
          const values = trace(
            [{ tick: start, endTick: start + length, ramp: { x: to } }],
            params,
            start + length + 2,
            (p) => p.x,
          );
          // === rather than Object.is: +0 and −0 are the same lever value
          expect(values[start] === from).toBe(true);
          expect(values[start + length] === to).toBe(true);
          expect(values[start + length + 1] === to).toBe(true);
        },
      ),
    );
    const params = { x: 0.2 };
    expect(trace([{ tick: 0, endTick: 3, ramp: { x: 0.9 } }], params, 4, (p) => p.x)[3]).toBe(0.9);
  });

  it('each step lies between the start value and the target, monotonically', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (from, to, length) => {
          const values = trace(
            [{ tick: 0, endTick: length, ramp: { x: to } }],
            { x: from },
            length + 1,
            (p) => Number(p.x),
          );
          const lo = Math.min(from, to);
          const hi = Math.max(from, to);
          for (let t = 0; t <= length; t++) {
            expect(values[t]).toBeGreaterThanOrEqual(lo);
            expect(values[t]).toBeLessThanOrEqual(hi);
            if (t > 0) expect((values[t] - values[t - 1]) * (to - from)).toBeGreaterThanOrEqual(0);
            // linear: within rounding of the exact interpolation
            const exact = from + ((to - from) * t) / length;
            expect(Math.abs(values[t] - exact)).toBeLessThanOrEqual(
              1e-9 * (1 + Math.abs(from) + Math.abs(to)),
            );
          }
        },
      ),
    );
  });

  it('a set on a path cancels a running ramp on that path, and only on that path', () => {
    const params = { x: 0, y: 0 };
    const values = trace(
      [
        { tick: 0, endTick: 10, ramp: { x: 10, y: 10 } },
        { tick: 4, set: { x: -1 } },
      ],
      params,
      12,
      (p) => [p.x, p.y],
    );
    expect(values.map((v) => v[0])).toEqual([0, 1, 2, 3, -1, -1, -1, -1, -1, -1, -1, -1]);
    expect(values.map((v) => v[1])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]);
  });

  it('a new ramp on a path replaces the running one from the current value', () => {
    const params = { x: 0 };
    const values = trace(
      [
        { tick: 0, endTick: 10, ramp: { x: 10 } },
        { tick: 4, endTick: 6, ramp: { x: 0 } },
      ],
      params,
      9,
      (p) => p.x,
    );
    expect(values).toEqual([0, 1, 2, 3, 3, 1.5, 0, 0, 0]);
  });
});

describe('actions', () => {
  it('are returned on their tick with strength (default 1) and label, in the order written', () => {
    const schedule = new Schedule([
      { tick: 2, action: 'audit' },
      { tick: 1, action: 'crackdown', strength: 0.5, label: 'January events' },
      { tick: 2, action: 'civilForum', strength: 0.25 },
    ]);
    const fired: FiredAction[][] = [];
    for (let t = 0; t < 4; t++) fired.push(schedule.apply(t, {}));
    expect(fired[0]).toEqual([]);
    expect(fired[1]).toEqual([{ action: 'crackdown', strength: 0.5, label: 'January events' }]);
    expect(fired[2]).toEqual([
      { action: 'audit', strength: 1, label: undefined },
      { action: 'civilForum', strength: 0.25, label: undefined },
    ]);
    expect(fired[3]).toEqual([]);
  });

  it('an event may set values and fire an action at once', () => {
    const params = { x: 0 };
    const schedule = new Schedule([{ tick: 0, set: { x: 1 }, action: 'audit', strength: 0 }]);
    expect(schedule.apply(0, params)).toEqual([{ action: 'audit', strength: 0, label: undefined }]);
    expect(params.x).toBe(1);
  });
});
