/**
 * civsim's universal entry: load a scenario, run it, summarise and chart it. Nothing here (nor in its
 * import graph) uses a Node API, so the same code runs in the CLI, worker threads, notebooks and a
 * browser. Files, rendering to SVG/PNG, run folders and worker pools are in `civsim/node`
 * (src/node/index.ts).
 */
import { loadScenarioFile, type LoadedScenario, type ScenarioIO } from './scenario/load.ts';

// models
export type {
  ModelDefinition,
  AnyModel,
  MetricDefinition,
  ActionDefinition,
  Direction,
  ModelCost,
  AgentRecords,
  Rename,
} from './models/definition.ts';
export { models, modelIds, modelById, findModel } from './models/registry.ts';
export { civilSociety } from './models/civil-society/index.ts';

// scenarios
export type { ScenarioBase, TimelineEvent, ChartSpec } from './scenario/envelope.ts';
export {
  currentFormat,
  defaultModelId,
  monthScenarioSchema,
  stepScenarioSchema,
} from './scenario/envelope.ts';
export { scenarioSchemaFor, leversOf } from './scenario/modelSchemas.ts';
export {
  checkScenarioFile,
  loadScenarioFile,
  formatIssue,
  scenarioHash,
  ScenarioError,
} from './scenario/load.ts';
export type { ScenarioIssue, ScenarioIO, LoadedScenario, ScenarioCheck } from './scenario/load.ts';
export { memoryScenarioIO } from './scenario/memoryIO.ts';

/**
 * Loads and validates a scenario file (following `extends`) through a ScenarioIO — memoryScenarioIO in a
 * browser or notebook, or civsim/node's loadScenario, which reads files — throwing a ScenarioError with
 * every issue.
 */
export function loadScenario(path: string, io: ScenarioIO): Promise<LoadedScenario> {
  return loadScenarioFile(path, io);
}

// running
export { runReplicate, startReplicate, clockOf } from './run/replicate.ts';
export type { ReplicateResult, ReplicateOptions, ReplicateRun } from './run/replicate.ts';
export { runScenario, applyOverrides } from './run/runScenario.ts';
export type { RunOverrides, RunOptions, Progress } from './run/runScenario.ts';
export { estimateRunCost, formatMegabytes } from './run/cost.ts';
export type { RunCost } from './run/cost.ts';

// outputs: summaries, CSV text, chart specs, the report (pure; no file system)
export { summarise, summariseRun, mean, sampleSd, ci95HalfWidth } from './output/summary.ts';
export type { Summary, SeriesSummary, MetricSummary, Resolution } from './output/summary.ts';
export {
  seriesCsvLines,
  annualCsvLines,
  summaryCsvLines,
  agentsCsvLines,
  outputMetricIds,
} from './output/tables.ts';
export { csvLine, csvField, csvText, formatCsvNumber } from './output/csv.ts';
export { buildChartSpec } from './output/charts.ts';
export type { ChartContext, ChartMetric } from './output/charts.ts';
export {
  chartsOf,
  chartSpecs,
  chartContext,
  tableFiles,
  reportHtml,
  summariseForFiles,
  fileDescriptions,
} from './output/runFiles.ts';
export type { RunResult, RunFile, RunSummaries } from './output/runFiles.ts';
