/**
 * Everything one replicate of the model holds: the scenario's live levers (the schedule changes them),
 * parameters, the citizens, their network, the NGOs, the named random streams and the sector-wide
 * quantities that rules share within a month.
 */
import type { AliasTable } from '../../engine/alias.ts';
import type { Calendar } from '../../engine/calendar.ts';
import type { Network } from '../../engine/network.ts';
import type { RandomStreams } from '../../engine/random.ts';
import type { Levers, Parameters, Scenario } from './schema.ts';
import type { CitizenTotals } from './citizenState.ts';
import type { Citizens } from './citizens.ts';
import { SOURCES, type NgoTable } from './ngos.ts';
import type { Scale } from './scale.ts';

/** Quantities measured or set during a month and read by later rules or by the metrics. */
export interface Sector {
  // counted this month (simulated units)
  foundings: number;
  rejections: number;
  closures: number;
  dissolutions: number;
  sanctions: number;
  /** Active NGOs the state deregistered this month (sanctions, failed re-registrations). */
  forcedExits: number;
  /** Sanctions, forced exits, registration attempts and rejections over about the last year. */
  sanctionsTrailing: number;
  forcedExitsTrailing: number;
  attemptsTrailing: number;
  rejectionsTrailing: number;
  // citizens this month
  volunteers: number;
  members: number;
  donorsExpected: number;
  trustSum: number;
  /** Perceived legitimacy of citizen i is legitimacyScale · initial_i + legitimacyOffset (see participation.ts). */
  legitimacyScale: number;
  legitimacyOffset: number;
  initialLegitimacyMean: number;
  initialLegitimacyMin: number;
  initialLegitimacyMax: number;
  /** Expected private donations this month, real currency (before scaling to the NGO sample). */
  donationsReal: number;
  // NGO counts at the last census (start of the month)
  active: number;
  dormant: number;
  informal: number;
  /** Active NGOs per 10,000 real citizens, and the NGOs per 10,000 the sector's resources can carry. */
  density: number;
  capacityK: number;
  /** Real volunteers in working groups (a resource that carries NGOs). */
  groupVolunteers: number;
  /** Volunteers in independent (not state-created) working groups, simulated. */
  independentVolunteers: number;
  /** Share of citizens volunteering (last month). */
  volunteeringRate: number;
  /** Chance that a citizen is asked to take part (0–1), from NGOs' recruitment effort. */
  recruitment: number;
  /** Foreign donors' effective budget (currency/year) and advocacy priority after the rules. */
  foreignBudget: number;
  foreignAdvocacy: number;
  /** Temporary boost after a Civil Forum (decays). */
  forumBoost: number;
  /** Public visibility of service work, share of foreign-funded NGOs, and how captured the sector looks. */
  serviceVisibility: number;
  foreignFundedShare: number;
  capture: number;
  /** Independent advocacy output per 10,000 citizens (last census). */
  advocacyOutput: number;
  /** Sector money in the trailing year by source (currency/year, real units). */
  trailingBySource: Float64Array;
  /** Ring of the last 12 months of sector revenue by source (simulated units). */
  ring: Float64Array;
  /** Social order reserved for service work this year (currency/year, real): thematic money exists. */
  thematicMoney: number;
  /** Legitimacy shock to apply to every citizen this month (crackdowns, shocks). */
  legitimacyShock: number;
  // consultation
  /** Council coverage (0–1), mean autonomy of seat holders, and their influence = coverage × autonomy. */
  seatCoverage: number;
  seatAutonomy: number;
  influence: number;
  // protest and the state
  /** Citizens protesting (after this month's arrests), arrested this month, in jail (simulated). */
  protesters: number;
  arrests: number;
  jailed: number;
  arrestsTrailing: number;
  /** Threat the state perceives (0–1), its own added repression, and the repression in force. */
  threat: number;
  stateRepression: number;
  repression: number;
  /** Targeting in force: the lever, raised by the state's own repression. */
  targeting: number;
  /** Month of the last re-registration the state ordered by itself. */
  lastStateReregistration: number;
}

export interface ModelState {
  scenario: Scenario;
  levers: Levers;
  params: Parameters;
  calendar: Calendar;
  scale: Scale;
  citizens: Citizens;
  network: Network;
  ngos: NgoTable;
  streams: RandomStreams;
  sector: Sector;
  /** Sampler of NGOs for citizens who join one (weights: recruitment effort), rebuilt monthly. */
  recruiting: AliasTable;
  /** Scratch space for per-NGO weights and sorting (grown as needed, never per agent). */
  scratch: { weights: Float64Array; values: Float64Array; sorted: Float64Array };
  /** Running totals of the citizens' lazily kept variables (citizenState.ts). */
  totals: CitizenTotals;
  /** β0 of the participation logit, from parameters.participation.baseRate (participation.ts). */
  intercept: number;
  /** Who protests, and when the jailed come out (protest.ts). */
  protest: ProtestRoll;
}

/** The protesters of the month and the jail calendar. */
export interface ProtestRoll {
  /** Indices of protesting citizens (the first `count`), and a second buffer for the next month. */
  list: Int32Array;
  next: Int32Array;
  count: number;
  /** Citizens released from jail at the start of each month. */
  releases: Int32Array;
  /**
   * The only citizens who can ever protest, highest hardship first: hardship above
   * threshold/grievanceScale (grievance is at most grievanceScale·hardship). Built on the first month;
   * `candidateCount` −1 before.
   */
  candidates: Int32Array;
  candidateCount: number;
  /** The least risk aversion among the candidates. */
  leastRiskAversion: number;
}

/** Sector fields that hold fractional numbers (the rest are whole counts). */
const fractionalFields = [
  'sanctionsTrailing',
  'forcedExitsTrailing',
  'attemptsTrailing',
  'rejectionsTrailing',
  'groupVolunteers',
  'capture',
  'advocacyOutput',
  'thematicMoney',
  'seatCoverage',
  'seatAutonomy',
  'influence',
  'arrestsTrailing',
  'threat',
  'stateRepression',
  'repression',
  'targeting',
  'donorsExpected',
  'trustSum',
  'legitimacyScale',
  'legitimacyOffset',
  'initialLegitimacyMean',
  'initialLegitimacyMin',
  'initialLegitimacyMax',
  'donationsReal',
  'density',
  'capacityK',
  'volunteeringRate',
  'recruitment',
  'foreignBudget',
  'foreignAdvocacy',
  'forumBoost',
  'serviceVisibility',
  'foreignFundedShare',
  'legitimacyShock',
] as const satisfies readonly (keyof Sector)[];

export function createSector(): Sector {
  const sector: Sector = {
    foundings: 0,
    rejections: 0,
    closures: 0,
    dissolutions: 0,
    sanctions: 0,
    forcedExits: 0,
    sanctionsTrailing: 0.5,
    forcedExitsTrailing: 0.5,
    attemptsTrailing: 0.5,
    rejectionsTrailing: 0.5,
    volunteers: 0,
    members: 0,
    donorsExpected: 0.5,
    trustSum: 0.5,
    legitimacyScale: 0.5,
    legitimacyOffset: 0.5,
    initialLegitimacyMean: 0.5,
    initialLegitimacyMin: 0.5,
    initialLegitimacyMax: 0.5,
    donationsReal: 0.5,
    active: 0,
    dormant: 0,
    informal: 0,
    density: 0.5,
    capacityK: 0.5,
    groupVolunteers: 0.5,
    independentVolunteers: 0,
    volunteeringRate: 0.5,
    recruitment: 0.5,
    foreignBudget: 0.5,
    foreignAdvocacy: 0.5,
    forumBoost: 0.5,
    serviceVisibility: 0.5,
    foreignFundedShare: 0.5,
    capture: 0.5,
    advocacyOutput: 0.5,
    trailingBySource: new Float64Array(SOURCES),
    ring: new Float64Array(12 * SOURCES),
    thematicMoney: 0.5,
    legitimacyShock: 0.5,
    seatCoverage: 0.5,
    seatAutonomy: 0.5,
    influence: 0.5,
    protesters: 0,
    arrests: 0,
    jailed: 0,
    arrestsTrailing: 0.5,
    threat: 0.5,
    stateRepression: 0.5,
    repression: 0.5,
    targeting: 0.5,
    lastStateReregistration: 0,
  };
  // The fractional fields start as fractions (above) so that V8 stores them as doubles from the start:
  // starting from a whole 0, the first fractional value would change the object's layout and throw away
  // the optimised code of every phase that reads it (measured: over two hundred deoptimisations per run).
  // Now their real starting values:
  for (const key of fractionalFields) sector[key] = 0;
  sector.legitimacyScale = 1;
  sector.capacityK = 1;
  sector.foreignAdvocacy = 0.5;
  sector.lastStateReregistration = -1_000_000;
  return sector;
}

/** Scratch arrays at least n long. */
export function scratchFor(state: ModelState, n: number): ModelState['scratch'] {
  if (state.scratch.weights.length < n) {
    const cap = Math.max(n, state.scratch.weights.length * 2);
    state.scratch = {
      weights: new Float64Array(cap),
      sorted: new Float64Array(cap),
      values: new Float64Array(cap),
    };
  }
  return state.scratch;
}
