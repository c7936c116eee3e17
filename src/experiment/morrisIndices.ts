/**
 * Morris screening from a Morris design's outputs (pure): each trajectory's elementary effects
 *   EE_i = (f(after moving i) − f(before)) / Δ_i        (Δ_i = ±Δ, in the unit-scaled input)
 * and per parameter μ = mean(EE), μ* = mean(|EE|) (Campolongo et al. 2007) and σ = sd(EE) (denominator
 * r − 1), with a percentile bootstrap interval for μ* over trajectories. A large μ* says the parameter
 * matters; a σ comparable to μ* says its effect depends on the others (interaction or non-linearity).
 */
import { createStream } from '../engine/random.ts';
import { percentileInterval } from '../stats/quantile.ts';

export interface MorrisStep {
  parameter: number;
  change: number;
}

/** Per parameter, its elementary effect in each trajectory (outputs in design order: k + 1 per trajectory). */
export function elementaryEffects(
  outputs: ArrayLike<number>,
  steps: readonly (readonly MorrisStep[])[],
  k: number,
): number[][] {
  if (outputs.length !== steps.length * (k + 1)) {
    throw new RangeError(
      `${steps.length} trajectories of ${k} parameters have ${steps.length * (k + 1)} outputs, got ${outputs.length}`,
    );
  }
  const effects: number[][] = Array.from({ length: k }, () => []);
  steps.forEach((trajectory, t) => {
    const first = t * (k + 1);
    trajectory.forEach((step, s) => {
      effects[step.parameter].push((outputs[first + s + 1] - outputs[first + s]) / step.change);
    });
  });
  return effects;
}

export interface MorrisIndices {
  mu: number[];
  muStar: number[];
  sigma: number[];
  muStarInterval: [number, number][];
  trajectories: number;
}

const mean = (values: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
};

function sd(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

export function morrisIndices(
  outputs: ArrayLike<number>,
  steps: readonly (readonly MorrisStep[])[],
  k: number,
  options: { seed: number; stream?: string; resamples?: number; level?: number },
): MorrisIndices {
  const effects = elementaryEffects(outputs, steps, k);
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const random = createStream({
    family: 'civsim-bootstrap',
    seed: options.seed,
    replicate: 0,
    name: options.stream ?? 'morris',
  });
  const r = steps.length;
  const boot = Array.from({ length: k }, () => new Float64Array(resamples));
  const pick = new Float64Array(r);
  for (let b = 0; b < resamples; b++) {
    const rows = Array.from({ length: r }, () => random.int(r));
    for (let i = 0; i < k; i++) {
      for (let t = 0; t < r; t++) pick[t] = Math.abs(effects[i][rows[t]]);
      boot[i][b] = mean(pick);
    }
  }
  return {
    mu: effects.map((e) => mean(e)),
    muStar: effects.map((e) => mean(e.map(Math.abs))),
    sigma: effects.map(sd),
    muStarInterval: boot.map((values) => percentileInterval(values, level)),
    trajectories: r,
  };
}
