/**
 * A scenario's `sweep:` block (pure): its parameters as specs, and the checks `civsim sweep` would make
 * before running — run when the file is loaded, so a bad design in a scenario file is reported like any
 * other mistake in it, at its file:line:column.
 */
import type { AnyModel } from '../models/definition.ts';
import { outputMetricIds } from '../output/tables.ts';
import type { ScenarioBase, SweepBlock } from '../scenario/envelope.ts';
import type { PathSegment } from '../scenario/issues.ts';
import { buildDesign, DesignSizeError } from './design.ts';
import { parseParameter, ParameterSyntaxError, type ParameterSpec } from './parameter.ts';
import { DesignError, resolveParameters } from './resolveParameters.ts';

/** The block's parameters as specs; the same checks as on the command line (through parseParameter). */
export function specsOfBlock(block: SweepBlock): ParameterSpec[] {
  return block.parameters.map((p) => {
    const at = p.from !== undefined ? `@${String(p.from)}` : '';
    const what = p.values ? p.values.join(',') : `${p.range![0]}:${p.range![1]}${p.log ? ':log' : ''}`;
    return parseParameter(`${p.path}${at}=${what}`);
  });
}

export interface BlockProblem {
  path: PathSegment[];
  message: string;
  expected?: string;
  hint?: string;
}

/** What is wrong with a loaded scenario's sweep block, each at the place in the block it concerns. */
export function sweepBlockProblems(scenario: ScenarioBase, model: AnyModel): BlockProblem[] {
  const block = scenario.sweep;
  if (!block) return [];
  const problems: BlockProblem[] = [];
  const specs: ParameterSpec[] = [];
  block.parameters.forEach((p, i) => {
    if ((p.values === undefined) === (p.range === undefined)) {
      problems.push({
        path: ['sweep', 'parameters', i],
        message: p.values ? 'both values and range are given' : 'neither values nor range is given',
        hint: 'give either values: [v1, v2, …] or range: [low, high]',
      });
      return;
    }
    try {
      specs.push(specsOfBlock({ ...block, parameters: [p] })[0]);
    } catch (error) {
      if (!(error instanceof ParameterSyntaxError)) throw error;
      problems.push({ path: ['sweep', 'parameters', i], message: error.problem, hint: error.hint });
    }
  });
  if (problems.length > 0) return problems;
  try {
    const parameters = resolveParameters(specs, scenario, model);
    buildDesign(parameters, {
      kind: block.design,
      seed: scenario.seed,
      samples: block.samples,
      levels: block.levels,
    });
  } catch (error) {
    if (error instanceof DesignError) {
      for (const p of error.problems) {
        const i = block.parameters.findIndex((q) => q.path === p.parameter);
        problems.push({
          path: ['sweep', 'parameters', Math.max(0, i), 'path'],
          message: p.message,
          expected: p.expected,
          hint: p.hint,
        });
      }
    } else if (error instanceof DesignSizeError) {
      const key = /levels/.test(error.message)
        ? 'levels'
        : /samples/.test(error.message)
          ? 'samples'
          : 'design';
      problems.push({
        path: ['sweep', block[key as keyof SweepBlock] === undefined ? 'design' : key],
        message: error.message,
        hint: error.hint?.replace(/--/g, ''),
      });
    } else throw error;
  }
  const known = outputMetricIds(scenario, model.metrics);
  block.metrics?.forEach((m, i) => {
    if (!known.includes(m))
      problems.push({
        path: ['sweep', 'metrics', i],
        message: `${m} is not recorded by this scenario (see output.metrics)`,
      });
  });
  return problems;
}
