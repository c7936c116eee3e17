/**
 * `npm run build` (after tsc and the CLI bundle): the explorer's page, bundled by esbuild into
 * dist/explorer-page/, so the installed package (which has no esbuild) serves and builds it as it is.
 * The scenarios are added when the page is served or built (src/node/exploreBuild.ts).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleExplorerAssets } from './exploreBuild.ts';

const out = fileURLToPath(new URL('../../dist/explorer-page/', import.meta.url));

const files = await bundleExplorerAssets();
await rm(out, { recursive: true, force: true });
for (const [path, content] of files) {
  const file = join(out, ...path.split('/'));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}
process.stdout.write(`bundled the explorer's page into dist/explorer-page/ (${files.size} files)\n`);
