/**
 * index.html of a run folder: one self-contained page to read a run without any tool — what was run,
 * every chart (inline SVG, so nothing is loaded from anywhere), the timeline with its sources, and where
 * each metric ends up. A Content-Security-Policy forbids every outside request, so the page works (and
 * stays private) offline and from a file share. Links to sources are plain anchors: followed only when
 * clicked. Every string a user wrote is escaped.
 */
import { formatForReader } from './displayNumber.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { EndTable } from './endTable.ts';
import type { EventForDisplay } from './timelineEvents.ts';

export interface ReportChart {
  id: string;
  title: string;
  /** The rendered chart (from Vega: its text is already XML-escaped), with ids unique to the chart. */
  svg: string;
}

export interface ReportFile {
  path: string;
  description: string;
}

export interface ReportInput {
  scenario: {
    name: string;
    title?: string;
    description?: string;
    seed: number;
    replicates: number;
    sources?: readonly string[];
  };
  /** The simulated period in words: "1991-01 to 2025-12 (420 months)" or "100 steps". */
  period: string;
  /** More facts the model states about the run (e.g. the currency), as label and value. */
  facts: readonly (readonly [string, string])[];
  runId: string;
  scenarioHash: string;
  civsimVersion: string;
  gitCommit: string | null;
  charts: readonly ReportChart[];
  events: readonly EventForDisplay[];
  end: EndTable;
  /** Group headings of the end table (ModelDefinition.groups). */
  groups: Readonly<Record<string, string>>;
  files: readonly ReportFile[];
}

export const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:";

export const css = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #e3e3e3; --accent: #0072b2; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 -apple-system, "Segoe UI", Helvetica, Arial, "DejaVu Sans", sans-serif;
  color: var(--ink); background: #fafafa; }
main { max-width: 980px; margin: 0 auto; padding: 32px 24px 64px; background: white; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 8px; }
h2 { font-size: 20px; margin: 48px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 16px; margin: 0 0 4px; }
p { margin: 0 0 12px; }
a { color: var(--accent); }
.name { color: var(--muted); font-size: 14px; margin: 0 0 16px; }
.description { max-width: 72ch; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 20px; margin: 20px 0;
  padding: 16px 20px; background: #f5f7f9; border-radius: 6px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
code { font: 13px/1.4 "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
nav ol { columns: 2; padding-left: 20px; }
figure { margin: 28px 0 36px; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 16px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { font-weight: 600; border-bottom: 2px solid #c8c8c8; }
tbody tr:nth-child(even) td { background: #fbfbfb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.group th { background: #f0f3f6; font-weight: 600; }
.unit, .muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
`;

/**
 * A source as HTML: its text escaped, with each http(s) URL in it made a link (followed only when
 * clicked; no referrer is sent). Trailing punctuation is not part of a URL.
 */
export function sourceHtml(source: string): string {
  let html = '';
  let last = 0;
  for (const match of source.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index;
    html += escapeHtml(source.slice(last, start));
    html += `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return html + escapeHtml(source.slice(last));
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

function factsHtml(input: ReportInput): string {
  const s = input.scenario;
  const facts: [string, string][] = [
    ['Period', escapeHtml(input.period)],
    ['Replicates', String(s.replicates)],
    ['Seed', String(s.seed)],
    ...input.facts.map(([label, value]): [string, string] => [escapeHtml(label), escapeHtml(value)]),
    ['Scenario hash', `<code>${escapeHtml(input.scenarioHash)}</code>`],
    [
      'civsim',
      escapeHtml(input.civsimVersion) +
        (input.gitCommit ? ` (commit <code>${escapeHtml(input.gitCommit.slice(0, 12))}</code>)` : ''),
    ],
    ['Run', `<code>${escapeHtml(input.runId)}</code>`],
  ];
  return `<dl class="facts">\n${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('\n')}\n</dl>`;
}

function chartsHtml(charts: readonly ReportChart[]): string {
  if (charts.length === 0) return '<p class="muted">No charts were drawn for this run.</p>';
  return charts
    .map((c) => {
      const id = escapeHtml(c.id);
      const links = [
        `<a href="charts/${id}.png">PNG</a>`,
        `<a href="charts/${id}.svg">SVG</a>`,
        `<a href="charts/${id}.vl.json">Vega-Lite spec</a>`,
      ].join(' · ');
      return `<figure id="chart-${id}">\n${c.svg}\n<figcaption>${escapeHtml(c.title)} — ${links}</figcaption>\n</figure>`;
    })
    .join('\n');
}

function eventsHtml(events: readonly EventForDisplay[]): string {
  if (events.length === 0) return '<p class="muted">The scenario has no timeline events.</p>';
  const rows = events
    .map(
      (e) =>
        `<tr><td class="num">${e.number}</td><td class="nowrap">${escapeHtml(String(e.date))}</td>` +
        `<td>${escapeHtml(e.label)}</td>` +
        `<td><code>${escapeHtml(e.changes)}</code></td><td>${sourceHtml(e.source)}</td></tr>`,
    )
    .join('\n');
  return (
    '<p>Numbers are the ones crowded charts show instead of a label.</p>\n<table>\n' +
    '<thead><tr><th class="num">#</th><th>Date</th><th>Event</th><th>Changes</th><th>Source</th></tr></thead>\n' +
    `<tbody>\n${rows}\n</tbody>\n</table>`
  );
}

function endHtml(table: EndTable, groups: Readonly<Record<string, string>>, replicates: number): string {
  const partial =
    table.months > 0 && table.months < 12 ? ` (the run ends in month ${table.months} of this year)` : '';
  const mean =
    `Mean over ${replicates} replicate${replicates === 1 ? '' : 's'}` +
    (replicates > 1 ? ' with the 95% confidence interval of the mean (Student t).' : '.');
  const intro =
    table.kind === 'year'
      ? `<p>Annual aggregates in ${escapeHtml(table.at)}${partial}: totals of flows, means of levels, ` +
        `December (last) values of stocks. ${mean}</p>`
      : `<p>Values after the last step (${escapeHtml(table.at)}). ${mean}</p>`;
  let body = '';
  let group: string | undefined;
  for (const row of table.rows) {
    if (row.group !== group) {
      group = row.group;
      body += `<tr class="group"><th colspan="4">${escapeHtml(groups[group] ?? group)}</th></tr>\n`;
    }
    const ci =
      Number.isNaN(row.ciLow) || Number.isNaN(row.ciHigh)
        ? '–'
        : `${formatForReader(row.ciLow)} to ${formatForReader(row.ciHigh)}`;
    body +=
      `<tr><td title="${escapeHtml(row.description)}">${escapeHtml(row.label)}</td>` +
      `<td class="unit">${escapeHtml(row.unit)}</td><td class="num">${formatForReader(row.mean)}</td>` +
      `<td class="num">${ci}</td></tr>\n`;
  }
  return (
    `${intro}\n<table>\n<thead><tr><th>Metric</th><th>Unit</th><th class="num">Mean</th>` +
    `<th class="num">95% CI</th></tr></thead>\n<tbody>\n${body}</tbody>\n</table>`
  );
}

function filesHtml(files: readonly ReportFile[]): string {
  const items = files
    .map(
      (f) =>
        `<li><a href="${escapeHtml(f.path)}"><code>${escapeHtml(f.path)}</code></a> — ${escapeHtml(f.description)}</li>`,
    )
    .join('\n');
  return `<ul>\n${items}\n</ul>`;
}

/** The whole page. */
export function buildIndexHtml(input: ReportInput): string {
  const s = input.scenario;
  const title = s.title ?? s.name;
  const sources =
    s.sources && s.sources.length > 0
      ? `<h2 id="sources">Sources</h2>\n<ul>\n${s.sources.map((x) => `<li>${sourceHtml(x)}</li>`).join('\n')}\n</ul>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="civsim ${escapeHtml(input.civsimVersion)}">
<title>${escapeHtml(title)} — civsim run ${escapeHtml(input.runId)}</title>
<style>${css}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="name">Scenario <code>${escapeHtml(s.name)}</code></p>
${s.description ? `<div class="description">\n${paragraphs(s.description)}\n</div>` : ''}
${factsHtml(input)}
</header>
<nav>
<h2>Contents</h2>
<ol>
${input.charts.map((c) => `<li><a href="#chart-${escapeHtml(c.id)}">${escapeHtml(c.title)}</a></li>`).join('\n')}
<li><a href="#timeline">Timeline</a></li>
<li><a href="#final-year">${input.end.kind === 'year' ? 'Final-year values' : 'Final values'}</a></li>
<li><a href="#files">Files</a></li>
</ol>
</nav>
<h2 id="charts">Charts</h2>
${chartsHtml(input.charts)}
<h2 id="timeline">Timeline</h2>
${eventsHtml(input.events)}
<h2 id="final-year">${input.end.kind === 'year' ? 'Final-year values' : 'Final values'}</h2>
${endHtml(input.end, input.groups, s.replicates)}
${sources}
<h2 id="files">Files</h2>
${filesHtml(input.files)}
<footer>Written by civsim ${escapeHtml(input.civsimVersion)}. <code>manifest.json</code> holds the resolved scenario, the seeds and how the run was made; the same civsim version, scenario and seed give the same series.</footer>
</main>
</body>
</html>
`;
}
