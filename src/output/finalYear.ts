/**
 * The report's table of where a run ends up: each metric's annual aggregate in the last simulated year,
 * as the replicate mean with its 95% confidence interval. When the run stops before December, the last
 * year is partial (its flows are sums over fewer months), and the table says so.
 */
import type { Aggregate } from '../engine/recorder.ts';
import type { SeriesSummary } from './summary.ts';
import { displayUnit } from './units.ts';

export interface ReportMetric {
  id: string;
  label: string;
  unit: string;
  aggregate: Aggregate;
  description: string;
  group?: string;
}

export interface FinalYearRow {
  id: string;
  label: string;
  group: string;
  unit: string;
  description: string;
  n: number;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

export interface FinalYearTable {
  year: string;
  /** Simulated months in that year (12 unless the run ends mid-year). */
  months: number;
  rows: FinalYearRow[];
}

/** Headings of the metric groups, in the order the report lists them. */
export const groupHeadings: Readonly<Record<string, string>> = {
  ngos: 'NGOs',
  ecology: 'Foundings and exits',
  funding: 'Funding',
  autonomy: 'Autonomy and advocacy',
  citizens: 'Citizens',
  state: 'State and civic space',
  csi: 'CSO Sustainability Index (1 = best, 7 = worst)',
};

export function finalYearTable(
  annual: SeriesSummary,
  monthlyDates: readonly string[],
  metrics: ReadonlyMap<string, ReportMetric>,
  currency: string,
): FinalYearTable {
  const last = annual.keys.length - 1;
  const year = annual.keys[last] ?? '';
  const months = monthlyDates.filter((d) => d.startsWith(`${year}-`)).length;
  const groupOrder = Object.keys(groupHeadings);
  const rows = annual.metrics.map((s): FinalYearRow => {
    const m = metrics.get(s.metric);
    if (!m) throw new Error(`unknown metric ${s.metric}`);
    return {
      id: m.id,
      label: m.label,
      group: m.group ?? '',
      unit: displayUnit(m.unit, currency, 'annual', m.aggregate),
      description: m.description,
      n: s.n[last],
      mean: s.mean[last],
      ciLow: s.ciLow[last],
      ciHigh: s.ciHigh[last],
    };
  });
  // group by the report's group order, keeping the metric order within a group
  const rank = (group: string) => {
    const i = groupOrder.indexOf(group);
    return i < 0 ? groupOrder.length : i;
  };
  const ordered = rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => rank(a.row.group) - rank(b.row.group) || a.i - b.i);
  return { year, months, rows: ordered.map((o) => o.row) };
}
