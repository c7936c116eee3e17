/**
 * Loading a scenario file: read it and its `extends` chain, merge them, validate against the schema and
 * the semantic checks, and either return the resolved scenario with its hash or every issue found, each
 * positioned at file:line:column. File access goes through a ScenarioIO, so the same code runs in Node
 * (./nodeIO.ts) and in the browser (./memoryIO.ts or any fetch-based IO).
 */
import { scenarioHash } from './hash.ts';
import { ScenarioError, sortIssues } from './issues.ts';
import type { ScenarioIssue } from './issues.ts';
import { mergeScenarioSources } from './merge.ts';
import { parseSource } from './parseSource.ts';
import { toPlain } from './positions.ts';
import type { Origin, SourceNode } from './positions.ts';
import { scenarioSchema } from './schema.ts';
import type { Scenario } from './schema.ts';
import { semanticIssues } from './semanticChecks.ts';
import { convertZodIssues } from './zodIssues.ts';

export type { ScenarioIssue } from './issues.ts';
export { ScenarioError, formatIssue } from './issues.ts';
export { scenarioHash } from './hash.ts';

/** How the loader reaches files: Node's file system, an in-memory map, or fetch in a browser. */
export interface ScenarioIO {
  readFile(path: string): Promise<string>;
  /** The path of `relative` as written in `fromFile` (an `extends` value). */
  resolve(fromFile: string, relative: string): string;
}

export interface LoadedScenario {
  /** Defaults applied, `extends` merged; the file-only keys `extends` and `$schema` are left out. */
  scenario: Scenario;
  /** The file, then the files of its extends chain, nearest base first. */
  files: string[];
  /** sha256 hex of the canonical JSON of `scenario` (independent of key order and file layout). */
  hash: string;
}

/** Longest extends chain followed; deeper chains are almost certainly a mistake. */
const maxExtendsDepth = 16;

/** Checks a scenario file; never throws on bad input: problems come back as issues. */
export async function checkScenarioFile(
  path: string,
  io: ScenarioIO,
): Promise<{ loaded?: LoadedScenario; issues: ScenarioIssue[] }> {
  const chain = await readChain(path, io);
  if (!chain.complete) return { issues: sortIssues(chain.issues, chain.files) };

  // roots[0] is the file itself, the last one the deepest base: merge from the base up
  const merged = chain.roots.reduceRight((base, child) => mergeScenarioSources(base, child));
  const data = toPlain(merged);
  const parsed = scenarioSchema.safeParse(data);
  const issues = [
    ...chain.issues,
    ...(parsed.success
      ? []
      : convertZodIssues(parsed.error.issues, { schema: scenarioSchema, data, source: merged })),
    ...semanticIssues(data, merged),
  ];
  if (issues.length > 0 || !parsed.success) return { issues: sortIssues(issues, chain.files) };

  const { extends: _extends, $schema: _schema, ...scenario } = parsed.data;
  return { loaded: { scenario, files: chain.files, hash: scenarioHash(scenario) }, issues: [] };
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
  for (;;) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (err) {
      const reason = readFailure(err);
      chain.issues.push(
        namedAt
          ? {
              ...namedAt,
              path: 'extends',
              message: `cannot read ${file}: ${reason}`,
              got: file,
              hint: 'the path is relative to the file that names it',
            }
          : { file, line: 0, column: 0, path: '', message: `cannot read the file: ${reason}` },
      );
      return chain;
    }
    const parsed = parseSource(text, file);
    chain.files.push(file);
    chain.issues.push(...parsed.issues);
    if (!parsed.root) return chain;
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

function readFailure(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return err instanceof Error ? err.message : String(err);
}
