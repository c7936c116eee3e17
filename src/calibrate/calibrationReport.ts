/**
 * A calibration's fit report (pure): what was fitted to what, the posterior with credible intervals,
 * each target against what the posterior simulates (and held-out observations, judged the same way but
 * never fitted), the tolerance schedule, and how to read it all — as blocks for report.md and
 * report.html.
 */
import type { PageChart } from '../output/chartPage.ts';
import { formatForReader } from '../output/displayNumber.ts';
import type { VegaScripts } from '../output/interactiveCharts.ts';
import { blocksHtml, blocksMarkdown, type ReportBlock } from '../output/reportBlocks.ts';
import type { AbcSettings, GenerationResult, Particle } from './abcSmc.ts';
import { effectiveSampleSize, weightedQuantile, type ParameterSummary } from './posterior.ts';
import { simulatedAtTargets, type Target } from './targets.ts';
import type { KeptSeries } from './calibrationCharts.ts';

export interface CalibrationReportFacts {
  scenarioName: string;
  scenarioFile: string;
  settings: AbcSettings;
  replicates: number;
  targets: readonly Target[];
  heldOut: readonly Target[];
  targetsFile: string;
  heldOutFile?: string;
  summaries: readonly ParameterSummary[];
  results: readonly GenerationResult[];
  kept: readonly Particle[];
  series: KeptSeries;
  periods: readonly string[];
  calibratedFile: string;
  stopReason: string;
  civsimVersion: string;
  gitCommit: string | null;
  commandLine: string;
  charts: readonly PageChart[];
}

const n = (value: number) => (Number.isFinite(value) ? formatForReader(value) : '–');

/** Per target: the posterior's simulated median and 90% band there, and the miss in sds. */
export function targetFit(
  targets: readonly Target[],
  kept: readonly Particle[],
  series: KeptSeries,
  periods: readonly string[],
): { target: Target; median: number; low: number; high: number; z: number }[] {
  const perParticle = series.map((s) => simulatedAtTargets(targets, s, periods));
  const weights = kept.map((p) => p.weight);
  return targets.map((target, k) => {
    const values: number[] = [];
    const w: number[] = [];
    for (const [j, row] of perParticle.entries()) {
      if (Number.isFinite(row[k])) {
        values.push(row[k]);
        w.push(weights[j]);
      }
    }
    const median = weightedQuantile(values, w, 0.5);
    return {
      target,
      median,
      low: weightedQuantile(values, w, 0.05),
      high: weightedQuantile(values, w, 0.95),
      z: (median - target.value) / target.sd,
    };
  });
}

function fitTable(rows: ReturnType<typeof targetFit>): ReportBlock {
  return {
    kind: 'table',
    head: [
      'date',
      'metric',
      'observed ± sd',
      'simulated median [5–95%]',
      'miss (sd)',
      'definition',
      'source',
    ],
    rows: rows.map((r) => [
      r.target.date,
      r.target.metric,
      `${n(r.target.value)} ± ${n(r.target.sd)}`,
      `${n(r.median)} [${n(r.low)}, ${n(r.high)}]`,
      Number.isFinite(r.z) ? r.z.toFixed(1) : '–',
      r.target.definition,
      r.target.source,
    ]),
  };
}

function blocks(f: CalibrationReportFacts): ReportBlock[] {
  const s = f.settings;
  const last = f.results[f.results.length - 1];
  const simulated = f.results.reduce((sum, r) => sum + r.simulated, 0);
  const fitted = targetFit(f.targets, f.kept, f.series, f.periods);
  const heldOut = targetFit(f.heldOut, f.kept, f.series, f.periods);
  const within = (rows: typeof fitted) => rows.filter((r) => Math.abs(r.z) <= 2).length;
  const out: ReportBlock[] = [
    { kind: 'heading', text: 'What was fitted', id: 'fitted' },
    {
      kind: 'paragraph',
      text:
        `${f.summaries.length} parameter${f.summaries.length === 1 ? '' : 's'} of ${f.scenarioName} (${f.scenarioFile}) fitted to ` +
        `${f.targets.length} observation${f.targets.length === 1 ? '' : 's'} of ${f.targetsFile} by ABC-SMC ` +
        `(Lenormand et al. 2013): ${s.particles} particles in the first generation, the closest ${Math.round(s.alpha * 100)}% kept ` +
        `and the rest renewed each generation, ${f.replicates} replicate${f.replicates === 1 ? '' : 's'} per particle, seed ${s.seed}. ` +
        `${f.results.length} generations, ${simulated} particles simulated; ${f.stopReason}. ` +
        `Final tolerance ${n(last.epsilon)} (root mean square miss in sds), effective sample size ${n(effectiveSampleSize(last.kept.map((p) => p.weight)))} of ${last.kept.length}.`,
    },
    { kind: 'heading', text: 'Posterior', id: 'posterior' },
    {
      kind: 'table',
      head: ['parameter', 'prior', 'median', 'mean ± sd', '95% credible interval', 'interval / prior'],
      rows: f.summaries.map((r) => [
        r.path,
        `${r.prior.log ? 'log-uniform' : 'uniform'} ${n(r.prior.low)}–${n(r.prior.high)}`,
        n(r.median),
        `${n(r.mean)} ± ${n(r.sd)}`,
        `[${n(r.low)}, ${n(r.high)}]`,
        `${Math.round(r.narrowing * 100)}%`,
      ]),
    },
    {
      kind: 'paragraph',
      text:
        `The calibrated scenario ${f.calibratedFile} extends ${f.scenarioFile} with the medians. An interval near 100% of ` +
        'its prior means the targets hardly inform that parameter: its value still comes from the prior, i.e. from its source or assumption.',
    },
    { kind: 'heading', text: 'Fit', id: 'fit' },
    {
      kind: 'paragraph',
      text: `${within(fitted)} of ${fitted.length} fitted observations are within 2 sd of the posterior's simulated median.`,
    },
    fitTable(fitted),
  ];
  if (heldOut.length > 0) {
    out.push(
      { kind: 'heading', text: 'Held-out observations (not fitted)', id: 'held-out' },
      {
        kind: 'paragraph',
        text:
          `${f.heldOutFile ?? 'The held-out file'}: observations the calibration never saw, judged by the same posterior runs. ` +
          `${within(heldOut)} of ${heldOut.length} are within 2 sd of the simulated median.`,
      },
      fitTable(heldOut),
    );
  }
  out.push(
    { kind: 'charts' },
    { kind: 'heading', text: 'Tolerance schedule', id: 'schedule' },
    {
      kind: 'table',
      head: ['generation', 'tolerance ε', 'acceptance', 'simulated', 'effective sample size'],
      rows: f.results.map((r) => [
        String(r.generation),
        n(r.epsilon),
        Number.isFinite(r.acceptance) ? `${(r.acceptance * 100).toFixed(0)}%` : '–',
        String(r.simulated),
        n(effectiveSampleSize(r.kept.map((p) => p.weight))),
      ]),
    },
    { kind: 'heading', text: 'How to read this', id: 'reading' },
    {
      kind: 'list',
      items: [
        'Distance: the root mean square, over the targets, of (simulated − observed) / sd, the simulated value being the mean of the particle’s replicates over the target’s years. A target with a loose sd counts less.',
        `Tolerance: each generation’s ε is the ${Math.round(s.alpha * 100)}% quantile of the distances of the kept and new particles; the calibration stops when fewer than ${Math.round(s.minAcceptance * 100)}% of a generation’s new particles fall within the previous ε (or after ${s.maxGenerations} generations). The schedule is thus set by the data, not in advance.`,
        'The posterior is conditional on the model: a tight interval says the targets pin the parameter down within this model, not that the model is right. Judge it on the held-out observations.',
        'Proposals are redrawn until inside the prior’s box and their weights ignore that truncation (as in Lenormand et al. 2013): near a prior bound the posterior there is slightly under-weighted.',
        `civsim ${f.civsimVersion}${f.gitCommit ? ` (commit ${f.gitCommit.slice(0, 12)})` : ''}; command: ${f.commandLine}`,
        'Files: posterior.csv (final particles and weights), particles.csv (every particle of every generation), summary.csv, generations.csv, fit.csv, the calibrated scenario, generation-*/ (each generation’s runs, as a sweep).',
      ],
    },
  );
  return out;
}

export function calibrationMarkdown(f: CalibrationReportFacts): string {
  return blocksMarkdown(`Calibration: ${f.scenarioName}`, blocks(f), f.charts);
}

export function calibrationHtml(f: CalibrationReportFacts, vega?: VegaScripts): string {
  return blocksHtml(`Calibration: ${f.scenarioName}`, blocks(f), f.charts, f.civsimVersion, vega);
}
