/**
 * The course notebooks (notebooks/*.ipynb, teacher versions in notebooks/teacher/): built from their
 * sources, executed end to end on the committed Deno kernelspec with Debian's Jupyter (as a student's
 * machine runs them), every chart shown as one bundle of Vega-Lite, PNG and text, and their code cells
 * type-checked with deno. CI installs Jupyter (.ci/run) and deno (devDependency).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { vegaLiteMimeType } from '../../src/node/chartBundle.ts';
import { builtNotebooks } from '../../src/node/notebookFiles.ts';
import { codeOfNotebook } from '../../src/node/notebookSource.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const notebooks = join(root, 'notebooks');
const env = {
  ...process.env,
  JUPYTER_PATH: join(root, '.jupyter'),
  PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
  NO_COLOR: '1',
  DENO_NO_UPDATE_CHECK: '1',
};
// Executed notebooks and the code to check go inside the repository (git ignores notebooks/.check/), so
// that deno resolves the checked code's imports through deno.json and node_modules; not under
// node_modules itself, where deno would take the files for a package's and skip checking them.
const checks = join(notebooks, '.check');
mkdirSync(checks, { recursive: true });
const out = mkdtempSync(join(checks, 'run-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const committed = [
  ...readdirSync(notebooks).filter((f) => f.endsWith('.ipynb')),
  ...readdirSync(join(notebooks, 'teacher'))
    .filter((f) => f.endsWith('.ipynb'))
    .map((f) => `teacher/${f}`),
].sort();

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: string;
  execution_count?: number | null;
  outputs?: Output[];
}

describe('the course notebooks', () => {
  it('are built from notebooks/source: six, each a student and a teacher version, none stale', async () => {
    const built = await builtNotebooks();
    expect(built.map((b) => b.path).sort()).toEqual(committed);
    expect(committed.filter((p) => !p.startsWith('teacher/'))).toHaveLength(6);
    for (const { path, text } of built) {
      expect(
        readFileSync(join(notebooks, path), 'utf8'),
        `${path} is stale: run npm run notebooks:build`,
      ).toBe(text);
    }
  });

  it.each(committed)(
    '%s runs end to end and shows every chart as Vega-Lite, PNG and text',
    async (path) => {
      const target = join(out, dirname(path));
      const started = performance.now();
      try {
        await run(
          'jupyter',
          ['nbconvert', '--to', 'notebook', '--execute', '--output-dir', target, join(notebooks, path)],
          { env, cwd: root, maxBuffer: 64 * 1024 * 1024 },
        );
      } catch (error) {
        const e = error as { stderr?: string; message: string };
        throw new Error(`${path} failed to run:\n${(e.stderr ?? e.message).slice(-4000)}`, { cause: error });
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(`${path}: executed in ${seconds.toFixed(1)} s`);
      const executed = JSON.parse(readFileSync(join(target, basename(path)), 'utf8')) as { cells: Cell[] };
      const code = executed.cells.filter((c) => c.cell_type === 'code');
      expect(code.every((c) => typeof c.execution_count === 'number')).toBe(true);
      const outputs = code.flatMap((c) => c.outputs ?? []);
      expect(outputs.filter((o) => o.output_type === 'error')).toEqual([]);
      const charts = outputs.filter((o) => o.data && vegaLiteMimeType in o.data);
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        const data = chart.data!;
        expect(Object.keys(data).sort()).toEqual(['image/png', 'text/plain', vegaLiteMimeType].sort());
        const spec = data[vegaLiteMimeType] as { $schema?: string };
        expect(spec.$schema).toMatch(/vega-lite/);
        expect(
          Buffer.from(data['image/png'] as string, 'base64')
            .subarray(1, 4)
            .toString('latin1'),
        ).toBe('PNG');
        const text = Array.isArray(data['text/plain']) ? data['text/plain'].join('') : data['text/plain'];
        expect(String(text).length).toBeGreaterThan(10);
        expect(chart.metadata?.['image/png']).toMatchObject({ width: expect.any(Number) });
      }
      // small runs: a notebook is meant to take well under a minute on a 2-core machine
      expect(seconds).toBeLessThan(120);
    },
    300_000,
  );

  it("type-check: every notebook's code cells pass deno check", async () => {
    const files = committed.map((path) => {
      const file = join(out, `check-${path.replace('/', '-').replace(/\.ipynb$/, '.ts')}`);
      writeFileSync(file, codeOfNotebook(readFileSync(join(notebooks, path), 'utf8')));
      return file;
    });
    try {
      await run('deno', ['check', '--quiet', '--config', join(root, 'deno.json'), ...files], {
        env,
        cwd: root,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`deno check failed:\n${(e.stderr || e.stdout || e.message).slice(0, 6000)}`, {
        cause: error,
      });
    }
  }, 300_000);
});
