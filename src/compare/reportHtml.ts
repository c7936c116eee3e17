/**
 * report.html of a comparison (pure): one self-contained page — each chart inlined as SVG and, given the
 * Vega libraries, made interactive in place (tooltips, export) by scripts inlined in the page; a
 * Content-Security-Policy that allows nothing from outside and no script but those — so it opens offline
 * from a double click and can be mailed as one file. Every user-supplied string is escaped.
 */
import { outcomeCell, outcomeTexts, precisionText } from './outcomeCells.ts';
import { formatForReader } from '../output/displayNumber.ts';
import { escapeHtml } from '../output/escapeHtml.ts';
import { chartFigures, chartPage, type PageChart } from '../output/chartPage.ts';
import type { VegaScripts } from '../output/interactiveCharts.ts';
import type { ComparisonData } from './compareRuns.ts';
import { findings } from './findings.ts';
import { testRuleWords, type ReportFacts } from './reportMarkdown.ts';
import { atPeriod, periodHeading, periodSpan } from './timeUnit.ts';

export type DrawnChart = PageChart;

/** `vega` absent: static charts and no script at all. */
export function comparisonHtml(
  data: ComparisonData,
  facts: ReportFacts,
  charts: readonly DrawnChart[],
  vega?: VegaScripts,
): string {
  const e = escapeHtml;
  const label = (id: string) => {
    const m = facts.metrics.get(id);
    return e(m ? `${m.label}${m.unit ? ` (${m.unit})` : ''}` : id);
  };
  const title = `Comparison: ${data.scenarios.join(' vs ')}`;
  const scenarioItems = facts.runs
    .map(
      (r) =>
        `<li><strong>${e(r.scenario.name)}</strong> — ${e(r.scenario.title ?? r.scenario.name)}` +
        (r.scenario.description ? `<br><span class="muted">${e(r.scenario.description)}</span>` : '') +
        '</li>',
    )
    .join('\n');
  const findingHtml = findings(data, facts.metrics)
    .map(
      (f) =>
        `<h3>${e(f.scenario)} against ${e(data.baseline)} ${atPeriod(data.unit, data.outcomeYears.at(-1)!)}</h3>\n<ul>\n` +
        (f.shown.length === 0 ? '<li>No difference could be shown at the 5% family-wise level.</li>\n' : '') +
        f.shown.map((line) => `<li>${e(line)}</li>`).join('\n') +
        (f.notShown.length > 0 ? `\n<li>No difference shown in: ${f.notShown.map(e).join(', ')}</li>` : '') +
        '\n</ul>',
    )
    .join('\n');
  const head = `<tr><th>metric</th>${data.scenarios.map((s) => `<th>${e(s)}</th>`).join('')}</tr>`;
  const outcomeTables = data.outcomeYears
    .map((year) => {
      const rows = data.metrics
        .map((metric) => {
          const cells = data.scenarios.map((s) => {
            const t = outcomeTexts(outcomeCell(data, s, metric, year));
            return t.versus
              ? `<td>${e(t.mean)}<br><span class="muted">${e(t.versus)}</span></td>`
              : `<td>${e(t.mean)}</td>`;
          });
          return `<tr><th>${label(metric)}</th>${cells.join('')}</tr>`;
        })
        .join('\n');
      return `<h3>${periodHeading(data.unit, year)}</h3>\n<table>\n${head}\n${rows}\n</table>`;
    })
    .join('\n');
  const horizon = data.outcomeYears[data.outcomeYears.length - 1];
  const precisionRows = data.metrics
    .map((metric) => {
      const cells = data.scenarios.map((s) => {
        return `<td>${e(precisionText(outcomeCell(data, s, metric, horizon)))}</td>`;
      });
      return `<tr><th>${label(metric)}</th>${cells.join('')}</tr>`;
    })
    .join('\n');
  const method = [
    `Pairing: ${e(data.pairing.reason)}.`,
    `Tests: ${e(testRuleWords(data.unit))}`,
    ...facts.runs.map(
      (r) =>
        `${e(r.scenario.name)}: seed ${r.scenario.seed}, ${r.scenario.replicates} replicates, scenario hash <code>${e(r.hash)}</code>, run ${e(r.runId)}`,
    ),
    `civsim ${e(facts.civsimVersion)}${facts.gitCommit ? ` (commit ${e(facts.gitCommit.slice(0, 12))})` : ''}; command: <code>${e(facts.commandLine)}</code>`,
  ];
  const body = `<header>
<h1>${e(title)}</h1>
<p>Baseline <strong>${e(data.baseline)}</strong>; ${data.replicates.join(', ')} replicates; ${periodSpan(data.unit, data.years[0], data.years.at(-1)!)}.</p>
${data.periodNote ? `<p>${e(data.periodNote)}</p>` : ''}
</header>
<h2 id="scenarios">Scenarios</h2>
<ul>
${scenarioItems}
</ul>
<h2 id="findings">What differs, and how sure</h2>
${findingHtml}
<h2 id="charts">Charts</h2>
${chartFigures(charts)}
<h2 id="outcomes">Outcomes</h2>
<p class="muted">Mean [95% CI] over replicates; Δ: difference from the baseline [95% CI], the test (see Method), Holm-adjusted p.</p>
${outcomeTables}
<h2 id="precision">Precision ${atPeriod(data.unit, horizon)}</h2>
<p>Half-width of each 95% interval relative to its mean, and the replicates a half-width of ${formatForReader(data.precision * 100)}% would need.</p>
<table>
${head}
${precisionRows}
</table>
<h2 id="method">Method</h2>
<ul>
${method.map((m) => `<li>${m}</li>`).join('\n')}
</ul>
<footer>Written by civsim ${e(facts.civsimVersion)}. comparison.csv holds every number of this page; runs/ holds each run's manifest.</footer>
`;
  return chartPage(title, body, charts, vega);
}
