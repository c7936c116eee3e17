/**
 * The explorer's inputs come from the models' own schemas: one per lever (and per other setting), with
 * the schema's bounds, whole-number rule, choices, default, description, unit and sources. Changes are
 * checked against the same schema as a file, and a changed lever holds for the whole run.
 */
import { describe, expect, it } from 'vitest';
import { applyChanges, checkChange } from '../../src/explore/changes.ts';
import { evidenceOf, inputsByPath, settingInputs, sourcesOf, unitOf } from '../../src/explore/inputs.ts';
import { openScenario } from '../../src/explore/catalog.ts';
import { leversOf, modelById, share, type ScenarioBase } from '../../src/index.ts';
import { shippedCatalog } from './catalogFixture.ts';

async function shipped(id: string): Promise<ScenarioBase> {
  const opened = await openScenario(await shippedCatalog(), { entry: id });
  if (!('loaded' in opened)) throw new Error(opened.problems.join('\n'));
  return opened.loaded.scenario;
}

describe('the catalog', () => {
  it('embeds each shipped scenario as the loader resolves it from its files', async () => {
    const catalog = await shippedCatalog();
    const fromFiles = { ...catalog, entries: catalog.entries.map(({ loaded: _, ...entry }) => entry) };
    for (const entry of catalog.entries) {
      const embedded = await openScenario(catalog, { entry: entry.id });
      const loaded = await openScenario(fromFiles, { entry: entry.id });
      if (!('loaded' in embedded) || !('loaded' in loaded)) throw new Error(entry.id);
      expect(JSON.parse(JSON.stringify(embedded.loaded.scenario))).toEqual(loaded.loaded.scenario);
      expect(embedded.loaded.hash).toBe(loaded.loaded.hash);
    }
  });
});

describe('inputs from the schema', () => {
  it('give every lever of every shipped scenario an input, levers first', async () => {
    const catalog = await shippedCatalog();
    for (const entry of catalog.entries) {
      const scenario = await shipped(entry.id);
      const model = modelById(scenario.model);
      const inputs = settingInputs(model, scenario);
      const levers = inputs.filter((i) => i.section === 'levers');
      expect(levers.map((i) => i.lever)).toEqual(leversOf(model).paths);
      expect(inputs.slice(0, levers.length)).toEqual(levers);
      for (const input of inputs) {
        expect(input.description.length, input.path).toBeGreaterThan(0);
        if (input.kind === 'number' || input.kind === 'integer') expect(typeof input.value).toBe('number');
      }
    }
  });

  it('carry the bounds, unit, default, description, sources and evidence of a lever', async () => {
    const scenario = await shipped('kazakhstan');
    const inputs = inputsByPath(settingInputs(modelById('civil-society'), scenario));
    const repression = inputs.get('levers.repression.level')!;
    expect(repression).toMatchObject({
      kind: 'number',
      min: 0,
      max: 1,
      step: 0.01,
      unit: 'share',
      defaultValue: 0.05,
      sources: ['Freedom House 2024', 'Epstein 2002'],
      evidence: ['A'],
      group: 'levers.repression',
      lever: 'repression.level',
    });
    expect(repression.description).not.toMatch(/\[A\]/);
    expect(repression.timelineChanges).toBeGreaterThan(0);
    expect(inputs.get('levers.ministries.socialOrder')).toMatchObject({
      unit: 'currency/year',
      min: 0,
      max: 1e15,
    });
    expect(inputs.get('levers.foreign.regime')).toMatchObject({
      kind: 'choice',
      options: ['none', 'disclosure', 'approval', 'prohibition'],
      defaultValue: 'none',
    });
    expect(inputs.get('levers.tax.grantExemption')).toMatchObject({ kind: 'switch', defaultValue: false });
    expect(inputs.get('levers.registration.cost')).toMatchObject({ unit: 'currency', max: 1e9 });
    expect(inputs.get('levers.ministries.councilSeats')).toMatchObject({ unit: 'per million citizens' });
    // other settings: a whole number, and a number that must be even
    expect(inputs.get('population.citizens')).toMatchObject({
      kind: 'integer',
      step: 1,
      section: 'population',
    });
    const threshold = inputsByPath(
      settingInputs(modelById('threshold'), await shipped('classics/threshold-network')),
    );
    expect(threshold.get('population.network.degree')).toMatchObject({
      kind: 'integer',
      min: 2,
      max: 64,
      multipleOf: 2,
      step: 2,
    });
    expect(threshold.get('population.thresholds.kind')).toMatchObject({ kind: 'choice' });
    expect(threshold.get('levers.thresholdShift')).toMatchObject({ min: -1, max: 1 });
  });

  it('read sources, evidence and units out of descriptions', () => {
    expect(sourcesOf('x (Diachenko 2007; ICNL 2024) [V]. y (Epstein 2002).')).toEqual([
      'Diachenko 2007',
      'ICNL 2024',
      'Epstein 2002',
    ]);
    expect(sourcesOf('At most 12 a year (the model steps monthly).')).toEqual([]);
    expect(evidenceOf('a [V for the mechanism, A for the rate] b [A] c [A]')).toEqual([
      'V for the mechanism, A for the rate',
      'A',
    ]);
    expect(unitOf('Seats per million citizens.', share('x'))).toBe('per million citizens');
    expect(unitOf('A share.', share('x'))).toBe('share');
  });
});

describe('changes', () => {
  it('hold a changed lever for the whole run, dropping the timeline’s changes to it', async () => {
    const model = modelById('civil-society');
    const scenario = await shipped('kazakhstan');
    const inputs = inputsByPath(settingInputs(model, scenario));
    const before = scenario.timeline.filter((e) => e.set && 'repression.level' in e.set).length;
    expect(before).toBeGreaterThan(0);
    const applied = applyChanges(model, scenario, inputs, {
      'levers.repression.level': 0.5,
      'levers.foreign.regime': 'prohibition',
      'population.citizens': 2000,
    });
    expect(applied.problems).toEqual([]);
    expect((applied.scenario.levers as Record<string, Record<string, unknown>>).repression.level).toBe(0.5);
    expect(applied.scenario.timeline.some((e) => e.set && 'repression.level' in e.set)).toBe(false);
    expect(applied.dropped['levers.repression.level']).toBe(
      inputs.get('levers.repression.level')!.timelineChanges,
    );
    expect(applied.dropped['population.citizens']).toBeUndefined();
    // the base scenario is untouched
    expect(scenario.timeline.filter((e) => e.set && 'repression.level' in e.set).length).toBe(before);
  });

  it('refuse unknown paths, wrong kinds and values out of range, as a file would', async () => {
    const model = modelById('civil-society');
    const scenario = await shipped('kazakhstan');
    const inputs = inputsByPath(settingInputs(model, scenario));
    const applied = applyChanges(model, scenario, inputs, {
      'levers.repression.level': 3,
      'levers.foreign.regime': 'banned',
      'levers.tax.grantExemption': 'maybe',
      'levers.nothing': 1,
      '__proto__.polluted': 1,
      'population.citizens': 2.5,
      name: 'other',
      'levers.legitimacy': 0.4,
    });
    expect(applied.problems.map((p) => p.message)).toEqual([
      'levers.repression.level: expected a share between 0 and 1, got 3',
      'levers.foreign.regime: expected one of none, disclosure, approval, prohibition, got "banned"',
      'levers.tax.grantExemption: expected true or false, got "maybe"',
      "levers.nothing is not a setting of the civil-society model's scenarios",
      "__proto__.polluted is not a setting of the civil-society model's scenarios",
      expect.stringMatching(/^population\.citizens: expected a whole number/),
      "name is not a setting of the civil-society model's scenarios",
    ]);
    expect((applied.scenario.levers as Record<string, unknown>).legitimacy).toBe(0.4);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('read values from links as the input wants them', async () => {
    const model = modelById('civil-society');
    const inputs = inputsByPath(settingInputs(model, await shipped('kazakhstan')));
    expect(checkChange(model, inputs, 'levers.tax.grantExemption', 'true')).toEqual({ value: true });
    expect(checkChange(model, inputs, 'levers.legitimacy', '0.25')).toEqual({ value: 0.25 });
    expect(checkChange(model, inputs, 'levers.legitimacy', '0x10')).toHaveProperty('problem');
    expect(checkChange(model, inputs, 'levers.legitimacy', true)).toHaveProperty('problem');
  });
});
