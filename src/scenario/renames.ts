/**
 * Keeping users' files working as models grow. A model lists what it renamed or removed (levers,
 * parameters, metric ids), each with the scenario format in which that happened. A file that declares an
 * older `format:` is upgraded when it is loaded — every renamed key moved to its new name, with a
 * warning each — and a file of the current format that still uses an old name gets an error naming the
 * replacement, instead of a bare "unknown key".
 */
import type { Rename } from '../models/definition.ts';
import type { PathSegment, ScenarioIssue } from './issues.ts';
import { formatPath } from './issues.ts';
import { keyOrigin } from './positions.ts';
import type { SourceNode } from './positions.ts';

type Plain = Record<string, unknown>;

const isRecord = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The rename of a dotted path (`levers.a.b`) or a metric (`metric:id`), if the model has one. */
export function renameOf(renames: readonly Rename[] | undefined, from: string): Rename | undefined {
  return renames?.find((r) => r.from === from);
}

/** What to say about an old name: "renamed to X in format 2 (why)" or "removed in format 2 (why)". */
export function renameWords(rename: Rename): string {
  const what = rename.to ? `was renamed to ${rename.to.replace(/^metric:/, '')}` : 'was removed';
  return `${what} in scenario format ${rename.since} (${rename.note})`;
}

/** How to fix a file that uses an old name. */
export function renameHint(rename: Rename): string {
  const to = rename.to?.replace(/^metric:/, '');
  return to
    ? `write ${to}, or declare the file's older format (format: ${rename.since - 1}) to have it upgraded`
    : `remove it, or declare the file's older format (format: ${rename.since - 1}) to have it dropped`;
}

/** Moves the value at `from` (a dotted path) to `to` in plain data; true if there was one. */
function move(data: Plain, from: string, to: string | undefined): boolean {
  const keys = from.split('.');
  let node: unknown = data;
  for (const key of keys.slice(0, -1)) {
    if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = node[key];
  }
  const last = keys[keys.length - 1];
  if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, last)) return false;
  const value = node[last];
  delete node[last];
  if (!to) return true;
  let target: Plain = data;
  const toKeys = to.split('.');
  for (const key of toKeys.slice(0, -1)) {
    if (!isRecord(target[key])) target[key] = {};
    target = target[key] as Plain;
  }
  target[toKeys[toKeys.length - 1]] = value;
  return true;
}

export interface Upgrade {
  data: Plain;
  warnings: ScenarioIssue[];
}

/**
 * A file of an older format brought to the current one: renamed keys (and lever paths in `set`/`ramp`,
 * and metric ids in `output`) moved to their new names, removed ones dropped, each with a warning at the
 * place it was written. Data of the current format comes back unchanged.
 */
export function upgradeScenario(
  data: Plain,
  source: SourceNode,
  renames: readonly Rename[] | undefined,
  current: number,
): Upgrade {
  // a format that is not a whole number from 1 up is left for the schema to report where it was written
  const valid = Number.isInteger(data.format) && (data.format as number) >= 1;
  const format = valid ? (data.format as number) : current;
  const due = (renames ?? []).filter((r) => r.since > format && r.since <= current);
  if (due.length === 0) return { data, warnings: [] };
  const out = structuredClone(data);
  const warnings: ScenarioIssue[] = [];
  const warn = (path: PathSegment[], rename: Rename) =>
    warnings.push({
      ...keyOrigin(source, path),
      path: formatPath(path),
      message: `${formatPath(path)} ${renameWords(rename)}: read as ${rename.to?.replace(/^metric:/, '') ?? 'nothing'}`,
      hint: `write the new name and format: ${current} to silence this`,
    });
  for (const rename of due) {
    if (rename.from.startsWith('metric:')) {
      const id = rename.from.slice('metric:'.length);
      const to = rename.to?.slice('metric:'.length);
      const output = isRecord(out.output) ? out.output : undefined;
      const lists: [PathSegment[], unknown][] = [[['output', 'metrics'], output?.metrics]];
      if (Array.isArray(output?.charts)) {
        output.charts.forEach((chart, i) => {
          if (isRecord(chart)) lists.push([['output', 'charts', i, 'metrics'], chart.metrics]);
        });
      }
      for (const [path, list] of lists) {
        if (!Array.isArray(list)) continue;
        list.forEach((metric, i) => {
          if (metric !== id) return;
          warn([...path, i], rename);
          if (to) list[i] = to;
        });
      }
      continue;
    }
    if (move(out, rename.from, rename.to)) warn(rename.from.split('.'), rename);
    if (rename.from.startsWith('levers.') && Array.isArray(out.timeline)) {
      const from = rename.from.slice('levers.'.length);
      const to = rename.to?.slice('levers.'.length);
      out.timeline.forEach((event, i) => {
        if (!isRecord(event)) return;
        for (const kind of ['set', 'ramp'] as const) {
          const map = event[kind];
          if (!isRecord(map) || !Object.prototype.hasOwnProperty.call(map, from)) continue;
          warn(['timeline', i, kind, from], rename);
          const value = map[from];
          delete map[from];
          if (to) map[to] = value;
        }
      });
    }
  }
  out.format = current;
  return { data: out, warnings };
}
