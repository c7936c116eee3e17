/**
 * A report written once as plain blocks — headings, paragraphs, lists, tables and the place of the
 * charts — and rendered to Markdown (PNG charts, for papers and slides) and to a self-contained HTML
 * page (live charts where the Vega libraries are given). Every string is escaped by the renderer, so
 * scenario titles, parameter paths and targets' sources show as text. Used by sweep and calibration
 * reports.
 */
import { escapeMarkdown } from '../compare/reportMarkdown.ts';
import { chartFigures, chartPage, type PageChart } from './chartPage.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { VegaScripts } from './interactiveCharts.ts';

export type ReportBlock =
  | { kind: 'heading'; text: string; id: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'charts' };

export function blocksMarkdown(
  title: string,
  blocks: readonly ReportBlock[],
  charts: readonly PageChart[],
): string {
  const e = escapeMarkdown;
  const lines: string[] = [`# ${e(title)}`, ''];
  for (const b of blocks) {
    if (b.kind === 'heading') lines.push(`## ${e(b.text)}`, '');
    else if (b.kind === 'paragraph') lines.push(e(b.text), '');
    else if (b.kind === 'list') lines.push(...b.items.map((i) => `- ${e(i)}`), '');
    else if (b.kind === 'table') {
      lines.push(`| ${b.head.map(e).join(' | ')} |`, `|${b.head.map(() => '---').join('|')}|`);
      lines.push(...b.rows.map((r) => `| ${r.map(e).join(' | ')} |`), '');
    } else {
      for (const c of charts) lines.push(`![${e(c.title)}](charts/${c.id}.png)`, '');
      if (charts.length === 0) lines.push('No charts were drawn (--no-charts).', '');
    }
  }
  return lines.join('\n');
}

export function blocksHtml(
  title: string,
  blocks: readonly ReportBlock[],
  charts: readonly PageChart[],
  civsimVersion: string,
  vega?: VegaScripts,
): string {
  const e = escapeHtml;
  const body = blocks
    .map((b) => {
      if (b.kind === 'heading') return `<h2 id="${e(b.id)}">${e(b.text)}</h2>`;
      if (b.kind === 'paragraph') return `<p>${e(b.text)}</p>`;
      if (b.kind === 'list') return `<ul>\n${b.items.map((i) => `<li>${e(i)}</li>`).join('\n')}\n</ul>`;
      if (b.kind === 'table') {
        return `<table>\n<tr>${b.head.map((h) => `<th>${e(h)}</th>`).join('')}</tr>\n${b.rows
          .map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
          .join('\n')}\n</table>`;
      }
      return chartFigures(charts);
    })
    .join('\n');
  return chartPage(
    title,
    `<h1>${e(title)}</h1>\n${body}\n<footer>Written by civsim ${e(civsimVersion)}.</footer>`,
    charts,
    vega,
  );
}
