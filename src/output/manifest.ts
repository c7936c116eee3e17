/**
 * manifest.json: everything needed to know what a run was and to replay it — the resolved scenario as
 * run (overrides applied) with its hash, the files it came from, the seeds, the software, the command,
 * and every file written with its size and SHA-256. It is the only file of a run folder that holds
 * times, so the data files stay byte-identical between runs of the same scenario and seed.
 */
import type { ScenarioBase } from '../scenario/envelope.ts';

/** civsim's version and where it runs (read by the Node side: node/environment.ts). */
export interface SoftwareFacts {
  civsimVersion: string;
  gitCommit: string | null;
  /** True when tracked files differ from the commit; null when unknown. */
  gitDirty: boolean | null;
  node: string;
  platform: string;
  arch: string;
}

export interface ManifestFile {
  /** Relative to the run folder, with `/` separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface ManifestInput {
  runId: string;
  scenario: ScenarioBase;
  /** scenarioHash of `scenario` (after overrides). */
  scenarioHash: string;
  /** Hash of the scenario as loaded from its files (before command-line overrides). */
  loadedHash: string;
  scenarioFiles: string[];
  /** What the loader warned about (e.g. timeline events past the end, which were dropped). */
  warnings?: string[];
  overrides: { seed?: number; replicates?: number; scale?: number };
  replicateSeeds: { replicate: number; seedKey: string }[];
  metrics: string[];
  charts: string[];
  software: SoftwareFacts;
  argv: string[];
  commandLine: string;
  cwd: string;
  startedAt: Date;
  wallSeconds: number;
  files: ManifestFile[];
}

export const manifestFormat = 'civsim-run-manifest/1';

/**
 * The version of a run folder's layout and columns (results/README.md): raised whenever a file, a column
 * or the meaning of a value changes, so R and pandas scripts can check what they read.
 * 1: series/annual/summary tables, charts, index.html, manifest (civsim 0.1).
 * 2: the time column is `step` for step models; models' agent files (ngos.csv); shares of nothing missing.
 */
export const runFolderFormat = 3;

export function buildManifest(input: ManifestInput) {
  return {
    format: manifestFormat,
    outputFormat: runFolderFormat,
    runId: input.runId,
    model: input.scenario.model,
    scenario: {
      name: input.scenario.name,
      title: input.scenario.title ?? null,
      hash: input.scenarioHash,
      loadedHash: input.loadedHash,
      files: input.scenarioFiles,
      warnings: input.warnings ?? [],
      overrides: input.overrides,
    },
    seed: input.scenario.seed,
    replicates: input.scenario.replicates,
    replicateSeeds: input.replicateSeeds,
    metrics: input.metrics,
    charts: input.charts,
    civsim: {
      version: input.software.civsimVersion,
      gitCommit: input.software.gitCommit,
      gitDirty: input.software.gitDirty,
    },
    environment: {
      node: input.software.node,
      platform: input.software.platform,
      arch: input.software.arch,
    },
    command: { line: input.commandLine, argv: input.argv, cwd: input.cwd },
    startedAt: input.startedAt.toISOString(),
    wallSeconds: Math.round(input.wallSeconds * 1000) / 1000,
    files: input.files,
    resolvedScenario: input.scenario,
  };
}

export type Manifest = ReturnType<typeof buildManifest>;
