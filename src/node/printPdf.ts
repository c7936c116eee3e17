/**
 * Pages printed to PDF by headless Chromium, where one is installed (`CIVSIM_CHROMIUM`, else the usual
 * names on PATH), driven through playwright-core. A printer can be started early — while a comparison's
 * runs compute — so that printing at the end costs only loading and printing the page. Chromium runs
 * with a fresh profile and no network services, and the page may load nothing but local files.
 */
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

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

/** Headless, no sandbox (containers), and none of the services that would reach the network. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

export interface PdfPrinter {
  /** Prints a local HTML page to a PDF file (A4, backgrounds included). */
  print(htmlPath: string, pdfPath: string, options?: { timeoutMs?: number }): Promise<void>;
  close(): Promise<void>;
}

/** Starts Chromium for printing; undefined when none is installed. Throws when one is found but fails. */
export async function startPdfPrinter(): Promise<PdfPrinter | undefined> {
  const executablePath = await findChromium();
  if (!executablePath) return undefined;
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      // civsim handles Ctrl-C itself (closing Chromium through the abort signal); Playwright's own handlers
      // would exit the process before an interrupted comparison could say so in its INCOMPLETE file
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [...chromiumArgs],
    });
  } catch (error) {
    throw new Error(
      `Chromium (${executablePath}) could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      { cause: error },
    );
  }
  // the page is made ready now: printing later costs only loading the file and printing it
  const context = await browser.newContext({ javaScriptEnabled: false });
  // nothing but the file itself and its neighbours
  await context.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  return {
    async print(htmlPath, pdfPath, options = {}) {
      try {
        await page.goto(pathToFileURL(htmlPath).href, {
          waitUntil: 'load',
          timeout: options.timeoutMs ?? 120_000,
        });
        await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
        await access(pdfPath);
      } catch (error) {
        throw new Error(
          `Chromium could not print ${htmlPath}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
          { cause: error },
        );
      }
    },
    close: () => browser.close().catch(() => undefined),
  };
}

/**
 * Prints one page: starts Chromium, prints, closes it. Returns false, printing nothing, when no Chromium
 * is found; throws when one is found but fails. An aborted signal closes Chromium at once.
 */
export async function printPdf(
  htmlPath: string,
  pdfPath: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<boolean> {
  const printer = await startPdfPrinter();
  if (!printer) return false;
  const onAbort = () => void printer.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    options.signal?.throwIfAborted();
    await printer.print(htmlPath, pdfPath, options);
    return true;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await printer.close();
  }
}
