/**
 * What `civsim calibrate` does once its arguments are checked: load the scenario and the targets, check
 * the parameters (each a range, none a policy lever), then run ABC-SMC generation by generation with
 * progress, and turn errors into one line and an exit code.
 */
import { applyOverrides } from '../../run/runScenario.ts';
import { AbcError } from '../../calibrate/abcSmc.ts';
import type { Target } from '../../calibrate/targets.ts';
import { parseParameter, ParameterSyntaxError } from '../../experiment/parameter.ts';
import { parseShard } from '../../experiment/sweepPlan.ts';
import { DesignError, resolveParameters } from '../../experiment/resolveParameters.ts';
import { modelById } from '../../models/registry.ts';
import { calibrateToFolder } from '../../node/calibrateToFolder.ts';
import { softwareFacts } from '../../node/environment.ts';
import { redactUrl } from '../../node/queueAddress.ts';
import { readTargets } from '../../node/readTargets.ts';
import { QueueError } from '../../node/redisQueue.ts';
import { cores } from '../../node/resources.ts';
import { RunFolderTakenError } from '../../node/runFolder.ts';
import { SweepFolderError } from '../../node/sweepToFolder.ts';
import { civsimCommandLine } from '../../output/commandLine.ts';
import { outputMetricIds } from '../../output/tables.ts';
import { clockOf } from '../../run/replicate.ts';
import { closestMatches } from '../../scenario/didYouMean.ts';
import { formatIssue, ScenarioError } from '../../scenario/issues.ts';
import { formatDuration } from '../progress.ts';
import { say, sayError } from '../say.ts';
import type { CalibrateArgs } from './calibrate.ts';
import { loadForCommand } from './runAction.ts';

export async function calibrate(args: CalibrateArgs): Promise<number> {
  const commandLine = civsimCommandLine(process.argv.slice(2));
  const loaded = await loadForCommand(args.scenario, args);
  if (!loaded) return 2;
  let scenario;
  try {
    scenario = applyOverrides(loaded.scenario, {
      seed: args.seed ?? loaded.scenario.seed,
      replicates: args.replicates ?? 1,
      ...(args.scale !== undefined ? { scale: args.scale } : {}),
    });
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const model = modelById(scenario.model);
  const clock = clockOf(model, scenario);
  const periods = clock.yearList().length > 0 ? clock.yearList().map(String) : clock.labels();
  const known = outputMetricIds(scenario, model.metrics);
  const context = { periods, metrics: known, near: (m: string) => closestMatches(m, known) };
  let targets: Target[];
  let heldOut: Target[] = [];
  try {
    targets = await readTargets(args.targets, context);
    if (args.holdout) heldOut = await readTargets(args.holdout, context);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    say(
      `the targets cannot be used (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}):`,
    );
    for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    return 2;
  }
  let specs;
  try {
    specs = args.param!.map(parseParameter);
    const resolved = resolveParameters(specs, scenario, model);
    for (const p of resolved) {
      if (!p.range) {
        say(
          `--param ${p.path}: a calibrated parameter needs a prior range LO:HI (or LO:HI:log), not a list of values`,
        );
        return 2;
      }
      if (p.lever !== undefined || p.from !== undefined) {
        say(
          `--param ${p.path}: ${p.rootPath} is a policy lever, an input of the scenario: calibrate the model's parameters (parameters.…), and sweep levers with civsim sweep`,
        );
        return 2;
      }
    }
  } catch (error) {
    if (error instanceof ParameterSyntaxError) {
      say(error.message);
      return 2;
    }
    if (error instanceof DesignError) {
      say(
        `the calibration cannot run (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}):`,
      );
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const software = await softwareFacts();
  const settings = {
    particles: args.particles,
    alpha: args.alpha,
    minAcceptance: args.minAcceptance,
    maxGenerations: args.generations,
    seed: scenario.seed,
  };
  const workers = args.workers ?? cores();
  if (!args.quiet) {
    process.stderr.write(
      `civsim: calibrating ${scenario.name}: ${specs.length} parameter${specs.length === 1 ? '' : 's'} on ${targets.length} target${targets.length === 1 ? '' : 's'}` +
        `${heldOut.length > 0 ? ` (+${heldOut.length} held out)` : ''}, ${settings.particles} particles × ${scenario.replicates} replicate${scenario.replicates === 1 ? '' : 's'}, ` +
        `α ${settings.alpha}, seed ${scenario.seed}, ${args.queue ? `queued on ${redactUrl(args.queue)}` : `${workers} worker${workers === 1 ? '' : 's'}`}\n`,
    );
  }
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    say(`${name}: stopping…`);
    controller.abort(new Error(`interrupted by ${name}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const started = performance.now();
  let lastLine = 0;
  let partial: string | undefined;
  try {
    const finished = await calibrateToFolder(
      {
        scenario,
        scenarioFile: args.scenario,
        parameters: specs,
        targets,
        targetsFile: args.targets,
        heldOut,
        heldOutFile: args.holdout,
        settings,
        replicates: scenario.replicates,
        periods,
      },
      {
        out: args.out,
        id: args.id,
        resume: args.resume,
        ...(args.shard ? { shard: parseShard(args.shard) } : {}),
        workers: args.queue ? undefined : workers,
        ...(args.queue
          ? { queue: { url: args.queue, onNote: (line: string) => args.quiet || say(line) } }
          : {}),
        signal: controller.signal,
        charts: args.charts,
        rerun: commandLine.replace(/\s--resume\b/, ''),
        facts: { civsimVersion: software.civsimVersion, gitCommit: software.gitCommit, commandLine },
        onStarted: (folder) => (partial = folder),
        onProgress: (p) => {
          if (args.quiet || performance.now() - lastLine < 5000) return;
          lastLine = performance.now();
          process.stderr.write(
            `civsim: generation ${p.generation}: ${p.done}/${p.total} particles' runs done\n`,
          );
        },
        onGeneration: (r) => {
          if (args.quiet) return;
          const acceptance = Number.isFinite(r.acceptance)
            ? `, acceptance ${(r.acceptance * 100).toFixed(0)}%`
            : '';
          process.stderr.write(
            `civsim: generation ${r.generation} done: tolerance ${r.epsilon.toPrecision(3)}${acceptance} (${formatDuration((performance.now() - started) / 1000)} so far)\n`,
          );
        },
        onFinishing: () =>
          args.quiet ||
          process.stderr.write('civsim: writing the posterior, the calibrated scenario and the report…\n'),
      },
    );
    if (finished.kind === 'shard') {
      if (!args.quiet) say(finished.message);
      process.stdout.write(`${finished.folder}\n`);
      return 0;
    }
    if (!args.quiet) {
      process.stderr.write(
        `civsim: finished in ${formatDuration(finished.wallSeconds)}: ${finished.folder}\n`,
      );
      process.stderr.write(`civsim: calibrated scenario: ${finished.calibratedFile}\n`);
    }
    process.stdout.write(`${finished.folder}\n`);
    return 0;
  } catch (error) {
    if (error instanceof QueueError && !controller.signal.aborted) {
      say(error.message);
      return error.usage ? 2 : 1;
    }
    if (error instanceof AbcError) {
      say(`the calibration cannot go on: ${error.message}`);
      if (partial) say(`the finished generations are kept in ${partial}`);
      return 1;
    }
    if (error instanceof RunFolderTakenError || error instanceof SweepFolderError) {
      say(error.message);
      return 2;
    }
    if (controller.signal.aborted) {
      say(`interrupted; the finished runs are kept in ${partial ?? '(no folder yet)'}`);
      if (partial) {
        say(
          `continue with the same command and --resume --id ${args.id ?? partial.replace(/^.*\/|\.partial$/g, '')}`,
        );
      }
      return 130;
    }
    sayError('the calibration failed', error, args.debug);
    if (partial) say(`the unfinished calibration is in ${partial} (see its INCOMPLETE file)`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
