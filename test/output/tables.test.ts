import { describe, expect, it } from 'vitest';
import { ngoColumns, type NgoRecord } from '../../src/models/civil-society/ngoRecord.ts';
import { csvText } from '../../src/output/csv.ts';
import { tQuantile } from '../../src/stats/studentT.ts';
import { summariseRun } from '../../src/output/summary.ts';
import {
  agentsCsvLines,
  annualCsvLines,
  outputMetricIds,
  seriesCsvLines,
  summaryCsvLines,
} from '../../src/output/tables.ts';
import { metricDefinitions } from '../../src/models/civil-society/metricDefinitions.ts';
import { fakeRun, fakeScenario } from './fakeRun.ts';

const lines = (text: string) => text.trimEnd().split('\n');

describe('outputMetricIds', () => {
  it('is every metric by default, else output.metrics in the order given without duplicates', () => {
    expect(outputMetricIds(fakeScenario(), metricDefinitions)).toEqual(metricDefinitions.map((m) => m.id));
    const chosen = fakeScenario({ output: { metrics: ['trust', 'active_ngos', 'trust'] } });
    expect(outputMetricIds(chosen, metricDefinitions)).toEqual(['trust', 'active_ngos']);
  });
});

/** Position of a metric in the model's list (fakeRun's values depend on it). */
const indexOf = (id: string) => metricDefinitions.findIndex((m) => m.id === id);
const trust = indexOf('trust');

describe('series.csv and annual.csv', () => {
  const run = fakeRun(fakeScenario(), 2, (i, t, r) =>
    i === trust && t === 1 ? Number.NaN : i + t / 4 + r * 10,
  );

  it('is tidy: one row per replicate, date and metric, header first', () => {
    const rows = lines(csvText(seriesCsvLines(run.replicates, ['registered_ngos', 'trust'])));
    expect(rows[0]).toBe('replicate,date,metric,value');
    expect(rows).toHaveLength(1 + 2 * 24 * 2);
    expect(rows.slice(1, 5)).toEqual([
      '0,2000-01,registered_ngos,0',
      `0,2000-01,trust,${trust}`,
      '0,2000-02,registered_ngos,0.25',
      '0,2000-02,trust,', // NaN is an empty cell
    ]);
    expect(rows.at(-1)).toBe(`1,2001-12,trust,${trust + 23 / 4 + 10}`);
  });

  it('writes annual aggregates per year', () => {
    const rows = lines(csvText(annualCsvLines(run.replicates, ['registered_ngos'])));
    expect(rows[0]).toBe('replicate,year,metric,value');
    // sum over t = 0..11 of t/4 = 16.5
    expect(rows.slice(1)).toEqual([
      '0,2000,registered_ngos,16.5',
      '0,2001,registered_ngos,52.5',
      '1,2000,registered_ngos,136.5',
      '1,2001,registered_ngos,172.5',
    ]);
  });

  it('says which metric a replicate lacks', () => {
    expect(() => csvText(seriesCsvLines(run.replicates, ['no_such_metric']))).toThrow(/no_such_metric/);
  });
});

describe('summary.csv', () => {
  it('has the statistics columns, one row per date and metric', () => {
    const run = fakeRun(fakeScenario(), 3);
    const summary = summariseRun(run.replicates, ['registered_ngos'], 'tick');
    const rows = lines(csvText(summaryCsvLines(summary)));
    expect(rows[0]).toBe('date,metric,n,mean,sd,ci95_low,ci95_high,min,max');
    // values 0, 1, 2 at tick 0: mean 1, sd 1, half-width t(0.975, 2) / sqrt(3) with t = qt(0.975, 2)
    const half = tQuantile(0.975, 2) / Math.sqrt(3);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.302652729749464, 6);
    expect(rows[1]).toBe(`2000-01,registered_ngos,3,1,1,${1 - half},${1 + half},0,2`);
    const annual = lines(csvText(summaryCsvLines(summariseRun(run.replicates, ['trust'], 'annual'))));
    expect(annual[0]).toBe('year,metric,n,mean,sd,ci95_low,ci95_high,min,max');
    expect(annual[1].startsWith('2000,trust,3,')).toBe(true);
  });

  it('leaves sd and the interval empty with one replicate', () => {
    const run = fakeRun(fakeScenario(), 1);
    const rows = lines(csvText(summaryCsvLines(summariseRun(run.replicates, ['trust'], 'tick'))));
    expect(rows[1]).toBe(`2000-01,trust,1,${trust},,,,${trust},${trust}`);
  });
});

describe('ngos.csv', () => {
  const ngo: NgoRecord = {
    id: 7,
    type: 'advocacy',
    status: 'dormant',
    founded: '2000-03',
    closed: '2001-05',
    ended: '',
    members: 12,
    staff: 0,
    capacity: 0.25,
    autonomy: 0.9,
    budget: 1500.5,
    reserves: 0,
    revenue_social_order: 0,
    revenue_grants: 100,
    revenue_foreign: 0,
    revenue_donations: 3,
    revenue_fees: 12,
    revenue_corporate: 40,
    umbrella: false,
    council_seat: true,
    refused: false,
  };

  it('has one row per NGO per replicate with every NgoRecord field', () => {
    const run = fakeRun(fakeScenario(), 2);
    run.replicates[1].agents = [ngo as unknown as Record<string, string | number | boolean>];
    const rows = lines(csvText(agentsCsvLines(run.replicates, ngoColumns)));
    expect(rows[0]).toBe(`replicate,${ngoColumns.join(',')}`);
    expect(rows[1]).toBe(
      '1,7,advocacy,dormant,2000-03,2001-05,,12,0,0.25,0.9,1500.5,0,0,100,0,3,12,40,FALSE,TRUE,FALSE',
    );
    expect(rows).toHaveLength(2);
    expect(new Set(ngoColumns)).toEqual(new Set(Object.keys(ngo)));
  });
});
