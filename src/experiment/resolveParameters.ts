/**
 * Swept parameters checked against the scenario they change, before anything runs: the path must lead
 * to a number the scenario has, every value the design can take must be one the scenario's schema
 * accepts (a share stays within 0–1, a count stays whole), a date must fall within the run and only a
 * lever (something the timeline can change) can be held from a date. And applied: a design point's
 * values set in a copy of the scenario, the timeline's changes to those levers dropped (or, with `from`,
 * those from that date on), with a count of what was dropped for the report.
 */
import { Calendar } from '../engine/calendar.ts';
import { getPath, leafPaths, setPath, type Tree } from '../engine/paths.ts';
import type { AnyModel } from '../models/definition.ts';
import { closestMatches, didYouMean } from '../scenario/didYouMean.ts';
import type { ScenarioBase, TimelineEvent } from '../scenario/envelope.ts';
import { scenarioSchemaFor } from '../scenario/modelSchemas.ts';
import { describeExpected, isIntegerSchema, schemaAt } from '../scenario/schemaInfo.ts';
import type { ParameterSpec } from './parameter.ts';

export interface ResolvedParameter extends ParameterSpec {
  /** The path from the scenario's root ("levers.ministries.socialOrder"). */
  rootPath: string;
  /** The path within `levers`, which timeline events use; absent for a parameter that is not a lever. */
  lever?: string;
  /** The schema wants a whole number: values are rounded to one. */
  integer: boolean;
  /** The value the scenario has at the path (its value at the start, before any timeline change). */
  baseValue: number;
  /** The tick from which the value is held (0: the whole run). */
  fromTick: number;
}

/** A problem with one parameter of a design, in words a user can act on. */
export interface DesignProblem {
  parameter: string;
  message: string;
  expected?: string;
  hint?: string;
}

export class DesignError extends Error {
  constructor(readonly problems: readonly DesignProblem[]) {
    super(
      problems
        .map(
          (p) =>
            `${p.parameter}: ${p.message}${p.expected ? ` (expected ${p.expected})` : ''}${p.hint ? `\n  hint: ${p.hint}` : ''}`,
        )
        .join('\n'),
    );
    this.name = 'DesignError';
  }
}

/** Envelope values that are not part of the model: a sweep sets them with its own options, or not at all. */
const notSweepable: Record<string, string> = {
  seed: 'replicates share the sweep’s seed (--seed); to see the noise, use more replicates (-r)',
  replicates: 'replicates per design point are set with -r',
  format: 'the scenario file format is not a parameter',
  steps: 'the length of the run is not swept: give it in the scenario',
};

function unsweepableReason(path: string): string | undefined {
  const head = path.split('.')[0];
  if (head === 'timeline' || head === 'output' || head === 'sources') {
    return `${head} is not a parameter: sweep the lever the timeline sets, e.g. levers.…`;
  }
  return notSweepable[path];
}

/** Numeric leaf paths of a scenario: what can be swept. */
export function numericPaths(scenario: ScenarioBase): string[] {
  const tree = scenario as unknown as Tree;
  return leafPaths(tree).filter((p) => typeof getPath(tree, p) === 'number' && !unsweepableReason(p));
}

/** The tick of a date or step on the scenario's clock, or undefined if it is not inside the run. */
function tickWithin(model: AnyModel, scenario: ScenarioBase, when: string | number): number | undefined {
  if (model.clock === 'month') {
    if (typeof when !== 'string') return undefined;
    const calendar = new Calendar(scenario.start!, scenario.end!);
    const tick = calendar.tickOf(when);
    return tick >= 0 && tick < calendar.ticks ? tick : undefined;
  }
  if (typeof when !== 'number') return undefined;
  return when >= 0 && when <= scenario.steps! ? when : undefined;
}

/** The values a design may give a parameter that are the most likely to break the schema. */
function extremes(spec: ParameterSpec): number[] {
  return spec.range ? [spec.range.low, spec.range.high] : (spec.values ?? []);
}

export function resolveParameters(
  specs: readonly ParameterSpec[],
  scenario: ScenarioBase,
  model: AnyModel,
): ResolvedParameter[] {
  const problems: DesignProblem[] = [];
  const tree = scenario as unknown as Tree;
  const schema = scenarioSchemaFor(model);
  const resolved: ResolvedParameter[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const name = spec.path;
    const report = (message: string, extra: Omit<DesignProblem, 'parameter' | 'message'> = {}) =>
      problems.push({ parameter: name, message, ...extra });
    // a lever may be named as the timeline names it, without "levers."
    const rootPath =
      getPath(tree, spec.path) !== undefined || spec.path.startsWith('levers.')
        ? spec.path
        : getPath(tree, `levers.${spec.path}`) !== undefined
          ? `levers.${spec.path}`
          : spec.path;
    const value = getPath(tree, rootPath);
    const reason = unsweepableReason(rootPath);
    if (reason) {
      report(`${rootPath} cannot be swept`, { hint: reason });
      continue;
    }
    if (value === undefined) {
      // levers are offered as the user wrote theirs: with or without "levers."
      const candidates = numericPaths(scenario).map((p) =>
        p.startsWith('levers.') && !spec.path.startsWith('levers.') ? p.slice('levers.'.length) : p,
      );
      const close = didYouMean(closestMatches(spec.path, candidates));
      report(`the scenario has no value at ${spec.path}`, {
        hint: close ?? 'run `civsim params SCENARIO` to list the paths that can be swept',
      });
      continue;
    }
    if (typeof value !== 'number') {
      report(
        `${rootPath} is not a number (it is ${Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a group of values' : `${typeof value} ${JSON.stringify(value)}`})`,
        {
          hint: 'only numbers can be swept; to compare named settings, use civsim compare with one scenario each',
        },
      );
      continue;
    }
    if (seen.has(rootPath)) {
      report(`${rootPath} is swept twice`, { hint: 'give each path once' });
      continue;
    }
    seen.add(rootPath);
    const lever = rootPath.startsWith('levers.') ? rootPath.slice('levers.'.length) : undefined;
    const segments = rootPath.split('.');
    const leafSchema = schemaAt(schema, segments);
    const integer = leafSchema ? isIntegerSchema(leafSchema) : false;
    let fromTick = 0;
    if (spec.from !== undefined) {
      if (!lever) {
        report(`only a lever can change at a date; ${rootPath} holds for the whole run`, {
          hint: `drop "@${spec.from}" or sweep a lever (levers.…)`,
        });
        continue;
      }
      const tick = tickWithin(model, scenario, spec.from);
      if (tick === undefined) {
        report(`@${spec.from} is not within the run`, {
          expected:
            model.clock === 'month'
              ? `a month from ${String(scenario.start)} to ${String(scenario.end)}, written YYYY-MM`
              : `a step from 0 to ${scenario.steps}`,
        });
        continue;
      }
      fromTick = tick;
    }
    // every extreme value the design can take must be one the scenario's schema accepts
    let bad = false;
    for (const v of extremes(spec)) {
      const candidate = integer ? Math.round(v) : v;
      const copy = structuredClone(scenario) as unknown as Tree;
      setPath(copy, rootPath, candidate);
      const parsed = schema.safeParse(copy);
      const issue = parsed.success
        ? undefined
        : (parsed.error.issues.find((i) => i.path.join('.') === rootPath) ?? parsed.error.issues[0]);
      if (issue) {
        report(`${v} is not a value ${rootPath} can take`, {
          expected: leafSchema ? describeExpected(leafSchema) : issue.message,
        });
        bad = true;
        break;
      }
    }
    if (bad) continue;
    if (integer && spec.values && new Set(spec.values.map(Math.round)).size !== spec.values.length) {
      report(`${rootPath} takes whole numbers, and two listed values round to the same one`, {
        hint: 'list distinct whole numbers',
      });
      continue;
    }
    resolved.push({ ...spec, rootPath, ...(lever ? { lever } : {}), integer, baseValue: value, fromTick });
  }
  if (problems.length > 0) throw new DesignError(problems);
  return resolved;
}

/** A scenario with a design point's values, and how many timeline changes the sweep overrode. */
export interface AppliedPoint<S extends ScenarioBase> {
  scenario: S;
  /** Per parameter: timeline `set`/`ramp` entries dropped because the sweep holds that value. */
  dropped: number[];
}

/** Ticks on the scenario's clock (months from its start, or steps). */
function tickFunction(model: AnyModel, scenario: ScenarioBase): (when: string | number) => number {
  if (model.clock !== 'month') return (when) => Number(when);
  const calendar = new Calendar(scenario.start!, scenario.end!);
  return (when) => calendar.tickOf(when);
}

const isEmpty = (record: Record<string, unknown> | undefined) =>
  record === undefined || Object.keys(record).length === 0;

export function applyPoint<S extends ScenarioBase>(
  scenario: S,
  model: AnyModel,
  parameters: readonly ResolvedParameter[],
  values: readonly number[],
): AppliedPoint<S> {
  const out = structuredClone(scenario) as S;
  const tree = out as unknown as Tree;
  const tickOf = tickFunction(model, scenario);
  const dropped = parameters.map(() => 0);
  const timeline = out.timeline.map((e) => ({ ...e }));
  const emptied = new Set<number>();
  const added: TimelineEvent[] = [];
  parameters.forEach((p, i) => {
    const value = p.integer ? Math.round(values[i]) : values[i];
    if (p.fromTick === 0) setPath(tree, p.rootPath, value);
    const lever = p.lever;
    if (!lever) return;
    // held for the whole run: every change to it goes, even those dated before the start (which would
    // otherwise set it at the start); held from a date: the changes from that date on
    const held = (tick: number) => p.fromTick === 0 || tick >= p.fromTick;
    timeline.forEach((event, e) => {
      const at = tickOf((event.date ?? event.step)!);
      const end = event.until === undefined ? at : tickOf(event.until);
      const before = dropped[i];
      if (event.set && lever in event.set && held(at)) {
        const { [lever]: _, ...rest } = event.set;
        event.set = rest;
        dropped[i]++;
      }
      // a ramp that would still move the lever once it is held is dropped whole
      if (event.ramp && lever in event.ramp && held(end)) {
        const { [lever]: _, ...rest } = event.ramp;
        event.ramp = rest;
        dropped[i]++;
      }
      if (dropped[i] > before && event.action === undefined && isEmpty(event.set) && isEmpty(event.ramp)) {
        emptied.add(e);
      }
    });
    if (p.fromTick > 0) {
      added.push({
        ...(model.clock === 'month' ? { date: p.from as string } : { step: p.from as number }),
        set: { [lever]: value },
        label: `sweep: ${lever} = ${value}`,
        strength: 1,
      } as TimelineEvent);
    }
  });
  // events the sweep left with nothing to do are removed, so charts do not mark them
  (out as { timeline: readonly TimelineEvent[] }).timeline = [
    ...timeline.filter((_, e) => !emptied.has(e)),
    ...added,
  ];
  return { scenario: out, dropped };
}
