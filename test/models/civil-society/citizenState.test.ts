/**
 * The citizens' lazily kept state (citizenState.ts) must equal what updating every citizen every month
 * would give. Here a small run is replayed eagerly beside the model, month by month.
 */
import { describe, expect, it } from 'vitest';
import { Recorder } from '../../../src/engine/recorder.ts';
import {
  MEMBER_TRUST_BONUS,
  monthlyTrustRate,
  skillOf,
  trustOf,
  trustSum,
} from '../../../src/models/civil-society/citizenState.ts';
import { measure } from '../../../src/models/civil-society/measure.ts';
import { metricDefinitions } from '../../../src/models/civil-society/metricDefinitions.ts';
import { createModelState, phases } from '../../../src/models/civil-society/model.ts';
import { scheduleOf } from './run.ts';
import { ACTIVE } from '../../../src/models/civil-society/ngos.ts';
import { participation, sectorTrustTarget } from '../../../src/models/civil-society/rules/participation.ts';
import { scenarioWith } from './support.ts';

describe('citizens kept in closed form', () => {
  it('match an eager month-by-month update of every citizen, and the totals match recounts', () => {
    const scenario = scenarioWith({
      population: { citizens: 3000, represents: 300_000, ngoSampling: 1 },
      end: '2004-12',
      timeline: [{ date: '2002-01', action: 'civilForum' }],
    });
    const state = createModelState(scenario, 0);
    const schedule = scheduleOf(scenario, state.calendar);
    const recorder = new Recorder(metricDefinitions, state.calendar);
    const c = state.citizens;
    const n = c.resources.length;
    const p = scenario.parameters.citizens;
    const gain = p.skillGain / 12;
    const decay = p.skillDecay / 12;
    const a = monthlyTrustRate(state);
    // eager copies, starting from the same initial values
    const skills = Float64Array.from(c.skills);
    const trust = Float64Array.from(c.trust);
    let statusChanges = 0;
    for (let tick = 0; tick < state.calendar.ticks; tick++) {
      const ctx = { tick, clock: state.calendar, actions: schedule.apply(tick, state.levers as never) };
      for (const phase of phases) {
        if (phase.run !== participation) {
          phase.run(state, ctx);
          continue;
        }
        const target = sectorTrustTarget(state);
        const before = Uint8Array.from(c.active);
        participation(state, ctx);
        for (let k = 0; k < n; k++) {
          if (c.active[k] !== before[k]) statusChanges++;
          const on = c.active[k];
          skills[k] = on === 1 ? skills[k] + gain * (1 - skills[k]) : skills[k] - decay * skills[k];
          trust[k] += a * (target + (c.member[k] >= 0 ? MEMBER_TRUST_BONUS : 0) - trust[k]);
        }
      }
      measure(state, ctx, recorder);
      // compare at the start of the next month, which is what the lazy state describes now
      for (let k = 0; k < n; k += 7) {
        expect(skillOf(state, k, tick + 1)).toBeCloseTo(skills[k], 5);
        expect(trustOf(state, k, tick + 1)).toBeCloseTo(trust[k], 5);
      }
      expect(trustSum(state)).toBeCloseTo(
        trust.reduce((s, x) => s + x, 0),
        2,
      );
    }
    expect(statusChanges).toBeGreaterThan(1000); // the comparison saw plenty of events
    // totals and per-NGO tallies equal recounts
    let members = 0;
    let volunteers = 0;
    const perNgo = new Map<number, { members: number; volunteers: number; skills: number }>();
    const lastTick = state.calendar.ticks;
    for (let k = 0; k < n; k++) {
      volunteers += c.active[k];
      const m = c.member[k];
      if (m < 0) continue;
      members++;
      const e = perNgo.get(m) ?? { members: 0, volunteers: 0, skills: 0 };
      e.members++;
      e.volunteers += c.active[k];
      e.skills += skillOf(state, k, lastTick);
      perNgo.set(m, e);
    }
    expect(state.totals.members).toBe(members);
    expect(state.totals.volunteers).toBe(volunteers);
    const ng = state.ngos.cols;
    for (const [j, e] of perNgo) {
      expect(ng.members[j]).toBe(e.members);
      expect(ng.volunteers[j]).toBe(e.volunteers);
      if (ng.status[j] === ACTIVE) expect(ng.memberSkills[j]).toBeCloseTo(e.skills, 3);
    }
  });
});
