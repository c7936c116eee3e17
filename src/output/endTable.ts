/**
 * The report's table of where a run ends up: each metric in the last simulated year (annual aggregates,
 * for calendar models) or at the last step (step models), as the replicate mean with its 95% confidence
 * interval, grouped as the model groups its metrics. When a calendar run stops before December, the last
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

export interface EndRow {
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

export interface EndTable {
  /** Where the values are read: the last year (`2025`) or the last step (`100`). */
  at: string;
  kind: 'year' | 'step';
  /** Simulated months in the last year (12 unless the run ends mid-year; 0 for step models). */
  months: number;
  rows: EndRow[];
}

export interface EndTableInput {
  /** The annual summary (calendar models) or the per-tick summary (step models). */
  summary: SeriesSummary;
  /** Labels of every tick, to count the months of a partial last year. */
  ticks: readonly string[];
  metrics: ReadonlyMap<string, ReportMetric>;
  /** Group headings in report order (ModelDefinition.groups). */
  groups: Readonly<Record<string, string>>;
  /** Words put into units (ModelDefinition.unitWords). */
  unitWords: Readonly<Record<string, string>>;
}

export function endTable(input: EndTableInput): EndTable {
  const { summary, metrics, groups, unitWords } = input;
  const last = summary.keys.length - 1;
  const at = summary.keys[last] ?? '';
  const annual = summary.resolution === 'annual';
  const months = annual ? input.ticks.filter((d) => d.startsWith(`${at}-`)).length : 0;
  const groupOrder = Object.keys(groups);
  const rows = summary.metrics.map((s): EndRow => {
    const m = metrics.get(s.metric);
    if (!m) throw new Error(`unknown metric ${s.metric}`);
    return {
      id: m.id,
      label: m.label,
      group: m.group ?? '',
      unit: displayUnit(m.unit, unitWords, summary.resolution, m.aggregate),
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
  return { at, kind: annual ? 'year' : 'step', months, rows: ordered.map((o) => o.row) };
}
