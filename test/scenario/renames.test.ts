/**
 * Renamed and removed levers, parameters and metrics: a file of an older format is upgraded with a
 * warning per key, and a file of the current format that uses an old name is told the new one. Tested
 * with renames of the civil-society model's own keys (as a model would list them after a change).
 */
import { describe, expect, it } from 'vitest';
import type { Rename } from '../../src/models/definition.ts';
import { parseSource } from '../../src/scenario/parseSource.ts';
import { toPlain } from '../../src/scenario/positions.ts';
import { renameHint, renameOf, renameWords, upgradeScenario } from '../../src/scenario/renames.ts';
import { convertZodIssues } from '../../src/scenario/zodIssues.ts';
import { scenarioSchema } from '../../src/models/civil-society/schema.ts';
import { yaml } from './helpers.ts';

/** As if format 2 had renamed `repression.level` to `repression.severity` and dropped a metric. */
const renames: Rename[] = [
  { from: 'levers.repression.severity', to: 'levers.repression.level', since: 2, note: 'test rename' },
  { from: 'parameters.citizens.oldKnob', since: 2, note: 'no longer used' },
  { from: 'metric:civic_space_old', to: 'metric:civic_space', since: 2, note: 'outcome-based index' },
];

const text = yaml`
  format: 1
  name: old
  start: 2000
  end: 2005
  levers:
    repression:
      severity: 0.4
  parameters:
    citizens:
      oldKnob: 3
  timeline:
    - { date: 2002, set: { repression.severity: 0.6 } }
  output:
    metrics: [trust, civic_space_old]
`;

describe('upgrading a file of an older format', () => {
  it('moves renamed keys, lever paths and metric ids to their new names and drops removed ones', () => {
    const source = parseSource(text, 'old.yaml').root!;
    const { data, warnings } = upgradeScenario(
      toPlain(source) as Record<string, unknown>,
      source,
      renames,
      2,
    );
    expect(data).toMatchObject({
      format: 2,
      levers: { repression: { level: 0.4 } },
      timeline: [{ date: 2002, set: { 'repression.level': 0.6 } }],
      output: { metrics: ['trust', 'civic_space'] },
    });
    expect((data.parameters as { citizens: object }).citizens).toEqual({});
    expect(warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      '7:5 levers.repression.severity was renamed to levers.repression.level in scenario format 2 (test rename): read as levers.repression.level',
      '12:26 timeline[0].set.repression.severity was renamed to levers.repression.level in scenario format 2 (test rename): read as levers.repression.level',
      '10:5 parameters.citizens.oldKnob was removed in scenario format 2 (no longer used): read as nothing',
      '14:20 output.metrics[1] was renamed to civic_space in scenario format 2 (outcome-based index): read as civic_space',
    ]);
    expect(scenarioSchema().safeParse({ ...data, format: 1 }).success).toBe(true);
  });

  it('leaves a file of the current format alone', () => {
    const source = parseSource(text.replace('format: 1', 'format: 2'), 'new.yaml').root!;
    const plain = toPlain(source) as Record<string, unknown>;
    const { data, warnings } = upgradeScenario(plain, source, renames, 2);
    expect(data).toBe(plain);
    expect(warnings).toEqual([]);
  });
});

describe('an old name in a file of the current format', () => {
  it('is answered with the new name, not a bare "unknown key"', () => {
    const source = parseSource(
      'name: n\nstart: 2000\nend: 2001\nlevers:\n  repression:\n    severity: 0.4\n',
      'n.yaml',
    ).root!;
    const data = toPlain(source);
    const parsed = scenarioSchema().safeParse(data);
    expect(parsed.success).toBe(false);
    const issues = convertZodIssues(parsed.error!.issues, {
      schema: scenarioSchema(),
      data,
      source,
      renames,
    });
    expect(issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      '6:5 levers.repression.severity was renamed to levers.repression.level in scenario format 2 (test rename)',
    ]);
    expect(issues[0].hint).toBe(
      'write levers.repression.level, or declare the file\u2019s older format (format: 1) to have it upgraded'.replace(
        '\u2019',
        "'",
      ),
    );
  });

  it('words renames and removals', () => {
    expect(renameWords(renameOf(renames, 'parameters.citizens.oldKnob')!)).toBe(
      'was removed in scenario format 2 (no longer used)',
    );
    expect(renameHint(renames[1])).toMatch(/^remove it/);
    expect(renameOf(renames, 'levers.nothing')).toBeUndefined();
  });
});
