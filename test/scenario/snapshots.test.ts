/**
 * `output.snapshots`: a spatial model's scenario chooses the steps its grid is drawn at — whole steps the
 * run reaches, each once, at most 12 — and a model without a grid refuses the key with a reason, each
 * problem at its file:line:column.
 */
import { describe, expect, it } from 'vitest';
import { checkScenarioFile } from '../../src/scenario/load.ts';
import { memoryScenarioIO } from '../../src/scenario/memoryIO.ts';
import { scenarioSchemaFor } from '../../src/scenario/modelSchemas.ts';
import { models } from '../../src/models/registry.ts';
import { scenarioSchema as schellingScenarioSchema } from '../../src/models/schelling/schema.ts';
import { header, yaml } from './helpers.ts';

const check = (text: string) => checkScenarioFile('town.yaml', memoryScenarioIO({ 'town.yaml': text }));
const listed = async (text: string) =>
  (await check(text)).issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);

describe('output.snapshots of a spatial model', () => {
  it('is optional (a run then draws the first and the last step) and may be empty (none)', async () => {
    const absent = await check('model: schelling\nname: town\nsteps: 20\n');
    expect(absent.issues).toEqual([]);
    expect(absent.loaded?.scenario.output.snapshots).toBeUndefined();
    const none = await check('model: schelling\nname: town\nsteps: 20\noutput: { snapshots: [] }\n');
    expect(none.issues).toEqual([]);
    expect(none.loaded?.scenario.output.snapshots).toEqual([]);
  });

  it('takes steps from 0 to the last, in any order', async () => {
    const { issues, loaded } = await check(yaml`
      model: schelling
      name: town
      steps: 20
      output:
        snapshots: [20, 0, 5]
    `);
    expect(issues).toEqual([]);
    expect(loaded?.scenario.output.snapshots).toEqual([20, 0, 5]);
  });

  it('reports each bad step where it is written, with what was expected', async () => {
    const text = yaml`
      model: schelling
      name: town
      steps: 20
      output:
        snapshots: [0, 21, 10, 10, 2.5, -1, "3"]
    `;
    expect(await listed(text)).toEqual([
      '5:18 output.snapshots[1]: the snapshot at step 21 is after the end (step 20)',
      '5:26 output.snapshots[3]: step 10 is already drawn by output.snapshots[2]',
      '5:30 output.snapshots[4]: expected a whole number between 0 and 1,000,000, got 2.5',
      '5:35 output.snapshots[5]: expected a whole number between 0 and 1,000,000, got -1',
      '5:39 output.snapshots[6]: expected a whole number between 0 and 1,000,000, got "3"',
    ]);
    const { issues } = await check(text);
    expect(issues[0]).toMatchObject({
      file: 'town.yaml',
      expected: 'a step from 0 to 20',
      got: '21',
      hint: 'the grid can only be drawn at a step the run reaches',
    });
    expect(issues[1]).toMatchObject({ expected: 'each step once', hint: 'remove the repeat' });
    expect(issues[4].hint).toBe('write the number without quotes');
  });

  it('checks the steps against the steps the file ends up with (extends)', async () => {
    const io = memoryScenarioIO({
      'base.yaml': 'model: schelling\nname: base\nsteps: 50\noutput: { snapshots: [0, 40] }\n',
      'short.yaml': 'extends: base.yaml\nname: short\nsteps: 30\n',
    });
    const { issues } = await checkScenarioFile('short.yaml', io);
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.message}`)).toEqual([
      'base.yaml:4:26 the snapshot at step 40 is after the end (step 30)',
    ]);
  });

  it('allows at most 12 snapshots, and says so', async () => {
    const steps = Array.from({ length: 13 }, (_, i) => i).join(', ');
    expect(
      await listed(`model: schelling\nname: town\nsteps: 20\noutput:\n  snapshots: [${steps}]\n`),
    ).toEqual([
      `5:14 output.snapshots: expected a list of at most 12 items, got [${steps.replaceAll(' ', '')}]`,
    ]);
  });

  it('keeps the chart id `snapshots` for the grid', async () => {
    const text = yaml`
      model: schelling
      name: town
      steps: 20
      output:
        charts:
          - { id: snapshots, title: Mine, metrics: [happy] }
    `;
    expect(await listed(text)).toEqual([
      `6:13 output.charts[0].id: chart id "snapshots" is the grid snapshots' (charts/snapshots.*)`,
    ]);
  });
});

describe('output.snapshots of a model without a grid', () => {
  it('is refused with the reason, at the key, naming the models that have a grid', async () => {
    const text = yaml`
      model: threshold
      name: crowd
      steps: 20
      output:
        snapshots: [0, 10]
    `;
    const { issues } = await check(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      line: 5,
      column: 3,
      path: 'output.snapshots',
      message: 'the threshold model has no grid to draw: output.snapshots is only for spatial models',
      got: 'snapshots',
    });
    expect(issues[0].hint).toMatch(/^remove output\.snapshots \(the models with a grid: .*schelling/);
    expect(issues[0].expected).toBeUndefined();
  });

  it('is refused for calendar models too', async () => {
    const { issues } = await check(`${header}output:\n  snapshots: [2005]\n`);
    expect(issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      '5:3 the civil-society model has no grid to draw: output.snapshots is only for spatial models',
    ]);
  });
});

describe('the schemas', () => {
  it('have output.snapshots exactly for the models with a snapshot', () => {
    for (const model of Object.values(models)) {
      const output = scenarioSchemaFor(model).shape.output.unwrap();
      expect('snapshots' in output.shape, model.id).toBe(model.snapshot !== undefined);
    }
  });

  it('the Schelling schema the package exports has it too', () => {
    const parsed = schellingScenarioSchema().parse({ name: 'town', steps: 5, output: { snapshots: [0, 5] } });
    expect(parsed.output.snapshots).toEqual([0, 5]);
  });
});
