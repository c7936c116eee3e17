/**
 * A comparison from scenarios to a finished folder: the library call behind `civsim compare`. It claims
 * `<out>/_compare/<id>.partial/` (scenario names cannot start with `_`, so no run folder can clash),
 * runs every scenario's replicates on the worker pool with common random numbers (the baseline's stream
 * family for all, one master seed), builds the statistics, and writes comparison.csv, report.md and each
 * run's manifest (runs/<scenario>/manifest.json) before renaming the folder — complete or marked
 * INCOMPLETE, never half-written and looking done. Given finished run folders instead (`finished`), it
 * compares them without rerunning, paired only if they share seed keys.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { compareRuns, type ComparisonData } from '../compare/compareRuns.ts';
import { compareCharts } from '../compare/compareCharts.ts';
import { mixCharts, timelineChart } from '../compare/contextCharts.ts';
import { comparisonCsvLines } from '../compare/comparisonCsv.ts';
import { comparisonHtml, type DrawnChart } from '../compare/reportHtml.ts';
import { comparisonMarkdown } from '../compare/reportMarkdown.ts';
import { modelById } from '../models/registry.ts';
import { csvText } from '../output/csv.ts';
import { incompleteText } from '../output/incomplete.ts';
import { buildManifest } from '../output/manifest.ts';
import type { RunResult } from '../output/runFiles.ts';
import { defaultRunId } from '../output/runId.ts';
import { outputMetricIds } from '../output/tables.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { scenarioHash } from '../scenario/hash.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { softwareFacts } from './environment.ts';
import { startPdfPrinter, type PdfPrinter } from './printPdf.ts';
import type { FinishedRunFolder } from './readRunFolder.ts';
import { staticChartSpec } from '../output/interactiveCharts.ts';
import { vegaScripts } from './vegaScripts.ts';
import { runReplicatesOnWorkers, type PoolProgress } from './replicatePool.ts';
import { claimRunFolder, completeRunFolder, makeFolders, updateIncomplete } from './runFolder.ts';

export interface CompareToFolderOptions {
  out: string;
  id?: string;
  /** Index of the baseline scenario (default 0). */
  baseline?: number;
  metrics?: readonly string[];
  /** Outcome years besides the horizon (steps, for a step model). */
  years?: readonly number[];
  precision?: number;
  /** Draw charts (default true). */
  charts?: boolean;
  /** Print report.pdf with headless Chromium where one is installed (default true). */
  pdf?: boolean;
  workers?: number;
  signal?: AbortSignal;
  /** Progress over every run of the comparison at once. */
  onProgress?(progress: PoolProgress): void;
  onStarted?(folder: string): void;
  sources?: { files: string[]; hash: string }[];
  /** Finished run folders to compare instead of running the scenarios (their manifests are copied). */
  finished?: readonly FinishedRunFolder[];
  command?: { argv: string[]; line: string; cwd: string };
}

export interface FinishedComparison {
  folder: string;
  runId: string;
  data: ComparisonData;
  wallSeconds: number;
  /** Of which running the scenarios' replicates (0 for finished run folders); the rest is statistics,
   * charts, reports and the PDF. */
  runSeconds: number;
  /** Why report.pdf is missing, when it is. */
  pdfProblem?: string;
}

/** The folder under `out` that holds comparisons: a name no scenario can have. */
export const comparisonsFolder = '_compare';

/** The metrics a comparison reports by default: the model's headline, else its first six. */
export function defaultCompareMetrics(scenario: ScenarioBase): string[] {
  const model = modelById(scenario.model);
  const all = outputMetricIds(scenario, model.metrics);
  const headline = (model.headline ?? []).filter((m) => all.includes(m));
  return headline.length > 0 ? headline : all.slice(0, 6);
}

export async function compareToFolder(
  scenarios: readonly ScenarioBase[],
  options: CompareToFolderOptions,
): Promise<FinishedComparison> {
  const startedAt = new Date();
  const started = performance.now();
  const baseline = options.baseline ?? 0;
  const model = modelById(scenarios[0].model);
  const rerun = options.command?.line ?? 'civsim compare <scenarios>';
  const folder = await claimRunFolder(
    join(options.out, comparisonsFolder),
    options.id ?? defaultRunId(startedAt, scenarios[0].seed),
    { exact: options.id !== undefined, incomplete: incompleteText({ startedAt, rerun }) },
  );
  options.onStarted?.(folder.partialPath);
  // files being written (each flushed to disk: the flushes overlap) and charts' PNGs being drawn off the
  // main thread; all awaited before the folder is complete
  const pending: Promise<unknown>[] = [];
  const track = (promise: Promise<unknown>) => {
    promise.catch(() => undefined); // handled where all are awaited, not reported as unhandled meanwhile
    pending.push(promise);
  };
  // Chromium starts while the runs compute, so that the PDF at the end costs only its printing
  const printer: Promise<PdfPrinter | undefined | Error> | undefined =
    options.pdf === false ? undefined : startPdfPrinter().catch((error: unknown) => error as Error);
  const closePrinter = async () => {
    const p = await printer;
    if (p && !(p instanceof Error)) await p.close();
  };
  // the chart renderer (Vega) and the browser libraries load while the runs compute, too
  const rendering = options.charts === false ? undefined : import('./render.ts');
  const vegaLibraries = options.charts === false ? undefined : vegaScripts();
  rendering?.catch(() => undefined);
  vegaLibraries?.catch(() => undefined);
  const onAbort = () => void closePrinter();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const family = scenarios[baseline].name;
    const ticksEach = scenarios.map(() => 0);
    const totals = scenarios.map(() => 0);
    const doneEach = scenarios.map(() => 0);
    const runs: RunResult[] = options.finished ? options.finished.map((f) => f.run) : [];
    for (let s = 0; s < scenarios.length && !options.finished; s++) {
      const scenario = scenarios[s];
      const replicates = await runReplicatesOnWorkers(scenario, {
        workers: options.workers,
        family,
        signal: options.signal,
        onProgress: (p) => {
          ticksEach[s] = p.ticksDone;
          totals[s] = p.ticksTotal;
          doneEach[s] = p.done;
          // scenarios not started yet count with their first run's size per replicate
          const perReplicate = totals[0] / Math.max(1, scenarios[0].replicates);
          const ticksTotal = scenarios.reduce(
            (sum, sc, k) => sum + (totals[k] || perReplicate * sc.replicates),
            0,
          );
          options.onProgress?.({
            replicates: scenarios.reduce((sum, sc) => sum + sc.replicates, 0),
            done: doneEach.reduce((a, b) => a + b, 0),
            ticksDone: ticksEach.reduce((a, b) => a + b, 0),
            ticksTotal,
            building: p.building,
          });
        },
      });
      runs.push({ model, scenario, replicates });
    }
    const runSeconds = options.finished ? 0 : (performance.now() - started) / 1000;
    options.signal?.throwIfAborted();
    const data = compareRuns(runs, {
      baseline,
      metrics: options.metrics ?? defaultCompareMetrics(scenarios[0]),
      years: options.years,
      precision: options.precision,
    });
    const software = await softwareFacts();
    const hashes = scenarios.map((s) => scenarioHash(s));
    const write = (path: string, text: string | Uint8Array) =>
      writeFileAtomic(join(folder.partialPath, path), text, options.signal);
    track(write('comparison.csv', csvText(comparisonCsvLines(data))));
    const metricDefinitions = new Map(model.metrics.map((m) => [m.id, m]));
    const charts =
      options.charts === false
        ? []
        : [
            ...compareCharts(data, metricDefinitions),
            ...mixCharts(runs, data.years, model.charts, metricDefinitions),
            // a step model's scenarios may have no events at all: then there is no timeline to draw
            ...(model.clock === 'month' || runs.some((r) => r.scenario.timeline.length > 0)
              ? [timelineChart(runs, baseline)]
              : []),
          ];
    const drawn: DrawnChart[] = [];
    if (charts.length > 0) {
      const { renderPngAsync, renderSvg } = await (rendering ?? import('./render.ts'));
      // PNGs are drawn off the main thread while the next chart's SVG is rendered
      await makeFolders(join(folder.partialPath, 'charts'));
      for (const chart of charts) {
        options.signal?.throwIfAborted();
        track(write(`charts/${chart.id}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`));
        const svg = await renderSvg(staticChartSpec(chart.spec));
        drawn.push({ id: chart.id, title: chart.title, svg, spec: chart.spec });
        track(write(`charts/${chart.id}.svg`, svg));
        track(
          renderPngAsync(svg).then(async (png) => {
            await write(`charts/${chart.id}.png`, png);
          }),
        );
      }
    }
    const reportFacts = {
      runs: scenarios.map((scenario, i) => ({
        scenario,
        hash: hashes[i],
        runId: String(options.finished?.[i].manifest.runId ?? folder.runId),
      })),
      metrics: metricDefinitions,
      civsimVersion: software.civsimVersion,
      gitCommit: software.gitCommit,
      commandLine: options.command?.line ?? '',
      charts: charts.map((c) => ({ path: `charts/${c.id}.png`, title: c.title })),
    };
    track(write('report.md', comparisonMarkdown(data, reportFacts)));
    const vega = drawn.length > 0 ? await (vegaLibraries ?? vegaScripts()) : undefined;
    track(write('report.html', comparisonHtml(data, reportFacts, drawn, vega)));
    // the PDF is a convenience: without Chromium, or if it fails, the comparison is still complete
    let pdf: string | undefined;
    if (printer) {
      options.signal?.throwIfAborted();
      const chromium = await printer;
      if (chromium === undefined) pdf = 'no report.pdf: no Chromium found (set CIVSIM_CHROMIUM to one)';
      else if (chromium instanceof Error) pdf = `no report.pdf: ${chromium.message}`;
      else {
        // paper gets the static charts: the page printed has no script, so it loads at once and
        // Chromium prints what a reader would see without waiting for live charts
        const printable = join(folder.partialPath, 'report.print.html');
        try {
          await write('report.print.html', comparisonHtml(data, reportFacts, drawn));
          await chromium.print(printable, join(folder.partialPath, 'report.pdf'));
        } catch (error) {
          options.signal?.throwIfAborted();
          pdf = `no report.pdf: ${error instanceof Error ? error.message : String(error)}`;
        } finally {
          await rm(printable, { force: true });
          await chromium.close();
        }
      }
    }
    const wallSeconds = (performance.now() - started) / 1000;
    for (let s = 0; s < runs.length; s++) {
      const run = runs[s];
      await makeFolders(join(folder.partialPath, 'runs', run.scenario.name));
      const manifest =
        options.finished?.[s].manifest ??
        buildManifest({
          runId: `${folder.runId}/${run.scenario.name}`,
          scenario: run.scenario,
          scenarioHash: hashes[s],
          loadedHash: options.sources?.[s]?.hash ?? hashes[s],
          scenarioFiles: options.sources?.[s]?.files ?? [],
          overrides: {},
          replicateSeeds: run.replicates.map((r) => ({ replicate: r.replicate, seedKey: r.seedKey })),
          metrics: data.metrics,
          charts: [],
          software,
          argv: options.command?.argv ?? [],
          commandLine: options.command?.line ?? '',
          cwd: options.command?.cwd ?? '',
          startedAt,
          wallSeconds,
          files: [],
        });
      await write(join('runs', run.scenario.name, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    }
    await Promise.all(pending);
    options.signal?.throwIfAborted();
    await completeRunFolder(folder);
    return {
      folder: folder.finalPath,
      runId: folder.runId,
      data,
      wallSeconds,
      runSeconds,
      ...(pdf ? { pdfProblem: pdf } : {}),
    };
  } catch (error) {
    await Promise.allSettled(pending);
    await closePrinter();
    const reason = options.signal?.aborted
      ? `interrupted at ${new Date().toISOString()}`
      : `it failed at ${new Date().toISOString()}: ${error instanceof Error ? error.message : String(error)}`;
    await updateIncomplete(folder, incompleteText({ startedAt, rerun, reason }));
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}
