/**
 * Who owns the shared Sector: each phase of the civil-society model declares the fields it reads and
 * writes (model.ts, measure.ts). This runs a busy scenario — every action, loyalty-weighted money, ramps
 * — with the Sector behind a recording proxy and checks that no phase touches a field it does not
 * declare, that every declared field exists, and that every field is written by some phase.
 */
import { describe, expect, it } from 'vitest';
import { Recorder } from '../../../src/engine/recorder.ts';
import { measure, measureReads } from '../../../src/models/civil-society/measure.ts';
import { metricDefinitions } from '../../../src/models/civil-society/metricDefinitions.ts';
import { createModelState, phases } from '../../../src/models/civil-society/model.ts';
import { scenarioSchema } from '../../../src/models/civil-society/schema.ts';
import { createSector } from '../../../src/models/civil-society/state.ts';
import { scheduleOf } from './run.ts';

const scenario = scenarioSchema().parse({
  name: 'ownership',
  start: '2000-01',
  end: '2003-12',
  population: { citizens: 2000, represents: 200_000, ngoSampling: 0.5 },
  initial: { ngos: 60, participation: 0.1 },
  levers: {
    foreign: { budget: 500_000, regime: 'disclosure', stigma: 0.2 },
    ministries: { socialOrder: 400_000, grants: 100_000, loyaltyWeight: 0.5, councilSeats: 5 },
    akimats: { socialOrder: 200_000 },
    gongos: { foundingRate: 5 },
    umbrella: { support: 0.2 },
    registration: { rejectionRate: 0.3 },
    reporting: { auditRate: 0.5, targeting: 0.5 },
    repression: { responsiveness: 1 },
    corporate: { budget: 100_000 },
  },
  // a jumpy state, so that its own targeted re-registration happens in these four years
  parameters: {
    stateResponse: { tolerance: 0.05, reregistrationThreat: 0.1, reregistrationYears: 1 },
    informal: { registerRate: 1 },
    mortality: { shortfallMonths: 1 },
  },
  timeline: [
    { date: '2000-03', action: 'crackdown', strength: 1 },
    { date: '2002-01', ramp: { 'repression.level': 0.6 }, until: '2003-01' },
    { date: '2002-06', action: 'reregistration' },
    { date: '2002-09', action: 'audit' },
    { date: '2003-01', action: 'civilForum' },
    { date: '2003-03', action: 'legitimacyShock', strength: 0.5 },
  ],
});

interface Access {
  reads: Set<string>;
  writes: Set<string>;
}

/** Runs every phase (and the measurement) over the whole scenario, recording what each touches. */
function observe(): Map<string, Access> {
  const state = createModelState(scenario, 0);
  const schedule = scheduleOf(scenario, state.calendar);
  const sector = state.sector;
  const log = new Map<string, Access>();
  let current: Access = { reads: new Set(), writes: new Set() };
  const arrays = () =>
    Object.entries(sector)
      .filter(([, v]) => ArrayBuffer.isView(v))
      .map(([k, v]) => [k, Array.from(v as Float64Array).join(',')] as const);
  state.sector = new Proxy(sector, {
    get(target, key: string) {
      current.reads.add(key);
      return (target as unknown as Record<string, unknown>)[key];
    },
    set(target, key: string, value) {
      current.writes.add(key);
      (target as unknown as Record<string, unknown>)[key] = value;
      return true;
    },
  });
  const recorder = new Recorder(metricDefinitions, state.calendar);
  const steps = [...phases, { name: 'measure', run: measure.bind(null) as never }];
  for (let tick = 0; tick < state.calendar.ticks; tick++) {
    const ctx = { tick, clock: state.calendar, actions: schedule.apply(tick, state.levers as never) };
    for (const step of steps) {
      current = log.get(step.name) ?? { reads: new Set(), writes: new Set() };
      log.set(step.name, current);
      const before = arrays();
      if (step.name === 'measure') measure(state, ctx, recorder);
      else step.run(state, ctx);
      // a typed-array field is written when its content changes (the proxy sees only the read)
      for (const [key, content] of arrays()) {
        if (before.find(([k]) => k === key)?.[1] !== content) current.writes.add(key);
      }
    }
  }
  return log;
}

const observed = observe();
const fieldsOfSector = new Set(Object.keys(createSector()));

describe('ownership of the shared Sector', () => {
  it.each(phases.map((p) => [p.name, p] as const))(
    '%s touches only the fields it declares',
    (name, phase) => {
      const access = observed.get(name)!;
      const declaredReads = new Set([...(phase.reads ?? []), ...(phase.writes ?? [])]);
      const declaredWrites = new Set(phase.writes ?? []);
      expect([...access.writes].filter((f) => !declaredWrites.has(f)).sort(), 'undeclared writes').toEqual(
        [],
      );
      expect([...access.reads].filter((f) => !declaredReads.has(f)).sort(), 'undeclared reads').toEqual([]);
    },
  );

  it('the measurement reads only what it declares, and writes nothing', () => {
    const access = observed.get('measure')!;
    expect([...access.writes]).toEqual([]);
    expect([...access.reads].filter((f) => !measureReads.includes(f as never)).sort()).toEqual([]);
  });

  it('declares only fields the Sector has, and every field has a phase that writes it', () => {
    const declared = phases.flatMap((p) => [...(p.reads ?? []), ...(p.writes ?? [])]);
    expect(declared.filter((f) => !fieldsOfSector.has(f))).toEqual([]);
    const written = new Set(phases.flatMap((p) => p.writes ?? []));
    // set once when the state is built: the citizens' initial legitimacy
    const setAtStart = ['initialLegitimacyMean', 'initialLegitimacyMin', 'initialLegitimacyMax'];
    expect([...fieldsOfSector].filter((f) => !written.has(f) && !setAtStart.includes(f)).sort()).toEqual([]);
  });

  it('the declarations are not too wide: each declared write happens in this busy run', () => {
    for (const phase of phases) {
      const access = observed.get(phase.name)!;
      expect(
        (phase.writes ?? []).filter((f) => !access.writes.has(f)),
        phase.name,
      ).toEqual([]);
    }
  });
});
