/**
 * A sweep's report (pure), written once as plain blocks — headings, paragraphs, lists, tables — and
 * rendered to report.md (PNG charts, for papers and slides) and report.html (self-contained: live charts
 * with Vega inlined where given, a policy that allows nothing from outside). Every string is escaped by
 * the renderer, so scenario titles and parameter paths show as text.
 */
import type { MetricDefinition } from '../models/definition.ts';
import { formatForReader } from '../output/displayNumber.ts';
import type { PageChart } from '../output/chartPage.ts';
import type { VegaScripts } from '../output/interactiveCharts.ts';
import { blocksHtml, blocksMarkdown, type ReportBlock } from '../output/reportBlocks.ts';
import { runCount } from './sweepPlan.ts';
import {
  parameterColumns,
  periodWords,
  pointMeans,
  varies,
  type SensitivityRow,
  type SweepData,
} from './sweepResults.ts';

type Block = ReportBlock;

export interface SweepReportFacts {
  metrics: ReadonlyMap<string, MetricDefinition>;
  /** Per parameter: timeline changes the sweep dropped because it holds that value. */
  dropped: readonly number[];
  civsimVersion: string;
  gitCommit: string | null;
  commandLine: string;
  /** Indices of the outcome periods in data.periods. */
  outcomePeriods: readonly number[];
  sensitivity: readonly SensitivityRow[];
  charts: readonly PageChart[];
}

const n = (value: number) => (Number.isFinite(value) ? formatForReader(value) : '–');
const interval = (low: number, high: number) =>
  Number.isFinite(low) && Number.isFinite(high) ? `[${n(low)}, ${n(high)}]` : '';

const designWords: Record<string, string> = {
  grid: 'a full grid: every combination of the listed values, ranges cut into evenly spaced levels',
  lhs: 'a Latin hypercube: each range cut into as many strata as points, one point in each stratum',
  morris:
    'Morris one-at-a-time trajectories (Morris 1991): each trajectory moves every parameter once by Δ on a grid; ' +
    'μ* (Campolongo et al. 2007) ranks influence, σ shows interaction or non-linearity',
  sobol:
    "Saltelli's scheme on Sobol' points (Saltelli et al. 2010): for each base row the points A, AB_i and B; " +
    'first-order indices by Saltelli 2010, total-order by Jansen 1999, intervals by a percentile bootstrap over base rows',
};

function blocks(data: SweepData, facts: SweepReportFacts): Block[] {
  const { plan } = data;
  const label = (id: string) => {
    const m = facts.metrics.get(id);
    return m ? `${m.label}${m.unit ? ` (${m.unit})` : ''}` : id;
  };
  const names = parameterColumns(plan);
  const failed = data.records.filter((r) => r.failure);
  const out: Block[] = [];
  out.push({
    kind: 'paragraph',
    text:
      `${plan.scenario.title ?? plan.scenario.name}: ${plan.design.values.length} design points × ${plan.replicates} replicates = ` +
      `${runCount(plan)} runs (${plan.design.kind}).`,
  });
  if (plan.scenario.description) out.push({ kind: 'paragraph', text: plan.scenario.description });
  out.push({ kind: 'heading', text: 'Parameters', id: 'parameters' });
  out.push({
    kind: 'table',
    head: ['parameter', 'swept over', 'in the scenario', 'timeline changes overridden'],
    rows: plan.parameters.map((p, i) => [
      names[i],
      p.values
        ? p.values.map(n).join(', ')
        : `${n(p.range!.low)} to ${n(p.range!.high)}${p.range!.log ? ' (log scale)' : ''}${p.integer ? ', whole numbers' : ''}`,
      n(p.baseValue),
      p.lever ? String(facts.dropped[i] ?? 0) : '–',
    ]),
  });
  if (facts.dropped.some((d) => d > 0)) {
    out.push({
      kind: 'paragraph',
      text:
        'A swept lever holds its value for the whole run (or from its date on): the scenario timeline’s changes to it ' +
        'in that period are dropped, as counted above. Its other levers follow the timeline as written.',
    });
  }
  if (failed.length > 0) {
    out.push({
      kind: 'paragraph',
      text: `${failed.length} of ${data.records.length} runs stopped early and have no values (their points’ statistics use the other replicates): ${failed
        .slice(0, 5)
        .map((r) => `point ${r.point} replicate ${r.replicate}: ${r.failure}`)
        .join('; ')}${failed.length > 5 ? '; …' : ''}.`,
    });
  }
  out.push({ kind: 'heading', text: 'What matters', id: 'findings' });
  const horizon = facts.outcomePeriods[facts.outcomePeriods.length - 1];
  for (const metric of plan.metrics) {
    const means = pointMeans(data, metric, horizon);
    let lo = 0;
    let hi = 0;
    for (let p = 1; p < means.length; p++) {
      if (means[p] < means[lo]) lo = p;
      if (means[p] > means[hi]) hi = p;
    }
    const at = (p: number) => names.map((name, i) => `${name} = ${n(plan.design.values[p][i])}`).join(', ');
    const when = periodWords(plan, data.periods[horizon]);
    if (!varies(data, metric, horizon)) {
      out.push(
        { kind: 'paragraph', text: label(metric) },
        {
          kind: 'list',
          items: [`is ${n(means[0])} at every point of the design ${when}: no parameter moves it`],
        },
      );
      continue;
    }
    const items = [
      `ranges from ${n(means[lo])} (${at(lo)}) to ${n(means[hi])} (${at(hi)}) across the design ${when}`,
    ];
    const rows = facts.sensitivity.filter((r) => r.metric === metric && r.period === data.periods[horizon]);
    const key = plan.design.kind === 'sobol' ? 'ST' : 'mu_star';
    const ranked = rows.filter((r) => r.statistic === key).sort((a, b) => (b.value || 0) - (a.value || 0));
    for (const r of ranked) {
      const first = rows.find(
        (x) => x.parameter === r.parameter && x.statistic === (key === 'ST' ? 'S1' : 'sigma'),
      );
      items.push(
        key === 'ST'
          ? `${r.parameter}: total index ${n(r.value)} ${interval(r.low, r.high)}, first order ${n(first?.value ?? Number.NaN)} ${interval(first?.low ?? Number.NaN, first?.high ?? Number.NaN)}` +
              (Number.isFinite(r.low) && r.low <= 0.01 ? ' — no influence shown' : '')
          : `${r.parameter}: μ* ${n(r.value)} ${interval(r.low, r.high)}, σ ${n(first?.value ?? Number.NaN)}`,
      );
    }
    out.push({ kind: 'paragraph', text: label(metric) }, { kind: 'list', items });
  }
  out.push({ kind: 'heading', text: 'Charts', id: 'charts' }, { kind: 'charts' });
  out.push({ kind: 'heading', text: 'Method', id: 'method' });
  out.push({
    kind: 'list',
    items: [
      `Design: ${designWords[plan.design.kind]}.`,
      plan.independentSeeds
        ? 'Seeds: each design point has its own random streams (independent seeds).'
        : 'Seeds: every design point runs with the same replicate seeds (common random numbers), so points differ by their parameters, not by their luck.',
      `Outcomes: each point’s mean over its ${plan.replicates} replicates; intervals of means are Student-t 95% intervals.`,
      `Scenario ${plan.scenario.name}, seed ${plan.scenario.seed}; plan ${plan.id.slice(0, 16)}.`,
      `civsim ${facts.civsimVersion}${facts.gitCommit ? ` (commit ${facts.gitCommit.slice(0, 12)})` : ''}; command: ${facts.commandLine}`,
      'Files: points.csv (the design), runs.csv (every run × metric × period), summary.csv (per point), sensitivity.csv (indices), runs.jsonl (every run’s record), plan.json.',
    ],
  });
  return out;
}

export function sweepMarkdown(data: SweepData, facts: SweepReportFacts): string {
  return blocksMarkdown(`Sweep: ${data.plan.scenario.name}`, blocks(data, facts), facts.charts);
}

export function sweepHtml(data: SweepData, facts: SweepReportFacts, vega?: VegaScripts): string {
  return blocksHtml(
    `Sweep: ${data.plan.scenario.name}`,
    blocks(data, facts),
    facts.charts,
    facts.civsimVersion,
    vega,
  );
}
