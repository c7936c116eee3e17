/// <reference lib="dom" />
/**
 * The page's first chart, drawn before the engine loads. The page's code is mostly the library (the
 * models, their schemas, the loader) and takes its time to start; this small script draws the first
 * chart of the scenario the page opens (from the catalog's resolved scenario and the model's sketch,
 * with the run report's chart builder), then loads app.js, which takes the chart over if it would
 * have drawn the very same one (otherwise it draws its own). Links with changes, two policies, an
 * uploaded scenario or the information page go straight to app.js.
 */
import type { Catalog } from './catalog.ts';
import { sketchModel } from './sketch.ts';
import { liveChartSpec } from './liveCharts.ts';
import { embedOptions, nameChartMenu, type FirstChart } from './embedding.ts';
import { say } from './strings.ts';
import { decodeState, preferredLang } from './urlState.ts';

type Embed = (
  element: HTMLElement,
  spec: unknown,
  options: Record<string, unknown>,
) => Promise<{ view: FirstChart['view'] }>;

const page = globalThis as unknown as {
  civsimCatalog?: Catalog;
  vegaEmbed?: Embed;
  civsimFirstChart?: FirstChart;
};

function loadApp(): void {
  const script = document.createElement('script');
  script.src = 'app.js';
  document.head.append(script);
}

async function drawFirstChart(): Promise<void> {
  const catalog = page.civsimCatalog;
  const embed = page.vegaEmbed;
  const root = document.getElementById('app');
  if (!catalog || !embed || !root) return;
  const { state } = decodeState(location.hash);
  const plain = state.upload === undefined && state.b === undefined && Object.keys(state.a).length === 0;
  if (!plain || state.view === 'about') return;
  const entry = catalog.entries.find((e) => e.id === (state.scenario ?? catalog.start));
  const sketch = entry && catalog.models[entry.model];
  if (!entry?.loaded || !sketch) return;
  const lang = state.lang ?? preferredLang(navigator.language);
  const base = entry.loaded.scenario;
  const replicates = state.replicates ?? Math.min(base.replicates, 10);
  const scenario = { ...base, seed: state.seed ?? base.seed, replicates };
  const model = sketchModel(sketch, entry.unitWords);
  const chart = (scenario.output.charts ?? sketch.charts)[0];
  if (!chart) return;
  const spec = liveChartSpec(model, chart, [{ name: say(lang, 'policyA'), scenario, replicates }], lang);
  const holder = document.createElement('div');
  holder.className = 'vega';
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.append(holder);
  const title = document.createElement('h1');
  title.textContent = say(lang, 'appTitle');
  const loading = document.createElement('p');
  loading.className = 'loading';
  loading.setAttribute('role', 'status');
  loading.textContent = say(lang, 'loading');
  const view = document.createElement('div');
  view.className = 'first-chart';
  view.append(figure);
  root.replaceChildren(title, loading, view);
  const result = await embed(holder, spec, embedOptions(chart.id));
  nameChartMenu(holder, lang);
  performance.mark('civsim:first-chart');
  page.civsimFirstChart = { chartId: chart.id, spec: JSON.stringify(spec), holder, view: result.view };
}

void drawFirstChart()
  .catch(() => undefined) // app.js draws the chart itself
  .finally(loadApp);
