/**
 * Targets files (readTargets → parseTargets, as civsim calibrate reads them): every problem at its
 * file:line:column with the column's name, what was expected and a hint; spans averaged; and the
 * distance the calibration minimises.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distanceToTargets, simulatedAtTargets } from '../../src/calibrate/targets.ts';
import { cellColumns, readTargets } from '../../src/node/readTargets.ts';
import { formatIssue, ScenarioError } from '../../src/scenario/issues.ts';

const dir = mkdtempSync(join(tmpdir(), 'civsim-targets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const context = {
  periods: ['1991', '1992', '1993', '1994', '1995'],
  metrics: ['registered_ngos', 'volunteering_rate'],
  near: (m: string) => (m === 'registered' ? ['registered_ngos'] : []),
};
const header = 'date,metric,value,sd_or_tolerance,definition,source\n';

async function problems(name: string, text: string): Promise<string[]> {
  const path = join(dir, name);
  writeFileSync(path, text);
  try {
    await readTargets(path, context);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).issues.map(formatIssue);
  }
  throw new Error('accepted');
}

describe('targets files', () => {
  it('reads targets, with quoted cells and spans', async () => {
    const path = join(dir, 'good.csv');
    writeFileSync(
      path,
      `${header}1993,registered_ngos,400,100,"operating, lower bound","ICNL, 2024"\n1992/1994,volunteering_rate,0.2,0.03,survey,"a ""quoted"" source"\n`,
    );
    const targets = await readTargets(path, context);
    expect(targets).toHaveLength(2);
    expect(targets[0]).toMatchObject({
      line: 2,
      periods: ['1993'],
      value: 400,
      sd: 100,
      definition: 'operating, lower bound',
    });
    expect(targets[1]).toMatchObject({
      line: 3,
      periods: ['1992', '1993', '1994'],
      source: 'a "quoted" source',
    });
    const simulated = simulatedAtTargets(
      targets,
      { registered_ngos: [0, 0, 500, 0, 0], volunteering_rate: [0, 0.1, 0.2, 0.3, 0] },
      context.periods,
    );
    expect(simulated[0]).toBe(500);
    expect(simulated[1]).toBeCloseTo(0.2);
    // (500 − 400)/100 = 1 and 0: root mean square √(1/2)
    expect(distanceToTargets(targets, simulated)).toBeCloseTo(Math.SQRT1_2);
    expect(distanceToTargets(targets, [Number.NaN, 0.2])).toBe(Number.POSITIVE_INFINITY);
  });

  it('says where each problem is: line, column, column name, expectation and hint', async () => {
    const found = await problems(
      'bad.csv',
      `${header}1993,registered,400,100,x,y\n1993-06,registered_ngos,400,100,x,y\n2031,registered_ngos,400,100,x,y\n1993,registered_ngos,many,0,x,y\n`,
    );
    const path = join(dir, 'bad.csv');
    expect(found).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${path}:2:6 metric: "registered" is not a metric[^\\n]*\\n  hint: did you mean registered_ngos\\?`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^${path}:3:1 date: "1993-06" is not a year[^\\n]*\\n  hint: months are not targets`),
      ),
      expect.stringMatching(new RegExp(`^${path}:4:1 date: 2031 is not within the run`)),
      expect.stringMatching(new RegExp(`^${path}:5:22 value: "many" is not a number`)),
      expect.stringMatching(new RegExp(`^${path}:5:27 sd_or_tolerance: "0" is not a number above 0`)),
    ]);
  });

  it('refuses a missing column, an empty file, broken CSV and a file that is not text', async () => {
    expect(await problems('head.csv', 'date,metric,value\n1993,registered_ngos,1\n')).toEqual([
      expect.stringMatching(/:1:1 header: the header lacks sd_or_tolerance, definition, source/),
    ]);
    expect(await problems('empty.csv', '')).toEqual([expect.stringMatching(/the targets file is empty/)]);
    expect(await problems('rows.csv', header)).toEqual([expect.stringMatching(/the file has no targets/)]);
    expect(await problems('quote.csv', `${header}1993,registered_ngos,1,1,"open,x\n`)).toEqual([
      expect.stringMatching(/not readable as CSV/),
    ]);
    expect(await problems('binary.csv', '\u0000\u0001\u0002')).toHaveLength(1);
  });

  it('finds the column of each cell, quotes and all', () => {
    expect(cellColumns('a,"b,c",d')).toEqual([1, 3, 9]);
    expect(cellColumns('')).toEqual([1]);
  });
});
