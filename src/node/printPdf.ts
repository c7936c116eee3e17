/**
 * A page printed to PDF by headless Chromium, where one is installed (`CIVSIM_CHROMIUM`, else the usual
 * names on PATH). Chromium is started with no network services and a fresh profile, on a local file.
 * Returns false, printing nothing, when no Chromium is found; throws when one is found but fails.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The Chromium to print with, or undefined. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const candidates = env.CIVSIM_CHROMIUM
    ? [env.CIVSIM_CHROMIUM]
    : (env.PATH ?? '').split(delimiter).flatMap((dir) => names.map((n) => join(dir, n)));
  for (const path of candidates) {
    try {
      await access(path);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

export async function printPdf(
  htmlPath: string,
  pdfPath: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<boolean> {
  const chromium = await findChromium();
  if (!chromium) return false;
  const profile = await mkdtemp(join(tmpdir(), 'civsim-pdf-'));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          `--user-data-dir=${profile}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${pdfPath}`,
          pathToFileURL(htmlPath).href,
        ],
        { timeout: options.timeoutMs ?? 120_000, ...(options.signal ? { signal: options.signal } : {}) },
        (error) =>
          error ? reject(new Error(`Chromium could not print ${htmlPath}: ${error.message}`)) : resolve(),
      );
    });
    await access(pdfPath);
    return true;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
