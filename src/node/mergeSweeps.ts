/**
 * `civsim merge`: the shards of one sweep (`--shard k/n`, run anywhere — a SLURM array, a Kubernetes
 * Indexed Job) joined into one finished sweep, with proof that nothing is missing or counted twice: every
 * shard folder must be finished and of the same plan (same hash, rebuilt from its recorded inputs by this
 * civsim), shards 1…n each present once, each run recorded once, by the shard that owns it. The result
 * is the same bytes as the sweep run in one piece.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { planFromInputs, type PlanInputs } from '../experiment/planInputs.ts';
import { decodeLog, encodeRecord, type RunRecord } from '../experiment/runRecord.ts';
import { inShard, runCount, type Shard, type SweepPlan } from '../experiment/sweepPlan.ts';
import { incompleteText } from '../output/incomplete.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { claimRunFolder, completeRunFolder, updateIncomplete } from './runFolder.ts';
import { logFileName, planFile, planFileName, SweepFolderError, sweepsFolder } from './sweepToFolder.ts';

interface RecordedPlan {
  plan: string;
  civsim: string;
  periods: string[];
  shard: Shard | null;
  inputs: PlanInputs;
}

export interface MergedShards {
  plan: SweepPlan;
  periods: string[];
  records: Map<number, RunRecord>;
  shards: number;
}

async function readShard(folder: string): Promise<{ recorded: RecordedPlan; log: string }> {
  if (folder.replace(/\/+$/, '').endsWith('.partial')) {
    throw new SweepFolderError(`${folder} is an unfinished shard: finish it (--resume) before merging`);
  }
  let text: string;
  try {
    text = await readFile(join(folder, planFileName), 'utf8');
  } catch {
    throw new SweepFolderError(`${folder} is not a sweep shard (it has no ${planFileName})`);
  }
  try {
    await stat(join(folder, 'INCOMPLETE'));
    throw new SweepFolderError(`${folder} did not finish (it has an INCOMPLETE file)`);
  } catch (error) {
    if (error instanceof SweepFolderError) throw error;
  }
  const recorded = JSON.parse(text) as RecordedPlan;
  if (!recorded.inputs || typeof recorded.plan !== 'string') {
    throw new SweepFolderError(`${folder}/${planFileName} is not a plan this civsim can read`);
  }
  return { recorded, log: await readFile(join(folder, logFileName), 'utf8') };
}

/** Reads and checks shard folders; returns the plan and every run's record. */
export async function readShards(folders: readonly string[], civsimVersion: string): Promise<MergedShards> {
  if (folders.length === 0) throw new SweepFolderError('give the shard folders to merge');
  const shards = await Promise.all(folders.map(readShard));
  const first = shards[0].recorded;
  for (const [i, { recorded }] of shards.entries()) {
    if (recorded.plan !== first.plan) {
      throw new SweepFolderError(
        `${folders[i]} belongs to another sweep than ${folders[0]} (their plans differ)`,
      );
    }
    if (!recorded.shard)
      throw new SweepFolderError(`${folders[i]} is a whole sweep, not a shard: there is nothing to merge`);
  }
  if (first.civsim !== civsimVersion) {
    throw new SweepFolderError(
      `the shards were made by civsim ${first.civsim}; merge them with that version (this is ${civsimVersion})`,
    );
  }
  const count = first.shard!.count;
  const seen = new Map<number, string>();
  for (const [i, { recorded }] of shards.entries()) {
    const s = recorded.shard!;
    if (s.count !== count)
      throw new SweepFolderError(`${folders[i]} is shard ${s.index}/${s.count}, the others are of ${count}`);
    if (seen.has(s.index))
      throw new SweepFolderError(
        `shard ${s.index}/${count} is given twice: ${seen.get(s.index)} and ${folders[i]}`,
      );
    seen.set(s.index, folders[i]);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) {
    throw new SweepFolderError(
      `shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${count}`).join(', ')} missing: run ${missing.length === 1 ? 'it' : 'them'} and merge again`,
    );
  }
  // the plan, rebuilt by this civsim from the recorded inputs, must be the one the shards ran
  const plan = planFromInputs(first.inputs, civsimVersion);
  if (plan.id !== first.plan) {
    throw new SweepFolderError(
      `${folders[0]}/${planFileName} does not describe the plan its runs were made with (its hash differs)`,
    );
  }
  const records = new Map<number, RunRecord>();
  for (const [i, shard] of shards.entries()) {
    const s = shard.recorded.shard!;
    const log = decodeLog(shard.log, plan.id);
    if (log.truncated || log.foreign > 0 || log.duplicates > 0) {
      throw new SweepFolderError(
        `${folders[i]}/${logFileName} is damaged (a torn line, a duplicate or another sweep's run)`,
      );
    }
    for (const [run, record] of log.records) {
      if (!inShard(run, s))
        throw new SweepFolderError(`${folders[i]} holds run ${run}, which belongs to another shard`);
      if (records.has(run)) throw new SweepFolderError(`run ${run} is recorded twice`);
      records.set(run, record);
    }
  }
  const total = runCount(plan);
  if (records.size !== total) {
    throw new SweepFolderError(`the shards hold ${records.size} of the sweep's ${total} runs`);
  }
  return {
    plan,
    periods: first.periods,
    records: new Map([...records.entries()].sort(([a], [b]) => a - b)),
    shards: count,
  };
}

/** The sweep's id from a shard folder's name ("big.shard-2-of-8" → "big"). */
export function sweepIdOf(folder: string): string {
  return basename(folder.replace(/\/+$/, '')).replace(/\.shard-\d+-of-\d+$/, '');
}

export async function mergeShardsToFolder(
  folders: readonly string[],
  options: {
    out?: string;
    id?: string;
    civsimVersion: string;
    rerun: string;
    /** Checks the merged sweep before any folder is made (throw a SweepFolderError to refuse). */
    check?(merged: MergedShards): void;
    finish(folder: string, merged: MergedShards): Promise<void>;
  },
): Promise<{ folder: string; merged: MergedShards }> {
  const merged = await readShards(folders, options.civsimVersion);
  options.check?.(merged);
  const parent = options.out ? join(options.out, sweepsFolder) : dirname(folders[0].replace(/\/+$/, ''));
  const folder = await claimRunFolder(parent, options.id ?? sweepIdOf(folders[0]), {
    exact: true,
    incomplete: incompleteText({ startedAt: new Date(), rerun: options.rerun }),
  });
  try {
    await writeFileAtomic(
      join(folder.partialPath, planFileName),
      `${JSON.stringify(planFile(merged.plan, { facts: { periods: merged.periods, civsimVersion: options.civsimVersion } }), null, 2)}\n`,
    );
    await writeFileAtomic(
      join(folder.partialPath, logFileName),
      [...merged.records.values()].map((r) => encodeRecord(r, merged.plan.id)).join(''),
    );
    await options.finish(folder.partialPath, merged);
    await completeRunFolder(folder);
    return { folder: folder.finalPath, merged };
  } catch (error) {
    await updateIncomplete(
      folder,
      incompleteText({
        startedAt: new Date(),
        rerun: options.rerun,
        reason: `it failed: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
    throw error;
  }
}
