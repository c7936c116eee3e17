/**
 * What `civsim sweep` does once its arguments are checked: load the scenario, parse and check every
 * parameter and the design before anything runs (exit 2 with what is wrong), run the sweep with
 * progress (runs done, failed, left, ETA), and turn errors into one line and an exit code.
 */
import { applyOverrides, type RunOverrides } from '../../run/runScenario.ts';
import { buildDesign, DesignSizeError } from '../../experiment/design.ts';
import { parseParameter, ParameterSyntaxError, type ParameterSpec } from '../../experiment/parameter.ts';
import { DesignError, resolveParameters } from '../../experiment/resolveParameters.ts';
import { specsOfBlock } from '../../experiment/sweepBlock.ts';
import { parseShard, planSweep, runCount } from '../../experiment/sweepPlan.ts';
import { modelById } from '../../models/registry.ts';
import { softwareFacts } from '../../node/environment.ts';
import { cores } from '../../node/resources.ts';
import { redactUrl } from '../../node/queueAddress.ts';
import { QueueError } from '../../node/redisQueue.ts';
import { RunFolderTakenError } from '../../node/runFolder.ts';
import { SweepFolderError, sweepToFolder, type SweepProgress } from '../../node/sweepToFolder.ts';
import { writeSweepResults } from '../../node/writeSweep.ts';
import { civsimCommandLine } from '../../output/commandLine.ts';
import { clockOf } from '../../run/replicate.ts';
import { formatDuration } from '../progress.ts';
import { say, sayError } from '../say.ts';
import { chooseMetrics } from './chooseMetrics.ts';
import { loadForCommand } from './runAction.ts';
import type { SweepArgs } from './sweep.ts';

/** Progress lines on stderr: at most every 5 s on a terminal or in a log, and at the end. */
function progressPrinter(quiet: boolean) {
  const started = performance.now();
  let last = 0;
  return (p: SweepProgress, force = false) => {
    if (quiet) return;
    const now = performance.now();
    if (!force && now - last < 5000) return;
    last = now;
    const fresh = p.done - p.resumed;
    const elapsed = (now - started) / 1000;
    const left = p.total - p.done;
    const eta = fresh > 0 ? `, about ${formatDuration((elapsed / fresh) * left)} left` : '';
    const failed = p.failed > 0 ? `, ${p.failed} failed` : '';
    const resumed = p.resumed > 0 ? ` (${p.resumed} from before)` : '';
    process.stderr.write(`civsim: ${p.done}/${p.total} runs done${resumed}${failed}${eta}\n`);
  };
}

export async function sweep(args: SweepArgs): Promise<number> {
  const argv = process.argv.slice(2);
  const commandLine = civsimCommandLine(argv);
  const loaded = await loadForCommand(args.scenario, args);
  if (!loaded) return 2;
  // the scenario's sweep: block, where the command line does not say otherwise
  const block = loaded.scenario.sweep;
  if ((args.param ?? []).length === 0 && !block) {
    say(
      'sweep needs at least one --param PATH=VALUES (e.g. --param levers.legitimacy=0.2:0.8), or a sweep: block in the scenario',
    );
    return 2;
  }
  const overrides: RunOverrides = {
    seed: args.seed ?? loaded.scenario.seed,
    replicates: args.replicates ?? block?.replicates ?? loaded.scenario.replicates,
    ...(args.scale !== undefined ? { scale: args.scale } : {}),
  };
  let scenario;
  try {
    scenario = applyOverrides(loaded.scenario, overrides);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const model = modelById(scenario.model);
  let specs: ParameterSpec[];
  try {
    specs = (args.param ?? []).length > 0 ? args.param!.map(parseParameter) : specsOfBlock(block!);
  } catch (error) {
    if (!(error instanceof ParameterSyntaxError)) throw error;
    say(error.message);
    return 2;
  }
  const metrics = chooseMetrics(args.metrics ?? block?.metrics?.join(','), scenario);
  if (!Array.isArray(metrics)) {
    say(metrics.problem);
    return 2;
  }
  const clock = clockOf(model, scenario);
  const periods = clock.yearList().length > 0 ? clock.yearList().map(String) : clock.labels();
  const outcomes = args.years
    ? String(args.years)
        .split(',')
        .map((y) => y.trim())
    : (block?.years ?? []).map(String);
  const missing = outcomes.find((y) => !periods.includes(y));
  if (missing !== undefined) {
    const flag = clock.yearList().length > 0 ? '--years' : '--steps';
    say(`${flag}: ${missing} is not within the run (${periods[0]} to ${periods[periods.length - 1]})`);
    return 2;
  }
  const software = await softwareFacts();
  let plan;
  try {
    const parameters = resolveParameters(specs, scenario, model);
    const samples = args.samples ?? block?.samples;
    const levels = args.levels ?? block?.levels;
    const designOptions = {
      kind: args.design ?? block?.design ?? 'grid',
      seed: scenario.seed,
      ...(samples !== undefined ? { samples } : {}),
      ...(levels !== undefined ? { levels } : {}),
    };
    const design = buildDesign(parameters, designOptions);
    plan = planSweep(
      {
        scenario,
        parameters,
        designOptions,
        design,
        replicates: scenario.replicates,
        independentSeeds: args.independentSeeds ?? block?.independentSeeds ?? false,
        metrics,
      },
      software.civsimVersion,
    );
  } catch (error) {
    if (error instanceof DesignError) {
      say(
        `the sweep cannot run (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}):`,
      );
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof DesignSizeError) {
      say(`${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`);
      return 2;
    }
    throw error;
  }
  const shard = args.shard ? parseShard(args.shard) : undefined;
  const workers = Math.min(args.workers ?? cores(), runCount(plan));
  const where = args.queue
    ? `queued on ${redactUrl(args.queue)}`
    : `${workers} worker${workers === 1 ? '' : 's'}`;
  if (!args.quiet) {
    process.stderr.write(
      `civsim: sweeping ${scenario.name}: ${plan.design.values.length} points (${plan.design.kind}) × ${plan.replicates} replicates = ` +
        `${runCount(plan)} runs${shard ? `, shard ${shard.index}/${shard.count}` : ''}, seed ${scenario.seed}, ${where}\n`,
    );
  }
  const controller = new AbortController();
  const onSignal = (signalName: NodeJS.Signals) => {
    say(`${signalName}: stopping…`);
    controller.abort(new Error(`interrupted by ${signalName}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = progressPrinter(args.quiet);
  let partial: string | undefined;
  let lastProgress: SweepProgress | undefined;
  try {
    const finished = await sweepToFolder(plan, {
      out: args.out,
      id: args.id,
      resume: args.resume,
      shard,
      workers,
      ...(args.queue
        ? { queue: { url: args.queue, onNote: (line: string) => args.quiet || say(line) } }
        : {}),
      signal: controller.signal,
      rerun: commandLine.replace(/\s--resume\b/, ''),
      facts: { periods, civsimVersion: software.civsimVersion, command: commandLine },
      onStarted: (folder) => {
        partial = folder;
      },
      onProgress: (p) => {
        lastProgress = p;
        progress(p);
      },
      finish: async (folder, records) => {
        if (lastProgress) progress(lastProgress, true);
        if (!args.quiet) process.stderr.write('civsim: writing tables, charts and reports…\n');
        await writeSweepResults(folder, plan, records, {
          periods,
          outcomes,
          charts: args.charts,
          signal: controller.signal,
          civsimVersion: software.civsimVersion,
          gitCommit: software.gitCommit,
          commandLine,
          resamples: args.resamples,
        });
      },
    });
    if (!args.quiet) {
      process.stderr.write(
        `civsim: finished in ${formatDuration(finished.wallSeconds)}: ${finished.folder}\n`,
      );
    }
    process.stdout.write(`${finished.folder}\n`);
    return 0;
  } catch (error) {
    if (error instanceof QueueError && !controller.signal.aborted) {
      say(error.message);
      if (partial)
        say(`the unfinished sweep is in ${partial}; once the cause is mended, continue it with --resume`);
      return error.usage ? 2 : 1;
    }
    if (error instanceof RunFolderTakenError || error instanceof SweepFolderError) {
      say(error.message);
      return 2;
    }
    if (controller.signal.aborted) {
      say(`interrupted; the runs finished so far are kept in ${partial ?? '(no folder yet)'}`);
      if (partial)
        say(
          `continue with the same command and --resume --id ${args.id ?? partial.replace(/^.*\/|\.partial$/g, '')}`,
        );
      return 130;
    }
    sayError('the sweep failed', error, args.debug);
    if (partial) say(`the unfinished sweep is in ${partial} (see its INCOMPLETE file)`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
