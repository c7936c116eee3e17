/**
 * The model-writing guide (src/models/README.md) works as written: its code blocks are taken out of the
 * page, their `from 'civsim'` imports pointed at the library's universal entry, and the model they build
 * is registered, loaded from the page's scenario and run. Its claims are then checked: the club settles
 * near the SIS share 1 − dropout/contact before and after the recruitment drive, a bad key in a scenario
 * for the new model gets the loader's file:line:column message, and the same seed gives the same numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyOverrides,
  loadScenario,
  memoryScenarioIO,
  modelIds,
  runScenario,
  ScenarioError,
} from '../../src/index.ts';
import { runToFolder } from '../../src/node/index.ts';

const root = join(import.meta.dirname, '..', '..');
const guidePath = join(root, 'src', 'models', 'README.md');
// inside the repository (and git-ignored), so the blocks resolve zod from its node_modules
const folder = join(root, '.scratch', `guide-${process.pid}`);

/** The page's code blocks tagged `file=…`, joined per file in the order they appear. */
function blocksOf(markdown: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of markdown.matchAll(/^```(\w+) file=(\S+)\n([\s\S]*?)^```$/gm)) {
    files.set(m[2], (files.get(m[2]) ?? '') + m[3] + '\n');
  }
  return files;
}

interface Summary {
  keys: string[];
  metrics: { metric: string; mean: Float64Array; n: Int32Array }[];
}
let runClub: (yaml: string) => Promise<Summary>;
let files: Map<string, string>;

beforeAll(async () => {
  files = blocksOf(readFileSync(guidePath, 'utf8'));
  mkdirSync(folder, { recursive: true });
  const entry = relative(folder, join(root, 'src', 'index.ts'))
    .split('\\')
    .join('/');
  for (const [name, text] of files) {
    writeFileSync(join(folder, name), text.replaceAll(`from 'civsim'`, `from '${entry}'`));
  }
  ({ runClub } = await import(pathToFileURL(join(folder, 'run.ts')).href));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the model-writing guide', () => {
  it('has the files the page promises', () => {
    expect([...files.keys()].sort()).toEqual(['club.yaml', 'run.ts', 'wordOfMouth.ts']);
  });

  it('builds a model that runs its scenario and settles where the SIS model says', async () => {
    const summary = await runClub(files.get('club.yaml')!);
    expect(modelIds).toContain('word-of-mouth');
    const members = summary.metrics.find((m) => m.metric === 'members')!;
    expect(summary.keys).toHaveLength(121);
    expect(members.n[120]).toBe(5);
    // contact 0.25, dropout 0.1 → 1 − 0.1/0.25 = 0.6 before the drive; contact 0.5 → 0.8 after it
    const before = members.mean.slice(45, 60);
    const after = members.mean.slice(100, 121);
    const avg = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(avg(before)).toBeGreaterThan(0.6 - 0.03);
    expect(avg(before)).toBeLessThan(0.6 + 0.03);
    expect(avg(after)).toBeGreaterThan(0.8 - 0.03);
    expect(avg(after)).toBeLessThan(0.8 + 0.03);
  });

  it('gives the same numbers for the same seed', async () => {
    const a = await runClub(files.get('club.yaml')!);
    const b = await runClub(files.get('club.yaml')!);
    expect(Array.from(b.metrics[0].mean)).toEqual(Array.from(a.metrics[0].mean));
  });

  it('type-checks under the project’s strict settings', () => {
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({ extends: '../../tsconfig.json', include: ['*.ts', '../../src/**/*.d.ts'] }),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    let messages = '';
    try {
      execFileSync(process.execPath, [tsc, '--noEmit', '-p', join(folder, 'tsconfig.json')], {
        encoding: 'utf8',
      });
    } catch (error) {
      messages = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(messages).toBe('');
  }, 120_000);

  it('checks scenarios for the registered model like any other', async () => {
    await runClub(files.get('club.yaml')!);
    const bad = files.get('club.yaml')!.replace('  dropout: 0.1', '  dropuot: 0.1');
    const error = await loadScenario('club.yaml', memoryScenarioIO({ 'club.yaml': bad })).catch((e) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    const text = String(error.message);
    expect(text).toMatch(/club\.yaml:\d+:\d+/);
    expect(text).toContain('dropuot');
    expect(text).toContain('dropout');
  });

  it('writes a run folder of the registered model with civsim/node, in this thread', async () => {
    await runClub(files.get('club.yaml')!);
    const { scenario } = await loadScenario(
      'club.yaml',
      memoryScenarioIO({ 'club.yaml': files.get('club.yaml')! }),
    );
    const events: string[] = [];
    const run = await runToFolder(applyOverrides(scenario, { replicates: 2 }), {
      out: join(folder, 'results'),
      id: 'guide',
      workers: 2,
      onEvent: (event) => events.push(event.kind),
    });
    const names = run.files.map((f) => f.path);
    expect(names).toEqual(
      expect.arrayContaining(['series.csv', 'summary.csv', 'index.html', 'charts/members.svg']),
    );
    expect(JSON.parse(readFileSync(join(run.folder, 'manifest.json'), 'utf8')).model).toBe('word-of-mouth');
    const series = readFileSync(join(run.folder, 'series.csv'), 'utf8').split('\n');
    expect(series[0]).toBe('replicate,step,metric,value');
    expect(series.filter((line) => line.length > 0)).toHaveLength(1 + 2 * 121 * 3);
    expect(events).toContain('progress');
  });

  it('runs the registered model through runScenario with overrides of its scale', async () => {
    await runClub(files.get('club.yaml')!);
    const { scenario } = await loadScenario(
      'club.yaml',
      memoryScenarioIO({ 'club.yaml': files.get('club.yaml')! }),
    );
    const scaled = applyOverrides(scenario, { replicates: 2, scale: 0.5 }) as typeof scenario & {
      population: { people: number };
    };
    expect(scaled.population.people).toBe(1000);
    const run = await runScenario(scaled);
    expect(run.replicates).toHaveLength(2);
  });
});
