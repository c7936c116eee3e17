/**
 * Writes the outputs of a finished run into its (partial) run folder: the CSV tables, the charts as
 * Vega-Lite spec, SVG and PNG, and index.html — built by the pure builders of src/output/runFiles.ts,
 * rendered and written here. Every file is written atomically; the abort signal is checked between files
 * (and between batches of large files, and between the metrics being summarised), so an interrupt stops
 * promptly and leaves only whole files behind. The manifest is written by the caller, which also knows
 * times and the command.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ManifestFile, SoftwareFacts } from '../output/manifest.ts';
import {
  chartIds,
  chartsOf,
  chartSpecs,
  reportHtml,
  snapshotChart,
  summarisedMetrics,
  tableFiles,
  type RunResult,
  type RunSummaries,
} from '../output/runFiles.ts';
import type { ReportChart } from '../output/html.ts';
import { specJson } from '../output/specJson.ts';
import { summariseRun, type Resolution, type SeriesSummary } from '../output/summary.ts';
import { namespaceSvgIds } from '../output/svgIds.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { isFileSystemError, OutputError } from './fileErrors.ts';

export interface OutputOptions {
  /** Draw charts (default true); without them the page has tables only and the run is much faster. */
  charts?: boolean;
  signal?: AbortSignal;
  /** Called before each file is written, e.g. for progress output. */
  onFile?(path: string, index: number, total: number): void;
}

export interface OutputContext {
  runId: string;
  scenarioHash: string;
  software: SoftwareFacts;
}

/**
 * summariseRun one metric at a time, letting the event loop run between metrics: thousands of
 * replicates take seconds to summarise, and a Ctrl-C must not wait for that.
 */
async function summariseInSlices(
  replicates: RunResult['replicates'],
  metrics: readonly string[],
  resolution: Resolution,
  signal: AbortSignal | undefined,
): Promise<SeriesSummary> {
  const slices: SeriesSummary[] = [];
  for (const metric of metrics) {
    slices.push(summariseRun(replicates, [metric], resolution));
    await yieldToEventLoop();
    signal?.throwIfAborted();
  }
  return { resolution, keys: slices[0]?.keys ?? [], metrics: slices.flatMap((slice) => slice.metrics) };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes every output except manifest.json; returns the files written, in order. */
export async function writeRunOutputs(
  folder: string,
  result: RunResult,
  context: OutputContext,
  options: OutputOptions = {},
): Promise<ManifestFile[]> {
  const { model, scenario, replicates } = result;
  const signal = options.signal;
  const charts = options.charts === false ? [] : chartsOf(model, scenario);
  const summarised = summarisedMetrics(result, charts);
  const summaries: RunSummaries = {
    ticks: await summariseInSlices(replicates, summarised, 'tick', signal),
    ...(model.clock === 'month'
      ? { annual: await summariseInSlices(replicates, summarised, 'annual', signal) }
      : {}),
  };
  const tables = tableFiles(result, summaries);

  const written: ManifestFile[] = [];
  const drawn = options.charts === false ? [] : chartIds(result, charts);
  const plan = [
    ...tables.map((t) => t.path),
    ...drawn.flatMap((id) => [`charts/${id}.vl.json`, `charts/${id}.svg`, `charts/${id}.png`]),
    'index.html',
  ];
  const write = async (path: string, content: Uint8Array | string | Iterable<string>) => {
    signal?.throwIfAborted();
    options.onFile?.(path, written.length, plan.length);
    const file = await writeFileAtomic(join(folder, path), content, signal).catch((error: unknown) => {
      throw isFileSystemError(error) ? new OutputError(`cannot write results to ${folder}`, error) : error;
    });
    written.push({ path, ...file });
  };

  for (const table of tables) await write(table.path, table.content);

  const reportCharts: ReportChart[] = [];
  if (drawn.length > 0) {
    // Vega and resvg take most of a second to load: only a run that draws charts loads them
    const { renderPng, renderSvg } = await import('./render.ts');
    await mkdir(join(folder, 'charts'), { recursive: true }).catch((error: unknown) => {
      throw new OutputError(`cannot write results to ${folder}`, error);
    });
    // a spatial model's grid first (the picture of what happened), then the metrics' charts
    const grid = snapshotChart(result);
    const specs = [
      ...(grid ? [grid] : []),
      ...chartSpecs(result, summaries, charts).map(({ chart, spec }) => ({ ...chart, spec })),
    ];
    for (const { id, title, spec } of specs) {
      await write(`charts/${id}.vl.json`, specJson(spec));
      const svg = namespaceSvgIds(await renderSvg(spec), `chart-${id}`);
      await write(`charts/${id}.svg`, svg);
      await write(`charts/${id}.png`, renderPng(svg));
      reportCharts.push({ id, title, svg });
    }
  }

  const html = reportHtml(
    result,
    summaries,
    reportCharts,
    written.map((f) => f.path),
    {
      runId: context.runId,
      scenarioHash: context.scenarioHash,
      civsimVersion: context.software.civsimVersion,
      gitCommit: context.software.gitCommit,
    },
  );
  await write('index.html', html);
  return written;
}
