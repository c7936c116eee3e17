/**
 * What `civsim compare` does once its arguments are checked: load every scenario, refuse mixed models or
 * an unknown baseline or metric, give all one seed and replicate count, run the comparison with progress,
 * and turn errors into one line and an exit code.
 */
import { basename } from 'node:path';
import { periodColumn } from '../../compare/timeUnit.ts';
import { applyOverrides, type RunOverrides } from '../../run/runScenario.ts';
import { modelById } from '../../models/registry.ts';
import {
  compareToFolder,
  defaultCompareMetrics,
  type CompareToFolderOptions,
} from '../../node/compareToFolder.ts';
import {
  isFolder,
  readRunFolder,
  RunFolderReadError,
  type FinishedRunFolder,
} from '../../node/readRunFolder.ts';
import { cores } from '../../node/resources.ts';
import { RunFolderTakenError } from '../../node/runFolder.ts';
import { civsimCommandLine } from '../../output/commandLine.ts';
import { outputMetricIds } from '../../output/tables.ts';
import { closestMatches } from '../../scenario/didYouMean.ts';
import type { ScenarioBase } from '../../scenario/envelope.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { createProgressReporter, formatDuration, progressMode } from '../progress.ts';
import { say, sayError } from '../say.ts';
import type { CompareArgs } from './compare.ts';
import { loadForCommand } from './runAction.ts';

/** `civsim compare RUN_DIR…`: finished run folders compared without rerunning. */
async function compareFolders(args: CompareArgs): Promise<number> {
  const finished: FinishedRunFolder[] = [];
  for (const path of args.scenarios) {
    try {
      finished.push(await readRunFolder(path));
    } catch (error) {
      if (!(error instanceof RunFolderReadError)) throw error;
      say(error.message);
      return 2;
    }
  }
  const ignored = (['seed', 'replicates', 'scale'] as const).filter((k) => args[k] !== undefined);
  if (ignored.length > 0) {
    say(
      `${ignored.map((k) => `--${k}`).join(', ')} cannot change finished runs: leave them out, or compare the scenario files`,
    );
    return 2;
  }
  return compareChecked(
    args,
    finished.map((f) => f.run.scenario),
    { finished },
  );
}

export async function compare(args: CompareArgs): Promise<number> {
  const folders = await Promise.all(args.scenarios.map(isFolder));
  if (folders.every(Boolean)) return compareFolders(args);
  if (folders.some(Boolean)) {
    say('give either scenario files or finished run folders, not both');
    return 2;
  }
  const loaded: LoadedScenario[] = [];
  for (const path of args.scenarios) {
    const one = await loadForCommand(path, args);
    if (!one) return 2;
    loaded.push(one);
  }
  const models = new Set(loaded.map((l) => l.scenario.model));
  if (models.size > 1) {
    say(
      `the scenarios are of different models (${args.scenarios.map((p, i) => `${p}: ${loaded[i].scenario.model}`).join(', ')}); ` +
        'only scenarios of one model can be compared',
    );
    return 2;
  }
  const first = loaded[0].scenario;
  const overrides: RunOverrides = {
    seed: args.seed ?? first.seed,
    replicates: args.replicates ?? first.replicates,
    ...(args.scale !== undefined ? { scale: args.scale } : {}),
  };
  const scenarios: ScenarioBase[] = loaded.map((l) => applyOverrides(l.scenario, overrides));
  return compareChecked(args, scenarios, { sources: loaded.map((l) => ({ files: l.files, hash: l.hash })) });
}

/** The checks every comparison shares (models, names, baseline, metrics, period), then the comparison. */
async function compareChecked(
  args: CompareArgs,
  scenarios: ScenarioBase[],
  input: Pick<CompareToFolderOptions, 'finished' | 'sources'>,
): Promise<number> {
  const models = new Set(scenarios.map((s) => s.model));
  if (models.size > 1) {
    say(
      `the scenarios are of different models (${args.scenarios.map((p, i) => `${p}: ${scenarios[i].model}`).join(', ')}); ` +
        'only scenarios of one model can be compared',
    );
    return 2;
  }
  const names = scenarios.map((s) => s.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) {
    say(`two scenarios are named ${dup}: give each scenario its own name (results are kept by name)`);
    return 2;
  }
  let baseline = 0;
  if (args.baseline !== undefined) {
    baseline = names.findIndex(
      (n, i) =>
        n === args.baseline ||
        args.scenarios[i] === args.baseline ||
        basename(args.scenarios[i]) === args.baseline,
    );
    if (baseline < 0) {
      const near = closestMatches(args.baseline, names);
      say(
        `--baseline ${JSON.stringify(args.baseline)} is none of the scenarios (${names.join(', ')})` +
          (near.length > 0 ? `; did you mean ${near.join(' or ')}?` : ''),
      );
      return 2;
    }
  }
  const overrides = { seed: scenarios[0].seed, replicates: Math.max(...scenarios.map((s) => s.replicates)) };
  const model = modelById(scenarios[0].model);
  const known = outputMetricIds(scenarios[0], model.metrics);
  const metrics = args.metrics
    ? args.metrics
        .split(',')
        .map((m) => m.trim())
        .filter((m) => m.length > 0)
    : defaultCompareMetrics(scenarios[0]);
  const unit = model.clock === 'step' ? 'step' : 'year';
  for (const m of metrics) {
    const missing = input.finished?.find((f) => {
      const series = f.run.replicates[0]?.series;
      return !series || !periodColumn(series, unit, m);
    });
    if (known.includes(m) && missing) {
      say(`--metrics: the run in ${missing.run.scenario.name} did not record ${m}, so it cannot be compared`);
      return 2;
    }
    if (!known.includes(m)) {
      const near = closestMatches(m, known);
      say(
        `--metrics: ${JSON.stringify(m)} is not a metric of the ${model.id} model` +
          (near.length > 0
            ? `; did you mean ${near.join(' or ')}?`
            : '; civsim run writes the list in series.csv'),
      );
      return 2;
    }
  }
  if (model.clock === 'month') {
    const from = Math.max(...scenarios.map((s) => Number(String(s.start).slice(0, 4))));
    const to = Math.min(...scenarios.map((s) => Number(String(s.end).slice(0, 4))));
    if (from > to) {
      say(
        `the scenarios share no period (${scenarios.map((s) => `${s.name}: ${String(s.start)} to ${String(s.end)}`).join(', ')}): there is nothing to compare`,
      );
      return 2;
    }
  }
  // outcome years, or steps for a step model (--years and --steps are one option)
  const outcomes = args.years
    ? String(args.years)
        .split(',')
        .map((y) => y.trim())
    : undefined;
  if (outcomes && model.clock === 'month') {
    const bad = outcomes.find((y) => !/^\d{4}$/.test(y));
    if (bad !== undefined) {
      say(`--years takes years separated by commas (2030,2040), got ${JSON.stringify(bad)}`);
      return 2;
    }
  }
  if (outcomes && model.clock === 'step') {
    const last = Math.min(...scenarios.map((s) => s.steps ?? 0));
    const bad = outcomes.find((step) => Number(step) > last);
    if (bad !== undefined) {
      say(`--steps: ${bad} is past the last step the scenarios share (${last})`);
      return 2;
    }
  }
  const years = outcomes?.map(Number);
  const reporter = createProgressReporter(progressMode(args.quiet, process.stderr.isTTY));
  const workers = Math.min(args.workers ?? cores(), overrides.replicates ?? 1);
  reporter.note(
    input.finished
      ? `civsim: comparing ${scenarios.length} finished runs against ${names[baseline]} (${scenarios.map((s) => s.replicates).join(', ')} replicates)`
      : `civsim: comparing ${scenarios.length} scenarios against ${names[baseline]}, ${overrides.replicates} paired replicates each, seed ${overrides.seed}`,
  );
  const controller = new AbortController();
  const onSignal = (signalName: NodeJS.Signals) => {
    reporter.stop();
    say(`${signalName}: stopping…`);
    controller.abort(new Error(`interrupted by ${signalName}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let partial: string | undefined;
  try {
    const finished = await compareToFolder(scenarios, {
      out: args.out,
      id: args.id,
      baseline,
      metrics,
      years,
      precision: args.precision,
      charts: args.charts,
      workers,
      signal: controller.signal,
      onStarted: (folder) => {
        partial = folder;
        reporter.event({
          kind: 'started',
          folder,
          scenario: 'comparison',
          replicates: 0,
          seed: overrides.seed!,
          workers,
        });
      },
      onProgress: (progress) => reporter.event({ kind: 'progress', progress }),
      ...input,
      command: { argv: process.argv, line: civsimCommandLine(process.argv.slice(2)), cwd: process.cwd() },
    });
    reporter.stop();
    if (finished.data.periodNote) reporter.note(`civsim: ${finished.data.periodNote}`);
    if (finished.pdfProblem) reporter.note(`civsim: ${finished.pdfProblem}`);
    const rest = finished.wallSeconds - finished.runSeconds;
    const split =
      finished.runSeconds > 0
        ? ` (runs ${formatDuration(finished.runSeconds)}, statistics, charts and reports ${formatDuration(rest)})`
        : '';
    reporter.note(`civsim: finished in ${formatDuration(finished.wallSeconds)}${split}: ${finished.folder}`);
    process.stdout.write(`${finished.folder}\n`);
    return 0;
  } catch (error) {
    reporter.stop();
    if (error instanceof RunFolderTakenError) {
      say(error.message);
      return 2;
    }
    if (controller.signal.aborted) {
      say(`interrupted; the unfinished comparison is in ${partial ?? '(no folder yet)'}`);
      return 130;
    }
    if (error instanceof Error && /share no (year|step)/.test(error.message)) {
      say(`${error.message} (the scenarios' periods do not overlap)`);
      if (partial) say(`the unfinished comparison is in ${partial}`);
      return 2;
    }
    sayError('the comparison failed', error, args.debug);
    if (partial) say(`the unfinished comparison is in ${partial} (see its INCOMPLETE file)`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
