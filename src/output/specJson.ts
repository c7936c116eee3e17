/**
 * A Vega-Lite spec as a JSON file people can read and edit: indented, except that each inline data row
 * stays on one line (indenting thousands of rows field by field would triple the file for nothing).
 */

export function specJson(spec: unknown): string {
  const rowLists: unknown[][] = [];
  const token = (i: number) => `\u0001civsim-rows-${i}\u0001`;
  const text = JSON.stringify(
    spec,
    (key, value: unknown) => {
      if (key === 'values' && Array.isArray(value)) {
        rowLists.push(value);
        return token(rowLists.length - 1);
      }
      return value;
    },
    2,
  );
  // JSON.stringify writes the marker's control characters as the escape \u0001; scenario text has no
  // control characters, so only the tokens placed above match.
  const out = text.replace(
    /^( *)"values": "\\u0001civsim-rows-(\d+)\\u0001"/gm,
    (_all, indent: string, i: string) => {
      const rows = rowLists[Number(i)];
      if (rows.length === 0) return `${indent}"values": []`;
      return `${indent}"values": [\n${rows.map((row) => `${indent}  ${JSON.stringify(row)}`).join(',\n')}\n${indent}]`;
    },
  );
  return `${out}\n`;
}
