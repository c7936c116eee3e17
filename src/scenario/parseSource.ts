/**
 * YAML (and so JSON) text to a position-aware tree (./positions.ts). Uses the `yaml` package's
 * parseDocument with a LineCounter, so syntax errors, duplicate keys, odd keys and bad aliases all come
 * back as issues with line and column instead of exceptions.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { formatPath } from './issues.ts';
import type { PathSegment, ScenarioIssue } from './issues.ts';
import type { Origin, SourceEntry, SourceNode, SourceScalarValue } from './positions.ts';

export interface ParsedSource {
  /** Absent when the text is not well-formed YAML (then `issues` says why). */
  root?: SourceNode;
  issues: ScenarioIssue[];
}

/** Aliases expanded per file; beyond this a document is treated as an alias bomb. */
const maxAliasExpansions = 1000;

const yamlHints: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces: YAML does not allow tabs for indentation',
  BAD_INDENT: 'check the indentation of this line against the lines above it',
  MISSING_CHAR: 'write `key: value` (a colon and a space after each key), or close the open bracket or quote',
  MULTIPLE_DOCS: 'a scenario file holds one document: remove the `---` separator',
  BLOCK_AS_IMPLICIT_KEY: 'put a nested mapping on its own, more indented lines below its key',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line: check for a missing colon above',
};

export function parseSource(text: string, file: string): ParsedSource {
  const lineCounter = new LineCounter();
  const comment = looksLikeJson(text, file) ? jsonComment(text) : -1;
  let doc: Document.Parsed;
  try {
    // uniqueKeys is off because duplicates are reported below, with the place of the first one;
    // merge keys (`<<: *defaults`) are YAML 1.1, widely used, and resolved by TreeBuilder below
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: true });
  } catch (err) {
    return { issues: [wholeFileIssue(file, `cannot parse as YAML: ${errorMessage(err)}`)] };
  }
  const origin = (offset: number | undefined): Origin => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { file, line: pos.line, column: pos.col };
  };
  if (comment >= 0) {
    return {
      issues: [
        {
          ...origin(comment),
          path: '',
          message: 'JSON does not allow comments',
          hint: 'remove the comment, or write the scenario in YAML, where comments start with #',
        },
      ],
    };
  }
  // unknown tags are reported by TreeBuilder with every other tag, at their path
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')];
  if (problems.length > 0) {
    const issues = problems.map((err): ScenarioIssue => {
      const at = origin(err.pos[0]);
      const hint = yamlHints[err.code];
      return { ...at, path: '', message: `invalid YAML: ${err.message}`, ...(hint ? { hint } : {}) };
    });
    return { issues };
  }
  return new TreeBuilder(doc, origin).build();
}

/** JSON by its name, or by its first character (a scenario in YAML starts with a key or a comment). */
function looksLikeJson(text: string, file: string): boolean {
  return /\.json$/i.test(file) || /^\s*[{[]/.test(text);
}

/** Offset of the first `//` or `/*` comment outside a string, or −1 (JSON has no comments). */
export function jsonComment(text: string): number {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      return i;
    }
  }
  return -1;
}

/** Tags a scenario may carry: the YAML core schema's own (which only restate what a value is). */
const allowedTags = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

function tagIssue(tag: string): Pick<ScenarioIssue, 'message' | 'hint'> {
  return {
    message: `the YAML tag ${shortTag(tag)} is not allowed in a scenario`,
    hint: 'scenario values are plain numbers, text, true/false, lists and mappings: remove the tag',
  };
}

function wholeFileIssue(file: string, message: string): ScenarioIssue {
  return { file, line: 0, column: 0, path: '', message };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Walks the YAML AST once, resolving aliases, and collects the issues it meets. */
class TreeBuilder {
  private readonly issues: ScenarioIssue[] = [];
  private aliasExpansions = 0;
  private refusedTags = 0;
  /** Collections being expanded, to catch an alias that refers to its own ancestor. */
  private readonly expanding = new Set<YamlNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly origin: (offset: number | undefined) => Origin,
  ) {}

  build(): ParsedSource {
    const contents = this.doc.contents;
    const root = contents
      ? this.node(contents, this.origin(0), [])
      : { kind: 'scalar' as const, at: this.origin(0), value: null };
    // a refused tag leaves a hole in the data: nothing sound to validate beyond the tag issues
    if (this.refusedTags > 0) return { issues: this.issues };
    return { root, issues: this.issues };
  }

  private issue(at: Origin, path: readonly PathSegment[], message: string, hint?: string): void {
    this.issues.push({ ...at, path: formatPath(path), message, ...(hint ? { hint } : {}) });
  }

  private node(node: unknown, fallback: Origin, path: readonly PathSegment[]): SourceNode {
    const at = hasRange(node) ? this.origin(node.range[0]) : fallback;
    if (isAlias(node)) return this.alias(node, at, path);
    const tag = (node as { tag?: unknown } | null)?.tag;
    if (typeof tag === 'string' && !allowedTags.has(tag)) {
      const { message, hint } = tagIssue(tag);
      this.issue(at, path, message, hint);
      this.refusedTags++;
      return { kind: 'scalar', at, value: null };
    }
    if (isScalar(node)) {
      const value = scalarValue(node.value);
      if (value === undefined) {
        this.issue(at, path, 'this value is not a number, text, true/false or empty');
        return { kind: 'scalar', at, value: null };
      }
      return { kind: 'scalar', at, value };
    }
    if (isSeq(node)) {
      return this.within(node, () => ({
        kind: 'seq',
        at,
        items: node.items.map((item, i) => this.node(item, at, [...path, i])),
      }));
    }
    if (isMap(node)) return this.within(node, () => this.map(node.items, at, path));
    return { kind: 'scalar', at, value: null };
  }

  private within(node: YamlNode, build: () => SourceNode): SourceNode {
    this.expanding.add(node);
    try {
      return build();
    } finally {
      this.expanding.delete(node);
    }
  }

  private alias(
    alias: { source: string; resolve(doc: Document.Parsed): unknown },
    at: Origin,
    path: readonly PathSegment[],
  ): SourceNode {
    const empty: SourceNode = { kind: 'scalar', at, value: null };
    if (++this.aliasExpansions > maxAliasExpansions) {
      if (this.aliasExpansions === maxAliasExpansions + 1) {
        this.issue(
          at,
          path,
          `more than ${maxAliasExpansions} alias expansions`,
          'use fewer `*alias` references',
        );
      }
      return empty;
    }
    const target = alias.resolve(this.doc);
    if (target === undefined) {
      this.issue(
        at,
        path,
        `unknown alias *${alias.source}`,
        `define the anchor &${alias.source} before using it`,
      );
      return empty;
    }
    if (this.expanding.has(target as YamlNode)) {
      this.issue(at, path, `alias *${alias.source} refers to a value that contains it`);
      return empty;
    }
    // the alias stands where it is written, with the content of its anchor
    return { ...this.node(target, at, path), at };
  }

  private map(pairs: readonly unknown[], at: Origin, path: readonly PathSegment[]): SourceNode {
    const entries = new Map<string, SourceEntry>();
    const merged: SourceNode[] = [];
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const keyNode = isAlias(pair.key) ? pair.key.resolve(this.doc) : pair.key;
      const keyAt = hasRange(pair.key) ? this.origin(pair.key.range[0]) : at;
      if (!isScalar(keyNode)) {
        this.issue(keyAt, path, 'a key must be a plain name, not a list or mapping');
        continue;
      }
      if (typeof keyNode.value === 'symbol') {
        // a merge key `<<: *anchor` or `<<: [*a, *b]`: the anchors' keys, unless given here
        merged.push(...this.mergeSources(pair.value, keyAt, path));
        continue;
      }
      const key = keyNode.value === null ? (keyNode.source ?? '') : String(keyNode.value);
      const first = entries.get(key);
      if (first) {
        this.issue(
          keyAt,
          [...path, key],
          `duplicate key ${JSON.stringify(key)}: it was already given at line ${first.keyAt.line}`,
          'give each key once; the first one is used',
        );
        continue;
      }
      entries.set(key, { keyAt, node: this.node(pair.value, keyAt, [...path, key]) });
    }
    // keys written in the mapping win over merged ones, and earlier merge sources over later ones
    for (const source of merged) {
      if (source.kind !== 'map') continue;
      for (const [key, entry] of source.entries) if (!entries.has(key)) entries.set(key, entry);
    }
    return { kind: 'map', at, entries };
  }

  /** The mappings a merge key brings in (each resolved like any other value, aliases included). */
  private mergeSources(value: unknown, keyAt: Origin, path: readonly PathSegment[]): SourceNode[] {
    const items = isSeq(value) ? value.items : [value];
    const sources: SourceNode[] = [];
    for (const item of items) {
      const source = this.node(item, keyAt, path);
      if (source.kind === 'map') sources.push(source);
      else {
        this.issue(
          source.at,
          path,
          'a merge key (<<) takes a mapping or a list of mappings',
          'write <<: *anchor, where the anchor names a mapping',
        );
      }
    }
    return sources;
  }
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}

/** A scalar's value as plain data; undefined for anything that is not (a Date, a byte array…). */
function scalarValue(value: unknown): SourceScalarValue | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}
