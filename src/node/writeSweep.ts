/**
 * Writes a finished sweep's results into its folder: points.csv, runs.csv, summary.csv, sensitivity.csv
 * (morris and sobol designs), charts (.vl.json, .svg, .png) and report.md / report.html — all from the
 * records in plan order, so the same plan gives the same bytes however its runs were scheduled.
 */
import { join } from 'node:path';
import { applyPoint } from '../experiment/resolveParameters.ts';
import type { RunRecord } from '../experiment/runRecord.ts';
import { sweepCharts } from '../experiment/sweepCharts.ts';
import type { SweepPlan } from '../experiment/sweepPlan.ts';
import { sweepHtml, sweepMarkdown } from '../experiment/sweepReport.ts';
import {
  completeRecords,
  periodColumn,
  pointsCsvLines,
  runsCsvLines,
  sensitivityCsvLines,
  sensitivityRows,
  summaryCsvLines,
  type SweepData,
} from '../experiment/sweepResults.ts';
import { modelById } from '../models/registry.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { vegaScripts } from './vegaScripts.ts';
import { writeChartFiles } from './writeCharts.ts';

export interface WriteSweepOptions {
  periods: readonly string[];
  /** Outcome periods for sensitivity and charts besides the last (values of `periods`). */
  outcomes?: readonly string[];
  charts?: boolean;
  signal?: AbortSignal;
  civsimVersion: string;
  gitCommit: string | null;
  commandLine: string;
  /** Bootstrap resamples for the intervals of the indices (default 1000). */
  resamples?: number;
}

/** The text of a table, from its lines. */
function text(lines: Iterable<string>): string {
  let out = '';
  for (const line of lines) out += line;
  return out;
}

export async function writeSweepResults(
  folder: string,
  plan: SweepPlan,
  records: ReadonlyMap<number, RunRecord>,
  options: WriteSweepOptions,
): Promise<SweepData> {
  const data: SweepData = { plan, periods: options.periods, records: completeRecords(plan, records) };
  const write = (path: string, content: string | Uint8Array) =>
    writeFileAtomic(join(folder, path), content, options.signal);
  const last = options.periods.length - 1;
  const outcomePeriods = [...(options.outcomes ?? []).map((p) => options.periods.indexOf(p)), last].filter(
    (p, i, all) => p >= 0 && all.indexOf(p) === i,
  );
  await write('points.csv', text(pointsCsvLines(plan)));
  await write('runs.csv', text(runsCsvLines(data)));
  await write('summary.csv', text(summaryCsvLines(data)));
  const sensitivity = sensitivityRows(data, outcomePeriods, { resamples: options.resamples });
  if (plan.design.kind === 'morris' || plan.design.kind === 'sobol') {
    await write('sensitivity.csv', text(sensitivityCsvLines(sensitivity, periodColumn(plan))));
  }
  const model = modelById(plan.scenario.model);
  const metrics = new Map(model.metrics.map((m) => [m.id, m]));
  const charts = options.charts === false ? [] : sweepCharts(data, sensitivity, outcomePeriods, metrics);
  const drawn = await writeChartFiles(folder, charts, options.signal);
  // what the sweep overrode in the timeline: the same for every point, so counted on the first
  const { dropped } = applyPoint(plan.scenario, model, plan.parameters, plan.design.values[0]);
  const facts = {
    metrics,
    dropped,
    civsimVersion: options.civsimVersion,
    gitCommit: options.gitCommit,
    commandLine: options.commandLine,
    outcomePeriods,
    sensitivity,
    charts: drawn,
  };
  await write('report.md', sweepMarkdown(data, facts));
  await write('report.html', sweepHtml(data, facts, drawn.length > 0 ? await vegaScripts() : undefined));
  return data;
}
