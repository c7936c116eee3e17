/**
 * The universal entry bundled for a browser (esbuild): one ES module with every model, the scenario
 * loader, the runner, summaries, tables and chart specs, and no Node API. The browser test and the
 * explorer's static build use it; `npm run bench` reports its size.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../index.ts', import.meta.url));

export interface BrowserBundle {
  code: string;
  bytes: number;
}

/** The universal entry as one minified ES module for `platform: 'browser'`. */
export async function bundleForBrowser(options: { minify?: boolean } = {}): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? true,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const code = result.outputFiles[0].text;
  return { code, bytes: result.outputFiles[0].contents.length };
}
