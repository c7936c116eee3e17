/**
 * Invariants of whole runs, as property-based tests: for random but valid lever values, initial states,
 * timelines, seeds and replicates, every recorded series (monthly and annual) must be finite where the
 * metric definitions promise a number, shares and indices must stay in their ranges, counts and money
 * must be non-negative, and the totals must add up. Each run is a small simulation (1,000–3,000
 * citizens, 2–5 years), so few runs keep the suite fast.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricDefinitions } from '../../../src/models/civil-society/metricDefinitions.ts';
import { runReplicate } from './run.ts';
import type { RecordedSeries } from '../../../src/engine/recorder.ts';
import { actionNames, scenarioSchema, type Scenario } from '../../../src/models/civil-society/schema.ts';

type Plain = Record<string, unknown>;

/** Runs per property: 15 by default; set CIVSIM_PROPERTY_RUNS for a longer search (e.g. before a release). */
const NUM_RUNS = Number(process.env.CIVSIM_PROPERTY_RUNS ?? 15);

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const money = (max: number) => fc.oneof(fc.constant(0), fc.double({ min: 0, max, noNaN: true }));

const agency = fc.record({
  socialOrder: money(5e6),
  grants: money(2e6),
  loyaltyWeight: unit,
  councilSeats: fc.double({ min: 0, max: 50, noNaN: true }),
  inspectionRate: fc.double({ min: 0, max: 2, noNaN: true }),
});

/** Every lever, each anywhere in a realistic range (the schema's own bounds where it has them). */
const leversArb = fc.record({
  ministries: agency,
  akimats: agency,
  registration: fc.record({ cost: fc.double({ min: 0, max: 2000, noNaN: true }), rejectionRate: unit }),
  reporting: fc.record({ burden: unit, auditRate: unit }),
  gongos: fc.record({ foundingRate: fc.double({ min: 0, max: 20, noNaN: true }) }),
  infrastructure: fc.record({ resourceCentres: fc.double({ min: 0, max: 10, noNaN: true }) }),
  umbrella: fc.record({ support: unit, stateAligned: unit }),
  tax: fc.record({
    donationCredit: fc.double({ min: 0, max: 0.9, noNaN: true }),
    grantExemption: fc.boolean(),
  }),
  foreign: fc.record({
    budget: money(5e6),
    advocacyPriority: unit,
    regime: fc.constantFrom('none', 'disclosure', 'approval', 'prohibition'),
    stigma: unit,
  }),
  repression: fc.record({ level: unit }),
  legitimacy: unit,
});

const initialArb = fc
  .record({
    ngos: fc.integer({ min: 0, max: 400 }),
    activeShare: unit,
    advocacyShare: unit,
    stateCreatedShare: unit,
    participation: fc.double({ min: 0, max: 0.5, noNaN: true }),
    trust: unit,
    engagement: unit,
  })
  .map((initial) =>
    initial.advocacyShare + initial.stateCreatedShare > 1
      ? { ...initial, stateCreatedShare: 1 - initial.advocacyShare }
      : initial,
  );

const pad = (m: number) => String(m).padStart(2, '0');

/** Dated events inside the horizon: any action, sets and ramps of numeric levers, a regime change. */
function timelineArb(startYear: number, years: number): fc.Arbitrary<Plain[]> {
  const month = fc.integer({ min: 0, max: years * 12 - 2 });
  const date = (m: number) => `${startYear + Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
  const action = fc.record({
    date: month.map(date),
    action: fc.constantFrom(...actionNames),
    strength: unit,
  });
  const set = fc.record({
    date: month.map(date),
    set: fc.record(
      {
        'repression.level': unit,
        'foreign.regime': fc.constantFrom('none', 'disclosure', 'approval', 'prohibition'),
        'ministries.socialOrder': money(5e6),
        'tax.grantExemption': fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  });
  const ramp = month.chain((m) =>
    fc.record({
      date: fc.constant(date(m)),
      until: fc.integer({ min: m + 1, max: years * 12 - 1 }).map(date),
      ramp: fc.record(
        { 'foreign.budget': money(5e6), 'akimats.loyaltyWeight': unit, legitimacy: unit },
        { requiredKeys: [] },
      ),
    }),
  );
  return fc.array(fc.oneof(action, set, ramp), { maxLength: 3 });
}

/** A small valid scenario and the replicate to run. */
const runArb = fc
  .record({
    startYear: fc.integer({ min: 1990, max: 2030 }),
    startMonth: fc.integer({ min: 1, max: 12 }),
    years: fc.integer({ min: 2, max: 5 }),
  })
  .chain(({ startYear, startMonth, years }) =>
    fc.record({
      input: fc.record({
        name: fc.constantFrom('inv', 'other-country'),
        start: fc.constant(`${startYear}-${pad(startMonth)}`),
        end: fc.constant(`${startYear + years - 1}-${pad(startMonth)}`),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        population: fc.record({
          citizens: fc.integer({ min: 1000, max: 3000 }),
          represents: fc.integer({ min: 50_000, max: 1_000_000 }),
          ngoSampling: fc.double({ min: 0.5, max: 1, noNaN: true }),
          growthRate: fc.double({ min: -0.02, max: 0.04, noNaN: true }),
          network: fc.record({ degree: fc.constantFrom(2, 4, 6, 8, 10), rewiring: unit }),
        }),
        initial: initialArb,
        levers: leversArb,
        timeline: timelineArb(startYear, years - 1),
      }),
      replicate: fc.integer({ min: 0, max: 3 }),
    }),
  );

// ---- what each metric promises, from its definition ----

type Range = 'share' | 'score' | 'nonNegative';

/** The range of a metric, read from its unit; undefined for a unit this test does not know. */
function rangeOf(unit: string): Range | undefined {
  if (unit === 'share' || unit === 'share of citizens' || unit === 'index 0–1') return 'share';
  if (unit.startsWith('score')) return 'score';
  if (
    unit === 'organisations' ||
    unit === 'organisations/month' ||
    unit === 'per 10,000 citizens' ||
    unit === 'currency/month' ||
    unit === 'sanctions/month' ||
    unit === 'people/month' ||
    unit === 'projects per 10,000 citizens'
  )
    return 'nonNegative';
  return undefined;
}

/** Metrics that count NGOs (real counts = simulated counts / ngoSampling). */
const countMetrics = [
  'registered_ngos',
  'active_ngos',
  'dormant_ngos',
  'foundings',
  'dissolutions',
  'closures',
  'sanctions',
];
const fundingSources = [
  'funding_social_order',
  'funding_grants',
  'funding_foreign',
  'funding_donations',
  'funding_fees',
];

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Whether a metric may be missing in month t: exactly when what it is a share of is nothing, as its
 * definition says (`missing`), checked from the other series of the run.
 */
function mayBeMissing(id: string, monthly: Record<string, Float64Array>, t: number): boolean {
  const active = monthly.active_ngos[t];
  switch (id) {
    case 'revenue_hhi':
    case 'advocacy_share':
    case 'gongo_share':
    case 'umbrella_membership':
      return active === 0;
    case 'autonomy_independent':
      return active === 0 || monthly.gongo_share[t] === 1;
    case 'state_funding_share': {
      let trailing = 0;
      for (let m = Math.max(0, t - 11); m <= t; m++) trailing += monthly.funding_total[m];
      return trailing === 0;
    }
    case 'advocacy_state_money_share':
      // defined whenever state money reached an NGO this month, unless that NGO stopped working since
      return (
        monthly.funding_social_order[t] + monthly.funding_grants[t] === 0 ||
        monthly.closures[t] + monthly.dissolutions[t] > 0
      );
    default:
      return false;
  }
}

/** Every broken invariant of one run's series, as readable lines (empty when all hold). */
function violations(series: RecordedSeries, scenario: Scenario): string[] {
  const out: string[] = [];
  const { values: monthly, annual } = series;
  const ticks = series.ticks.length;
  for (const [label, table, length] of [
    ['monthly', monthly, ticks],
    ['annual', annual, series.years.length],
  ] as const) {
    for (const def of metricDefinitions) {
      const col = table[def.id];
      if (!col || col.length !== length) {
        out.push(`${label} ${def.id}: missing or ${col?.length} long, expected ${length}`);
        continue;
      }
      const range = rangeOf(def.unit);
      for (let t = 0; t < length; t++) {
        const v = col[t];
        const where = `${label} ${def.id}[${t}] = ${v}`;
        if (!Number.isFinite(v)) {
          // documented in metricDefinitions: shares of nothing are missing (an empty cell); an annual
          // value is missing only when every month of its year is (checked below)
          const allowed =
            Number.isNaN(v) &&
            (label === 'monthly' ? mayBeMissing(def.id, monthly, t) : def.missing !== undefined);
          if (!allowed) out.push(`${where}: not finite`);
          continue;
        }
        if (range === 'share' && !(v >= 0 && v <= 1)) out.push(`${where}: outside [0, 1]`);
        if (range === 'score' && !(v >= 1 && v <= 7)) out.push(`${where}: outside [1, 7]`);
        if (range === 'nonNegative' && !(v >= 0)) out.push(`${where}: negative`);
      }
    }
    if (label === 'annual') {
      // an annual value is missing only if every month of that year is
      for (const def of metricDefinitions) {
        series.years.forEach((year, y) => {
          if (!Number.isNaN(annual[def.id][y])) return;
          for (let t = 0; t < ticks; t++)
            if (Number(series.ticks[t].slice(0, 4)) === year && !Number.isNaN(monthly[def.id][t]))
              out.push(`annual ${def.id}[${y}] is missing though ${series.ticks[t]} has a value`);
        });
      }
    }
    for (let t = 0; t < length; t++) {
      const registered = table.registered_ngos[t];
      const sum = table.active_ngos[t] + table.dormant_ngos[t];
      if (!near(registered, sum))
        out.push(`${label}[${t}]: registered ${registered} ≠ active + dormant ${sum}`);
      const per10k = table.active_per_10k[t] + table.dormant_per_10k[t];
      if (!near(table.registered_per_10k[t], per10k))
        out.push(`${label}[${t}]: registered per 10k ≠ active + dormant per 10k`);
      const sources = fundingSources.reduce((s, id) => s + table[id][t], 0);
      if (!near(table.funding_total[t], sources))
        out.push(`${label}[${t}]: funding_total ${table.funding_total[t]} ≠ sum of sources ${sources}`);
    }
  }
  // counts are whole numbers of simulated NGOs, scaled to the country
  for (const id of countMetrics) {
    monthly[id].forEach((v, t) => {
      const simulated = v * scenario.population.ngoSampling;
      if (Math.abs(simulated - Math.round(simulated)) > 1e-6)
        out.push(`monthly ${id}[${t}] = ${v}: not a whole number of simulated NGOs`);
    });
  }
  return out;
}

describe('invariants of a run', () => {
  it('every metric is in range, finite where promised, and the totals add up, for any levers', () => {
    fc.assert(
      fc.property(runArb, ({ input, replicate }) => {
        const scenario = scenarioSchema().parse(input);
        const { series } = runReplicate(scenario, replicate);
        expect(series.ticks).toHaveLength(new Set(series.ticks).size);
        expect(violations(series, scenario)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('every metric unit has a known range (so a new metric cannot slip past these checks)', () => {
    const unknown = metricDefinitions
      .filter((m) => rangeOf(m.unit) === undefined)
      .map((m) => `${m.id}: ${m.unit}`);
    expect(unknown).toEqual([]);
  });

  it('the checks do catch a broken series', () => {
    const scenario = scenarioSchema().parse({
      name: 'inv',
      start: '2000-01',
      end: '2001-12',
      population: { citizens: 1000, represents: 100_000, ngoSampling: 1 },
    });
    const { series } = runReplicate(scenario, 0);
    expect(violations(series, scenario)).toEqual([]);
    series.values.trust[3] = 1.5;
    series.values.funding_grants[5] += 1;
    series.annual.csi_legal[0] = 0.5;
    series.values.dormant_ngos[2] += 1;
    series.values.closures[1] = 0.5 / scenario.population.ngoSampling;
    series.values.budget_gini[0] = Number.NaN;
    const found = violations(series, scenario).join('\n');
    expect(found).toMatch(/monthly trust\[3\] = 1.5: outside \[0, 1\]/);
    expect(found).toMatch(/monthly\[5\]: funding_total .* ≠ sum of sources/);
    expect(found).toMatch(/annual csi_legal\[0\] = 0.5: outside \[1, 7\]/);
    expect(found).toMatch(/monthly\[2\]: registered .* ≠ active \+ dormant/);
    expect(found).toMatch(/monthly closures\[1\] .* not a whole number/);
    expect(found).toMatch(/monthly budget_gini\[0\] = NaN: not finite/);
  });

  it('every metric that may be missing says when in its definition, and only those', () => {
    const documented = metricDefinitions.filter((m) => m.missing !== undefined).map((m) => m.id);
    expect(documented.sort()).toEqual(
      [
        'advocacy_share',
        'advocacy_state_money_share',
        'autonomy_independent',
        'gongo_share',
        'revenue_hhi',
        'state_funding_share',
        'umbrella_membership',
      ].sort(),
    );
  });

  it('with no NGO at all, the shares of NGOs are missing and everything else holds', () => {
    const scenario = scenarioSchema().parse({
      name: 'empty',
      start: '2000-01',
      end: '2001-12',
      population: { citizens: 1000, represents: 100_000, ngoSampling: 1 },
      initial: { ngos: 0 },
      levers: { registration: { rejectionRate: 1 } },
    });
    const { series } = runReplicate(scenario, 0);
    expect(Array.from(series.values.active_ngos).every((v) => v === 0)).toBe(true);
    for (const id of ['revenue_hhi', 'advocacy_share', 'gongo_share', 'autonomy_independent']) {
      expect(Array.from(series.values[id]).every(Number.isNaN)).toBe(true);
    }
    expect(violations(series, scenario)).toEqual([]);
  });

  // zero running costs: reserves count as fully covering them (src/model/measure.ts)
  it('a valid zero overhead still gives finite CSI scores', () => {
    const scenario = scenarioSchema().parse({
      name: 'no-overhead',
      start: '2000-01',
      end: '2000-12',
      population: { citizens: 1000, represents: 100_000, ngoSampling: 1 },
      parameters: { finance: { overhead: 0 } },
    });
    const { series } = runReplicate(scenario, 0);
    expect(violations(series, scenario)).toEqual([]);
  });

  // a zero reference participation: any volunteering scores fully (src/model/indices.ts)
  it('a valid zero reference participation still gives a finite civic space', () => {
    const scenario = scenarioSchema().parse({
      name: 'no-reference',
      start: '2000-01',
      end: '2000-12',
      population: { citizens: 1000, represents: 100_000, ngoSampling: 1 },
      initial: { participation: 0 },
      parameters: { indices: { referenceParticipation: 0 }, participation: { baseRate: 0.001 } },
    });
    const { series } = runReplicate(scenario, 0);
    expect(violations(series, scenario)).toEqual([]);
  });
});
