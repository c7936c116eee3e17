/**
 * Sobol' first- and total-order indices from a Saltelli design's outputs (pure), with bootstrap
 * intervals. For each parameter i, over the N base rows:
 *   V    = var(f_A ∪ f_B)                      (sample variance of all 2N values, denominator 2N − 1)
 *   S_i  = mean(f_B · (f_ABi − f_A)) / V         (Saltelli et al. 2010, their eq. (b))
 *   ST_i = mean((f_A − f_ABi)²) / (2V)           (Jansen 1999)
 * — the estimators SALib uses. The intervals resample the base rows with replacement (percentile
 * bootstrap), from a named stream, so they are reproducible. Estimates can fall below 0 or above 1 when
 * N is small or an index is near zero: they are reported as computed, not clipped.
 */
import { createStream } from '../engine/random.ts';
import { percentileInterval } from '../stats/quantile.ts';

/** The sample variance (denominator n − 1) of two arrays taken together. */
export function pooledVariance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length + b.length;
  let mean = 0;
  for (let j = 0; j < a.length; j++) mean += a[j];
  for (let j = 0; j < b.length; j++) mean += b[j];
  mean /= n;
  let ss = 0;
  for (let j = 0; j < a.length; j++) ss += (a[j] - mean) ** 2;
  for (let j = 0; j < b.length; j++) ss += (b[j] - mean) ** 2;
  return ss / (n - 1);
}

/** Saltelli 2010 first-order estimate for one parameter. */
export function saltelliFirst(
  fA: ArrayLike<number>,
  fB: ArrayLike<number>,
  fABi: ArrayLike<number>,
  variance: number,
): number {
  let sum = 0;
  for (let j = 0; j < fA.length; j++) sum += fB[j] * (fABi[j] - fA[j]);
  return sum / fA.length / variance;
}

/** Jansen total-order estimate for one parameter. */
export function jansenTotal(fA: ArrayLike<number>, fABi: ArrayLike<number>, variance: number): number {
  let sum = 0;
  for (let j = 0; j < fA.length; j++) sum += (fA[j] - fABi[j]) ** 2;
  return sum / fA.length / (2 * variance);
}

export interface SobolIndices {
  /** Per parameter. */
  first: number[];
  total: number[];
  firstInterval: [number, number][];
  totalInterval: [number, number][];
  /** V, the output's variance over the design. */
  variance: number;
  /** Base rows used, bootstrap resamples drawn. */
  base: number;
  resamples: number;
}

export interface SobolOptions {
  /** Bootstrap resamples (default 1000; 0 gives no intervals, NaN ends). */
  resamples?: number;
  level?: number;
  /** Seed and name of the bootstrap stream. */
  seed: number;
  stream?: string;
}

/** Splits outputs in the design's layout (per base row: A, AB_1…AB_k, B) into f_A, f_B and f_ABi. */
export function saltelliColumns(
  outputs: ArrayLike<number>,
  k: number,
): { fA: Float64Array; fB: Float64Array; fAB: Float64Array[] } {
  const width = k + 2;
  if (outputs.length % width !== 0) {
    throw new RangeError(
      `a Saltelli design with ${k} parameters has a multiple of ${width} outputs, got ${outputs.length}`,
    );
  }
  const n = outputs.length / width;
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = Array.from({ length: k }, () => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    fA[j] = outputs[j * width];
    for (let i = 0; i < k; i++) fAB[i][j] = outputs[j * width + 1 + i];
    fB[j] = outputs[j * width + k + 1];
  }
  return { fA, fB, fAB };
}

export function sobolIndices(outputs: ArrayLike<number>, k: number, options: SobolOptions): SobolIndices {
  const { fA, fB, fAB } = saltelliColumns(outputs, k);
  const n = fA.length;
  const variance = pooledVariance(fA, fB);
  const first = fAB.map((f) => saltelliFirst(fA, fB, f, variance));
  const total = fAB.map((f) => jansenTotal(fA, f, variance));
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const bootFirst = Array.from({ length: k }, () => new Float64Array(resamples));
  const bootTotal = Array.from({ length: k }, () => new Float64Array(resamples));
  const random = createStream({
    family: 'civsim-bootstrap',
    seed: options.seed,
    replicate: 0,
    name: options.stream ?? 'sobol',
  });
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ab = new Float64Array(n);
  const rows = new Int32Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let j = 0; j < n; j++) {
      rows[j] = random.int(n);
      a[j] = fA[rows[j]];
      b[j] = fB[rows[j]];
    }
    const v = pooledVariance(a, b);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < n; j++) ab[j] = fAB[i][rows[j]];
      bootFirst[i][r] = saltelliFirst(a, b, ab, v);
      bootTotal[i][r] = jansenTotal(a, ab, v);
    }
  }
  const interval = (values: Float64Array) => percentileInterval(values, level);
  return {
    first,
    total,
    firstInterval: bootFirst.map(interval),
    totalInterval: bootTotal.map(interval),
    variance,
    base: n,
    resamples,
  };
}
