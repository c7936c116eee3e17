/**
 * A finished run folder read back for `civsim compare RUN_DIR…`: the resolved scenario and the replicates'
 * seed keys from manifest.json, every replicate's annual values from annual.csv (a step model's value at
 * every step from series.csv) — what a comparison needs, without rerunning.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isBuiltInModel, modelById } from '../models/registry.ts';
import type { RunResult } from '../output/runFiles.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';

/** A folder that is not a finished civsim run, with the reason. */
export class RunFolderReadError extends Error {
  override name = 'RunFolderReadError';
}

export interface FinishedRunFolder {
  run: RunResult;
  manifest: Record<string, unknown>;
}

export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function readRunFolder(folder: string): Promise<FinishedRunFolder> {
  if (await isFile(join(folder, 'INCOMPLETE'))) {
    throw new RunFolderReadError(`${folder} is an unfinished run (see its INCOMPLETE file)`);
  }
  let manifest: {
    resolvedScenario?: ScenarioBase;
    replicateSeeds?: { replicate: number; seedKey: string }[];
  } & Record<string, unknown>;
  try {
    manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
  } catch {
    const hint = folder.endsWith('.partial') ? ' (it is unfinished: see its INCOMPLETE file)' : '';
    throw new RunFolderReadError(
      `${folder} is not a finished civsim run folder: no readable manifest.json${hint}`,
    );
  }
  const scenario = manifest.resolvedScenario;
  const seeds = manifest.replicateSeeds;
  if (!scenario || !Array.isArray(seeds) || !isBuiltInModel(scenario.model)) {
    throw new RunFolderReadError(
      `${folder}/manifest.json does not describe a civsim run (no scenario or seeds)`,
    );
  }
  // a calendar model is compared on its annual aggregates, a step model on its value at every step; both
  // tables have one row per replicate, period and metric
  const model = modelById(scenario.model);
  const steps = model.clock === 'step';
  const file = steps ? 'series.csv' : 'annual.csv';
  const header = `replicate,${steps ? 'step' : 'year'},metric,value`;
  let text: string;
  try {
    text = await readFile(join(folder, file), 'utf8');
  } catch {
    throw new RunFolderReadError(`${folder} has no ${file}: it is not a finished civsim run folder`);
  }
  const lines = text.split(/\r?\n/);
  if (lines[0].trim() !== header) {
    throw new RunFolderReadError(`${folder}/${file} does not start with ${header}`);
  }
  const years: number[] = [];
  const values = new Map<number, Map<string, number[]>>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const [r, y, metric, value] = line.split(',');
    const replicate = Number(r);
    const year = Number(y);
    if (!values.has(replicate)) values.set(replicate, new Map());
    const byMetric = values.get(replicate)!;
    if (!byMetric.has(metric)) byMetric.set(metric, []);
    const cell = (value ?? '').trim();
    byMetric
      .get(metric)!
      .push(
        cell === '' ? Number.NaN : cell === 'Inf' ? Infinity : cell === '-Inf' ? -Infinity : Number(cell),
      );
    if (replicate === seeds[0].replicate && metric === lines[1].split(',')[2]) years.push(year);
  }
  const replicates = seeds.map((s) => {
    const byMetric = values.get(s.replicate);
    if (!byMetric) throw new RunFolderReadError(`${folder}/${file} has no rows for replicate ${s.replicate}`);
    const columns = Object.fromEntries([...byMetric].map(([m, v]) => [m, Float64Array.from(v)]));
    return {
      replicate: s.replicate,
      seedKey: s.seedKey,
      series: steps
        ? { ticks: years.map(String), values: columns, years: [], annual: {} }
        : { ticks: [], values: {}, years, annual: columns },
    };
  });
  return { run: { model, scenario, replicates } as RunResult, manifest };
}
