/**
 * Writes the outputs of a finished run into its (partial) run folder: the CSV tables, the charts as
 * Vega-Lite spec, SVG and PNG, and index.html. Every file is written atomically; the abort signal is
 * checked between files (and between batches of large files), so an interrupt stops promptly and leaves
 * only whole files behind. The manifest is written by the caller, which also knows times and the command.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../index.ts';
import type { ChartSpec } from '../scenario/schema.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { isFileSystemError, OutputError } from './fileErrors.ts';
import type { ChartContext } from '../output/charts.ts';
import { buildChartSpec } from '../output/charts.ts';
import { defaultCharts } from '../output/defaultCharts.ts';
import type { SoftwareFacts } from './environment.ts';
import { finalYearTable } from '../output/finalYear.ts';
import type { ReportChart } from '../output/html.ts';
import { buildIndexHtml } from '../output/html.ts';
import type { ManifestFile } from '../output/manifest.ts';
import { renderPng, renderSvg } from './render.ts';
import { specJson } from '../output/specJson.ts';
import type { Resolution, SeriesSummary } from '../output/summary.ts';
import { summariseRun } from '../output/summary.ts';
import { namespaceSvgIds } from '../output/svgIds.ts';
import {
  annualCsvLines,
  ngosCsvLines,
  outputMetricIds,
  seriesCsvLines,
  summaryCsvLines,
} from '../output/tables.ts';
import { eventsForDisplay } from '../output/timelineEvents.ts';

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

/** What each file of a run folder holds (for index.html and the README). */
export const fileDescriptions: Readonly<Record<string, string>> = {
  'manifest.json': 'what was run: resolved scenario, seeds, software, command, times, file hashes',
  'series.csv': 'monthly values: replicate, date, metric, value',
  'annual.csv': 'annual aggregates: replicate, year, metric, value',
  'summary.csv': 'monthly summary over replicates: n, mean, sd, 95% CI, min, max',
  'summary_annual.csv': 'annual summary over replicates: n, mean, sd, 95% CI, min, max',
  'ngos.csv': 'one row per NGO ever founded, per replicate',
};

/** The charts of a run: the scenario's own list, else the standard set. */
export function chartsOf(result: RunResult): readonly ChartSpec[] {
  return result.scenario.output.charts ?? defaultCharts;
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

function pick(summary: SeriesSummary, metrics: readonly string[]): SeriesSummary {
  const byId = new Map(summary.metrics.map((m) => [m.metric, m]));
  return { ...summary, metrics: metrics.map((id) => byId.get(id)!) };
}

/** Writes every output except manifest.json; returns the files written, in order. */
export async function writeRunOutputs(
  folder: string,
  result: RunResult,
  context: OutputContext,
  options: OutputOptions = {},
): Promise<ManifestFile[]> {
  const { scenario, replicates } = result;
  const signal = options.signal;
  const metrics = outputMetricIds(scenario, result.metrics);
  const charts = options.charts === false ? [] : chartsOf(result);
  const summarised = [...new Set([...metrics, ...charts.flatMap((c) => c.metrics)])];
  const monthly = await summariseInSlices(replicates, summarised, 'monthly', signal);
  const annual = await summariseInSlices(replicates, summarised, 'annual', signal);
  const definitions = new Map(result.metrics.map((m) => [m.id, m]));
  const events = eventsForDisplay(scenario.timeline);

  const written: ManifestFile[] = [];
  const plan = [
    'series.csv',
    'annual.csv',
    'summary.csv',
    'summary_annual.csv',
    ...(scenario.output.agents ? ['ngos.csv'] : []),
    ...charts.flatMap((c) => [`charts/${c.id}.vl.json`, `charts/${c.id}.svg`, `charts/${c.id}.png`]),
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

  await write('series.csv', seriesCsvLines(replicates, metrics));
  await write('annual.csv', annualCsvLines(replicates, metrics));
  await write('summary.csv', summaryCsvLines(pick(monthly, metrics)));
  await write('summary_annual.csv', summaryCsvLines(pick(annual, metrics)));
  if (scenario.output.agents) await write('ngos.csv', ngosCsvLines(replicates));

  const reportCharts: ReportChart[] = [];
  if (charts.length > 0) {
    await mkdir(join(folder, 'charts'), { recursive: true }).catch((error: unknown) => {
      throw new OutputError(`cannot write results to ${folder}`, error);
    });
    const chartContext: ChartContext = {
      scenarioTitle: scenario.title ?? scenario.name,
      currency: scenario.currency,
      replicates: replicates.length,
      seed: scenario.seed,
      events,
      metrics: definitions,
      monthly,
      annual,
    };
    for (const chart of charts) {
      const spec = buildChartSpec(chart, chartContext);
      await write(`charts/${chart.id}.vl.json`, specJson(spec));
      const svg = namespaceSvgIds(await renderSvg(spec), `chart-${chart.id}`);
      await write(`charts/${chart.id}.svg`, svg);
      await write(`charts/${chart.id}.png`, renderPng(svg));
      reportCharts.push({ id: chart.id, title: chart.title, svg });
    }
  }

  const html = buildIndexHtml({
    scenario,
    runId: context.runId,
    scenarioHash: context.scenarioHash,
    civsimVersion: context.software.civsimVersion,
    gitCommit: context.software.gitCommit,
    months: replicates[0].series.dates.length,
    charts: reportCharts,
    events,
    finalYear: finalYearTable(
      pick(annual, metrics),
      replicates[0].series.dates,
      definitions,
      scenario.currency,
    ),
    files: [...written.map((f) => f.path), 'manifest.json']
      .filter((path) => fileDescriptions[path])
      .map((path) => ({ path, description: fileDescriptions[path] })),
  });
  await write('index.html', html);
  return written;
}
