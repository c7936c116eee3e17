/**
 * Swept parameters: the command-line syntax, checks against the scenario before anything runs (each
 * refusal says what was expected and how to fix it), and what a design point does to a scenario — the
 * value set, the timeline's changes to a held lever dropped and counted, or kept up to a date.
 */
import { describe, expect, it } from 'vitest';
import { parseParameter, ParameterSyntaxError } from '../../src/experiment/parameter.ts';
import { applyPoint, DesignError, resolveParameters } from '../../src/experiment/resolveParameters.ts';
import { modelById } from '../../src/models/registry.ts';
import { loadScenario } from '../../src/node/index.ts';
import type { Scenario } from '../../src/models/civil-society/schema.ts';

const model = modelById('civil-society');
const { scenario: loaded } = await loadScenario('scenarios/kazakhstan.yaml');
const kazakhstan = loaded as Scenario;

const problemsOf = (text: string[]): string => {
  try {
    resolveParameters(text.map(parseParameter), kazakhstan, model);
  } catch (error) {
    if (error instanceof DesignError) return error.message;
    throw error;
  }
  return '';
};

describe('parseParameter', () => {
  it('reads lists, ranges, log ranges and dates', () => {
    expect(parseParameter('levers.legitimacy=0.2, 0.5,0.8')).toEqual({
      path: 'levers.legitimacy',
      values: [0.2, 0.5, 0.8],
    });
    expect(parseParameter('ministries.grants=0:2e6')).toEqual({
      path: 'ministries.grants',
      range: { low: 0, high: 2e6, log: false },
    });
    expect(parseParameter('foreign.budget=1e5:1e8:log')).toEqual({
      path: 'foreign.budget',
      range: { low: 1e5, high: 1e8, log: true },
    });
    expect(parseParameter('repression.level@2030-01=0.1,0.6')).toEqual({
      path: 'repression.level',
      from: '2030-01',
      values: [0.1, 0.6],
    });
    expect(parseParameter('threshold@12=1:3').from).toBe(12);
  });

  it.each([
    ['levers.legitimacy', /expected PATH=VALUES/],
    ['=1,2', /expected PATH=VALUES/],
    ['levers..x=1', /not a scenario path/],
    ['levers.legitimacy=', /no values/],
    ['levers.legitimacy=0.1,abc', /"abc" is not a number/],
    ['levers.legitimacy=0x10', /"0x10" is not a number/],
    ['levers.legitimacy=0.5:0.5', /range 0.5:0.5 is empty/],
    ['levers.legitimacy=0.9:0.1', /is empty/],
    ['levers.legitimacy=0:1:log', /logarithmic range must be above 0/],
    ['levers.legitimacy=0:1:sqrt', /not a range/],
    ['levers.legitimacy=1,1', /listed twice/],
    ['levers.legitimacy@2030-13=1', /not a month or a step/],
    ['levers.legitimacy=Infinity', /not a number/],
  ])('refuses %s', (text, message) => {
    expect(() => parseParameter(text)).toThrow(ParameterSyntaxError);
    expect(() => parseParameter(text)).toThrow(message);
  });
});

describe('resolveParameters', () => {
  it('finds levers with or without "levers.", and other parameters from the root', () => {
    const [a, b, c] = resolveParameters(
      ['ministries.socialOrder=0:1e7', 'levers.legitimacy=0.2,0.8', 'population.network.degree=4,8,12'].map(
        parseParameter,
      ),
      kazakhstan,
      model,
    );
    expect(a).toMatchObject({ rootPath: 'levers.ministries.socialOrder', lever: 'ministries.socialOrder' });
    expect(b).toMatchObject({ rootPath: 'levers.legitimacy', lever: 'legitimacy', integer: false });
    expect(c).toMatchObject({ rootPath: 'population.network.degree', integer: true });
    expect(c.lever).toBeUndefined();
  });

  it('refuses, before anything runs, with what was expected and a hint', () => {
    expect(problemsOf(['ministries.socialOrdr=0:1'])).toMatch(
      /no value at ministries\.socialOrdr[\s\S]*did you mean[\s\S]*socialOrder/,
    );
    expect(problemsOf(['levers.ministries=0:1'])).toMatch(/not a number \(it is a group of values\)/);
    expect(problemsOf(['levers.legitimacy=0.5:1.5'])).toMatch(
      /1\.5 is not a value levers\.legitimacy can take \(expected .*1/,
    );
    expect(problemsOf(['seed=1,2'])).toMatch(/seed cannot be swept[\s\S]*--seed/);
    expect(problemsOf(['replicates=1,2'])).toMatch(/-r/);
    expect(problemsOf(['legitimacy@2060-01=0.1,0.2'])).toMatch(
      /not within the run \(expected a month from 1991-01 to 2025-12/,
    );
    expect(problemsOf(['population.network.degree@2000-01=4,8'])).toMatch(
      /only a lever can change at a date/,
    );
    expect(problemsOf(['population.network.degree=4,4.2'])).toMatch(/round to the same/);
    expect(problemsOf(['legitimacy=0.1,0.2', 'levers.legitimacy=0.3,0.4'])).toMatch(/swept twice/);
  });

  it('reports every bad parameter at once', () => {
    const message = problemsOf([
      'nothing.here=1,2',
      'levers.legitimacy=2,3',
      'levers.repression.level=0.1,0.2',
    ]);
    expect(message.split('\n').filter((l) => !l.startsWith('  '))).toHaveLength(2);
  });
});

describe('applyPoint', () => {
  const timelineChanges = (s: Scenario, lever: string) =>
    s.timeline.filter((e) => (e.set && lever in e.set) || (e.ramp && lever in e.ramp));

  it('holds a lever for the whole run: its value set, every timeline change to it dropped and counted', () => {
    const parameters = resolveParameters([parseParameter('ministries.socialOrder=0:1e7')], kazakhstan, model);
    const before = timelineChanges(kazakhstan, 'ministries.socialOrder').length;
    expect(before).toBeGreaterThan(2);
    const { scenario, dropped } = applyPoint(kazakhstan, model, parameters, [3e6]);
    expect(scenario.levers.ministries.socialOrder).toBe(3e6);
    expect(timelineChanges(scenario, 'ministries.socialOrder')).toEqual([]);
    expect(dropped).toEqual([before]);
    // other levers' changes stay, and the input is untouched
    expect(timelineChanges(scenario, 'akimats.socialOrder').length).toBe(
      timelineChanges(kazakhstan, 'akimats.socialOrder').length,
    );
    expect(kazakhstan.levers.ministries.socialOrder).toBe(0);
    expect(timelineChanges(kazakhstan, 'ministries.socialOrder')).toHaveLength(before);
  });

  it('holds a lever from a date: earlier changes stay, later ones go, and an event sets it on that date', () => {
    const parameters = resolveParameters(
      [parseParameter('ministries.socialOrder@2015-01=5e6,2e7')],
      kazakhstan,
      model,
    );
    const { scenario, dropped } = applyPoint(kazakhstan, model, parameters, [2e7]);
    const changes = timelineChanges(scenario, 'ministries.socialOrder');
    const last = changes[changes.length - 1];
    expect(last).toMatchObject({ date: '2015-01', set: { 'ministries.socialOrder': 2e7 } });
    const earlier = changes.slice(0, -1);
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.every((e) => String(e.date) < '2015-01')).toBe(true);
    expect(dropped[0]).toBe(timelineChanges(kazakhstan, 'ministries.socialOrder').length - earlier.length);
    expect(scenario.levers.ministries.socialOrder).toBe(0);
  });

  it('rounds whole-number parameters and sets non-levers without touching the timeline', () => {
    const parameters = resolveParameters(
      [parseParameter('population.network.degree=4:12')],
      kazakhstan,
      model,
    );
    const { scenario, dropped } = applyPoint(kazakhstan, model, parameters, [7.6]);
    expect(scenario.population.network.degree).toBe(8);
    expect(dropped).toEqual([0]);
    expect(scenario.timeline).toEqual(kazakhstan.timeline);
  });
});
