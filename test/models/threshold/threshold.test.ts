/**
 * The threshold model: its rule (the function the simulation calls), Granovetter's riot of an evenly
 * spaced crowd and its collapse when one threshold moves, the tipping of the final share in the spread
 * of normal thresholds, networks and repression, and determinism.
 */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../src/engine/random.ts';
import { acts, decide, neighbourShare } from '../../../src/models/threshold/decide.ts';
import { threshold } from '../../../src/models/threshold/index.ts';
import { scenarioSchema, type ScenarioInput } from '../../../src/models/threshold/schema.ts';
import { createThresholdState } from '../../../src/models/threshold/state.ts';
import { runReplicate } from '../../../src/run/replicate.ts';

const scenarioOf = (input: Partial<ScenarioInput> = {}) =>
  scenarioSchema().parse({ model: 'threshold', name: 'test', steps: 150, ...input });

const finalShare = (input: Partial<ScenarioInput>, replicate: number) => {
  const values = runReplicate(threshold, scenarioOf(input), replicate).series.values.participation;
  return values[values.length - 1];
};

describe('the rule', () => {
  it('acts when the share seen reaches the threshold plus the shift', () => {
    expect(acts(0.25, 0.25, 0)).toBe(true);
    expect(acts(0.2499, 0.25, 0)).toBe(false);
    expect(acts(0.35, 0.25, 0.1)).toBe(true);
    expect(acts(0.34, 0.25, 0.1)).toBe(false);
    expect(acts(0, 0.05, -0.1)).toBe(true);
  });

  it('reads the acting share of an agent’s own neighbours on a network', () => {
    const scenario = scenarioOf({
      population: { agents: 20, network: { kind: 'small-world', degree: 4, rewiring: 0 } },
    });
    const state = createThresholdState(
      scenario,
      new RandomStreams('t', 1, 0),
      structuredClone(scenario.levers),
    );
    state.active.fill(0);
    state.active[1] = 1;
    state.active[19] = 1; // on a ring of degree 4, agent 0 sees 18, 19, 1, 2
    expect(neighbourShare(state, 0)).toBe(0.5);
    expect(neighbourShare(state, 10)).toBe(0);
  });

  it('keeps acting once started unless the crowd is reversible', () => {
    for (const reversible of [true, false]) {
      const scenario = scenarioOf({
        population: { agents: 10, thresholds: { kind: 'uniform', min: 0.5, max: 1 }, reversible },
      });
      const state = createThresholdState(
        scenario,
        new RandomStreams('t', 1, 0),
        structuredClone(scenario.levers),
      );
      state.active.fill(1);
      state.acting = 10;
      state.levers.thresholdShift = 0.6; // every threshold + shift is above 1: no share reaches it
      decide(state);
      expect(state.acting, `reversible ${reversible}`).toBe(reversible ? 0 : 10);
      expect(state.left).toBe(reversible ? 10 : 0);
    }
  });

  it('lets instigators act whatever the others do', () => {
    const scenario = scenarioOf({
      population: { agents: 1000, thresholds: { kind: 'uniform', min: 0.9, max: 1 } },
    });
    const levers = { ...scenario.levers, instigators: 0.1 };
    const state = createThresholdState(scenario, new RandomStreams('t', 1, 0), levers);
    expect(state.forced).toBeGreaterThan(70);
    expect(state.forced).toBeLessThan(130);
    decide(state);
    expect(state.acting).toBe(state.forced);
  });
});

describe('Granovetter (1978)', () => {
  it('the evenly spaced crowd riots, one more agent each step', () => {
    const { values } = runReplicate(
      threshold,
      scenarioOf({ steps: 120, population: { thresholds: { kind: 'spaced' } } }),
      0,
    ).series;
    for (let t = 0; t <= 100; t++) expect(values.participation[t]).toBeCloseTo(t / 100, 12);
    expect(values.participation[120]).toBe(1);
  });

  it('one threshold moved from 1 to 2 others stops the riot at its first agent', () => {
    const scenario = scenarioOf({ population: { agents: 100, thresholds: { kind: 'spaced' } } });
    const state = createThresholdState(
      scenario,
      new RandomStreams('t', 1, 0),
      structuredClone(scenario.levers),
    );
    state.thresholds[1] = 0.02;
    for (let step = 0; step < 100; step++) decide(state);
    expect(state.acting).toBe(1);
  });

  it('with normal thresholds of mean 0.25 the crowd tips as the spread passes about 0.12', () => {
    const sds = [0.06, 0.1, 0.12, 0.14, 0.18];
    const means = sds.map((sd) => {
      let sum = 0;
      for (let r = 0; r < 60; r++)
        sum += finalShare({ population: { agents: 100, thresholds: { kind: 'normal', mean: 0.25, sd } } }, r);
      return sum / 60;
    });
    expect(means[0]).toBeLessThan(0.02);
    expect(means[1]).toBeLessThan(0.1);
    expect(means[2]).toBeGreaterThan(0.05);
    expect(means[2]).toBeLessThan(0.6);
    expect(means[4]).toBeGreaterThan(0.9);
    for (let k = 1; k < means.length; k++) expect(means[k]).toBeGreaterThanOrEqual(means[k - 1]);
  });
});

describe('networks and repression', () => {
  it('a cascade on a small world unravels when repression raises every threshold', () => {
    const { values } = runReplicate(
      threshold,
      scenarioOf({
        steps: 60,
        population: {
          agents: 5000,
          thresholds: { kind: 'normal', mean: 0.3, sd: 0.15 },
          network: { kind: 'small-world', degree: 8, rewiring: 0.05 },
        },
        levers: { instigators: 0.01 },
        timeline: [{ step: 20, set: { thresholdShift: 0.45 } }],
      }),
      0,
    ).series;
    expect(values.participation[19]).toBeGreaterThan(0.5);
    expect(values.participation[60]).toBeLessThan(0.05);
    expect(values.instigators[60]).toBeCloseTo(0.01, 2);
  });
});

describe('determinism', () => {
  it('the same seed gives the same bytes, another seed other ones', () => {
    const input = {
      population: { agents: 500, thresholds: { kind: 'normal' as const, mean: 0.25, sd: 0.14 } },
    };
    const a = runReplicate(threshold, scenarioOf(input), 3).series.values.participation;
    const b = runReplicate(threshold, scenarioOf(input), 3).series.values.participation;
    const c = runReplicate(threshold, scenarioOf({ ...input, seed: 2 }), 3).series.values.participation;
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false);
  });
});
