/**
 * `npm run judge:calibration`: the Kazakhstan calibration judged where it was not fitted. Each country
 * scenario (Kazakhstan and its four neighbours) is run with its own parameters and again with the
 * calibrated parameters of scenarios/kazakhstan-calibrated.yaml, and the registered-NGO counts set beside
 * the counts in scenarios/data/<country>/judging_counts.csv (and, for Kazakhstan, the held-out counts
 * of 2014–2023) that no input was taken from. Writes results/validation/calibration-judged.md with the
 * date and command; outside CI (minutes).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { civilSociety } from '../models/civil-society/index.ts';
import type { Scenario } from '../models/civil-society/schema.ts';
import { runReplicate } from '../run/replicate.ts';
import { applyOverrides } from '../run/runScenario.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { loadScenario } from './index.ts';

const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '20000' },
    replicates: { type: 'string', default: '5' },
    calibrated: { type: 'string', default: 'scenarios/kazakhstan-calibrated.yaml' },
    out: { type: 'string', default: 'results/validation' },
  },
});
const citizens = Number(values.citizens);
const replicates = Number(values.replicates);

/** Registered-count observations per country: year, count, what and where (rows of the data files). */
const observed: Record<string, [number, number, string][]> = {
  kazakhstan: [
    [2014, 27000, '>27,000 registered (lower bound; gov.kz via policy_timeline.csv)'],
    [2017, 19680, '19,680 registered, Nov 2017, after the NGO Database clean-up (policy_timeline.csv)'],
    [2020, 22000, '22,000 registered, Sep 2020 (16news.kz, via state_funding.csv)'],
    [2023, 23335, '23,335 registered (ICNL 2024)'],
  ],
  kyrgyzstan: [
    [2015, 17000, 'public associations on record, Nov 2015 (judging_counts.csv)'],
    [2019, 17391, 'registered CSOs, Mar 2019 (judging_counts.csv)'],
    [2023, 18500, 'registered NPOs, May 2023 (judging_counts.csv)'],
  ],
  uzbekistan: [
    [2009, 5103, 'registered NGOs, Ministry of Justice (judging_counts.csv)'],
    [2020, 10000, 'registered NGOs, MoJ, lower bound (judging_counts.csv)'],
  ],
  belarus: [
    [2004, 2214, 'registered public associations, 1 Jan 2004 (judging_counts.csv)'],
    [2015, 2596, 'registered public associations, 1 Jan 2015 (judging_counts.csv)'],
    [2023, 2330, 'registered NCOs of three forms, end 2023 (judging_counts.csv)'],
  ],
  russia: [
    [2015, 223501, 'registered NCOs, MoJ, end 2015 (judging_counts.csv)'],
    [2023, 210000, 'registered NCOs, MoJ, Mar 2023 (judging_counts.csv)'],
  ],
};

/** Deep merge of plain objects (the calibrated file's parameters over a scenario's). */
function merge(base: unknown, over: unknown): unknown {
  if (!over || typeof over !== 'object' || Array.isArray(over)) return over;
  const out: Record<string, unknown> = { ...((base as Record<string, unknown>) ?? {}) };
  for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v);
  return out;
}

const calibratedParameters = (parse(await readFile(values.calibrated, 'utf8')) as { parameters: object })
  .parameters;

function registered(scenario: Scenario): Map<number, number> {
  const scaled = applyOverrides(scenario, { scale: citizens / scenario.population.citizens });
  const startYear = Number(String(scaled.start).slice(0, 4));
  const sum = new Map<number, number>();
  for (let r = 0; r < replicates; r++) {
    const annual = runReplicate(civilSociety, scaled, r).series.annual.registered_ngos;
    annual.forEach((v, y) => sum.set(startYear + y, (sum.get(startYear + y) ?? 0) + v / replicates));
  }
  return sum;
}

const rows: string[] = [];
const errors = { default: [] as number[], calibrated: [] as number[] };
for (const [country, points] of Object.entries(observed)) {
  process.stderr.write(`${country}…\n`);
  const scenario = (await loadScenario(`scenarios/${country}.yaml`)).scenario as Scenario;
  const withCalibration = {
    ...scenario,
    parameters: merge(scenario.parameters, calibratedParameters),
  } as Scenario;
  const byDefault = registered(scenario);
  const byCalibration = registered(withCalibration);
  for (const [year, count, what] of points) {
    const d = byDefault.get(year)!;
    const c = byCalibration.get(year)!;
    errors.default.push(Math.abs(Math.log(d / count)));
    errors.calibrated.push(Math.abs(Math.log(c / count)));
    const fmt = (x: number) => Math.round(x).toLocaleString('en');
    rows.push(
      `| ${country} | ${year} | ${fmt(count)} | ${fmt(d)} (${(d / count).toFixed(2)}×) | ${fmt(c)} (${(c / count).toFixed(2)}×) | ${what} |`,
    );
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const factor = (xs: number[]) => Math.exp(mean(xs)).toFixed(2);
const text = [
  '# The Kazakhstan calibration judged where it was not fitted',
  '',
  `${new Date().toISOString().slice(0, 10)}, \`npm run judge:calibration\` (${citizens.toLocaleString('en')} simulated citizens, ${replicates} replicates; parameters of ${values.calibrated}).`,
  '',
  'Registered NGOs: observed, simulated with each scenario’s own parameters, and with the parameters calibrated on Kazakhstan’s counts up to 2004 and volunteering in 2008–10. None of these observations was used to set an input or fit a parameter.',
  '',
  '| country | year | observed | own parameters | calibrated parameters | observation |',
  '|---|---:|---:|---:|---:|---|',
  ...rows,
  '',
  `Typical miss (geometric mean of simulated/observed or its inverse): own parameters ${factor(errors.default)}×, calibrated ${factor(errors.calibrated)}×.`,
  '',
].join('\n');
await mkdir(values.out, { recursive: true });
await writeFileAtomic(`${values.out}/calibration-judged.md`, text);
process.stdout.write(text);
