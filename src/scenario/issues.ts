/**
 * Problems found in a scenario file, in a form a modeller can act on: where (file:line:column and the
 * dotted path), what was expected, what was written, and a hint. The loader collects every issue of a
 * file before reporting, so one run of `civsim validate` shows them all.
 */

export interface ScenarioIssue {
  /** The file the offending value was written in (for an inherited value, the base file). */
  file: string;
  /** 1-based line; 0 when the issue concerns the file as a whole (e.g. it cannot be read). */
  line: number;
  /** 1-based column; 0 together with line 0. */
  column: number;
  /** Dotted path of the value, with [i] for list items (e.g. `timeline[3].set`); '' for the whole file. */
  path: string;
  /** One sentence: usually "expected X, got Y". */
  message: string;
  expected?: string;
  got?: string;
  hint?: string;
}

/** Thrown by loadScenarioFile with every issue found, so callers can print them all. */
export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];

  constructor(issues: ScenarioIssue[]) {
    const files = [...new Set(issues.map((issue) => issue.file))].join(', ');
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`${count} in ${files}:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/** A path segment: an object key or a list index. */
export type PathSegment = string | number;

const plainKey = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)*$/;

/**
 * Dotted path with [i] for list indices. Keys that are themselves dotted lever paths (the keys of `set`
 * and `ramp`) stay readable (`timeline[0].set.foreign.regime`); other odd keys are quoted.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (plainKey.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `file:line:col path: message`, then `  hint: ...` on the next line when there is a hint. */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  const what = issue.path ? `${issue.path}: ${issue.message}` : issue.message;
  return issue.hint ? `${where} ${what}\n  hint: ${issue.hint}` : `${where} ${what}`;
}

const maxShown = 60;

/** A value as the user wrote it, in one short line (strings quoted, long values cut with …). */
export function showValue(value: unknown): string {
  let text: string;
  if (value === null) return 'an empty value (null)';
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > maxShown ? `${text.slice(0, maxShown - 1)}…` : text;
}

/**
 * Deterministic order: by file (in the order given, e.g. the file then its extends chain), line, column,
 * then path and message. Exact duplicates (the same problem found twice) are dropped.
 */
export function sortIssues(
  issues: readonly ScenarioIssue[],
  fileOrder: readonly string[] = [],
): ScenarioIssue[] {
  const rank = (file: string) => {
    const index = fileOrder.indexOf(file);
    return index === -1 ? fileOrder.length : index;
  };
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const key = JSON.stringify([issue.file, issue.line, issue.column, issue.path, issue.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      rank(a.file) - rank(b.file) ||
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.path, b.path) ||
      compareText(a.message, b.message),
  );
}

/** Locale-independent string order (localeCompare would vary between machines). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
