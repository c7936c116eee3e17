/**
 * The life of a run folder: claimed as `<run-id>.partial/` with an INCOMPLETE marker before anything is
 * computed, filled file by file, and only when everything is written the marker is removed and the folder
 * renamed to `<run-id>/` in one atomic step. A folder without `.partial` is therefore always complete;
 * an interrupted, failed or killed run leaves `.partial` with its marker. Every file in it is written
 * whole and flushed to the disk before the rename (atomicWrite.ts), and the renames themselves are
 * flushed, so a crash or a power cut cannot leave a final folder with a truncated file.
 */
import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { incompleteFileName } from '../output/incomplete.ts';
import { syncFolder, writeFileAtomic } from './atomicWrite.ts';

export interface RunFolder {
  runId: string;
  /** Where the finished run will be. */
  finalPath: string;
  /** Where it is written meanwhile. */
  partialPath: string;
}

/** The run id asked for with --id is taken (by a finished run or an unfinished one). */
export class RunFolderTakenError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists: choose another --id, or delete that folder first`);
    this.name = 'RunFolderTakenError';
  }
}

/** Whether something is at `path`. */
export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export interface ClaimOptions {
  /** The id was chosen by the user: use exactly it, or fail (never silently write elsewhere). */
  exact: boolean;
  /** Content of the INCOMPLETE marker. */
  incomplete: string;
}

/**
 * `mkdir -p`, done by hand: Node's recursive mkdir loops forever where a folder cannot be created
 * although its parent exists (e.g. under /proc), and on a read-only mount it reports ENOENT. Here the
 * deepest existing folder is found first and checked for writing, so the error is the real one
 * (EROFS, EACCES, ENOTDIR), and the missing folders are then made one by one.
 */
export async function makeFolders(path: string): Promise<void> {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      const info = await stat(current);
      if (!info.isDirectory())
        throw Object.assign(new Error(`${current} is not a folder`), { code: 'ENOTDIR' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const parent = dirname(current);
      if (parent === current) throw error;
      missing.push(current);
      current = parent;
    }
  }
  await access(current, constants.W_OK);
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      // the parent exists, yet the folder cannot be made (a virtual file system such as /proc)
      if (code === 'ENOENT') throw Object.assign(new Error(`cannot create ${folder}`), { code: 'ENOTSUP' });
      throw error;
    }
  }
}

/**
 * Creates `<parent>/<id>.partial/` with its INCOMPLETE marker. For a generated id that is taken (two runs
 * in the same second, or a leftover `.partial`), tries `<id>-2`, `<id>-3`, …; `mkdir` without `recursive`
 * fails when the folder exists, so two processes can never claim the same folder.
 */
export async function claimRunFolder(
  parent: string,
  baseId: string,
  options: ClaimOptions,
): Promise<RunFolder> {
  await makeFolders(parent);
  for (let attempt = 1; attempt <= 1000; attempt++) {
    const runId = attempt === 1 ? baseId : `${baseId}-${attempt}`;
    const finalPath = join(parent, runId);
    const partialPath = `${finalPath}.partial`;
    if (await exists(finalPath)) {
      if (options.exact) throw new RunFolderTakenError(finalPath);
      continue;
    }
    try {
      await mkdir(partialPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (options.exact) throw new RunFolderTakenError(partialPath);
      continue;
    }
    await writeFileAtomic(join(partialPath, incompleteFileName), options.incomplete);
    await syncFolder(parent);
    return { runId, finalPath, partialPath };
  }
  throw new Error(`could not find a free run folder name for ${join(parent, baseId)}`);
}

/** Rewrites the marker, e.g. to say why the run stopped (best effort: the marker is there already). */
export async function updateIncomplete(folder: RunFolder, text: string): Promise<void> {
  try {
    await writeFileAtomic(join(folder.partialPath, incompleteFileName), text);
  } catch {
    // the original marker still says the run did not finish
  }
}

/**
 * Marks the run complete: removes the marker, then renames `<id>.partial` to `<id>`. In that order a
 * crash in between leaves a `.partial` folder (looks unfinished), never a final folder with a marker.
 */
export async function completeRunFolder(folder: RunFolder): Promise<void> {
  if (await exists(folder.finalPath)) throw new RunFolderTakenError(folder.finalPath);
  await rm(join(folder.partialPath, incompleteFileName));
  await syncFolder(folder.partialPath);
  await rename(folder.partialPath, folder.finalPath);
  await syncFolder(dirname(folder.finalPath));
}
