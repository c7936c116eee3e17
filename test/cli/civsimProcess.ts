/**
 * The real `civsim` binary as the CLI tests run it: a child process with its exit code, stdout and
 * stderr, optionally watched by a memory watchdog that samples its resident memory and kills it past a
 * bound (typed arrays live outside the V8 heap, so --max-old-space-size would not cap them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;
export const civsim = join(root, 'src/cli/civsim.js');

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Largest resident memory seen (bytes), when watched. */
  peakRss: number;
  /** Whether the watchdog killed the process for going past the bound. */
  killedForMemory: boolean;
}

export interface CivsimOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Kill the process (SIGKILL) when its resident memory passes this many bytes. */
  maxRss?: number;
  /** Called with the child once it runs (to send signals, close pipes…). */
  onSpawn?(child: ChildProcess): void;
  /** Called with every piece of stderr as it arrives. */
  onStderr?(text: string): void;
}

/** Resident memory of a process (threads included), from /proc; 0 once it is gone. */
export function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function runCivsim(args: string[], options: CivsimOptions = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [civsim, ...args], {
      cwd: options.cwd ?? root,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peakRss = 0;
    let killedForMemory = false;
    const watchdog = setInterval(() => {
      if (child.pid === undefined) return;
      const rss = residentBytes(child.pid);
      peakRss = Math.max(peakRss, rss);
      if (options.maxRss !== undefined && rss > options.maxRss && !killedForMemory) {
        killedForMemory = true;
        child.kill('SIGKILL');
      }
    }, 50);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      options.onStderr?.(d.toString());
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(watchdog);
      resolve({ code, signal, stdout, stderr, peakRss, killedForMemory });
    });
    options.onSpawn?.(child);
  });
}

/** Polls until `probe` gives a value, or fails after `limitMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  limitMs = 60_000,
): Promise<T> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A stack trace line as Node prints them ("    at fn (file:line:col)"). */
export const stackLine = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
