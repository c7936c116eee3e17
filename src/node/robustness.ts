/**
 * `npm run robustness [-- --citizens N --replicates R --only a.b,c.d]`: one-at-a-time ±20% on every [A]
 * parameter of the civil-society model over the Kazakhstan scenario (src/models/civil-society/
 * robustness.ts), written to results/validation/robustness.csv and robustness.md with the date and the
 * command. Long (about an hour at the defaults): it runs outside CI, which runs a smoke of the same code.
 */
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from './atomicWrite.ts';
import { loadScenario } from './index.ts';
import { applyOverrides } from '../run/runScenario.ts';
import { HEADLINES, KNIFE_EDGE, robustness, type RobustnessRow } from '../models/civil-society/robustness.ts';
import type { Scenario } from '../models/civil-society/schema.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'scenarios/kazakhstan.yaml' },
    citizens: { type: 'string', default: '20000' },
    replicates: { type: 'string', default: '3' },
    only: { type: 'string' },
    out: { type: 'string', default: 'results/validation' },
  },
});
const citizens = Number(values.citizens);
const replicates = Number(values.replicates);
const loaded = await loadScenario(values.scenario!);
const scenario = applyOverrides(loaded.scenario as Scenario, {
  scale: citizens / (loaded.scenario as Scenario).population.citizens,
});
const started = Date.now();
const { baseline, rows } = robustness(scenario, {
  replicates,
  only: values.only?.split(','),
  onParameter: (k, n, path) => {
    const s = (Date.now() - started) / 1000;
    const eta = k > 0 ? ` (about ${Math.round(((n - k) * s) / k / 60)} min left)` : '';
    process.stderr.write(`${k + 1}/${n} ${path}${eta}\n`);
  },
});

const pct = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%` : String(x));
const csv = [
  [
    'parameter',
    'default',
    'low',
    'high',
    ...HEADLINES.flatMap((h) => [`${h}_low`, `${h}_high`]),
    'largest',
    'tipping',
  ].join(','),
  ...rows.map((r) =>
    [
      r.parameter,
      r.value,
      r.low,
      r.high,
      ...HEADLINES.flatMap((h) => r.changes[h]),
      r.largest,
      r.tipping,
    ].join(','),
  ),
].join('\n');
const worst = [...rows].sort((a, b) => b.largest - a.largest);
const knifeEdges = rows.filter((r) => r.largest > KNIFE_EDGE && !r.tipping);
const line = (r: RobustnessRow) =>
  `| \`${r.parameter}\` | ${r.value} | ${HEADLINES.map((h) => `${pct(r.changes[h][0])} / ${pct(r.changes[h][1])}`).join(' | ')} |`;
const command = `npm run robustness -- --scenario ${values.scenario} --citizens ${citizens} --replicates ${replicates}${values.only ? ` --only ${values.only}` : ''}`;
const md = [
  '# Robustness: one-at-a-time ±20% on every [A] parameter',
  '',
  `Run ${new Date().toISOString().slice(0, 10)} with \`${command}\` (${((Date.now() - started) / 60000).toFixed(0)} min).`,
  `${rows.length} parameters tagged [A]; ${replicates} replicates each at ${citizens.toLocaleString('en')} simulated citizens,`,
  'the same seeds as the baseline (common random numbers). Headlines are values of the last year.',
  '',
  `Baseline: ${HEADLINES.map((h) => `${h} ${Number(baseline[h].toPrecision(4))}`).join(', ')}.`,
  '',
  `**Knife-edges** (a headline moves by more than ${100 * KNIFE_EDGE}% and the literature does not call the parameter a tipping parameter): ${knifeEdges.length === 0 ? 'none' : knifeEdges.map((r) => `\`${r.parameter}\``).join(', ')}.`,
  '',
  'The twenty parameters with the largest effect (change at −20% / +20%):',
  '',
  `| parameter | default | ${HEADLINES.join(' | ')} |`,
  `|---|---|${HEADLINES.map(() => '---').join('|')}|`,
  ...worst.slice(0, 20).map(line),
  '',
  'Every parameter: robustness.csv in this folder.',
  '',
].join('\n');
await mkdir(values.out!, { recursive: true });
await writeFileAtomic(`${values.out}/robustness.csv`, `${csv}\n`);
await writeFileAtomic(`${values.out}/robustness.md`, md);
process.stderr.write(
  `wrote ${values.out}/robustness.md and robustness.csv; knife-edges: ${knifeEdges.length}\n`,
);
