/**
 * `npm run notebooks:build`: builds the course notebooks from their sources — notebooks/source/NN-name.md
 * into notebooks/NN-name.ipynb (the student's) and notebooks/teacher/NN-name.ipynb (with the answers); see
 * src/node/notebookSource.ts for the format. A test fails when a committed notebook is stale, so run this
 * after editing a source.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { builtNotebooks, notebooksFolder } from './notebookFiles.ts';

await mkdir(new URL('teacher/', notebooksFolder), { recursive: true });
const notebooks = await builtNotebooks();
for (const { path, text } of notebooks) await writeFile(new URL(path, notebooksFolder), text);
process.stdout.write(`wrote ${notebooks.length} notebooks in notebooks/ and notebooks/teacher/\n`);
