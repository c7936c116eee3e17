/**
 * What `civsim run` does once its arguments are checked (commands/run.ts holds the options and help).
 */
import { applyOverrides, type RunOverrides } from '../../run/runScenario.ts';
import { modelById } from '../../models/registry.ts';
import { OutputError } from '../../node/fileErrors.ts';
import { cores, availableMemory } from '../../node/resources.ts';
import { RunFailedError, RunFolderError, runToFolder } from '../../node/runToFolder.ts';
import { nodeScenarioIO } from '../../node/scenarioIO.ts';
import { civsimCommandLine } from '../../output/commandLine.ts';
import { estimateRunCost, formatMegabytes } from '../../run/cost.ts';
import { formatIssue, loadScenarioFile, ScenarioError } from '../../scenario/load.ts';
import type { LoadedScenario, ScenarioIssue } from '../../scenario/load.ts';
import { scenarioSchemaFor } from '../../scenario/modelSchemas.ts';
import { createProgressReporter, formatDuration, progressMode } from '../progress.ts';
import { say, sayError } from '../say.ts';
import type { RunArgs } from './run.ts';

/** Runs estimated to take longer than this need --yes. */
export const maxSecondsWithoutYes = 3600;

/** Raised through the AbortSignal when the user interrupts the run. */
class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor(readonly signalName: string) {
    super(`interrupted by ${signalName}`);
  }
}

/** Prints a scenario's issues (exit 2 follows) and returns undefined, or the loaded scenario. */
export async function loadForCommand(
  path: string,
  options: { quiet: boolean },
): Promise<LoadedScenario | undefined> {
  try {
    const loaded = await loadScenarioFile(path, nodeScenarioIO);
    if (!options.quiet) for (const warning of loaded.warnings) printWarning(warning);
    return loaded;
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    say(
      `${path} is not a valid scenario (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}):`,
    );
    for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    return undefined;
  }
}

function printWarning(warning: ScenarioIssue): void {
  process.stderr.write(`${formatIssue({ ...warning, message: `warning: ${warning.message}` })}\n`);
}

/** Runs the command; returns the exit code. */
export async function run(args: RunArgs): Promise<number> {
  const argv = process.argv.slice(2);
  const commandLine = civsimCommandLine(argv);

  const loaded = await loadForCommand(args.scenario, args);
  if (!loaded) return 2;
  const overrides: RunOverrides = {};
  if (args.seed !== undefined) overrides.seed = args.seed;
  if (args.replicates !== undefined) overrides.replicates = args.replicates;
  if (args.scale !== undefined) overrides.scale = args.scale;
  const scenario = applyOverrides(loaded.scenario, overrides);
  const model = modelById(scenario.model);
  const checked = scenarioSchemaFor(model).safeParse(scenario);
  if (!checked.success) {
    say('the command-line overrides make the scenario invalid:');
    for (const issue of checked.error.issues)
      process.stderr.write(`  ${issue.path.join('.')}: ${issue.message}\n`);
    return 2;
  }

  const workers = Math.min(args.workers ?? cores(), scenario.replicates);
  const cost = estimateRunCost({ model, scenario, workers, charts: args.charts });
  const free = availableMemory();
  const reporter = createProgressReporter(progressMode(args.quiet, process.stderr.isTTY));
  const costLine =
    `about ${formatDuration(cost.seconds)} and ${formatMegabytes(cost.peakBytes)} of memory ` +
    `(${cost.size} × ${cost.replicates} ` +
    `replicate${cost.replicates === 1 ? '' : 's'} on ${cost.workers} worker${cost.workers === 1 ? '' : 's'})`;
  reporter.note(`civsim: estimated ${costLine}`);
  if (!args.yes) {
    if (cost.peakBytes > free) {
      say(
        `the run would need ${formatMegabytes(cost.peakBytes)} of memory and ${formatMegabytes(free)} is free: ` +
          'lower --scale, -r or --workers, or add --yes to try anyway',
      );
      return 2;
    }
    if (cost.seconds > maxSecondsWithoutYes) {
      say(
        `the run would take ${formatDuration(cost.seconds)} by the estimate: add --yes to start it anyway ` +
          '(or lower --scale or -r for a quicker look)',
      );
      return 2;
    }
  }

  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signalName: NodeJS.Signals) => {
    signals++;
    reporter.stop();
    if (signals > 1) {
      say(`${signalName} again: quitting now; the unfinished run folder is left marked INCOMPLETE`);
      process.exit(130);
    }
    say(`${signalName}: stopping (press Ctrl-C again to quit at once)…`);
    controller.abort(new InterruptedError(signalName));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let partial: string | undefined;
  try {
    const finished = await runToFolder(scenario, {
      out: args.out,
      id: args.id,
      charts: args.charts,
      workers,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.kind === 'started') partial = event.folder;
        reporter.event(event);
      },
      source: { files: loaded.files, hash: loaded.hash, overrides, warnings: loaded.warnings },
      command: { argv: process.argv, line: commandLine, cwd: process.cwd() },
    });
    reporter.stop();
    reporter.note(`civsim: finished in ${formatDuration(finished.wallSeconds)}: ${finished.folder}`);
    process.stdout.write(`${finished.folder}\n`);
    return 0;
  } catch (error) {
    reporter.stop();
    if (error instanceof RunFolderError) {
      say(error.message);
      return 2;
    }
    if (controller.signal.aborted) {
      say(`interrupted; the unfinished run is in ${partial ?? '(no folder yet)'}`);
      return 130;
    }
    if (error instanceof RunFailedError || error instanceof OutputError) say(error.message);
    else sayError('the run failed', error, args.debug);
    if (partial) say(`the unfinished run is in ${partial} (see its INCOMPLETE file)`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
