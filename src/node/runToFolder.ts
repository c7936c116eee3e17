/**
 * A scenario run from start to finished run folder: the library call behind `civsim run`. It claims
 * `<out>/<name>/<run-id>.partial/` (with an INCOMPLETE marker) before any work, runs the replicates on
 * worker threads, writes the tables, charts, report and manifest (each file whole and flushed), and
 * renames the folder to `<run-id>/` only when everything is there. Whatever stops it — an interrupt, a
 * full disk, a model limit — leaves the `.partial` folder with a marker that says why.
 *
 * Errors it throws, for callers to map to messages and exit codes:
 * - RunFolderError: the results folder cannot be used (before any work);
 * - RunFailedError: a replicate stopped on a model limit or a broken number (with the date and the
 *   scenario values most likely at fault);
 * - OutputError: writing failed (no space, read-only, …);
 * - the abort signal's reason, when it is aborted.
 */
import { join } from 'node:path';
import { clockOf } from '../run/replicate.ts';
import { NonFiniteMetricError } from '../engine/recorder.ts';
import { RunLimitError } from '../engine/runLimitError.ts';
import type { AnyModel } from '../models/definition.ts';
import { isBuiltInModel, modelById } from '../models/registry.ts';
import { runScenario } from '../run/runScenario.ts';
import { incompleteText } from '../output/incomplete.ts';
import { buildManifest, type ManifestFile } from '../output/manifest.ts';
import { defaultRunId } from '../output/runId.ts';
import { outputMetricIds } from '../output/tables.ts';
import { chartIds, chartsOf } from '../output/runFiles.ts';
import { extremeValues } from '../scenario/extremeValues.ts';
import { scenarioHash } from '../scenario/hash.ts';
import type { ScenarioIssue } from '../scenario/issues.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { softwareFacts } from './environment.ts';
import { fileErrorReason, isFileSystemError, OutputError } from './fileErrors.ts';
import type { PoolProgress, runReplicatesOnWorkers } from './replicatePool.ts';
import { claimRunFolder, completeRunFolder, RunFolderTakenError, updateIncomplete } from './runFolder.ts';
import type { RunFolder } from './runFolder.ts';

/** What a run tells its caller while it goes. */
export type RunEvent =
  | { kind: 'started'; folder: string; scenario: string; replicates: number; seed: number; workers: number }
  | { kind: 'progress'; progress: PoolProgress }
  | { kind: 'file'; path: string; index: number; total: number };

export interface RunToFolderOptions {
  /** Folder that holds results (the run goes to `<out>/<scenario name>/<run id>/`). */
  out: string;
  /** Run id chosen by the user: used exactly, or the run fails (default `<UTC start>-seed<N>`). */
  id?: string;
  /** Draw charts (default true). */
  charts?: boolean;
  workers?: number;
  /** Stream family (default: the scenario name); a shared family gives common random numbers. */
  family?: string;
  signal?: AbortSignal;
  onEvent?(event: RunEvent): void;
  /** Where the scenario came from, for the manifest. */
  source?: {
    files: string[];
    hash: string;
    overrides: { seed?: number; replicates?: number; scale?: number };
    warnings?: ScenarioIssue[];
  };
  /** The command that started the run, for the manifest and the INCOMPLETE note. */
  command?: { argv: string[]; line: string; cwd: string };
}

export interface FinishedRun {
  /** The finished run folder. */
  folder: string;
  runId: string;
  files: ManifestFile[];
  wallSeconds: number;
}

/** The results folder cannot be used: nothing has been computed yet. */
export class RunFolderError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'RunFolderError';
  }
}

/** A replicate stopped before its end; the message says when, why and what in the scenario to look at. */
export class RunFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunFailedError';
  }
}

/**
 * A model registered by the program (registerModel) is unknown to worker threads: its replicates run
 * here, one after another, still reporting progress and stopping on the signal.
 */
async function runInThisThread(scenario: ScenarioBase, options: RunToFolderOptions) {
  const ticksDone = new Map<number, number>();
  let done = 0;
  const result = await runScenario(scenario, {
    family: options.family,
    signal: options.signal,
    onProgress: (p) => {
      ticksDone.set(p.replicate, p.tick);
      if (p.tick === p.ticks) done = p.replicate + 1;
      let sum = 0;
      for (const t of ticksDone.values()) sum += t;
      options.onEvent?.({
        kind: 'progress',
        progress: {
          replicates: p.replicates,
          done,
          ticksDone: sum,
          ticksTotal: p.ticks * p.replicates,
          building: 0,
        },
      });
    },
  });
  return result.replicates;
}

/** runReplicatesOnWorkers, loaded only when a run uses worker threads (Piscina with it). */
async function runOnWorkers(...args: Parameters<typeof runReplicatesOnWorkers>) {
  const pool = await import('./replicatePool.ts');
  return pool.runReplicatesOnWorkers(...args);
}

/**
 * A worker thread loads civsim again (about a second on the bench machine) before it runs anything, so a
 * run on one worker whose replicates together take well under that runs in this thread instead: the same
 * replicates from the same streams, so the same bytes. A model registered by the program always runs here.
 */
export const inThreadBelowSeconds = 0.5;

/** Whether the run's replicates run in this thread rather than on worker threads. */
export function runsInThisThread(model: AnyModel, scenario: ScenarioBase, workers: number): boolean {
  if (!isBuiltInModel(model.id)) return true;
  return workers === 1 && model.cost(scenario).replicateSeconds * scenario.replicates < inThreadBelowSeconds;
}

/** Words for a replicate's failure, with the date and the scenario values most likely at fault. */
export function describeFailure(
  model: AnyModel,
  error: RunLimitError | NonFiniteMetricError,
  scenario: ScenarioBase,
): string {
  const clock = clockOf(model, scenario);
  const date = clock.kind === 'month' ? clock.label(error.tick) : `step ${clock.label(error.tick)}`;
  const suspects = extremeValues(model, scenario)
    .map((v) => `${v.path} = ${v.value}`)
    .join(', ');
  const look = suspects ? `; the scenario values nearest their bounds are ${suspects}` : '';
  if (error instanceof RunLimitError) return `the run stopped in ${date}: ${error.message}`;
  const metric = model.metrics.find((m) => m.id === error.metric)?.label ?? error.metric;
  return (
    `the run stopped in ${date}: the metric ${error.metric} (${metric}) came out as ${error.value}, ` +
    `which means a number in the model overflowed or was divided by zero${look}`
  );
}

export async function runToFolder(scenario: ScenarioBase, options: RunToFolderOptions): Promise<FinishedRun> {
  const model = modelById(scenario.model);
  const startedAt = new Date();
  const started = performance.now();
  const signal = options.signal;
  const rerun = options.command
    ? options.id
      ? `${options.command.line}   (delete this folder first: --id reuses its name)`
      : options.command.line
    : 'civsim run <scenario>';

  let folder: RunFolder;
  try {
    folder = await claimRunFolder(
      join(options.out, scenario.name),
      options.id ?? defaultRunId(startedAt, scenario.seed),
      { exact: options.id !== undefined, incomplete: incompleteText({ startedAt, rerun }) },
    );
  } catch (error) {
    if (error instanceof RunFolderTakenError) throw new RunFolderError(error.message, error);
    if (isFileSystemError(error)) {
      throw new RunFolderError(`cannot use ${options.out} for results: ${fileErrorReason(error)}`, error);
    }
    throw error;
  }

  try {
    signal?.throwIfAborted();
    const workers = Math.max(1, Math.min(options.workers ?? 1, scenario.replicates));
    options.onEvent?.({
      kind: 'started',
      folder: folder.partialPath,
      scenario: scenario.name,
      replicates: scenario.replicates,
      seed: scenario.seed,
      workers,
    });
    // vega and resvg take most of a second to load: when charts are drawn, start loading them while the
    // replicates run (writeRun loads them only for charts)
    const writer = import('./writeRun.ts');
    writer.catch(() => undefined); // a failed load is reported where it is awaited
    if (options.charts !== false) import('./render.ts').catch(() => undefined);
    const facts = softwareFacts();
    facts.catch(() => undefined);
    let replicates;
    try {
      replicates = !runsInThisThread(model, scenario, workers)
        ? await runOnWorkers(scenario, {
            workers,
            family: options.family,
            signal,
            onProgress: (progress) => options.onEvent?.({ kind: 'progress', progress }),
          })
        : await runInThisThread(scenario, options);
    } catch (error) {
      if (error instanceof RunLimitError || error instanceof NonFiniteMetricError) {
        throw new RunFailedError(describeFailure(model, error, scenario));
      }
      throw error;
    }
    const result = { model, scenario, replicates };
    const { writeRunOutputs } = await writer;
    const hash = scenarioHash(scenario);
    const software = await facts;
    const files = await writeRunOutputs(
      folder.partialPath,
      result,
      { runId: folder.runId, scenarioHash: hash, software },
      {
        charts: options.charts,
        signal,
        onFile: (path, index, total) => options.onEvent?.({ kind: 'file', path, index, total }),
      },
    );
    options.onEvent?.({ kind: 'file', path: 'manifest.json', index: files.length, total: files.length + 1 });
    const wallSeconds = (performance.now() - started) / 1000;
    const manifest = buildManifest({
      runId: folder.runId,
      scenario,
      scenarioHash: hash,
      loadedHash: options.source?.hash ?? hash,
      scenarioFiles: options.source?.files ?? [],
      warnings: (options.source?.warnings ?? []).map((w) => w.message),
      overrides: options.source?.overrides ?? {},
      replicateSeeds: replicates.map((r) => ({ replicate: r.replicate, seedKey: r.seedKey })),
      metrics: outputMetricIds(scenario, model.metrics),
      charts: options.charts === false ? [] : chartIds(result, chartsOf(model, scenario)),
      software,
      argv: options.command?.argv ?? [],
      commandLine: options.command?.line ?? '',
      cwd: options.command?.cwd ?? '',
      startedAt,
      wallSeconds,
      files,
    });
    await writeFileAtomic(
      join(folder.partialPath, 'manifest.json'),
      `${JSON.stringify(manifest, null, 2)}\n`,
      signal,
    ).catch((error: unknown) => {
      throw isFileSystemError(error)
        ? new OutputError(`cannot write results to ${folder.partialPath}`, error)
        : error;
    });
    signal?.throwIfAborted();
    await completeRunFolder(folder).catch((error: unknown) => {
      throw isFileSystemError(error)
        ? new OutputError(`cannot finish the run folder ${folder.finalPath}`, error)
        : error;
    });
    options.onEvent?.({
      kind: 'file',
      path: 'manifest.json',
      index: files.length + 1,
      total: files.length + 1,
    });
    return { folder: folder.finalPath, runId: folder.runId, files, wallSeconds };
  } catch (error) {
    const reason = signal?.aborted
      ? `${signal.reason instanceof Error ? signal.reason.message : String(signal.reason)} at ${new Date().toISOString()}`
      : `it failed at ${new Date().toISOString()}: ${error instanceof Error ? error.message : String(error)}`;
    await updateIncomplete(folder, incompleteText({ startedAt, rerun, reason }));
    throw error;
  }
}
