/** `extends`: variants over a base, positions that stay in the file a value came from, cycles. */
import type { Scenario } from '../../src/models/civil-society/schema.ts';
import { describe, expect, it } from 'vitest';
import { checkScenarioFile, loadScenarioFile, ScenarioError } from '../../src/scenario/load.ts';
import { memoryScenarioIO, resolvePosixPath } from '../../src/scenario/memoryIO.ts';
import { mergeScenarioSources } from '../../src/scenario/merge.ts';
import { nodeScenarioIO } from '../../src/node/scenarioIO.ts';
import { parseSource } from '../../src/scenario/parseSource.ts';
import { toPlain } from '../../src/scenario/positions.ts';
import { fixture, where } from './helpers.ts';

describe('a 5-line variant over a base file', () => {
  it('inherits everything it does not override and appends its timeline events', async () => {
    const base = await loadScenarioFile(fixture('base.yaml'), nodeScenarioIO);
    const variant = await loadScenarioFile(fixture('variant.yaml'), nodeScenarioIO);
    expect(variant.files).toEqual([fixture('variant.yaml'), fixture('base.yaml')]);
    const scenario = variant.scenario as Scenario;
    expect(scenario.name).toBe('variant');
    expect(scenario.title).toBe(base.scenario.title);
    expect(scenario.start).toBe('2000-01');
    const baseScenario = base.scenario as Scenario;
    expect(scenario.levers.foreign).toEqual({ ...baseScenario.levers.foreign, regime: 'approval' });
    expect(scenario.levers.ministries).toEqual(baseScenario.levers.ministries);
    expect(scenario.timeline).toEqual([
      ...base.scenario.timeline,
      { date: 2007, set: { 'foreign.budget': 1000000 }, strength: 1 },
    ]);
    expect(scenario.output.charts).toEqual(base.scenario.output.charts);
    expect(scenario).not.toHaveProperty('extends');
    expect(variant.hash).not.toBe(base.hash);
  });

  it('resolves to the same scenario, and hash, as the same content written out in full', async () => {
    const variant = await loadScenarioFile(fixture('variant.yaml'), nodeScenarioIO);
    const io = memoryScenarioIO({ 'flat.json': JSON.stringify(variant.scenario) });
    const flat = await loadScenarioFile('flat.json', io);
    expect(flat.scenario).toEqual(variant.scenario);
    expect(flat.hash).toBe(variant.hash);
  });

  it('replaces lists other than the timeline', async () => {
    const io = memoryScenarioIO({
      'b.yaml':
        'name: b\nstart: 2000\nend: 2001\nsources: [one, two]\noutput: { metrics: [trust, legitimacy] }\n',
      'v.yaml': 'extends: b.yaml\nname: v\nsources: [three]\noutput: { metrics: [sanctions] }\n',
    });
    const { scenario } = await loadScenarioFile('v.yaml', io);
    expect(scenario.sources).toEqual(['three']);
    expect(scenario.output.metrics).toEqual(['sanctions']);
  });

  it('follows chains, resolving each extends relative to the file that names it', async () => {
    const io = memoryScenarioIO({
      'scenarios/base/root.yaml': 'name: root\nstart: 2000\nend: 2005\nseed: 1\nreplicates: 2\n',
      'scenarios/base/mid.yaml':
        'extends: root.yaml\nname: mid\nseed: 2\ntimeline: [{ date: 2001, action: audit }]\n',
      'scenarios/top.yaml':
        'extends: base/mid.yaml\nname: top\ntimeline: [{ date: 2002, action: crackdown }]\n',
    });
    const { scenario, files } = await loadScenarioFile('scenarios/top.yaml', io);
    expect(files).toEqual(['scenarios/top.yaml', 'scenarios/base/mid.yaml', 'scenarios/base/root.yaml']);
    expect([scenario.name, scenario.seed, scenario.replicates]).toEqual(['top', 2, 2]);
    expect(scenario.timeline.map((event) => event.action)).toEqual(['audit', 'crackdown']);
  });

  it('requires a name in the result (a base may provide it)', async () => {
    const io = memoryScenarioIO({
      'b.yaml': 'start: 2000\nend: 2001\n',
      'v.yaml': 'extends: b.yaml\nseed: 3\n',
    });
    const { issues } = await checkScenarioFile('v.yaml', io);
    expect(issues.map((issue) => `${issue.file}:${where([issue])[0]}`)).toEqual(['v.yaml:1:1 name']);
  });
});

describe('positions after merging', () => {
  it('points errors at the file where the value was written', async () => {
    const { issues, warnings } = await checkScenarioFile(fixture('variant-of-bad-base.yaml'), nodeScenarioIO);
    expect(issues.map((issue) => `${issue.file}:${where([issue])[0]}`)).toEqual([
      `${fixture('variant-of-bad-base.yaml')}:5:22 levers.foreign.budget`,
      `${fixture('base-with-error.yaml')}:6:11 levers.registration.cost`,
    ]);
    // the base's event falls after the end of the period the variant shortened: a warning, where it is
    expect(warnings.map((issue) => `${issue.file}:${where([issue])[0]}`)).toEqual([
      `${fixture('base-with-error.yaml')}:8:11 timeline[0]`,
    ]);
  });

  it('keeps the origin of each timeline event through concatenation', () => {
    const base = parseSource('timeline:\n  - { date: 2001 }\n', 'base.yaml').root!;
    const child = parseSource('x: 1\ntimeline:\n  - { date: 2002 }\n', 'child.yaml').root!;
    const merged = mergeScenarioSources(base, child);
    expect(toPlain(merged)).toEqual({ timeline: [{ date: 2001 }, { date: 2002 }], x: 1 });
    const items = merged.kind === 'map' && merged.entries.get('timeline')!.node;
    expect(items && items.kind === 'seq' && items.items.map((item) => item.at)).toEqual([
      { file: 'base.yaml', line: 2, column: 5 },
      { file: 'child.yaml', line: 3, column: 5 },
    ]);
  });
});

describe('broken chains', () => {
  it('detects a cycle at the extends that closes it', async () => {
    const { loaded, issues } = await checkScenarioFile(fixture('cycle-a.yaml'), nodeScenarioIO);
    expect(loaded).toBeUndefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: fixture('cycle-b.yaml'), line: 1, column: 10, path: 'extends' });
    expect(issues[0].message).toBe(
      `extends makes a cycle: ${fixture('cycle-a.yaml')} → ${fixture('cycle-b.yaml')} → ${fixture('cycle-a.yaml')}`,
    );
  });

  it('detects a file extending itself', async () => {
    const { issues } = await checkScenarioFile(
      's.yaml',
      memoryScenarioIO({ 's.yaml': 'name: s\nextends: ./s.yaml\n' }),
    );
    expect(where(issues)).toEqual(['2:10 extends']);
  });

  it('reports a missing base at the extends value', async () => {
    const { issues } = await checkScenarioFile(fixture('extends-missing.yaml'), nodeScenarioIO);
    expect(issues).toEqual([
      {
        file: fixture('extends-missing.yaml'),
        line: 2,
        column: 10,
        path: 'extends',
        message: `cannot read ${fixture('no-such-base.yaml')}: no such file`,
        got: fixture('no-such-base.yaml'),
        hint: 'the path is relative to the file that names it',
      },
    ]);
  });

  it('reports syntax errors inside a base in the base', async () => {
    const io = memoryScenarioIO({ 'b.yaml': 'name: [b\n', 'v.yaml': 'extends: b.yaml\nname: v\n' });
    const { issues } = await checkScenarioFile('v.yaml', io);
    expect(issues.map((issue) => issue.file)).toEqual(['b.yaml']);
  });

  it('reports a non-string extends through the schema', async () => {
    const { issues } = await checkScenarioFile(
      'v.yaml',
      memoryScenarioIO({ 'v.yaml': 'extends: [a]\nname: v\nstart: 2000\nend: 2001\n' }),
    );
    expect(issues.map((issue) => `${where([issue])[0]}: ${issue.message}`)).toEqual([
      '1:10 extends: expected text of at most 1000 characters, got ["a"]',
    ]);
  });

  it('throws a ScenarioError with every issue from loadScenarioFile', async () => {
    const error = await loadScenarioFile(fixture('variant-of-bad-base.yaml'), nodeScenarioIO).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).issues).toHaveLength(2);
    expect((error as ScenarioError).message).toContain(
      `${fixture('base-with-error.yaml')}:6:11 levers.registration.cost`,
    );
  });
});

describe('in-memory paths', () => {
  it.each([
    ['a/b.yaml', 'c.yaml', 'a/c.yaml'],
    ['a/b.yaml', '../c.yaml', 'c.yaml'],
    ['a/b.yaml', '../../c.yaml', '../c.yaml'],
    ['b.yaml', './c.yaml', 'c.yaml'],
    ['/x/b.yaml', '../../c.yaml', '/c.yaml'],
    ['a/b.yaml', '/abs/c.yaml', '/abs/c.yaml'],
  ])('from %s, %s is %s', (from, relative, expected) => {
    expect(resolvePosixPath(from, relative)).toBe(expected);
  });
});
