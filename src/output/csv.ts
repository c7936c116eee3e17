/**
 * CSV encoding shared by every table civsim writes: RFC 4180 quoting, `\n` line ends, UTF-8 without a
 * byte-order mark (a BOM turns R's first column name into `X.U.FEFF.replicate`), and numbers written so
 * that the same value always gives the same bytes and reads back as the same double.
 */

/** A cell before encoding; null, undefined and NaN become an empty cell (R reads NA, pandas NaN). */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Formats a number for CSV: the shortest decimal that reads back as the same double (ECMAScript's
 * Number-to-String, identical on every platform), so files are lossless and byte-stable. NaN is an
 * empty cell, ±Infinity is `Inf`/`-Inf` (read as numbers by R and pandas), and −0 is written `0`.
 */
export function formatCsvNumber(value: number): string {
  if (Number.isNaN(value)) return '';
  if (value === Number.POSITIVE_INFINITY) return 'Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  if (value === 0) return '0';
  return String(value);
}

const needsQuotes = /[",\r\n]/;

/** Encodes one cell: quoted (with inner quotes doubled) only when it holds a comma, quote or line break. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return formatCsvNumber(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'; // logical in R, bool in pandas and Excel
  return needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Encodes one record, ending with `\n`. */
export function csvLine(cells: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += csvField(cells[i]);
  }
  return line + '\n';
}

/** A whole table as one string (for small tables and tests; large ones stream their lines). */
export function csvText(rows: Iterable<string>): string {
  let text = '';
  for (const row of rows) text += row;
  return text;
}
