/**
 * The scenario loader's only contact with Node's file system (everything else in src/scenario runs in a
 * browser too). Relative `extends` paths resolve against the folder of the file that names them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import type { ScenarioIO } from './load.ts';

export const nodeScenarioIO: ScenarioIO = {
  readFile: (path) => readFile(path, 'utf8'),
  resolve: (fromFile, relative) =>
    isAbsolute(relative) ? normalize(relative) : join(dirname(fromFile), relative),
};

/** Writes a text file (UTF-8), e.g. the generated JSON Schema. */
export async function writeTextFile(target: string | URL, text: string): Promise<void> {
  await writeFile(target, text, 'utf8');
}
