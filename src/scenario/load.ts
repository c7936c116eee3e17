/**
 * Loading a scenario file: read it and its `extends` chain, merge them, validate against the schema and
 * the semantic checks, and either return the resolved scenario with its hash or every issue found, each
 * positioned at file:line:column. File access goes through a ScenarioIO, so the same code runs in Node
 * (src/node/scenarioIO.ts) and in the browser (./memoryIO.ts or any fetch-based IO).
 */
import { decodeScenarioText, utf8Length } from './decodeText.ts';
import { scenarioHash } from './hash.ts';
import { formatPath, ScenarioError, showValue, sortIssues } from './issues.ts';
import { sweepBlockProblems } from '../experiment/sweepBlock.ts';
import type { ScenarioIssue } from './issues.ts';
import { formatBytes, maxScenarioChainBytes } from './limits.ts';
import { mergeScenarioSources } from './merge.ts';
import { parseSource } from './parseSource.ts';
import { toPlain } from './positions.ts';
import type { Origin, SourceNode } from './positions.ts';
import { findModel, modelById, modelIds, models } from '../models/registry.ts';
import type { AnyModel } from '../models/definition.ts';
import { closestMatches, didYouMean } from './didYouMean.ts';
import { currentFormat, defaultModelId, type ScenarioBase } from './envelope.ts';
import { upgradeScenario } from './renames.ts';
import { scenarioSchemaFor } from './modelSchemas.ts';
import { valueOrigin } from './positions.ts';
import { semanticIssues } from './semanticChecks.ts';
import { convertZodIssues } from './zodIssues.ts';

export type { ScenarioIssue } from './issues.ts';
export { ScenarioError, formatIssue } from './issues.ts';
export { scenarioHash } from './hash.ts';

/** How the loader reaches files: Node's file system, an in-memory map, or fetch in a browser. */
export interface ScenarioIO {
  /**
   * The file's content: bytes (checked here to be UTF-8) or text already decoded. Node's IO reads only
   * regular files up to the size limit (src/node/scenarioIO.ts); a browser IO returns what was uploaded or fetched.
   */
  readFile(path: string): Promise<Uint8Array | string>;
  /** The path of `relative` as written in `fromFile` (an `extends` value). */
  resolve(fromFile: string, relative: string): string;
}

export interface LoadedScenario<S extends ScenarioBase = ScenarioBase> {
  /** Defaults applied, `extends` merged; the file-only keys `extends` and `$schema` are left out. */
  scenario: S;
  /** The file, then the files of its extends chain, nearest base first. */
  files: string[];
  /** sha256 hex of the canonical JSON of `scenario` (independent of key order and file layout). */
  hash: string;
  /** What the check warned about (e.g. timeline events after the end, which are dropped). */
  warnings: ScenarioIssue[];
}

/** Longest extends chain followed; deeper chains are almost certainly a mistake. */
const maxExtendsDepth = 16;

/** What checking a scenario file found. */
export interface ScenarioCheck {
  /** The resolved scenario, when there are no issues. */
  loaded?: LoadedScenario;
  /** Problems that make the file unusable (each positioned at file:line:column). */
  issues: ScenarioIssue[];
  /** Things worth knowing that do not stop a run (e.g. timeline events past the end, which are dropped). */
  warnings: ScenarioIssue[];
}

/** Checks a scenario file; never throws on bad input: problems come back as issues. */
export async function checkScenarioFile(path: string, io: ScenarioIO): Promise<ScenarioCheck> {
  const chain = await readChain(path, io);
  if (!chain.complete) return { issues: sortIssues(chain.issues, chain.files), warnings: [] };

  // roots[0] is the file itself, the last one the deepest base: merge from the base up
  const merged = chain.roots.reduceRight((base, child) => mergeScenarioSources(base, child));
  const data = toPlain(merged);
  const model = modelOf(data, merged);
  if ('issue' in model)
    return { issues: sortIssues([...chain.issues, model.issue], chain.files), warnings: [] };
  const scenarioSchema = scenarioSchemaFor(model.model);
  const renames = model.model.renames;
  const upgrade =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? upgradeScenario(data as Record<string, unknown>, merged, renames, currentFormat)
      : { data, warnings: [] };
  const parsed = scenarioSchema.safeParse(upgrade.data);
  const semantic = semanticIssues(upgrade.data, merged, model.model);
  const issues = [
    ...chain.issues,
    ...(parsed.success
      ? []
      : convertZodIssues(parsed.error.issues, {
          schema: scenarioSchema,
          data: upgrade.data,
          source: merged,
          renames,
          absentKeys: absentKeysOf(model.model),
        })),
    ...semantic.issues,
  ];
  const warnings = sortIssues([...upgrade.warnings, ...semantic.warnings], chain.files);
  if (issues.length > 0 || !parsed.success) return { issues: sortIssues(issues, chain.files), warnings };
  // a sweep design kept in the file is checked against the scenario it sweeps
  const sweepIssues = sweepBlockProblems(parsed.data as unknown as ScenarioBase, model.model).map(
    (p): ScenarioIssue => ({
      ...valueOrigin(merged, p.path),
      path: formatPath(p.path),
      message: p.message,
      ...(p.expected ? { expected: p.expected } : {}),
      ...(p.hint ? { hint: p.hint } : {}),
    }),
  );
  if (sweepIssues.length > 0) return { issues: sortIssues(sweepIssues, chain.files), warnings };

  const {
    extends: _extends,
    $schema: _schema,
    ...scenario
  } = parsed.data as unknown as ScenarioBase & {
    extends?: string;
    $schema?: string;
  };
  return {
    loaded: { scenario, files: chain.files, hash: scenarioHash(scenario), warnings },
    issues: [],
    warnings,
  };
}

/** The model a scenario names (`model:`, default the civil-society model), or an issue at that key. */
function modelOf(data: unknown, source: SourceNode): { model: AnyModel } | { issue: ScenarioIssue } {
  const value = data !== null && typeof data === 'object' ? (data as { model?: unknown }).model : undefined;
  if (value === undefined) return { model: modelById(defaultModelId) };
  const found = typeof value === 'string' ? findModel(value) : undefined;
  if (found) return { model: found };
  const suggestion = typeof value === 'string' ? didYouMean(closestMatches(value, modelIds)) : undefined;
  return {
    issue: {
      ...valueOrigin(source, ['model']),
      path: 'model',
      message: `expected one of the models ${modelIds.join(', ')}, got ${showValue(value)}`,
      expected: `one of ${modelIds.join(', ')}`,
      got: showValue(value),
      hint: suggestion ?? `civsim has the models ${modelIds.join(', ')}`,
    },
  };
}

/** The envelope keys this model lacks, with why (output.snapshots: only models with a grid draw it). */
function absentKeysOf(model: AnyModel): Map<string, { message: string; hint: string }> | undefined {
  if (model.snapshot) return undefined;
  const spatial = Object.values(models)
    .filter((m) => m.snapshot)
    .map((m) => m.id);
  return new Map([
    [
      'output.snapshots',
      {
        message: `the ${model.id} model has no grid to draw: output.snapshots is only for spatial models`,
        hint:
          'remove output.snapshots' +
          (spatial.length > 0 ? ` (the models with a grid: ${spatial.join(', ')})` : ''),
      },
    ],
  ]);
}

/** Loads a scenario file or throws a ScenarioError listing every issue. */
export async function loadScenarioFile(path: string, io: ScenarioIO): Promise<LoadedScenario> {
  const { loaded, issues } = await checkScenarioFile(path, io);
  if (!loaded) throw new ScenarioError(issues);
  return loaded;
}

interface Chain {
  /** Files read, the scenario's own first. */
  files: string[];
  /** Their parsed trees, in the same order. */
  roots: SourceNode[];
  issues: ScenarioIssue[];
  /** False when a file could not be read or parsed, so there is nothing sound to validate. */
  complete: boolean;
}

async function readChain(path: string, io: ScenarioIO): Promise<Chain> {
  const chain: Chain = { files: [], roots: [], issues: [], complete: false };
  let file = path;
  let namedAt: Origin | undefined; // where the current file was named by an `extends`
  let totalBytes = 0;
  for (;;) {
    let content: Uint8Array | string;
    try {
      content = await io.readFile(file);
    } catch (err) {
      const reason = readFailure(err);
      chain.issues.push(
        namedAt
          ? {
              ...namedAt,
              path: 'extends',
              message: `cannot read ${file}: ${reason}`,
              got: file,
              ...(errorCode(err) === 'ENOENT'
                ? { hint: 'the path is relative to the file that names it' }
                : {}),
            }
          : { file, line: 0, column: 0, path: '', message: `cannot read the file: ${reason}` },
      );
      return chain;
    }
    chain.files.push(file);
    const decoded = decodeScenarioText(content, file);
    if (decoded.issue) {
      chain.issues.push(decoded.issue);
      if (namedAt) chain.issues.push(namedBy(namedAt, file, 'it is not a readable scenario (see below)'));
      return chain;
    }
    totalBytes += typeof content === 'string' ? utf8Length(content) : content.length;
    if (totalBytes > maxScenarioChainBytes) {
      chain.issues.push(
        namedBy(
          namedAt ?? { file, line: 0, column: 0 },
          file,
          `the extends chain holds more than ${formatBytes(maxScenarioChainBytes)} of scenario text`,
        ),
      );
      return chain;
    }
    const parsed = parseSource(decoded.text, file);
    chain.issues.push(...parsed.issues);
    if (!parsed.root) return chain;
    // the file itself is checked by the schema ("expected a mapping"); a base that is not a mapping would
    // otherwise be silently ignored by the merge
    if (namedAt && parsed.root.kind !== 'map') {
      const what = parsed.root.kind === 'seq' ? 'a list' : describeScalar(parsed.root.value);
      chain.issues.push({
        ...namedAt,
        path: 'extends',
        message: `${file} is not a scenario: expected a mapping of keys (name: …, start: …), got ${what}`,
        got: file,
        hint: 'extends names the scenario file this one builds on: is it the right file?',
      });
      return chain;
    }
    chain.roots.push(parsed.root);

    const base = extendsOf(parsed.root);
    if (!base) break;
    const next = io.resolve(file, base.value);
    if (chain.files.includes(next)) {
      chain.issues.push({
        ...base.at,
        path: 'extends',
        message: `extends makes a cycle: ${[...chain.files, next].join(' → ')}`,
        got: base.value,
        hint: 'a scenario cannot extend itself, directly or through its bases',
      });
      return chain;
    }
    if (chain.files.length > maxExtendsDepth) {
      chain.issues.push({
        ...base.at,
        path: 'extends',
        message: `more than ${maxExtendsDepth} files in the extends chain`,
      });
      return chain;
    }
    file = next;
    namedAt = base.at;
  }
  chain.complete = true;
  return chain;
}

/** The `extends` value of a file, if it is a path (other values are reported by the schema check). */
function extendsOf(root: SourceNode): { value: string; at: Origin } | undefined {
  if (root.kind !== 'map') return undefined;
  const node = root.entries.get('extends')?.node;
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  return { value: node.value, at: node.at };
}

/** An issue at the `extends` that named a file, saying what is wrong with that file. */
function namedBy(at: Origin, file: string, reason: string): ScenarioIssue {
  return { ...at, path: at.line > 0 ? 'extends' : '', message: `${file}: ${reason}`, got: file };
}

function describeScalar(value: unknown): string {
  if (value === null) return 'nothing (the file is empty)';
  return `a single value (${showValue(value)})`;
}

function errorCode(err: unknown): unknown {
  return (err as { code?: unknown } | null)?.code;
}

const readFailures: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

function readFailure(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && readFailures[code]) return readFailures[code];
  return err instanceof Error ? err.message : String(err);
}
