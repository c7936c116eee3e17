/**
 * A model, as the platform sees it: everything the engine, the scenario loader, the outputs and the CLI
 * need to know about one model, in one object. Each model lives in its own folder under src/models/ and
 * exports one ModelDefinition; adding a model is its folder, its tests and scenarios, and one line in
 * registry.ts.
 *
 * The engine stays domain-free: it runs whatever `createState`, `phases` and `measure` hand it, on the
 * model's clock. The loader validates a scenario against the envelope (name, period, seed, timeline,
 * outputs) joined with the model's own `sections` (its levers, parameters, population…).
 */
import type { z } from 'zod';
import type { RecordedMetric, Recorder } from '../engine/recorder.ts';
import type { RandomStreams } from '../engine/random.ts';
import type { Phase, TickContext } from '../engine/simulation.ts';
import type { CsvCell } from '../output/csv.ts';
import type { ChartSpec, ScenarioBase } from '../scenario/envelope.ts';
import type { ScenarioIssue } from '../scenario/issues.ts';

/** What a number means to a reader: is more of it good news, bad news, or neither? */
export type Direction = 'higher-is-better' | 'lower-is-better' | 'neutral';

/** One metric a model records every tick. */
export interface MetricDefinition extends RecordedMetric {
  label: string;
  /** Unit as printed; `{currency}`-style words are filled in from the scenario (ModelDefinition.unitWords). */
  unit: string;
  description: string;
  /** The values it can take: [min, max] (either may be unbounded), e.g. [0, 1] for a share. */
  range: readonly [number, number];
  direction: Direction;
  /** Group heading in reports (a key of ModelDefinition.groups). */
  group: string;
  /** When the metric has no value (an empty cell); absent if it always has one. */
  missing?: string;
}

/** A one-off action a timeline event can trigger (`action: crackdown`). */
export interface ActionDefinition {
  name: string;
  description: string;
}

/** A lever, parameter or metric that was renamed or removed, so old files and scripts get told. */
export interface Rename {
  /** The old path (`levers.foo.bar`, `parameters.x.y`) or metric id (`metric:old_id`). */
  from: string;
  /** The new path or id (`metric:new_id`), or undefined when it was removed. */
  to?: string;
  /** The scenario format that first has the new name: files of an older `format:` are upgraded. */
  since: number;
  /** Why, in a few words. */
  note: string;
}

/** Per-agent records written as a CSV file at the end of each replicate (e.g. ngos.csv). */
export interface AgentRecords<State> {
  file: string;
  description: string;
  columns: readonly string[];
  records(state: State): Record<string, CsvCell>[];
}

/**
 * What a cell of a grid snapshot can show: an empty cell, a kind of agent, an agent in some condition.
 * Code 0 is the empty cell: it is drawn as the background of the grid, not cell by cell, so only the
 * occupied cells weigh in the chart's data.
 */
export interface SnapshotCategory {
  /** The value capture() writes into a cell: 0 for an empty cell, then 1, 2… (at most 255). */
  code: number;
  /** The legend's word for it, e.g. `Minority household` or `Jailed citizen`. */
  label: string;
  /**
   * A CSS colour (`#rrggbb`). Pick colours told apart under the common colour-vision deficiencies (the
   * Okabe–Ito set: #0072B2 blue, #E69F00 orange, #009E73 green, #D55E00 vermillion, #CC79A7 purple,
   * #56B4E9 sky blue, #000000) and a light grey or white for the empty cell.
   */
  color: string;
}

/**
 * A grid as it stands at one tick: one code per cell, in Mesa's cell order (cell (x, y) at index
 * x · height + y, the first coordinate outer — the order of src/engine/grid.ts).
 */
export interface GridSnapshot {
  width: number;
  height: number;
  /** width × height codes of SnapshotCategory; a fresh array (the platform keeps it). */
  cells: Uint8Array;
}

/**
 * How a spatial model shows its grid: the categories of a cell and how to read them off the state. With
 * it, a run draws the grid of replicate 0 at the ticks the scenario's `output.snapshots` lists (default:
 * the first and the last) as a heat map, `charts/snapshots.*`.
 */
export interface SnapshotDefinition<State> {
  /** Every category a cell can show, in legend order; one of them has code 0 (the empty cell). */
  categories: readonly SnapshotCategory[];
  /**
   * The grid as it stands, read off the state after the tick is measured. It must not change the state
   * or draw random numbers: a run with snapshots gives the same series as one without.
   */
  capture(state: State): GridSnapshot;
}

/** Where a model-specific check reports a problem: the dotted path of the value and what is wrong. */
export type ReportIssue = (
  path: readonly (string | number)[],
  fields: Pick<ScenarioIssue, 'message' | 'expected' | 'got' | 'hint'>,
) => void;

export interface ModelCost {
  /** Seconds one replicate takes (build and run), on the bench machine. */
  replicateSeconds: number;
  /** Bytes one replicate's state holds at its largest. */
  replicateBytes: number;
  /** A few words on the size, for the estimate line ("100,000 citizens × 420 months"). */
  size: string;
}

export interface ModelDefinition<S extends ScenarioBase = ScenarioBase, State = unknown> {
  /** The scenario's `model:` value, e.g. `civil-society`. */
  id: string;
  title: string;
  /** One paragraph: what the model is for. */
  summary: string;
  /** Calendar months (start/end dates) or plain steps (`steps:`). */
  clock: 'month' | 'step';
  /**
   * The model's own top-level scenario keys (zod), joined to the envelope; must include `levers`. civsim's
   * own models define it as a getter that builds the schemas on first use (schemaParts.ts: onFirstUse),
   * so a command pays only for the model it runs.
   */
  sections: z.core.$ZodLooseShape;
  actions: readonly ActionDefinition[];
  metrics: readonly MetricDefinition[];
  /** Headings of the metric groups, in report order. */
  groups: Readonly<Record<string, string>>;
  /** Charts drawn when a scenario lists none. */
  charts: readonly ChartSpec[];
  /** The metrics a comparison reports by default (`civsim compare` without --metrics). */
  headline?: readonly string[];
  /** Words put into units (`currency` → the scenario's currency). */
  unitWords?(scenario: S): Readonly<Record<string, string>>;
  renames?: readonly Rename[];
  /** Checks across values that the schema alone cannot express, on the raw merged data. */
  check?(data: Record<string, unknown>, report: ReportIssue): void;
  /** The scenario scaled up or down (`civsim run --scale`): the simulated sample, not the country. */
  scale?(scenario: S, factor: number): S;
  cost(scenario: S): ModelCost;
  /**
   * The state of one replicate at the start. `levers` is the live lever tree, as it stands at the start:
   * the schedule changes it in place on every tick, so the state must keep and read this very object.
   */
  createState(scenario: S, replicate: number, streams: RandomStreams, levers: S['levers']): State;
  /** The phases of a tick, in the order they run. */
  phases: readonly Phase<State>[];
  measure(state: State, ctx: TickContext, recorder: Recorder): void;
  agents?: AgentRecords<State>;
  /** A spatial model's grid, drawn at chosen ticks (`output.snapshots`); absent for models without one. */
  snapshot?: SnapshotDefinition<State>;
  /** The model's ODD description, relative to the package root. */
  odd: string;
  /** Stylized facts the model should reproduce (`civsim facts`), with knockouts of their mechanisms. */
  facts?: readonly StylizedFact<S>[];
  /** The scenario with overrides merged in and validated again (for fact knockouts). */
  withOverrides?(scenario: S, overrides: Record<string, unknown>): S;
}

/** One statistic of a stylized fact, with the band the literature allows (bounds may be ±Infinity). */
export interface FactRow {
  statistic: string;
  value: number;
  band: readonly [number, number];
}

/**
 * A stylized fact as a diagnostic: it runs its own controlled contrast on a scenario's country and
 * returns its statistics; `knockouts` switch its mechanism off (overrides merged into the scenario), and
 * with any of them the fact must fail.
 */
export interface StylizedFact<S extends ScenarioBase = ScenarioBase> {
  id: string;
  title: string;
  /** What the literature reports, in one sentence. */
  claim: string;
  source: string;
  check(scenario: S, replicates: number): FactRow[];
  knockouts: readonly { label: string; overrides: Record<string, unknown> }[];
}

/** Whether a value lies in a fact's band (inclusive). */
export function inBand(row: FactRow): boolean {
  return row.value >= row.band[0] && row.value <= row.band[1];
}

/** A definition of any model, as generic code handles it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = ModelDefinition<any, any>;
