/**
 * A sweep into a results folder: `<out>/_sweep/<id>` (a name no scenario's run folder can have), written
 * as `<id>.partial` until done, like runs. First `plan.json` (the plan's identity, parameters, design and
 * periods); then each run's record is appended to `runs.jsonl` as it finishes (flushed to disk at least
 * every second, so a crash loses at most the last second of runs and never garbles earlier ones). At the
 * end the records are sorted into plan order and the tables, charts and reports written from them, so
 * the results are the same bytes with any number of workers.
 *
 * `resume` continues a `.partial` sweep of the same plan (same id, same inputs: the plan hash must
 * match), keeping the runs it finished and doing only the rest. A shard (`k/n`) runs its part of the plan
 * into `<id>.shard-k-of-n` and keeps its sorted records for `civsim merge`.
 */
import { open, readFile, rename, stat, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeLog, encodeRecord, type RunRecord } from '../experiment/runRecord.ts';
import { planInputsOf } from '../experiment/planInputs.ts';
import { plannedRuns, runCount, type Shard, type SweepPlan } from '../experiment/sweepPlan.ts';
import { incompleteText } from '../output/incomplete.ts';
import { defaultRunId } from '../output/runId.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { claimRunFolder, completeRunFolder, updateIncomplete, type RunFolder } from './runFolder.ts';
import { runSweepOnWorkers } from './sweepPool.ts';

/** The folder under `out` that holds sweeps. */
export const sweepsFolder = '_sweep';
export const planFileName = 'plan.json';
export const logFileName = 'runs.jsonl';

export interface SweepProgress {
  total: number;
  done: number;
  /** Done in earlier sessions (resumed). */
  resumed: number;
  failed: number;
}

export interface SweepToFolderOptions {
  out: string;
  /** The folder to make the sweep's folder in (default `<out>/_sweep`): a calibration keeps its generations in its own. */
  parent?: string;
  id?: string;
  resume?: boolean;
  shard?: Shard;
  workers?: number;
  /** Make the runs on `civsim worker`s through this Redis queue instead of on local threads. */
  queue?: { url: string; onNote?(line: string): void };
  signal?: AbortSignal;
  onStarted?(folder: string): void;
  onProgress?(progress: SweepProgress): void;
  /** Writes the finished sweep's tables, charts and reports into the folder (given the sorted records). */
  finish?(folder: string, records: ReadonlyMap<number, RunRecord>): Promise<void>;
  rerun?: string;
  /** What plan.json records besides the plan itself (the periods, the command). */
  facts: { periods: readonly string[]; civsimVersion: string; command?: string };
}

export interface FinishedSweep {
  folder: string;
  runId: string;
  records: Map<number, RunRecord>;
  resumed: number;
  wallSeconds: number;
}

/** A sweep that cannot be resumed, or a folder that is not the sweep asked for. */
export class SweepFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SweepFolderError';
  }
}

export function shardSuffix(shard: Shard | undefined): string {
  return shard ? `.shard-${shard.index}-of-${shard.count}` : '';
}

/** What plan.json holds: enough to check a resume or a merge, and to read the results without civsim. */
export function planFile(plan: SweepPlan, options: Pick<SweepToFolderOptions, 'shard' | 'facts'>): object {
  return {
    format: 1,
    plan: plan.id,
    civsim: options.facts.civsimVersion,
    command: options.facts.command ?? '',
    scenario: plan.scenario.name,
    model: plan.scenario.model,
    seed: plan.scenario.seed,
    replicates: plan.replicates,
    independentSeeds: plan.independentSeeds,
    metrics: plan.metrics,
    periods: options.facts.periods,
    parameters: plan.parameters.map((p) => ({
      path: p.rootPath,
      ...(p.from !== undefined ? { from: p.from } : {}),
      ...(p.values ? { values: p.values } : {}),
      ...(p.range ? { range: p.range } : {}),
      integer: p.integer,
    })),
    design: {
      kind: plan.design.kind,
      samples: plan.design.samples ?? null,
      levels: plan.design.levels ?? null,
      points: plan.design.values.length,
    },
    runs: runCount(plan),
    shard: options.shard ?? null,
    // everything needed to rebuild the plan (and check it by its hash): for civsim merge
    inputs: planInputsOf(plan),
  };
}

/** Reads a log, cutting off a last line a crash left half-written. */
async function readLog(path: string, plan: string): Promise<Map<number, RunRecord>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const log = decodeLog(text, plan);
  if (log.foreign > 0) {
    throw new SweepFolderError(`${path} holds ${log.foreign} runs of another sweep: it cannot be resumed`);
  }
  if (log.truncated) await truncate(path, log.validBytes);
  return log.records;
}

async function resumeFolder(parent: string, id: string, plan: SweepPlan): Promise<RunFolder> {
  const finalPath = join(parent, id);
  const partialPath = `${finalPath}.partial`;
  try {
    await stat(finalPath);
    throw new SweepFolderError(`${finalPath} is finished: there is nothing to resume`);
  } catch (error) {
    if (error instanceof SweepFolderError) throw error;
  }
  let recorded: { plan?: string };
  try {
    recorded = JSON.parse(await readFile(join(partialPath, planFileName), 'utf8')) as { plan?: string };
  } catch {
    throw new SweepFolderError(
      `no unfinished sweep to resume at ${partialPath} (give the --id it was started with)`,
    );
  }
  if (recorded.plan !== plan.id) {
    throw new SweepFolderError(
      `the sweep in ${partialPath} was started with other inputs (scenario, parameters, design, replicates, metrics or civsim version): ` +
        'resume it with exactly the same command, or start a new one with another --id',
    );
  }
  return { runId: id, finalPath, partialPath };
}

export async function sweepToFolder(plan: SweepPlan, options: SweepToFolderOptions): Promise<FinishedSweep> {
  const startedAt = new Date();
  const started = performance.now();
  const parent = options.parent ?? join(options.out, sweepsFolder);
  const rerun = options.rerun ?? 'civsim sweep …';
  const baseId = (options.id ?? defaultRunId(startedAt, plan.scenario.seed)) + shardSuffix(options.shard);
  if (options.resume && options.id === undefined) {
    throw new SweepFolderError('--resume needs the --id of the sweep to continue');
  }
  const folder = options.resume
    ? await resumeFolder(parent, baseId, plan)
    : await claimRunFolder(parent, baseId, {
        exact: options.id !== undefined,
        incomplete: incompleteText({ startedAt, rerun }),
      });
  // the command that continues it: the same one with --resume (and the folder's id, when it chose one;
  // a command that named its --id already has it, and yargs refuses an option given twice)
  const sweepId = folder.runId.slice(0, folder.runId.length - shardSuffix(options.shard).length);
  const resumeCommand = `${rerun} --resume${options.id === undefined ? ` --id ${sweepId}` : ''}`;
  if (!options.resume) await updateIncomplete(folder, incompleteText({ startedAt, rerun: resumeCommand }));
  options.onStarted?.(folder.partialPath);
  const logPath = join(folder.partialPath, logFileName);
  let log: FileHandle | undefined;
  try {
    if (!options.resume) {
      await writeFileAtomic(
        join(folder.partialPath, planFileName),
        `${JSON.stringify(planFile(plan, options), null, 2)}\n`,
      );
    }
    const records = await readLog(logPath, plan.id);
    const resumed = records.size;
    const todo = plannedRuns(plan, options.shard).filter((run) => !records.has(run));
    const total = todo.length + resumed;
    let failed = [...records.values()].filter((r) => r.failure).length;
    options.onProgress?.({ total, done: resumed, resumed, failed });
    log = await open(logPath, 'a');
    const handle = log;
    let lastSync = performance.now();
    let unsynced = false;
    const onRecord = async (record: RunRecord) => {
      await handle.appendFile(encodeRecord(record, plan.id));
      unsynced = true;
      if (performance.now() - lastSync > 1000) {
        await handle.sync();
        lastSync = performance.now();
        unsynced = false;
      }
      records.set(record.run, record);
      if (record.failure) failed++;
      options.onProgress?.({ total, done: records.size, resumed, failed });
    };
    if (options.queue) {
      const { runSweepOnQueue } = await import('./sweepQueue.ts'); // BullMQ loads only for queued sweeps
      await runSweepOnQueue(plan, todo, {
        url: options.queue.url,
        civsimVersion: options.facts.civsimVersion,
        signal: options.signal,
        onRecord,
        onNote: options.queue.onNote,
        flush: async () => {
          if (unsynced) await handle.sync();
          lastSync = performance.now();
          unsynced = false;
        },
      });
    } else {
      await runSweepOnWorkers(plan, todo, { workers: options.workers, signal: options.signal, onRecord });
    }
    if (unsynced) await handle.sync();
    await handle.close();
    log = undefined;
    options.signal?.throwIfAborted();
    // the log in plan order: the same bytes however the runs were scheduled
    const sorted = new Map([...records.entries()].sort(([a], [b]) => a - b));
    const sortedLog = [...sorted.values()].map((r) => encodeRecord(r, plan.id)).join('');
    await writeFileAtomic(join(folder.partialPath, `${logFileName}.sorted`), sortedLog);
    await rename(join(folder.partialPath, `${logFileName}.sorted`), logPath);
    if (!options.shard) await options.finish?.(folder.partialPath, sorted);
    options.signal?.throwIfAborted();
    await completeRunFolder(folder);
    return {
      folder: folder.finalPath,
      runId: folder.runId,
      records: sorted,
      resumed,
      wallSeconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await log?.close().catch(() => undefined);
    const reason = options.signal?.aborted
      ? `interrupted at ${new Date().toISOString()}; the runs finished so far are kept`
      : `it failed at ${new Date().toISOString()}: ${error instanceof Error ? error.message : String(error)}`;
    await updateIncomplete(folder, incompleteText({ startedAt, rerun: resumeCommand, reason }));
    throw error;
  }
}
