/**
 * The civil-society model assembled: initial state, the ordered phases of a monthly tick, and one
 * replicate run. A replicate is a pure function of (resolved scenario, replicate number, stream family):
 * serialisable in, serialisable out, no Node-only API, no global state.
 */
import { AliasTable } from '../engine/alias.ts';
import { Calendar } from '../engine/calendar.ts';
import { wattsStrogatz } from '../engine/network.ts';
import type { Tree } from '../engine/paths.ts';
import { RandomStreams, streamSeed } from '../engine/random.ts';
import { Recorder } from '../engine/recorder.ts';
import { Schedule, type ScheduledChange } from '../engine/schedule.ts';
import { Simulation, type Phase } from '../engine/simulation.ts';
import type { Levers, Scenario } from '../scenario/schema.ts';
import { initCitizenTotals, type CitizenTotals } from './citizenState.ts';
import { createCitizens } from './citizens.ts';
import { measure } from './measure.ts';
import { metricDefinitions } from './metricDefinitions.ts';
import { ADVOCACY, DORMANT, SERVICE, STATE_CREATED, addNgo, createNgoTable, ensureNgoCount } from './ngos.ts';
import { actions } from './rules/actions.ts';
import { census } from './rules/census.ts';
import { donations } from './rules/donations.ts';
import { finances } from './rules/finances.ts';
import { foreignDonors } from './rules/foreignDonors.ts';
import { founding } from './rules/founding.ts';
import { mortality } from './rules/mortality.ts';
import { participation } from './rules/participation.ts';
import { inspections } from './rules/sanctions.ts';
import { stateFunding } from './rules/stateFunding.ts';
import type { ReplicateResult } from './runTypes.ts';
import { ngoRecords } from './ngoRecords.ts';
import { Scale } from './scale.ts';
import { createSector, type ModelState } from './state.ts';

/** The phases of one monthly tick, in the order they run. */
export const phases: readonly Phase<ModelState>[] = [
  { name: 'census', run: census },
  { name: 'actions', run: actions },
  { name: 'foreign donors', run: foreignDonors },
  { name: 'state funding', run: stateFunding },
  { name: 'founding', run: founding },
  { name: 'participation', run: participation },
  { name: 'donations', run: donations },
  { name: 'finances', run: finances },
  { name: 'inspections', run: inspections },
  { name: 'mortality', run: mortality },
];

/** The timeline as engine schedule changes (dates to ticks). */
export function scheduleOf(scenario: Scenario, calendar: Calendar): Schedule {
  const changes: ScheduledChange[] = scenario.timeline.map((e) => ({
    tick: calendar.tickOf(e.date),
    endTick: e.until === undefined ? undefined : calendar.tickOf(e.until),
    set: e.set,
    ramp: e.ramp,
    action: e.action,
    strength: e.strength,
    label: e.label,
  }));
  return new Schedule(changes);
}

/**
 * Builds the initial state of one replicate. `levers` are the levers at the start (the scenario's, unless
 * timeline events dated before the start have changed them: startReplicate fast-forwards the schedule).
 */
export function createModelState(
  scenario: Scenario,
  replicate: number,
  family = scenario.name,
  levers: Levers = scenario.levers,
): ModelState {
  const streams = new RandomStreams(family, scenario.seed, replicate);
  const calendar = new Calendar(scenario.start, scenario.end);
  const scale = new Scale(scenario);
  const { population, initial, parameters: params } = scenario;
  const startScenario = levers === scenario.levers ? scenario : { ...scenario, levers };
  const network = wattsStrogatz(
    population.citizens,
    population.network.degree,
    population.network.rewiring,
    () => streams.fresh('network'),
  );
  const init = streams.get('init');
  const citizens = createCitizens(startScenario, init);
  const expected = initial.ngos * population.ngoSampling;
  const count = Math.floor(expected) + (init.uniform() < expected - Math.floor(expected) ? 1 : 0);
  ensureNgoCount(
    count,
    0,
    'initial.ngos × population.ngoSampling is too high: lower ngoSampling to simulate a sample of the NGOs',
  );
  const ngos = createNgoTable(Math.max(64, Math.ceil(count * 1.25)));
  const state: ModelState = {
    scenario,
    levers: structuredClone(levers),
    params,
    calendar,
    scale,
    citizens,
    network,
    ngos,
    streams,
    sector: createSector(),
    recruiting: new AliasTable(),
    scratch: { weights: new Float64Array(64), values: new Float64Array(64), sorted: new Float64Array(64) },
    totals: undefined as unknown as CitizenTotals, // set by initCitizenTotals below
  };
  for (let k = 0; k < count; k++) {
    const x = init.uniform();
    const type =
      x < initial.stateCreatedShare
        ? STATE_CREATED
        : x < initial.stateCreatedShare + initial.advocacyShare
          ? ADVOCACY
          : SERVICE;
    const i = addNgo(ngos, {
      type,
      tick: -Math.floor(init.uniform() * 60),
      densityAtFounding: 0,
      capacity: 0.2 + 0.3 * init.uniform(),
      autonomy: type === STATE_CREATED ? 0.1 : 0.8 + 0.15 * init.uniform(),
      reserves: 0.5 * params.finance.overhead,
    });
    ngos.cols.fundraising[i] = params.donations.fundraisingShare * params.finance.overhead;
    if (init.uniform() >= initial.activeShare) ngos.cols.status[i] = DORMANT;
  }
  state.sector.volunteeringRate = initial.participation;
  let legitimacySum = 0;
  let legitimacyMin = 1;
  let legitimacyMax = 0;
  for (let i = 0; i < population.citizens; i++) {
    const l = citizens.legitimacy[i];
    legitimacySum += l;
    if (l < legitimacyMin) legitimacyMin = l;
    if (l > legitimacyMax) legitimacyMax = l;
  }
  state.sector.initialLegitimacyMean = legitimacySum / population.citizens;
  state.sector.initialLegitimacyMin = legitimacyMin;
  state.sector.initialLegitimacyMax = legitimacyMax;
  // citizens who take part at the start are members of an active NGO, drawn by recruitment effort
  census(state, { tick: 0, calendar, actions: [] });
  for (let i = 0; i < population.citizens; i++) {
    if (citizens.active[i] === 1) citizens.member[i] = state.recruiting.sample(init.uniform());
  }
  initCitizenTotals(state);
  return state;
}

export interface ReplicateOptions {
  /** Stream family (default: the scenario name); a shared family gives common random numbers. */
  family?: string;
  onTick?(tick: number, ticks: number): void;
}

/** One replicate, ready to be advanced tick by tick (`step()`), then `result()`. */
export interface ReplicateRun {
  step(): boolean;
  readonly done: boolean;
  result(): ReplicateResult;
}

export function startReplicate(
  scenario: Scenario,
  replicate: number,
  options: ReplicateOptions = {},
): ReplicateRun {
  const family = options.family ?? scenario.name;
  const calendar = new Calendar(scenario.start, scenario.end);
  const schedule = scheduleOf(scenario, calendar);
  const levers = structuredClone(scenario.levers);
  schedule.fastForward(0, levers as unknown as Tree);
  const state = createModelState(scenario, replicate, family, levers);
  const sim = new Simulation(state, {
    calendar: state.calendar,
    schedule,
    params: state.levers as unknown as Tree,
    phases,
    recorder: new Recorder(metricDefinitions, state.calendar),
    measure,
    onTick: options.onTick,
  });
  return {
    step: () => sim.step(),
    get done() {
      return sim.done;
    },
    result: () => ({
      replicate,
      seedKey: streamSeed({ family, seed: scenario.seed, replicate, name: '<stream>' }),
      series: sim.finish(),
      ngos: scenario.output.agents ? ngoRecords(state) : undefined,
    }),
  };
}

/** Runs one replicate to the end: a pure function of (scenario, replicate, stream family). */
export function runReplicate(
  scenario: Scenario,
  replicate: number,
  options: ReplicateOptions = {},
): ReplicateResult {
  const run = startReplicate(scenario, replicate, options);
  while (run.step());
  return run.result();
}
