/**
 * Facts about the software that made a run, for its manifest: civsim's version (package.json), the git
 * commit of the civsim checkout when it is one (null otherwise, e.g. installed from a package) and
 * whether that checkout had uncommitted changes to tracked files, and Node and the platform.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SoftwareFacts } from '../output/manifest.ts';

export type { SoftwareFacts };

/** civsim's own folder (this file is src/node/environment.ts). */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** git's output, or null when it fails. One pipe (stdout): each pipe costs the main thread a socket. */
function git(args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn('git', args, {
      cwd: packageRoot,
      timeout: 5000,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code === 0 ? out.trim() : null));
  });
}

export async function softwareFacts(): Promise<SoftwareFacts> {
  // one git process for the commit and the changes (starting a process costs the main thread tens of ms),
  // started before anything is awaited: a run that calls this first gets git's answer while it simulates
  const gitStatus = git(['status', '--porcelain=v2', '--branch', '--untracked-files=no']);
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  const status = await gitStatus;
  const lines = status === null ? [] : status.split('\n');
  let commit = lines.find((line) => line.startsWith('# branch.oid '))?.slice('# branch.oid '.length) ?? null;
  let dirty = status === null ? null : lines.some((line) => line !== '' && !line.startsWith('#'));
  if (status === null) {
    // git status failed: the commit alone, if git can tell it
    commit = await git(['rev-parse', 'HEAD']);
    dirty = null;
  }
  const known = commit !== null && /^[0-9a-f]{40,64}$/.test(commit);
  return {
    civsimVersion: pkg.version ?? 'unknown',
    gitCommit: known ? commit : null,
    gitDirty: known ? dirty : null,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
  };
}
