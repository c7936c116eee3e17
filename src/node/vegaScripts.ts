/**
 * The browser builds of Vega, Vega-Lite and vega-embed, read from their installed packages, for pages
 * that inline them (see output/interactiveCharts.ts). Their export maps do not expose the build files, so
 * each package's folder is found from its main entry.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import type { VegaScripts } from '../output/interactiveCharts.ts';

/** The folder of an installed package: the nearest folder above its entry whose package.json names it. */
export function packageFolder(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name
    ) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of the installed package ${name}`);
    dir = parent;
  }
}

let cached: Promise<VegaScripts> | undefined;

/** Read once per process (about 830 kB together). */
export function vegaScripts(): Promise<VegaScripts> {
  cached ??= (async () => {
    const read = (name: string, file: string) => readFile(join(packageFolder(name), 'build', file), 'utf8');
    const [vega, vegaLite, vegaEmbed] = await Promise.all([
      read('vega', 'vega.min.js'),
      read('vega-lite', 'vega-lite.min.js'),
      read('vega-embed', 'vega-embed.min.js'),
    ]);
    return { vega, vegaLite, vegaEmbed };
  })();
  return cached;
}
