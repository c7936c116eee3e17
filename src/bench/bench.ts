/**
 * `npm run bench`: civsim's performance, measured (never asserted in tests).
 *
 * - baseline: a plain typed-array sweep (read four Float32 columns and a Uint8 one, write three back),
 *   measured in the same process right after each case and over the same number of citizens, so each
 *   throughput is read as a fraction of what the machine does there with simple traffic and no model
 *   logic (the standalone row shows it at 1M);
 * - citizen phase (participation: decisions, network contacts, drifts, tallies) at 10k, 100k and 1M
 *   citizens: citizen-steps per second and peak memory (each size in its own child process, so peak RSS
 *   is that size's alone);
 * - the work per citizen per month against network degree and the number of NGOs (should stay flat);
 * - a whole replicate: Kazakhstan 1991–2025 at 100k citizens (target ≤ 2 s);
 * - a whole country: 18 million citizens, one simulated year (targets ≤ 30 s and ≤ 3 GB);
 * - the platform: the worker pool (10 Kazakhstan replicates on one worker, on two, and as two independent
 *   one-worker processes side by side — the machine's limit the pool should reach within 10%); a warm
 *   replicate in Chromium's Web Worker against Node; the browser bundle's size; `civsim --help` from the
 *   installed bin (dist/, built if missing) against the sources through tsx;
 * - civsim compare: the five archetypes against status quo, 30 replicates each, against its runs alone;
 * - civsim sweep: a 1,000-run sweep at 10k citizens on 1 and 2 workers, and through Redis with 2 queue
 *   workers, its overhead per run; and one ABC-SMC generation of 1,000 particles (civsim calibrate);
 * - the classic models (issue 10; src/bench/classics.ts): the shipped Schelling and Epstein scenarios warm
 *   (ms per run, µs per agent-step) and as whole `civsim run` processes, side by side with Mesa 3.3.1
 *   (run in the same bench when MESA_SRC is set, else its recorded figures) and the speed-ups;
 * - the explorer (issue 11; src/bench/explore.ts): the first chart after the page opens, a whole run
 *   through the page, and the classic models in Chromium's Web Worker against Node.
 *
 * Writes results/bench/bench-<timestamp>.json and .md and prints the table. `--quick` skips the
 * whole-country case, the comparison, the sweeps and the classics; `--platform` runs only the platform
 * rows; `--compare` only the comparison's; `--sweep` only the sweep's; `--classics` only the classic
 * models'; `--explore` only the explorer's and the browser's; `--case NAME` runs one case (used for the
 * child processes).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { civilSociety } from '../models/civil-society/index.ts';
import { createModelState } from '../models/civil-society/model.ts';
import { participation } from '../models/civil-society/rules/participation.ts';
import { census } from '../models/civil-society/rules/census.ts';
import { scenarioSchema, type Scenario } from '../models/civil-society/schema.ts';
import { estimateRunCost, runCostCoefficients } from '../run/cost.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import type { SweepPlan } from '../experiment/sweepPlan.ts';
import { runReplicate as runAnyReplicate } from '../run/replicate.ts';
import type { ClassicFigures } from './classics.ts';
import { timedReplicatesWorker } from './timedReplicatesWorker.ts';

const runReplicate = (scenario: Scenario, replicate: number) =>
  runAnyReplicate(civilSociety, scenario, replicate);

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface CaseResult {
  case: string;
  citizens?: number;
  ngos?: number;
  degree?: number;
  seconds: number;
  citizenSteps?: number;
  stepsPerSecond?: number;
  peakRssMiB: number;
  /** The plain sweep's citizen-steps per second, in the same process, over the same citizens. */
  baselineStepsPerSecond?: number;
  /** What civsim's cost estimate (src/model/cost.ts) predicts for this case, to calibrate it. */
  estimateSeconds?: number;
  estimatePeakMiB?: number;
  note?: string;
  /** Cases that are not citizen-steps: what they measured, in words for the table. */
  figure?: string;
  /** A classic model's case: civsim's and Mesa's figures side by side. */
  classic?: ClassicFigures;
}

/** The estimate for a run of `scenario` as the case runs it. */
function estimateOf(scenario: Scenario, workers: number, charts: boolean, inProcess: boolean) {
  const cost = estimateRunCost({ model: civilSociety, scenario, workers, charts });
  // an in-process case has no worker thread: its peak is the process and one replicate's state
  const peak = inProcess ? cost.peakBytes - runCostCoefficients.workerBytes : cost.peakBytes;
  return { estimateSeconds: cost.seconds, estimatePeakMiB: peak / 2 ** 20 };
}

/** The Kazakhstan scenario as shipped, without `extends`/`$schema` keys, parsed with defaults. */
function kazakhstan(overrides: (s: Record<string, unknown>) => void = () => {}): Scenario {
  const raw = YAML.parse(readFileSync(join(root, 'scenarios', 'kazakhstan.yaml'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete raw.$schema;
  overrides(raw);
  return scenarioSchema().parse(raw);
}

function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
}

/** A typed-array sweep with the citizen pass's memory traffic and trivial arithmetic. */
function baseline(n: number, months: number): CaseResult {
  const a = new Float32Array(n).fill(0.5);
  const b = new Float32Array(n).fill(0.4);
  const c = new Float32Array(n).fill(0.3);
  const d = new Float32Array(n).fill(0.2);
  const flag = new Uint8Array(n);
  for (let i = 0; i < n; i += 5) flag[i] = 1;
  const sweep = () => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const f = flag[i];
      a[i] = a[i] + 0.01 * (f - a[i]);
      b[i] = b[i] + 0.02 * (0.5 - b[i]);
      c[i] = c[i] * 0.999 + d[i] * 0.001;
      sum += a[i] + b[i] + f;
    }
    return sum;
  };
  sweep();
  // best of three timings: the machine's capacity, not its hiccups
  let seconds = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (let m = 0; m < months; m++) sink += sweep();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return {
    case: 'baseline typed-array sweep',
    citizens: n,
    seconds,
    citizenSteps: n * months,
    stepsPerSecond: (n * months) / seconds,
    peakRssMiB: peakRssMiB(),
  };
}

/** The citizen phase alone on a Kazakhstan-like state of n citizens, `months` times. */
function citizenPhase(n: number, months: number, degree = 8, ngos = 0): CaseResult {
  const scenario = kazakhstan((s) => {
    const pop = s.population as Record<string, unknown>;
    pop.citizens = n;
    pop.network = { degree, rewiring: 0.05 };
    if (ngos > 0) {
      pop.ngoSampling = 1;
      (s.initial as Record<string, unknown>).ngos = ngos;
    }
  });
  const state = createModelState(scenario, 0);
  const ctx = { tick: 0, clock: state.calendar, actions: [] };
  census(state, ctx);
  participation(state, ctx); // warm up
  const t0 = performance.now();
  for (let m = 0; m < months; m++) participation(state, ctx);
  const seconds = (performance.now() - t0) / 1000;
  return {
    case: `citizen phase`,
    citizens: n,
    ngos: state.ngos.length,
    degree,
    seconds,
    citizenSteps: n * months,
    stepsPerSecond: (n * months) / seconds,
    peakRssMiB: peakRssMiB(),
  };
}

/** The shipped Kazakhstan scenario at 100k citizens: the first replicate in a fresh process (cold, with
 * JIT compilation) and the mean of the next two (warm, as replicates 2..N of a run). */
function kazakhstanReplicate(warm: boolean): CaseResult {
  const scenario = kazakhstan();
  const times: number[] = [];
  let registered = 0;
  for (let r = 0; r < (warm ? 3 : 1); r++) {
    const t0 = performance.now();
    const result = runReplicate(scenario, r);
    times.push((performance.now() - t0) / 1000);
    const months = result.series.ticks.length;
    registered = Math.round(
      result.series.values.registered_ngos[months - 1] * scenario.population.ngoSampling,
    );
  }
  const seconds = warm ? (times[1] + times[2]) / 2 : times[0];
  const steps = scenario.population.citizens * kazakhstanMonths(scenario);
  const estimate = estimateOf({ ...scenario, replicates: 1 }, 1, false, true);
  return {
    ...estimate,
    case: `Kazakhstan 1991–2025, one replicate (${warm ? 'warm' : 'cold'})`,
    citizens: scenario.population.citizens,
    ngos: registered,
    seconds,
    citizenSteps: steps,
    stepsPerSecond: steps / seconds,
    peakRssMiB: peakRssMiB(),
    note: warm
      ? 'whole model; mean of replicates 2 and 3 in one process'
      : 'whole model; first replicate in a fresh process, JIT compilation included',
  };
}

function kazakhstanMonths(s: Scenario): number {
  const [y0, m0] = String(s.start).split('-').map(Number);
  const [y1, m1] = String(s.end).split('-').map(Number);
  return (y1 - y0) * 12 + ((m1 || 12) - (m0 || 1)) + 1;
}

function wholeCountry(): CaseResult {
  const citizens = 18_000_000;
  const scenario = kazakhstan((s) => {
    s.start = '2024-01';
    s.end = '2024-12';
    s.population = { citizens, represents: citizens, growthRate: 0.01, ngoSampling: 1 };
    s.initial = { ...(s.initial as object), ngos: 23_000, activeShare: 0.7, participation: 0.2, trust: 0.45 };
  });
  const t0 = performance.now();
  const result = runReplicate(scenario, 0);
  const seconds = (performance.now() - t0) / 1000;
  return {
    ...estimateOf({ ...scenario, replicates: 1 }, 1, false, true),
    case: 'whole country, one simulated year',
    citizens,
    ngos: Math.round(result.series.values.registered_ngos[11]),
    seconds,
    citizenSteps: citizens * 12,
    stepsPerSecond: (citizens * 12) / seconds,
    peakRssMiB: peakRssMiB(),
    note: 'includes building the network and the population',
  };
}

/**
 * `civsim run scenarios/kazakhstan.yaml` as a user runs it (10 replicates on 2 workers, charts and
 * report), start to exit, timed by /usr/bin/time for the peak memory of the whole process.
 */
function cliRun(): CaseResult {
  const out = join(root, 'results', 'bench', 'cli-run');
  const args = [
    'src/cli/civsim.js',
    'run',
    'scenarios/kazakhstan.yaml',
    '--out',
    out,
    '--workers',
    '2',
    '-q',
  ];
  const t0 = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`civsim run failed:\n${child.stderr}`);
  rmSync(out, { recursive: true, force: true });
  const peakKiB = Number(child.stderr.trim().split('\n').pop());
  const scenario = kazakhstan();
  const steps = scenario.population.citizens * kazakhstanMonths(scenario) * scenario.replicates;
  return {
    ...estimateOf(scenario, 2, true, false),
    case: 'civsim run kazakhstan.yaml (10 replicates, 2 workers, charts)',
    citizens: scenario.population.citizens,
    seconds,
    citizenSteps: steps,
    stepsPerSecond: steps / seconds,
    peakRssMiB: peakKiB / 1024,
    note: 'the whole command, start to exit',
  };
}

/** `civsim run kazakhstan.yaml` without charts, as a child process; resolves to its wall time. */
function runCli(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      ['src/cli/civsim.js', 'run', 'scenarios/kazakhstan.yaml', '--no-charts', '-q', ...args],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve((performance.now() - t0) / 1000)
        : reject(new Error(`civsim run failed:\n${stderr}`)),
    );
  });
}

/**
 * The worker pool against the machine's limit: 10 replicates on one worker thread, on two, and as two
 * independent processes of 5 replicates each on one worker, side by side (no pool can beat that). The
 * pool's efficiency is the two processes' time over the two-worker run's.
 */
async function pool(): Promise<CaseResult[]> {
  const out = join(root, 'results', 'bench', 'pool');
  const scenario = kazakhstan();
  const steps = scenario.population.citizens * kazakhstanMonths(scenario) * 10;
  const one = await runCli(['-r', '10', '--workers', '1', '--out', out]);
  const two = await runCli(['-r', '10', '--workers', '2', '--out', out]);
  const t0 = performance.now();
  await Promise.all([
    runCli(['-r', '5', '--workers', '1', '--seed', '1', '--out', out]),
    runCli(['-r', '5', '--workers', '1', '--seed', '2', '--out', out]),
  ]);
  const apart = (performance.now() - t0) / 1000;
  rmSync(out, { recursive: true, force: true });
  const row = (name: string, seconds: number, figure: string): CaseResult => ({
    case: name,
    citizens: scenario.population.citizens,
    seconds,
    citizenSteps: steps,
    stepsPerSecond: steps / seconds,
    peakRssMiB: 0,
    figure,
    note: 'civsim run, no charts, start to exit',
  });
  return [
    row('pool: 10 Kazakhstan replicates on 1 worker', one, ''),
    row(
      'pool: the same on 2 workers',
      two,
      `speed-up ${(one / two).toFixed(2)}× over 1 worker (${((100 * one) / 2 / two).toFixed(0)}% of perfect scaling)`,
    ),
    row(
      'pool: 2 independent 1-worker processes × 5 replicates, side by side',
      apart,
      `the 2-worker pool has ${((100 * apart) / two).toFixed(0)}% of their throughput (target ≥ 90%)`,
    ),
  ];
}

/** The worker script for the browser case: n warm replicates of a scenario, each timed. */
const browserWorker = timedReplicatesWorker("import * as civsim from './civsim.js';");

/**
 * The universal bundle in Chromium: its size (minified, and gzipped as a server sends it), and the
 * shipped Kazakhstan replicate in a Web Worker, warm (mean of replicates 2 and 3), against Node's.
 */
async function browser(): Promise<CaseResult[]> {
  // loaded here only, so the per-case child processes' peak memory does not include esbuild and playwright
  const { bundleForBrowser } = await import('../node/bundle.ts');
  const { launchChromium, serveFolder } = await import('../../test/browser/chromium.ts');
  const bundle = await bundleForBrowser();
  const folder = await mkdtemp(join(tmpdir(), 'civsim-bench-'));
  await writeFile(join(folder, 'civsim.js'), bundle.code);
  await writeFile(join(folder, 'worker.js'), browserWorker);
  await writeFile(
    join(folder, 'index.html'),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module">window.bench = (m) => new Promise((done) => { const w = new Worker("./worker.js", { type: "module" }); w.onmessage = (e) => done(e.data); w.postMessage(m); });</script>',
  );
  const server = await serveFolder(folder);
  const chromium = await launchChromium();
  try {
    const page = await chromium.newPage();
    await page.goto(`${server.url}/index.html`);
    const text = readFileSync(join(root, 'scenarios', 'kazakhstan.yaml'), 'utf8');
    const seconds = (await page.evaluate(
      (message) => (globalThis as unknown as { bench(m: unknown): Promise<number[]> }).bench(message),
      { path: 'kazakhstan.yaml', text, runs: 3 },
    )) as number[];
    const inBrowser = (seconds[1] + seconds[2]) / 2;
    await chromium.close();
    // Node's warm replicate in a fresh process of its own, with Chromium gone
    const node = inChild('kazakhstan-warm');
    const scenario = kazakhstan();
    const steps = scenario.population.citizens * kazakhstanMonths(scenario);
    return [
      {
        case: 'browser bundle (esbuild, minified)',
        seconds: 0,
        peakRssMiB: 0,
        figure: `${(bundle.bytes / 1024).toFixed(0)} KiB, ${(gzipSync(bundle.code).length / 1024).toFixed(0)} KiB gzipped`,
      },
      {
        case: 'Kazakhstan replicate in Chromium’s Web Worker (warm)',
        citizens: scenario.population.citizens,
        seconds: inBrowser,
        citizenSteps: steps,
        stepsPerSecond: steps / inBrowser,
        peakRssMiB: 0,
        figure: `${((100 * node.seconds) / inBrowser).toFixed(0)}% of Node’s speed (Node: ${node.seconds.toFixed(2)} s)`,
        note: 'mean of replicates 2 and 3 in one worker',
      },
    ];
  } finally {
    await chromium.close().catch(() => undefined);
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/** The best of ten `civsim --help` from the installed bin (dist/) and from the sources through tsx. */
function startup(): CaseResult[] {
  if (!existsSync(join(root, 'dist', 'cli', 'civsim.js'))) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stderr}`);
  }
  const best = (bin: string) => {
    let seconds = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const child = spawnSync(process.execPath, [bin, '--help'], { cwd: root, encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${bin} --help failed:\n${child.stderr}`);
      seconds = Math.min(seconds, (performance.now() - t0) / 1000);
    }
    return seconds;
  };
  return [
    {
      case: 'civsim --help, installed bin (dist/)',
      seconds: best('dist/cli/civsim.js'),
      peakRssMiB: 0,
      figure: 'best of 10',
    },
    {
      case: 'civsim --help, sources through tsx',
      seconds: best('src/cli/civsim.js'),
      peakRssMiB: 0,
      figure: 'best of 10',
    },
  ];
}

/** The archetypes a comparison is benched on: status quo first (the baseline), then the five others. */
const archetypes = [
  'status-quo',
  'co-optation',
  'consultation-only',
  'laissez-faire',
  'merit-partnership',
  'restrictive',
];

/**
 * `civsim compare`'s cost over its runs: the five archetypes against status quo, 30 replicates each at
 * 100k citizens to 2050, on the default worker pool. First the runs alone (the very pool calls compare
 * makes, same stream family), then the whole comparison in the same process (runs, statistics, charts,
 * report.html with Vega inlined, report.md, the PDF). Target: the comparison ≤ its runs alone + 5 s. The
 * comparison's own split (runs, then everything after) is reported too, since two long runs on this
 * machine differ by more than 5 s from noise alone.
 */
async function comparison(): Promise<CaseResult[]> {
  const { applyOverrides } = await import('../index.ts');
  const { compareToFolder, loadScenario, runReplicatesOnWorkers } = await import('../node/index.ts');
  const loaded: ScenarioBase[] = [];
  for (const name of archetypes)
    loaded.push((await loadScenario(join(root, 'scenarios', `${name}.yaml`))).scenario);
  // one seed for all, as civsim compare does: replicates are paired
  const scenarios = loaded.map((s) => applyOverrides(s, { replicates: 30, seed: loaded[0].seed }));
  const citizens = (scenarios[0] as Scenario).population.citizens;
  const out = await mkdtemp(join(tmpdir(), 'civsim-bench-compare-'));
  try {
    const t0 = performance.now();
    for (const scenario of scenarios) {
      await runReplicatesOnWorkers(scenario, { family: scenarios[0].name });
    }
    const alone = (performance.now() - t0) / 1000;
    const finished = await compareToFolder(scenarios, { out, id: 'bench' });
    const after = finished.wallSeconds - finished.runSeconds;
    const note = `6 scenarios × 30 replicates, ${citizens.toLocaleString('en')} citizens, to 2050; default workers`;
    return [
      {
        case: 'compare: the runs alone (6 × 30 replicates on the pool)',
        citizens,
        seconds: alone,
        peakRssMiB: 0,
        note,
      },
      {
        case: 'compare: the whole comparison (runs, statistics, charts, reports, PDF)',
        citizens,
        seconds: finished.wallSeconds,
        peakRssMiB: 0,
        figure: `${(finished.wallSeconds - alone).toFixed(1)} s over the runs alone; its own runs ${finished.runSeconds.toFixed(1)} s, then ${after.toFixed(1)} s for statistics, charts and reports${finished.pdfProblem ? ` (${finished.pdfProblem})` : ' incl. the PDF'} (target ≤ 5 s)`,
        note,
      },
    ];
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/**
 * `civsim sweep`'s throughput: a 1,000-run sweep (a 100-level grid over repression × 10 replicates) of
 * Kazakhstan at 10k citizens, on 1 and on 2 workers, start to finished tables (no charts); and the
 * overhead per run against the same replicates run in this process one after another.
 */
async function sweeps(): Promise<CaseResult[]> {
  const { applyOverrides } = await import('../index.ts');
  const { loadScenario, sweepToFolder, writeSweepResults } = await import('../node/index.ts');
  const { softwareFacts } = await import('../node/environment.ts');
  const { parseParameter } = await import('../experiment/parameter.ts');
  const { resolveParameters } = await import('../experiment/resolveParameters.ts');
  const { buildDesign } = await import('../experiment/design.ts');
  const { planSweep, runCount } = await import('../experiment/sweepPlan.ts');
  const { applyPoint } = await import('../experiment/resolveParameters.ts');
  const loaded = (await loadScenario(join(root, 'scenarios', 'kazakhstan.yaml'))).scenario;
  const scenario = applyOverrides(loaded, { scale: 0.1, replicates: 10 });
  const parameters = resolveParameters(
    [parseParameter('levers.repression.level=0:0.8')],
    scenario,
    civilSociety,
  );
  const designOptions = { kind: 'grid' as const, levels: 100, seed: scenario.seed };
  const plan = planSweep(
    {
      scenario,
      parameters,
      designOptions,
      design: buildDesign(parameters, designOptions),
      replicates: 10,
      independentSeeds: false,
      metrics: ['active_per_10k', 'trust', 'volunteering_rate'],
    },
    // the real version: queue workers rebuild the plan with theirs and refuse any other
    (await softwareFacts()).civsimVersion,
  );
  const runs = runCount(plan);
  const periods = Array.from({ length: 35 }, (_, i) => String(1991 + i));
  const out = await mkdtemp(join(tmpdir(), 'civsim-bench-sweep-'));
  const citizens = (scenario as Scenario).population.citizens;
  try {
    const timed = async (workers: number) => {
      const t0 = performance.now();
      await sweepToFolder(plan, {
        out,
        id: `w${workers}`,
        workers,
        facts: { periods, civsimVersion: 'bench' },
        finish: (folder, records) =>
          writeSweepResults(folder, plan, records, {
            periods,
            charts: false,
            civsimVersion: 'bench',
            gitCommit: null,
            commandLine: 'bench',
            resamples: 0,
          }).then(() => undefined),
      });
      return (performance.now() - t0) / 1000;
    };
    const one = await timed(1);
    const two = await timed(2);
    // two queue workers (separate processes, one thread each) through a local Redis
    const queued = await queueTimed(plan, out, periods);
    // the same work without the sweep: 20 of its runs in this process, warm
    const sample = 20;
    const point = applyPoint(scenario, civilSociety, parameters, plan.design.values[50]).scenario as Scenario;
    runReplicate(point, 0);
    const t0 = performance.now();
    for (let r = 0; r < sample; r++) runReplicate(point, r % 10);
    const perRun = (performance.now() - t0) / 1000 / sample;
    const row = (name: string, seconds: number, figure: string): CaseResult => ({
      case: name,
      citizens,
      seconds,
      peakRssMiB: 0,
      figure,
      note: '1,000 runs, 10k citizens, 1991–2025',
    });
    return [
      row(
        'sweep: 1,000 runs on 1 worker',
        one,
        `${(runs / one).toFixed(1)} runs/s; overhead ${((one / runs - perRun) * 1000).toFixed(0)} ms per run over a warm in-process replicate (${(perRun * 1000).toFixed(0)} ms)`,
      ),
      row(
        'sweep: the same on 2 workers',
        two,
        `${(runs / two).toFixed(1)} runs/s (${(one / two).toFixed(2)}× one worker)`,
      ),
      row(
        'sweep: the same through Redis, 2 queue workers',
        queued,
        `${(runs / queued).toFixed(1)} runs/s (${(two / queued).toFixed(2)}× 2 local workers); each run a BullMQ job, its record back through Redis`,
      ),
      await abcGeneration(scenario as Scenario, citizens, out),
    ];
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** A redis-server of its own on 127.0.0.1 at a free port, in memory only. */
async function startRedis(): Promise<{ url: string; stop(): void }> {
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let log = '';
    child.on('error', reject);
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('Ready to accept connections')) resolve();
    });
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** The sweep's seconds through a Redis queue with two `civsim worker` processes of one thread each. */
async function queueTimed(plan: SweepPlan, out: string, periods: string[]) {
  const { sweepToFolder } = await import('../node/index.ts');
  const { softwareFacts } = await import('../node/environment.ts');
  const version = (await softwareFacts()).civsimVersion;
  const redis = await startRedis();
  const workers = [1, 2].map(() =>
    spawn(
      process.execPath,
      [join(root, 'src/cli/civsim.js'), 'worker', '--queue', redis.url, '-w', '1', '-q'],
      {
        stdio: 'ignore',
      },
    ),
  );
  try {
    const t0 = performance.now();
    await sweepToFolder(plan, {
      out,
      id: 'queued',
      queue: { url: redis.url },
      facts: { periods, civsimVersion: version },
    });
    return (performance.now() - t0) / 1000;
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    redis.stop();
  }
}

/** One ABC-SMC generation of 1,000 particles (Kazakhstan at 10k citizens, its targets), on 2 workers. */
async function abcGeneration(scenario: Scenario, citizens: number, out: string): Promise<CaseResult> {
  const { calibrateToFolder, readTargets } = await import('../node/index.ts');
  const { outputMetricIds } = await import('../output/tables.ts');
  const { parseParameter } = await import('../experiment/parameter.ts');
  const periods = Array.from({ length: 35 }, (_, i) => String(1991 + i));
  const targets = await readTargets(join(root, 'scenarios/calibration/kazakhstan-targets.csv'), {
    periods,
    metrics: outputMetricIds(scenario, civilSociety.metrics),
  });
  const one = applyOverridesOf(scenario);
  const t0 = performance.now();
  await calibrateToFolder(
    {
      scenario: one,
      scenarioFile: join(root, 'scenarios/kazakhstan.yaml'),
      parameters: [
        parseParameter('parameters.founding.baseRate=0.1:2:log'),
        parseParameter('parameters.mortality.baseHazard=0.02:0.3:log'),
        parseParameter('parameters.participation.baseRate=0.1:0.4'),
      ],
      targets,
      targetsFile: 'kazakhstan-targets.csv',
      heldOut: [],
      settings: { particles: 1000, alpha: 0.5, minAcceptance: 0.05, maxGenerations: 1, seed: 1 },
      replicates: 1,
      periods,
    },
    {
      out,
      id: 'abc',
      workers: 2,
      charts: false,
      facts: { civsimVersion: 'bench', gitCommit: null, commandLine: 'bench' },
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  return {
    case: 'calibrate: one ABC-SMC generation of 1,000 particles on 2 workers',
    citizens,
    seconds,
    peakRssMiB: 0,
    figure: `${(1000 / seconds).toFixed(1)} particles/s, posterior tables and report included`,
    note: '1 replicate per particle, 3 parameters, 7 targets, 1991–2025',
  };
}

/** The scenario with one replicate (a particle's run). */
function applyOverridesOf(scenario: Scenario): Scenario {
  return { ...scenario, replicates: 1 };
}

/** The classic models' table, printed after the main one (set by classicModels). */
let classicsText = '';

/** The classic models against Mesa (src/bench/classics.ts). */
async function classicModels(): Promise<CaseResult[]> {
  const { classics, classicsTable } = await import('./classics.ts');
  const { rows, source, bin } = await classics();
  classicsText = classicsTable(rows, source, bin);
  return rows;
}

/** Cases that give several rows and run in this process (their own children do the work). */
const platformCases: Record<string, () => CaseResult[] | Promise<CaseResult[]>> = {
  pool,
  browser,
  startup,
  explore: async () => (await import('./explore.ts')).exploreBench(),
};

const cases: Record<string, () => CaseResult> = {
  baseline: () => baseline(1_000_000, 60),
  'citizens-10k': () => citizenPhase(10_000, 240),
  'citizens-100k': () => citizenPhase(100_000, 120),
  'citizens-1m': () => citizenPhase(1_000_000, 24),
  'degree-4': () => citizenPhase(100_000, 120, 4),
  'degree-32': () => citizenPhase(100_000, 120, 32),
  'ngos-500': () => citizenPhase(100_000, 120, 8, 500),
  'ngos-20000': () => citizenPhase(100_000, 120, 8, 20_000),
  'kazakhstan-cold': () => kazakhstanReplicate(false),
  'kazakhstan-warm': () => kazakhstanReplicate(true),
  country: wholeCountry,
  'cli-run': cliRun,
};

/** Runs one case in a fresh process so its peak memory is its own. */
function inChild(name: string): CaseResult {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--case', name],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) throw new Error(`bench case ${name} failed:\n${child.stderr}`);
  const last = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as CaseResult;
}

function fmt(x: number | undefined, digits = 1): string {
  if (x === undefined) return '';
  if (x >= 1e6) return `${(x / 1e6).toFixed(digits)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(digits)} k`;
  return x.toFixed(digits);
}

function share(r: CaseResult): string {
  if (!r.stepsPerSecond || !r.baselineStepsPerSecond) return '';
  return `${((100 * r.stepsPerSecond) / r.baselineStepsPerSecond).toFixed(1)}%`;
}

async function main(argv: string[]): Promise<void> {
  const only = argv.indexOf('--case');
  if (only >= 0) {
    const name = argv[only + 1];
    const run = cases[name];
    if (!run) throw new Error(`unknown case ${name}; cases: ${Object.keys(cases).join(', ')}`);
    const result = run();
    // the baseline in this same process, after the case (its peak memory is already recorded)
    if (name === 'baseline') result.baselineStepsPerSecond = result.stepsPerSecond;
    else if (result.citizens) {
      const n = Math.min(result.citizens, 1_000_000);
      result.baselineStepsPerSecond = baseline(n, Math.max(10, Math.round(60_000_000 / n))).stepsPerSecond;
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const quick = argv.includes('--quick');
  // --platform: only the pool, browser and start-up rows
  const platformOnly = argv.includes('--platform');
  // --compare: only the comparison rows (about twice 6 × 30 replicates: ten minutes or more);
  // --sweep: only the sweep rows
  const compareOnly = argv.includes('--compare');
  const sweepOnly = argv.includes('--sweep');
  // --classics: only the classic models against Mesa
  const classicsOnly = argv.includes('--classics');
  // --explore: only the explorer and the browser rows
  const exploreOnly = argv.includes('--explore');
  const names =
    platformOnly || compareOnly || sweepOnly || classicsOnly || exploreOnly
      ? []
      : Object.keys(cases).filter((n) => !(quick && n === 'country'));
  const results: CaseResult[] = [];
  for (const name of names) {
    process.stderr.write(`bench: ${name} ...\n`);
    results.push(inChild(name));
  }
  const groups = exploreOnly
    ? { browser, explore: platformCases.explore }
    : compareOnly
      ? { comparison }
      : sweepOnly
        ? { sweeps }
        : classicsOnly
          ? { classics: classicModels }
          : quick
            ? platformCases
            : { ...platformCases, comparison, sweeps, classics: classicModels };
  for (const [name, run] of Object.entries(groups)) {
    process.stderr.write(`bench: ${name} ...\n`);
    results.push(...(await run()));
  }
  const lines = [
    `| case | citizens | NGOs | degree | time (s) | citizen-steps/s | share of baseline | peak RSS (MiB) | estimate: time (s), peak (MiB) | figure |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|---|`,
    ...results.map(
      (r) =>
        `| ${r.case} | ${fmt(r.citizens, 0)} | ${r.ngos ?? ''} | ${r.degree ?? ''} | ${r.seconds ? r.seconds.toFixed(2) : ''} | ${fmt(
          r.stepsPerSecond,
        )} | ${share(r)} | ${r.peakRssMiB ? r.peakRssMiB.toFixed(0) : ''} | ${
          r.estimateSeconds === undefined
            ? ''
            : `${r.estimateSeconds.toFixed(2)}, ${r.estimatePeakMiB!.toFixed(0)}`
        } | ${r.figure ?? ''} |`,
    ),
  ];
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const text = [
    `civsim bench, ${new Date().toISOString()} — ${machine}`,
    '',
    ...lines,
    ...(classicsText ? ['', 'Classic models against Mesa 3.3.1 (issue 10):', '', classicsText] : []),
  ].join('\n');
  process.stdout.write(`${text}\n`);
  const dir = join(root, 'results', 'bench');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(dir, `bench-${stamp}.json`), `${JSON.stringify({ machine, results }, null, 2)}\n`);
  writeFileSync(join(dir, `bench-${stamp}.md`), `${text}\n`);
}

await main(process.argv.slice(2));
