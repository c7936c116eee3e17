/**
 * Docking civsim's Epstein model (mesa rule) to Mesa 3.3.1's example epstein_civil_violence, run
 * unmodified (test/fixtures/mesa-reference/: per-seed numbers condensed by extract_epstein.py from the
 * outputs of run_mesa.py, with its versions). civsim cannot replay Mesa's random numbers, so "the same
 * end states in distribution" is tested: for each statistic, a two-sample Kolmogorov–Smirnov test of
 * civsim's replicates against Mesa's seeds must not reject at p < 0.001 (about 25 statistics here: all
 * pass by chance with 97% probability if the models are the same, and a changed rule fails — see the
 * knockouts). Two presets: the example's defaults (a quiet street whose jail slowly fills) and the
 * example app's slider values (NetLogo's densities and legitimacy: recurring outbursts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { epstein } from '../../../src/models/epstein/index.ts';
import type { Scenario } from '../../../src/models/epstein/schema.ts';
import { loadScenario } from '../../../src/node/index.ts';
import { runReplicate } from '../../../src/run/replicate.ts';
import { ksTwoSample } from '../../../src/stats/ksTest.ts';

type Series = Record<string, Float64Array | number[]>;
interface MesaCase {
  seeds: number[];
  n_citizens: number[];
  mean_active: number[];
  max_active: number[];
  steps_any_active: number[];
  bursts_ge50: number[];
  active: Record<string, number[]>;
  arrested: Record<string, number[]>;
}
const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/mesa-reference/epstein.json', import.meta.url), 'utf8'),
) as { models: Record<'mesa-defaults' | 'mesa-app', MesaCase> };

async function scenario(file: string, change: (s: Scenario) => void = () => undefined): Promise<Scenario> {
  const s = structuredClone((await loadScenario(`scenarios/classics/${file}`)).scenario as Scenario);
  s.steps = 100;
  change(s);
  return s;
}

function runs(s: Scenario, count: number): Series[] {
  return Array.from(
    { length: count },
    (_, r) => runReplicate(epstein, s, r).series.values as unknown as Series,
  );
}

const at = (series: Series[], metric: string, step: number) => series.map((v) => v[metric][step]);
const over = (series: Series[], f: (active: number[]) => number) =>
  series.map((v) => f(Array.from(v.active).slice(1)));
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const upCrossings = (xs: number[], k: number) =>
  xs.filter((x, i) => x >= k && (i === 0 ? true : xs[i - 1] < k)).length;

function pValue(ours: number[], theirs: number[]): number {
  return ksTwoSample(ours, theirs).pValue;
}

function expectSameDistribution(ours: number[], theirs: number[], what: string): void {
  const { pValue: p, statistic } = ksTwoSample(ours, theirs);
  expect(p, `${what}: KS D = ${statistic.toFixed(3)}, p = ${p.toExponential(2)}`).toBeGreaterThan(0.001);
}

describe('Epstein docked to Mesa 3.3.1 (mesa rule, the example’s defaults: 100 seeds, 100 steps)', async () => {
  const mesa = reference.models['mesa-defaults'];
  const ours = runs(await scenario('epstein-mesa-defaults.yaml'), 100);

  it('has the same distributions of citizens, first-step rebels and arrests, and of the jail filling up', () => {
    expectSameDistribution(at(ours, 'quiet', 0), mesa.n_citizens, 'citizens');
    expectSameDistribution(at(ours, 'active', 1), mesa.active['1'], 'active after step 1');
    for (const t of [1, 2, 10, 50, 100]) {
      expectSameDistribution(at(ours, 'jailed', t), mesa.arrested[String(t)], `arrested after step ${t}`);
    }
  });

  it('has the same distributions of how often and how much the street stirs', () => {
    expectSameDistribution(over(ours, mean), mesa.mean_active, 'mean active over steps 1–100');
    expectSameDistribution(
      over(ours, (a) => Math.max(...a)),
      mesa.max_active,
      'most active in a step',
    );
    expectSameDistribution(
      over(ours, (a) => a.filter((x) => x > 0).length),
      mesa.steps_any_active,
      'steps with anyone active',
    );
  });
});

describe('Epstein docked to Mesa 3.3.1 (mesa rule, the app’s values: 50 seeds, 100 steps)', async () => {
  const mesa = reference.models['mesa-app'];
  const app = (s: Scenario) => {
    s.population.copDensity = 0.04;
    s.levers.legitimacy = 0.82;
    s.levers.maxJailTerm = 30;
  };
  const ours = runs(await scenario('epstein-mesa-defaults.yaml', app), 50);

  it('has the same distributions of the first outburst, the jail and the later outbursts', () => {
    for (const t of [1, 2, 5, 10, 20, 100]) {
      expectSameDistribution(at(ours, 'active', t), mesa.active[String(t)], `active after step ${t}`);
    }
    for (const t of [2, 5, 10, 100]) {
      expectSameDistribution(at(ours, 'jailed', t), mesa.arrested[String(t)], `arrested after step ${t}`);
    }
    expectSameDistribution(over(ours, mean), mesa.mean_active, 'mean active over steps 1–100');
    expectSameDistribution(
      over(ours, (a) => Math.max(...a)),
      mesa.max_active,
      'most active in a step',
    );
    expectSameDistribution(
      over(ours, (a) => upCrossings(a, 50)),
      mesa.bursts_ge50,
      'outbursts of ≥ 50',
    );
  });

  /** The smallest p-value of the outburst statistics for 50 runs of the app preset changed by `change`. */
  async function worstP(change: (s: Scenario) => void): Promise<number> {
    const changed = runs(await scenario('epstein-mesa-defaults.yaml', (s) => (app(s), change(s))), 50);
    return Math.min(
      ...[2, 5, 10].map((t) => pValue(at(changed, 'active', t), mesa.active[String(t)])),
      pValue(over(changed, mean), mesa.mean_active),
    );
  }

  it('fails when the arrest probability rounds C/A down (NetLogo) instead of to the nearest (Mesa)', async () => {
    expect(await worstP((s) => (s.rule.ratio = 'floor'))).toBeLessThan(0.001);
  });

  it('fails under NetLogo’s rule (jailed citizens free their cells, agents move before they look)', async () => {
    expect(await worstP((s) => (s.rule.kind = 'netlogo'))).toBeLessThan(0.001);
  });
});
