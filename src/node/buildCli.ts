/**
 * `npm run build` (also at `npm pack` and on `npm ci`, through `prepare`): after tsc has compiled the
 * library to dist/ (with type declarations), bundles the command line into dist/cli/: the entry
 * dist/cli/civsim.js (the package's bin: the argument parser and the commands' options and help), one
 * chunk per command action (what `civsim run` etc. do: the models, the loader, the outputs), chunks
 * they share, and dist/cli/replicateWorker.js, the worker threads' entry. A command thus loads a handful
 * of files instead of hundreds — Node spends most of a short run resolving and reading modules — and
 * `civsim --help` still loads no action at all.
 *
 * Packages that are large and needed only sometimes (Vega and resvg for charts, Piscina, BullMQ,
 * Playwright, esbuild) stay in node_modules and load when used; the small ones every run needs are
 * bundled. Every output file sits directly in dist/cli/, two folders below the package root like the
 * compiled dist/node/ files, so the paths the library builds from `import.meta.url` (the package root,
 * the explorer's prebuilt page, the worker script) point to the same places from the bundle.
 */
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outdir = `${root}dist/cli`;

/** Packages bundled into the command line; any other package is imported from node_modules. */
const bundled = new Set([
  // the argument parser
  'yargs',
  'yargs-parser',
  'cliui',
  'string-width',
  'strip-ansi',
  'ansi-regex',
  'wrap-ansi',
  'ansi-styles',
  'emoji-regex',
  'get-east-asian-width',
  'escalade',
  'y18n',
  'get-caller-file',
  'require-directory',
  // what the actions need on every run
  'zod',
  'yaml',
  'seedrandom',
  'simple-statistics',
  '@noble/hashes',
  'csv-parse',
  'jstat',
]);

// the chunks of an earlier build (their names carry hashes of their contents)
for (const file of readdirSync(outdir)) if (/^civsim-.*\.js$/.test(file)) rmSync(`${outdir}/${file}`);

const result = await build({
  entryPoints: {
    civsim: `${root}src/cli/bin.ts`,
    replicateWorker: `${root}src/node/replicateWorker.ts`,
  },
  outdir,
  entryNames: '[name]',
  chunkNames: 'civsim-[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  keepNames: true,
  metafile: true,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as civsimCreateRequire } from 'node:module';\nconst require = civsimCreateRequire(import.meta.url);",
  },
  plugins: [
    {
      // string-width (three copies, under yargs, cliui and wrap-ansi) builds Unicode property regular
      // expressions and an Intl.Segmenter when it loads, about 40 ms; it measures only help text, so it
      // loads the first time it measures
      name: 'string-width-when-used',
      setup(b) {
        b.onResolve({ filter: /^string-width$/ }, async (args) => {
          if (args.pluginData === 'real') return undefined; // the lookup just below
          const real = await b.resolve(args.path, {
            kind: args.kind,
            resolveDir: args.resolveDir,
            pluginData: 'real',
          });
          if (real.errors.length > 0) return { errors: real.errors };
          return { path: real.path, namespace: 'string-width-when-used' };
        });
        b.onLoad({ filter: /.*/, namespace: 'string-width-when-used' }, (args) => ({
          contents: [
            'let measure;',
            'export default function stringWidth(text, options) {',
            `  measure ??= require(${JSON.stringify(args.path)}).default;`,
            '  return measure(text, options);',
            '}',
          ].join('\n'),
          resolveDir: root,
        }));
      },
    },
    {
      // yargs renders the whole help of the command that runs, before the command's handler has gone
      // far, in case the handler later asks for it (civsim's never do: each command has its own fail
      // handler and prints no help after starting); that rendering took about 50 ms of every command
      name: 'yargs-without-help-cached',
      setup(b) {
        b.onLoad({ filter: /[\\/]yargs[\\/]build[\\/]lib[\\/]command\.js$/ }, async (args) => {
          const source = await readFile(args.path, 'utf8');
          const call = 'yargs.getInternalMethods().getUsageInstance().cacheHelpMessage();';
          if (!source.includes(call)) throw new Error(`${args.path} no longer has ${call}: check the patch`);
          return { contents: source.replace(call, ''), loader: 'js' };
        });
      },
    },
    {
      // yargs imports node:assert (about 5 ms to load) for two internal sanity checks: the same checks,
      // written out, in its place
      name: 'yargs-without-node-assert',
      setup(b) {
        b.onResolve({ filter: /^assert$/ }, (args) =>
          /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]/.test(args.importer)
            ? { path: 'assert', namespace: 'yargs-assert' }
            : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'yargs-assert' }, () => ({
          contents: [
            'const fail = (actual, expected, message, operator) => {',
            '  throw message instanceof Error ? message : Object.assign(new Error(message ??',
            '    `${String(actual)} ${operator} ${String(expected)}`), { code: "ERR_ASSERTION", actual, expected, operator });',
            '};',
            'export function strictEqual(actual, expected, message) {',
            '  if (!Object.is(actual, expected)) fail(actual, expected, message, "strictEqual");',
            '}',
            'export function notStrictEqual(actual, expected, message) {',
            '  if (Object.is(actual, expected)) fail(actual, expected, message, "notStrictEqual");',
            '}',
          ].join('\n'),
          loader: 'js',
        }));
      },
    },
    {
      // zod's error messages in fifty languages (half of zod, read and compiled on every command): civsim
      // uses English, zod's default, and never z.locales
      name: 'zod-in-english',
      setup(b) {
        b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
          contents: "export { default as en } from './en.js';\n",
          loader: 'js',
        }));
      },
    },
    {
      name: 'civsim-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith('node:')) return undefined;
          const name = args.path.startsWith('@')
            ? args.path.split('/').slice(0, 2).join('/')
            : args.path.split('/')[0];
          return bundled.has(name) ? undefined : { path: args.path, external: true };
        });
      },
    },
  ],
});

const outputs = Object.keys(result.metafile.outputs).map((path) =>
  relative(outdir, `${process.cwd()}/${path}`),
);
const nested = outputs.filter((path) => dirname(path) !== '.');
if (nested.length > 0) throw new Error(`bundle files outside dist/cli/ itself: ${nested.join(', ')}`);
process.stdout.write(`bundled the command line into dist/cli/ (${outputs.length} files)\n`);
