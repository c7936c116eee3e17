/**
 * A sweep plan's inputs (pure): the few things a plan is built from — the scenario, the parameters as
 * written, the design options, replicates, seeds and metrics — in plain JSON, so a plan can travel (to a
 * shard's plan.json, to a queue worker on another machine) and be rebuilt there by the receiving civsim.
 * A rebuilt plan is trusted only if its hash is the one it came with: the same inputs, the same civsim.
 */
import { buildDesign, type DesignOptions } from './design.ts';
import type { ParameterSpec } from './parameter.ts';
import { resolveParameters } from './resolveParameters.ts';
import { planSweep, type SweepPlan } from './sweepPlan.ts';
import { modelById } from '../models/registry.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';

export interface PlanInputs {
  scenario: ScenarioBase;
  parameters: ParameterSpec[];
  designOptions: DesignOptions;
  replicates: number;
  independentSeeds: boolean;
  metrics: string[];
}

export function planInputsOf(plan: SweepPlan): PlanInputs {
  return {
    scenario: plan.scenario,
    parameters: plan.parameters.map((p) => ({
      path: p.path,
      ...(p.from !== undefined ? { from: p.from } : {}),
      ...(p.values ? { values: p.values } : {}),
      ...(p.range ? { range: p.range } : {}),
    })),
    designOptions: plan.designOptions,
    replicates: plan.replicates,
    independentSeeds: plan.independentSeeds,
    metrics: [...plan.metrics],
  };
}

/**
 * The plan these inputs make with this civsim. Throws what resolving the parameters and building the
 * design throw (DesignError, DesignSizeError) for inputs no command line could have produced.
 */
export function planFromInputs(inputs: PlanInputs, civsimVersion: string): SweepPlan {
  const model = modelById(inputs.scenario.model);
  const parameters = resolveParameters(inputs.parameters, inputs.scenario, model);
  return planSweep(
    {
      scenario: inputs.scenario,
      parameters,
      designOptions: inputs.designOptions,
      design: buildDesign(parameters, inputs.designOptions),
      replicates: inputs.replicates,
      independentSeeds: inputs.independentSeeds,
      metrics: inputs.metrics,
    },
    civsimVersion,
  );
}
