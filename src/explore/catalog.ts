/**
 * The scenarios the explorer can open: the shipped ones (scenarios/*.yaml and scenarios/classics/*.yaml,
 * embedded in the build as text), the one `civsim explore SCENARIO` was given, and a file the user
 * uploads. All are loaded through the library's loader over memoryScenarioIO, so an upload — untrusted —
 * gets exactly the checks and limits a file gets from `civsim validate`, and may `extends` a shipped
 * scenario by name. Also what a run in the browser starts from: the seed, replicates and sample scale
 * of the page, and a sample scale that keeps a first run short. Pure.
 */
import type { AnyModel } from '../models/definition.ts';
import { modelById } from '../models/registry.ts';
import { applyOverrides } from '../run/runScenario.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { formatIssue } from '../scenario/issues.ts';
import { formatBytes, maxScenarioFileBytes } from '../scenario/limits.ts';
import { checkScenarioFile, type LoadedScenario } from '../scenario/load.ts';
import { memoryScenarioIO } from '../scenario/memoryIO.ts';
import type { ModelSketch } from './sketch.ts';
import { maxReplicates } from './urlState.ts';

/** A scenario the page offers by name. */
export interface CatalogEntry {
  /** Its name in links: the path under scenarios/ without `.yaml` (`kazakhstan`, `classics/schelling-…`). */
  id: string;
  /** Its path among `files` (`scenarios/kazakhstan.yaml`). */
  path: string;
  group: 'start' | 'policy' | 'classics';
  title: string;
  model: string;
  /**
   * The scenario as the loader resolves it, checked when the page was built, with its hash: the page
   * opens it without parsing YAML again (the files are there too, for uploads that extend them).
   */
  loaded?: { scenario: ScenarioBase; hash: string };
  /** The words the model puts into units for this scenario (`currency` → `USD`). */
  unitWords?: Readonly<Record<string, string>>;
}

/** What the build embeds: the entries and the text of every file they read (extends chains included). */
export interface Catalog {
  entries: CatalogEntry[];
  files: Record<string, string>;
  /** The sketch of every model an entry runs. */
  models: Record<string, ModelSketch>;
  /** The entry opened first (the CLI's SCENARIO, else Kazakhstan). */
  start: string;
  /** The civsim version that built the page. */
  version: string;
}

/** An uploaded file's path among the catalog's files: next to the shipped ones, never over one. */
export function uploadPath(name: string, catalog: Catalog): string {
  const base =
    name
      .replace(/^.*[\\/]/, '')
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .slice(0, 80) || 'uploaded.yaml';
  let path = `scenarios/${base}`;
  for (let i = 2; Object.prototype.hasOwnProperty.call(catalog.files, path); i++) {
    path = `scenarios/uploaded-${i === 2 ? '' : `${i}-`}${base}`;
  }
  return path;
}

export type Opened = { loaded: LoadedScenario; path: string } | { problems: string[] };

/** Loads a catalog entry, or an uploaded text under its file name; problems as `file:line:column …` lines. */
export async function openScenario(
  catalog: Catalog,
  choice: { entry: string } | { upload: { name: string; text: string | Uint8Array } },
): Promise<Opened> {
  if ('entry' in choice) {
    const entry = catalog.entries.find((e) => e.id === choice.entry);
    if (!entry) return { problems: [`there is no scenario named ${JSON.stringify(choice.entry)}`] };
    if (entry.loaded) {
      const { scenario, hash } = entry.loaded;
      return {
        loaded: { scenario: structuredClone(scenario), files: [entry.path], hash, warnings: [] },
        path: entry.path,
      };
    }
    const check = await checkScenarioFile(entry.path, memoryScenarioIO(catalog.files));
    return check.loaded
      ? { loaded: check.loaded, path: entry.path }
      : { problems: check.issues.map(formatIssue) };
  }
  {
    const size = typeof choice.upload.text === 'string' ? 0 : choice.upload.text.length;
    if (size > maxScenarioFileBytes) {
      return {
        problems: [
          `the file is ${formatBytes(size)}; a scenario file may be at most ${formatBytes(maxScenarioFileBytes)}`,
        ],
      };
    }
    const path = uploadPath(choice.upload.name, catalog);
    const io = memoryScenarioIO(catalog.files);
    const check = await checkScenarioFile(path, {
      ...io,
      readFile: (p) => (p === path ? Promise.resolve(choice.upload.text) : io.readFile(p)),
    });
    return check.loaded ? { loaded: check.loaded, path } : { problems: check.issues.map(formatIssue) };
  }
}

/** Sample scales the page offers. */
export const scales = [1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01] as const;

/** Seconds of work a first run may take in all, spread over the workers (the model's own estimate). */
const firstRunBudget = 3;

/**
 * The largest offered scale at which the model's estimate of the run (replicates over workers) fits a
 * few seconds, so the first Play shows a whole run quickly; 1 for models that cannot be scaled.
 */
export function defaultScale(
  model: AnyModel,
  scenario: ScenarioBase,
  replicates: number,
  workers: number,
): number {
  if (!model.scale) return 1;
  const rounds = Math.ceil(replicates / Math.max(1, workers));
  for (const scale of scales) {
    const scaled = scale === 1 ? scenario : model.scale(structuredClone(scenario), scale);
    if (model.cost(scaled).replicateSeconds * rounds <= firstRunBudget) return scale;
  }
  return scales[scales.length - 1];
}

/** Replicates of a first run: the scenario's, up to 10 (more can be asked for, up to maxReplicates). */
export function defaultReplicates(scenario: ScenarioBase): number {
  return Math.min(scenario.replicates, 10, maxReplicates);
}

/** The run settings of the page applied to a loaded scenario (no per-agent records in a browser). */
export function runScenarioOf(
  scenario: ScenarioBase,
  settings: { seed: number; replicates: number; scale: number },
): ScenarioBase {
  const model = modelById(scenario.model);
  const out = applyOverrides(scenario, {
    seed: settings.seed,
    replicates: settings.replicates,
    ...(model.scale && settings.scale !== 1 ? { scale: settings.scale } : {}),
  });
  return { ...out, output: { ...out.output, agents: false } };
}
