/**
 * The tables of a run folder, as generators of CSV lines (header first): tidy long format, one value per
 * row, which R (`read.csv`), pandas (`read_csv`) and Excel load as they are and which pivots to any shape.
 * Lines are generated lazily so a run of thousands of replicates never has to fit in one string.
 *
 * The time column is named after the model's clock: `date` (YYYY-MM) for calendar models, `step` for
 * step models; annual tables exist only for calendar models.
 */
import type { AnyModel } from '../models/definition.ts';
import type { ReplicateResult } from '../run/replicate.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { csvLine, type CsvCell } from './csv.ts';
import type { SeriesSummary } from './summary.ts';

/**
 * The metrics written to the tables: `output.metrics` in the order given (duplicates dropped), else
 * every metric the model defines, in its order.
 */
export function outputMetricIds(scenario: ScenarioBase, definitions: readonly { id: string }[]): string[] {
  const chosen = scenario.output.metrics;
  if (!chosen || chosen.length === 0) return definitions.map((d) => d.id);
  return [...new Set<string>(chosen)];
}

/** The name of the time column of per-tick tables: `date` for calendar models, `step` for step models. */
export function tickColumn(model: Pick<AnyModel, 'clock'>): 'date' | 'step' {
  return model.clock === 'month' ? 'date' : 'step';
}

export const summaryStatsHeader = ['n', 'mean', 'sd', 'ci95_low', 'ci95_high', 'min', 'max'] as const;

/** A tick's label as a CSV cell: the date text, or the step as a number. */
function tickCell(clock: AnyModel['clock'], label: string): CsvCell {
  return clock === 'month' ? label : Number(label);
}

/** series.csv: `replicate,date|step,metric,value`, one row per replicate, tick and metric. */
export function* seriesCsvLines(
  replicates: readonly ReplicateResult[],
  metrics: readonly string[],
  clock: AnyModel['clock'] = 'month',
): Generator<string> {
  yield csvLine(['replicate', tickColumn({ clock }), 'metric', 'value']);
  for (const r of replicates) {
    const { ticks, values } = r.series;
    const columns = metrics.map((m) => requireColumn(values, m, r.replicate));
    for (let t = 0; t < ticks.length; t++) {
      const tick = tickCell(clock, ticks[t]);
      for (let i = 0; i < metrics.length; i++) yield csvLine([r.replicate, tick, metrics[i], columns[i][t]]);
    }
  }
}

/** annual.csv: `replicate,year,metric,value` with each metric's annual aggregate (sum, mean or last). */
export function* annualCsvLines(
  replicates: readonly ReplicateResult[],
  metrics: readonly string[],
): Generator<string> {
  yield csvLine(['replicate', 'year', 'metric', 'value']);
  for (const r of replicates) {
    const { years, annual } = r.series;
    const columns = metrics.map((m) => requireColumn(annual, m, r.replicate));
    for (let y = 0; y < years.length; y++) {
      for (let i = 0; i < metrics.length; i++)
        yield csvLine([r.replicate, years[y], metrics[i], columns[i][y]]);
    }
  }
}

/**
 * summary.csv / summary_annual.csv: `date|step|year,metric,n,mean,sd,ci95_low,ci95_high,min,max`, one row
 * per time step and metric. With one replicate sd and the interval are empty cells (they do not exist).
 */
export function* summaryCsvLines(
  summary: SeriesSummary,
  clock: AnyModel['clock'] = 'month',
): Generator<string> {
  const perTick = summary.resolution === 'tick';
  yield csvLine([perTick ? tickColumn({ clock }) : 'year', 'metric', ...summaryStatsHeader]);
  for (let t = 0; t < summary.keys.length; t++) {
    const key = perTick ? tickCell(clock, summary.keys[t]) : Number(summary.keys[t]);
    for (const s of summary.metrics) {
      yield csvLine([key, s.metric, s.n[t], s.mean[t], s.sd[t], s.ciLow[t], s.ciHigh[t], s.min[t], s.max[t]]);
    }
  }
}

/** The model's per-agent records (e.g. ngos.csv): one row per agent, per replicate. */
export function* agentsCsvLines(
  replicates: readonly ReplicateResult[],
  columns: readonly string[],
): Generator<string> {
  yield csvLine(['replicate', ...columns]);
  for (const r of replicates) {
    for (const agent of r.agents ?? []) yield csvLine([r.replicate, ...columns.map((c) => agent[c])]);
  }
}

function requireColumn(
  columns: Record<string, Float64Array>,
  metric: string,
  replicate: number,
): Float64Array {
  const column = columns[metric];
  if (!column) throw new Error(`replicate ${replicate} did not record metric ${metric}`);
  return column;
}
