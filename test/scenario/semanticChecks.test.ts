/** Checks beyond the schema: dates in the period, ramps, lever paths and values, shares, chart ids. */
import { describe, expect, it } from 'vitest';
import { checkScenarioFile } from '../../src/scenario/load.ts';
import { nodeScenarioIO } from '../../src/node/scenarioIO.ts';
import { leverPathHint } from '../../src/scenario/semanticChecks.ts';
import { civilSociety } from '../../src/models/civil-society/index.ts';
import { leversOf } from '../../src/scenario/modelSchemas.ts';
import { checkText, fixture, header, where, yaml } from './helpers.ts';

describe('the simulated period', () => {
  it('rejects an end before the start, at the end', async () => {
    const { issues } = await checkText('name: t\nstart: 2005-03\nend: 2005-02\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 3, column: 6, path: 'end', got: '"2005-02"' });
    expect(issues[0].message).toBe('the end (2005-02) is before the start (2005-03)');
  });

  it('reads an end written as a bare year as its December', async () => {
    expect((await checkText('name: t\nstart: 2005-03\nend: 2005\n')).issues).toEqual([]);
    expect((await checkText('name: t\nstart: 2005-03\nend: 2004\n')).issues).toHaveLength(1);
  });
});

describe('timeline events', () => {
  it('reports each kind of timeline problem where it was written', async () => {
    const { issues, warnings } = await checkScenarioFile(fixture('timeline-problems.yaml'), nodeScenarioIO);
    expect(issues.map((issue) => `${where([issue])[0]}: ${issue.message}`)).toEqual([
      '7:5 timeline[1].until: missing, expected a date written YYYY, YYYY-MM or YYYY-MM-DD: a ramp needs the date it ends',
      '11:5 timeline[2].until: `until` is only used with `ramp`',
      '14:12 timeline[3].until: the ramp ends (2003) before or in the month it starts (2004)',
      '18:5 timeline[5]: the event does nothing: give it set, ramp or action',
      '22:7 timeline[6].set.foreign.regim: "foreign.regim" is not a lever',
      '23:23 timeline[6].set.foreign.regime: expected one of none, disclosure, approval, prohibition, got "aproval"',
      '24:23 timeline[6].set.foreign.budget: expected a number between 0 and 1e15, got -1',
      '25:19 timeline[6].set.legitimacy: expected a share between 0 and 1, got 2',
      '27:13 timeline[7].ramp.foreign.regime: foreign.regime is not numeric: ramp moves only numeric levers',
      '27:32 timeline[7].ramp.tax.grantExemption: tax.grantExemption is not numeric: ramp moves only numeric levers',
    ]);
    const hints = Object.fromEntries(issues.map((issue) => [issue.path, issue.hint]));
    expect(hints['timeline[6].set.foreign.regim']).toBe('did you mean "foreign.regime"?');
    expect(hints['timeline[6].set.foreign.regime']).toBe('did you mean "approval"?');
    // an event before the start is not an error (its lever changes apply from the start), but said
    expect(warnings.map((w) => `${where([w])[0]}: ${w.message}`)).toEqual([
      '5:11 timeline[0]: 1 timeline event is dated before the start (2000-06): its action is dropped (its lever changes, if any, apply from the start)',
    ]);
  });

  it('accepts events on the first and last simulated months', async () => {
    const { issues } = await checkText(yaml`
      name: t
      start: 2000-06
      end: 2005
      timeline:
        - { date: 2000-06, action: audit }
        - { date: 2005-12-31, action: audit }
        - { date: 2001, ramp: { legitimacy: 0.2 }, until: 2005-12 }
    `);
    expect(issues).toEqual([]);
  });

  it('warns, once each, of events dated one month or more outside the period', async () => {
    const { issues, warnings, loaded } = await checkText(yaml`
      name: t
      start: 2000-06
      end: 2005
      timeline:
        - { date: 2000-05, action: audit }
        - { date: 2006-01, action: audit }
        - { date: 2007, action: crackdown }
        - { date: 1999, set: { legitimacy: 0.3 } }
    `);
    expect(issues).toEqual([]);
    expect(loaded).toBeDefined();
    expect(warnings.map((w) => `${where([w])[0]}: ${w.message}`)).toEqual([
      '5:13 timeline[0]: 2 timeline events are dated before the start (2000-06): their lever changes ' +
        'apply from the start; the 1 action among them is dropped',
      '6:13 timeline[1]: 2 timeline events are dated after the end (2005) and are dropped, the first on 2006-01',
    ]);
  });

  it('lets a ramp run past the end (it is cut there)', async () => {
    const { issues } = await checkText(yaml`
      name: t
      start: 2000
      end: 2005
      timeline:
        - { date: 2004, ramp: { legitimacy: 0.2 }, until: 2010 }
    `);
    expect(issues).toEqual([]);
  });

  it('checks ramp values against the lever too', async () => {
    const { issues } = await checkText(
      `${header}timeline:\n  - { date: 2001, ramp: { foreign.budget: -3 }, until: 2002 }\n`,
    );
    expect(issues.map((issue) => `${where([issue])[0]}: ${issue.message}`)).toEqual([
      '5:43 timeline[0].ramp.foreign.budget: expected a number between 0 and 1e15, got -3',
    ]);
  });

  it('leaves values of the wrong kind for set/ramp to the schema (one issue, not two)', async () => {
    const { issues } = await checkText(`${header}timeline:\n  - { date: 2001, set: { legitimacy: [1] } }\n`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      path: 'timeline[0].set.legitimacy',
      expected: 'a number, true or false, or text of at most 100 characters',
    });
  });
});

describe('lever path suggestions', () => {
  it.each([
    ['foreign.regim', 'did you mean "foreign.regime"?'],
    ['socialOrder', 'did you mean "ministries.socialOrder" or "akimats.socialOrder"?'],
    ['levers.legitimacy', 'lever paths are relative to levers: write "legitimacy"'],
    [
      'repression',
      'repression is a group of levers: name one, e.g. repression.level, repression.responsiveness',
    ],
    ['zzz.qqq', 'levers are written like ministries.socialOrder, repression.level or legitimacy'],
  ])('%s → %s', (path, hint) => {
    expect(leverPathHint(path, leversOf(civilSociety))).toBe(hint);
  });
});

describe('initial shares', () => {
  it('rejects advocacy and state-created shares that add up to more than 1', async () => {
    const { issues } = await checkText(`${header}initial:\n  advocacyShare: 0.8\n  stateCreatedShare: 0.3\n`);
    expect(where(issues)).toEqual(['6:22 initial.stateCreatedShare']);
    expect(issues[0].message).toBe('advocacyShare + stateCreatedShare = 0.8 + 0.3 is more than 1');
  });

  it('counts the default of the share that is not written', async () => {
    const { issues } = await checkText(`${header}initial:\n  advocacyShare: 0.99\n`);
    expect(where(issues)).toEqual(['5:18 initial.advocacyShare']);
    expect((await checkText(`${header}initial:\n  advocacyShare: 0.95\n`)).issues).toEqual([]);
  });
});

describe('charts', () => {
  it('rejects a chart id used twice, at the second one', async () => {
    const { issues } = await checkText(yaml`
      name: t
      start: 2000
      end: 2010
      output:
        charts:
          - { id: density, title: A, metrics: [trust] }
          - { id: money, title: B, metrics: [trust] }
          - { id: density, title: C, metrics: [trust] }
    `);
    expect(where(issues)).toEqual(['8:13 output.charts[2].id']);
    expect(issues[0].message).toBe('chart id "density" is already used by output.charts[0] (line 6)');
  });
});
