/**
 * `npm run judge:civic-space`: the model's civic-space index for each country scenario against V-Dem's
 * core civil society index (v2xcs_ccsi, expert-coded; never used to set any input), year by year: the
 * rank correlation over the years both cover, and the levels. Writes results/validation/civic-space-
 * vs-vdem.md with the date and command. Outside CI (minutes); the model is judged, not fitted, here.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import { writeFileAtomic } from './atomicWrite.ts';
import { loadScenario } from './index.ts';
import { applyOverrides } from '../run/runScenario.ts';
import { runReplicate } from '../run/replicate.ts';
import { civilSociety } from '../models/civil-society/index.ts';
import type { Scenario } from '../models/civil-society/schema.ts';

const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '20000' },
    replicates: { type: 'string', default: '5' },
    out: { type: 'string', default: 'results/validation' },
  },
});
const citizens = Number(values.citizens);
const replicates = Number(values.replicates);
const countries: [string, string][] = [
  ['kazakhstan', 'scenarios/data/kazakhstan/vdem_civil_society.csv'],
  ['kyrgyzstan', 'scenarios/data/kyrgyzstan/context.csv'],
  ['uzbekistan', 'scenarios/data/uzbekistan/context.csv'],
  ['belarus', 'scenarios/data/belarus/context.csv'],
  ['russia', 'scenarios/data/russia/context.csv'],
];

/** V-Dem's v2xcs_ccsi by year from a csv whose first columns are country, year, indicator, value. */
async function vdem(path: string): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const line of (await readFile(path, 'utf8')).split('\n').slice(1)) {
    const [, year, indicator, value] = line.split(',');
    if (indicator === 'v2xcs_ccsi') out.set(Number(year), Number(value));
  }
  return out;
}

const rows: string[] = [];
const detail: string[] = [];
for (const [name, csv] of countries) {
  process.stderr.write(`${name}…\n`);
  const loaded = await loadScenario(`scenarios/${name}.yaml`);
  const scenario = loaded.scenario as Scenario;
  const scaled = applyOverrides(scenario, { scale: citizens / scenario.population.citizens });
  const startYear = Number(String(scaled.start).slice(0, 4));
  const sum = new Map<number, number>();
  for (let r = 0; r < replicates; r++) {
    const annual = runReplicate(civilSociety, scaled, r).series.annual.civic_space;
    annual.forEach((v, y) => sum.set(startYear + y, (sum.get(startYear + y) ?? 0) + v / replicates));
  }
  const expert = await vdem(csv);
  const years = [...sum.keys()].filter((y) => expert.has(y));
  const model = years.map((y) => sum.get(y)!);
  const coded = years.map((y) => expert.get(y)!);
  const rho = sampleRankCorrelation(model, coded);
  const r = sampleCorrelation(model, coded);
  const meanAbs = years.reduce((s, _, k) => s + Math.abs(model[k] - coded[k]), 0) / years.length;
  rows.push(
    `| ${name} | ${years[0]}–${years[years.length - 1]} | ${rho.toFixed(2)} | ${r.toFixed(2)} | ${meanAbs.toFixed(2)} |`,
  );
  detail.push(
    `**${name}** (model / V-Dem): ` +
      years
        .filter((y) => y % 4 === 3 || y === years[years.length - 1])
        .map((y) => `${y} ${sum.get(y)!.toFixed(2)} / ${expert.get(y)!.toFixed(2)}`)
        .join(', '),
  );
}
const command = `npm run judge:civic-space -- --citizens ${citizens} --replicates ${replicates}`;
const md = [
  '# Civic space: model against V-Dem (judged, not fitted)',
  '',
  `Run ${new Date().toISOString().slice(0, 10)} with \`${command}\`: each country scenario at ${citizens.toLocaleString('en')}`,
  `simulated citizens, the mean of ${replicates} replicates of the annual civic-space index (0–1), against`,
  "V-Dem v14's core civil society index v2xcs_ccsi for the same years. No parameter was set from V-Dem.",
  '',
  '| country | years | rank correlation (Spearman) | Pearson r | mean absolute gap |',
  '|---|---|---|---|---|',
  ...rows,
  '',
  ...detail.flatMap((d) => [d, '']),
].join('\n');
await mkdir(values.out!, { recursive: true });
await writeFileAtomic(`${values.out}/civic-space-vs-vdem.md`, md);
process.stdout.write(md);
