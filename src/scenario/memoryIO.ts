/**
 * A ScenarioIO over files held in memory (path → text), with POSIX-style relative paths: for the browser
 * explorer, where scenarios come from an upload or an editor, and for tests that need no file system.
 */
import type { ScenarioIO } from './load.ts';

export function memoryScenarioIO(files: Readonly<Record<string, string>>): ScenarioIO {
  return {
    async readFile(path) {
      if (!Object.prototype.hasOwnProperty.call(files, path)) {
        throw Object.assign(new Error(`no such file: ${path}`), { code: 'ENOENT' });
      }
      return files[path];
    },
    resolve: (fromFile, relative) => resolvePosixPath(fromFile, relative),
  };
}

/** `relative` seen from the folder of `fromFile`, with `.` and `..` segments folded away. */
export function resolvePosixPath(fromFile: string, relative: string): string {
  const folder = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/') + 1) : '';
  const joined = relative.startsWith('/') ? relative : `${folder}${relative}`;
  const absolute = joined.startsWith('/');
  const out: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (!absolute) out.push(segment); // above the root of a relative path: keep the `..`
  }
  const path = out.join('/');
  return absolute ? `/${path}` : path;
}
