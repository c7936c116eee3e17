/**
 * NGOs as a growable structure of typed arrays (NGOs are founded all the time). Status, type, money by
 * source, capacity, autonomy and the rest live in one column each; an NGO is its index. Unregistered
 * groups (refused at registration, or closed by the state and working on) live in the same table with
 * the status INFORMAL: they recruit and advocate but get no money from the state, donors or companies.
 */
import { GrowableColumns } from '../../engine/columns.ts';
import { RunLimitError } from '../../engine/runLimitError.ts';

export const ACTIVE = 0;
export const DORMANT = 1;
export const DEREGISTERED = 2;
/** Working without registration. */
export const INFORMAL = 3;

/** Whether a group works (registered and active, or unregistered): members stay, citizens may join. */
export const isWorking = (status: number): boolean => status === ACTIVE || status === INFORMAL;

export const SERVICE = 0;
export const ADVOCACY = 1;
export const STATE_CREATED = 2;

export const ngoSpec = {
  type: Uint8Array,
  status: Uint8Array,
  /** Tick founded (negative for NGOs that exist before the start). */
  founded: Int32Array,
  /** Tick it stopped working (−1 while active) and tick it left the register (−1 while registered). */
  closedAt: Int32Array,
  deregisteredAt: Int32Array,
  /** Density relative to carrying capacity when it was founded (density delay). */
  densityAtFounding: Float32Array,
  /** Simulated members and volunteers (recounted each month), summed members' skills. */
  members: Int32Array,
  volunteers: Int32Array,
  memberSkills: Float32Array,
  /** Running sums for memberSkills: Σ(1 − skill) over volunteering members, Σ skill over the others. */
  skillGap: Float64Array,
  skillIdle: Float64Array,
  staff: Float32Array,
  capacity: Float32Array,
  autonomy: Float32Array,
  /** Autonomy it returns to without conditional money (high for citizen-founded, low for state-created). */
  autonomyBase: Float32Array,
  reserves: Float64Array,
  /** Trailing twelve-month revenue by source (currency/year). */
  revSocialOrder: Float64Array,
  revGrants: Float64Array,
  revForeign: Float64Array,
  revDonations: Float64Array,
  revFees: Float64Array,
  revCorporate: Float64Array,
  /** This month's revenue by source (currency/month). */
  monthSocialOrder: Float64Array,
  monthGrants: Float64Array,
  monthForeign: Float64Array,
  monthDonations: Float64Array,
  monthFees: Float64Array,
  monthCorporate: Float64Array,
  /** Running contracts and grants for the year, per month. */
  contractSocialOrder: Float64Array,
  contractGrants: Float64Array,
  contractForeign: Float64Array,
  contractCorporate: Float64Array,
  /** Loyalty weight of the state money it holds (0 = merit-based, 1 = loyalty). */
  loyaltyExposure: Float32Array,
  /** Conditional pressure: state share of its revenue × how conditional that money is (finances.ts). */
  pressure: Float32Array,
  /** Fundraising spend, currency/year. */
  fundraising: Float64Array,
  shortfallMonths: Uint8Array,
  umbrella: Uint8Array,
  /** Council seat held this year (1) or not (0), and the loyalty weight it was allocated with. */
  seat: Uint8Array,
  seatLoyalty: Float32Array,
  sanctions: Uint16Array,
  /** Chilling effect of sanctions on advocacy (decays). */
  chill: Float32Array,
  /** Whether the state ever closed or refused it (for the unregistered sector's origin). */
  refused: Uint8Array,
};

export type NgoTable = GrowableColumns<typeof ngoSpec>;

/**
 * Most NGOs one replicate may ever register (about 0.5 GB of NGO columns at their largest). Real sectors
 * sampled at the usual rates stay far below it: all of Kazakhstan at ngoSampling 1 is ~30,000.
 */
export const maxSimulatedNgos = 2_000_000;

/** Refuses a table of `count` NGOs past maxSimulatedNgos, saying which inputs make the sector grow so. */
export function ensureNgoCount(count: number, tick: number, causes: string): void {
  if (count <= maxSimulatedNgos) return;
  throw new RunLimitError(
    `the simulated NGOs would number ${Math.round(count).toLocaleString('en-US')}, ` +
      `more than the ${maxSimulatedNgos.toLocaleString('en-US')} one replicate can hold; ${causes}`,
    tick,
  );
}

/** Refuses to add `more` NGOs to the table past maxSimulatedNgos. */
export function ensureRoomForNgos(table: NgoTable, more: number, tick: number, causes: string): void {
  ensureNgoCount(table.length + more, tick, causes);
}

export function createNgoTable(capacity: number): NgoTable {
  return new GrowableColumns(ngoSpec, capacity);
}

export interface NewNgo {
  type: number;
  /** ACTIVE (registered) unless given: INFORMAL for a group that works without registration. */
  status?: number;
  tick: number;
  densityAtFounding: number;
  capacity: number;
  autonomy: number;
  reserves: number;
}

/** Adds a new group (a registered, active NGO unless `status` says otherwise) and returns its index. */
export function addNgo(table: NgoTable, spec: NewNgo): number {
  const i = table.add();
  const c = table.cols;
  c.type[i] = spec.type;
  c.status[i] = spec.status ?? ACTIVE;
  c.founded[i] = spec.tick;
  c.closedAt[i] = -1;
  c.deregisteredAt[i] = -1;
  c.densityAtFounding[i] = spec.densityAtFounding;
  c.capacity[i] = spec.capacity;
  c.autonomy[i] = spec.autonomy;
  c.autonomyBase[i] = spec.autonomy;
  c.reserves[i] = spec.reserves;
  return i;
}

/** Revenue sources, in the order of the sector's trailing sums and ring. */
export const SOURCES = 6;

/** An NGO's trailing twelve-month revenue from every source, currency/year. */
export function budgetOf(c: NgoTable['cols'], i: number): number {
  return (
    c.revSocialOrder[i] +
    c.revGrants[i] +
    c.revForeign[i] +
    c.revDonations[i] +
    c.revFees[i] +
    c.revCorporate[i]
  );
}

/** Herfindahl index of an NGO's trailing revenue over its six sources (1 when it has no revenue). */
export function revenueHhi(c: NgoTable['cols'], i: number, budget: number): number {
  if (budget <= 0) return 1;
  const a = c.revSocialOrder[i] / budget;
  const b = c.revGrants[i] / budget;
  const f = c.revForeign[i] / budget;
  const d = c.revDonations[i] / budget;
  const e = c.revFees[i] / budget;
  const k = c.revCorporate[i] / budget;
  return a * a + b * b + f * f + d * d + e * e + k * k;
}

/** Whether the dual strategy singles an NGO out: advocacy groups and foreign-funded NGOs. */
export function isTargeted(c: NgoTable['cols'], i: number): boolean {
  return c.type[i] === ADVOCACY || c.revForeign[i] > 0;
}
