/**
 * A calibration into a results folder: `<out>/_calibrate/<id>` (`<id>.partial` until done). Each ABC-SMC
 * generation is one sweep of its particles (a `points` design, each particle with its own random
 * streams), made like any sweep — on local threads or through the Redis queue, logged run by run — in
 * `generation-<t>/` inside the calibration's folder. A generation depends only on the one before, so an
 * interrupted calibration resumes (`resume`) by reading the finished generations and continuing the
 * unfinished one where its log stops: the same particles, the same result, byte for byte.
 *
 * At the end: posterior.csv, particles.csv, summary.csv, generations.csv, fit.csv, the calibrated
 * scenario (`<name>-calibrated.yaml`, extending the original with the posterior medians), charts and
 * report.md / report.html.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  proposalsFor,
  selectGeneration,
  shouldContinue,
  type AbcSettings,
  type GenerationResult,
  type Particle,
  type Prior,
} from '../calibrate/abcSmc.ts';
import { calibratedScenarioText, roundMedian } from '../calibrate/calibratedScenario.ts';
import { calibrationCharts, type KeptSeries } from '../calibrate/calibrationCharts.ts';
import { calibrationHtml, calibrationMarkdown, targetFit } from '../calibrate/calibrationReport.ts';
import {
  effectiveSampleSize,
  generationsCsvLines,
  parameterSummaries,
  particlesCsvLines,
  posteriorCsvLines,
  summaryCsvLines,
} from '../calibrate/posterior.ts';
import { distanceToTargets, simulatedAtTargets, type Target } from '../calibrate/targets.ts';
import { buildDesign } from '../experiment/design.ts';
import type { ParameterSpec } from '../experiment/parameter.ts';
import { resolveParameters, type ResolvedParameter } from '../experiment/resolveParameters.ts';
import { decodeLog, type RunRecord } from '../experiment/runRecord.ts';
import { canonical, planSweep, type Shard, type SweepPlan } from '../experiment/sweepPlan.ts';
import { modelById } from '../models/registry.ts';
import { csvLine } from '../output/csv.ts';
import { incompleteText } from '../output/incomplete.ts';
import { defaultRunId } from '../output/runId.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { scenarioHash } from '../scenario/hash.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { mergeShardsToFolder } from './mergeSweeps.ts';
import {
  claimRunFolder,
  completeRunFolder,
  exists,
  makeFolders,
  RunFolderTakenError,
  updateIncomplete,
  type RunFolder,
} from './runFolder.ts';
import { fileErrorReason } from './fileErrors.ts';
import {
  logFileName,
  planFileName,
  shardSuffix,
  SweepFolderError,
  sweepToFolder,
  type SweepProgress,
} from './sweepToFolder.ts';
import { vegaScripts } from './vegaScripts.ts';
import { writeChartFiles } from './writeCharts.ts';

export const calibrationsFolder = '_calibrate';
const setupFileName = 'calibration.json';

export interface CalibrationSetup {
  /** The scenario as calibrated (overrides such as --scale applied). */
  scenario: ScenarioBase;
  /** Its file, as given (for `extends` and the report). */
  scenarioFile: string;
  parameters: ParameterSpec[];
  targets: Target[];
  targetsFile: string;
  /** Observations judged but not fitted. */
  heldOut: Target[];
  heldOutFile?: string;
  settings: AbcSettings;
  replicates: number;
  /** The run's periods (annual values). */
  periods: string[];
}

export interface CalibrationProgress extends SweepProgress {
  generation: number;
}

export interface CalibrateOptions {
  out: string;
  id?: string;
  resume?: boolean;
  /**
   * Run only shard k of n of the first unfinished generation (joining the previous generation's shards
   * first, when all are there), then stop: for batch schedulers, every shard with the same --id and a
   * shared folder. Shard 1 writes the results once the last generation is joined.
   */
  shard?: Shard;
  workers?: number;
  queue?: { url: string; onNote?(line: string): void };
  signal?: AbortSignal;
  charts?: boolean;
  onStarted?(folder: string): void;
  onProgress?(progress: CalibrationProgress): void;
  onGeneration?(result: GenerationResult): void;
  /** Called before the report is written (tables and charts take a moment). */
  onFinishing?(): void;
  rerun?: string;
  facts: { civsimVersion: string; gitCommit: string | null; commandLine: string };
}

/** A shard's part done (`shard` given): what it did and what is still to come. */
export interface ShardStep {
  kind: 'shard';
  folder: string;
  generation: number;
  message: string;
}

export interface FinishedCalibration {
  kind?: 'finished';
  folder: string;
  runId: string;
  results: GenerationResult[];
  calibratedFile: string;
  wallSeconds: number;
}

/** Priors from the parameters' ranges (a calibration needs ranges, not lists). */
export function priorsOf(parameters: readonly ResolvedParameter[]): Prior[] {
  return parameters.map((p) => {
    if (!p.range)
      throw new SweepFolderError(`${p.path}: a calibrated parameter needs a range LO:HI, not a list`);
    return { path: p.rootPath, low: p.range.low, high: p.range.high, log: p.range.log };
  });
}

/** What decides a calibration's result: its folder may be resumed only with the same. */
function identityOf(setup: CalibrationSetup, civsimVersion: string): string {
  const targets = (list: readonly Target[]) =>
    list.map((t) => ({ periods: t.periods, metric: t.metric, value: t.value, sd: t.sd }));
  return bytesToHex(
    sha256(
      utf8ToBytes(
        canonical({
          civsim: civsimVersion,
          scenario: scenarioHash(setup.scenario),
          parameters: setup.parameters,
          targets: targets(setup.targets),
          heldOut: targets(setup.heldOut),
          settings: setup.settings,
          replicates: setup.replicates,
        }),
      ),
    ),
  );
}

/** Generation t's scenario: its own name, so its runs draw random streams no other generation uses. */
function generationScenario(scenario: ScenarioBase, generation: number): ScenarioBase {
  const suffix = `-abc${generation}`;
  return { ...scenario, name: `${scenario.name.slice(0, 64 - suffix.length)}${suffix}` };
}

function generationPlan(
  setup: CalibrationSetup,
  parameters: ResolvedParameter[],
  metrics: string[],
  generation: number,
  points: number[][],
  civsimVersion: string,
): SweepPlan {
  const designOptions = { kind: 'points' as const, seed: setup.settings.seed, points };
  return planSweep(
    {
      scenario: generationScenario(setup.scenario, generation),
      parameters,
      designOptions,
      design: buildDesign(parameters, designOptions),
      replicates: setup.replicates,
      independentSeeds: true,
      metrics,
    },
    civsimVersion,
  );
}

/** Each point's values averaged over its replicates (NaN where any replicate failed). */
export function pointMeansOf(
  records: ReadonlyMap<number, RunRecord>,
  points: number,
  replicates: number,
  metrics: readonly string[],
  periods: number,
): Record<string, number[]>[] {
  return Array.from({ length: points }, (_, point) => {
    const out: Record<string, number[]> = {};
    for (const metric of metrics) {
      const column = new Array<number>(periods).fill(0);
      for (let r = 0; r < replicates; r++) {
        const record = records.get(point * replicates + r);
        const values = record?.values[metric];
        for (let t = 0; t < periods; t++) column[t] += values ? values[t] / replicates : Number.NaN;
      }
      out[metric] = column;
    }
    return out;
  });
}

async function claimFolder(
  parent: string,
  setup: CalibrationSetup,
  options: CalibrateOptions,
  identity: string,
) {
  const startedAt = new Date();
  const rerun = options.rerun ?? 'civsim calibrate …';
  if (options.shard) {
    // every shard of every round opens the same folder: made by whichever comes first
    if (options.id === undefined)
      throw new SweepFolderError('--shard needs an --id shared by all the shards');
    const finalPath = join(parent, options.id);
    if (await exists(finalPath))
      throw new SweepFolderError(`${finalPath} is finished: there is nothing left to run`);
    const partialPath = `${finalPath}.partial`;
    await makeFolders(partialPath);
    if (await exists(finalPath)) {
      // shard 1 finished it between the check above and the folder made just now
      await rm(partialPath, { recursive: true, force: true });
      throw new SweepFolderError(`${finalPath} is finished: there is nothing left to run`);
    }
    let recorded: { identity?: string } | undefined;
    try {
      recorded = JSON.parse(await readFile(join(partialPath, setupFileName), 'utf8')) as {
        identity?: string;
      };
    } catch {
      recorded = undefined;
    }
    if (recorded && recorded.identity !== identity) {
      throw new SweepFolderError(
        `the calibration in ${partialPath} was started with other inputs: give every shard exactly the same command`,
      );
    }
    return {
      folder: { runId: options.id, finalPath, partialPath } as RunFolder,
      startedAt,
      rerun,
      fresh: !recorded,
    };
  }
  if (options.resume) {
    if (options.id === undefined)
      throw new SweepFolderError('--resume needs the --id of the calibration to continue');
    const finalPath = join(parent, options.id);
    if (await exists(finalPath))
      throw new SweepFolderError(`${finalPath} is finished: there is nothing to resume`);
    const partialPath = `${finalPath}.partial`;
    let recorded: { identity?: string };
    try {
      recorded = JSON.parse(await readFile(join(partialPath, setupFileName), 'utf8')) as {
        identity?: string;
      };
    } catch {
      throw new SweepFolderError(
        `no unfinished calibration to resume at ${partialPath} (give the --id it was started with)`,
      );
    }
    if (recorded.identity !== identity) {
      throw new SweepFolderError(
        `the calibration in ${partialPath} was started with other inputs (scenario, parameters, targets, settings or civsim version): ` +
          'resume it with exactly the same command, or start a new one with another --id',
      );
    }
    return {
      folder: { runId: options.id, finalPath, partialPath } as RunFolder,
      startedAt,
      rerun,
      fresh: false,
    };
  }
  const folder = await claimRunFolder(parent, options.id ?? defaultRunId(startedAt, setup.settings.seed), {
    exact: options.id !== undefined,
    incomplete: incompleteText({ startedAt, rerun }),
  });
  return { folder, startedAt, rerun, fresh: true };
}

/** A finished generation's records, checked to be this calibration's (a wrong folder is an error, not a crash). */
async function readGeneration(
  path: string,
  plan: SweepPlan,
  generation: number,
): Promise<ReadonlyMap<number, RunRecord>> {
  let text: string;
  try {
    text = await readFile(join(path, logFileName), 'utf8');
  } catch (error) {
    throw new SweepFolderError(`cannot read generation ${generation} at ${path}: ${fileErrorReason(error)}`);
  }
  const log = decodeLog(text, plan.id);
  if (log.foreign > 0 || log.truncated) {
    throw new SweepFolderError(`${path} is not this calibration's generation ${generation}`);
  }
  return log.records;
}

/** Waits until another process has made `path` (it is joining shards), for at most ten minutes. */
async function waitFor(path: string, signal?: AbortSignal): Promise<void> {
  for (let waited = 0; waited < 600_000; waited += 500) {
    signal?.throwIfAborted();
    if (await exists(path)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new SweepFolderError(
    `${path} did not appear: the process joining its shards may have died; remove ${path}.partial and rerun`,
  );
}

/**
 * A shard's move on generation `id`: join its shards when all are finished (or wait for the process that
 * does), else run this shard's part if it is not done yet, and say what is left.
 */
async function shardStep(
  plan: SweepPlan,
  id: string,
  generation: number,
  folder: string,
  setup: CalibrationSetup,
  options: CalibrateOptions,
): Promise<{ kind: 'records'; records: ReadonlyMap<number, RunRecord> } | ShardStep> {
  const shard = options.shard!;
  const shardPath = (k: number) => join(folder, `${id}${shardSuffix({ index: k, count: shard.count })}`);
  const all = Array.from({ length: shard.count }, (_, k) => shardPath(k + 1));
  const done = await Promise.all(all.map(exists));
  if (done.every(Boolean)) {
    try {
      const { merged } = await mergeShardsToFolder(all, {
        id,
        civsimVersion: options.facts.civsimVersion,
        rerun: options.rerun ?? 'civsim calibrate …',
        check: (m) => {
          if (m.plan.id !== plan.id) {
            throw new SweepFolderError(
              `the shards of ${id} in ${folder} are not this calibration's generation ${generation}`,
            );
          }
        },
        finish: async () => undefined,
      });
      return { kind: 'records', records: merged.records };
    } catch (error) {
      if (!(error instanceof RunFolderTakenError)) throw error;
      await waitFor(join(folder, id), options.signal); // another shard is joining them
      return { kind: 'records', records: await readGeneration(join(folder, id), plan, generation) };
    }
  }
  if (!done[shard.index - 1]) {
    await sweepToFolder(plan, {
      out: options.out,
      parent: folder,
      id,
      shard,
      resume: await exists(`${shardPath(shard.index)}.partial`),
      workers: options.workers,
      signal: options.signal,
      rerun: options.rerun ?? 'civsim calibrate …',
      facts: {
        periods: setup.periods,
        civsimVersion: options.facts.civsimVersion,
        command: options.facts.commandLine,
      },
      onProgress: (p) => options.onProgress?.({ ...p, generation }),
    });
    done[shard.index - 1] = true;
  }
  const missing = done.map((d, k) => (d ? 0 : k + 1)).filter((k) => k > 0);
  return {
    kind: 'shard',
    folder,
    generation,
    message:
      missing.length === 0
        ? `generation ${generation}: all ${shard.count} shards are done; run the shards again to join them and go on`
        : `generation ${generation}: shard ${shard.index}/${shard.count} is done; waiting for shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} (then run the shards again)`,
  };
}

export async function calibrateToFolder(
  setup: CalibrationSetup,
  options: CalibrateOptions,
): Promise<FinishedCalibration | ShardStep> {
  const started = performance.now();
  const version = options.facts.civsimVersion;
  const model = modelById(setup.scenario.model);
  const parameters = resolveParameters(setup.parameters, setup.scenario, model);
  const priors = priorsOf(parameters);
  const metrics = [...new Set([...setup.targets, ...setup.heldOut].map((t) => t.metric))];
  const identity = identityOf(setup, version);
  const parent = join(options.out, calibrationsFolder);
  if (options.shard && options.id !== undefined && (await exists(join(parent, options.id)))) {
    const done = join(parent, options.id);
    return { kind: 'shard', folder: done, generation: 0, message: `the calibration is finished: ${done}` };
  }
  const {
    folder,
    startedAt,
    rerun,
    fresh: freshFolder,
  } = await claimFolder(parent, setup, options, identity);
  const resumeCommand = options.shard
    ? rerun
    : `${rerun} --resume${options.id === undefined ? ` --id ${folder.runId}` : ''}`;
  if (freshFolder) await updateIncomplete(folder, incompleteText({ startedAt, rerun: resumeCommand }));
  options.onStarted?.(folder.partialPath);
  try {
    if (freshFolder) {
      await writeFileAtomic(
        join(folder.partialPath, setupFileName),
        `${JSON.stringify({ format: 1, identity, civsim: version, command: options.facts.commandLine, scenario: setup.scenarioFile, settings: setup.settings, replicates: setup.replicates, parameters: setup.parameters, targets: setup.targetsFile, heldOut: setup.heldOutFile ?? null }, null, 2)}\n`,
      );
    }
    const results: GenerationResult[] = [];
    const generations: { result: GenerationResult; fresh: Particle[] }[] = [];
    const series = new Map<string, Record<string, number[]>>(); // "generation/index" → point means
    let previous: GenerationResult | undefined;
    for (let generation = 1; ; generation++) {
      options.signal?.throwIfAborted();
      const proposals = proposalsFor(generation, previous, priors, setup.settings);
      const plan = generationPlan(
        setup,
        parameters,
        metrics,
        generation,
        proposals.map((p) => p.theta),
        version,
      );
      const id = `generation-${generation}`;
      let records: ReadonlyMap<number, RunRecord>;
      if (await exists(join(folder.partialPath, id))) {
        records = await readGeneration(join(folder.partialPath, id), plan, generation);
      } else if (options.shard) {
        const step = await shardStep(plan, id, generation, folder.partialPath, setup, options);
        if (step.kind === 'shard') return step;
        records = step.records;
      } else {
        // a generation's folder left before its plan.json was written (a crash at that instant) is
        // started afresh; one with its plan is resumed
        const partial = join(folder.partialPath, `${id}.partial`);
        const resume = await exists(join(partial, planFileName));
        if (!resume && (await exists(partial))) await rm(partial, { recursive: true, force: true });
        const finished = await sweepToFolder(plan, {
          out: options.out,
          parent: folder.partialPath,
          id,
          resume,
          workers: options.workers,
          queue: options.queue,
          signal: options.signal,
          rerun: resumeCommand,
          facts: { periods: setup.periods, civsimVersion: version, command: options.facts.commandLine },
          onProgress: (p) => options.onProgress?.({ ...p, generation }),
        });
        records = finished.records;
      }
      const means = pointMeansOf(records, proposals.length, setup.replicates, metrics, setup.periods.length);
      const fresh: Particle[] = proposals.map((p, k) => {
        series.set(`${generation}/${p.index}`, means[k]);
        return {
          generation,
          index: p.index,
          theta: p.theta,
          weight: p.weight,
          distance: distanceToTargets(
            setup.targets,
            simulatedAtTargets(setup.targets, means[k], setup.periods),
          ),
        };
      });
      const result = selectGeneration(generation, fresh, previous, setup.settings);
      results.push(result);
      generations.push({ result, fresh });
      options.onGeneration?.(result);
      if (!shouldContinue(result, setup.settings)) break;
      previous = result;
      // only the kept particles' series are needed from here on
      const keep = new Set(result.kept.map((p) => `${p.generation}/${p.index}`));
      for (const key of [...series.keys()]) if (!keep.has(key)) series.delete(key);
    }
    if (options.shard && options.shard.index !== 1) {
      return {
        kind: 'shard',
        folder: folder.partialPath,
        generation: results.length,
        message: `the calibration's ${results.length} generations are done; shard 1 writes its results`,
      };
    }
    options.onFinishing?.();
    const last = results[results.length - 1];
    const kept = last.kept;
    const keptSeries: KeptSeries = kept.map((p) => series.get(`${p.generation}/${p.index}`)!);
    const summaries = parameterSummaries(kept, priors);
    const stopReason =
      last.generation >= setup.settings.maxGenerations
        ? `stopped after the most generations allowed (${setup.settings.maxGenerations})`
        : `stopped when the acceptance fell to ${(last.acceptance * 100).toFixed(1)}% (minimum ${(setup.settings.minAcceptance * 100).toFixed(0)}%)`;
    const write = (name: string, content: string | Uint8Array) =>
      writeFileAtomic(join(folder.partialPath, name), content, options.signal);
    const text = (lines: Iterable<string>) => [...lines].join('');
    await write('posterior.csv', text(posteriorCsvLines(kept, priors)));
    await write('particles.csv', text(particlesCsvLines(generations, priors)));
    await write(
      'summary.csv',
      text(summaryCsvLines(summaries, effectiveSampleSize(kept.map((p) => p.weight)))),
    );
    await write('generations.csv', text(generationsCsvLines(results)));
    const fitRows = [
      ...targetFit(setup.targets, kept, keptSeries, setup.periods).map((r) => ({ ...r, role: 'fitted' })),
      ...targetFit(setup.heldOut, kept, keptSeries, setup.periods).map((r) => ({ ...r, role: 'held out' })),
    ];
    await write(
      'fit.csv',
      text([
        csvLine([
          'role',
          'date',
          'metric',
          'observed',
          'sd',
          'simulated_median',
          'simulated_p05',
          'simulated_p95',
          'miss_sd',
          'definition',
          'source',
        ]),
        ...fitRows.map((r) =>
          csvLine([
            r.role,
            r.target.date,
            r.target.metric,
            r.target.value,
            r.target.sd,
            r.median,
            r.low,
            r.high,
            r.z,
            r.target.definition,
            r.target.source,
          ]),
        ),
      ]),
    );
    // the calibrated scenario, next to the report; `extends` points back at the original from the final folder
    const calibratedName = `${setup.scenario.name.slice(0, 53)}-calibrated`;
    const calibratedFile = `${calibratedName}.yaml`;
    await write(
      calibratedFile,
      calibratedScenarioText({
        extendsPath: relative(folder.finalPath, setup.scenarioFile),
        name: calibratedName,
        title: `${setup.scenario.title ?? setup.scenario.name}, calibrated`,
        summaries,
        integer: parameters.map((p) => p.integer),
        notes: [
          `${setup.scenario.name} calibrated by civsim ${version} (ABC-SMC, ${results.length} generations) on ${new Date().toISOString().slice(0, 10)}:`,
          `the posterior medians of ${priors.map((p) => p.path).join(', ')}, fitted to ${setup.targetsFile}.`,
          `Report: report.md next to this file. Command: ${options.facts.commandLine}`,
          `Rounded medians: ${summaries.map((s, i) => `${s.path} = ${roundMedian(s.median, parameters[i].integer)}`).join(', ')}.`,
        ],
      }),
    );
    const metricDefinitions = new Map(model.metrics.map((m) => [m.id, m]));
    const charts =
      options.charts === false
        ? []
        : calibrationCharts({
            kept,
            series: keptSeries,
            periods: setup.periods,
            targets: setup.targets,
            heldOut: setup.heldOut,
            priors,
            results,
            metrics: metricDefinitions,
            calendar: setup.scenario.start !== undefined,
          });
    const drawn = await writeChartFiles(folder.partialPath, charts, options.signal);
    const facts = {
      scenarioName: setup.scenario.name,
      scenarioFile: setup.scenarioFile,
      settings: setup.settings,
      replicates: setup.replicates,
      targets: setup.targets,
      heldOut: setup.heldOut,
      targetsFile: setup.targetsFile,
      heldOutFile: setup.heldOutFile,
      summaries,
      results,
      kept,
      series: keptSeries,
      periods: setup.periods,
      calibratedFile,
      stopReason,
      civsimVersion: version,
      gitCommit: options.facts.gitCommit,
      commandLine: options.facts.commandLine,
      charts: drawn,
    };
    await write('report.md', calibrationMarkdown(facts));
    await write('report.html', calibrationHtml(facts, drawn.length > 0 ? await vegaScripts() : undefined));
    options.signal?.throwIfAborted();
    await completeRunFolder(folder);
    return {
      kind: 'finished',
      folder: folder.finalPath,
      runId: folder.runId,
      results,
      calibratedFile: join(folder.finalPath, calibratedFile),
      wallSeconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    const reason = options.signal?.aborted
      ? `interrupted at ${new Date().toISOString()}; the finished runs are kept`
      : `it failed at ${new Date().toISOString()}: ${error instanceof Error ? error.message : String(error)}`;
    await updateIncomplete(folder, incompleteText({ startedAt, rerun: resumeCommand, reason }));
    throw error;
  }
}
