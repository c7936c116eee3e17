/**
 * The civil-society model assembled: the initial state of a replicate and the ordered phases of a monthly
 * tick (the platform's runner, src/run/replicate.ts, advances them).
 */
import { AliasTable } from '../../engine/alias.ts';
import { Calendar } from '../../engine/calendar.ts';
import { wattsStrogatz } from '../../engine/network.ts';
import { RandomStreams } from '../../engine/random.ts';
import type { Phase } from '../../engine/simulation.ts';
import type { Levers, Scenario } from './schema.ts';
import { initCitizenTotals, type CitizenTotals } from './citizenState.ts';
import { createCitizens } from './citizens.ts';
import { ADVOCACY, DORMANT, SERVICE, STATE_CREATED, addNgo, createNgoTable, ensureNgoCount } from './ngos.ts';
import { actions } from './rules/actions.ts';
import { census } from './rules/census.ts';
import { corporatePhilanthropy } from './rules/corporateGiving.ts';
import { donations } from './rules/donations.ts';
import { finances } from './rules/finances.ts';
import { foreignDonors } from './rules/foreignDonors.ts';
import { founding } from './rules/founding.ts';
import { informal } from './rules/informal.ts';
import { mortality } from './rules/mortality.ts';
import { participation, participationIntercept } from './rules/participation.ts';
import { createProtestRoll, protest } from './rules/protest.ts';
import { inspections } from './rules/sanctions.ts';
import { stateFunding } from './rules/stateFunding.ts';
import { stateResponse } from './rules/stateResponse.ts';
import { Scale } from './scale.ts';
import { createSector, type ModelState } from './state.ts';

type SectorField = keyof ModelState['sector'];
const fields = (...names: SectorField[]) => names;

/**
 * The phases of one monthly tick, in the order they run, with the fields of the shared Sector each reads
 * and writes (test/models/civil-society/ownership.test.ts checks these against what it really touches).
 * Counters of the month (foundings, closures, sanctions…) are reset by the census and added to by the
 * phases where things happen; sector-wide levels are each written by one phase.
 */
export const phases: readonly Phase<ModelState>[] = [
  {
    name: 'census',
    run: census,
    reads: fields(
      'foreignBudget',
      'trailingBySource',
      'foundings',
      'rejections',
      'sanctions',
      'forcedExits',
      'arrests',
    ),
    writes: fields(
      'active',
      'dormant',
      'informal',
      'density',
      'capacityK',
      'groupVolunteers',
      'independentVolunteers',
      'recruitment',
      'forumBoost',
      'serviceVisibility',
      'foreignFundedShare',
      'capture',
      'advocacyOutput',
      'seatCoverage',
      'seatAutonomy',
      'influence',
      'sanctionsTrailing',
      'forcedExitsTrailing',
      'attemptsTrailing',
      'rejectionsTrailing',
      'arrestsTrailing',
      'foundings',
      'rejections',
      'closures',
      'dissolutions',
      'sanctions',
      'forcedExits',
      'arrests',
    ),
  },
  {
    name: 'state response',
    run: stateResponse,
    reads: fields(
      'protesters',
      'advocacyOutput',
      'foreignFundedShare',
      'influence',
      'lastStateReregistration',
      'targeting',
    ),
    writes: fields(
      'threat',
      'stateRepression',
      'repression',
      'targeting',
      'lastStateReregistration',
      'closures',
      'dissolutions',
      'forcedExits',
    ),
  },
  {
    name: 'actions',
    run: actions,
    reads: fields('targeting'),
    writes: fields('closures', 'dissolutions', 'sanctions', 'forcedExits', 'forumBoost', 'legitimacyShock'),
  },
  { name: 'foreign donors', run: foreignDonors, writes: fields('foreignBudget', 'foreignAdvocacy') },
  { name: 'state funding', run: stateFunding, reads: fields('influence'), writes: fields('thematicMoney') },
  { name: 'corporate philanthropy', run: corporatePhilanthropy },
  {
    name: 'founding',
    run: founding,
    reads: fields(
      'density',
      'capacityK',
      'volunteeringRate',
      'repression',
      'foreignBudget',
      'foreignAdvocacy',
      'legitimacyScale',
      'legitimacyOffset',
    ),
    writes: fields('foundings', 'rejections'),
  },
  {
    name: 'participation',
    run: participation,
    reads: fields(
      'recruitment',
      'repression',
      'forumBoost',
      'serviceVisibility',
      'foreignFundedShare',
      'capture',
      'influence',
    ),
    writes: fields(
      'volunteers',
      'members',
      'donorsExpected',
      'donationsReal',
      'trustSum',
      'volunteeringRate',
      'legitimacyScale',
      'legitimacyOffset',
      'legitimacyShock',
    ),
  },
  {
    name: 'protest',
    run: protest,
    reads: fields('repression', 'legitimacyScale', 'legitimacyOffset', 'initialLegitimacyMin'),
    writes: fields('protesters', 'arrests', 'jailed'),
  },
  { name: 'donations', run: donations, reads: fields('donationsReal') },
  {
    name: 'finances',
    run: finances,
    reads: fields('influence', 'thematicMoney'),
    writes: fields('ring', 'trailingBySource', 'closures'),
  },
  {
    name: 'inspections',
    run: inspections,
    reads: fields('targeting', 'repression', 'influence'),
    writes: fields('sanctions', 'closures', 'dissolutions', 'forcedExits'),
  },
  {
    name: 'mortality',
    run: mortality,
    reads: fields('density'),
    writes: fields('closures', 'dissolutions'),
  },
  {
    name: 'unregistered groups',
    run: informal,
    reads: fields('informal', 'repression'),
    writes: fields('closures', 'foundings'),
  },
];

/**
 * Builds the initial state of one replicate. `levers` is the live lever tree as it stands at the start
 * (the scenario's, unless timeline events dated before the start have changed them): the schedule changes
 * it in place every tick and the rules read it. Without one, a copy of the scenario's levers.
 */
export function createModelState(
  scenario: Scenario,
  replicate: number,
  streams: RandomStreams = new RandomStreams(scenario.name, scenario.seed, replicate),
  levers: Levers = structuredClone(scenario.levers),
): ModelState {
  const calendar = new Calendar(scenario.start, scenario.end);
  const scale = new Scale(scenario);
  const { population, initial, parameters: params } = scenario;
  const f = params.founding;
  const startScenario = { ...scenario, levers };
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
    levers,
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
    intercept: participationIntercept(params.participation, initial.engagement),
    protest: createProtestRoll(population.citizens, calendar.ticks, params.protest.maxJailMonths),
  };
  // the repression and targeting in force before the state first responds
  state.sector.repression = levers.repression.level;
  state.sector.targeting = levers.reporting.targeting;
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
      capacity: f.startCapacity + f.startCapacitySkill * init.uniform(),
      autonomy:
        type === STATE_CREATED ? f.gongoAutonomy : f.startAutonomy + f.startAutonomySpread * init.uniform(),
      reserves: f.startReserves * params.finance.overhead,
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
  census(state, { tick: 0, clock: calendar, actions: [] });
  for (let i = 0; i < population.citizens; i++) {
    if (citizens.active[i] === 1) citizens.member[i] = state.recruiting.sample(init.uniform());
  }
  initCitizenTotals(state);
  return state;
}
