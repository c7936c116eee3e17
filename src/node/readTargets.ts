/**
 * Reads a targets file (CSV with a header: date,metric,value,sd_or_tolerance,definition,source) with
 * csv-parse, keeping each row's line and each cell's column, and checks it (../calibrate/targets.ts).
 * Problems come back as scenario-style issues: file:line:column, the column's name, what was expected
 * and a hint. The file is read with the same size and kind checks as scenario files.
 */
import { parse } from 'csv-parse/sync';
import { parseTargets, type Target, type TargetContext, type TargetRow } from '../calibrate/targets.ts';
import { decodeScenarioText } from '../scenario/decodeText.ts';
import { ScenarioError, type ScenarioIssue } from '../scenario/issues.ts';
import { readScenarioBytes } from './scenarioIO.ts';

/** The 1-based columns at which each cell of a raw CSV record starts. */
export function cellColumns(raw: string): number[] {
  const columns = [1];
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) columns.push(i + 2);
  }
  return columns;
}

export async function readTargets(path: string, context: TargetContext): Promise<Target[]> {
  const issue = (
    line: number,
    column: number,
    path_: string,
    message: string,
    rest: Partial<ScenarioIssue> = {},
  ) => ({ file: path, line, column, path: path_, message, ...rest }) satisfies ScenarioIssue;
  let text: string;
  try {
    const decoded = decodeScenarioText(await readScenarioBytes(path), path);
    if (decoded.issue) throw new ScenarioError([decoded.issue]);
    text = decoded.text;
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw new ScenarioError([
      issue(
        0,
        0,
        '',
        `cannot read the targets file: ${error instanceof Error ? error.message : String(error)}`,
      ),
    ]);
  }
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      info: true,
      raw: true,
      relax_column_count: false,
      skip_empty_lines: true,
      bom: true,
      trim: false,
    }) as never;
  } catch (error) {
    const e = error as { message?: string; lines?: number; column?: number };
    throw new ScenarioError([
      issue(e.lines ?? 1, 1, '', `not readable as CSV: ${e.message ?? String(error)}`, {
        hint: 'cells holding commas or quotes go in double quotes, with inner quotes doubled',
      }),
    ]);
  }
  if (records.length === 0)
    throw new ScenarioError([
      issue(1, 1, '', 'the targets file is empty', { expected: 'a header line and one row per target' }),
    ]);
  const [head, ...body] = records;
  const header = head.record.map((h) => h.trim());
  const rows: TargetRow[] = body.map(({ record, info, raw }) => {
    const starts = cellColumns(raw.replace(/\r?\n$/, ''));
    const lines = raw.replace(/\r?\n$/, '').split('\n').length;
    return {
      line: info.lines - lines + 1,
      cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])),
      columns: Object.fromEntries(header.map((h, i) => [h, starts[i] ?? 1])),
    };
  });
  const { targets, problems } = parseTargets(header, rows, context);
  if (problems.length > 0) {
    throw new ScenarioError(
      problems.map((p) =>
        issue(p.line, p.column, p.key, p.message, {
          expected: p.expected,
          hint: p.hint ?? (p.expected ? `expected ${p.expected}` : undefined),
        }),
      ),
    );
  }
  return targets;
}
