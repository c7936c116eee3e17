/**
 * The course notebooks' helpers (Deno kernel): show a chart or a table as one Jupyter MIME bundle, find
 * the repository's files, and pick a run's charts and numbers. Everything else the notebooks call is
 * civsim's own public API (`civsim`, `civsim/node`), exactly as a program would.
 *
 * Imported as `civsim/notebook` (deno.json maps it here).
 */
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import {
  chartBundle,
  chartSpecs,
  chartsOf,
  loadScenario,
  nodeScenarioIO,
  summarise,
  summariseForFiles,
  type RunResult,
  type ScenarioBase,
  type ScenarioIO,
  type Summary,
} from 'civsim/node';

/** A path inside the repository, from its root (notebooks run in notebooks/ or notebooks/teacher/). */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

/**
 * A scenario written in the notebook: YAML (or JSON) text, checked like a file placed at `asFile` (so
 * `extends: status-quo.yaml` finds the shipped scenario beside it). A mistake throws a ScenarioError that
 * says where, as `civsim validate` would.
 */
export async function scenarioFromText(
  text: string,
  asFile = 'scenarios/notebook.yaml',
): Promise<ScenarioBase> {
  const path = repoPath(asFile);
  const io: ScenarioIO = {
    readFile: (file) => (file === path ? Promise.resolve(text) : nodeScenarioIO.readFile(file)),
    resolve: (from, relative) => nodeScenarioIO.resolve(from, relative),
  };
  return (await loadScenario(path, io)).scenario;
}

/** Sends one display_data message, or prints its text when not in a Jupyter kernel (`deno run`). */
async function display(data: Record<string, unknown>, metadata: Record<string, unknown> = {}) {
  if (!('jupyter' in Deno)) {
    console.log(data['text/plain']);
    return;
  }
  await Deno.jupyter.broadcast('display_data', { data, metadata, transient: {} });
  // Deno 2.9's kernel can report the cell finished before its last message has gone out, and nbconvert
  // then drops that message (about one cell in ten ending on a display right after a chart, measured);
  // a short pause lets it go out first (none lost in 60 such cells).
  await new Promise((resolve) => setTimeout(resolve, settleMs));
}

/** How long a display waits for its message to leave the kernel (see display). */
const settleMs = 40;

/**
 * Prints like console.log, but as a display the kernel waits for: console.log output of a cell that never
 * awaits can reach Jupyter after the cell has finished, and nbconvert then drops it.
 */
export async function print(...values: unknown[]): Promise<void> {
  const text = values.map((v) => (typeof v === 'string' ? v : Deno.inspect(v, { colors: false }))).join(' ');
  await display({ 'text/plain': text });
}

/**
 * Shows a Vega-Lite chart as one bundle: live in JupyterLab and VS Code, a PNG in the classic Notebook
 * and in exported HTML, and words in plain text. `note` is added to the words.
 */
export async function show(spec: TopLevelSpec, note?: string): Promise<void> {
  const bundle = await chartBundle(spec, { text: note });
  await display(bundle.data, bundle.metadata);
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const bigFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A number for people: thousands separators, about four significant digits, a dash for NaN. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return Math.abs(value) >= 1000 ? bigFormat.format(value) : numberFormat.format(value);
}

type Cell = string | number | boolean | null | undefined;

const cellText = (value: Cell) => (typeof value === 'number' ? fmt(value) : String(value ?? ''));

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Shows rows of records as a table (HTML, and aligned plain text), columns in the first row's order. */
export async function table(rows: readonly Record<string, Cell>[], title?: string): Promise<void> {
  const columns = rows.length > 0 ? Object.keys(rows[0]) : [];
  const cells = rows.map((row) => columns.map((c) => cellText(row[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const text = [...(title ? [title] : []), line(columns), ...cells.map(line)].join('\n');
  const html =
    (title ? `<p><b>${escapeHtml(title)}</b></p>` : '') +
    '<table><thead><tr>' +
    columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('') +
    '</tr></thead><tbody>' +
    cells.map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`).join('') +
    '</tbody></table>';
  await display({ 'text/html': html, 'text/plain': text });
}

/** The Vega-Lite specs of a run's standard charts (or the ones named), by chart id. */
export function runCharts(result: RunResult, ids?: readonly string[]): Map<string, TopLevelSpec> {
  const all = chartsOf(result.model, result.scenario);
  const charts = ids ? ids.map((id) => all.find((c) => c.id === id) ?? unknownChart(id, all)) : all;
  const summaries = summariseForFiles(result, [...new Set(charts.flatMap((c) => c.metrics))]);
  return new Map(chartSpecs(result, summaries, charts).map(({ chart, spec }) => [chart.id, spec]));
}

function unknownChart(id: string, all: readonly { id: string }[]): never {
  throw new Error(`no chart "${id}"; this run has ${all.map((c) => c.id).join(', ')}`);
}

/**
 * A metric in one year (a calendar model's annual value) or at one step, over the run's replicates:
 * n, mean, sd, 95% interval, min, max. The last year or step when `at` is left out.
 */
export function valueAt(result: RunResult, metric: string, at?: number): Summary {
  const annual = result.model.clock === 'month';
  const series = result.replicates[0].series;
  const keys = annual ? series.years.map(String) : series.ticks;
  const index = at === undefined ? keys.length - 1 : keys.indexOf(String(at));
  if (index < 0) throw new Error(`${metric} has no value at ${at} (from ${keys[0]} to ${keys.at(-1)})`);
  const column = (r: RunResult['replicates'][number]) => (annual ? r.series.annual : r.series.values)[metric];
  if (!column(result.replicates[0])) throw new Error(`this run did not record ${metric}`);
  return summarise(result.replicates.map((r) => column(r)[index]));
}

/** "12,345 (95% CI 12,000 to 12,690)": a summary's mean and interval in words. */
export function meanWithCi(summary: Summary): string {
  return `${fmt(summary.mean)} (95% CI ${fmt(summary.ciLow)} to ${fmt(summary.ciHigh)})`;
}
