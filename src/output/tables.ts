/**
 * The tables of a run folder, as generators of CSV lines (header first): tidy long format, one value per
 * row, which R (`read.csv`), pandas (`read_csv`) and Excel load as they are and which pivots to any shape.
 * Lines are generated lazily so a run of thousands of replicates never has to fit in one string.
 */
import type { NgoRecord, ReplicateResult } from '../model/runTypes.ts';
import type { Scenario } from '../scenario/schema.ts';
import { csvLine } from './csv.ts';
import type { SeriesSummary } from './summary.ts';

/**
 * The metrics written to the tables: `output.metrics` in the order given (duplicates dropped), else
 * every metric the model defines, in its order.
 */
export function outputMetricIds(scenario: Scenario, definitions: readonly { id: string }[]): string[] {
  const chosen = scenario.output.metrics;
  if (!chosen || chosen.length === 0) return definitions.map((d) => d.id);
  return [...new Set<string>(chosen)];
}

export const seriesHeader = ['replicate', 'date', 'metric', 'value'] as const;
export const annualHeader = ['replicate', 'year', 'metric', 'value'] as const;
export const summaryStatsHeader = ['n', 'mean', 'sd', 'ci95_low', 'ci95_high', 'min', 'max'] as const;

/** series.csv: `replicate,date,metric,value`, one row per replicate, month and metric. */
export function* seriesCsvLines(
  replicates: readonly ReplicateResult[],
  metrics: readonly string[],
): Generator<string> {
  yield csvLine(seriesHeader);
  for (const r of replicates) {
    const { dates, monthly } = r.series;
    const columns = metrics.map((m) => requireColumn(monthly, m, r.replicate));
    for (let t = 0; t < dates.length; t++) {
      for (let i = 0; i < metrics.length; i++)
        yield csvLine([r.replicate, dates[t], metrics[i], columns[i][t]]);
    }
  }
}

/** annual.csv: `replicate,year,metric,value` with each metric's annual aggregate (sum, mean or last). */
export function* annualCsvLines(
  replicates: readonly ReplicateResult[],
  metrics: readonly string[],
): Generator<string> {
  yield csvLine(annualHeader);
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
 * summary.csv / summary_annual.csv: `date|year,metric,n,mean,sd,ci95_low,ci95_high,min,max`, one row per
 * time step and metric. With one replicate sd and the interval are empty cells (they do not exist).
 */
export function* summaryCsvLines(summary: SeriesSummary): Generator<string> {
  const keyName = summary.resolution === 'monthly' ? 'date' : 'year';
  yield csvLine([keyName, 'metric', ...summaryStatsHeader]);
  for (let t = 0; t < summary.keys.length; t++) {
    const key = summary.resolution === 'monthly' ? summary.keys[t] : Number(summary.keys[t]);
    for (const s of summary.metrics) {
      yield csvLine([key, s.metric, s.n[t], s.mean[t], s.sd[t], s.ciLow[t], s.ciHigh[t], s.min[t], s.max[t]]);
    }
  }
}

/** Columns of ngos.csv after `replicate`, in a fixed order (the compiler checks that none is missing). */
export const ngoColumns = [
  'id',
  'type',
  'status',
  'founded',
  'closed',
  'ended',
  'members',
  'staff',
  'capacity',
  'autonomy',
  'budget',
  'reserves',
  'revenue_social_order',
  'revenue_grants',
  'revenue_foreign',
  'revenue_donations',
  'revenue_fees',
  'umbrella',
  'council_seat',
] as const satisfies readonly (keyof NgoRecord)[];

// Fails to compile when NgoRecord gains a field that ngos.csv would silently drop.
type MissingNgoColumn = Exclude<keyof NgoRecord, (typeof ngoColumns)[number]>;
const everyNgoFieldHasAColumn: MissingNgoColumn extends never ? true : MissingNgoColumn = true;
void everyNgoFieldHasAColumn;

/** ngos.csv: one row per NGO ever founded, per replicate (replicates that kept no records add no rows). */
export function* ngosCsvLines(replicates: readonly ReplicateResult[]): Generator<string> {
  yield csvLine(['replicate', ...ngoColumns]);
  for (const r of replicates) {
    for (const ngo of r.ngos ?? []) yield csvLine([r.replicate, ...ngoColumns.map((c) => ngo[c])]);
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
