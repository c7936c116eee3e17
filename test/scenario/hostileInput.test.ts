/**
 * Scenario files as a careless or hostile user might pass them: other encodings, binary files, huge
 * files, JSON with comments, YAML tags and merge keys, bases that are not scenarios or not files at all,
 * dates that do not exist. Each is refused with a message that names the problem and its place (or, for
 * merge keys, simply works); none hangs, throws or is silently misread.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/models/civil-society/schema.ts';
import { maxScenarioFileBytes } from '../../src/scenario/limits.ts';
import { checkScenarioFile, type ScenarioIO } from '../../src/scenario/load.ts';
import { nodeScenarioIO } from '../../src/node/scenarioIO.ts';
import { header, where } from './helpers.ts';

/** An IO over in-memory bytes (as the file system would hand them over). */
function bytesIO(files: Record<string, Uint8Array | string>): ScenarioIO {
  return {
    async readFile(path) {
      if (!(path in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return files[path];
    },
    resolve: (_from, relative) => relative,
  };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

async function check(content: Uint8Array | string, others: Record<string, Uint8Array | string> = {}) {
  return checkScenarioFile('main.yaml', bytesIO({ 'main.yaml': content, ...others }));
}

/** `line:col message` of each issue. */
const said = (issues: { line: number; column: number; path: string; message: string }[]) =>
  issues.map((i) => `${i.line}:${i.column} ${i.path ? `${i.path}: ` : ''}${i.message}`);

describe('encodings', () => {
  it('reads UTF-8 with or without a byte-order mark', async () => {
    const text = `${header}title: Ünïcode — ok\n`;
    expect((await check(utf8(text))).issues).toEqual([]);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const { loaded, issues } = await check(withBom);
    expect(issues).toEqual([]);
    expect(loaded?.scenario.title).toBe('Ünïcode — ok');
  });

  it('refuses Latin-1 at the first byte that is not UTF-8, instead of replacing it', async () => {
    const latin1 = new Uint8Array([...utf8(`${header}title: caf`), 0xe9, ...utf8('\n')]);
    const { loaded, issues } = await check(latin1);
    expect(loaded).toBeUndefined();
    expect(said(issues)).toEqual([
      '4:11 the file is not UTF-8: byte 0xE9 cannot start or continue a UTF-8 character',
    ]);
    expect(issues[0].hint).toMatch(/Latin-1 or Windows-1252: save it as UTF-8/);
  });

  it('tells a genuine U+FFFD in the text from a byte that is not UTF-8', async () => {
    const text = new Uint8Array([...utf8(`${header}title: a\uFFFDb `), 0xff, ...utf8('\n')]);
    expect(said((await check(text)).issues)).toEqual([
      '4:12 the file is not UTF-8: byte 0xFF cannot start or continue a UTF-8 character',
    ]);
  });

  it('refuses UTF-16, with or without a byte-order mark', async () => {
    const utf16 = (text: string, bom: boolean) => {
      const out = bom ? [0xff, 0xfe] : [];
      for (const c of text) out.push(c.charCodeAt(0), 0);
      return new Uint8Array(out);
    };
    expect(said((await check(utf16(header, true))).issues)).toEqual([
      '0:0 the file is UTF-16 text; save it as UTF-8 (most editors offer "UTF-8" under "Save as")',
    ]);
    expect((await check(utf16(header, false))).issues[0].message).toMatch(
      /looks like UTF-16 .* save it as UTF-8/,
    );
  });

  it('refuses a binary file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect((await check(png)).issues[0].message).toMatch(/NUL byte: it is a binary file, not a scenario/);
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const big = `${header}description: "${'x'.repeat(maxScenarioFileBytes)}"\n`;
    expect(said((await check(big)).issues)).toEqual([
      '0:0 the file is 2 MiB; a scenario file may be at most 2 MiB (is this really a scenario?)',
    ]);
  });
});

describe('syntax that YAML or JSON allows but a scenario does not', () => {
  it('says that JSON has no comments, where the first one is', async () => {
    const json = '{\n  "name": "t", // the name\n  "start": 2000, "end": 2001\n}\n';
    const { issues } = await checkScenarioFile('s.json', bytesIO({ 's.json': json }));
    expect(said(issues)).toEqual(['2:16 JSON does not allow comments']);
    expect(issues[0].hint).toMatch(/YAML, where comments start with #/);
    // a // inside a JSON string is no comment
    const url = '{"name": "t", "start": 2000, "end": 2001, "title": "see http://x.org"}';
    expect((await checkScenarioFile('s.json', bytesIO({ 's.json': url }))).issues).toEqual([]);
  });

  it('refuses YAML tags that make values other than plain data', async () => {
    const { issues } = await check(`${header}title: !!binary aGVsbG8=\ndescription: !shout hi\n`);
    expect(said(issues)).toEqual([
      '4:17 title: the YAML tag !!binary is not allowed in a scenario',
      '5:21 description: the YAML tag !shout is not allowed in a scenario',
    ]);
  });

  it('resolves merge keys (<<) as YAML 1.1 defines them: written keys win', async () => {
    const { loaded, issues } = await check(
      `${header}levers:\n  ministries: &agency { socialOrder: 5, grants: 1 }\n` +
        '  akimats:\n    <<: *agency\n    grants: 2\n',
    );
    expect(issues).toEqual([]);
    expect((loaded?.scenario as Scenario | undefined)?.levers.akimats).toMatchObject({
      socialOrder: 5,
      grants: 2,
    });
  });

  it('reports a merge key that names something other than a mapping', async () => {
    const { issues } = await check(`${header}title: &t hello\nlevers:\n  akimats:\n    <<: *t\n`);
    expect(said(issues)).toEqual([
      '7:9 levers.akimats: a merge key (<<) takes a mapping or a list of mappings',
    ]);
  });
});

describe('dates and sizes', () => {
  it('refuses a day that does not exist, saying how long the month is', async () => {
    const { issues } = await check(`${header}timeline:\n  - { date: 2001-02-30, action: audit }\n`);
    expect(where(issues)).toEqual(['5:13 timeline[0].date']);
    expect(issues[0].hint).toBe('there is no such day: February 2001 has 28 days');
    expect((await check(`${header}timeline:\n  - { date: 2004-02-29, action: audit }\n`)).issues).toEqual([]);
  });

  it('refuses a name too long to be a folder name, and numbers beyond any meaning', async () => {
    const { issues } = await check(
      `name: ${'n'.repeat(300)}\nstart: 2000\nend: 2010\ninitial:\n  ngos: 1e308\n` +
        'levers:\n  foreign:\n    budget: 1.0e+50\n  gongos:\n    foundingRate: 1000000000\n',
    );
    expect(where(issues)).toEqual([
      '1:7 name',
      '5:9 initial.ngos',
      '8:13 levers.foreign.budget',
      '10:19 levers.gongos.foundingRate',
    ]);
    expect(issues[0].message).toMatch(/at most 64 characters/);
  });

  it('refuses more initial NGOs than one per ten people', async () => {
    const { issues } = await check(`${header}population:\n  represents: 10000\ninitial:\n  ngos: 5000\n`);
    expect(said(issues)).toEqual([
      '7:9 initial.ngos: 5000 registered NGOs for 10000 people is more than one per 10 people',
    ]);
  });
});

describe('bases that are not scenarios', () => {
  const cases: [string, Uint8Array | string, RegExp][] = [
    ['a binary file', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), /not a readable scenario/],
    ['an empty file', '', /base.yaml is not a scenario: .* got nothing \(the file is empty\)/],
    ['a YAML list', '- a\n- b\n', /base.yaml is not a scenario: .* got a list/],
    [
      'a passwd-style text',
      'root:x:0:0:root:/root:/bin/bash\n',
      /base.yaml is not a scenario: .* got a single value/,
    ],
  ];
  it.each(cases)('refuses %s named by extends, at the extends', async (_what, content, message) => {
    const { issues, loaded } = await check('extends: base.yaml\nname: v\n', { 'base.yaml': content });
    expect(loaded).toBeUndefined();
    const atExtends = issues.find((i) => i.file === 'main.yaml');
    expect(atExtends).toMatchObject({ line: 1, column: 10, path: 'extends' });
    expect(atExtends!.message).toMatch(message);
  });
});

describe('on the file system', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'civsim-hostile-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a base that is not a regular file (a named pipe would wait forever)', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    await writeFile(join(dir, 'v.yaml'), 'extends: pipe.yaml\nname: v\n');
    const started = Date.now();
    const { issues } = await checkScenarioFile(join(dir, 'v.yaml'), nodeScenarioIO);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(said(issues)).toEqual([
      `1:10 extends: cannot read ${fifo}: it is not a regular file (a device, pipe or socket)`,
    ]);
  });

  it('refuses /dev/stdin and /dev/zero without reading them', async () => {
    for (const device of ['/dev/zero', '/dev/stdin']) {
      await writeFile(join(dir, 'd.yaml'), `extends: ${device}\nname: v\n`);
      const { issues } = await checkScenarioFile(join(dir, 'd.yaml'), nodeScenarioIO);
      expect(issues).toHaveLength(1);
      expect(issues[0].message).toMatch(/: it is not a regular file \(a device, pipe or socket\)$/);
    }
  });

  it('refuses a file over the size limit from its size, before reading it', async () => {
    const big = join(dir, 'big.yaml');
    await writeFile(big, Buffer.alloc(maxScenarioFileBytes + 10, 0x20));
    const { issues } = await checkScenarioFile(big, nodeScenarioIO);
    expect(said(issues)).toEqual([
      `0:0 cannot read the file: it is 2 MiB; a scenario file may be at most 2 MiB`,
    ]);
  });
});

describe('a shorter period than the base', () => {
  it('accepts a variant that ends early, with one warning that counts the dropped events', async () => {
    const { loaded, issues, warnings } = await checkScenarioFile(
      'test/fixtures/scenarios/short-kazakhstan.yaml',
      nodeScenarioIO,
    );
    expect(issues).toEqual([]);
    expect(loaded?.scenario.end).toBe('1993-12');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(
      /^\d+ timeline events are dated after the end \(1993-12\) and are dropped/,
    );
    expect(warnings[0].file).toBe('scenarios/kazakhstan.yaml');
  });
});
