/** Schema (zod) issues: one clear, positioned issue per problem, with plain-words expectations. */
import { describe, expect, it } from 'vitest';
import { checkScenarioFile, formatIssue } from '../../src/scenario/load.ts';
import { nodeScenarioIO } from '../../src/node/scenarioIO.ts';
import { checkText, fixture, header, where, yaml } from './helpers.ts';

describe('values that break the schema', () => {
  it('reports every bad value of a file at its line and column, in file order', async () => {
    const { loaded, issues } = await checkScenarioFile(fixture('bad-values.yaml'), nodeScenarioIO);
    expect(loaded).toBeUndefined();
    expect(issues.map((issue) => `${issue.line}:${issue.column} ${issue.path}: ${issue.message}`)).toEqual([
      '4:13 replicates: expected a whole number between 1 and 10,000, got 2.5',
      '7:13 levers.foreign.budget: expected a number between 0 and 1e15, got -5',
      '8:13 levers.foreign.regime: expected one of none, disclosure, approval, prohibition, got "aproval"',
      '9:15 levers.legitimacy: expected a share between 0 and 1, got 1.5',
      '11:21 levers.tax.grantExemption: expected true or false, got "yes"',
      '14:13 population.network.degree: expected an even whole number between 2 and 64, got 7',
      '16:12 output.metrics: expected a list of at least 1 item, got []',
    ]);
    expect(issues.every((issue) => issue.file === fixture('bad-values.yaml'))).toBe(true);
  });

  it('keeps expected and got as separate fields and hints with a did-you-mean or the field meaning', async () => {
    const { issues } = await checkScenarioFile(fixture('bad-values.yaml'), nodeScenarioIO);
    const regime = issues.find((issue) => issue.path === 'levers.foreign.regime')!;
    expect(regime).toMatchObject({
      expected: 'one of none, disclosure, approval, prohibition',
      got: '"aproval"',
      hint: 'did you mean "approval"?',
    });
    const budget = issues.find((issue) => issue.path === 'levers.foreign.budget')!;
    expect(budget.hint).toBe('Foreign donors’ budget for the country’s NGOs, currency/year.');
    expect(formatIssue(budget)).toBe(
      `${fixture('bad-values.yaml')}:7:13 levers.foreign.budget: expected a number between 0 and 1e15, got -5\n` +
        '  hint: Foreign donors’ budget for the country’s NGOs, currency/year.',
    );
  });

  it('says how to fix a quoted number', async () => {
    const { issues } = await checkText(`${header}levers:\n  legitimacy: "0.5"\n`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      line: 5,
      column: 15,
      expected: 'a share between 0 and 1',
      got: '"0.5"',
    });
    expect(issues[0].hint).toBe('write the number without quotes');
  });

  it('describes dates and exclusive bounds in plain words', async () => {
    const { issues } = await checkText(yaml`
      name: t
      start: 2004-13
      end: 2010
      population:
        ngoSampling: 0
      parameters:
        participation:
          reconsiderRate: 0
    `);
    expect(issues.map((issue) => [where([issue])[0], issue.expected])).toEqual([
      ['2:8 start', 'a date written YYYY, YYYY-MM or YYYY-MM-DD'],
      ['5:16 population.ngoSampling', 'a number > 0 and ≤ 1'],
      ['8:21 parameters.participation.reconsiderRate', 'a number > 0 and ≤ 1'],
    ]);
    expect(issues[0].hint).toBe('e.g. 2004, 2004-06 or 2004-06-15');
  });

  it('names the whole file when it is not a mapping', async () => {
    const { issues } = await checkText('- just\n- a list\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      line: 1,
      column: 1,
      path: '',
      expected: 'a mapping (key: value lines)',
    });
    expect(issues[0].message).toBe('expected a mapping (key: value lines), got ["just","a list"]');
  });

  it('reports an empty file as missing its required keys', async () => {
    const { issues } = await checkText('');
    expect(issues[0].message).toMatch(/^expected a mapping/);
    expect(issues[0].got).toBe('an empty value (null)');
  });

  it('cuts long values short', async () => {
    const { issues } = await checkText(`${header}title: [${'x, '.repeat(100)}y]\n`);
    expect(issues).toHaveLength(1);
    expect(issues[0].got!.length).toBeLessThanOrEqual(60);
    expect(issues[0].got!.endsWith('…')).toBe(true);
  });
});

describe('unknown keys', () => {
  it('gives one issue per unknown key, at the key, with a did-you-mean from the keys allowed there', async () => {
    const { issues } = await checkScenarioFile(fixture('unknown-keys.yaml'), nodeScenarioIO);
    const unknown = issues.filter((issue) => issue.message.startsWith('unknown key'));
    expect(unknown.map((issue) => `${where([issue])[0]} | ${issue.hint}`)).toEqual([
      '4:1 replicate | did you mean "replicates"?',
      '7:5 levers.foreign.bugdet | did you mean "budget"?',
      '8:5 levers.foreign.regim | did you mean "regime"?',
      '9:3 levers.ministrie | did you mean "ministries"?',
      '13:5 timeline[0].sett | did you mean "set"?',
    ]);
    // the misspelt `sett` also leaves the event without an effect
    expect(where(issues)).toContain('12:5 timeline[0]');
  });

  it('lists the allowed keys when nothing is close', async () => {
    const { issues } = await checkText(`${header}levers:\n  foreign:\n    xyzzy: 1\n`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 6, column: 5, path: 'levers.foreign.xyzzy', got: 'xyzzy' });
    expect(issues[0].hint).toBe('keys allowed here: budget, advocacyPriority, regime, stigma');
  });

  it('keeps a __proto__ key an ordinary unknown key', async () => {
    const { issues } = await checkText(`${header}__proto__: { name: x }\n`);
    expect(where(issues)).toEqual(['4:1 __proto__']);
  });
});

describe('missing required keys', () => {
  it('positions them at the mapping that lacks them', async () => {
    const { issues } = await checkScenarioFile(fixture('missing-keys.yaml'), nodeScenarioIO);
    expect(issues.map((issue) => `${where([issue])[0]}: ${issue.message}`)).toEqual([
      '2:1 end: missing, expected a date written YYYY, YYYY-MM or YYYY-MM-DD',
      '2:1 name: missing, expected a name of lower-case letters, digits, - and _ (at most 64 characters)',
      '4:5 timeline[0].date: missing, expected a date written YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
    expect(issues.every((issue) => issue.got === undefined)).toBe(true);
  });
});
