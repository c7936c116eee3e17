/**
 * The course notebooks as built from their sources (notebooks/source/*.md): each student's and teacher's
 * .ipynb file with its text. The script src/node/buildNotebooks.ts writes them; a test compares them with
 * the committed files.
 */
import { readdir, readFile } from 'node:fs/promises';
import { buildNotebook, parseNotebookSource } from './notebookSource.ts';

/** The notebooks folder of the repository. */
export const notebooksFolder = new URL('../../notebooks/', import.meta.url);

/** Every notebook file the sources make: path under notebooks/ and its text. */
export async function builtNotebooks(): Promise<{ path: string; text: string }[]> {
  const sources = (await readdir(new URL('source/', notebooksFolder)))
    .filter((f) => f.endsWith('.md'))
    .sort();
  const out: { path: string; text: string }[] = [];
  for (const source of sources) {
    const cells = parseNotebookSource(
      await readFile(new URL(`source/${source}`, notebooksFolder), 'utf8'),
      source,
    );
    const name = source.replace(/\.md$/, '.ipynb');
    out.push({ path: name, text: buildNotebook(cells, 'student', name) });
    out.push({ path: `teacher/${name}`, text: buildNotebook(cells, 'teacher', name) });
  }
  return out;
}
