/**
 * A sweep's plan and its log records: shards split the runs so that every run belongs to exactly one;
 * the plan's identity changes with anything that changes results (and nothing else); common random
 * numbers share one stream family across points; and a log read back keeps every bit, survives a torn
 * last line, counts duplicates once and refuses to mix in another plan's lines.
 */
import { describe, expect, it } from 'vitest';
import { buildDesign } from '../../src/experiment/design.ts';
import { parseParameter } from '../../src/experiment/parameter.ts';
import { resolveParameters } from '../../src/experiment/resolveParameters.ts';
import { decodeLog, encodeRecord, type RunRecord } from '../../src/experiment/runRecord.ts';
import {
  familyOf,
  inShard,
  parseShard,
  planSweep,
  plannedRuns,
  runAt,
  runCount,
} from '../../src/experiment/sweepPlan.ts';
import { modelById } from '../../src/models/registry.ts';
import { loadScenario } from '../../src/node/index.ts';

const { scenario } = await loadScenario('scenarios/classics/threshold-normal.yaml');
const model = modelById(scenario.model);

function plan(
  text = 'population.thresholds.sd=0.05:0.2',
  replicates = 3,
  independentSeeds = false,
  version = 'v1',
) {
  const parameters = resolveParameters([parseParameter(text)], scenario, model);
  const designOptions = { kind: 'grid' as const, seed: 1, levels: 5 };
  return planSweep(
    {
      scenario,
      parameters,
      designOptions,
      design: buildDesign(parameters, designOptions),
      replicates,
      independentSeeds,
      metrics: ['participation'],
    },
    version,
  );
}

describe('the plan', () => {
  it('numbers runs point by point, replicate by replicate', () => {
    const p = plan();
    expect(runCount(p)).toBe(15);
    expect(runAt(p, 7)).toEqual({ index: 7, point: 2, replicate: 1 });
  });

  it('splits into shards that hold every run exactly once', () => {
    const p = plan();
    for (const n of [1, 2, 4, 15, 16]) {
      const seen = new Array<number>(15).fill(0);
      for (let k = 1; k <= n; k++) for (const run of plannedRuns(p, { index: k, count: n })) seen[run]++;
      expect(seen).toEqual(new Array<number>(15).fill(1));
    }
    expect(inShard(4, undefined)).toBe(true);
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/5', '6/5', '1/0', 'a/b', '1', '1/2/3']) expect(parseShard(bad)).toBeUndefined();
  });

  it('is identified by what decides its results', () => {
    const id = plan().id;
    expect(plan().id).toBe(id);
    expect(plan('population.thresholds.sd=0.05:0.25').id).not.toBe(id);
    expect(plan(undefined, 4).id).not.toBe(id);
    expect(plan(undefined, 3, true).id).not.toBe(id);
    expect(plan(undefined, 3, false, 'v2').id).not.toBe(id);
  });

  it('shares one stream family across points, unless seeds are independent', () => {
    expect(familyOf(plan(), 0)).toBe(familyOf(plan(), 4));
    const independent = plan(undefined, 3, true);
    expect(familyOf(independent, 0)).not.toBe(familyOf(independent, 4));
  });
});

describe('log records', () => {
  const record = (run: number, value = run / 3): RunRecord => ({
    run,
    point: Math.floor(run / 3),
    replicate: run % 3,
    values: { participation: [value, Number.NaN, 0.1 + 0.2] },
  });

  it('read back with every bit, NaN included', () => {
    const text = encodeRecord(record(1), 'p') + encodeRecord(record(2), 'p');
    const log = decodeLog(text, 'p');
    expect([...log.records.values()]).toEqual([record(1), record(2)]);
    expect(log.truncated).toBe(false);
    expect(log.validBytes).toBe(Buffer.byteLength(text));
  });

  it('cut where a crash tore the last line, keep the first copy of a run, and count other plans', () => {
    const good =
      encodeRecord(record(1), 'p') + encodeRecord(record(1, 9), 'p') + encodeRecord(record(5), 'q');
    const torn = decodeLog(`${good}{"plan":"p","run":2,"poi`, 'p');
    expect(torn.truncated).toBe(true);
    expect(torn.validBytes).toBe(Buffer.byteLength(good));
    expect(torn.duplicates).toBe(1);
    expect(torn.foreign).toBe(1);
    expect(torn.records.get(1)).toEqual(record(1));
    expect(decodeLog(`${good}not json\n${encodeRecord(record(3), 'p')}`, 'p').records.has(3)).toBe(false);
  });
});
