/** YAML-level problems (syntax, duplicate keys, aliases) come back as positioned issues. */
import { describe, expect, it } from 'vitest';
import { checkScenarioFile } from '../../src/scenario/load.ts';
import { nodeScenarioIO } from '../../src/node/scenarioIO.ts';
import { parseSource } from '../../src/scenario/parseSource.ts';
import { toPlain } from '../../src/scenario/positions.ts';
import { checkText, fixture, header, where } from './helpers.ts';

describe('YAML syntax', () => {
  it('reports a syntax error with its position and nothing else', async () => {
    const { loaded, issues } = await checkScenarioFile(fixture('syntax-error.yaml'), nodeScenarioIO);
    expect(loaded).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: fixture('syntax-error.yaml'), line: 5, column: 1, path: '' });
    expect(issues[0].message).toMatch(/^invalid YAML: Flow map .* end with a }/);
    expect(issues[0].hint).toBeDefined();
  });

  it('reports tabs used for indentation', async () => {
    const { issues } = await checkText(`${header}levers:\n\tlegitimacy: 0.5\n`);
    expect(issues[0]).toMatchObject({ line: 5, column: 1 });
    expect(issues[0].hint).toMatch(/spaces/);
  });

  it('refuses a second document in the file', async () => {
    const { issues } = await checkText(`${header}---\nname: u\n`);
    expect(where(issues)).toEqual(['4:1 ']);
    expect(issues[0].message).toMatch(/multiple documents/);
  });

  it('accepts JSON, which is YAML', async () => {
    const { loaded, issues } = await checkText(
      '{"name": "j", "start": 2000, "end": "2001-06", "levers": {"legitimacy": 0.7}}',
    );
    expect(issues).toEqual([]);
    expect(loaded!.scenario.levers.legitimacy).toBe(0.7);
  });

  it('positions issues in a JSON file too', async () => {
    const { issues } = await checkText(
      '{\n  "name": "j",\n  "start": 2000,\n  "end": 2001,\n  "seed": -1\n}\n',
    );
    expect(where(issues)).toEqual(['5:11 seed']);
  });
});

describe('duplicate keys', () => {
  it('reports each repeated key at the repeat, naming the first one', async () => {
    const { issues } = await checkScenarioFile(fixture('duplicate-keys.yaml'), nodeScenarioIO);
    expect(issues.map((issue) => `${where([issue])[0]}: ${issue.message}`)).toEqual([
      '6:3 levers.legitimacy: duplicate key "legitimacy": it was already given at line 5',
      '7:1 start: duplicate key "start": it was already given at line 2',
    ]);
  });

  it('still checks the rest of the file', async () => {
    const { issues } = await checkText(`${header}seed: -1\nseed: 2\n`);
    expect(where(issues)).toEqual(['4:7 seed', '5:1 seed']);
  });
});

describe('anchors and aliases', () => {
  it('expands aliases, positioning the value where the alias stands', () => {
    const { root, issues } = parseSource('a: &x { b: 1 }\nc: *x\n', 'f.yaml');
    expect(issues).toEqual([]);
    expect(toPlain(root!)).toEqual({ a: { b: 1 }, c: { b: 1 } });
    expect(root!.kind === 'map' && root!.entries.get('c')!.node.at).toEqual({
      file: 'f.yaml',
      line: 2,
      column: 4,
    });
  });

  it('reports an unknown alias', () => {
    const { issues } = parseSource('a: 1\nb: *nope\n', 'f.yaml');
    expect(issues.map((issue) => `${issue.line}:${issue.column} ${issue.path}: ${issue.message}`)).toEqual([
      '2:4 b: unknown alias *nope',
    ]);
  });

  it('reports an alias inside its own anchor instead of recursing forever', () => {
    const { issues } = parseSource('a: &x [1, *x]\n', 'f.yaml');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/contains it/);
  });

  it('stops an alias bomb', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const { issues } = parseSource(lines.join('\n'), 'bomb.yaml');
    expect(issues.some((issue) => /alias expansions/.test(issue.message))).toBe(true);
  });
});

describe('keys', () => {
  it('rejects a list used as a key', () => {
    const { issues } = parseSource('? [1, 2]\n: 3\n', 'f.yaml');
    expect(issues.map((issue) => `${issue.line}:${issue.column} ${issue.message}`)).toEqual([
      '1:3 a key must be a plain name, not a list or mapping',
    ]);
  });

  it('turns numeric keys into strings', () => {
    const { root } = parseSource('2004: x\n', 'f.yaml');
    expect(toPlain(root!)).toEqual({ '2004': 'x' });
  });
});

describe('unreadable files', () => {
  it('reports a missing file as a whole-file issue', async () => {
    const { issues } = await checkScenarioFile('test/fixtures/scenarios/does-not-exist.yaml', nodeScenarioIO);
    expect(issues).toEqual([
      {
        file: 'test/fixtures/scenarios/does-not-exist.yaml',
        line: 0,
        column: 0,
        path: '',
        message: 'cannot read the file: no such file',
      },
    ]);
  });
});
