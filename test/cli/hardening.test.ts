/**
 * civsim used as a hostile or careless user would, through the real binary: every file of
 * test/fixtures/bad/ (see its README), huge numbers and runs, unusable result folders, a disk that fills
 * up while writing, signals in every phase, a closed pipe, time zones. Each case checks the exit code,
 * that the message is one clear line (file:line:col where a file is at fault), that no stack trace is
 * printed and, where memory could run away, that a watchdog never had to kill the process.
 */
import { createHash } from 'node:crypto';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCivsim, stackLine } from './civsimProcess.ts';

const bad = (name: string) => `test/fixtures/bad/${name}`;
const GB = 2 ** 30;

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'civsim-hardening-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** The lines civsim printed, without the hint lines that follow an issue. */
const mainLines = (stderr: string) =>
  stderr
    .trimEnd()
    .split('\n')
    .filter((line) => line && !line.startsWith('  hint: '));

describe('bad scenario files: exit 2, the place and the problem in one line, no stack trace', () => {
  const cases: [file: string, where: string, message: RegExp][] = [
    [
      'gongos-flood.yaml',
      '9:19 levers.gongos.foundingRate',
      /expected a number between 0 and 1000, got 1000000000/,
    ],
    ['ngos-1e308.yaml', '5:9 initial.ngos', /expected a number between 0 and 10,000,000, got 1e\+308/],
    ['ngos-too-many.yaml', '5:9 initial.ngos', /more than one per 10 people/],
    ['budget-1e50.yaml', '6:13 levers.foreign.budget', /expected a number between 0 and 1e15, got 1e\+50/],
    ['date-feb-30.yaml', '5:11 timeline[0].date', /got "2001-02-30"/],
    ['long-name.yaml', '1:7 name', /at most 64 characters/],
    ['comments.json', '3:3', /JSON does not allow comments/],
    ['latin1.yaml', '2:12', /not UTF-8: byte 0xE9/],
    ['binary-tag.yaml', '2:17 title', /the YAML tag !!binary is not allowed/],
    ['extends-binary.yaml', '1:10 extends', /base-binary\.bin: it is not a readable scenario/],
    ['extends-passwd.yaml', '1:10 extends', /base-passwd\.txt is not a scenario: .* got a single value/],
    ['extends-empty.yaml', '1:10 extends', /base-empty\.yaml is not a scenario: .* got nothing/],
    ['extends-list.yaml', '1:10 extends', /base-list\.yaml is not a scenario: .* got a list/],
    ['extends-stdin.yaml', '1:10 extends', /cannot read \/dev\/stdin: it is not a regular file/],
  ];
  it.each(cases)('%s', async (file, where, message) => {
    for (const command of [['validate'], ['run', '--out', out]]) {
      const result = await runCivsim([command[0], bad(file), ...command.slice(1)], { maxRss: GB });
      expect(result.code, `${command} ${file}`).toBe(2);
      expect(result.stderr).not.toMatch(stackLine);
      const line = mainLines(result.stderr).find((l) => l.startsWith(`${bad(file)}:${where.split(' ')[0]}`));
      expect(line, result.stderr).toBeDefined();
      expect(line).toContain(where);
      expect(line).toMatch(message);
    }
    expect(existsSync(join(out, file.replace(/\..*$/, '')))).toBe(false);
  });

  it('utf16.yaml names the encoding', async () => {
    const result = await runCivsim(['validate', bad('utf16.yaml')]);
    expect(result.code).toBe(2);
    expect(mainLines(result.stderr)).toEqual([
      `${bad('utf16.yaml')} the file is UTF-16 text; save it as UTF-8 (most editors offer "UTF-8" under "Save as")`,
    ]);
  });

  it('refuses a 50 MB scenario at once, without reading it into memory', async () => {
    const big = join(out, 'big.yaml');
    await writeFile(big, `name: big\nstart: 1991\nend: 2025\ndescription: "${'x'.repeat(50 * 2 ** 20)}"\n`);
    const started = Date.now();
    const result = await runCivsim(['validate', big], { maxRss: 400 * 2 ** 20 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.killedForMemory).toBe(false);
    expect(result.code).toBe(2);
    expect(mainLines(result.stderr)).toEqual([
      `${big} cannot read the file: it is 50 MiB; a scenario file may be at most 2 MiB`,
    ]);
  });

  it('merge keys work', async () => {
    const result = await runCivsim(['validate', bad('merge-keys.yaml')]);
    expect(result.code).toBe(0);
  });

  it('a shorter history than its base is one warning, not an error per event', async () => {
    const result = await runCivsim(['validate', bad('short-history.yaml')]);
    expect(result.code).toBe(0);
    expect(mainLines(result.stderr)).toEqual([
      'scenarios/kazakhstan.yaml:154:11 timeline[2]: warning: 44 timeline events are dated after the end (1993-12) and are dropped, the first on 1995-01',
    ]);
  });
});

describe('numbers that once exhausted the machine', () => {
  it('a founding rate at its bound for two billion people stops at the NGO cap, with the date, in bounded memory', async () => {
    const result = await runCivsim(['run', bad('gongos-at-bound.yaml'), '--out', out, '--no-charts'], {
      maxRss: 2.5 * GB,
    });
    expect(result.killedForMemory).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(stackLine);
    expect(result.stderr).toMatch(
      /civsim: the run stopped in 1991-\d\d: the simulated NGOs would number [\d,]+, more than the 2,000,000 one replicate can hold/,
    );
    const folders = await readdir(join(out, 'gongos-at-bound'));
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/\.partial$/);
    const note = await readFile(join(out, 'gongos-at-bound', folders[0], 'INCOMPLETE'), 'utf8');
    expect(note).toMatch(/did not finish: .* the run stopped in 1991-/);
  });

  it('ten million initial NGOs, all simulated, are refused before any is built', async () => {
    const result = await runCivsim(['run', bad('ngos-heavy.yaml'), '--out', out, '--no-charts'], {
      maxRss: GB,
    });
    expect(result.killedForMemory).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the run stopped in 1991-01: the simulated NGOs would number 10,000,000/);
    expect(result.stderr).not.toMatch(stackLine);
  });

  it('50 million citizens of degree 64 are refused by the estimate, which is printed first', async () => {
    const result = await runCivsim(['run', bad('citizens-huge.yaml'), '--out', out], { maxRss: GB });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^civsim: estimated about .* of memory \(50,000,000 citizens × 420 months × 10 replicates/m,
    );
    expect(result.stderr).toMatch(/civsim: the run would (need [\d.]+ GB of memory|take .* by the estimate)/);
    expect(existsSync(join(out, 'citizens-huge'))).toBe(false);
  });

  it('months of work (--scale 500 -r 10000) are refused without --yes', async () => {
    const result = await runCivsim([
      'run',
      'scenarios/kazakhstan.yaml',
      '--scale',
      '500',
      '-r',
      '10000',
      '--out',
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/would (take|need)/);
    expect(result.stderr).toMatch(/--yes/);
  });
});

describe('result folders that cannot be used: exit 2 before any work, one line', () => {
  it('--out names a file', async () => {
    const file = join(out, 'a-file');
    await writeFile(file, 'x');
    const result = await runCivsim(['run', 'test/fixtures/run/small.yaml', '--out', file, '-r', '1']);
    expect(result.code).toBe(2);
    expect(mainLines(result.stderr).at(-1)).toBe(
      `civsim: cannot use ${file} for results: a part of the path is a file, not a folder`,
    );
    expect(result.stderr).not.toMatch(stackLine);
  });

  it('--out cannot be created', async () => {
    const result = await runCivsim([
      'run',
      'test/fixtures/run/small.yaml',
      '--out',
      '/proc/civsim-results',
      '-r',
      '1',
    ]);
    expect(result.code).toBe(2);
    expect(mainLines(result.stderr).at(-1)).toMatch(
      /^civsim: cannot use \/proc\/civsim-results for results: /,
    );
  });

  it('--out is too long a path', async () => {
    const long = join(out, 'x'.repeat(300));
    const result = await runCivsim(['run', 'test/fixtures/run/small.yaml', '--out', long, '-r', '1']);
    expect(result.code).toBe(2);
    expect(mainLines(result.stderr).at(-1)).toMatch(/: the path is too long$/);
  });

  it('--id never takes the next option as its value', async () => {
    const result = await runCivsim(['run', 'test/fixtures/run/small.yaml', '--out', out, '--id', '--help']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^civsim: --id needs a value, but the next argument is the option --help$/m,
    );
    expect(existsSync(join(out, 'fixture-small', '--help'))).toBe(false);
  });
});

describe('on file systems that fail', () => {
  const mounts: string[] = [];
  const mountTmpfs = async (name: string, options: string) => {
    const dir = join(out, name);
    await mkdir(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
    mounts.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of mounts) execFileSync('umount', [dir]);
  });

  it('a read-only mount is an unusable --out: exit 2, one line', async () => {
    const readOnly = await mountTmpfs('read-only', 'ro,size=1m');
    const result = await runCivsim(['run', 'test/fixtures/run/small.yaml', '--out', readOnly, '-r', '1']);
    expect(result.code).toBe(2);
    expect(mainLines(result.stderr).at(-1)).toBe(
      `civsim: cannot use ${readOnly} for results: the file system is read-only`,
    );
  });

  it('a disk that fills up while writing: exit 1, one line, no final folder, no truncated file', async () => {
    const args = [
      'run',
      'scenarios/kazakhstan.yaml',
      '--scale',
      '0.05',
      '-r',
      '2',
      '--id',
      'full',
      '--workers',
      '1',
    ];
    // the same run on a roomy disk: what every file must be if it is there at all
    const roomy = await runCivsim([...args, '--out', join(out, 'roomy'), '--quiet']);
    expect(roomy.code).toBe(0);
    const reference = roomy.stdout.trim();
    const small = await mountTmpfs('full-disk', 'size=3m');
    const result = await runCivsim([...args, '--out', small]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(stackLine);
    expect(result.stderr).toMatch(
      /^civsim: cannot write results to .*full\.partial: no space left on the device$/m,
    );
    const folder = join(small, 'kazakhstan');
    expect(await readdir(folder)).toEqual(['full.partial']);
    const left = (await readdir(join(folder, 'full.partial'), { recursive: true })).map(String);
    expect(left).toContain('INCOMPLETE');
    for (const file of left) {
      if (file === 'INCOMPLETE' || file === 'charts') continue;
      expect(file.startsWith('.'), `temporary file ${file} left behind`).toBe(false);
      const written = await readFile(join(folder, 'full.partial', file));
      const expected = await readFile(join(reference, file));
      expect(written.equals(expected), `${file} is not the whole file`).toBe(true);
    }
  });
});

describe('signals act promptly in every phase', () => {
  it('SIGTERM while a population of millions is being built ends the run within seconds (exit 130)', async () => {
    const scenario = join(out, 'big-population.yaml');
    await writeFile(
      scenario,
      'name: big-population\nstart: 2000\nend: 2000-12\nreplicates: 1\npopulation:\n  citizens: 20000000\n  represents: 20000000\n',
    );
    let sent = 0;
    let child: ChildProcess | undefined;
    const result = await runCivsim(['run', scenario, '--out', out, '--no-charts', '--yes'], {
      maxRss: 4 * GB,
      onSpawn: (c) => (child = c),
      onStderr: (text) => {
        // the heartbeat says the worker is building its population (20 million citizens take many
        // seconds, in one synchronous loop): the main thread must still answer a signal at once
        if (!sent && /1 building its population/.test(text)) {
          sent = Date.now();
          child?.kill('SIGTERM');
        }
      },
    });
    expect(sent).toBeGreaterThan(0);
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/SIGTERM: stopping/);
    expect(result.stderr).toMatch(/interrupted; the unfinished run is in .*\.partial/);
    const folders = await readdir(join(out, 'big-population'));
    expect(folders).toHaveLength(1);
    expect(await readFile(join(out, 'big-population', folders[0], 'INCOMPLETE'), 'utf8')).toMatch(
      /interrupted by SIGTERM/,
    );
  });

  it('SIGINT while the output files are being written leaves no final folder (exit 130)', async () => {
    let child: ChildProcess | undefined;
    const result = await runCivsim(
      ['run', 'test/fixtures/run/small.yaml', '--out', join(out, 'writing'), '-r', '2'],
      {
        onSpawn: (c) => (child = c),
        onStderr: (text) => {
          if (/writing \d+ output files/.test(text)) child?.kill('SIGINT');
        },
      },
    );
    expect(result.code).toBe(130);
    const folders = await readdir(join(out, 'writing', 'fixture-small'));
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/\.partial$/);
  });
});

describe('pipes and time zones', () => {
  it('a reader that closes the pipe early (civsim validate … | head) keeps the exit code of the check', async () => {
    const files = Array.from({ length: 40 }, () => bad('budget-1e50.yaml'));
    const result = await runCivsim(['validate', '--json', ...files, bad('merge-keys.yaml')], {
      onSpawn: (child) => child.stdout?.destroy(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/EPIPE|stack|at /);
  });

  it('charts and the report are the same bytes in every time zone, with the dates as written', async () => {
    const run = (tz: string) =>
      runCivsim(
        [
          'run',
          'test/fixtures/run/small.yaml',
          '--out',
          join(out, `tz-${tz.replace('/', '-')}`),
          '--id',
          'tz',
          '-r',
          '2',
          '-q',
        ],
        {
          env: { TZ: tz },
        },
      );
    const [utc, west] = await Promise.all([run('UTC'), run('America/Los_Angeles')]);
    expect(utc.code).toBe(0);
    expect(west.code).toBe(0);
    const a = utc.stdout.trim();
    const b = west.stdout.trim();
    const charts = (await readdir(join(a, 'charts'))).filter((f) => f.endsWith('.svg'));
    expect(charts.length).toBeGreaterThan(3);
    for (const file of [...charts.map((c) => `charts/${c}`), 'index.html']) {
      const left = await readFile(join(a, file), 'utf8');
      expect(left, file).toBe(await readFile(join(b, file), 'utf8'));
    }
    const svg = await readFile(join(a, 'charts', charts[0]), 'utf8');
    expect(svg).not.toMatch(/NaN/);
    expect(svg).toMatch(/Date: 2001-06-01/);
  });
});

describe('the manifest vouches for every file of a finished run', () => {
  it('lists each file with its size and SHA-256, as they are on disk', async () => {
    const result = await runCivsim([
      'run',
      'test/fixtures/run/small.yaml',
      '--out',
      join(out, 'manifest'),
      '-r',
      '2',
      '-q',
    ]);
    expect(result.code).toBe(0);
    const folder = result.stdout.trim();
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as {
      files: { path: string; bytes: number; sha256: string }[];
    };
    const onDisk = (await readdir(folder, { recursive: true })).map(String).filter((f) => f.includes('.'));
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      onDisk.filter((f) => f !== 'manifest.json').sort(),
    );
    for (const file of manifest.files) {
      const bytes = await readFile(join(folder, file.path));
      expect(bytes.length, file.path).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
    }
  });
});

describe('the number of workers changes nothing but the time', () => {
  it('one, two and four workers write the same bytes (tables, chart specs, SVG, report)', async () => {
    const run = (workers: number) =>
      runCivsim([
        'run',
        'scenarios/kazakhstan.yaml',
        '--scale',
        '0.02',
        '-r',
        '5',
        '--workers',
        String(workers),
        '--out',
        join(out, `workers-${workers}`),
        '--id',
        'same',
        '-q',
      ]);
    const outcomes = await Promise.all([run(1), run(2), run(4)]);
    for (const o of outcomes) expect(o.code, o.stderr).toBe(0);
    const [one, ...others] = outcomes.map((o) => o.stdout.trim());
    const files = (await readdir(one, { recursive: true }))
      .map(String)
      .filter((f) => /\.(csv|json|svg|html)$/.test(f) && f !== 'manifest.json');
    expect(files).toEqual(expect.arrayContaining(['series.csv', 'annual.csv', 'summary.csv', 'index.html']));
    for (const other of others) {
      for (const file of files) {
        const a = await readFile(join(one, file));
        expect(a.equals(await readFile(join(other, file))), `${file} differs`).toBe(true);
      }
    }
  });
});
