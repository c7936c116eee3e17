/**
 * The comparison charts that show context rather than outcomes (pure):
 * - the mix of each stacked-area chart the model defines (for civil society: NGO revenue by source),
 *   one panel per scenario, from the replicates' mean annual values (a step model's values at each step)
 *   — so a reader sees which money replaced which;
 * - the scenarios' policy timelines side by side: one row per scenario, a mark per event (its label in
 *   the tooltip and, where there is room, beside it), so a reader sees which lever moved when (at which
 *   step, for a step model).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricDefinition } from '../models/definition.ts';
import { chartConfig, palette } from '../output/chartTheme.ts';
import { chartSchemaUrl } from '../output/charts.ts';
import type { RunResult } from '../output/runFiles.ts';
import { eventsForDisplay } from '../output/timelineEvents.ts';
import type { ChartSpec } from '../scenario/envelope.ts';
import type { CompareChart } from './compareCharts.ts';
import { periodColumn, timeAxisTitle, timeUnitOf, unitTitle, valueAt, type TimeUnit } from './timeUnit.ts';

/** Mean over replicates of a metric's annual value in a year, or its value at a step (NaN values left out). */
function meanAt(run: RunResult, unit: TimeUnit, metric: string, year: number): number | null {
  let sum = 0;
  let n = 0;
  for (const r of run.replicates) {
    const column = periodColumn(r.series, unit, metric);
    const v = column ? valueAt(r.series, unit, column, year) : Number.NaN;
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : null;
}

/** One stacked-area panel per scenario for each of the model's area charts, over the years (or steps) given. */
export function mixCharts(
  runs: readonly RunResult[],
  years: readonly number[],
  charts: readonly ChartSpec[],
  metrics: ReadonlyMap<string, MetricDefinition>,
): CompareChart[] {
  const period = timeUnitOf(runs);
  return charts
    .filter((c) => c.kind === 'area')
    .map((chart) => {
      const labels = chart.metrics.map((m) => metrics.get(m)?.label ?? m);
      const rows = runs.flatMap((run) =>
        years.flatMap((year) =>
          chart.metrics.map((m, k) => ({
            scenario: run.scenario.name,
            [period]: year,
            part: labels[k],
            order: k,
            value: meanAt(run, period, m, year),
          })),
        ),
      );
      const unit = metrics.get(chart.metrics[0])?.unit ?? '';
      return {
        id: `mix-${chart.id}`,
        title: `${chart.title}, per scenario`,
        spec: {
          $schema: chartSchemaUrl,
          config: chartConfig,
          title: {
            text: `${chart.title}, per scenario`,
            subtitle: `mean over replicates${unit ? `; ${unit}` : ''}`,
          },
          data: { values: rows },
          facet: {
            field: 'scenario',
            type: 'nominal',
            title: null,
            sort: runs.map((r) => r.scenario.name),
          },
          columns: 2,
          spec: {
            width: 340,
            height: 170,
            mark: { type: 'area', opacity: 0.9 },
            encoding: {
              x: {
                field: period,
                type: 'quantitative',
                title: timeAxisTitle(period),
                axis: { format: 'd' },
              },
              y: { field: 'value', type: 'quantitative', stack: 'zero', title: null },
              color: {
                field: 'part',
                type: 'nominal',
                title: null,
                scale: { domain: labels, range: labels.map((_, i) => palette[i % palette.length]) },
                sort: labels,
              },
              order: { field: 'order', type: 'quantitative' },
            },
          },
        } as TopLevelSpec,
      };
    });
}

/**
 * The scenarios' timelines side by side: which lever moved when (on a calendar, or at which step for a step
 * model). Events the baseline has too (same date, same changes) are drawn faint, so where the policies part
 * stands out.
 */
export function timelineChart(runs: readonly RunResult[], baseline = 0): CompareChart {
  const names = runs.map((r) => r.scenario.name);
  const steps = timeUnitOf(runs) === 'step';
  // a step model's events at their steps, over the whole run (from step 0, as the other charts)
  const last = Math.max(0, ...runs.map((r) => r.scenario.steps ?? 0));
  const when = steps
    ? {
        x: { field: 'step', type: 'quantitative', title: unitTitle('step'), scale: { domain: [0, last] } },
        tooltip: { field: 'step', type: 'quantitative', title: 'step', format: 'd' },
      }
    : {
        x: { field: 'date', type: 'temporal', title: null },
        tooltip: { field: 'date', type: 'temporal', format: '%Y-%m' },
      };
  const key = (e: { date: string | number; changes: string }) => `${String(e.date)}|${e.changes}`;
  const shared = new Set(eventsForDisplay(runs[baseline].scenario.timeline).map(key));
  const rows = runs.flatMap((run, s) =>
    eventsForDisplay(run.scenario.timeline).map((e) => ({
      scenario: run.scenario.name,
      ...(steps ? { step: Number(e.date) } : { date: String(e.date) }),
      label: e.label,
      changes: e.changes,
      event:
        s !== baseline && shared.has(key(e)) ? 'as the baseline' : s === baseline ? 'baseline' : 'differs',
      opacity: s !== baseline && shared.has(key(e)) ? 0.2 : 0.9,
    })),
  );
  return {
    id: 'timelines',
    title: 'Policy timelines side by side',
    spec: {
      $schema: chartSchemaUrl,
      config: chartConfig,
      title: {
        text: 'Policy timelines side by side',
        subtitle: 'one mark per timeline event; hover for what it does',
      },
      data: { values: rows },
      width: 760,
      height: Math.max(80, 40 * names.length),
      layer: [
        {
          mark: { type: 'point', filled: true, size: 70 },
          encoding: {
            opacity: { field: 'opacity', type: 'quantitative', scale: null, legend: null },
            x: when.x,
            y: { field: 'scenario', type: 'nominal', title: null, sort: names },
            color: {
              field: 'scenario',
              type: 'nominal',
              legend: null,
              scale: { domain: names, range: names.map((_, i) => palette[i % palette.length]) },
            },
            tooltip: [
              { field: 'scenario', type: 'nominal' },
              when.tooltip,
              { field: 'label', type: 'nominal', title: 'event' },
              { field: 'changes', type: 'nominal', title: 'changes' },
            ],
          },
        },
      ],
    } as TopLevelSpec,
  };
}
