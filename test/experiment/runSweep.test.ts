/** A sweep run in the calling thread (notebooks, pages) gives the records the worker pool gives. */
import { describe, expect, it } from 'vitest';
import { buildDesign } from '../../src/experiment/design.ts';
import { parseParameter } from '../../src/experiment/parameter.ts';
import { resolveParameters } from '../../src/experiment/resolveParameters.ts';
import type { RunRecord } from '../../src/experiment/runRecord.ts';
import { runSweep, sweepPeriods } from '../../src/experiment/runSweep.ts';
import { planSweep, plannedRuns, runCount } from '../../src/experiment/sweepPlan.ts';
import { applyOverrides } from '../../src/index.ts';
import { modelById } from '../../src/models/registry.ts';
import { loadScenario } from '../../src/node/index.ts';
import { runSweepOnWorkers } from '../../src/node/sweepPool.ts';

const { scenario: loaded } = await loadScenario('scenarios/classics/threshold-normal.yaml');
const scenario = applyOverrides(loaded, { replicates: 2 });
const model = modelById(scenario.model);
const parameters = resolveParameters(
  ['population.thresholds.sd=0.05:0.2', 'population.thresholds.mean=0.2,0.3'].map(parseParameter),
  scenario,
  model,
);
const designOptions = { kind: 'grid' as const, seed: scenario.seed, levels: 3 };
const plan = planSweep(
  {
    scenario,
    parameters,
    designOptions,
    design: buildDesign(parameters, designOptions),
    replicates: 2,
    independentSeeds: false,
    metrics: ['participation'],
  },
  'test',
);

describe('runSweep', () => {
  it('makes every run in plan order, the same records as the worker pool', async () => {
    const progress: number[] = [];
    const data = await runSweep(plan, { onProgress: (done, total) => progress.push(done / total) });
    expect(data.records.map((r) => r.run)).toEqual(plannedRuns(plan));
    expect(progress).toHaveLength(runCount(plan));
    expect(progress.at(-1)).toBe(1);
    // a step model's periods are its steps 0…steps
    expect(data.periods).toEqual(sweepPeriods(plan));
    expect(data.periods).toEqual(Array.from({ length: (scenario.steps ?? 0) + 1 }, (_, i) => String(i)));
    expect(data.records[0].values.participation).toHaveLength(data.periods.length);

    const pooled: RunRecord[] = [];
    await runSweepOnWorkers(plan, plannedRuns(plan), { workers: 1, onRecord: (r) => void pooled.push(r) });
    pooled.sort((a, b) => a.run - b.run);
    expect(data.records).toEqual(pooled);
  });

  it('stops between runs when aborted', async () => {
    const stop = new AbortController();
    await expect(
      runSweep(plan, {
        signal: stop.signal,
        onProgress: (done) => {
          if (done === 3) stop.abort(new Error('enough'));
        },
      }),
    ).rejects.toThrow('enough');
  });

  it("gives a calendar model's years as its periods", async () => {
    const { scenario: kz } = await loadScenario('scenarios/kazakhstan.yaml');
    const periods = sweepPeriods({ scenario: kz });
    expect(periods[0]).toBe('1991');
    expect(periods.at(-1)).toBe('2025');
  });
});
