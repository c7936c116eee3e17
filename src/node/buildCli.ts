/**
 * `npm run build` (also at `npm pack` and on `npm ci`, through `prepare`): after tsc has compiled the
 * library to dist/ (with type declarations), bundles the command line's start-up path — the entry, the
 * argument parser (yargs, which is dozens of small modules) and the commands' options and help — into
 * one file, dist/cli/civsim.js, the package's bin. What a command does (its action: the models, the
 * loader, the outputs, the workers) stays in the compiled library and loads only when a command runs,
 * so `civsim --help` answers in about the time Node takes to start.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

await build({
  entryPoints: [`${root}src/cli/bin.ts`],
  outfile: `${root}dist/cli/civsim.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as civsimCreateRequire } from 'node:module';\nconst require = civsimCreateRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'civsim-actions-and-packages',
      setup(b) {
        // the commands' actions: left to the compiled library, next to the bundle in dist/cli/commands/
        b.onResolve({ filter: /Action\.ts$/ }, (args) => ({
          path: `./commands/${args.path.replace(/^\.\//, '').replace(/\.ts$/, '.js')}`,
          external: true,
        }));
        // packages other than the argument parser stay in node_modules
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          const name = args.path.startsWith('@')
            ? args.path.split('/').slice(0, 2).join('/')
            : args.path.split('/')[0];
          const bundled = [
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
          ];
          return bundled.includes(name) || args.path.startsWith('node:')
            ? undefined
            : { path: args.path, external: true };
        });
      },
    },
  ],
});
process.stdout.write('bundled dist/cli/civsim.js\n');
