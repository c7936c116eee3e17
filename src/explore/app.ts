/// <reference lib="dom" />
/**
 * The explorer page: a thin DOM layer over the pure modules of this folder. It opens a scenario (shipped,
 * given to `civsim explore`, uploaded, or carried by a link), shows an input for every lever and setting
 * of its model, runs replicates in Web Workers (runner.ts) and draws the model's charts live with
 * vega-embed, one policy or two side by side; it keeps the address bar's fragment in step with what is
 * shown (urlState.ts) and offers the data and the scenario file for download.
 *
 * Everything untrusted — a link, an uploaded file, scenario titles and event labels — reaches the page as
 * text (textContent, attribute values, Vega's text marks), never as markup: there is no innerHTML here.
 */
import type { AnyModel, GridSnapshot } from '../models/definition.ts';
import { modelById } from '../models/registry.ts';
import { chartsOf } from '../output/runFiles.ts';
import type { ChartSpec, ScenarioBase } from '../scenario/envelope.ts';
import { maxScenarioFileBytes } from '../scenario/limits.ts';
import {
  defaultReplicates,
  defaultScale,
  openScenario,
  runScenarioOf,
  scales,
  type Catalog,
} from './catalog.ts';
import { applyChanges, checkChange, strictNumber, type AppliedChanges, type Changes } from './changes.ts';
import { inputsByPath, settingInputs, type SettingInput, type SettingValue } from './inputs.ts';
import type { ProgressMessage } from './lane.ts';
import { dataName, liveChartSpec, liveRows, type ChartLayout } from './liveCharts.ts';
import { embedOptions, nameChartMenu, type FirstChart } from './embedding.ts';
import { Runner, workerLanes } from './runner.ts';
import { pairedDifference, PolicyRun, seriesCsv } from './runData.ts';
import { policyBScenario, scenarioFileText } from './scenarioFile.ts';
import { guides, kazakhWelcome, say, type StringKey } from './strings.ts';
import {
  cellLabel,
  choiceLabel,
  chartTitle,
  groupLabel,
  metricLabel,
  settingLabel,
  unitText,
} from './terms.ts';
import {
  decodeState,
  encodeState,
  maxPackedChars,
  maxReplicates,
  packText,
  preferredLang,
  speeds,
  unpackText,
  type ExploreState,
  type Lang,
  type Speed,
  type View,
} from './urlState.ts';

// --- the vendor libraries (classic scripts) and the catalog (scenarios.js) -----------------------------

interface VegaView {
  change(name: string, changes: Changeset): VegaView;
  runAsync(): Promise<VegaView>;
  finalize(): void;
}
interface Changeset {
  remove(predicate: () => boolean): Changeset;
  insert(rows: readonly unknown[]): Changeset;
}
interface Embedded {
  view: VegaView;
  finalize(): void;
}
type Embed = (element: HTMLElement, spec: unknown, options: Record<string, unknown>) => Promise<Embedded>;
const vendor = globalThis as unknown as {
  vegaEmbed?: Embed;
  vega?: { changeset(): Changeset };
  civsimCatalog?: Catalog;
  civsimFirstChart?: FirstChart;
};

// --- small DOM helpers (text only) -------------------------------------------------------------------

type Child = Node | string | null | undefined | false;
type Props = Record<string, unknown>;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value as EventListener);
    } else if (key === 'text') {
      el.textContent = String(value);
    } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled') {
      (el as unknown as Record<string, unknown>)[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children)
    if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

function numberText(value: number, lang: Lang, digits = 4): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', {
    maximumSignificantDigits: digits,
  }).format(value);
}

function valueText(value: SettingValue, input: SettingInput | undefined, lang: Lang): string {
  if (typeof value === 'number') return numberText(value, lang, 6);
  if (typeof value === 'boolean') return say(lang, value ? 'yes' : 'no');
  return input?.kind === 'choice' ? choiceLabel(value, lang) : value;
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Ticks per second at each speed (`max`: as fast as the workers go). */
const rates: Readonly<Record<Speed, number>> = {
  slow: 3,
  normal: 12,
  fast: 48,
  max: Number.POSITIVE_INFINITY,
};
const speedKeys: Readonly<Record<Speed, StringKey>> = {
  slow: 'speedSlow',
  normal: 'speedNormal',
  fast: 'speedFast',
  max: 'speedMax',
};

/** How many workers the page starts: the cores, within reason. */
const laneCount = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4));

interface Policy {
  changes: Record<string, SettingValue>;
  applied: AppliedChanges;
  problems: string[];
}

interface Source {
  kind: 'entry' | 'upload';
  id: string;
  /** For the header of a downloaded scenario: its path, or the uploaded file's name. */
  label: string;
  upload?: { name: string; text: string; packed?: string };
}

interface LiveChart {
  chart: ChartSpec;
  view: VegaView;
}

class Explorer {
  lang: Lang;
  view: View = 'explore';
  speed: Speed = 'fast';
  source?: Source;
  base?: ScenarioBase;
  model?: AnyModel;
  settings = { seed: 1, replicates: 1, scale: 1 };
  scenario?: ScenarioBase;
  inputs: SettingInput[] = [];
  byPath: ReadonlyMap<string, SettingInput> = new Map();
  policies: Policy[] = [];
  compare = false;
  runs: PolicyRun[] = [];
  grids: (GridSnapshot & { tick: number })[] = [];
  runner: Runner;
  playing = false;
  target = 0;
  timer?: ReturnType<typeof setInterval>;
  lastFrame = 0;
  charts: LiveChart[] = [];
  chartGeneration = 0;
  shownCharts = new Set<string>();
  settingsOpen = false;
  controlsBuilt = false;
  firstLoad = true;
  /** The tick the charts show (for tests and the bench). */
  drawnTick = 0;
  dirty = false;
  drawing = false;
  lastDraw = 0;
  drawCost = 0;
  linkProblems: string[] = [];
  scenarioProblems: string[] = [];
  runProblems: string[] = [];
  lastHash = '';
  message = '';

  readonly root: HTMLElement;
  readonly el: Record<string, HTMLElement> = {};

  constructor(readonly catalog: Catalog) {
    this.root = document.getElementById('app')!;
    this.lang = preferredLang(navigator.language);
    this.runner = new Runner(workerLanes('worker.js'), laneCount, {
      onProgress: (message) => this.onProgress(message),
      onError: (message) => this.onRunError(message),
    });
  }

  t(key: StringKey, values?: Readonly<Record<string, string | number>>): string {
    return say(this.lang, key, values);
  }

  // --- state and the address bar ----------------------------------------------------------------------

  state(): ExploreState {
    const state: ExploreState = {
      a: { ...(this.policies[0]?.changes ?? {}) },
      lang: this.lang,
      seed: this.settings.seed,
      replicates: this.settings.replicates,
      scale: this.settings.scale,
      speed: this.speed,
      view: this.view,
    };
    if (this.source?.kind === 'upload') {
      if (this.source.upload?.packed) {
        state.upload = this.source.upload.packed;
        state.uploadName = this.source.upload.name;
      }
    } else if (this.source) {
      state.scenario = this.source.id;
    }
    if (this.compare) state.b = { ...(this.policies[1]?.changes ?? {}) };
    return state;
  }

  syncUrl(): void {
    const hash = `#${encodeState(this.state())}`;
    this.lastHash = hash;
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  async boot(): Promise<void> {
    window.addEventListener('hashchange', () => {
      if (location.hash !== this.lastHash) void this.openFromLink(location.hash);
    });
    await this.openFromLink(location.hash);
  }

  async openFromLink(hash: string): Promise<void> {
    const { state, problems } = decodeState(hash);
    this.linkProblems = problems;
    if (state.lang) this.lang = state.lang;
    if (state.view) this.view = state.view;
    if (state.speed) this.speed = state.speed;
    let source: Source | undefined;
    if (state.upload) {
      const unpacked = await unpackText(state.upload);
      if ('problem' in unpacked) this.linkProblems.push(unpacked.problem);
      else {
        const name = state.uploadName ?? 'scenario.yaml';
        source = {
          kind: 'upload',
          id: 'upload',
          label: name,
          upload: { name, text: unpacked.text, packed: state.upload },
        };
      }
    } else if (state.scenario) {
      const entry = this.catalog.entries.find((e) => e.id === state.scenario);
      if (entry) source = { kind: 'entry', id: entry.id, label: entry.path };
      else this.linkProblems.push(this.t('noScenario', { name: JSON.stringify(state.scenario) }));
    }
    const opened = await this.open(source ?? this.startSource(), state);
    if (!opened && source) await this.open(this.startSource(), { a: {} });
  }

  startSource(): Source {
    const entry = this.catalog.entries.find((e) => e.id === this.catalog.start) ?? this.catalog.entries[0];
    return { kind: 'entry', id: entry.id, label: entry.path };
  }

  /** Opens a scenario with the settings and changes of `state`; false (and problems shown) if it fails. */
  async open(source: Source, state: ExploreState): Promise<boolean> {
    const opened = await openScenario(
      this.catalog,
      source.kind === 'entry'
        ? { entry: source.id }
        : { upload: { name: source.upload!.name, text: source.upload!.text } },
    );
    if ('problems' in opened) {
      this.scenarioProblems = opened.problems;
      this.render();
      return false;
    }
    this.scenarioProblems = [];
    this.source = source;
    this.base = opened.loaded.scenario;
    this.model = modelById(this.base.model);
    const replicates = state.replicates ?? defaultReplicates(this.base);
    this.settings = {
      seed: state.seed ?? this.base.seed,
      replicates,
      scale: this.model.scale
        ? (state.scale ?? defaultScale(this.model, this.base, replicates, this.runner.size))
        : 1,
    };
    performance.mark('civsim:opened');
    this.compare = state.b !== undefined;
    const charts = chartsOf(this.model, this.base);
    this.shownCharts = new Set(charts.slice(0, 4).map((c) => c.id));
    this.prepare([state.a, ...(state.b ? [state.b] : [])]);
    return true;
  }

  /** Applies the settings and each policy's changes, then shows everything afresh and resets the run. */
  prepare(changes: Changes[]): void {
    const model = this.model!;
    this.scenario = runScenarioOf(this.base!, this.settings);
    this.inputs = settingInputs(model, this.scenario);
    this.byPath = inputsByPath(this.inputs);
    this.policies = changes.map((c) => this.policyOf({ ...c }));
    this.render();
    this.reset();
  }

  policyOf(changes: Record<string, SettingValue>): Policy {
    const applied = applyChanges(this.model!, this.scenario!, this.byPath, changes);
    // changes that were refused are not kept (the link and the file show what runs)
    for (const problem of applied.problems) if (problem.path in changes) delete changes[problem.path];
    return { changes, applied, problems: applied.problems.map((p) => p.message) };
  }

  /** The scenario policy i runs (policy B is named <name>-b, as its downloaded file is). */
  policyScenario(i: number): ScenarioBase {
    const scenario = this.policies[i].applied.scenario;
    return i === 0 ? scenario : policyBScenario(scenario, this.t('policyB'));
  }

  policyName(i: number): string {
    return this.t(i === 0 ? 'policyA' : 'policyB');
  }

  // --- running --------------------------------------------------------------------------------------

  reset(): void {
    const wasPlaying = this.playing;
    this.pause();
    this.runProblems = [];
    const scenarios = this.policies.map((_, i) => this.policyScenario(i));
    this.runs = scenarios.map((s) => new PolicyRun(this.model!, s, this.settings.replicates));
    this.grids = [];
    this.target = 0;
    this.runner.start(scenarios, this.settings.replicates, scenarios[0].name);
    this.renderProblems();
    this.updateStatus();
    this.scheduleDraw();
    if (wasPlaying) this.play();
  }

  get total(): number {
    return this.runs[0]?.ticks ?? 0;
  }

  get shown(): number {
    return Math.min(...this.runs.map((r) => r.shown));
  }

  get finished(): boolean {
    return this.runs.length > 0 && this.runs.every((r) => r.finished);
  }

  play(): void {
    if (this.finished) this.reset();
    this.playing = true;
    this.target = Math.max(this.target, this.shown);
    this.lastFrame = performance.now();
    if (this.speed === 'max') {
      this.runner.go(this.total);
    } else {
      this.advance();
      clearInterval(this.timer);
      this.timer = setInterval(() => this.advance(), 100);
    }
    this.renderRunBar();
    this.updateStatus(true);
  }

  advance(): void {
    const now = performance.now();
    const rate = rates[this.speed];
    const dt = (now - this.lastFrame) / 1000;
    this.lastFrame = now;
    // never more than a second ahead of what the workers have done
    this.target = Math.min(this.total, this.target + rate * dt, this.shown + rate);
    this.runner.go(Math.max(this.shown + 1, Math.ceil(this.target)));
  }

  pause(): void {
    if (this.playing) {
      this.playing = false;
      this.runner.go(0);
    }
    clearInterval(this.timer);
    this.timer = undefined;
    this.target = this.shown;
    this.renderRunBar();
    this.updateStatus(true);
  }

  step(): void {
    if (this.playing) this.pause();
    if (this.finished) return;
    this.target = this.shown + 1;
    this.runner.go(this.target);
    this.updateStatus();
  }

  onProgress(message: ProgressMessage): void {
    const run = this.runs[message.policy];
    if (!run) return;
    run.add(message.replicate, message.from, message.values);
    if (message.grid) this.grids[message.policy] = message.grid;
    if (this.finished && this.playing) {
      this.playing = false;
      clearInterval(this.timer);
      this.timer = undefined;
      this.renderRunBar();
      this.updateStatus(true);
    }
    this.scheduleDraw();
  }

  onRunError(message: string): void {
    this.pause();
    if (!this.runProblems.includes(message)) this.runProblems.push(message);
    this.renderProblems();
  }

  // --- drawing live ---------------------------------------------------------------------------------

  scheduleDraw(): void {
    this.dirty = true;
    if (this.drawing) return;
    this.drawing = true;
    // charts are redrawn at most every 120 ms, less often when drawing takes long (never more than 1 s
    // apart), and at once when the run is over
    const gap = this.finished ? 0 : Math.min(1000, Math.max(120, 2 * this.drawCost));
    const wait = Math.max(0, this.lastDraw + gap - performance.now());
    setTimeout(() => requestAnimationFrame(() => void this.draw()), wait);
  }

  async draw(): Promise<void> {
    const started = performance.now();
    this.dirty = false;
    const shown = this.shown;
    try {
      this.updateStatus();
      await this.updateCharts();
      this.drawnTick = this.charts.length > 0 ? shown : 0;
      this.renderGrids();
      this.renderDifferences();
    } finally {
      this.lastDraw = performance.now();
      this.drawCost = this.lastDraw - started;
      this.drawing = false;
      if (this.dirty) this.scheduleDraw();
    }
  }

  async updateCharts(): Promise<void> {
    const vega = vendor.vega;
    if (!vega || !this.model) return;
    const pending: Promise<unknown>[] = [];
    for (const { chart, view } of this.charts) {
      this.runs.forEach((run, i) => {
        const ticks = run.tickSummary(chart.metrics);
        const annual = chart.annual ? run.annualSummary(chart.metrics) : undefined;
        const rows = liveRows(this.model!, chart, run.scenario, run.replicates, this.lang, ticks, annual);
        view.change(
          dataName(i),
          vega
            .changeset()
            .remove(() => true)
            .insert(rows),
        );
      });
      pending.push(view.runAsync());
    }
    await Promise.all(pending);
  }

  // --- the page -------------------------------------------------------------------------------------

  render(): void {
    document.documentElement.lang = this.lang;
    document.title = this.t('appTitle');
    const main = h('main', { class: this.view === 'about' ? 'page' : 'layout', id: 'main' });
    this.el.problems = h('div', { class: 'problems-area' });
    this.root.replaceChildren(
      // the fragment is the page's state, so the skip link moves the focus itself
      h('a', {
        class: 'skip',
        href: '#controls',
        text: this.t('skipToControls'),
        onclick: (event: Event) => {
          event.preventDefault();
          document.getElementById('controls')?.focus();
        },
      }),
      this.header(),
      h('p', { class: 'welcome', lang: 'kk', text: kazakhWelcome }),
      this.el.problems,
      main,
      h('footer', { text: this.t('footer') }),
    );
    if (this.view === 'about') {
      main.append(this.about());
      this.renderProblems();
      this.syncUrl();
      return;
    }
    // on the first load the controls (a few hundred elements for the civil-society model) are built right
    // after the first chart is drawn, so the chart comes first; later they are rebuilt at once, so the
    // focus stays where it was
    this.el.controls = h('section', { class: 'controls', id: 'controls', tabindex: -1 });
    this.el.controls.append(h('p', { class: 'hint', text: this.t('loading') }));
    this.controlsBuilt = false;
    main.append(this.el.controls, this.viewPanel());
    if (!this.firstLoad) this.buildControls();
    this.firstLoad = false;
    performance.mark('civsim:rendered');
    this.renderProblems();
    this.renderRunBar();
    this.updateStatus(true);
    void this.embedCharts();
    this.syncUrl();
  }

  header(): HTMLElement {
    const nav = h(
      'nav',
      { class: 'views', 'aria-label': this.t('appTitle') },
      ...(['explore', 'about'] as const).map((view) =>
        h('button', {
          type: 'button',
          'aria-current': this.view === view ? 'page' : undefined,
          text: this.t(view === 'explore' ? 'navExplore' : 'navAbout'),
          onclick: () => {
            this.view = view;
            this.render();
          },
        }),
      ),
    );
    const language = h(
      'select',
      {
        id: 'language',
        onchange: (event: Event) => {
          this.lang = (event.target as HTMLSelectElement).value as Lang;
          this.render();
          document.getElementById('language')?.focus();
        },
      },
      h('option', { value: 'en', selected: this.lang === 'en', lang: 'en', text: 'English' }),
      h('option', { value: 'ru', selected: this.lang === 'ru', lang: 'ru', text: 'Русский' }),
    );
    return h(
      'header',
      { class: 'top' },
      h('h1', { text: this.t('appTitle') }),
      h('p', { class: 'tagline', text: this.t('tagline') }),
      nav,
      h(
        'div',
        {},
        h('label', { for: 'language', class: 'visually-hidden', text: this.t('language') }),
        language,
      ),
    );
  }

  // --- controls -------------------------------------------------------------------------------------

  controls(): HTMLElement {
    const panel = h('section', {
      class: 'controls',
      id: 'controls',
      tabindex: -1,
      'aria-labelledby': 'controls-title',
    });
    panel.append(h('h2', { id: 'controls-title', text: this.t('scenario') }));
    panel.append(this.scenarioPicker(), this.uploadField(), this.runSettings(), this.compareToggle());
    if (this.model && this.scenario) {
      const levers = this.inputs.filter((i) => i.section === 'levers');
      const others = this.inputs.filter((i) => i.section !== 'levers');
      panel.append(
        h('h2', { text: this.t('levers') }),
        h('p', { class: 'hint', text: this.t('leversHint') }),
        ...this.settingGroups(levers),
        this.resetChanges(),
      );
      if (others.length > 0) {
        // the model's other settings (about two hundred for the civil-society model) are built when opened
        const details = h(
          'details',
          {
            class: 'settings',
            id: 'other-settings',
            open: this.settingsOpen,
            ontoggle: () => {
              this.settingsOpen = details.open;
              if (details.open && details.childElementCount < 3)
                details.append(...this.settingGroups(others));
            },
          },
          h('summary', { text: this.t('settings') }),
          h('p', { class: 'hint', text: this.t('settingsHint') }),
        );
        if (this.settingsOpen) details.append(...this.settingGroups(others));
        panel.append(details);
      }
    }
    return panel;
  }

  /** Puts the controls in their place (once per render). */
  buildControls(): void {
    const placeholder = this.el.controls;
    if (this.controlsBuilt || !placeholder?.isConnected) return;
    this.controlsBuilt = true;
    const controls = this.controls();
    placeholder.replaceWith(controls);
    this.el.controls = controls;
  }

  scenarioPicker(): HTMLElement {
    const select = h('select', {
      id: 'scenario',
      onchange: (event: Event) => {
        const id = (event.target as HTMLSelectElement).value;
        if (id === 'upload' && this.source?.kind === 'upload') return;
        const entry = this.catalog.entries.find((e) => e.id === id);
        this.linkProblems = [];
        if (entry) void this.open({ kind: 'entry', id, label: entry.path }, { a: {}, lang: this.lang });
      },
    });
    const groups: [string, StringKey][] = [
      ['start', 'scenarioGroupUploaded'],
      ['policy', 'scenarioGroupPolicy'],
      ['classics', 'scenarioGroupClassics'],
    ];
    if (this.source?.kind === 'upload') {
      select.append(
        h(
          'optgroup',
          { label: this.t('scenarioGroupUploaded') },
          h('option', { value: 'upload', selected: true, text: this.source.upload!.name }),
        ),
      );
    }
    for (const [group, key] of groups) {
      const entries = this.catalog.entries.filter((e) => e.group === group);
      if (entries.length === 0) continue;
      select.append(
        h(
          'optgroup',
          { label: this.t(key) },
          ...entries.map((e) =>
            h('option', {
              value: e.id,
              selected: this.source?.kind === 'entry' && this.source.id === e.id,
              text: `${e.title} (${e.model})`,
            }),
          ),
        ),
      );
    }
    return h('div', { class: 'field' }, h('label', { for: 'scenario', text: this.t('scenario') }), select);
  }

  uploadField(): HTMLElement {
    const input = h('input', {
      id: 'upload',
      type: 'file',
      accept: '.yaml,.yml,.json,application/json,text/yaml,application/yaml',
      'aria-describedby': 'upload-hint',
      onchange: (event: Event) => {
        const file = (event.target as HTMLInputElement).files?.[0];
        if (file) void this.upload(file);
      },
    });
    return h(
      'div',
      { class: 'field' },
      h('label', { for: 'upload', text: this.t('upload') }),
      input,
      h('span', { class: 'hint', id: 'upload-hint', text: this.t('uploadHint') }),
    );
  }

  async upload(file: File): Promise<void> {
    this.linkProblems = [];
    if (file.size > maxScenarioFileBytes) {
      this.scenarioProblems = [
        `${file.name}: the file is ${file.size} bytes; a scenario file may be at most ${maxScenarioFileBytes}`,
      ];
      this.renderProblems();
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const opened = await openScenario(this.catalog, { upload: { name: file.name, text: bytes } });
    if ('problems' in opened) {
      this.scenarioProblems = opened.problems;
      this.renderProblems();
      return;
    }
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    const packed = await packText(text);
    const source: Source = {
      kind: 'upload',
      id: 'upload',
      label: file.name,
      upload: { name: file.name, text, ...(packed.length <= maxPackedChars ? { packed } : {}) },
    };
    await this.open(source, { a: {}, lang: this.lang });
    this.announce(this.t('scenarioChanged', { name: file.name }));
  }

  runSettings(): HTMLElement {
    const model = this.model;
    const seed = h('input', {
      id: 'seed',
      type: 'number',
      min: 0,
      max: 2 ** 32 - 1,
      step: 1,
      value: String(this.settings.seed),
      'aria-describedby': 'seed-hint',
      onchange: (event: Event) => {
        const value = strictNumber((event.target as HTMLInputElement).value);
        if (Number.isInteger(value) && value >= 0 && value <= 2 ** 32 - 1) {
          this.settings.seed = value;
          this.reapply();
        } else (event.target as HTMLInputElement).value = String(this.settings.seed);
      },
    });
    const replicates = h('input', {
      id: 'replicates',
      type: 'number',
      min: 1,
      max: maxReplicates,
      step: 1,
      value: String(this.settings.replicates),
      'aria-describedby': 'replicates-hint',
      onchange: (event: Event) => {
        const value = strictNumber((event.target as HTMLInputElement).value);
        if (Number.isInteger(value) && value >= 1 && value <= maxReplicates) {
          this.settings.replicates = value;
          this.reapply();
        } else (event.target as HTMLInputElement).value = String(this.settings.replicates);
      },
    });
    const fields: HTMLElement[] = [
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'seed', text: this.t('seed') }),
        seed,
        h('span', { class: 'hint', id: 'seed-hint', text: this.t('seedHint') }),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'replicates', text: this.t('replicates') }),
        replicates,
        h('span', { class: 'hint', id: 'replicates-hint', text: this.t('replicatesHint') }),
      ),
    ];
    if (model?.scale && this.base) {
      const offered = [...new Set<number>([...scales, this.settings.scale])].sort((a, b) => b - a);
      const select = h(
        'select',
        {
          id: 'scale',
          'aria-describedby': 'scale-hint',
          onchange: (event: Event) => {
            this.settings.scale = Number((event.target as HTMLSelectElement).value);
            this.reapply();
          },
        },
        ...offered.map((scale) =>
          h('option', {
            value: String(scale),
            selected: scale === this.settings.scale,
            text: this.t('scaleOption', {
              percent: numberText(scale * 100, this.lang),
              size: model.cost(scale === 1 ? this.base! : model.scale!(structuredClone(this.base!), scale))
                .size,
            }),
          }),
        ),
      );
      fields.push(
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'scale', text: this.t('scale') }),
          select,
          h('span', { class: 'hint', id: 'scale-hint', text: this.t('scaleHint') }),
        ),
      );
    }
    return h('div', { class: 'run-settings' }, ...fields);
  }

  compareToggle(): HTMLElement {
    const box = h('input', {
      id: 'compare',
      type: 'checkbox',
      checked: this.compare,
      'aria-describedby': 'compare-hint',
      onchange: (event: Event) => {
        this.compare = (event.target as HTMLInputElement).checked;
        const changes = this.policies.map((p) => p.changes);
        this.prepare(this.compare ? [changes[0] ?? {}, { ...(changes[0] ?? {}) }] : [changes[0] ?? {}]);
        document.getElementById('compare')?.focus();
      },
    });
    return h(
      'div',
      { class: 'field' },
      h('label', { class: 'check' }, box, ` ${this.t('compare')}`),
      h('span', { class: 'hint', id: 'compare-hint', text: this.t('compareHint') }),
    );
  }

  /** Keeps the changes, applies new run settings (seed, replicates, scale) and resets the run. */
  reapply(): void {
    const focused = document.activeElement?.id;
    this.prepare(this.policies.map((p) => p.changes));
    if (focused) document.getElementById(focused)?.focus();
  }

  settingGroups(inputs: SettingInput[]): HTMLElement[] {
    const groups = new Map<string, SettingInput[]>();
    for (const input of inputs) {
      const list = groups.get(input.group) ?? [];
      list.push(input);
      groups.set(input.group, list);
    }
    return [...groups].map(([group, list]) =>
      h(
        'fieldset',
        {},
        h('legend', { text: groupLabel(group, this.lang) }),
        ...list.map((input) => this.settingRow(input)),
      ),
    );
  }

  settingRow(input: SettingInput): HTMLElement {
    const inSection = input.path.split('.').slice(1).join('.');
    const name = settingLabel(inSection, this.lang);
    const changed = this.policies.some((p) => input.path in p.changes);
    const row = h('div', { class: `setting${changed ? ' changed' : ''}` });
    // alone, the name labels the input; side by side, each input is labelled by its policy and the name
    const mark = { 'data-changed': this.t('changed') };
    row.append(
      this.compare
        ? h('div', { class: 'name', ...mark, text: name })
        : input.kind === 'switch'
          ? ''
          : h('label', { class: 'name', ...mark, for: `in-0-${input.path.replace(/\./g, '-')}`, text: name }),
      h('div', { class: 'path', text: input.path }),
    );
    const values = h('div', { class: 'values' });
    this.policies.forEach((_, i) => values.append(this.valueInput(input, i, name)));
    row.append(values, this.settingDetails(input, name));
    return row;
  }

  valueInput(input: SettingInput, policy: number, name: string): HTMLElement {
    const id = `in-${policy}-${input.path.replace(/\./g, '-')}`;
    const current = this.policies[policy].changes[input.path] ?? input.value;
    const changed = input.path in this.policies[policy].changes;
    const labelText = this.compare ? this.policyName(policy) : name;
    const label = (props: Props, ...children: Child[]) =>
      h(
        'label',
        { for: id, ...props },
        ...children,
        this.compare ? h('span', { class: 'visually-hidden', text: ` — ${name}` }) : null,
      );
    const error = h('span', { class: 'error', id: `${id}-error`, role: 'alert' });
    const apply = (raw: SettingValue) => this.change(policy, input, raw, error, id);
    let control: HTMLElement;
    const describedBy = `${id}-error desc-${input.path.replace(/\./g, '-')}`;
    if (input.kind === 'switch') {
      control = h('input', {
        id,
        type: 'checkbox',
        checked: current === true,
        'aria-describedby': describedBy,
        onchange: (event: Event) => apply((event.target as HTMLInputElement).checked),
      });
      return h(
        'div',
        { class: `value${changed ? ' changed' : ''}`, 'data-changed': this.t('changed') },
        label({}, control, ` ${labelText}`),
        error,
      );
    }
    if (input.kind === 'choice') {
      control = h(
        'select',
        {
          id,
          'aria-describedby': describedBy,
          onchange: (event: Event) => apply((event.target as HTMLSelectElement).value),
        },
        ...(input.options ?? []).map((option) =>
          h('option', { value: option, selected: option === current, text: choiceLabel(option, this.lang) }),
        ),
      );
    } else {
      const number = h('input', {
        id,
        type: 'number',
        value: String(current),
        min: input.min,
        max: input.max,
        step: input.step ?? 'any',
        inputmode: 'decimal',
        'aria-describedby': describedBy,
        onchange: (event: Event) => apply((event.target as HTMLInputElement).value),
      });
      control = number;
      if (input.min !== undefined && input.max !== undefined && input.max - input.min <= 2) {
        const slider = h('input', {
          type: 'range',
          id: `${id}-slider`,
          min: input.min,
          max: input.max,
          step: input.step ?? 0.01,
          value: String(current),
          'aria-label': `${labelText} (${name})`,
          oninput: (event: Event) => (number.value = (event.target as HTMLInputElement).value),
          onchange: (event: Event) => apply((event.target as HTMLInputElement).value),
        });
        control = h('div', {}, number, slider);
      }
    }
    return h(
      'div',
      { class: `value${changed ? ' changed' : ''}`, 'data-changed': this.t('changed') },
      this.compare ? label({}, labelText) : null,
      control,
      error,
    );
  }

  settingDetails(input: SettingInput, name: string): HTMLElement {
    const lines: string[] = [];
    if (input.min !== undefined && input.max !== undefined) {
      lines.push(
        this.t('range', {
          min: numberText(input.min, this.lang, 6),
          max: numberText(input.max, this.lang, 6),
        }),
      );
    } else if (input.min !== undefined)
      lines.push(this.t('rangeMin', { min: numberText(input.min, this.lang, 6) }));
    else if (input.max !== undefined)
      lines.push(this.t('rangeMax', { max: numberText(input.max, this.lang, 6) }));
    if (input.unit) {
      const unit = input.unit.replace(
        /\bcurrency\b/g,
        this.model?.unitWords?.(this.scenario!).currency ?? 'currency',
      );
      lines.push(this.t('unit', { unit: unitText(unit, this.lang) }));
    }
    lines.push(this.t('scenarioValue', { value: valueText(input.value, input, this.lang) }));
    if (input.defaultValue !== undefined) {
      lines.push(this.t('defaultValue', { value: valueText(input.defaultValue, input, this.lang) }));
    }
    if (input.sources.length) lines.push(this.t('sources', { sources: input.sources.join('; ') }));
    if (input.evidence.length) lines.push(this.t('evidence', { tags: input.evidence.join(', ') }));
    if (input.timelineChanges > 0) {
      lines.push(
        this.t(this.policies.some((p) => input.path in p.changes) ? 'timelineHolds' : 'timelineChanges', {
          n: input.timelineChanges,
        }),
      );
    }
    return h(
      'details',
      { id: `desc-${input.path.replace(/\./g, '-')}` },
      h('summary', { text: this.t('describe', { name }) }),
      h('p', { lang: 'en', text: input.description }),
      ...lines.map((line) => h('p', { text: line })),
    );
  }

  change(policy: number, input: SettingInput, raw: SettingValue, error: HTMLElement, id: string): void {
    const control = document.getElementById(id);
    const checked = checkChange(this.model!, this.byPath, input.path, raw);
    if ('problem' in checked) {
      error.textContent = checked.problem.message;
      control?.setAttribute('aria-invalid', 'true');
      return;
    }
    const changes = { ...this.policies[policy].changes };
    if (checked.value === input.value) delete changes[input.path];
    else changes[input.path] = checked.value;
    const next = this.policyOf(changes);
    // a value its own schema allows can still break a rule across values: then it is not taken
    const before = new Set(this.policies[policy].problems);
    const added = next.problems.filter((p) => !before.has(p));
    if (added.length > 0) {
      error.textContent = added.join(' ');
      control?.setAttribute('aria-invalid', 'true');
      return;
    }
    this.policies[policy] = next;
    this.render();
    document.getElementById(id)?.focus();
    this.reset();
  }

  resetChanges(): HTMLElement {
    const any = this.policies.some((p) => Object.keys(p.changes).length > 0);
    return h('button', {
      type: 'button',
      disabled: !any,
      text: this.t('resetAll'),
      onclick: () => {
        this.policies = this.policies.map(() => this.policyOf({}));
        this.render();
        this.reset();
      },
    });
  }

  // --- the view: run bar, charts, grid, differences, downloads -------------------------------------

  viewPanel(): HTMLElement {
    const panel = h('section', { class: 'view', 'aria-labelledby': 'charts-title' });
    this.el.runbar = h('div', { class: 'runbar', role: 'group', 'aria-label': this.t('play') });
    this.el.live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    this.el.charts = h('div', { class: `charts${this.compare ? '' : ' single'}` });
    this.el.grids = h('div', { class: 'grid-area' });
    this.el.differences = h('div', { class: 'differences-area' });
    panel.append(
      this.el.runbar,
      this.el.live,
      h('h2', { id: 'charts-title', text: this.t('charts') }),
      this.chartPicker(),
      this.el.charts,
      this.el.grids,
      this.el.differences,
      this.downloads(),
    );
    return panel;
  }

  renderRunBar(): void {
    const bar = this.el.runbar;
    if (!bar || !bar.isConnected) return;
    const focused = document.activeElement?.id;
    const play = h('button', {
      id: 'play',
      type: 'button',
      class: 'primary',
      text: this.t(this.playing ? 'pause' : 'play'),
      onclick: () => (this.playing ? this.pause() : this.play()),
    });
    const step = h('button', {
      id: 'step',
      type: 'button',
      text: this.t('step'),
      onclick: () => this.step(),
    });
    const reset = h('button', {
      id: 'reset',
      type: 'button',
      text: this.t('reset'),
      onclick: () => this.reset(),
    });
    const speed = h(
      'select',
      {
        id: 'speed',
        onchange: (event: Event) => {
          this.speed = (event.target as HTMLSelectElement).value as Speed;
          this.syncUrl();
          if (this.playing) this.play();
        },
      },
      ...speeds.map((s) => h('option', { value: s, selected: s === this.speed, text: this.t(speedKeys[s]) })),
    );
    this.el.progress = h('span', { class: 'status', id: 'progress' });
    bar.replaceChildren(
      play,
      step,
      reset,
      h('span', { class: 'speed' }, h('label', { for: 'speed', text: this.t('speed') }), speed),
      this.el.progress,
    );
    if (focused) document.getElementById(focused)?.focus();
    this.updateStatus();
  }

  /** The progress line; with `announce`, the state is also said once to screen readers. */
  updateStatus(announce = false): void {
    const progress = this.el.progress;
    if (progress?.isConnected && this.runs.length > 0) {
      const shown = this.shown;
      const label = shown > 0 ? this.runs[0].labels[shown - 1] : '—';
      // before the first tick the workers build each replicate's population, which takes a moment
      progress.textContent =
        shown === 0 && (this.playing || this.target > 0)
          ? this.t('statusPreparing')
          : this.t(this.model?.clock === 'step' ? 'progressStep' : 'progress', {
              label,
              done: shown,
              total: this.total,
            });
      const where = this.runner.inPage
        ? this.t('noWorkers')
        : this.t('workers', { n: this.runner.size, replicates: this.settings.replicates * this.runs.length });
      progress.title = where;
    }
    if (announce) {
      const key: StringKey = this.finished
        ? 'statusFinished'
        : this.playing
          ? 'statusRunning'
          : this.shown > 0
            ? 'statusPaused'
            : 'statusReady';
      this.announce(this.t(key));
    }
  }

  announce(text: string): void {
    if (this.el.live?.isConnected && this.message !== text) {
      this.message = text;
      this.el.live.textContent = text;
    }
  }

  chartPicker(): HTMLElement {
    if (!this.model || !this.base) return h('div');
    const charts = chartsOf(this.model, this.base);
    return h(
      'fieldset',
      { class: 'chartpicker' },
      h('legend', { text: this.t('chooseCharts') }),
      ...charts.map((chart) =>
        h(
          'label',
          {},
          h('input', {
            type: 'checkbox',
            id: `show-${chart.id}`,
            checked: this.shownCharts.has(chart.id),
            onchange: (event: Event) => {
              if ((event.target as HTMLInputElement).checked) this.shownCharts.add(chart.id);
              else this.shownCharts.delete(chart.id);
              void this.embedCharts();
            },
          }),
          chartTitle(this.model!, chart, this.lang),
        ),
      ),
    );
  }

  async embedCharts(): Promise<void> {
    const embed = vendor.vegaEmbed;
    const model = this.model;
    const container = this.el.charts;
    if (!embed || !model || !this.base || !container) return;
    const generation = ++this.chartGeneration;
    for (const c of this.charts) c.view.finalize();
    this.charts = [];
    const layout: ChartLayout = container.clientWidth >= 1100 ? 'row' : 'column';
    const policies = this.policies.map((_, i) => ({
      name: this.policyName(i),
      scenario: this.policyScenario(i),
      replicates: this.settings.replicates,
    }));
    const charts = chartsOf(model, this.base).filter((c) => this.shownCharts.has(c.id));
    const figures = charts.map((chart) => {
      const holder = h('div', { class: 'vega' });
      const figure = h('figure', { class: 'chart', id: `chart-${chart.id}` }, holder);
      return { chart, holder, figure };
    });
    container.replaceChildren(...figures.map((f) => f.figure));
    // one after another, so the first chart shows as soon as it can; the one first.js drew is taken
    // over when it is the same chart
    const shell = vendor.civsimFirstChart;
    vendor.civsimFirstChart = undefined;
    const embedded: LiveChart[] = [];
    for (const { chart, holder } of figures) {
      const spec = liveChartSpec(model, chart, policies, this.lang, layout);
      if (shell && shell.chartId === chart.id && shell.spec === JSON.stringify(spec)) {
        holder.replaceWith(shell.holder);
        embedded.push({ chart, view: shell.view as VegaView });
      } else {
        const result = await embed(holder, spec, embedOptions(chart.id));
        nameChartMenu(holder, this.lang);
        embedded.push({ chart, view: result.view });
      }
      if (generation !== this.chartGeneration) break;
      if (embedded.length === 1) {
        if (performance.getEntriesByName('civsim:first-chart').length === 0) {
          performance.mark('civsim:first-chart');
        }
        this.buildControls();
      }
    }
    if (shell && !embedded.some((e) => e.view === shell.view)) shell.view.finalize();
    this.buildControls();
    if (generation !== this.chartGeneration) {
      for (const e of embedded) e.view.finalize();
      return;
    }
    this.charts = embedded;
    performance.mark('civsim:charts');
    // the workers load their code while the user reads the page
    setTimeout(() => this.runner.warm(), 200);
    this.scheduleDraw();
  }

  renderGrids(): void {
    const container = this.el.grids;
    const snapshot = this.model?.snapshot;
    if (!container?.isConnected || !snapshot) return;
    if (this.grids.length === 0) {
      container.replaceChildren();
      return;
    }
    const colours = new Map(snapshot.categories.map((c) => [c.code, c.color]));
    const figures = this.grids.map((grid, i) => {
      if (!grid) return h('div');
      const canvas = h('canvas', { width: grid.width, height: grid.height, role: 'img' });
      const context = canvas.getContext('2d');
      const counts = new Map<number, number>();
      if (context) {
        const image = context.createImageData(grid.width, grid.height);
        for (let x = 0; x < grid.width; x++) {
          for (let y = 0; y < grid.height; y++) {
            const code = grid.cells[x * grid.height + y];
            counts.set(code, (counts.get(code) ?? 0) + 1);
            const hex = colours.get(code) ?? '#ffffff';
            // Mesa's order: (x, y) with y up; the picture has y down, so rows are flipped
            const p = ((grid.height - 1 - y) * grid.width + x) * 4;
            image.data[p] = parseInt(hex.slice(1, 3), 16);
            image.data[p + 1] = parseInt(hex.slice(3, 5), 16);
            image.data[p + 2] = parseInt(hex.slice(5, 7), 16);
            image.data[p + 3] = 255;
          }
        }
        context.putImageData(image, 0, 0);
      }
      const words = snapshot.categories
        .map((c) => `${cellLabel(c.label, this.lang)}: ${counts.get(c.code) ?? 0}`)
        .join(', ');
      canvas.setAttribute('aria-label', this.t('gridLabel', { tick: grid.tick, counts: words }));
      return h(
        'figure',
        {},
        h('figcaption', {
          text: `${this.compare ? `${this.policyName(i)} · ` : ''}${this.t('gridCaption', { tick: grid.tick })}`,
        }),
        canvas,
      );
    });
    const legend = h(
      'ul',
      { class: 'legend' },
      ...snapshot.categories.map((c) =>
        h(
          'li',
          {},
          h('span', { class: 'swatch', style: `background:${c.color}` }),
          cellLabel(c.label, this.lang),
        ),
      ),
    );
    container.replaceChildren(
      h('h2', { text: this.t('grid') }),
      h('div', { class: 'grids' }, ...figures),
      legend,
    );
  }

  renderDifferences(): void {
    const container = this.el.differences;
    if (!container?.isConnected) return;
    if (!this.compare || this.runs.length < 2 || !this.model) {
      container.replaceChildren();
      return;
    }
    const shown = this.shown;
    if (shown === 0) {
      container.replaceChildren();
      return;
    }
    const model = this.model;
    const metrics = model.headline ?? [...new Set(model.charts.flatMap((c) => c.metrics))].slice(0, 8);
    const label = this.runs[0].labels[shown - 1];
    const rows = metrics.map((metric) => {
      const d = pairedDifference(this.runs[0], this.runs[1], metric, shown - 1);
      const interval =
        d.n >= 2 && Number.isFinite(d.ciLow)
          ? `${numberText(d.ciLow, this.lang)} … ${numberText(d.ciHigh, this.lang)}`
          : '—';
      return h(
        'tr',
        {},
        h('th', { scope: 'row', text: metricLabel(model, metric, this.lang) }),
        h('td', { class: 'number', text: numberText(d.mean, this.lang) }),
        h('td', { class: 'number', text: interval }),
      );
    });
    container.replaceChildren(
      h('h2', { text: this.t('differences', { label }) }),
      h('p', { class: 'hint', text: this.t('differencesHint') }),
      h(
        'table',
        { class: 'differences' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col', text: this.t('differenceMetric') }),
            h('th', { scope: 'col', text: this.t('differenceMean') }),
            h('th', { scope: 'col', text: this.t('differenceInterval') }),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    );
  }

  downloads(): HTMLElement {
    const note = h('p', { class: 'hint', role: 'status', id: 'link-note' });
    const csv = h('button', {
      type: 'button',
      id: 'download-csv',
      text: this.t('downloadCsv'),
      onclick: () => {
        const runs = this.runs.map((run, i) => ({ name: this.policyName(i), run }));
        const name = this.policyScenario(0).name;
        download(
          `${name}${this.compare ? '-a-b' : ''}-series.csv`,
          [...seriesCsv(runs)].join(''),
          'text/csv',
        );
      },
    });
    const files = this.policies.map((policy, i) =>
      h('button', {
        type: 'button',
        id: `download-scenario-${i}`,
        text: this.compare
          ? `${this.t('downloadScenario')} — ${this.policyName(i)}`
          : this.t('downloadScenario'),
        onclick: () => {
          const scenario = this.policyScenario(i);
          const text = scenarioFileText(scenario, {
            base: this.source?.label ?? 'a scenario',
            changes: policy.changes,
            dropped: policy.applied.dropped,
            scale: this.settings.scale,
            version: this.catalog.version,
          });
          download(`${scenario.name}.yaml`, text, 'application/yaml');
        },
      }),
    );
    const link = h('button', {
      type: 'button',
      id: 'copy-link',
      text: this.t('copyLink'),
      onclick: async () => {
        this.syncUrl();
        const tooLong = this.source?.kind === 'upload' && !this.source.upload?.packed;
        try {
          await navigator.clipboard.writeText(location.href);
          note.textContent = tooLong ? this.t('linkTooLong') : this.t('linkCopied');
        } catch {
          note.textContent = tooLong ? this.t('linkTooLong') : this.t('linkShown');
        }
      },
    });
    return h(
      'section',
      { class: 'downloads', 'aria-labelledby': 'downloads-title' },
      h('h2', { id: 'downloads-title', text: this.t('downloads') }),
      h('div', { class: 'row' }, csv, ...files, link),
      note,
    );
  }

  renderProblems(): void {
    const area = this.el.problems;
    if (!area?.isConnected) return;
    const blocks: [StringKey, string[]][] = [
      ['problemsScenario', this.scenarioProblems],
      ['problemsLink', this.linkProblems],
      ['problemsChanges', this.policies.flatMap((p) => p.problems)],
      ['problemsRun', this.runProblems],
    ];
    area.replaceChildren(
      ...blocks
        .filter(([, list]) => list.length > 0)
        .map(([key, list]) =>
          h(
            'div',
            { class: 'problems', role: 'alert' },
            h('p', { text: this.t(key) }),
            h('ul', {}, ...list.slice(0, 50).map((line) => h('li', { text: line }))),
          ),
        ),
    );
  }

  // --- the information page -------------------------------------------------------------------------

  about(): HTMLElement {
    const model = this.model;
    if (!model) return h('div');
    const guide = guides[model.id]?.[this.lang];
    const section = h('article', { class: 'about', 'aria-labelledby': 'about-title' });
    section.append(h('h2', { id: 'about-title', text: model.title }));
    section.append(h('h3', { text: this.t('aboutWhat') }), h('p', { text: guide?.what ?? model.summary }));
    if (guide) {
      section.append(
        h('h3', { text: this.t('aboutHow') }),
        h('ul', {}, ...guide.how.map((line) => h('li', { text: line }))),
        h('h3', { text: this.t('aboutTry') }),
        h('ul', {}, ...guide.try.map((line) => h('li', { text: line }))),
      );
    }
    section.append(
      h('h3', { text: this.t('aboutMetrics') }),
      h(
        'dl',
        {},
        ...model.metrics.flatMap((m) => [
          h('dt', { text: metricLabel(model, m.id, this.lang) }),
          h('dd', { lang: 'en', text: m.description }),
        ]),
      ),
    );
    if (guide) {
      section.append(
        h('h3', { text: this.t('aboutSources') }),
        h('ul', { lang: 'en' }, ...guide.sources.map((line) => h('li', { text: line }))),
      );
    }
    section.append(h('p', { class: 'hint', text: this.t('aboutOdd', { path: model.odd }) }));
    return section;
  }
}

async function start(): Promise<void> {
  performance.mark('civsim:start');
  const catalog = vendor.civsimCatalog;
  const root = document.getElementById('app');
  if (!catalog || !root) {
    if (root) root.textContent = 'scenarios.js did not load: the explorer has no scenarios to show.';
    return;
  }
  const explorer = new Explorer(catalog);
  (globalThis as unknown as { civsimExplorer: Explorer }).civsimExplorer = explorer;
  await explorer.boot();
}

void start();
