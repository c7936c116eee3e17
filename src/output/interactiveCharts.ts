/**
 * Interactive charts for a self-contained HTML page (pure): Vega, Vega-Lite and vega-embed inlined, the
 * chart specs as a JSON data block, and a small script that swaps each figure's static SVG for a live
 * view with tooltips and SVG/PNG export. The page's Content-Security-Policy allows exactly these scripts
 * by their SHA-256 hashes and nothing from outside: no `unsafe-eval` (Vega runs its expressions through
 * the interpreter vega-embed ships, `ast: true`), no connections, no editor links. Where a script cannot
 * run (blocked, old browser, printing), the static SVG stays: the page never shows an empty chart.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/** The three libraries' browser builds, as text (read by the Node entry from their packages). */
export interface VegaScripts {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

export interface InteractiveChart {
  /** The figure's id is `chart-<id>`; it holds the static SVG inside an element of class `chart`. */
  id: string;
  /** A Vega-Lite spec with its data inline. */
  spec: unknown;
}

/**
 * The name of a layer that exists only for live charts (invisible marks that carry tooltips): static
 * renderings (SVG, PNG, the PDF) leave it out, since it draws nothing and would only weigh.
 */
export const hoverLayerName = 'hover';

type Json = { [key: string]: unknown };

/** A spec without its hover-only layers, at any depth (facets, layers of layers); the input is unchanged. */
export function staticChartSpec<T>(spec: T): T {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node
        .filter((child) => !(child && typeof child === 'object' && (child as Json).name === hoverLayerName))
        .map(strip);
    }
    if (node && typeof node === 'object') {
      const out: Json = {};
      for (const [key, value] of Object.entries(node as Json)) {
        // data values are data, not layers: copied as they are
        out[key] = key === 'values' ? value : strip(value);
      }
      return out;
    }
    return node;
  };
  return strip(spec) as T;
}

/** Element id of the JSON block holding the specs. */
const specsId = 'civsim-chart-specs';

/**
 * Runs in the page. Renders each spec off to the side and replaces the static SVG only once the live view
 * exists, so a failure leaves the static chart and says why on the console.
 */
const bootScript = `(function () {
  var block = document.getElementById('${specsId}');
  if (!block || typeof vegaEmbed !== 'function') return;
  var charts = JSON.parse(block.textContent);
  charts.forEach(function (chart) {
    var figure = document.getElementById('chart-' + chart.id);
    var holder = figure && figure.querySelector('.chart');
    if (!holder) return;
    var live = document.createElement('div');
    live.className = 'chart-live';
    vegaEmbed(live, chart.spec, {
      renderer: 'svg',
      ast: true,
      actions: { export: true, source: false, compiled: false, editor: false },
      downloadFileName: chart.id
    }).then(function () {
      holder.replaceChildren(live);
      figure.setAttribute('data-interactive', 'true');
    }, function (error) {
      console.error('chart ' + chart.id + ' stays static: ' + error);
    });
  });
})();`;

/** The `sha256-…` source expression of one inline script, as CSP wants it. */
export function scriptHash(text: string): string {
  const bytes = sha256(utf8ToBytes(text));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `'sha256-${btoa(binary)}'`;
}

/** JSON that cannot end its <script> element or open a comment inside it. */
function inertJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A library build that could close its element early would break the page: refuse it loudly. */
function checkedLibrary(name: string, text: string): string {
  if (/<\/script|<!--/i.test(text)) {
    throw new Error(`${name}'s browser build contains "</script" or "<!--" and cannot be inlined`);
  }
  return text;
}

export interface InteractiveChartsHtml {
  /** The <script> elements, to place at the end of <body>. */
  html: string;
  /** The CSP `script-src` sources that allow exactly those scripts. */
  scriptSources: string;
}

export function interactiveChartsHtml(
  charts: readonly InteractiveChart[],
  scripts: VegaScripts,
): InteractiveChartsHtml {
  const libraries = [
    checkedLibrary('vega', scripts.vega),
    checkedLibrary('vega-lite', scripts.vegaLite),
    checkedLibrary('vega-embed', scripts.vegaEmbed),
  ];
  const executable = [...libraries, bootScript];
  const data = `<script type="application/json" id="${specsId}">${inertJson(charts.map((c) => ({ id: c.id, spec: c.spec })))}</script>`;
  return {
    html: [data, ...executable.map((text) => `<script>${text}</script>`)].join('\n'),
    scriptSources: executable.map(scriptHash).join(' '),
  };
}

/**
 * The page's policy: nothing from outside; inline styles (vega-embed and its tooltips add their own);
 * images from data: URLs; and, when charts are interactive, only the scripts whose hashes are listed.
 */
export function pagePolicy(scriptSources?: string): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    ...(scriptSources ? [`script-src ${scriptSources}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
