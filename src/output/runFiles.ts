/**
 * What a run folder holds, built as data (pure: no file system, no rendering): the CSV tables as line
 * generators, the summaries, the chart specs, and the report page once the charts are drawn. The Node
 * side (src/node/writeRun.ts) renders the charts and writes the files; a browser could show the same.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnyModel, MetricDefinition } from '../models/definition.ts';
import type { ReplicateResult } from '../run/replicate.ts';
import { snapshotChartId, type ChartSpec, type ScenarioBase } from '../scenario/envelope.ts';
import { buildChartSpec, type ChartContext } from './charts.ts';
import { endTable } from './endTable.ts';
import { buildIndexHtml, type ReportChart } from './html.ts';
import { buildSnapshotSpec, snapshotTitle } from './snapshotChart.ts';
import { summariseRun, type Resolution, type SeriesSummary } from './summary.ts';
import {
  agentsCsvLines,
  annualCsvLines,
  outputMetricIds,
  seriesCsvLines,
  summaryCsvLines,
  tickColumn,
} from './tables.ts';
import { eventsForDisplay } from './timelineEvents.ts';

/** A finished run: the model, the scenario as run, and every replicate's results. */
export interface RunResult<S extends ScenarioBase = ScenarioBase> {
  model: AnyModel;
  scenario: S;
  replicates: ReplicateResult[];
}

/** A file of a run folder: its path in the folder and its content (text, lines, or bytes). */
export interface RunFile {
  path: string;
  content: string | Uint8Array | Iterable<string>;
}

/** The charts of a run: the scenario's own list, else the model's standard set. */
export function chartsOf(model: AnyModel, scenario: ScenarioBase): readonly ChartSpec[] {
  return scenario.output.charts ?? model.charts;
}

/** What each file of a run folder holds (for index.html and the README). */
export function fileDescriptions(model: AnyModel): Readonly<Record<string, string>> {
  const tick = tickColumn(model);
  const per = model.clock === 'month' ? 'monthly' : 'per-step';
  return {
    'manifest.json': 'what was run: resolved scenario, seeds, software, command, times, file hashes',
    'series.csv': `${per} values: replicate, ${tick}, metric, value`,
    'annual.csv': 'annual aggregates: replicate, year, metric, value',
    'summary.csv': `${per} summary over replicates: n, mean, sd, 95% CI, min, max`,
    'summary_annual.csv': 'annual summary over replicates: n, mean, sd, 95% CI, min, max',
    ...(model.agents ? { [model.agents.file]: model.agents.description } : {}),
  };
}

/** The summaries a run's files need: per tick, and annual for calendar models. */
export interface RunSummaries {
  ticks: SeriesSummary;
  annual?: SeriesSummary;
}

/** The metrics whose summaries the files need: those written to the tables and those charted. */
export function summarisedMetrics(result: RunResult, charts: readonly ChartSpec[]): string[] {
  const metrics = outputMetricIds(result.scenario, result.model.metrics);
  return [...new Set([...metrics, ...charts.flatMap((c) => c.metrics)])];
}

/** Summaries of every metric at once (the writer builds them in slices, to stay responsive). */
export function summariseForFiles(result: RunResult, metrics: readonly string[]): RunSummaries {
  const annual = result.model.clock === 'month';
  return {
    ticks: summariseRun(result.replicates, metrics, 'tick'),
    ...(annual ? { annual: summariseRun(result.replicates, metrics, 'annual') } : {}),
  };
}

/** Only some metrics of a summary, in the order given. */
export function pick(summary: SeriesSummary, metrics: readonly string[]): SeriesSummary {
  const byId = new Map(summary.metrics.map((m) => [m.metric, m]));
  return { ...summary, metrics: metrics.map((id) => byId.get(id)!) };
}

/** The CSV tables of a run, in the order they are written. */
export function tableFiles(result: RunResult, summaries: RunSummaries): RunFile[] {
  const { model, scenario, replicates } = result;
  const metrics = outputMetricIds(scenario, model.metrics);
  const files: RunFile[] = [
    { path: 'series.csv', content: seriesCsvLines(replicates, metrics, model.clock) },
  ];
  if (summaries.annual) files.push({ path: 'annual.csv', content: annualCsvLines(replicates, metrics) });
  files.push({ path: 'summary.csv', content: summaryCsvLines(pick(summaries.ticks, metrics), model.clock) });
  if (summaries.annual) {
    files.push({ path: 'summary_annual.csv', content: summaryCsvLines(pick(summaries.annual, metrics)) });
  }
  if (scenario.output.agents && model.agents) {
    files.push({ path: model.agents.file, content: agentsCsvLines(replicates, model.agents.columns) });
  }
  return files;
}

/** Everything the charts of a run show about it. */
export function chartContext(result: RunResult, summaries: RunSummaries): ChartContext {
  const { model, scenario, replicates } = result;
  return {
    scenarioTitle: scenario.title ?? scenario.name,
    clock: model.clock,
    unitWords: model.unitWords?.(scenario) ?? {},
    replicates: replicates.length,
    seed: scenario.seed,
    events: eventsForDisplay(scenario.timeline),
    metrics: new Map<string, MetricDefinition>(model.metrics.map((m) => [m.id, m])),
    ticks: summaries.ticks,
    annual: summaries.annual,
  };
}

/** The Vega-Lite spec of every chart of a run. */
export function chartSpecs(
  result: RunResult,
  summaries: RunSummaries,
  charts: readonly ChartSpec[],
): { chart: ChartSpec; spec: TopLevelSpec }[] {
  const context = chartContext(result, summaries);
  return charts.map((chart) => ({ chart, spec: buildChartSpec(chart, context) }));
}

/** A spatial model's snapshots of replicate 0, if the run took any (ModelDefinition.snapshot). */
function snapshotsOf(result: RunResult) {
  if (!result.model.snapshot) return undefined;
  const snapshots = result.replicates.find((r) => r.replicate === 0)?.snapshots;
  return snapshots && snapshots.length > 0 ? snapshots : undefined;
}

/**
 * The chart of a spatial model's grid (charts/snapshots.*): replicate 0 at the ticks the scenario's
 * `output.snapshots` chose, side by side; undefined for a model without a grid or a run without
 * snapshots.
 */
export function snapshotChart(
  result: RunResult,
): { id: string; title: string; spec: TopLevelSpec } | undefined {
  const { model, scenario, replicates } = result;
  const snapshots = snapshotsOf(result);
  if (!snapshots || !model.snapshot) return undefined;
  const spec = buildSnapshotSpec(snapshots, {
    scenarioTitle: scenario.title ?? scenario.name,
    clock: model.clock,
    replicates: replicates.length,
    seed: scenario.seed,
    categories: model.snapshot.categories,
  });
  return { id: snapshotChartId, title: snapshotTitle(snapshots, model.clock), spec };
}

/** The ids of the charts a run draws, in the order drawn: the grid snapshots first, then the metrics'. */
export function chartIds(result: RunResult, charts: readonly ChartSpec[]): string[] {
  return [...(snapshotsOf(result) ? [snapshotChartId] : []), ...charts.map((c) => c.id)];
}

/** The simulated period in words: "1991-01 to 2025-12 (420 months)" or "100 steps". */
export function periodWords(result: RunResult): string {
  const { model, scenario, replicates } = result;
  const ticks = replicates[0]?.series.ticks.length ?? 0;
  if (model.clock === 'step') return `${scenario.steps} steps`;
  return `${String(scenario.start)} to ${String(scenario.end)} (${ticks} months)`;
}

export interface ReportContext {
  runId: string;
  scenarioHash: string;
  civsimVersion: string;
  gitCommit: string | null;
}

/** index.html, once the charts are drawn. `files` are the paths written (for the list of files). */
export function reportHtml(
  result: RunResult,
  summaries: RunSummaries,
  charts: readonly ReportChart[],
  files: readonly string[],
  context: ReportContext,
): string {
  const { model, scenario, replicates } = result;
  const metrics = outputMetricIds(scenario, model.metrics);
  const descriptions = fileDescriptions(model);
  const words = model.unitWords?.(scenario) ?? {};
  const resolution: Resolution = summaries.annual ? 'annual' : 'tick';
  return buildIndexHtml({
    scenario,
    period: periodWords(result),
    facts: Object.entries(words).map(
      ([word, value]) => [word[0].toUpperCase() + word.slice(1), value] as const,
    ),
    runId: context.runId,
    scenarioHash: context.scenarioHash,
    civsimVersion: context.civsimVersion,
    gitCommit: context.gitCommit,
    charts,
    events: eventsForDisplay(scenario.timeline),
    end: endTable({
      summary: pick(resolution === 'annual' ? summaries.annual! : summaries.ticks, metrics),
      ticks: replicates[0]?.series.ticks ?? [],
      metrics: new Map(model.metrics.map((m) => [m.id, m])),
      groups: model.groups,
      unitWords: words,
    }),
    groups: model.groups,
    files: [...files, 'manifest.json']
      .filter((path) => descriptions[path])
      .map((path) => ({ path, description: descriptions[path] })),
  });
}
