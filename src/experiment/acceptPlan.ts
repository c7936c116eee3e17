/**
 * How a queue worker decides to trust a run it was handed (pure): like a file from a stranger. The
 * stored plan must parse and have the expected shape within size limits; its scenario must pass the same
 * validation as a scenario file; its metrics must be ones the model records; its parameters and design
 * must resolve; and the plan this civsim rebuilds from it must have exactly the hash the job names —
 * which proves the same inputs and the same civsim version. Anything else is refused with the reason,
 * and never run.
 */
import { z } from 'zod';
import { modelById } from '../models/registry.ts';
import { outputMetricIds } from '../output/tables.ts';
import { loadScenarioFile, scenarioHash, ScenarioError, formatIssue } from '../scenario/load.ts';
import { memoryScenarioIO } from '../scenario/memoryIO.ts';
import { designKinds, DesignSizeError } from './design.ts';
import { planFromInputs, type PlanInputs } from './planInputs.ts';
import { DesignError } from './resolveParameters.ts';
import { runCount, type SweepPlan } from './sweepPlan.ts';

/** A plan as stored for queue workers. */
export interface StoredPlan {
  format: 1;
  civsim: string;
  plan: string;
  inputs: PlanInputs;
}

/** The largest stored plan a worker reads (a scenario is a few tens of kB). */
export const maxStoredPlanBytes = 16 * 1024 * 1024;

const finite = z.number().refine(Number.isFinite, 'a finite number');
const storedPlanSchema = z.strictObject({
  format: z.literal(1),
  civsim: z.string().min(1).max(64),
  plan: z.string().regex(/^[0-9a-f]{64}$/),
  inputs: z.strictObject({
    scenario: z.record(z.string(), z.unknown()),
    parameters: z
      .array(
        z.strictObject({
          path: z.string().min(1).max(500),
          from: z.union([z.string().max(20), z.number().int()]).optional(),
          values: z.array(finite).min(1).max(10_000).optional(),
          range: z.strictObject({ low: finite, high: finite, log: z.boolean() }).optional(),
        }),
      )
      .min(1)
      .max(64),
    designOptions: z.strictObject({
      kind: z.enum([...designKinds, 'points']),
      samples: z.number().int().min(1).max(10_000_000).optional(),
      levels: z.number().int().min(1).max(10_000_000).optional(),
      seed: finite,
      points: z.array(z.array(finite).max(64)).max(1_000_000).optional(),
    }),
    replicates: z.number().int().min(1).max(100_000),
    independentSeeds: z.boolean(),
    metrics: z.array(z.string().min(1).max(200)).min(1).max(500),
  }),
});

/** A run a worker will not make, and why. */
export class RefusedRun extends Error {
  constructor(message: string) {
    super(`refused: ${message}`);
    this.name = 'RefusedRun';
  }
}

export interface RunClaim {
  civsim: string;
  plan: string;
  scenario: string;
  run: number;
}

/**
 * The plan of a queued run, checked; throws RefusedRun. `storedText` is what the queue holds under the
 * plan's key (null when nothing).
 */
export async function acceptPlan(
  storedText: string | null,
  claim: RunClaim,
  civsimVersion: string,
): Promise<SweepPlan> {
  if (claim.civsim !== civsimVersion) {
    throw new RefusedRun(
      `the run was queued by civsim ${claim.civsim}; this worker is civsim ${civsimVersion}`,
    );
  }
  if (storedText === null) {
    throw new RefusedRun(`plan ${claim.plan.slice(0, 12)}… is not in the queue (it expired or was removed)`);
  }
  if (storedText.length > maxStoredPlanBytes) {
    throw new RefusedRun(`the stored plan is ${storedText.length} bytes, more than ${maxStoredPlanBytes}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(storedText);
  } catch {
    throw new RefusedRun('the stored plan is not JSON');
  }
  const stored = storedPlanSchema.safeParse(parsed);
  if (!stored.success) {
    const issue = stored.error.issues[0];
    throw new RefusedRun(
      `the stored plan is malformed at ${issue.path.join('.') || '(top)'}: ${issue.message}`,
    );
  }
  const { inputs } = stored.data;
  if (stored.data.plan !== claim.plan) throw new RefusedRun('the stored plan is not the one the run names');
  if (stored.data.civsim !== civsimVersion) {
    throw new RefusedRun(
      `the plan was made by civsim ${stored.data.civsim}; this worker is civsim ${civsimVersion}`,
    );
  }
  let scenario;
  try {
    const io = memoryScenarioIO({ 'queued-scenario.json': JSON.stringify(inputs.scenario) });
    scenario = (await loadScenarioFile('queued-scenario.json', io)).scenario;
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const first = error.issues[0];
    throw new RefusedRun(
      `the plan's scenario is invalid (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}; first: ${first ? formatIssue(first) : '?'})`,
    );
  }
  if (scenarioHash(scenario) !== claim.scenario) {
    throw new RefusedRun("the plan's scenario does not have the hash the run names");
  }
  const known = outputMetricIds(scenario, modelById(scenario.model).metrics);
  const unknown = inputs.metrics.find((m) => !known.includes(m));
  if (unknown !== undefined)
    throw new RefusedRun(`metric ${JSON.stringify(unknown)} is not one the model records`);
  let plan: SweepPlan;
  try {
    plan = planFromInputs({ ...inputs, scenario } satisfies PlanInputs, civsimVersion);
  } catch (error) {
    if (error instanceof DesignError || error instanceof DesignSizeError) {
      throw new RefusedRun(`the plan's design cannot be built: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
  if (plan.id !== claim.plan) {
    throw new RefusedRun('the plan rebuilt from its inputs does not have the hash the run names');
  }
  acceptClaim(plan, claim, civsimVersion);
  return plan;
}

/**
 * Checks a run's claims against a plan already accepted (a worker keeps the plans it checked): the same
 * version, plan and scenario, and a run the plan has. Throws RefusedRun.
 */
export function acceptClaim(plan: SweepPlan, claim: RunClaim, civsimVersion: string): void {
  if (claim.civsim !== civsimVersion) {
    throw new RefusedRun(
      `the run was queued by civsim ${claim.civsim}; this worker is civsim ${civsimVersion}`,
    );
  }
  if (claim.plan !== plan.id || claim.scenario !== scenarioHash(plan.scenario)) {
    throw new RefusedRun("the plan's scenario does not have the hash the run names");
  }
  if (claim.run >= runCount(plan)) {
    throw new RefusedRun(`run ${claim.run} is not in the plan (it has ${runCount(plan)} runs)`);
  }
}
