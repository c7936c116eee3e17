/**
 * Hand-made runs for the output tests: small, with known numbers, and independent of the model (whose
 * values change as it is developed).
 */
import { civilSociety } from '../../src/models/civil-society/index.ts';
import { metricDefinitions } from '../../src/models/civil-society/metricDefinitions.ts';
import type { RunResult } from '../../src/output/runFiles.ts';
import type { ReplicateResult } from '../../src/run/replicate.ts';
import type { Scenario, ScenarioInput } from '../../src/models/civil-society/schema.ts';
import { scenarioSchema } from '../../src/models/civil-society/schema.ts';

/** Months from start (YYYY-MM) for `count` ticks. */
export function monthsFrom(start: string, count: number): string[] {
  const [y, m] = start.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * A replicate whose every metric has value(metric index, tick, replicate); annual values are the
 * monthly ones of each year summed (the test does not care about the aggregate rule).
 */
export function fakeReplicate(
  replicate: number,
  dates: string[],
  value: (metric: number, tick: number, replicate: number) => number,
): ReplicateResult {
  const years = [...new Set(dates.map((d) => Number(d.slice(0, 4))))];
  const monthly: Record<string, Float64Array> = {};
  const annual: Record<string, Float64Array> = {};
  metricDefinitions.forEach((m, i) => {
    const col = Float64Array.from(dates, (_, t) => value(i, t, replicate));
    monthly[m.id] = col;
    annual[m.id] = Float64Array.from(years, (y) =>
      dates.reduce((sum, d, t) => (d.startsWith(`${y}-`) ? sum + col[t] : sum), 0),
    );
  });
  return {
    replicate,
    seedKey: `fake/${replicate}`,
    series: { ticks: dates, years, values: monthly, annual },
  };
}

export function fakeScenario(input: Partial<ScenarioInput> = {}): Scenario {
  return scenarioSchema().parse({ name: 'fake', start: '2000-01', end: '2001-12', ...input });
}

export function fakeRun(
  scenario: Scenario,
  replicates: number,
  value: (metric: number, tick: number, replicate: number) => number = (i, t, r) => i + t + r,
): RunResult<Scenario> {
  const first = String(scenario.start);
  const start = /^\d{4}$/.test(first) ? `${first}-01` : first.slice(0, 7);
  const end = String(scenario.end);
  const endMonth = /^\d{4}$/.test(end) ? `${end}-12` : end.slice(0, 7);
  const [sy, sm] = start.split('-').map(Number);
  const [ey, em] = endMonth.split('-').map(Number);
  const dates = monthsFrom(start, ey * 12 + em - (sy * 12 + sm) + 1);
  return {
    model: civilSociety,
    scenario,
    replicates: Array.from({ length: replicates }, (_, r) => fakeReplicate(r, dates, value)),
  };
}
