/**
 * The numbers of a live run on the page: every replicate's series as it arrives from the workers, tick
 * by tick, and what the charts and downloads need from them — summaries (mean and 95% interval, the
 * statistics of `civsim run`, output/summary.ts) up to the last tick every replicate has reached,
 * annual aggregates of the years complete so far, paired differences between two policies run with
 * common random numbers, and the tidy CSV of a run folder's series.csv. Summaries are kept and extended
 * as ticks arrive, not recomputed. Pure: no DOM, no workers.
 */
import { aggregateByYear, type RecordedSeries } from '../engine/recorder.ts';
import type { Clock } from '../engine/clock.ts';
import type { AnyModel, MetricDefinition } from '../models/definition.ts';
import { csvField } from '../output/csv.ts';
import {
  emptyMetricSummary,
  summarise,
  summariseSteps,
  type MetricSummary,
  type SeriesSummary,
  type Summary,
} from '../output/summary.ts';
import { seriesCsvLines } from '../output/tables.ts';
import { clockOf, type ReplicateResult } from '../run/replicate.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';

export class PolicyRun {
  readonly clock: Clock;
  readonly labels: string[];
  readonly years: number[];
  readonly metrics: readonly MetricDefinition[];
  private readonly slot = new Map<string, number>();
  /** [replicate][metric] → a value per tick (NaN until it arrives). */
  private readonly columns: Float64Array[][];
  /** Ticks received per replicate. */
  private readonly received: Int32Array;
  private readonly cache = new Map<string, { upTo: number; summary: MetricSummary }>();

  constructor(
    readonly model: AnyModel,
    readonly scenario: ScenarioBase,
    readonly replicates: number,
  ) {
    this.clock = clockOf(model, scenario);
    this.labels = this.clock.labels();
    this.years = this.clock.yearList();
    this.metrics = model.metrics;
    this.metrics.forEach((m, i) => this.slot.set(m.id, i));
    this.columns = Array.from({ length: replicates }, () =>
      this.metrics.map(() => new Float64Array(this.clock.ticks).fill(Number.NaN)),
    );
    this.received = new Int32Array(replicates);
  }

  get ticks(): number {
    return this.clock.ticks;
  }

  /** Values of one replicate for the ticks from `from` on (each array as long as the ticks sent). */
  add(replicate: number, from: number, values: Readonly<Record<string, ArrayLike<number>>>): void {
    if (replicate < 0 || replicate >= this.replicates) throw new Error(`no replicate ${replicate}`);
    let length = 0;
    for (const [id, column] of Object.entries(values)) {
      const i = this.slot.get(id);
      if (i === undefined) continue;
      const target = this.columns[replicate][i];
      const n = Math.min(column.length, target.length - from);
      for (let k = 0; k < n; k++) target[from + k] = column[k] ?? Number.NaN;
      length = Math.max(length, n);
    }
    this.received[replicate] = Math.max(this.received[replicate], from + length);
  }

  /** Ticks every replicate has reached: what the charts show. */
  get shown(): number {
    let min = this.clock.ticks;
    for (const n of this.received) min = Math.min(min, n);
    return this.replicates === 0 ? 0 : min;
  }

  /** Ticks of one replicate received so far. */
  receivedBy(replicate: number): number {
    return this.received[replicate];
  }

  get finished(): boolean {
    return this.shown === this.clock.ticks;
  }

  /** Years whose every tick is shown (calendar models; 0 for step models). */
  completeYears(shown = this.shown): number {
    if (this.clock.years === 0 || shown === 0) return 0;
    const last = this.clock.yearIndexOf(shown - 1);
    const closed = shown === this.clock.ticks || this.clock.yearIndexOf(shown) !== last;
    return closed ? last + 1 : last;
  }

  private column(replicate: number, metric: string): Float64Array {
    const i = this.slot.get(metric);
    if (i === undefined) throw new Error(`the ${this.model.id} model has no metric ${metric}`);
    return this.columns[replicate][i];
  }

  /** A metric's summaries per tick up to the shown tick, extended from where the last call stopped. */
  private metricSummary(metric: string, shown: number): MetricSummary {
    let entry = this.cache.get(metric);
    if (!entry) {
      entry = { upTo: 0, summary: emptyMetricSummary(metric, this.clock.ticks) };
      this.cache.set(metric, entry);
    }
    const columns = Array.from({ length: this.replicates }, (_, r) => this.column(r, metric));
    summariseSteps(entry.summary, columns, entry.upTo, shown);
    entry.upTo = Math.max(entry.upTo, shown);
    return entry.summary;
  }

  /** Summaries per tick of these metrics, over the ticks shown. */
  tickSummary(metrics: readonly string[]): SeriesSummary {
    const shown = this.shown;
    const cut = (a: Float64Array) => a.subarray(0, shown);
    return {
      resolution: 'tick',
      keys: this.labels.slice(0, shown),
      metrics: metrics.map((metric) => {
        const s = this.metricSummary(metric, shown);
        return {
          metric,
          n: s.n.subarray(0, shown),
          mean: cut(s.mean),
          sd: cut(s.sd),
          ciLow: cut(s.ciLow),
          ciHigh: cut(s.ciHigh),
          min: cut(s.min),
          max: cut(s.max),
        };
      }),
    };
  }

  /** Annual aggregates of one replicate's metric over every year (NaN where nothing arrived). */
  private annualColumn(replicate: number, metric: MetricDefinition): Float64Array {
    return aggregateByYear(this.column(replicate, metric.id), this.clock, metric.aggregate);
  }

  /** Summaries per year of these metrics, over the complete years (calendar models only). */
  annualSummary(metrics: readonly string[]): SeriesSummary | undefined {
    if (this.clock.years === 0) return undefined;
    const years = this.completeYears();
    return {
      resolution: 'annual',
      keys: this.years.slice(0, years).map(String),
      metrics: metrics.map((metric) => {
        const definition = this.definition(metric);
        const columns = Array.from({ length: this.replicates }, (_, r) => this.annualColumn(r, definition));
        return summariseSteps(emptyMetricSummary(metric, years), columns, 0, years);
      }),
    };
  }

  private definition(metric: string): MetricDefinition {
    const i = this.slot.get(metric);
    if (i === undefined) throw new Error(`the ${this.model.id} model has no metric ${metric}`);
    return this.metrics[i];
  }

  /** Each replicate's series up to the shown tick, as a finished run's results look (for the CSV). */
  results(): ReplicateResult[] {
    const shown = this.shown;
    const years = this.completeYears(shown);
    return Array.from({ length: this.replicates }, (_, r) => {
      const series: RecordedSeries = {
        ticks: this.labels.slice(0, shown),
        years: this.years.slice(0, years),
        values: {},
        annual: {},
      };
      for (const m of this.metrics) {
        series.values[m.id] = this.column(r, m.id).slice(0, shown);
        if (this.clock.years > 0) series.annual[m.id] = this.annualColumn(r, m).slice(0, years);
      }
      return { replicate: r, seedKey: '', series };
    });
  }

  /** A replicate's value of a metric at a tick (NaN when it has none). */
  value(replicate: number, metric: string, tick: number): number {
    return this.column(replicate, metric)[tick];
  }
}

/**
 * B − A at a tick, replicate by replicate: the two policies ran with common random numbers (replicate r
 * of both starts from the same population and draws), so the paired differences show the policy's
 * effect with the noise they share taken out.
 */
export function pairedDifference(a: PolicyRun, b: PolicyRun, metric: string, tick: number): Summary {
  const n = Math.min(a.replicates, b.replicates);
  const differences = new Float64Array(n);
  for (let r = 0; r < n; r++) differences[r] = b.value(r, metric, tick) - a.value(r, metric, tick);
  return summarise(differences);
}

/**
 * The series as CSV, up to the tick shown: one run gives exactly series.csv of a run folder
 * (`replicate,date|step,metric,value`); two policies get a first column `policy` with their names.
 */
export function* seriesCsv(runs: readonly { name: string; run: PolicyRun }[]): Generator<string> {
  if (runs.length === 1) {
    const { run } = runs[0];
    yield* seriesCsvLines(
      run.results(),
      run.metrics.map((m) => m.id),
      run.model.clock,
    );
    return;
  }
  let first = true;
  for (const { name, run } of runs) {
    const lines = seriesCsvLines(
      run.results(),
      run.metrics.map((m) => m.id),
      run.model.clock,
    );
    const header = lines.next().value as string;
    if (first) yield `policy,${header}`;
    first = false;
    const prefix = `${csvField(name)},`;
    for (const line of lines) yield `${prefix}${line}`;
  }
}

/** The ticks of a scenario (for sizing before anything runs). */
export function ticksOf(model: AnyModel, scenario: ScenarioBase): number {
  return clockOf(model, scenario).ticks;
}
