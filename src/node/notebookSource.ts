/**
 * The course notebooks are written once, as Markdown (notebooks/source/*.md), and built into two Jupyter
 * notebooks each: the student's, and the teacher's with the answers. One source keeps the two versions
 * from drifting apart. The format:
 *
 * - a fenced block opened with three backticks and `ts` is a code cell; everything else is Markdown;
 * - a line `+++` ends one Markdown cell and starts the next;
 * - lines between `:::teacher` and `:::` appear only in the teacher's version (Markdown and code cells
 *   alike).
 *
 * Pure: text in, notebook JSON out, written the way Jupyter writes it (keys sorted, one-space indent), so
 * a notebook opened and saved unchanged keeps its bytes.
 */

export type Version = 'student' | 'teacher';

export interface SourceCell {
  kind: 'markdown' | 'code';
  text: string;
  /** Only in the teacher's version. */
  teacher: boolean;
}

export class NotebookSourceError extends Error {}

/** The cells of a notebook source, in order, with empty Markdown cells left out. */
export function parseNotebookSource(text: string, file = 'notebook source'): SourceCell[] {
  const cells: SourceCell[] = [];
  let lines: string[] = [];
  let kind = 'markdown' as SourceCell['kind'];
  let teacher = false;
  let codeStart = 0;
  let teacherStart = 0;
  const flush = () => {
    const body = lines.join('\n').replace(/^\n+|\s+$/g, '');
    if (kind === 'code' || body !== '') cells.push({ kind, text: body, teacher });
    lines = [];
  };
  const all = text.replace(/\r\n/g, '\n').split('\n');
  all.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (kind === 'code') {
      if (line.trimEnd() === '```') {
        flush();
        kind = 'markdown';
      } else lines.push(line);
      return;
    }
    if (line.trimEnd() === '```ts') {
      flush();
      kind = 'code';
      codeStart = i + 1;
    } else if (line.trimEnd() === '+++') {
      flush();
    } else if (line.trimEnd() === ':::teacher') {
      if (teacher) throw new NotebookSourceError(`${where}: :::teacher inside a teacher block`);
      flush();
      teacher = true;
      teacherStart = i + 1;
    } else if (line.trimEnd() === ':::') {
      if (!teacher) throw new NotebookSourceError(`${where}: ::: closes no teacher block`);
      flush();
      teacher = false;
    } else lines.push(line);
  });
  if (kind === 'code') throw new NotebookSourceError(`${file}:${codeStart}: code block never closed`);
  if (teacher) throw new NotebookSourceError(`${file}:${teacherStart}: :::teacher never closed`);
  flush();
  return cells;
}

/** The kernel the notebooks run on: the Deno kernelspec committed in .jupyter/kernels/deno. */
export const kernelspec = { name: 'deno', display_name: 'Deno (civsim)', language: 'typescript' };

/** Jupyter keeps a cell's source as lines, each with its newline but the last. */
function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line)).filter((l) => l !== '');
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * One version of a notebook as the text of its .ipynb file (nbformat 4.5, no outputs). The teacher's
 * version says under its title that it is the teacher's, and where the student's is.
 */
export function buildNotebook(cells: readonly SourceCell[], version: Version, studentFile: string): string {
  const kept = cells.filter((c) => version === 'teacher' || !c.teacher);
  const withNote: SourceCell[] =
    version === 'teacher'
      ? [
          ...kept.slice(0, 1),
          {
            kind: 'markdown',
            teacher: true,
            text:
              "> **Teacher's version**, with answers after the questions and exercises. Students get " +
              `[\`notebooks/${studentFile}\`](../${studentFile}), the same notebook without them.`,
          },
          ...kept.slice(1),
        ]
      : kept;
  const notebook = {
    cells: withNote.map((cell, i) => ({
      cell_type: cell.kind,
      id: `cell-${String(i + 1).padStart(2, '0')}`,
      metadata: {},
      source: sourceLines(cell.text),
      ...(cell.kind === 'code' ? { execution_count: null, outputs: [] } : {}),
    })),
    metadata: {
      kernelspec,
      language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/x.typescript' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(sortedKeys(notebook), null, 1)}\n`;
}

/** The code cells of a notebook file joined into one TypeScript module (to type-check them with deno). */
export function codeOfNotebook(ipynb: string): string {
  const notebook = JSON.parse(ipynb) as { cells: { cell_type: string; source: string | string[] }[] };
  return notebook.cells
    .filter((c) => c.cell_type === 'code')
    .map((c, i) => `// cell ${i + 1}\n${Array.isArray(c.source) ? c.source.join('') : c.source}\n`)
    .join('\n');
}
