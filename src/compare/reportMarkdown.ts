/**
 * report.md of a comparison (pure): for papers and slides. Every user-supplied string (titles,
 * descriptions, labels) is escaped, so it shows as text wherever the Markdown is rendered.
 */
import { outcomeCell, outcomeTexts, precisionText } from './outcomeCells.ts';
import type { MetricDefinition } from '../models/definition.ts';
import { formatForReader } from '../output/displayNumber.ts';
import { escapeHtml } from '../output/escapeHtml.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import type { ComparisonData } from './compareRuns.ts';
import { findings } from './findings.ts';
import { atPeriod, periodSpan, type TimeUnit } from './timeUnit.ts';

/**
 * Text safe in Markdown prose and table cells: Markdown's emphasis, link, code and table characters
 * backslashed, then HTML escaped (so no tag survives), on one line.
 */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text.replace(/([\\`*_[\]|~])/g, '\\$1')).replace(/\r?\n/g, ' ');
}

/** The rule that picks a test, as the method section states it (a step model's tests are per step). */
export function testRuleWords(unit: TimeUnit): string {
  return (
    'Paired replicates (common random numbers) are compared by their differences: the paired t test, or ' +
    'the Wilcoxon signed-rank test when the differences are clearly non-normal (sample skewness beyond ±1 ' +
    'or excess kurtosis above 3, judged from 6 values up). Unpaired runs are compared as independent ' +
    "samples: Welch's t test, or the Wilcoxon–Mann–Whitney test when either sample is clearly non-normal. " +
    'Rank tests are exact for fewer than 50 values without ties, as in R. Every p-value of the outcome ' +
    `table is adjusted with Holm's method across all scenario × metric × ${unit} tests, holding the chance of ` +
    'any false finding to 5%. Effect sizes: d_z (mean difference over the sd of the differences) for paired ' +
    "runs, Hedges' g otherwise. Intervals are Student-t 95% intervals of the mean (of the difference)."
  );
}

export interface ReportFacts {
  runs: { scenario: ScenarioBase; hash: string; runId: string }[];
  metrics: ReadonlyMap<string, MetricDefinition>;
  civsimVersion: string;
  gitCommit: string | null;
  commandLine: string;
  /** PNG charts, relative paths, with their titles. */
  charts: { path: string; title: string }[];
}

export function comparisonMarkdown(data: ComparisonData, facts: ReportFacts): string {
  const label = (id: string) => escapeMarkdown(facts.metrics.get(id)?.label ?? id);
  const unit = (id: string) => escapeMarkdown(facts.metrics.get(id)?.unit ?? '');
  const out: string[] = [];
  out.push(`# Comparison: ${data.scenarios.map(escapeMarkdown).join(' vs ')}`, '');
  out.push(
    `Baseline **${escapeMarkdown(data.baseline)}**; ${data.replicates.join(', ')} replicates; ` +
      `${periodSpan(data.unit, data.years[0], data.years[data.years.length - 1])}.`,
    '',
  );
  if (data.periodNote) out.push(escapeMarkdown(data.periodNote), '');
  out.push('## Scenarios', '');
  for (const run of facts.runs) {
    const s = run.scenario;
    out.push(
      `- **${escapeMarkdown(s.name)}** — ${escapeMarkdown(s.title ?? s.name)}` +
        (s.description ? `: ${escapeMarkdown(s.description)}` : ''),
    );
  }
  out.push('', '## What differs, and how sure', '');
  for (const f of findings(data, facts.metrics)) {
    out.push(
      `**${escapeMarkdown(f.scenario)}** against ${escapeMarkdown(data.baseline)} ${atPeriod(data.unit, data.outcomeYears.at(-1)!)}:`,
      '',
    );
    if (f.shown.length === 0) out.push('- no difference could be shown at the 5% family-wise level');
    for (const line of f.shown) out.push(`- ${escapeMarkdown(line)}`);
    if (f.notShown.length > 0) {
      out.push(`- no difference shown in: ${f.notShown.map(escapeMarkdown).join(', ')}`);
    }
    out.push('');
  }
  for (const year of data.outcomeYears) {
    out.push(`## Outcomes ${atPeriod(data.unit, year)}`, '');
    out.push(`| metric | ${data.scenarios.map(escapeMarkdown).join(' | ')} |`);
    out.push(`|---|${data.scenarios.map(() => '---:').join('|')}|`);
    for (const metric of data.metrics) {
      const cells = data.scenarios.map((s) => {
        const t = outcomeTexts(outcomeCell(data, s, metric, year));
        return t.versus ? `${t.mean}<br>${escapeHtml(t.versus)}` : t.mean;
      });
      out.push(`| ${label(metric)}${unit(metric) ? ` (${unit(metric)})` : ''} | ${cells.join(' | ')} |`);
    }
    out.push(
      '',
      'Mean [95% CI] over replicates; Δ: difference from the baseline [95% CI], the test (see Method), Holm-adjusted p.',
      '',
    );
  }
  const horizon = data.outcomeYears[data.outcomeYears.length - 1];
  out.push(`## Precision ${atPeriod(data.unit, horizon)}`, '');
  out.push(
    `Half-width of each 95% interval relative to its mean, and the replicates a half-width of ` +
      `${formatForReader(data.precision * 100)}% would need.`,
    '',
  );
  out.push(`| metric | ${data.scenarios.map(escapeMarkdown).join(' | ')} |`);
  out.push(`|---|${data.scenarios.map(() => '---:').join('|')}|`);
  for (const metric of data.metrics) {
    const cells = data.scenarios.map((s) => {
      return precisionText(outcomeCell(data, s, metric, horizon));
    });
    out.push(`| ${label(metric)} | ${cells.join(' | ')} |`);
  }
  out.push('');
  if (facts.charts.length > 0) {
    out.push('## Charts', '');
    for (const chart of facts.charts) out.push(`![${escapeMarkdown(chart.title)}](${chart.path})`, '');
  }
  out.push('## Method', '');
  out.push(`- Pairing: ${escapeMarkdown(data.pairing.reason)}.`);
  out.push(`- Tests: ${testRuleWords(data.unit)}`);
  for (const run of facts.runs) {
    out.push(
      `- ${escapeMarkdown(run.scenario.name)}: seed ${run.scenario.seed}, ${run.scenario.replicates} replicates, ` +
        `scenario hash \`${run.hash}\`, run ${escapeMarkdown(run.runId)}`,
    );
  }
  out.push(
    `- civsim ${escapeMarkdown(facts.civsimVersion)}${facts.gitCommit ? ` (commit ${facts.gitCommit.slice(0, 12)})` : ''}; ` +
      `command: \`${facts.commandLine.replace(/`/g, "'")}\``,
    '',
  );
  return out.join('\n');
}
