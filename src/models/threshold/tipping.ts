/**
 * Where Granovetter's (1978) crowd tips. For normal thresholds of mean μ clipped to [0, 1], the final
 * share acting jumps from a few to nearly all as the spread σ grows; the tipping σ is where the mean final
 * share over seeded crowds crosses one half, located on a grid of σ by linear interpolation between the
 * two grid points around the crossing, with a percentile bootstrap interval over the seeds.
 *
 * Each crowd is the threshold model's own replicate (its state, streams and `decide`), run until it stops
 * changing: in a well-mixed crowd that starts from nobody (or from instigators only) the acting share
 * never falls, so a step in which nobody joins or leaves is the end. Replicate r of every σ draws the
 * same standard normals (common random numbers), so the curve over σ is smooth in the seeds.
 *
 * For an infinite crowd the final share solves r = F(r) with F(r) = Φ((r − μ)/σ), starting from r = 0:
 * `continuumTipping` finds the σ at which the low solution disappears (Granovetter's 0.122 at μ = 0.25).
 */
import jstat from 'jstat';
import { createStream, RandomStreams } from '../../engine/random.ts';
import { percentileInterval } from '../../stats/quantile.ts';
import { decide } from './decide.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import { createThresholdState } from './state.ts';

/** The share acting once the replicate's crowd stops changing (its fixed point). */
export function finalParticipation(scenario: Scenario, replicate: number): number {
  const streams = new RandomStreams(scenario.name, scenario.seed, replicate);
  const state = createThresholdState(scenario, streams, structuredClone(scenario.levers));
  const n = state.active.length;
  // a monotone crowd reaches its end within n steps; anything else is not what this measures
  for (let step = 0; step <= n; step++) {
    decide(state);
    if (state.joined === 0 && state.left === 0) return state.acting / n;
  }
  throw new Error(`the crowd of ${n} did not settle within ${n + 1} steps`);
}

export interface TippingOptions {
  agents: number;
  /** The grid of σ, ascending. */
  sds: readonly number[];
  /** Seeded crowds (replicates 0 … seeds − 1) per σ. */
  seeds: number;
  /** Mean threshold (default 0.25, Granovetter's). */
  mean?: number;
  /** The model's levers (default 0: no shift, no instigators). */
  thresholdShift?: number;
  instigators?: number;
  /** Master seed (default 1) and bootstrap resamples (default 1000; 0 gives no interval). */
  seed?: number;
  resamples?: number;
}

export interface Tipping {
  agents: number;
  seeds: number;
  sds: readonly number[];
  /** Final share of each crowd: finals[k][r] at sds[k], replicate r. */
  finals: Float64Array[];
  /** Mean final share over the seeds at each σ. */
  means: Float64Array;
  /** σ where the mean crosses 1/2 (NaN when it does not within the grid). */
  tipping: number;
  /** 95% percentile bootstrap interval of `tipping` over the seeds ([NaN, NaN] without resamples). */
  interval: [number, number];
  /** Resamples whose mean did not cross 1/2 within the grid (left out of the interval). */
  uncrossed: number;
  /** σ where the mean crosses 0.1 and 0.9: the width of the transition. */
  from: number;
  to: number;
}

/**
 * The first σ at which `means` reaches `level` from below, interpolated linearly between the grid points
 * around it; NaN when the first value already reaches it or none does (pure).
 */
export function crossing(sds: readonly number[], means: ArrayLike<number>, level = 0.5): number {
  if (means.length === 0 || means[0] >= level) return Number.NaN;
  for (let k = 1; k < means.length; k++) {
    if (means[k] >= level) {
      const [m0, m1] = [means[k - 1], means[k]];
      return sds[k - 1] + ((level - m0) / (m1 - m0)) * (sds[k] - sds[k - 1]);
    }
  }
  return Number.NaN;
}

/** The tipping σ of seeded crowds of `agents` (see the file's comment). */
export function locateTipping(options: TippingOptions): Tipping {
  const { agents, sds, seeds } = options;
  const finals = sds.map((sd) => {
    const scenario = scenarioSchema().parse({
      model: 'threshold',
      name: 'granovetter-tipping',
      seed: options.seed ?? 1,
      steps: 1,
      population: { agents, thresholds: { kind: 'normal', mean: options.mean ?? 0.25, sd } },
      levers: { thresholdShift: options.thresholdShift ?? 0, instigators: options.instigators ?? 0 },
    });
    const out = new Float64Array(seeds);
    for (let r = 0; r < seeds; r++) out[r] = finalParticipation(scenario, r);
    return out;
  });
  const meanOver = (rows: ArrayLike<number>) =>
    Float64Array.from(finals, (f) => {
      let sum = 0;
      for (let j = 0; j < rows.length; j++) sum += f[rows[j]];
      return sum / rows.length;
    });
  const all = Int32Array.from({ length: seeds }, (_, r) => r);
  const means = meanOver(all);
  // percentile bootstrap over the seeds, from a named stream
  const resamples = options.resamples ?? 1000;
  const u = createStream({
    family: 'civsim-bootstrap',
    seed: options.seed ?? 1,
    replicate: 0,
    name: `tipping-${agents}`,
  }).uniform;
  const found: number[] = [];
  const rows = new Int32Array(seeds);
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < seeds; j++) rows[j] = (u() * seeds) | 0;
    const x = crossing(sds, meanOver(rows));
    if (!Number.isNaN(x)) found.push(x);
  }
  return {
    agents,
    seeds,
    sds,
    finals,
    means,
    tipping: crossing(sds, means),
    interval: found.length > 0 ? percentileInterval(found) : [Number.NaN, Number.NaN],
    uncrossed: resamples - found.length,
    from: crossing(sds, means, 0.1),
    to: crossing(sds, means, 0.9),
  };
}

/** The final share of an infinite crowd: r = Φ((r − μ)/σ) iterated from r = 0 (pure). */
export function continuumFinal(mean: number, sd: number): number {
  let r = 0;
  for (let k = 0; k < 1_000_000; k++) {
    const next = jstat.jStat.normal.cdf((r - mean) / sd, 0, 1);
    if (Math.abs(next - r) < 1e-14) return next;
    r = next;
  }
  return r;
}

/** The σ at which an infinite crowd's final share passes 1/2 (bisection to 1e-9; pure). */
export function continuumTipping(mean = 0.25): number {
  let [lo, hi] = [1e-3, 1];
  while (hi - lo > 1e-9) {
    const mid = (lo + hi) / 2;
    if (continuumFinal(mean, mid) > 0.5) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The expected final share of a crowd of n agents whose thresholds are drawn independently from
 * N(mean, sd) clipped to [0, 1], computed exactly rather than simulated (pure). From nobody, the crowd
 * stops at the first count k with C(k/n) ≤ k, C(x) the number of thresholds at most x (the acting share
 * only grows, so it cannot pass such a k). Going up the levels k = 0, 1, …, the count C(k/n) of a crowd
 * still going grows by a binomial draw among the agents above the last level; the distribution of that
 * count is carried level by level, O(n³).
 */
export function exactMeanFinal(n: number, mean: number, sd: number): number {
  const below = (x: number) => (x >= 1 ? 1 : jstat.jStat.normal.cdf((x - mean) / sd, 0, 1));
  // alive[c]: probability that the crowd is still going with C(k/n) = c (> k)
  let alive = new Float64Array(n + 1);
  let next = new Float64Array(n + 1);
  const pmf = new Float64Array(n + 1);
  let expected = 0;
  // level 0: C(0) ~ Binomial(n, P(θ ≤ 0)); with C(0) = 0 the crowd ends at 0
  binomialPmf(n, below(0), pmf);
  for (let c = 1; c <= n; c++) alive[c] = pmf[c];
  for (let k = 1; k <= n; k++) {
    const [pLast, pNow] = [below((k - 1) / n), below(k / n)];
    const q = pLast >= 1 ? 1 : Math.min(1, Math.max(0, (pNow - pLast) / (1 - pLast)));
    next.fill(0);
    for (let c = k; c <= n; c++) {
      if (alive[c] === 0) continue;
      binomialPmf(n - c, q, pmf);
      for (let d = 0; d <= n - c; d++) {
        const p = alive[c] * pmf[d];
        if (c + d <= k) expected += (p * k) / n;
        else next[c + d] += p;
      }
    }
    [alive, next] = [next, alive];
  }
  return expected;
}

/** Binomial(m, q) probabilities of 0 … m into out (by the ratio recurrence from the likelier end). */
function binomialPmf(m: number, q: number, out: Float64Array): void {
  if (q <= 0 || q >= 1) {
    out.fill(0, 0, m + 1);
    out[q <= 0 ? 0 : m] = 1;
    return;
  }
  const mode = Math.floor((m + 1) * q) > m ? m : Math.floor((m + 1) * q);
  out[mode] = 1;
  let total = 1;
  for (let d = mode; d < m; d++) {
    out[d + 1] = (out[d] * (m - d) * q) / ((d + 1) * (1 - q));
    total += out[d + 1];
  }
  for (let d = mode; d > 0; d--) {
    out[d - 1] = (out[d] * d * (1 - q)) / ((m - d + 1) * q);
    total += out[d - 1];
  }
  for (let d = 0; d <= m; d++) out[d] /= total;
}
