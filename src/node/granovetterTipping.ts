/**
 * `npm run granovetter:tipping [-- --sizes 50,100,… --out DIR]`: where Granovetter's (1978) crowd tips,
 * by crowd size. For normal thresholds of mean 0.25 clipped to [0, 1], the tipping σ is where the mean
 * final share over seeded crowds crosses 1/2 (src/models/threshold/tipping.ts), with a 95% bootstrap
 * interval over the seeds; beside it the exact expectation for small crowds (no simulation) and the
 * infinite crowd's value. σ is located in two passes: a coarse grid (0.005) finds the transition, a grid
 * of 41 points across it gives the numbers. Writes results/validation/granovetter-tipping.md with the
 * date and command; a few minutes (the 100,000-agent crowds take most of it).
 */
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  continuumTipping,
  crossing,
  exactMeanFinal,
  locateTipping,
  type Tipping,
} from '../models/threshold/tipping.ts';
import { writeFileAtomic } from './atomicWrite.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50,100,200,500,1000,10000,100000' },
    out: { type: 'string', default: 'results/validation' },
  },
});
const sizes = values.sizes.split(',').map(Number);

/** Seeds per crowd size: many for small crowds, whose crossing is noisy, fewer for costly large ones. */
const seedsFor = (n: number) => (n <= 1000 ? 1000 : n <= 10_000 ? 200 : 40);
/** Crowds small enough for the exact expectation (O(N³) per σ). */
const exactUpTo = 500;
const mean = 0.25;

/** `count` σ from lo to hi, rounded to 6 digits. */
const grid = (lo: number, hi: number, count: number) =>
  Array.from({ length: count }, (_, k) => Number((lo + ((hi - lo) * k) / (count - 1)).toFixed(6)));

const f = (x: number, digits = 4) => (Number.isNaN(x) ? '—' : x.toFixed(digits));
const started = Date.now();
const infinite = continuumTipping(mean);
const rows: string[] = [];
for (const agents of sizes) {
  const seeds = seedsFor(agents);
  process.stderr.write(`N = ${agents.toLocaleString('en')}: ${seeds} seeds ...\n`);
  const coarse = locateTipping({ agents, seeds, sds: grid(0.05, 0.25, 41), resamples: 0 });
  if (Number.isNaN(coarse.from) || Number.isNaN(coarse.to)) {
    throw new Error(`the crowd of ${agents} does not pass 10% and 90% between σ 0.05 and 0.25`);
  }
  const sds = grid(Math.max(0.005, coarse.from - 0.005), coarse.to + 0.005, 41);
  const t: Tipping = locateTipping({ agents, seeds, sds, resamples: 1000 });
  const exact =
    agents <= exactUpTo
      ? crossing(
          sds,
          sds.map((sd) => exactMeanFinal(agents, mean, sd)),
        )
      : Number.NaN;
  rows.push(
    `| ${agents.toLocaleString('en')} | ${seeds} | ${f(t.tipping)} | ${f(t.interval[0])}–${f(t.interval[1])}` +
      ` | ${f(t.from)}–${f(t.to)} | ${f(exact)} | ${f(t.tipping - infinite)} | ${f(sds[1] - sds[0], 5)} |`,
  );
}
rows.push(`| ∞ | — | ${f(infinite)} | — | (a jump) | ${f(infinite)} | 0 | — |`);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const text = [
  '# Where Granovetter’s crowd tips, by crowd size',
  '',
  `${new Date().toISOString().slice(0, 10)}, \`npm run granovetter:tipping\` (${minutes} min).`,
  '',
  `Thresholds drawn from N(${mean}, σ) clipped to [0, 1], well mixed, reversible, no instigators; each crowd ` +
    'starts from nobody and runs until it stops changing (src/models/threshold/tipping.ts, the model’s own ' +
    'state and `decide`). Tipping σ: where the mean final share over the seeds crosses 1/2, linear between ' +
    'grid points; replicate r of every σ draws the same normals. 95% CI: percentile bootstrap over the ' +
    'seeds (1,000 resamples). 10%–90%: where the mean final share crosses 0.1 and 0.9. Exact: the same ' +
    'crossing of the expected final share of a random crowd of N, computed level by level without ' +
    `simulation (N ≤ ${exactUpTo}). ∞: the crowd of the expected distribution, r = Φ((r − ${mean})/σ) ` +
    'iterated from 0 — Granovetter’s σ ≈ 0.12.',
  '',
  '| N | seeds | tipping σ | 95% CI | 10%–90% | exact | above ∞ | grid step |',
  '|---:|---:|---:|---|---|---:|---:|---:|',
  ...rows,
  '',
].join('\n');
await mkdir(values.out, { recursive: true });
await writeFileAtomic(`${values.out}/granovetter-tipping.md`, text);
process.stdout.write(text);
