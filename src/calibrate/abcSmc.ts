/**
 * Approximate Bayesian computation by sequential Monte Carlo (pure, seeded): the adaptive population
 * Monte Carlo scheme of Lenormand, Jabot & Deffuant (2013, "Adaptive approximate Bayesian computation for
 * complex models", Computational Statistics 28), made for stochastic simulators that are costly to run.
 *
 * - Generation 1 draws `particles` N parameter vectors from the prior (uniform, or log-uniform for a
 *   `:log` range) and simulates each; the tolerance ε₁ is the α-quantile of their distances to the
 *   targets, and the N_α = ⌊αN⌋ closest are kept, with equal weights.
 * - Generation t draws N − N_α new vectors: a kept particle picked by weight, moved by a Gaussian kernel
 *   with twice the kept particles' weighted covariance (Beaumont et al. 2009), redrawn until inside the
 *   prior's box; its importance weight is prior / proposal mixture. The kept and the new particles
 *   together give ε_t as their α-quantile, and the N_α closest are kept.
 * - It stops when the share of new particles closer than the last tolerance (p_acc) falls to
 *   `minAcceptance`, or after `maxGenerations`: the tolerance schedule is thus chosen by the data, not
 *   in advance.
 *
 * Every generation simulates a fixed number of particles, each drawn from its own named random stream
 * (generation, index), so a generation is one batch of independent runs: it runs on any number of
 * workers, shards or queue machines, and gives the same particles in any order. Parameters are handled
 * in the prior's own coordinates (a log range in logarithms), where the prior is uniform on a box.
 */
import { createStream, type RandomStream } from '../engine/random.ts';

/** ABC-SMC cannot go on with these particles (a degenerate kernel, a posterior stuck at the prior's edge). */
export class AbcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AbcError';
  }
}

/** A calibrated parameter's prior: uniform on [low, high], or uniform in log on it. */
export interface Prior {
  path: string;
  low: number;
  high: number;
  log: boolean;
}

export interface AbcSettings {
  /** Particles simulated in generation 1 (N). */
  particles: number;
  /** Share kept each generation (α). */
  alpha: number;
  /** Stop when the share of new particles within the last tolerance falls to this (p_acc_min). */
  minAcceptance: number;
  maxGenerations: number;
  seed: number;
}

export const abcDefaults = { particles: 200, alpha: 0.5, minAcceptance: 0.05, maxGenerations: 12 } as const;

/** One simulated particle. */
export interface Particle {
  generation: number;
  /** Its index within its generation. */
  index: number;
  /** Parameter values, in the priors' order (natural units). */
  theta: number[];
  /** Importance weight (unnormalised). */
  weight: number;
  /** Distance of its simulation to the targets (Infinity when the run failed). */
  distance: number;
}

/** What one generation left. */
export interface GenerationResult {
  generation: number;
  /** Tolerance ε_t: the largest distance among the kept. */
  epsilon: number;
  /** Share of this generation's new particles within the previous tolerance (NaN in generation 1). */
  acceptance: number;
  /** Runs simulated in this generation (particles × replicates is the cost). */
  simulated: number;
  /** The N_α particles kept: the posterior sample so far. */
  kept: Particle[];
}

/** A proposed particle before it is simulated. */
export interface Proposal {
  index: number;
  theta: number[];
  weight: number;
}

export function keptCount(settings: Pick<AbcSettings, 'particles' | 'alpha'>): number {
  return Math.max(2, Math.floor(settings.alpha * settings.particles));
}

/** How many particles generation t simulates. */
export function proposalCount(
  settings: Pick<AbcSettings, 'particles' | 'alpha'>,
  generation: number,
): number {
  return generation === 1 ? settings.particles : settings.particles - keptCount(settings);
}

const toInner = (p: Prior, x: number) => (p.log ? Math.log(x) : x);
/** Back to natural units, kept within the bounds (exp(log x) may land a rounding error outside). */
const toNatural = (p: Prior, z: number) => Math.min(p.high, Math.max(p.low, p.log ? Math.exp(z) : z));
const innerBox = (p: Prior): [number, number] => [toInner(p, p.low), toInner(p, p.high)];

function stream(seed: number, generation: number, index: number): RandomStream {
  return createStream({ family: 'civsim-abc', seed, replicate: generation, name: `particle-${index}` });
}

/** Generation 1: draws from the prior. */
export function priorProposals(priors: readonly Prior[], settings: AbcSettings): Proposal[] {
  return Array.from({ length: proposalCount(settings, 1) }, (_, index) => {
    const random = stream(settings.seed, 1, index);
    const theta = priors.map((p) => {
      const [a, b] = innerBox(p);
      return toNatural(p, a + random.uniform() * (b - a));
    });
    return { index, theta, weight: 1 };
  });
}

/** Weighted mean and covariance of the kept particles in inner coordinates. */
function weightedMoments(points: number[][], weights: number[]): { mean: number[]; cov: number[][] } {
  const d = points[0].length;
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = Array.from(
    { length: d },
    (_, i) => points.reduce((sum, z, j) => sum + weights[j] * z[i], 0) / total,
  );
  const cov = Array.from({ length: d }, (_, a) =>
    Array.from(
      { length: d },
      (_, b) =>
        points.reduce((sum, z, j) => sum + weights[j] * (z[a] - mean[a]) * (z[b] - mean[b]), 0) / total,
    ),
  );
  return { mean, cov };
}

/** Lower-triangular L with L Lᵀ = A (A symmetric positive definite). */
export function cholesky(a: readonly number[][]): number[][] {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(sum > 0)) throw new AbcError('the kernel covariance is not positive definite');
        l[i][i] = Math.sqrt(sum);
      } else l[i][j] = sum / l[j][j];
    }
  }
  return l;
}

/** The perturbation kernel: a Gaussian with covariance Σ = 2 · weighted covariance (+ a floor). */
export interface Kernel {
  chol: number[][];
  /** log of the normalising constant: −(d/2) log 2π − ½ log |Σ|. */
  logNorm: number;
}

export function kernelOf(kept: readonly Particle[], priors: readonly Prior[]): Kernel {
  const points = kept.map((p) => p.theta.map((x, i) => toInner(priors[i], x)));
  const { cov } = weightedMoments(
    points,
    kept.map((p) => p.weight),
  );
  const d = priors.length;
  // a floor of (10⁻⁶ of the prior's width)² on the diagonal keeps Σ invertible when particles coincide
  const sigma = cov.map((row, a) =>
    row.map((c, b) => {
      const [lo, hi] = innerBox(priors[a]);
      return 2 * c + (a === b ? ((hi - lo) * 1e-6) ** 2 : 0);
    }),
  );
  const chol = cholesky(sigma);
  const logDet = 2 * chol.reduce((sum, row, i) => sum + Math.log(row[i]), 0);
  return { chol, logNorm: -(d / 2) * Math.log(2 * Math.PI) - logDet / 2 };
}

/** log φ_Σ(z − centre). */
function logKernel(kernel: Kernel, z: readonly number[], centre: readonly number[]): number {
  // solve L y = (z − centre); the quadratic form is |y|²
  const n = z.length;
  const y = new Array<number>(n);
  let q = 0;
  for (let i = 0; i < n; i++) {
    let s = z[i] - centre[i];
    for (let k = 0; k < i; k++) s -= kernel.chol[i][k] * y[k];
    y[i] = s / kernel.chol[i][i];
    q += y[i] * y[i];
  }
  return kernel.logNorm - q / 2;
}

/** log of the prior density in inner coordinates (uniform on the box). */
function logPrior(priors: readonly Prior[]): number {
  return -priors.reduce((sum, p) => {
    const [a, b] = innerBox(p);
    return sum + Math.log(b - a);
  }, 0);
}

/** Generation t ≥ 2: particles moved from the kept ones, with their importance weights. */
export function movedProposals(
  kept: readonly Particle[],
  priors: readonly Prior[],
  settings: AbcSettings,
  generation: number,
): Proposal[] {
  const kernel = kernelOf(kept, priors);
  const centres = kept.map((p) => p.theta.map((x, i) => toInner(priors[i], x)));
  const total = kept.reduce((sum, p) => sum + p.weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const p of kept) cumulative.push((running += p.weight / total));
  const boxes = priors.map(innerBox);
  const prior = logPrior(priors);
  return Array.from({ length: proposalCount(settings, generation) }, (_, index) => {
    const random = stream(settings.seed, generation, index);
    let z: number[] = [];
    for (let attempt = 0; ; attempt++) {
      const u = random.uniform();
      let pick = cumulative.findIndex((c) => u < c);
      if (pick < 0) pick = kept.length - 1;
      const noise = priors.map(() => random.normal());
      z = centres[pick].map((c, i) => c + kernel.chol[i].reduce((s, l, k) => s + l * noise[k], 0));
      if (z.every((x, i) => x >= boxes[i][0] && x <= boxes[i][1])) break;
      if (attempt > 10_000)
        throw new AbcError(
          'cannot propose a particle inside the prior after 10,000 tries: the posterior sits in a corner of the prior box; widen the prior ranges (or fit fewer parameters)',
        );
    }
    // importance weight: prior / mixture of kernels around the kept particles (log-sum-exp)
    const logs = centres.map((c, j) => Math.log(kept[j].weight / total) + logKernel(kernel, z, c));
    const top = Math.max(...logs);
    const mixture = top + Math.log(logs.reduce((s, l) => s + Math.exp(l - top), 0));
    return {
      index,
      theta: z.map((x, i) => toNatural(priors[i], x)),
      weight: Math.exp(prior - mixture),
    };
  });
}

/** Orders particles by distance, ties by generation and index (so the choice never depends on order). */
function byDistance(a: Particle, b: Particle): number {
  return a.distance - b.distance || a.generation - b.generation || a.index - b.index;
}

/**
 * The end of a generation: the new particles (simulated) and the kept ones of the previous generation
 * together; the tolerance is their α-quantile and the N_α closest are kept.
 */
export function selectGeneration(
  generation: number,
  fresh: readonly Particle[],
  previous: GenerationResult | undefined,
  settings: AbcSettings,
): GenerationResult {
  const pool = [...(previous?.kept ?? []), ...fresh].sort(byDistance);
  const kept = pool.slice(0, keptCount(settings));
  const acceptance = previous
    ? fresh.filter((p) => p.distance < previous.epsilon).length / Math.max(1, fresh.length)
    : Number.NaN;
  return {
    generation,
    epsilon: kept[kept.length - 1].distance,
    acceptance,
    simulated: fresh.length,
    kept,
  };
}

/** Whether to run another generation after this one. */
export function shouldContinue(last: GenerationResult, settings: AbcSettings): boolean {
  if (last.generation >= settings.maxGenerations) return false;
  if (!Number.isFinite(last.epsilon)) return true;
  return Number.isNaN(last.acceptance) || last.acceptance > settings.minAcceptance;
}

/** The proposals of generation t given the previous one. */
export function proposalsFor(
  generation: number,
  previous: GenerationResult | undefined,
  priors: readonly Prior[],
  settings: AbcSettings,
): Proposal[] {
  return generation === 1 || !previous
    ? priorProposals(priors, settings)
    : movedProposals(previous.kept, priors, settings, generation);
}
