/**
 * `npm run bench -- --classics`: the classic models (issue 10) against Mesa 3.3.1, side by side.
 *
 * - warm, in this process: the shipped scenario (scenarios/classics/) run for as many steps as Mesa's
 *   timing ran; per replicate the best of three runs, the median over ten replicates. Wall time per run
 *   (set-up, steps, series) and microseconds per agent-step (the steps alone, every metric measured each
 *   step, as Mesa's DataCollector does where the example has one);
 * - whole process: `civsim run <scenario> -r 1 --no-charts` (one replicate, as Mesa's one seed; tables
 *   and index.html written) start to exit, median of three, from the installed bin (dist/, built afresh
 *   when the sources are newer; the sources through tsx if the build fails); and once as shipped (every
 *   replicate, charts).
 *
 * Mesa's figures: measured in the same run when MESA_SRC points at a Mesa 3.3.1 source tree and a Python
 * with numpy and pandas is found (MESA_PYTHON, else /usr/bin/python3, else python3), by our driver
 * src/bench/time_mesa.py (the same protocol: best of three per seed, median over seeds; ABMFC's Schelling
 * from ABMFC_MESA_DIR); otherwise the figures recorded on this machine in
 * test/fixtures/mesa-reference/timings.json (the best of its two passes), and the output says which.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioBase } from '../scenario/envelope.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A classic model's case: a shipped scenario and the Mesa run it is set against. */
interface ClassicCase {
  /** scenarios/classics/<name>.yaml */
  name: string;
  /**
   * Mesa's run of the same set-up (run_mesa.py's model and preset), for as many steps as civsim's warm
   * run takes; `collect`: Mesa's DataCollector on (civsim measures every step; ABMFC's model has none).
   */
  mesa: { model: 'mesa_schelling' | 'abmfc' | 'epstein'; preset: string; steps: number; collect: boolean };
  /** Agents in a replicate's state, as Mesa counts them (len(model.agents)). */
  agents(state: unknown): number;
  /** The targets for this case. */
  targets: { warmSpeedUp: number; processSpeedUp?: number; warmMsPerRun?: number };
}

const households = (state: unknown) => (state as { type: Uint8Array }).type.length;

/** A Schelling preset against Mesa's run of 20 steps (its DataCollector on where the example has one). */
const schelling = (
  name: string,
  model: 'mesa_schelling' | 'abmfc',
  preset: string,
  targets: ClassicCase['targets'] = { warmSpeedUp: 100 },
): ClassicCase => ({
  name,
  mesa: { model, preset, steps: 20, collect: model === 'mesa_schelling' },
  agents: households,
  targets,
});

export const classicCases: ClassicCase[] = [
  schelling('schelling-mesa-defaults', 'mesa_schelling', 'default'),
  schelling('schelling-mesa-small', 'mesa_schelling', 'small'),
  schelling('schelling-mesa-large', 'mesa_schelling', 'large'),
  schelling('schelling-abmfc-small', 'abmfc', 'small'),
  schelling('schelling-abmfc-large', 'abmfc', 'large', {
    warmSpeedUp: 100,
    processSpeedUp: 10,
    warmMsPerRun: 50,
  }),
  // Epstein's civil violence with Mesa's defaults (40 × 40 torus, 100 steps). Agents: citizens and cops.
  {
    name: 'epstein-mesa-defaults',
    mesa: { model: 'epstein', preset: 'default', steps: 100, collect: true },
    agents: (state) => (state as { isCop: Uint8Array }).isCop.length,
    targets: { warmSpeedUp: 100, processSpeedUp: 10 },
  },
];

/** One side's warm figures: per run (set-up and steps) and per agent-step (the steps alone). */
interface Warm {
  msPerRun: number;
  usPerAgentStep: number;
  agents: number;
}

/** What the section measured for one case. */
export interface ClassicFigures {
  scenario: string;
  steps: number;
  civsim: Warm;
  mesa: Warm;
  /** Seconds, start to exit: civsim run -r 1 --no-charts, Mesa's one-seed process; civsim as shipped. */
  civsimProcess: number;
  mesaProcess: number;
  civsimAsShipped: number;
  targets: ClassicCase['targets'];
}

/** A row for the bench's main table (bench.ts: CaseResult) with the figures behind it. */
export interface ClassicRow {
  case: string;
  citizens: number;
  seconds: number;
  citizenSteps?: number;
  stepsPerSecond?: number;
  peakRssMiB: number;
  figure: string;
  note: string;
  classic: ClassicFigures;
}

interface MesaSource {
  /** Where Mesa's figures come from, for the output. */
  label: string;
  warm(c: ClassicCase): Warm;
  process(c: ClassicCase): number;
}

/** Mesa's figures as recorded on this machine (test/fixtures/mesa-reference/timings.json). */
function recordedMesa(why: string): MesaSource {
  const file = join(root, 'test', 'fixtures', 'mesa-reference', 'timings.json');
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as {
    headline_inprocess_warm: Record<
      string,
      { agents: number; per_run: { us_per_agent_step: number; step_loop_s: number; construct_s: number }[] }
    >;
    whole_process: {
      summary: {
        model: string;
        preset: string;
        steps: number;
        collect: boolean;
        median_process_wall_s: number;
      }[];
    };
  };
  return {
    label: `Mesa 3.3.1 as recorded on this machine on 2026-11-30, the faster of two passes (test/fixtures/mesa-reference/timings.json; not run now: ${why})`,
    warm(c) {
      const key = `${c.mesa.model}:${c.mesa.preset}:${c.mesa.steps}steps:collect=${c.mesa.collect ? 'True' : 'False'}`;
      const found = recorded.headline_inprocess_warm[key];
      if (!found) throw new Error(`no recorded Mesa timing ${key}`);
      // the faster of the two recorded passes
      const best = found.per_run.reduce((a, b) => (b.us_per_agent_step < a.us_per_agent_step ? b : a));
      return {
        msPerRun: (best.construct_s + best.step_loop_s) * 1000,
        usPerAgentStep: best.us_per_agent_step,
        agents: found.agents,
      };
    },
    process(c) {
      const found = recorded.whole_process.summary.find(
        (p) =>
          p.model === c.mesa.model && p.preset === c.mesa.preset && p.steps === c.mesa.steps && p.collect,
      );
      if (!found) throw new Error(`no recorded Mesa process ${c.mesa.model}:${c.mesa.preset}`);
      return found.median_process_wall_s;
    },
  };
}

/**
 * Mesa run now, case by case next to civsim's (so both meet the same load on this shared machine),
 * through src/bench/time_mesa.py; or why it cannot run here.
 */
function liveMesa(): MesaSource | string {
  const source = process.env.MESA_SRC;
  if (!source) return 'MESA_SRC not set';
  const python = process.env.MESA_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const driver = join(root, 'src', 'bench', 'time_mesa.py');
  const env = { ...process.env, PYTHONPATH: source };
  const version = spawnSync(python, ['-c', 'import mesa, pandas; print(mesa.__version__)'], {
    env,
    encoding: 'utf8',
  });
  if (version.status !== 0) return `${python} cannot import mesa and pandas from ${source}`;
  return {
    label: `Mesa ${version.stdout.trim()} measured in this run, next to civsim (${source}, ${python})`,
    warm(c) {
      const seeds = c.mesa.model === 'epstein' ? 3 : 5;
      const spec = `${c.mesa.model}:${c.mesa.preset}:${c.mesa.steps}:${c.mesa.collect ? 1 : 0}:${seeds}`;
      process.stderr.write(`bench: Mesa warm ${spec} ...\n`);
      const warm = spawnSync(python, [driver, 'warm', spec], { env, encoding: 'utf8', cwd: root });
      if (warm.status !== 0) throw new Error(`time_mesa.py warm ${spec} failed:\n${warm.stderr}`);
      const f = JSON.parse(warm.stdout.trim().split('\n').pop()!) as {
        agents: number;
        construct_s: number;
        step_loop_s: number;
        us_per_agent_step: number;
      };
      return {
        msPerRun: (f.construct_s + f.step_loop_s) * 1000,
        usPerAgentStep: f.us_per_agent_step,
        agents: f.agents,
      };
    },
    process(c) {
      process.stderr.write(`bench: Mesa process ${c.mesa.model} ${c.mesa.preset} ...\n`);
      const args = (seed: number) => [
        driver,
        'one',
        c.mesa.model,
        c.mesa.preset,
        `${seed}`,
        `${c.mesa.steps}`,
      ];
      return median([1, 2, 3].map((seed) => timed(python, args(seed), env)));
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Wall seconds of one command, start to exit. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const child = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 24 });
  const seconds = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${child.stderr}`);
  return seconds;
}

/** civsim warm in this process: best of three per replicate, median over ten replicates. */
async function civsimWarm(c: ClassicCase, scenario: ScenarioBase): Promise<Warm> {
  const { modelById, startReplicate } = await import('../index.ts');
  const model = modelById(scenario.model);
  const run = (replicate: number) => {
    const t0 = performance.now();
    const replicateRun = startReplicate(model, scenario, replicate);
    replicateRun.step(); // tick 0: the initial state measured (Mesa's construction collects it too)
    const t1 = performance.now();
    while (replicateRun.step());
    replicateRun.result();
    const t2 = performance.now();
    return { ms: t2 - t0, stepsMs: t2 - t1, agents: c.agents(replicateRun.state) };
  };
  // warm up: at least three runs and half a second
  const start = performance.now();
  for (let r = 0; r < 3 || performance.now() - start < 500; r++) run(r % 10);
  const perReplicate = Array.from({ length: 10 }, (_, r) => {
    const runs = [run(r), run(r), run(r)];
    const best = (key: 'ms' | 'stepsMs') => Math.min(...runs.map((x) => x[key]));
    const agents = runs[0].agents;
    return { ms: best('ms'), us: (best('stepsMs') * 1000) / (agents * scenario.steps!), agents };
  });
  return {
    msPerRun: median(perReplicate.map((p) => p.ms)),
    usPerAgentStep: median(perReplicate.map((p) => p.us)),
    agents: median(perReplicate.map((p) => p.agents)),
  };
}

/**
 * The installed bin, built afresh when a source is newer. When npm run build stops on type errors (in a
 * tree others are editing), tsc has written dist/ all the same; then the command line's bundle is made
 * as the build would have, and the label says so. The sources through tsx if that fails too.
 */
function civsimBin(): { bin: string; label: string } {
  const dist = (path: string) => join(root, 'dist', path);
  const modified = (path: string) => (existsSync(path) ? statSync(path).mtimeMs : 0);
  const newest = Math.max(
    ...readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith('.ts') && !f.parentPath.includes('/src/bench'))
      .map((f) => modified(join(f.parentPath, f.name))),
  );
  const current = () =>
    ['cli/civsim.js', 'cli/main.js', 'index.js'].every((f) => modified(dist(f)) >= newest);
  // a bin that starts (a build elsewhere in the shared tree can leave it half written)
  const starts = () =>
    spawnSync(process.execPath, [dist('cli/civsim.js'), '--version'], { cwd: root }).status === 0;
  const installed = { bin: 'dist/cli/civsim.js', label: 'the installed bin (dist/cli/civsim.js)' };
  if (current() && starts()) return installed;
  process.stderr.write(
    'bench: npm run build (dist/ is older than the sources, or its bin does not start) ...\n',
  );
  // ten minutes at most: a build being rewritten elsewhere in the tree can hang
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  if (built.status === 0 && starts()) return installed;
  const errors = `${built.stdout}`.split('\n').filter((line) => line.includes('error TS'));
  const bundled = spawnSync(process.execPath, ['--import', 'tsx', 'src/node/buildCli.ts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (bundled.status === 0 && current() && starts()) {
    return {
      bin: installed.bin,
      label: `the installed bin (dist/), compiled although npm run build stopped on ${errors.length} type error(s) elsewhere (${errors[0] ?? '?'})`,
    };
  }
  return { bin: 'src/cli/civsim.js', label: 'the sources through tsx (npm run build failed)' };
}

/** The section: every case whose scenario is shipped, warm and as whole processes, with Mesa's figures. */
export async function classics(): Promise<{ rows: ClassicRow[]; source: string; bin: string }> {
  const { loadScenario } = await import('../node/index.ts');
  const cases = classicCases.filter((c) => {
    const present = existsSync(join(root, 'scenarios', 'classics', `${c.name}.yaml`));
    if (!present) process.stderr.write(`bench: ${c.name} left out (no scenarios/classics/${c.name}.yaml)\n`);
    return present;
  });
  const scenarios: ScenarioBase[] = [];
  for (const c of cases) {
    const loaded = (await loadScenario(join(root, 'scenarios', 'classics', `${c.name}.yaml`))).scenario;
    scenarios.push({ ...loaded, steps: c.mesa.steps });
  }
  const live = liveMesa();
  const mesa = typeof live === 'string' ? recordedMesa(live) : live;
  if (typeof live === 'string')
    process.stderr.write(`bench: Mesa not run (${live}); its recorded figures instead\n`);
  const { bin, label } = civsimBin();
  const out = await mkdtemp(join(tmpdir(), 'civsim-bench-classics-'));
  const rows: ClassicRow[] = [];
  try {
    for (const [k, c] of cases.entries()) {
      process.stderr.write(`bench: classics ${c.name} ...\n`);
      const civsim = await civsimWarm(c, scenarios[k]);
      const file = `scenarios/classics/${c.name}.yaml`;
      const oneRun = [1, 2, 3].map(() =>
        timed(process.execPath, [bin, 'run', file, '-r', '1', '--no-charts', '-q', '-o', out]),
      );
      const asShipped = timed(process.execPath, [bin, 'run', file, '-q', '-o', out]);
      rows.push(row(c, scenarios[k], civsim, mesa.warm(c), median(oneRun), mesa.process(c), asShipped));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { rows, source: mesa.label, bin: label };
}

function row(
  c: ClassicCase,
  scenario: ScenarioBase,
  civsim: Warm,
  mesa: Warm,
  civsimProcess: number,
  mesaProcess: number,
  civsimAsShipped: number,
): ClassicRow {
  const steps = scenario.steps!;
  const speedUp = mesa.usPerAgentStep / civsim.usPerAgentStep;
  const agentSteps = civsim.agents * steps;
  return {
    case: `${c.name}: warm run, ${steps} steps`,
    citizens: civsim.agents,
    seconds: civsim.msPerRun / 1000,
    citizenSteps: agentSteps,
    stepsPerSecond: agentSteps / (civsim.msPerRun / 1000),
    peakRssMiB: 0,
    figure:
      `${civsim.usPerAgentStep.toFixed(4)} µs per agent-step, Mesa ${mesa.usPerAgentStep.toFixed(2)}: ${speedUp.toFixed(0)}× (target ≥ ${c.targets.warmSpeedUp}×); ` +
      `whole process ${civsimProcess.toFixed(2)} s, Mesa ${mesaProcess.toFixed(2)} s: ${(mesaProcess / civsimProcess).toFixed(1)}×` +
      (c.targets.processSpeedUp ? ` (target ≥ ${c.targets.processSpeedUp}×)` : ''),
    note: 'agents as citizens, agent-steps as citizen-steps; time per run includes set-up',
    classic: {
      scenario: c.name,
      steps,
      civsim,
      mesa,
      civsimProcess,
      mesaProcess,
      civsimAsShipped,
      targets: c.targets,
    },
  };
}

/** The section's own table (markdown). */
export function classicsTable(rows: ClassicRow[], source: string, bin: string): string {
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const lines = [
    `Mesa: ${source}. civsim whole process: ${bin}.`,
    '',
    '| case | agents | steps | civsim ms per run | Mesa ms per run | civsim µs per agent-step | Mesa µs per agent-step | warm speed-up | civsim process (s) | Mesa process (s) | process speed-up | civsim as shipped (s) | targets |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const { classic: f } of rows) {
    const warm = f.mesa.usPerAgentStep / f.civsim.usPerAgentStep;
    const whole = f.mesaProcess / f.civsimProcess;
    const targets = [`warm ≥ ${f.targets.warmSpeedUp}×: ${met(warm >= f.targets.warmSpeedUp)}`];
    if (f.targets.processSpeedUp)
      targets.push(`process ≥ ${f.targets.processSpeedUp}×: ${met(whole >= f.targets.processSpeedUp)}`);
    if (f.targets.warmMsPerRun)
      targets.push(
        `≤ ${f.targets.warmMsPerRun} ms a run: ${met(f.civsim.msPerRun <= f.targets.warmMsPerRun)}`,
      );
    lines.push(
      `| ${f.scenario} | ${Math.round(f.civsim.agents).toLocaleString('en')} | ${f.steps} | ${f.civsim.msPerRun.toFixed(2)} | ${f.mesa.msPerRun.toFixed(0)} | ${f.civsim.usPerAgentStep.toFixed(4)} | ${f.mesa.usPerAgentStep.toFixed(2)} | ${warm.toFixed(0)}× | ${f.civsimProcess.toFixed(2)} | ${f.mesaProcess.toFixed(2)} | ${whole.toFixed(1)}× | ${f.civsimAsShipped.toFixed(2)} | ${targets.join('; ')} |`,
    );
  }
  return lines.join('\n');
}
