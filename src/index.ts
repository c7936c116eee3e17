/**
 * civsim's public API: load a scenario, run it, summarise, chart. The CLI, notebooks and the browser
 * explorer all go through here; a modeller reads it to see how the parts fit.
 */
import { metricDefinitions } from './model/metricDefinitions.ts';
import { startReplicate } from './model/runReplicate.ts';
import type { ReplicateResult } from './model/runTypes.ts';
import { loadScenarioFile, type LoadedScenario, type ScenarioIO } from './scenario/load.ts';
import type { Scenario } from './scenario/schema.ts';

export type { Scenario, ScenarioInput, MetricId, ChartSpec, TimelineEvent } from './scenario/schema.ts';
export type { ReplicateResult, NgoRecord } from './model/runTypes.ts';
export type { RecordedSeries, MetricDefinition } from './engine/recorder.ts';
export { metricDefinitions } from './model/metricDefinitions.ts';
export { runReplicate, startReplicate } from './model/runReplicate.ts';
export { createModelState, phases } from './model/model.ts';
export { scenarioSchema, metricIds } from './scenario/schema.ts';
export {
  checkScenarioFile,
  loadScenarioFile,
  formatIssue,
  scenarioHash,
  ScenarioError,
} from './scenario/load.ts';
export type { ScenarioIssue, ScenarioIO, LoadedScenario } from './scenario/load.ts';
export { memoryScenarioIO } from './scenario/memoryIO.ts';

/**
 * Loads and validates a scenario file (following `extends`), throwing a ScenarioError with every issue.
 * Reads files with node:fs unless given another IO (e.g. memoryScenarioIO in a browser).
 */
export async function loadScenario(path: string, io?: ScenarioIO): Promise<LoadedScenario> {
  const files = io ?? (await import('./scenario/nodeIO.ts')).nodeScenarioIO;
  return loadScenarioFile(path, files);
}

export interface RunOverrides {
  seed?: number;
  replicates?: number;
  /** Multiplies the simulated citizens and the NGO sampling rate (capped at 1). */
  scale?: number;
}

/** The scenario a run actually uses: overrides applied, so the manifest alone can replay the run. */
export function applyOverrides(scenario: Scenario, overrides: RunOverrides = {}): Scenario {
  const out: Scenario = structuredClone(scenario);
  if (overrides.seed !== undefined) out.seed = overrides.seed;
  if (overrides.replicates !== undefined) out.replicates = overrides.replicates;
  if (overrides.scale !== undefined && overrides.scale !== 1) {
    out.population.citizens = Math.max(100, Math.round(out.population.citizens * overrides.scale));
    out.population.ngoSampling = Math.min(1, out.population.ngoSampling * overrides.scale);
  }
  return out;
}

export interface Progress {
  replicate: number;
  replicates: number;
  tick: number;
  ticks: number;
}

export interface RunOptions {
  /** Stream family (default: the scenario name); a shared family gives common random numbers. */
  family?: string;
  onProgress?(progress: Progress): void;
  /** Checked between replicates and about every 50 ms; an aborted run rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface RunResult {
  scenario: Scenario;
  replicates: ReplicateResult[];
  metrics: typeof metricDefinitions;
}

/** Lets the event loop run (signals, progress output) between slices of simulation. */
const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) =>
    globalThis.setImmediate ? globalThis.setImmediate(resolve) : setTimeout(resolve, 0),
  );

/**
 * Runs every replicate of a (resolved, overridden) scenario, one after another. It yields to the event
 * loop about every 50 ms, so an abort signal (Ctrl-C) takes effect within a tick, not a replicate.
 */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
  const replicates: ReplicateResult[] = [];
  for (let r = 0; r < scenario.replicates; r++) {
    options.signal?.throwIfAborted();
    const run = startReplicate(scenario, r, {
      family: options.family,
      onTick: (tick: number, ticks: number) =>
        options.onProgress?.({ replicate: r, replicates: scenario.replicates, tick: tick + 1, ticks }),
    });
    let slice = performance.now();
    while (run.step()) {
      if (performance.now() - slice > 50) {
        await yieldToEventLoop();
        options.signal?.throwIfAborted();
        slice = performance.now();
      }
    }
    replicates.push(run.result());
    await yieldToEventLoop();
  }
  return { scenario, replicates, metrics: metricDefinitions };
}

// Outputs: summaries over replicates, the CSV tables and chart specs of a run (pure; no file system).
export { summarise, summariseRun, mean, sampleSd, ci95HalfWidth } from './output/summary.ts';
export type { Summary, SeriesSummary, MetricSummary, Resolution } from './output/summary.ts';
export {
  seriesCsvLines,
  annualCsvLines,
  summaryCsvLines,
  ngosCsvLines,
  outputMetricIds,
} from './output/tables.ts';
export { csvLine, csvField, formatCsvNumber } from './output/csv.ts';
export { buildChartSpec } from './output/charts.ts';
export type { ChartContext, ChartMetric } from './output/charts.ts';
export { defaultCharts } from './output/defaultCharts.ts';
