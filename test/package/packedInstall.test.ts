/**
 * civsim as users get it: `npm pack` builds the package (compiled JavaScript with type declarations, the
 * bundled command line, the shipped scenarios), and an empty project installs the tarball. There the
 * installed `civsim` runs a shipped scenario and both entries import, without TypeScript or tsx.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

let work: string;
let project: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'civsim-pack-'));
  const { stdout } = await exec('npm', ['pack', '--pack-destination', work, '--silent'], {
    cwd: root,
    maxBuffer: 1 << 24,
  });
  const tarball = join(work, stdout.trim().split('\n').pop()!);
  project = join(work, 'project');
  await exec('mkdir', ['-p', project]);
  await writeFile(
    join(project, 'package.json'),
    '{ "name": "uses-civsim", "private": true, "type": "module" }\n',
  );
  await exec('npm', ['install', '--no-audit', '--no-fund', '--silent', tarball], {
    cwd: project,
    maxBuffer: 1 << 24,
  });
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the packed package, installed', () => {
  it('holds compiled JavaScript with type declarations, and no TypeScript to run', async () => {
    const pkg = join(project, 'node_modules', 'civsim');
    expect(existsSync(join(pkg, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(pkg, 'dist', 'index.d.ts'))).toBe(true);
    expect(existsSync(join(pkg, 'dist', 'node', 'index.d.ts'))).toBe(true);
    expect(existsSync(join(pkg, 'dist', 'cli', 'civsim.js'))).toBe(true);
    const files = (await readdir(pkg, { recursive: true })).map(String);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(existsSync(join(project, 'node_modules', 'tsx'))).toBe(false);
    const manifest = JSON.parse(await readFile(join(pkg, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(manifest.bin.civsim).toBe('dist/cli/civsim.js');
  });

  it('runs a shipped scenario with npx civsim run', async () => {
    const { stdout } = await exec(
      'npx',
      [
        'civsim',
        'run',
        'node_modules/civsim/scenarios/kazakhstan.yaml',
        '--scale',
        '0.05',
        '-r',
        '2',
        '-q',
        '--out',
        'out',
      ],
      { cwd: project, maxBuffer: 1 << 24 },
    );
    const folder = join(project, stdout.trim());
    const files = await readdir(folder);
    expect(files).toEqual(
      expect.arrayContaining(['manifest.json', 'series.csv', 'summary.csv', 'index.html', 'charts']),
    );
    expect((await readFile(join(folder, 'series.csv'), 'utf8')).split('\n')[0]).toBe(
      'replicate,date,metric,value',
    );
  });

  it('builds the explorer from its prebuilt page (the package has no esbuild)', async () => {
    expect(existsSync(join(project, 'node_modules', 'esbuild'))).toBe(false);
    const { stdout } = await exec('npx', ['civsim', 'explore', '--build', 'site', '-q'], {
      cwd: project,
      maxBuffer: 1 << 24,
    });
    expect(stdout.trim()).toBe(join(project, 'site'));
    const files = await readdir(join(project, 'site'));
    expect(files).toEqual(
      expect.arrayContaining(['index.html', 'first.js', 'app.js', 'worker.js', 'scenarios.js', 'vendor']),
    );
  });

  it('imports both entries: the universal one and civsim/node', async () => {
    const script = `
      const universal = await import('civsim');
      const node = await import('civsim/node');
      const { scenario } = await node.loadScenario('node_modules/civsim/scenarios/classics/threshold-riot.yaml');
      const result = universal.runReplicate(universal.modelById(scenario.model), scenario, 0);
      console.log(JSON.stringify({
        universal: typeof universal.runScenario,
        node: typeof node.runToFolder,
        last: result.series.values.participation.at(-1),
      }));
    `;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ universal: 'function', node: 'function', last: 1 });
  });
});
