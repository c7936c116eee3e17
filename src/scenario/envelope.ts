/**
 * The scenario envelope: what every scenario file has whatever its model — which model, a name, the
 * simulated period (calendar months or plain steps, by the model's clock), seed and replicates, a
 * timeline of dated events, what to record and draw, sources — joined with the model's own sections
 * (levers, parameters, population…) into one zod schema per model. Types, validation messages and the
 * published JSON Schema all come from it.
 */
import { z } from 'zod';
import type { DateLike } from '../engine/calendar.ts';
import { dateSchema, maxSteps, share, stepSchema, text } from './schemaParts.ts';

/** The scenario file format this civsim writes and reads; older formats are upgraded (renames.ts). */
export const currentFormat = 2;

/** The model a scenario without `model:` runs. */
export const defaultModelId = 'civil-society';

/** What the envelope needs to know about a model. */
export interface EnvelopeSpec {
  id: string;
  clock: 'month' | 'step';
  actions: readonly { name: string; description: string }[];
  metricIds: readonly string[];
  sections: z.core.$ZodLooseShape;
  /** Whether the model draws its grid (ModelDefinition.snapshot): only then has `output` its `snapshots`. */
  snapshots?: boolean;
}

const enumOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);

/** A chart a scenario asks for (`output.charts`), drawing some of the model's metrics. */
export function chartSchemaOf(spec: Pick<EnvelopeSpec, 'metricIds' | 'clock'>) {
  return z
    .strictObject({
      id: z
        .string()
        .max(64)
        .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'an id of lower-case letters, digits and dashes' })
        .describe('File name of the chart (charts/<id>.vl.json, .svg, .png). At most 64 characters.'),
      title: z.string().min(1).max(200).describe('Chart title. At most 200 characters.'),
      metrics: z
        .array(enumOf(spec.metricIds))
        .min(1)
        .max(12)
        .describe('Metrics drawn in this chart. At most 12: more lines than that cannot be told apart.'),
      kind: z
        .enum(['line', 'area'])
        .describe('line: replicate mean with a 95% band; area: stacked means (for parts of a whole).')
        .default('line'),
      annual: z
        .boolean()
        .describe(
          spec.clock === 'month'
            ? 'Draw annual aggregates instead of monthly values.'
            : 'Annual aggregates exist only for calendar models: keep false.',
        )
        .default(false),
      events: z.boolean().describe('Mark the timeline events on the chart.').default(true),
    })
    .describe('A chart of some metrics.');
}

/** The keys every timeline event has, whatever the clock. */
function eventBody(actions: EnvelopeSpec['actions']) {
  const names = actions.map((a) => a.name);
  const action = (names.length > 0 ? enumOf(names) : z.never()) as unknown as z.ZodType<string>;
  return {
    label: z
      .string()
      .min(1)
      .max(300)
      .describe('What happened, in a few words (shown in charts and reports). At most 300 characters.')
      .optional(),
    source: text(
      2000,
      'Where the event is documented (URL or reference). At most 2,000 characters.',
    ).optional(),
    set: z
      .record(z.string().max(200), z.union([z.number(), z.boolean(), z.string().max(100)]))
      .describe('Levers set on this date: { "a.lever": 1.2, "another.lever": "value" }.')
      .optional(),
    ramp: z
      .record(z.string().max(200), z.number())
      .describe('Numeric levers moved linearly from their value at the event to these values at `until`.')
      .optional(),
    action: action
      .describe(
        names.length > 0
          ? `One-off action: ${actions.map((a) => `${a.name} (${a.description})`).join(', ')}.`
          : 'This model has no one-off actions.',
      )
      .optional(),
    strength: share('Strength of the action (share of its full effect).').default(1),
  };
}

/** A timeline event of a calendar model: on a date it sets or ramps levers or fires an action. */
export function monthEventSchema(actions: EnvelopeSpec['actions']) {
  return z
    .strictObject({
      date: dateSchema,
      until: dateSchema.describe('End date of a ramp (required with `ramp`).').optional(),
      ...eventBody(actions),
    })
    .describe('A dated policy event.');
}

/** A timeline event of a step model: before a step it sets or ramps levers or fires an action. */
export function stepEventSchema(actions: EnvelopeSpec['actions']) {
  return z
    .strictObject({
      step: stepSchema.describe('The step at which the event fires (before that step runs).'),
      until: stepSchema.describe('End step of a ramp (required with `ramp`).').optional(),
      ...eventBody(actions),
    })
    .describe('An event at a step.');
}

/** The id (file name) of the chart of grid snapshots: charts/snapshots.vl.json, .svg, .png. */
export const snapshotChartId = 'snapshots';

/** The most ticks a scenario may ask to see the grid at: each is a panel of the snapshots chart. */
export const maxSnapshots = 12;

/** `output.snapshots` of a spatial model: when to draw the grid of replicate 0. */
export function snapshotsSchemaOf(clock: EnvelopeSpec['clock']) {
  const when =
    clock === 'month'
      ? 'months (YYYY-MM) from start to end'
      : 'steps from 0 (the state before the first step) to `steps`';
  return z
    .array(clock === 'month' ? dateSchema : stepSchema)
    .max(maxSnapshots)
    .describe(
      `When to draw the grid of replicate 0 (charts/snapshots.*, small multiples side by side): ${when}, ` +
        `each once. Default: the first and the last; [] draws none. At most ${maxSnapshots}: more panels ` +
        'than that are too small to read.',
    );
}

/** What to record and draw (`output`). */
export function outputSchemaOf(spec: Pick<EnvelopeSpec, 'metricIds' | 'clock' | 'snapshots'>) {
  const fields = {
    metrics: z
      .array(enumOf(spec.metricIds))
      .min(1)
      .describe('Metrics written to series.csv and summary.csv (default: all).')
      .optional(),
    charts: z
      .array(chartSchemaOf(spec))
      .max(100)
      .describe('Charts to draw (default: the model\u2019s standard set). At most 100.')
      .optional(),
    agents: z
      .boolean()
      .describe('Also write the model\u2019s per-agent records (e.g. ngos.csv) at the end of each replicate.')
      .default(false),
  };
  const spatial = { ...fields, snapshots: snapshotsSchemaOf(spec.clock).optional() };
  // the type has `snapshots` either way (optional), so scenarios of every model share one shape; the
  // schema of a model without a grid refuses the key (load.ts says why)
  return z
    .strictObject(spec.snapshots ? spatial : (fields as typeof spatial))
    .describe('What to record and draw.');
}

/**
 * A sweep design kept with the scenario (`sweep:`), so the experiment is versioned with the model:
 * what `civsim sweep` runs when no --param is given. Its paths and values are checked against the
 * scenario when the file is loaded.
 */
export function sweepSchemaOf(spec: Pick<EnvelopeSpec, 'metricIds' | 'clock'>) {
  const parameter = z
    .strictObject({
      path: z
        .string()
        .min(1)
        .max(200)
        .describe('The scenario value swept, as a dotted path (`levers.` may be left out of a lever).'),
      values: z.array(z.number()).min(1).max(1000).describe('The values it takes (a list)…').optional(),
      range: z.tuple([z.number(), z.number()]).describe('…or the range it spans, [low, high].').optional(),
      log: z
        .boolean()
        .describe('Spread the range on a logarithmic scale (low must be above 0).')
        .default(false),
      from: (spec.clock === 'month' ? dateSchema : stepSchema)
        .describe(
          spec.clock === 'month'
            ? 'Hold the lever from this month on (YYYY-MM); before it the timeline applies.'
            : 'Hold the lever from this step on; before it the timeline applies.',
        )
        .optional(),
    })
    .describe('A swept parameter.');
  return z
    .strictObject({
      design: z
        .enum(['grid', 'lhs', 'morris', 'sobol'])
        .describe('grid (every combination), lhs (Latin hypercube), morris (screening), sobol (indices).')
        .default('grid'),
      samples: z
        .number()
        .int()
        .min(1)
        .max(10_000_000)
        .describe('lhs: points; morris: trajectories; sobol: base rows.')
        .optional(),
      levels: z
        .number()
        .int()
        .min(1)
        .max(10_000)
        .describe('grid: values per range; morris: grid levels.')
        .optional(),
      replicates: z.number().int().min(1).max(10_000).describe('Replicates per design point.').optional(),
      independentSeeds: z
        .boolean()
        .describe('Give each point its own random streams (default: common random numbers).')
        .default(false),
      metrics: z.array(enumOf(spec.metricIds)).min(1).describe('Metrics to record.').optional(),
      years: z
        .array(z.number().int().min(0))
        .describe(
          spec.clock === 'month' ? 'Outcome years besides the last.' : 'Outcome steps besides the last.',
        )
        .optional(),
      parameters: z.array(parameter).min(1).max(32).describe('The swept parameters (at most 32).'),
    })
    .describe('A sweep design for `civsim sweep`.');
}

/** The envelope keys that come before the model's sections (the period comes between). */
function head(spec: Pick<EnvelopeSpec, 'id'>) {
  return {
    $schema: text(2000, 'Path or URL of the JSON Schema (for editors).').optional(),
    extends: text(
      1000,
      'Another scenario file (path relative to this one) whose values this file overrides.',
    ).optional(),
    format: z
      .number()
      .int()
      .min(1)
      .max(currentFormat)
      .describe(
        `Scenario file format (this civsim writes ${currentFormat}). Files of an older format are upgraded ` +
          'when loaded, with a note for every renamed key.',
      )
      .default(currentFormat),
    model: z
      .literal(spec.id)
      .describe(`The model this scenario runs (default ${defaultModelId}).`)
      .default(spec.id as never),
    name: z
      .string()
      .max(64)
      .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'a name of lower-case letters, digits, - and _' })
      .describe('Short name, used for the results folder. At most 64 characters.'),
    title: text(200, 'Human title. At most 200 characters.').optional(),
    description: text(20_000, 'What this scenario stands for. At most 20,000 characters.').optional(),
  };
}

const runs = {
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .describe('Master seed. A whole number from 0 to 4,294,967,295 (32 bits), like --seed.')
    .default(1),
  replicates: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .describe(
      'Replicates per run. At most 10,000: the precision of a mean grows with its square root, so more ' +
        'buys almost nothing.',
    )
    .default(10),
};

/** The envelope keys that come after the model's sections. */
function tail<E extends z.ZodType>(spec: Omit<EnvelopeSpec, 'sections'>, event: E) {
  return {
    timeline: z
      .array(event)
      .max(10_000)
      .describe('Dated policy events, in any order. At most 10,000.')
      .default([]),
    output: outputSchemaOf(spec).prefault({}),
    sweep: sweepSchemaOf(spec).optional(),
    sources: z
      .array(text(2000, 'A reference.'))
      .max(1000)
      .describe('References for the scenario\u2019s numbers. At most 1,000, each at most 2,000 characters.')
      .optional(),
  };
}

/** The scenario schema of a calendar-month model: the envelope with start/end and the model's sections. */
export function monthScenarioSchema<S extends z.core.$ZodLooseShape>(
  spec: Omit<EnvelopeSpec, 'clock' | 'sections'> & { sections: S },
) {
  const full = { ...spec, clock: 'month' as const };
  return z
    .strictObject({
      ...head(spec),
      start: dateSchema.describe('First simulated month.'),
      end: dateSchema.describe('Last simulated month (inclusive).'),
      ...runs,
      ...spec.sections,
      ...tail(full, monthEventSchema(spec.actions)),
    })
    .describe('A civsim scenario.');
}

/** The scenario schema of a step model: the envelope with `steps` and the model's sections. */
export function stepScenarioSchema<S extends z.core.$ZodLooseShape>(
  spec: Omit<EnvelopeSpec, 'clock' | 'sections'> & { sections: S },
) {
  const full = { ...spec, clock: 'step' as const };
  return z
    .strictObject({
      ...head(spec),
      steps: z
        .number()
        .int()
        .min(1)
        .max(maxSteps)
        .describe(
          `Steps to run. At most ${maxSteps.toLocaleString('en-US')}: the recorder keeps a value per step and metric.`,
        ),
      ...runs,
      ...spec.sections,
      ...tail(full, stepEventSchema(spec.actions)),
    })
    .describe('A civsim scenario.');
}

/** The whole scenario schema of one model, whichever its clock. */
export function scenarioSchemaOf(spec: EnvelopeSpec) {
  return spec.clock === 'month' ? monthScenarioSchema(spec) : stepScenarioSchema(spec);
}

/** A chart as generic code sees it. */
export interface ChartSpec {
  id: string;
  title: string;
  metrics: readonly string[];
  kind: 'line' | 'area';
  annual: boolean;
  events: boolean;
}

/** A timeline event as generic code sees it (`date` for calendar models, `step` for step models). */
export interface TimelineEvent {
  date?: DateLike;
  step?: number;
  until?: DateLike;
  label?: string;
  source?: string;
  set?: Record<string, number | boolean | string>;
  ramp?: Record<string, number>;
  action?: string;
  strength: number;
}

/** A resolved scenario as generic code sees it; each model's own type adds its sections. */
export interface ScenarioBase {
  format: number;
  model: string;
  name: string;
  title?: string;
  description?: string;
  start?: DateLike;
  end?: DateLike;
  steps?: number;
  seed: number;
  replicates: number;
  levers: object;
  timeline: readonly TimelineEvent[];
  output: {
    metrics?: readonly string[];
    charts?: readonly ChartSpec[];
    agents: boolean;
    /** Spatial models: when to draw the grid (steps, or dates for calendar models). */
    snapshots?: readonly DateLike[];
  };
  sources?: readonly string[];
  sweep?: SweepBlock;
}

/** A scenario's `sweep:` block as generic code sees it. */
export interface SweepBlock {
  design: 'grid' | 'lhs' | 'morris' | 'sobol';
  samples?: number;
  levels?: number;
  replicates?: number;
  independentSeeds: boolean;
  metrics?: readonly string[];
  years?: readonly number[];
  parameters: readonly {
    path: string;
    values?: number[];
    range?: [number, number];
    log: boolean;
    from?: string | number;
  }[];
}
