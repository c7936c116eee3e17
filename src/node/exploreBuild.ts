/**
 * The explorer as files (`civsim explore`, `civsim explore --build DIR`): a single page that runs the
 * library in the browser, with nothing to fetch from outside.
 *
 * - `index.html` and `explore.css` (src/explore/), `app.js` (the page: src/explore/app.ts) and
 *   `worker.js` (a Web Worker that runs replicates: src/explore/worker.ts), bundled by esbuild;
 * - `vendor/`: the browser builds of Vega, Vega-Lite and vega-embed from node_modules, with their
 *   licences (no CDN);
 * - `scenarios.js`: the shipped scenarios (scenarios/*.yaml, scenarios/classics/*.yaml) as text, and the
 *   one `civsim explore SCENARIO` was given with its extends chain — a classic script, so the page also
 *   opens from a file system.
 *
 * Running from the sources (tsx), the page is bundled on the spot; the installed package has it prebuilt
 * in dist/explorer-page/ (`npm run build`: src/node/buildExplore.ts), since esbuild is only a development
 * dependency. A built folder is written complete or not at all: into a temporary folder next to it,
 * flushed, then renamed; an older explorer build there is replaced, anything else is left alone.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog, CatalogEntry } from '../explore/catalog.ts';
import { sketchOf } from '../explore/sketch.ts';
import { modelById } from '../models/registry.ts';
import { checkScenarioFile, loadScenarioFile } from '../scenario/load.ts';
import { memoryScenarioIO } from '../scenario/memoryIO.ts';
import { syncFolder } from './atomicWrite.ts';
import { packageRoot } from './environment.ts';
import { nodeScenarioIO } from './scenarioIO.ts';
import { packageFolder } from './vegaScripts.ts';

/** The files of the page, by their path in the folder. */
export type ExplorerFiles = Map<string, Uint8Array>;

/** The marker of a folder this builds (so a rebuild may replace it, and nothing else). */
export const explorerMarker = '.civsim-explore.json';

/** The prebuilt page of an installed package (dist/explorer-page/, next to dist/node/). */
const prebuilt = fileURLToPath(new URL('../explorer-page/', import.meta.url));
const runningFromSources = import.meta.url.endsWith('.ts');

const vendor = [
  { name: 'vega', file: 'vega.min.js' },
  { name: 'vega-lite', file: 'vega-lite.min.js' },
  { name: 'vega-embed', file: 'vega-embed.min.js' },
] as const;

async function civsimVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** The page's static part (everything but scenarios.js), bundled now from src/explore/. */
export async function bundleExplorerAssets(): Promise<ExplorerFiles> {
  const { build } = await import('esbuild');
  const source = join(packageRoot, 'src', 'explore');
  const bundle = async (entry: string) => {
    const result = await build({
      entryPoints: [join(source, entry)],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      minify: true,
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
    });
    return result.outputFiles[0].contents;
  };
  const files: ExplorerFiles = new Map();
  const [first, app, worker] = await Promise.all([bundle('first.ts'), bundle('app.ts'), bundle('worker.ts')]);
  files.set('first.js', first);
  files.set('app.js', app);
  files.set('worker.js', worker);
  files.set('index.html', await readFile(join(source, 'index.html')));
  files.set('explore.css', await readFile(join(source, 'explore.css')));
  for (const { name, file } of vendor) {
    const folder = packageFolder(name);
    files.set(`vendor/${file}`, await readFile(join(folder, 'build', file)));
    const licence = (await readdir(folder)).find((f) => /^licen[sc]e/i.test(f));
    if (licence) files.set(`vendor/${name}.LICENSE.txt`, await readFile(join(folder, licence)));
  }
  return files;
}

/** Every file under a folder, by its path there (with `/`). */
async function readTree(folder: string): Promise<ExplorerFiles> {
  const files: ExplorerFiles = new Map();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(folder, path).split(sep).join('/'), await readFile(path));
  }
  return files;
}

/** The page's static part: bundled from the sources, or the installed package's prebuilt copy. */
export async function explorerAssets(): Promise<ExplorerFiles> {
  if (runningFromSources) return bundleExplorerAssets();
  if (!existsSync(join(prebuilt, 'app.js'))) {
    throw new Error(`the explorer's page is missing from ${prebuilt}: run npm run build`);
  }
  return readTree(prebuilt);
}

/** The shipped scenarios, each checked as the page will load it. */
async function shippedEntries(files: Record<string, string>): Promise<CatalogEntry[]> {
  const entries: CatalogEntry[] = [];
  for (const [folder, group] of [
    ['', 'policy'],
    ['classics', 'classics'],
  ] as const) {
    const dir = join(packageRoot, 'scenarios', folder);
    for (const name of (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort()) {
      const path = `scenarios/${folder ? `${folder}/` : ''}${name}`;
      files[path] = await readFile(join(dir, name), 'utf8');
      entries.push({
        id: path.slice('scenarios/'.length, -'.yaml'.length),
        path,
        group,
        title: '',
        model: '',
      });
    }
  }
  const io = memoryScenarioIO(files);
  for (const entry of entries) {
    const check = await checkScenarioFile(entry.path, io);
    if (!check.loaded)
      throw new Error(`the shipped scenario ${entry.path} does not load: ${check.issues[0]?.message}`);
    entry.title = check.loaded.scenario.title ?? check.loaded.scenario.name;
    entry.model = check.loaded.scenario.model;
    entry.loaded = { scenario: check.loaded.scenario, hash: check.loaded.hash };
    entry.unitWords = modelById(entry.model).unitWords?.(check.loaded.scenario) ?? {};
  }
  return entries;
}

/**
 * The scenarios the page offers: the shipped ones, and `start` (a scenario file given on the command
 * line, with the files it extends) opened first. Throws a ScenarioError when `start` does not load.
 */
export async function scenarioCatalog(start?: string): Promise<Catalog> {
  const files: Record<string, string> = {};
  const entries = await shippedEntries(files);
  let first = 'kazakhstan';
  if (start !== undefined) {
    const loaded = await loadScenarioFile(start, nodeScenarioIO);
    const real = await realpath(start);
    const shipped = relative(join(packageRoot, 'scenarios'), real);
    const known = entries.find((e) => e.path === `scenarios/${shipped.split(sep).join('/')}`);
    if (known) {
      first = known.id;
    } else {
      // the chain keeps its layout under user/, relative to the folder that holds all its files
      const chain = await Promise.all(loaded.files.map((f) => realpath(f)));
      let common = dirname(chain[0]);
      while (!chain.every((f) => f.startsWith(common + sep))) common = dirname(common);
      for (const file of chain) {
        files[`user/${relative(common, file).split(sep).join('/')}`] = await readFile(file, 'utf8');
      }
      const path = `user/${relative(common, chain[0]).split(sep).join('/')}`;
      const id = `user/${
        basename(path, '.yaml')
          .replace(/[^a-z0-9_-]/gi, '-')
          .toLowerCase()
          .slice(0, 60) || 'scenario'
      }`;
      const scenario = loaded.scenario;
      entries.unshift({
        id,
        path,
        group: 'start',
        title: scenario.title ?? scenario.name,
        model: scenario.model,
        loaded: { scenario, hash: loaded.hash },
        unitWords: modelById(scenario.model).unitWords?.(scenario) ?? {},
      });
      first = id;
    }
  }
  const models = Object.fromEntries(
    [...new Set(entries.map((e) => e.model))].map((id) => [id, sketchOf(modelById(id))]),
  );
  return { entries, files, models, start: first, version: await civsimVersion() };
}

/** scenarios.js: the catalog as a classic script (JSON that cannot close a script or open a comment). */
export function catalogScript(catalog: Catalog): string {
  const json = JSON.stringify(catalog)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `globalThis.civsimCatalog = ${json};\n`;
}

/** Every file of the page for a catalog. */
export async function explorerFiles(options: { scenario?: string } = {}): Promise<ExplorerFiles> {
  const [assets, catalog] = await Promise.all([explorerAssets(), scenarioCatalog(options.scenario)]);
  const files: ExplorerFiles = new Map(assets);
  files.set('scenarios.js', new TextEncoder().encode(catalogScript(catalog)));
  files.set(
    explorerMarker,
    new TextEncoder().encode(`${JSON.stringify({ civsim: catalog.version, start: catalog.start })}\n`),
  );
  return files;
}

/** Thrown when the target folder exists and is not an earlier explorer build. */
export class ExploreFolderError extends Error {}

async function isExplorerBuild(dir: string): Promise<boolean> {
  return existsSync(join(dir, explorerMarker));
}

/**
 * Writes the page into `dir`, complete or not at all: every file into `<dir>.partial-…` (flushed), then
 * one rename. A folder there already is replaced only if it is an earlier explorer build (or empty).
 */
export async function writeExplorerFolder(dir: string, files: ExplorerFiles): Promise<string> {
  const target = resolve(dir);
  if (existsSync(target)) {
    const info = await stat(target);
    if (!info.isDirectory()) throw new ExploreFolderError(`${dir} exists and is not a folder`);
    const empty = (await readdir(target)).length === 0;
    if (!empty && !(await isExplorerBuild(target))) {
      throw new ExploreFolderError(
        `${dir} exists and is not an explorer build (no ${explorerMarker}): give a new or empty folder`,
      );
    }
  }
  await mkdir(dirname(target), { recursive: true });
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const partial = `${target}.partial-${stamp}`;
  try {
    for (const [path, content] of files) {
      const file = join(partial, ...path.split('/'));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content, { flush: true });
    }
    for (const folder of new Set([...files.keys()].map((p) => dirname(join(partial, ...p.split('/')))))) {
      await syncFolder(folder);
    }
    if (existsSync(target)) {
      const old = `${target}.old-${stamp}`;
      await rename(target, old);
      await rename(partial, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(partial, target);
    }
    await syncFolder(dirname(target));
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  return target;
}
