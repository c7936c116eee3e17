/** Per-agent output: one plain record per NGO ever registered (only when a scenario asks for it). */
import { ADVOCACY, DEREGISTERED, DORMANT, INFORMAL, STATE_CREATED, budgetOf } from './ngos.ts';
import type { NgoRecord } from './ngoRecord.ts';
import type { ModelState } from './state.ts';

export function ngoRecords(state: ModelState): NgoRecord[] {
  const c = state.ngos.cols;
  const { calendar, scale } = state;
  const last = calendar.ticks - 1;
  const out: NgoRecord[] = [];
  for (let i = 0; i < state.ngos.length; i++) {
    const budget = budgetOf(c, i);
    out.push({
      id: i,
      type: c.type[i] === ADVOCACY ? 'advocacy' : c.type[i] === STATE_CREATED ? 'state_created' : 'service',
      status:
        c.status[i] === DORMANT
          ? 'dormant'
          : c.status[i] === DEREGISTERED
            ? 'deregistered'
            : c.status[i] === INFORMAL
              ? 'informal'
              : 'active',
      founded: calendar.dateOf(c.founded[i]),
      closed: c.closedAt[i] >= 0 ? calendar.dateOf(c.closedAt[i]) : '',
      ended: c.deregisteredAt[i] >= 0 ? calendar.dateOf(c.deregisteredAt[i]) : '',
      members: Math.round(scale.realMembers(c.members[i], last)),
      staff: c.staff[i],
      capacity: c.capacity[i],
      autonomy: c.autonomy[i],
      budget,
      reserves: c.reserves[i],
      revenue_social_order: c.revSocialOrder[i],
      revenue_grants: c.revGrants[i],
      revenue_foreign: c.revForeign[i],
      revenue_donations: c.revDonations[i],
      revenue_fees: c.revFees[i],
      revenue_corporate: c.revCorporate[i],
      umbrella: c.umbrella[i] === 1,
      council_seat: c.seat[i] === 1,
      refused: c.refused[i] === 1,
    });
  }
  return out;
}
