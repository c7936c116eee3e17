/**
 * A sweep design kept in a scenario file (`sweep:`): read as parameter specs, and checked when the file
 * is loaded — a bad path, value or design size reported at its file:line:column like any other mistake.
 */
import { describe, expect, it } from 'vitest';
import { specsOfBlock } from '../../src/experiment/sweepBlock.ts';
import { checkScenarioFile, memoryScenarioIO } from '../../src/index.ts';
import { loadScenario } from '../../src/node/index.ts';

const base = `model: threshold
name: crowd
steps: 20
population:
  agents: 50
  thresholds: { kind: normal, mean: 0.25, sd: 0.12 }
`;

async function issuesOf(sweep: string) {
  const io = memoryScenarioIO({ 'crowd.yaml': `${base}sweep:\n${sweep}` });
  return (await checkScenarioFile('crowd.yaml', io)).issues.map(
    (i) => `${i.line}:${i.column} ${i.path}: ${i.message}${i.expected ? ` (expected ${i.expected})` : ''}`,
  );
}

describe('the sweep: block', () => {
  it('of a shipped scenario reads as the parameters civsim sweep runs', async () => {
    const { scenario } = await loadScenario('scenarios/classics/threshold-normal.yaml');
    expect(scenario.sweep).toMatchObject({ design: 'grid', levels: 15, replicates: 10 });
    expect(specsOfBlock(scenario.sweep!)).toEqual([
      { path: 'population.thresholds.sd', range: { low: 0.02, high: 0.3, log: false } },
    ]);
  });

  it('is checked against the scenario when the file loads, each problem at its place', async () => {
    expect(
      await issuesOf('  parameters:\n    - path: population.thresholds.spread\n      range: [0, 1]\n'),
    ).toEqual([
      expect.stringMatching(
        /^9:13 sweep\.parameters\[0\]\.path: the scenario has no value at population\.thresholds\.spread/,
      ),
    ]);
    expect(
      await issuesOf('  parameters:\n    - path: population.thresholds.sd\n      range: [0.1, 2]\n'),
    ).toEqual([
      expect.stringMatching(
        /^9:13 sweep\.parameters\[0\]\.path: 2 is not a value population\.thresholds\.sd can take/,
      ),
    ]);
    expect(
      await issuesOf(
        '  design: sobol\n  samples: 8\n  parameters:\n    - path: population.thresholds.sd\n      range: [0.1, 0.2]\n',
      ),
    ).toEqual([expect.stringMatching(/^9:12 sweep\.samples: sobol needs samples ≥ 16/)]);
    expect(
      await issuesOf('  parameters:\n    - path: population.thresholds.sd\n      range: [0.3, 0.1]\n'),
    ).toEqual([expect.stringMatching(/sweep\.parameters\[0\]: the range 0\.3:0\.1 is empty/)]);
  });

  it('wants either values or a range, and known metrics', async () => {
    const both = await issuesOf(
      '  parameters:\n    - path: population.thresholds.sd\n      values: [0.1]\n      range: [0.1, 0.2]\n',
    );
    expect(both.join('\n')).toMatch(/both values and range are given/);
    const metric = await issuesOf(
      '  metrics: [participatoin]\n  parameters:\n    - path: population.thresholds.sd\n      values: [0.1, 0.2]\n',
    );
    expect(metric.join('\n')).toMatch(/sweep\.metrics\[0\]/);
  });
});
