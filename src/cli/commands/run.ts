/**
 * `civsim run SCENARIO`: load and check a scenario, apply command-line overrides, run every replicate,
 * and write a run folder (CSV tables, charts, index.html, manifest.json) under `<out>/<name>/<run-id>/`.
 *
 * The folder is written as `<run-id>.partial/` with an INCOMPLETE marker and renamed only when every
 * file is there, so a folder without `.partial` is always a finished run. Ctrl-C (SIGINT) or SIGTERM
 * aborts the run through an AbortSignal and leaves the `.partial` folder; a second Ctrl-C quits at once.
 *
 * Exit codes: 0 done, 1 failed while running, 2 bad input (scenario or arguments), 130 interrupted.
 * stdout gets only the path of the finished run folder (also with --quiet, for scripts); everything else
 * goes to stderr.
 */
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { applyOverrides, runScenario } from '../../index.ts';
import type { RunOverrides } from '../../index.ts';
import { writeFileAtomic } from '../../output/atomicWrite.ts';
import { civsimCommandLine } from '../../output/commandLine.ts';
import { softwareFacts } from '../../output/environment.ts';
import { incompleteText } from '../../output/incomplete.ts';
import { buildManifest } from '../../output/manifest.ts';
import type { RunFolder } from '../../output/runFolder.ts';
import {
  claimRunFolder,
  completeRunFolder,
  RunFolderTakenError,
  updateIncomplete,
} from '../../output/runFolder.ts';
import { defaultRunId, runIdProblem } from '../../output/runId.ts';
import { outputMetricIds } from '../../output/tables.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { formatIssue, loadScenarioFile, ScenarioError, scenarioHash } from '../../scenario/load.ts';
import { nodeScenarioIO } from '../../scenario/nodeIO.ts';
import { scenarioSchema } from '../../scenario/schema.ts';
import { createProgressReporter, formatDuration, progressMode } from '../progress.ts';

export interface RunArgs {
  scenario: string;
  seed?: number;
  replicates?: number;
  scale?: number;
  out: string;
  id?: string;
  charts: boolean;
  quiet: boolean;
}

const maxSeed = 2 ** 32 - 1;
const maxReplicates = 10_000;

/**
 * What is wrong with the options, or undefined. yargs turns `--replicates abc` into NaN and a repeated
 * option into an array, so both are checked here rather than trusted.
 */
export function runArgsProblem(args: Partial<Record<keyof RunArgs, unknown>>): string | undefined {
  const wholeNumber = (name: string, value: unknown, min: number, max: number) => {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return `--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value) ?? String(value)}`;
    }
    return undefined;
  };
  const problem =
    wholeNumber('seed', args.seed, 0, maxSeed) ??
    wholeNumber('replicates', args.replicates, 1, maxReplicates) ??
    (args.scale !== undefined &&
    !(typeof args.scale === 'number' && Number.isFinite(args.scale) && args.scale > 0)
      ? `--scale must be a number greater than 0, got ${JSON.stringify(args.scale) ?? String(args.scale)}`
      : undefined);
  if (problem) return problem.replace('got null', 'got something that is not a number');
  if (args.out !== undefined && (typeof args.out !== 'string' || args.out.length === 0)) {
    return '--out must be one folder path';
  }
  if (args.id !== undefined) {
    if (typeof args.id !== 'string') return '--id must be given once';
    const idProblem = runIdProblem(args.id);
    if (idProblem) return `--id ${JSON.stringify(args.id)} cannot name a run folder: ${idProblem}`;
  }
  return undefined;
}

/** A bad command line, reported by the command's own yargs fail handler (exit 2). */
class UsageError extends Error {
  override name = 'UsageError';
}

/** Raised through the AbortSignal when the user interrupts the run. */
class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor(readonly signalName: string) {
    super(`interrupted by ${signalName}`);
  }
}

function builder(setExit: (code: number) => void) {
  return (y: Argv) =>
    y
      .positional('scenario', {
        type: 'string',
        describe: 'Scenario file (YAML or JSON)',
        demandOption: true,
      })
      .option('seed', { type: 'number', describe: "Master seed (replaces the scenario's seed)" })
      .option('replicates', {
        alias: 'r',
        type: 'number',
        describe: 'Replicates to run (replaces the scenario value)',
      })
      .option('scale', {
        type: 'number',
        describe: 'Multiply the simulated citizens and the NGO sampling rate (e.g. 0.1 for a quick look)',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        default: 'results',
        describe: 'Folder that holds results',
      })
      .option('id', { type: 'string', describe: 'Run folder name (default: <UTC start time>-seed<N>)' })
      .option('charts', {
        type: 'boolean',
        default: true,
        describe: 'Draw charts (--no-charts writes tables and index.html only, faster)',
      })
      .option('quiet', {
        alias: 'q',
        type: 'boolean',
        default: false,
        describe: 'Print nothing but errors (stdout still gets the run folder path)',
      })
      .check((argv) => runArgsProblem(argv as Partial<Record<keyof RunArgs, unknown>>) ?? true)
      .fail((message, error) => {
        // main's handler lets a command run after a failed check, so this command fails on its own
        if (error instanceof Error) throw error; // a genuine failure, or this handler's own UsageError
        setExit(2);
        throw new UsageError(`${message ?? String(error)}\nRun civsim run --help for usage.`);
      })
      .example('$0 run scenarios/kazakhstan.yaml', 'Run with the seed and replicates of the file')
      .example('$0 run scenarios/kazakhstan.yaml --seed 7 -r 30', '30 replicates, master seed 7')
      .example('$0 run scenarios/kazakhstan.yaml --scale 0.1 -r 2 --no-charts', 'A quick smoke test')
      .example(
        '$0 run scenarios/kazakhstan.yaml -o /data/runs --id baseline',
        'Write /data/runs/<name>/baseline',
      )
      .example('dir=$($0 run scenarios/kazakhstan.yaml -q)', 'The run folder, for a script')
      .wrap(Math.min(120, y.terminalWidth()))
      .epilogue(
        [
          'Writes <out>/<scenario name>/<run-id>/: manifest.json, series.csv, annual.csv, summary.csv,',
          'summary_annual.csv, ngos.csv (with output.agents), charts/ and index.html (see results/README.md).',
          'While it runs the folder is <run-id>.partial/ and holds a file INCOMPLETE.',
          'Exit codes: 0 done, 1 failed, 2 bad scenario or arguments, 130 interrupted.',
        ].join('\n'),
      );
}

export function runCommand(setExit: (code: number) => void): CommandModule<object, RunArgs> {
  return {
    command: 'run <scenario>',
    describe: 'Run a scenario and write its results',
    builder: builder(setExit) as unknown as CommandModule<object, RunArgs>['builder'],
    handler: async (args) => {
      if (runArgsProblem(args)) return; // already reported by the fail handler
      setExit(await run(args));
    },
  };
}

const say = (message: string) => process.stderr.write(`civsim: ${message}\n`);

async function loadScenario(path: string): Promise<LoadedScenario | undefined> {
  try {
    return await loadScenarioFile(path, nodeScenarioIO);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    say(
      `${path} is not a valid scenario (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}):`,
    );
    for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    return undefined;
  }
}

/** Runs the command; returns the exit code. */
async function run(args: RunArgs): Promise<number> {
  const startedAt = new Date();
  const started = performance.now();
  const argv = process.argv.slice(2);
  const commandLine = civsimCommandLine(argv);
  const software = softwareFacts();

  const loaded = await loadScenario(args.scenario);
  if (!loaded) return 2;
  const overrides: RunOverrides = {};
  if (args.seed !== undefined) overrides.seed = args.seed;
  if (args.replicates !== undefined) overrides.replicates = args.replicates;
  if (args.scale !== undefined) overrides.scale = args.scale;
  const scenario = applyOverrides(loaded.scenario, overrides);
  const checked = scenarioSchema.safeParse(scenario);
  if (!checked.success) {
    say('the command-line overrides make the scenario invalid:');
    for (const issue of checked.error.issues)
      process.stderr.write(`  ${issue.path.join('.')}: ${issue.message}\n`);
    return 2;
  }

  const reporter = createProgressReporter(progressMode(args.quiet, process.stderr.isTTY));
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signalName: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      reporter.stop();
      say(`${signalName} again: quitting now; the unfinished run folder is left marked INCOMPLETE`);
      process.exit(130);
    }
    reporter.stop();
    say(`${signalName}: stopping (press Ctrl-C again to quit at once)…`);
    controller.abort(new InterruptedError(signalName));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const rerun = args.id ? `${commandLine}   (delete this folder first: --id reuses its name)` : commandLine;
  let folder: RunFolder | undefined;
  try {
    folder = await claimRunFolder(
      join(args.out, scenario.name),
      args.id ?? defaultRunId(startedAt, scenario.seed),
      {
        exact: args.id !== undefined,
        incomplete: incompleteText({ startedAt, rerun }),
      },
    );
    const signal = controller.signal;
    signal.throwIfAborted();
    reporter.runStarted({
      scenario: scenario.name,
      replicates: scenario.replicates,
      seed: scenario.seed,
      folder: folder.partialPath,
    });
    // vega and resvg take most of a second to load: only `run` needs them, so every other command skips it
    const outputs = import('../../output/writeOutputs.ts');
    outputs.catch(() => undefined); // a failed load is reported where it is awaited, not as unhandled
    const result = await runScenario(scenario, { signal, onProgress: (p) => reporter.tick(p) });
    const { chartsOf, writeRunOutputs } = await outputs;
    const hash = scenarioHash(scenario);
    const facts = await software;
    const files = await writeRunOutputs(
      folder.partialPath,
      result,
      { runId: folder.runId, scenarioHash: hash, software: facts },
      { charts: args.charts, signal, onFile: (path, index, total) => reporter.file(path, index, total) },
    );
    reporter.file('manifest.json', files.length, files.length + 1);
    const wallSeconds = (performance.now() - started) / 1000;
    const manifest = buildManifest({
      runId: folder.runId,
      scenario,
      scenarioHash: hash,
      loadedHash: loaded.hash,
      scenarioFiles: loaded.files,
      overrides,
      replicateSeeds: result.replicates.map((r) => ({ replicate: r.replicate, seedKey: r.seedKey })),
      metrics: outputMetricIds(scenario, result.metrics),
      charts: args.charts ? chartsOf(result).map((c) => c.id) : [],
      software: facts,
      argv: process.argv,
      commandLine,
      cwd: process.cwd(),
      startedAt,
      wallSeconds,
      files,
    });
    await writeFileAtomic(
      join(folder.partialPath, 'manifest.json'),
      `${JSON.stringify(manifest, null, 2)}\n`,
      signal,
    );
    signal.throwIfAborted();
    await completeRunFolder(folder);
    reporter.file('manifest.json', files.length + 1, files.length + 1);
    reporter.stop();
    reporter.note(`civsim: finished in ${formatDuration(wallSeconds)}: ${folder.finalPath}`);
    process.stdout.write(`${folder.finalPath}\n`);
    return 0;
  } catch (error) {
    reporter.stop();
    if (!folder && error instanceof RunFolderTakenError) {
      say(error.message); // --id names a folder that exists: bad input
      return 2;
    }
    const interrupted = controller.signal.aborted;
    const reason = interrupted
      ? `${(controller.signal.reason as Error).message} at ${new Date().toISOString()}`
      : `it failed at ${new Date().toISOString()}: ${error instanceof Error ? error.message : String(error)}`;
    if (folder) await updateIncomplete(folder, incompleteText({ startedAt, rerun, reason }));
    if (interrupted) {
      say(`interrupted; the unfinished run is in ${folder?.partialPath ?? '(no folder yet)'}`);
      return 130;
    }
    say(`the run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (folder) say(`the unfinished run is in ${folder.partialPath}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
