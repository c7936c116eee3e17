/**
 * The shell of a self-contained report page with charts (pure): head with its Content-Security-Policy,
 * the shared style, each chart as a figure holding its static SVG, and — given the Vega libraries — the
 * inlined scripts that make the figures live. Used by comparison and sweep reports alike.
 */
import { escapeHtml } from './escapeHtml.ts';
import { css } from './html.ts';
import { interactiveChartsHtml, pagePolicy, type VegaScripts } from './interactiveCharts.ts';

export interface PageChart {
  id: string;
  title: string;
  /** The static rendering, shown until (or instead of) the live chart. */
  svg: string;
  /** The Vega-Lite spec the live chart is drawn from. */
  spec: unknown;
}

/** The figures of the charts, or a line saying there are none. */
export function chartFigures(charts: readonly PageChart[]): string {
  if (charts.length === 0) return '<p class="muted">No charts were drawn (--no-charts).</p>';
  return charts
    .map(
      (c) =>
        `<figure id="chart-${escapeHtml(c.id)}">\n<div class="chart">${c.svg}</div>\n<figcaption>${escapeHtml(c.title)}</figcaption>\n</figure>`,
    )
    .join('\n');
}

/** A whole page: `body` is HTML already escaped; `vega` absent gives static charts and no script. */
export function chartPage(
  title: string,
  body: string,
  charts: readonly PageChart[],
  vega?: VegaScripts,
): string {
  const live = vega && charts.length > 0 ? interactiveChartsHtml(charts, vega) : undefined;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${pagePolicy(live?.scriptSources)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}
figure svg { max-width: 100%; height: auto; }
.chart-live { max-width: 100%; overflow-x: auto; }
@media print { .vega-embed details, .vega-embed .vega-actions { display: none; } }
td, th { vertical-align: top; }
</style>
</head>
<body>
<main>
${body}
</main>
${live ? live.html : ''}
</body>
</html>
`;
}
