/**
 * Experimental designs over swept parameters (pure, seeded): which parameter values each design point
 * gets.
 * - grid: every combination of the listed values, ranges cut into `levels` evenly spaced values;
 * - lhs: Latin hypercube, `samples` points, each parameter's range cut into as many strata, one point
 *   per stratum;
 * - morris: `samples` one-at-a-time trajectories of k + 1 points on a `levels`-level grid (Morris 1991,
 *   with the jump Δ = levels / (2 (levels − 1)));
 * - points: values given point by point (each within its parameter's range): a calibration's particles;
 * - sobol: Saltelli's scheme (Saltelli et al. 2010) on Sobol' points — for each of `samples` base rows the
 *   points A, AB_1…AB_k, B, where AB_i is A with parameter i taken from B — for first- and total-order
 *   indices.
 * Each point is first a position in the unit cube, then mapped to values: linearly or logarithmically
 * across a range, or onto a list's values in equal slices. A design draws its randomness from one named
 * stream of the sweep's seed, so the same inputs give the same design.
 */
import { createStream, type RandomStream } from '../engine/random.ts';
import type { ParameterSpec } from './parameter.ts';
import { maxSobolDimensions, sobolPoints } from './sobolSequence.ts';

/** The designs a user asks for by name. */
export const designKinds = ['grid', 'lhs', 'morris', 'sobol'] as const;
/** …and `points`: values given one by one (a calibration's generation of particles). */
export type DesignKind = (typeof designKinds)[number] | 'points';

export interface DesignOptions {
  kind: DesignKind;
  /** lhs: points; morris: trajectories; sobol: base rows (N). Not used by grid. */
  samples?: number;
  /** grid: values per range; morris: grid levels (even). */
  levels?: number;
  /** The sweep's seed (lhs and morris draw from it). */
  seed: number;
  /** points: per point, per parameter, its value (within the parameter's range). */
  points?: number[][];
}

/** What each design needs at least, and uses by default. */
export const designDefaults = {
  grid: { levels: 5, minLevels: 2 },
  lhs: { samples: 50, minSamples: 2 },
  morris: { samples: 10, minSamples: 2, levels: 4 },
  sobol: { samples: 256, minSamples: 16 },
} as const;

/** Most design points a sweep may have: beyond this, no laptop or cluster finishes it. */
export const maxDesignPoints = 1_000_000;

export interface Design {
  kind: DesignKind;
  /** Per point, per parameter: its position in [0, 1]. */
  unit: number[][];
  /** Per point, per parameter: the value it runs with (whole numbers rounded later, by the scenario's schema). */
  values: number[][];
  samples?: number;
  levels?: number;
  /** Morris: each trajectory's k steps, in order: which parameter moved and by how much in unit terms (±Δ). */
  morris?: { delta: number; steps: { parameter: number; change: number }[][] };
  /** Sobol: the points of base row j are j·(k+2) + 0 (A), + i (AB_i, i = 1…k), + k + 1 (B). */
  sobol?: { base: number };
}

/** A design that cannot be built as asked, with what would make it work. */
export class DesignSizeError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'DesignSizeError';
  }
}

/** A position in [0, 1] as the parameter's value. */
export function valueAt(spec: ParameterSpec, u: number): number {
  if (spec.values) {
    const n = spec.values.length;
    return spec.values[Math.min(n - 1, Math.floor(u * n))];
  }
  const { low, high, log } = spec.range!;
  if (u <= 0) return low;
  if (u >= 1) return high;
  const value = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
  // 15 significant digits: a grid level reads 0.16, not 0.15999999999999998 (the double's own noise)
  return Number(value.toPrecision(15));
}

function designStream(seed: number, kind: DesignKind): RandomStream {
  return createStream({ family: 'civsim-design', seed, replicate: 0, name: kind });
}

/** Fisher–Yates on 0…n−1. */
function permutation(n: number, random: RandomStream): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function checkCount(points: number, what: string): void {
  if (points > maxDesignPoints) {
    throw new DesignSizeError(
      `${what} has ${points.toLocaleString('en')} points; at most ${maxDesignPoints.toLocaleString('en')}`,
      'use fewer values or samples, or split the question into smaller sweeps',
    );
  }
}

function wholeAtLeast(value: number, min: number, name: string, kind: DesignKind, why: string): void {
  if (!Number.isInteger(value) || value < min) {
    throw new DesignSizeError(
      `${kind} needs ${name} ≥ ${min} (got ${value}): ${why}`,
      `give --${name} ${min} or more`,
    );
  }
}

function grid(parameters: readonly ParameterSpec[], levels: number): number[][] {
  wholeAtLeast(levels, designDefaults.grid.minLevels, 'levels', 'grid', 'a range needs both its ends');
  const axes = parameters.map((p) =>
    p.values
      ? p.values.map((_, i) => (i + 0.5) / p.values!.length)
      : Array.from({ length: levels }, (_, i) => i / (levels - 1)),
  );
  checkCount(
    axes.reduce((n, axis) => n * axis.length, 1),
    'the grid',
  );
  // the last parameter varies fastest
  let points: number[][] = [[]];
  for (const axis of axes) points = points.flatMap((point) => axis.map((u) => [...point, u]));
  return points;
}

function latinHypercube(k: number, samples: number, random: RandomStream): number[][] {
  wholeAtLeast(
    samples,
    designDefaults.lhs.minSamples,
    'samples',
    'lhs',
    'one point per stratum, and at least two strata',
  );
  checkCount(samples, 'the Latin hypercube');
  const columns = Array.from({ length: k }, () =>
    permutation(samples, random).map((stratum) => (stratum + random.uniform()) / samples),
  );
  return Array.from({ length: samples }, (_, i) => columns.map((column) => column[i]));
}

function morris(
  k: number,
  trajectories: number,
  levels: number,
  random: RandomStream,
): Pick<Design, 'unit' | 'morris'> {
  wholeAtLeast(
    trajectories,
    designDefaults.morris.minSamples,
    'samples',
    'morris',
    'σ needs two elementary effects per parameter',
  );
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new DesignSizeError(
      `morris needs an even number of levels ≥ 2 (got ${levels})`,
      'give --levels 4 (or 6, 8)',
    );
  }
  checkCount(trajectories * (k + 1), 'the Morris design');
  const delta = levels / (2 * (levels - 1));
  const unit: number[][] = [];
  const steps: { parameter: number; change: number }[][] = [];
  for (let t = 0; t < trajectories; t++) {
    // a base on the lower half of the grid, so that base + Δ stays within [0, 1]
    const point = Array.from({ length: k }, () => random.int(levels / 2) / (levels - 1));
    const direction = Array.from({ length: k }, () => (random.chance(0.5) ? 1 : -1));
    for (let i = 0; i < k; i++) if (direction[i] < 0) point[i] += delta;
    const order = permutation(k, random);
    unit.push([...point]);
    const trajectory: { parameter: number; change: number }[] = [];
    for (const i of order) {
      point[i] += direction[i] * delta;
      // exact grid values (no drift from adding Δ)
      point[i] = Math.round(point[i] * (levels - 1)) / (levels - 1);
      unit.push([...point]);
      trajectory.push({ parameter: i, change: direction[i] * delta });
    }
    steps.push(trajectory);
  }
  return { unit, morris: { delta, steps } };
}

function saltelli(k: number, base: number): number[][] {
  wholeAtLeast(
    base,
    designDefaults.sobol.minSamples,
    'samples',
    'sobol',
    'the indices and their bootstrap intervals need at least 16 base rows',
  );
  if (2 * k > maxSobolDimensions) {
    throw new DesignSizeError(
      `sobol handles at most ${maxSobolDimensions / 2} parameters (got ${k})`,
      'screen them first with --design morris',
    );
  }
  checkCount(base * (k + 2), 'the Sobol design');
  const rows = sobolPoints(base, 2 * k);
  const unit: number[][] = [];
  for (const row of rows) {
    const a = row.slice(0, k);
    const b = row.slice(k);
    unit.push(a);
    for (let i = 0; i < k; i++) unit.push(a.map((v, j) => (j === i ? b[i] : v)));
    unit.push(b);
  }
  return unit;
}

/** Given values' positions in the unit cube, after checking each lies within its parameter's range. */
function givenPoints(parameters: readonly ParameterSpec[], points: readonly number[][]): number[][] {
  if (points.length === 0) throw new DesignSizeError('a points design needs at least one point');
  checkCount(points.length, 'the list of points');
  return points.map((point, j) => {
    if (point.length !== parameters.length) {
      throw new DesignSizeError(`point ${j} has ${point.length} values for ${parameters.length} parameters`);
    }
    return point.map((value, i) => {
      const { range, values, path } = parameters[i];
      if (!range) {
        const at = values!.indexOf(value);
        if (at < 0) throw new DesignSizeError(`point ${j}: ${value} is not one of ${path}'s values`);
        return (at + 0.5) / values!.length;
      }
      const { low, high, log } = range;
      if (!(Number.isFinite(value) && value >= low && value <= high)) {
        throw new DesignSizeError(`point ${j}: ${path} = ${value} is outside its range ${low}–${high}`);
      }
      if (high === low) return 0;
      return log
        ? (Math.log(value) - Math.log(low)) / (Math.log(high) - Math.log(low))
        : (value - low) / (high - low);
    });
  });
}

export function buildDesign(parameters: readonly ParameterSpec[], options: DesignOptions): Design {
  const k = parameters.length;
  if (k === 0) throw new DesignSizeError('a sweep needs at least one parameter', 'add --param PATH=VALUES');
  const random = designStream(options.seed, options.kind);
  let design: Omit<Design, 'values'>;
  switch (options.kind) {
    case 'grid': {
      const levels = options.levels ?? designDefaults.grid.levels;
      design = { kind: 'grid', unit: grid(parameters, levels), levels };
      break;
    }
    case 'lhs': {
      const samples = options.samples ?? designDefaults.lhs.samples;
      design = { kind: 'lhs', unit: latinHypercube(k, samples, random), samples };
      break;
    }
    case 'morris': {
      const samples = options.samples ?? designDefaults.morris.samples;
      const levels = options.levels ?? designDefaults.morris.levels;
      design = { kind: 'morris', ...morris(k, samples, levels, random), samples, levels };
      break;
    }
    case 'sobol': {
      const samples = options.samples ?? designDefaults.sobol.samples;
      design = { kind: 'sobol', unit: saltelli(k, samples), samples, sobol: { base: samples } };
      break;
    }
    case 'points':
      return { kind: 'points', unit: givenPoints(parameters, options.points ?? []), values: options.points! };
  }
  return { ...design, values: design.unit.map((u) => u.map((x, i) => valueAt(parameters[i], x))) };
}
