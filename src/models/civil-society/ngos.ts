/**
 * NGOs as a growable structure of typed arrays (NGOs are founded all the time). Status, type, money by
 * source, capacity, autonomy and the rest live in one column each; an NGO is its index.
 */
import { GrowableColumns } from '../../engine/columns.ts';
import { RunLimitError } from '../../engine/runLimitError.ts';

export const ACTIVE = 0;
export const DORMANT = 1;
export const DEREGISTERED = 2;

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
  /** This month's revenue by source (currency/month). */
  monthSocialOrder: Float64Array,
  monthGrants: Float64Array,
  monthForeign: Float64Array,
  monthDonations: Float64Array,
  monthFees: Float64Array,
  /** Running contracts and grants: monthly payment until the tick given (exclusive). */
  contractSocialOrder: Float64Array,
  contractGrants: Float64Array,
  contractForeign: Float64Array,
  contractEnds: Int32Array,
  foreignEnds: Int32Array,
  /** Loyalty weight of the state money it holds (0 = merit-based, 1 = loyalty). */
  loyaltyExposure: Float32Array,
  /** Fundraising spend, currency/year. */
  fundraising: Float64Array,
  shortfallMonths: Uint8Array,
  umbrella: Uint8Array,
  /** Council seat: 0 none, else 1 + loyalty weight of the allocation × 100 (kept coarse). */
  seat: Uint8Array,
  seatLoyalty: Float32Array,
  sanctions: Uint16Array,
  /** Chilling effect of sanctions on advocacy (decays). */
  chill: Float32Array,
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
  tick: number;
  densityAtFounding: number;
  capacity: number;
  autonomy: number;
  reserves: number;
}

/** Registers a new, active NGO and returns its index. */
export function addNgo(table: NgoTable, spec: NewNgo): number {
  const i = table.add();
  const c = table.cols;
  c.type[i] = spec.type;
  c.status[i] = ACTIVE;
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

/** Herfindahl index of an NGO's trailing revenue over its five sources (1 when it has no revenue). */
export function revenueHhi(c: NgoTable['cols'], i: number, budget: number): number {
  if (budget <= 0) return 1;
  const a = c.revSocialOrder[i] / budget;
  const b = c.revGrants[i] / budget;
  const f = c.revForeign[i] / budget;
  const d = c.revDonations[i] / budget;
  const e = c.revFees[i] / budget;
  return a * a + b * b + f * f + d * d + e * e;
}
