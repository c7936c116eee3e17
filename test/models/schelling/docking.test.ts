/**
 * Docking civsim's Schelling model to Mesa 3.3.1 and to the ABMFrameworksComparison code, run unmodified
 * (test/fixtures/mesa-reference/: per-seed numbers, the script that made them and its versions). civsim
 * cannot replay Mesa's random numbers, so "equivalent" means the same distributions: for each statistic,
 * a two-sample Kolmogorov–Smirnov test of civsim's replicates against Mesa's seeds must not reject at
 * p < 0.001 (a band loose enough for the ~20 statistics here to pass by chance with 98% probability, and
 * tight enough to catch a changed rule: see the knockout), and mean segregation by homophily must lie
 * within 4 standard errors of Mesa's, with the published shape (rising to 0.7, collapsing above).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schelling } from '../../../src/models/schelling/index.ts';
import type { Scenario } from '../../../src/models/schelling/schema.ts';
import { loadScenario } from '../../../src/node/index.ts';
import { runReplicate } from '../../../src/run/replicate.ts';
import { ksTwoSample } from '../../../src/stats/ksTest.ts';

type Series = Record<string, Float64Array | number[]>;
const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/mesa-reference/schelling.json', import.meta.url), 'utf8'),
) as {
  models: Record<string, Record<string, number[]>> & {
    'mesa-homophily': {
      by_homophily: { homophily: number; final_segregation_mean: number; final_segregation_sd: number }[];
    };
  };
};

async function scenario(file: string, change: (s: Scenario) => void = () => undefined): Promise<Scenario> {
  const s = structuredClone((await loadScenario(`scenarios/classics/${file}`)).scenario as Scenario);
  change(s);
  return s;
}

function runs(s: Scenario, count: number): Series[] {
  return Array.from(
    { length: count },
    (_, r) => runReplicate(schelling, s, r).series.values as unknown as Series,
  );
}

const at = (series: Series[], metric: string, step: number) => series.map((v) => v[metric][step]);

function expectSameDistribution(ours: number[], theirs: number[], what: string): void {
  const { pValue, statistic } = ksTwoSample(ours, theirs);
  expect(pValue, `${what}: KS D = ${statistic.toFixed(3)}, p = ${pValue.toExponential(2)}`).toBeGreaterThan(
    0.001,
  );
}

/** The first step at which every household is happy (Mesa's all_happy_step). */
function allHappyStep(v: Series): number {
  const happy = v.happy;
  for (let t = 0; t < happy.length; t++) if (happy[t] === 1) return t;
  return Number.NaN;
}

describe('Schelling docked to Mesa 3.3.1 (mesa rule, the example’s defaults)', async () => {
  const mesa = reference.models['mesa-defaults'];
  const ours = runs(await scenario('schelling-mesa-defaults.yaml'), 100);

  it('has the same distributions of households, initial happiness and segregation, and of when all are happy', () => {
    expectSameDistribution(at(ours, 'households', 0), mesa.n, 'households');
    expectSameDistribution(at(ours, 'happy', 0), mesa.happy_share_step0, 'happy share at step 0');
    expectSameDistribution(at(ours, 'segregation', 0), mesa.segregation_step0, 'segregation at step 0');
    expectSameDistribution(at(ours, 'segregation', 20), mesa.segregation_step20, 'segregation at step 20');
    expectSameDistribution(ours.map(allHappyStep), mesa.all_happy_step, 'step when all are happy');
  });

  it('fails the same check when the rule is changed (households judged as they move, ABMFC-style)', async () => {
    // knockout: the abmfc rule at the same preference (≥ 40% of 8 neighbours ≈ 3 alike) sorts differently
    const changed = runs(
      await scenario('schelling-mesa-defaults.yaml', (s) => {
        s.rule.kind = 'abmfc';
        s.levers.minSimilar = 4;
      }),
      100,
    );
    expect(ksTwoSample(at(changed, 'segregation', 20), mesa.segregation_step20).pValue).toBeLessThan(0.001);
  });

  it('rises with homophily as Mesa’s does, and collapses when no one can be satisfied', async () => {
    const sweep = reference.models['mesa-homophily'].by_homophily;
    const means: number[] = [];
    for (const { homophily, final_segregation_mean: mean, final_segregation_sd: sd } of sweep) {
      const s = await scenario('schelling-mesa-defaults.yaml', (x) => {
        x.levers.homophily = homophily;
        x.steps = 100;
      });
      const final = at(runs(s, 20), 'segregation', 100);
      const ourMean = final.reduce((a, b) => a + b, 0) / final.length;
      const ourSd = Math.sqrt(final.reduce((a, b) => a + (b - ourMean) ** 2, 0) / (final.length - 1));
      const se = Math.sqrt((sd ** 2 + ourSd ** 2) / 20);
      expect(
        Math.abs(ourMean - mean),
        `homophily ${homophily}: ours ${ourMean.toFixed(3)}, Mesa ${mean}`,
      ).toBeLessThan(4 * Math.max(se, 0.003));
      means.push(ourMean);
    }
    for (let k = 1; k <= 6; k++) expect(means[k]).toBeGreaterThan(means[k - 1]); // 0.1 … 0.7
    expect(means[7]).toBeLessThan(0.6); // 0.8: nobody stays put, the town stays mixed
  });
});

describe('Schelling docked to the ABMFrameworksComparison code (abmfc rule)', () => {
  for (const [preset, count] of [
    ['small', 100],
    ['large', 50],
  ] as const) {
    it(`${preset}: the same distributions of households, movers and segregation`, async () => {
      const theirs = reference.models[`abmfc-${preset}`];
      const ours = runs(await scenario(`schelling-abmfc-${preset}.yaml`), count);
      expectSameDistribution(at(ours, 'households', 0), theirs.n, 'households');
      expectSameDistribution(at(ours, 'happy', 0), theirs.happy_share_step0, 'happy at step 0');
      expectSameDistribution(at(ours, 'moved', 1), theirs.moved_step1, 'moved in step 1');
      expectSameDistribution(at(ours, 'moved', 20), theirs.moved_step20, 'moved in step 20');
      expectSameDistribution(
        at(ours, 'segregation', 20),
        theirs.segregation_step20,
        'segregation at step 20',
      );
    }, 60_000);
  }
});
