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
  ReportIssue,
  StylizedFact,
  FactRow,
  SnapshotDefinition,
  SnapshotCategory,
  GridSnapshot,
} from './models/definition.ts';
export { inBand } from './models/definition.ts';
export { checkFacts, bandWords } from './run/facts.ts';
export type { FactOutcome, FactOptions, KnockoutOutcome } from './run/facts.ts';
export { models, modelIds, modelById, findModel, registerModel, isBuiltInModel } from './models/registry.ts';
// each model's whole scenario schema (`civilSocietyScenarioSchema()` etc.): a function, as the schemas are
// built the first time they are asked for
export { threshold } from './models/threshold/index.ts';
export type { Scenario as ThresholdScenario } from './models/threshold/schema.ts';
export { scenarioSchema as thresholdScenarioSchema } from './models/threshold/schema.ts';
export { schelling } from './models/schelling/index.ts';
export type { Scenario as SchellingScenario } from './models/schelling/schema.ts';
export { scenarioSchema as schellingScenarioSchema } from './models/schelling/schema.ts';
export type { SchellingState } from './models/schelling/state.ts';
export { epstein } from './models/epstein/index.ts';
export type { Scenario as EpsteinScenario } from './models/epstein/schema.ts';
export { scenarioSchema as epsteinScenarioSchema } from './models/epstein/schema.ts';
export type { EpsteinState, Sight as EpsteinSight } from './models/epstein/state.ts';
export * from './models/behaviour/grievance.ts';
export * from './models/behaviour/threshold.ts';
export { discNeighbourhoods } from './engine/disc.ts';
export { civilSociety } from './models/civil-society/index.ts';
export type { Scenario as CivilSocietyScenario } from './models/civil-society/schema.ts';
export { scenarioSchema as civilSocietyScenarioSchema } from './models/civil-society/schema.ts';

// building blocks for a model's scenario sections: zod (the same copy civsim reads schemas with), and
// bounded numbers with their reasons, dates
export { z } from 'zod';
export {
  share,
  money,
  upTo,
  positiveUpTo,
  coefficient,
  yearlyRate,
  wholeNumber,
  text,
  dateSchema,
  onFirstUse,
} from './scenario/schemaParts.ts';

// the engine: what a model's state and rules are built from
export { Calendar } from './engine/calendar.ts';
export type { DateLike } from './engine/calendar.ts';
export type { FiredAction } from './engine/schedule.ts';
export type { Clock } from './engine/clock.ts';
export { RandomStreams, createStream } from './engine/random.ts';
export type { RandomStream, StreamKey } from './engine/random.ts';
export type { Recorder, RecordedSeries, RecordedMetric, Aggregate } from './engine/recorder.ts';
export { NonFiniteMetricError } from './engine/recorder.ts';
export type { Phase, TickContext } from './engine/simulation.ts';
export { wattsStrogatz, degreeOf } from './engine/network.ts';
export type { Network } from './engine/network.ts';
export { Grid } from './engine/grid.ts';
export type { GridOptions, Connectivity, Neighbourhoods } from './engine/grid.ts';
export { shuffleInPlace } from './engine/activation.ts';
export { ksTwoSample, kolmogorovQ } from './stats/ksTest.ts';
export type { KsResult } from './stats/ksTest.ts';
export { AliasTable } from './engine/alias.ts';
export { createColumns, GrowableColumns } from './engine/columns.ts';
export type { Columns, ColumnSpec, ColumnConstructor } from './engine/columns.ts';
export { RunLimitError } from './engine/runLimitError.ts';
export { gini, hhi, logistic, clamp01, monthlyFromAnnual } from './engine/stats.ts';

// scenarios
export type {
  ScenarioBase,
  TimelineEvent,
  ChartSpec,
  EnvelopeSpec,
  SweepBlock,
} from './scenario/envelope.ts';
export {
  currentFormat,
  defaultModelId,
  monthScenarioSchema,
  stepScenarioSchema,
  snapshotChartId,
  maxSnapshots,
} from './scenario/envelope.ts';
export { scenarioSchemaFor, leversOf } from './scenario/modelSchemas.ts';
export type { LeverInfo } from './scenario/modelSchemas.ts';
export type { AnySchema } from './scenario/schemaInfo.ts';
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
export { snapshotTicks, takeSnapshot, checkSnapshotCategories, maxSnapshotSide } from './run/snapshots.ts';
export type { ReplicateSnapshot } from './run/snapshots.ts';
export { runScenario, applyOverrides } from './run/runScenario.ts';
export type { RunOverrides, RunOptions, Progress } from './run/runScenario.ts';
export { estimateRunCost, formatMegabytes } from './run/cost.ts';
export type { RunCost, RunCostInput } from './run/cost.ts';

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
export type { CsvCell } from './output/csv.ts';
export type { EventForDisplay } from './output/timelineEvents.ts';
export type { ReportChart } from './output/html.ts';
export type { ManifestFile, SoftwareFacts } from './output/manifest.ts';
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
  snapshotChart,
  chartIds,
} from './output/runFiles.ts';
export { buildSnapshotSpec, snapshotCsv, snapshotTitle } from './output/snapshotChart.ts';
export type { SnapshotChartContext } from './output/snapshotChart.ts';
export type { RunResult, RunFile, RunSummaries, ReportContext } from './output/runFiles.ts';

// comparing policies: statistics, tables, charts and reports of several runs (pure; no file system)
export { compareRuns, pairingOf } from './compare/compareRuns.ts';
export type {
  CompareOptions,
  ComparisonData,
  OutcomeCell,
  Pairing,
  YearlyDifference,
} from './compare/compareRuns.ts';
export type { TimeUnit } from './compare/timeUnit.ts';
export { comparisonCsvLines, comparisonCsvHeader } from './compare/comparisonCsv.ts';
export { compareCharts } from './compare/compareCharts.ts';
export type { CompareChart } from './compare/compareCharts.ts';
export { mixCharts, timelineChart } from './compare/contextCharts.ts';
export { findings } from './compare/findings.ts';
export type { Finding } from './compare/findings.ts';
export { comparisonMarkdown } from './compare/reportMarkdown.ts';
export type { ReportFacts } from './compare/reportMarkdown.ts';
export { comparisonHtml } from './compare/reportHtml.ts';
export type { DrawnChart } from './compare/reportHtml.ts';
export { interactiveChartsHtml, pagePolicy, staticChartSpec } from './output/interactiveCharts.ts';
export type { VegaScripts, InteractiveChart, InteractiveChartsHtml } from './output/interactiveCharts.ts';
export { chartPage, chartFigures } from './output/chartPage.ts';
export type { PageChart } from './output/chartPage.ts';

// statistics for comparisons, checked against R (test/stats)
export { pairedT, welchT } from './stats/tTests.ts';
export type { TTestResult } from './stats/tTests.ts';
export { signedRank, rankSum } from './stats/rankTests.ts';
export type { RankTestOptions } from './stats/rankTests.ts';
export { holm } from './stats/holm.ts';
export { cohenDz, hedgesG } from './stats/effectSize.ts';
export { relativeHalfWidth, replicatesNeeded } from './stats/precision.ts';
export { compareSamples } from './stats/chooseTest.ts';
export type { Comparison } from './stats/chooseTest.ts';
export type { TestName, TestResult } from './stats/testResult.ts';

// experiments: swept parameters, designs, sensitivity indices, sweep plans and their results (pure)
export { parseParameter, ParameterSyntaxError } from './experiment/parameter.ts';
export type { ParameterSpec } from './experiment/parameter.ts';
export { resolveParameters, applyPoint, numericPaths, DesignError } from './experiment/resolveParameters.ts';
export type { ResolvedParameter, DesignProblem, AppliedPoint } from './experiment/resolveParameters.ts';
export { buildDesign, valueAt, designKinds, designDefaults, DesignSizeError } from './experiment/design.ts';
export type { Design, DesignKind, DesignOptions } from './experiment/design.ts';
export { sobolPoints, maxSobolDimensions } from './experiment/sobolSequence.ts';
export { sobolIndices, saltelliFirst, jansenTotal } from './experiment/sobolIndices.ts';
export type { SobolIndices, SobolOptions } from './experiment/sobolIndices.ts';
export { morrisIndices, elementaryEffects } from './experiment/morrisIndices.ts';
export type { MorrisIndices, MorrisStep } from './experiment/morrisIndices.ts';
export { planSweep, plannedRuns, runAt, runCount, familyOf, parseShard } from './experiment/sweepPlan.ts';
export type { SweepPlan, PlannedRun, Shard } from './experiment/sweepPlan.ts';
export { runRecordOf, encodeRecord, decodeLog } from './experiment/runRecord.ts';
export type { RunRecord, DecodedLog } from './experiment/runRecord.ts';
export { planInputsOf, planFromInputs } from './experiment/planInputs.ts';
export type { PlanInputs } from './experiment/planInputs.ts';
export { acceptPlan, acceptClaim, RefusedRun, maxStoredPlanBytes } from './experiment/acceptPlan.ts';
// calibration: ABC-SMC, targets, posterior summaries, the calibrated scenario and the fit report (pure)
export {
  abcDefaults,
  AbcError,
  keptCount,
  proposalCount,
  priorProposals,
  movedProposals,
  proposalsFor,
  selectGeneration,
  shouldContinue,
  kernelOf,
  cholesky,
} from './calibrate/abcSmc.ts';
export type { Prior, AbcSettings, Particle, GenerationResult, Proposal, Kernel } from './calibrate/abcSmc.ts';
export {
  parseTargets,
  simulatedAtTargets,
  distanceToTargets,
  targetColumns,
  maxTargets,
} from './calibrate/targets.ts';
export type { Target, TargetProblem, TargetRow, TargetContext } from './calibrate/targets.ts';
export {
  weightedQuantile,
  effectiveSampleSize,
  parameterSummaries,
  posteriorCsvLines,
  particlesCsvLines,
  summaryCsvLines as calibrationSummaryCsvLines,
  generationsCsvLines,
} from './calibrate/posterior.ts';
export type { ParameterSummary } from './calibrate/posterior.ts';
export { calibratedScenarioText, roundMedian } from './calibrate/calibratedScenario.ts';
export type { CalibratedScenarioFacts } from './calibrate/calibratedScenario.ts';
export { calibrationCharts, fitBands } from './calibrate/calibrationCharts.ts';
export type { CalibrationChart, KeptSeries } from './calibrate/calibrationCharts.ts';
export { calibrationMarkdown, calibrationHtml, targetFit } from './calibrate/calibrationReport.ts';
export type { CalibrationReportFacts } from './calibrate/calibrationReport.ts';
export { blocksMarkdown, blocksHtml } from './output/reportBlocks.ts';
export type { ReportBlock } from './output/reportBlocks.ts';
export type { StoredPlan, RunClaim } from './experiment/acceptPlan.ts';
export {
  completeRecords,
  pointMeans,
  sensitivityRows,
  pointsCsvLines,
  runsCsvLines,
  summaryCsvLines as sweepSummaryCsvLines,
  sensitivityCsvLines,
} from './experiment/sweepResults.ts';
export type { SweepData, SensitivityRow } from './experiment/sweepResults.ts';
export { runSweep, sweepPeriods, type RunSweepOptions } from './experiment/runSweep.ts';
export { sweepCharts } from './experiment/sweepCharts.ts';
export type { SweepChart } from './experiment/sweepCharts.ts';
export { sweepMarkdown, sweepHtml } from './experiment/sweepReport.ts';
export type { SweepReportFacts } from './experiment/sweepReport.ts';
export { quantileSorted, percentileInterval } from './stats/quantile.ts';
export { specsOfBlock, sweepBlockProblems } from './experiment/sweepBlock.ts';
export type { BlockProblem } from './experiment/sweepBlock.ts';
export type { PathSegment } from './scenario/issues.ts';
