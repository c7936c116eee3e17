/**
 * What a queue worker accepts (acceptPlan, the check runQueueWorker calls on every job): a plan stored
 * by a submitter of the same civsim, whose scenario validates and whose rebuilt hash is the one the run
 * names. Each way a stranger's job can be wrong is refused with its own reason — and a refused run is
 * never made.
 */
import { describe, expect, it } from 'vitest';
import { acceptPlan, RefusedRun, type StoredPlan } from '../../src/experiment/acceptPlan.ts';
import { parseParameter } from '../../src/experiment/parameter.ts';
import { planFromInputs, planInputsOf, type PlanInputs } from '../../src/experiment/planInputs.ts';
import { runCount } from '../../src/experiment/sweepPlan.ts';
import { scenarioHash } from '../../src/scenario/hash.ts';
import { loadScenario } from '../../src/node/index.ts';

const { scenario } = await loadScenario('scenarios/classics/threshold-normal.yaml');
const inputs: PlanInputs = {
  scenario,
  parameters: [parseParameter('population.thresholds.sd=0.05:0.2')],
  designOptions: { kind: 'grid', seed: 1, levels: 4 },
  replicates: 3,
  independentSeeds: false,
  metrics: ['participation'],
};
const plan = planFromInputs(inputs, 'v1');
const stored = (change: (s: StoredPlan) => void = () => undefined): string => {
  const s = JSON.parse(
    JSON.stringify({ format: 1, civsim: 'v1', plan: plan.id, inputs: planInputsOf(plan) }),
  ) as StoredPlan;
  change(s);
  return JSON.stringify(s);
};
const claim = { civsim: 'v1', plan: plan.id, scenario: scenarioHash(scenario), run: 5 };

async function refusal(text: string | null, c = claim, version = 'v1'): Promise<string> {
  try {
    await acceptPlan(text, c, version);
  } catch (error) {
    expect(error).toBeInstanceOf(RefusedRun);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('acceptPlan', () => {
  it('accepts a well-formed plan and rebuilds exactly the plan the submitter made', async () => {
    const accepted = await acceptPlan(stored(), claim, 'v1');
    expect(accepted.id).toBe(plan.id);
    expect(accepted.design.values).toEqual(plan.design.values);
    expect(runCount(accepted)).toBe(12);
    expect(planInputsOf(accepted)).toEqual(planInputsOf(plan));
  });

  it('refuses a run of another civsim version, as claimed or as stored', async () => {
    expect(await refusal(stored(), claim, 'v2')).toMatch(/queued by civsim v1; this worker is civsim v2/);
    expect(await refusal(stored((s) => (s.civsim = 'v0')))).toMatch(/made by civsim v0/);
  });

  it('refuses a missing, oversized, non-JSON or malformed plan', async () => {
    expect(await refusal(null)).toMatch(/not in the queue/);
    expect(await refusal('x'.repeat(16 * 1024 * 1024 + 1))).toMatch(/more than/);
    expect(await refusal('{"format":1,')).toMatch(/not JSON/);
    expect(await refusal(stored((s) => Object.assign(s, { extra: 1 })))).toMatch(/malformed/);
    expect(await refusal(stored((s) => (s.inputs.replicates = -1)))).toMatch(
      /malformed at inputs\.replicates/,
    );
    expect(await refusal(stored((s) => (s.inputs.designOptions.kind = 'everything' as 'grid')))).toMatch(
      /malformed at inputs\.designOptions\.kind/,
    );
  });

  it('refuses a plan whose scenario does not validate, or is not the one the run names', async () => {
    expect(
      await refusal(stored((s) => ((s.inputs.scenario as unknown as { steps: number }).steps = -3))),
    ).toMatch(/scenario is invalid/);
    // a valid scenario, but another one: its hash gives it away
    expect(await refusal(stored((s) => (s.inputs.scenario.seed = 7)))).toMatch(/does not have the hash/);
  });

  it('refuses unknown metrics, unresolvable parameters and inputs that do not rebuild the named plan', async () => {
    expect(await refusal(stored((s) => (s.inputs.metrics = ['nonsense'])))).toMatch(/metric "nonsense"/);
    expect(await refusal(stored((s) => (s.inputs.parameters[0].path = 'population.nowhere')))).toMatch(
      /design cannot be built/,
    );
    expect(await refusal(stored((s) => (s.inputs.designOptions.levels = 5)))).toMatch(
      /rebuilt from its inputs does not have the hash/,
    );
    expect(await refusal(stored((s) => (s.plan = 'f'.repeat(64))))).toMatch(/not the one the run names/);
  });

  it('refuses a run beyond the plan', async () => {
    expect(await refusal(stored(), { ...claim, run: 12 })).toMatch(
      /run 12 is not in the plan \(it has 12 runs\)/,
    );
    await expect(acceptPlan(stored(), { ...claim, run: 11 }, 'v1')).resolves.toBeDefined();
  });
});
