/**
 * Named random streams: the same key always gives the same numbers, any part of the key changes them,
 * streams do not disturb each other, and the distributions have the moments they should.
 */
import { describe, expect, it } from 'vitest';
import {
  RandomStreams,
  createStream,
  streamFromUniform,
  streamSeed,
  type RandomStream,
  type StreamKey,
} from '../../src/engine/random.ts';

const key: StreamKey = { family: 'test', seed: 42, replicate: 0, name: 'draws' };

const take = (stream: RandomStream, n: number) => Array.from({ length: n }, () => stream.uniform());

/** A stub generator that returns the given numbers in order and fails loudly when they run out. */
function scripted(values: number[]): () => number {
  let i = 0;
  return () => {
    if (i >= values.length) throw new Error('scripted stream exhausted');
    return values[i++];
  };
}

function moments(xs: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

describe('stream keys', () => {
  it('the seed string names every part of the key', () => {
    expect(streamSeed(key)).toBe('civsim|test|42|0|draws');
  });

  it('the same key gives the same sequence', () => {
    expect(take(createStream(key), 50)).toEqual(take(createStream({ ...key }), 50));
  });

  it('a different family, seed, replicate or name gives a different sequence', () => {
    const base = take(createStream(key), 20);
    for (const other of [
      { ...key, family: 'other' },
      { ...key, seed: 43 },
      { ...key, replicate: 1 },
      { ...key, name: 'other' },
    ]) {
      const xs = take(createStream(other), 20);
      expect(xs).not.toEqual(base);
      // not merely shifted or partly equal: no position agrees
      expect(xs.filter((x, i) => x === base[i])).toHaveLength(0);
    }
  });

  it('draws are uniform in [0, 1)', () => {
    const s = createStream(key);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = s.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      else bins[Math.floor(u * 10)]++;
    }
    expect(outside).toBe(0);
    // each decile holds 10% ± 0.6% (about 6 standard errors)
    for (const b of bins) expect(Math.abs(b / n - 0.1)).toBeLessThan(0.006);
  });
});

describe('RandomStreams', () => {
  it('get caches a stream by name: a second get continues where the first left off', () => {
    const streams = new RandomStreams('test', 42, 0);
    const all = take(createStream({ family: 'test', seed: 42, replicate: 0, name: 'a' }), 10);
    expect(streams.get('a')).toBe(streams.get('a'));
    expect(take(streams.get('a'), 5)).toEqual(all.slice(0, 5));
    expect(take(streams.get('a'), 5)).toEqual(all.slice(5, 10));
  });

  it('fresh replays the numbers of get from the start, however far get has gone', () => {
    const streams = new RandomStreams('test', 42, 3);
    const used = take(streams.get('network'), 1000);
    expect(take(streams.fresh('network'), 1000)).toEqual(used);
    // each fresh stream starts afresh, and does not move the cached one
    expect(take(streams.fresh('network'), 3)).toEqual(used.slice(0, 3));
    const next = streams.get('network').uniform();
    const reference = createStream({ family: 'test', seed: 42, replicate: 3, name: 'network' });
    take(reference, 1000);
    expect(next).toBe(reference.uniform());
  });

  it('using one stream a lot does not change another', () => {
    const quiet = new RandomStreams('test', 7, 1);
    const busy = new RandomStreams('test', 7, 1);
    take(busy.get('noise'), 100_000);
    busy.get('noise').normal();
    busy.get('noise').poisson(500);
    expect(take(busy.get('signal'), 100)).toEqual(take(quiet.get('signal'), 100));
  });

  it('replicates and seeds of the same family differ', () => {
    const a = take(new RandomStreams('f', 1, 0).get('x'), 10);
    expect(take(new RandomStreams('f', 1, 1).get('x'), 10)).not.toEqual(a);
    expect(take(new RandomStreams('f', 2, 0).get('x'), 10)).not.toEqual(a);
    expect(take(new RandomStreams('g', 1, 0).get('x'), 10)).not.toEqual(a);
  });
});

describe('distributions on a stub generator', () => {
  it('int(n) is floor(u·n): always in [0, n)', () => {
    expect(streamFromUniform(() => 0).int(7)).toBe(0);
    expect(streamFromUniform(() => 0.5).int(7)).toBe(3);
    expect(streamFromUniform(() => 1 - 2 ** -53).int(7)).toBe(6);
  });

  it('chance(p) is u < p', () => {
    const s = streamFromUniform(() => 0.3);
    expect(s.chance(0.31)).toBe(true);
    expect(s.chance(0.3)).toBe(false);
    expect(s.chance(0)).toBe(false);
    expect(streamFromUniform(() => 0).chance(1e-12)).toBe(true);
  });

  it('normal uses Box–Muller and returns the spare of each pair without drawing again', () => {
    const s = streamFromUniform(scripted([0.5, 0.25, 0.5, 0.5]));
    const r = Math.sqrt(-2 * Math.log(0.5));
    expect(s.normal()).toBeCloseTo(r * Math.cos(Math.PI / 2), 12);
    expect(s.normal()).toBeCloseTo(r * Math.sin(Math.PI / 2), 12);
    expect(s.normal()).toBeCloseTo(-r, 12); // angle π: cos = −1
    expect(s.normal()).toBeCloseTo(0, 12); // its spare: sin π ≈ 0
    expect(() => s.normal()).toThrow(/exhausted/);
  });

  it('normal skips a zero uniform (log 0) instead of returning infinity', () => {
    const s = streamFromUniform(scripted([0, 0.5, 0]));
    expect(s.normal()).toBeCloseTo(Math.sqrt(-2 * Math.log(0.5)), 12);
  });

  it('poisson multiplies uniforms until the product falls below e^−λ (small means)', () => {
    // λ = 1: e^−1 ≈ 0.368; 0.5 > limit (k = 1), 0.5·0.5 = 0.25 ≤ limit: stop
    expect(streamFromUniform(scripted([0.5, 0.5])).poisson(1)).toBe(1);
    expect(streamFromUniform(scripted([0.3])).poisson(1)).toBe(0);
    expect(streamFromUniform(scripted([0.9, 0.9, 0.9, 0.1])).poisson(1)).toBe(3);
  });

  it('poisson uses a rounded normal approximation above λ = 60 and never goes negative', () => {
    // u = 0.5, angle π: z = −√(−2 ln 0.5)
    const z = -Math.sqrt(-2 * Math.log(0.5));
    expect(streamFromUniform(() => 0.5).poisson(200)).toBe(Math.round(200 + Math.sqrt(200) * z));
    // a very small u gives a huge |z|: clamped at 0
    expect(streamFromUniform(scripted([1e-300, 0.5])).poisson(61)).toBe(0);
  });

  it('poisson of a mean ≤ 0 (or NaN) is 0 and draws nothing', () => {
    const s = streamFromUniform(scripted([]));
    expect(s.poisson(0)).toBe(0);
    expect(s.poisson(-3)).toBe(0);
    expect(s.poisson(Number.NaN)).toBe(0);
  });
});

describe('distributions on a seeded stream', () => {
  const N = 100_000;

  it.each([3, 200])('poisson(%d) has mean and variance near λ', (lambda) => {
    const s = createStream({ ...key, name: `poisson-${lambda}` });
    const xs = new Float64Array(N);
    let invalid = 0;
    for (let i = 0; i < N; i++) {
      const k = s.poisson(lambda);
      if (!(Number.isInteger(k) && k >= 0)) invalid++;
      xs[i] = k;
    }
    expect(invalid).toBe(0);
    const { mean, variance } = moments(xs);
    // standard errors: mean √(λ/N), variance ≈ √(2λ²/N); tolerances ≈ 5 standard errors
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / N));
    expect(Math.abs(variance - lambda)).toBeLessThan(5 * Math.sqrt((2 * lambda * lambda + lambda) / N));
  });

  it('poisson(3) puts e^−3 of its mass on 0 and 3e^−3 on 1', () => {
    const s = createStream({ ...key, name: 'poisson-pmf' });
    let zeros = 0;
    let ones = 0;
    for (let i = 0; i < N; i++) {
      const k = s.poisson(3);
      if (k === 0) zeros++;
      else if (k === 1) ones++;
    }
    expect(Math.abs(zeros / N - Math.exp(-3))).toBeLessThan(0.004);
    expect(Math.abs(ones / N - 3 * Math.exp(-3))).toBeLessThan(0.006);
  });

  it('normal has mean ≈ 0, sd ≈ 1 and 95% of its mass within ±1.96', () => {
    const s = createStream({ ...key, name: 'normal' });
    const xs = new Float64Array(N);
    let inside = 0;
    let infinite = 0;
    for (let i = 0; i < N; i++) {
      const z = s.normal();
      if (!Number.isFinite(z)) infinite++;
      xs[i] = z;
      if (Math.abs(z) < 1.959964) inside++;
    }
    expect(infinite).toBe(0);
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(Math.abs(Math.sqrt(variance) - 1)).toBeLessThan(0.015);
    expect(Math.abs(inside / N - 0.95)).toBeLessThan(0.004);
  });

  it('int(n) stays within [0, n) and reaches every value about equally', () => {
    const s = createStream({ ...key, name: 'int' });
    const counts = new Array<number>(7).fill(0);
    let outside = 0;
    for (let i = 0; i < 70_000; i++) {
      const k = s.int(7);
      if (Number.isInteger(k) && k >= 0 && k < 7) counts[k]++;
      else outside++;
    }
    expect(outside).toBe(0);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});
