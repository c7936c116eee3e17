/**
 * civsim's Node entry (`civsim/node`): what needs Node's file system, threads or native modules —
 * reading scenario files, run folders written atomically and durably, charts rendered to SVG and PNG,
 * replicates on worker threads, the machine's free memory. Everything universal is re-exported too, so a
 * Node program needs only this entry.
 */
import { loadScenarioFile, type LoadedScenario, type ScenarioIO } from '../scenario/load.ts';
import { nodeScenarioIO } from './scenarioIO.ts';

export * from '../index.ts';

/** Loads and validates a scenario file from disk (following `extends`), or throws a ScenarioError. */
export function loadScenario(path: string, io: ScenarioIO = nodeScenarioIO): Promise<LoadedScenario> {
  return loadScenarioFile(path, io);
}

export { nodeScenarioIO, readScenarioBytes } from './scenarioIO.ts';
export { runToFolder, RunFolderError, RunFailedError, describeFailure } from './runToFolder.ts';
export type { RunToFolderOptions, RunEvent, FinishedRun } from './runToFolder.ts';
export { runReplicatesOnWorkers, defaultWorkerCount } from './replicatePool.ts';
export type { PoolOptions, PoolProgress } from './replicatePool.ts';
export { writeRunOutputs } from './writeRun.ts';
export type { OutputContext, OutputOptions } from './writeRun.ts';
export { writeFileAtomic, syncFolder } from './atomicWrite.ts';
export type { WrittenFile, WriteOptions, WriteFileSystem, WritableFile } from './atomicWrite.ts';
export { renderSvg, renderPng } from './render.ts';
export type { PngOptions } from './render.ts';
export { chartBundle, chartText, vegaLiteMimeType } from './chartBundle.ts';
export type { ChartBundle, ChartBundleOptions } from './chartBundle.ts';
export { availableMemory } from './resources.ts';
export { OutputError } from './fileErrors.ts';
export { compareToFolder, comparisonsFolder, defaultCompareMetrics } from './compareToFolder.ts';
export type { CompareToFolderOptions, FinishedComparison } from './compareToFolder.ts';
export { readRunFolder, RunFolderReadError } from './readRunFolder.ts';
export type { FinishedRunFolder } from './readRunFolder.ts';
export { vegaScripts } from './vegaScripts.ts';
export { sweepToFolder, sweepsFolder, SweepFolderError } from './sweepToFolder.ts';
export type { SweepToFolderOptions, SweepProgress, FinishedSweep } from './sweepToFolder.ts';
export { writeSweepResults } from './writeSweep.ts';
export type { WriteSweepOptions } from './writeSweep.ts';
export { runSweepOnWorkers } from './sweepPool.ts';
export type { SweepPoolOptions } from './sweepPool.ts';
export { runSweepOnQueue } from './sweepQueue.ts';
export type { SweepQueueOptions } from './sweepQueue.ts';
export { runQueueWorker } from './queueWorker.ts';
export type { QueueWorkerOptions, QueueWorkerSummary } from './queueWorker.ts';
export { QueueError, queueNameFor } from './redisQueue.ts';
export { calibrateToFolder, calibrationsFolder, priorsOf, pointMeansOf } from './calibrateToFolder.ts';
export type {
  CalibrationSetup,
  CalibrateOptions,
  CalibrationProgress,
  FinishedCalibration,
  ShardStep,
} from './calibrateToFolder.ts';
export { readTargets } from './readTargets.ts';
export { writeChartFiles } from './writeCharts.ts';
export { startPdfPrinter, printPdf } from './printPdf.ts';
export type { PdfPrinter } from './printPdf.ts';
