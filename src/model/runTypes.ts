/** What one replicate of the model returns: serialisable, so it can cross a worker boundary later. */
import type { RecordedSeries } from '../engine/recorder.ts';

export interface NgoRecord {
  id: number;
  type: 'service' | 'advocacy' | 'state_created';
  status: 'active' | 'dormant' | 'deregistered';
  founded: string;
  /** Month it stopped working ('' if still active). */
  closed: string;
  /** Month it left the register ('' if still registered). */
  ended: string;
  members: number;
  staff: number;
  capacity: number;
  autonomy: number;
  budget: number;
  reserves: number;
  revenue_social_order: number;
  revenue_grants: number;
  revenue_foreign: number;
  revenue_donations: number;
  revenue_fees: number;
  umbrella: boolean;
  council_seat: boolean;
}

export interface ReplicateResult {
  replicate: number;
  /** The seed string of the replicate's streams family (for the manifest). */
  seedKey: string;
  series: RecordedSeries;
  /** One row per NGO ever founded, when output.agents is on. */
  ngos?: NgoRecord[];
}
