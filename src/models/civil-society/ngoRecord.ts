/** One NGO as ngos.csv lists it (one row per NGO ever registered, at the end of a replicate). */

export interface NgoRecord {
  id: number;
  type: 'service' | 'advocacy' | 'state_created';
  status: 'active' | 'dormant' | 'deregistered' | 'informal';
  founded: string;
  /** Month it stopped working ('' if still working, registered or not). */
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
  revenue_corporate: number;
  umbrella: boolean;
  council_seat: boolean;
  /** Whether the registrar refused it or the state forced it off the register at some point. */
  refused: boolean;
}

/** Columns of ngos.csv after `replicate`, in a fixed order (the compiler checks that none is missing). */
export const ngoColumns = [
  'id',
  'type',
  'status',
  'founded',
  'closed',
  'ended',
  'members',
  'staff',
  'capacity',
  'autonomy',
  'budget',
  'reserves',
  'revenue_social_order',
  'revenue_grants',
  'revenue_foreign',
  'revenue_donations',
  'revenue_fees',
  'revenue_corporate',
  'umbrella',
  'council_seat',
  'refused',
] as const satisfies readonly (keyof NgoRecord)[];

// Fails to compile when NgoRecord gains a field that ngos.csv would silently drop.
type MissingNgoColumn = Exclude<keyof NgoRecord, (typeof ngoColumns)[number]>;
const everyNgoFieldHasAColumn: MissingNgoColumn extends never ? true : MissingNgoColumn = true;
void everyNgoFieldHasAColumn;
