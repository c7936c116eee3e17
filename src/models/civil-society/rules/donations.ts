/**
 * Private money reaches NGOs. Citizens' expected giving this month (summed in the participation pass:
 * giving rises with trust, resources, being asked and the tax price (1 − credit)^(−e): Peloza & Steel 2005)
 * is shared among active NGOs in proportion to their fundraising spend — so an NGO that fundraises less
 * because it receives state money gets less (crowd-out through fundraising: Andreoni & Payne 2011).
 * Foreign-funded NGOs lose donors in proportion to the stigma of foreign money. Members pay fees.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { ACTIVE } from '../ngos.ts';
import { scratchFor, type ModelState } from '../state.ts';

export function donations(state: ModelState, ctx: TickContext): void {
  const { ngos, sector, scale, levers, params } = state;
  const c = ngos.cols;
  const n = ngos.length;
  const { weights } = scratchFor(state, n);
  const stigma = levers.foreign.stigma;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (c.status[i] !== ACTIVE) {
      weights[i] = 0;
      continue;
    }
    const w = c.fundraising[i] * (c.revForeign[i] > 0 ? 1 - stigma : 1);
    weights[i] = w;
    total += w;
  }
  const pot = sector.donationsReal * scale.ngoSampling; // money for the simulated NGOs this month
  const feePerMember = scale.realMembers(1, ctx.tick) * (params.finance.memberFee / 12);
  for (let i = 0; i < n; i++) {
    if (c.status[i] !== ACTIVE) {
      c.monthDonations[i] = 0;
      c.monthFees[i] = 0;
      continue;
    }
    c.monthDonations[i] = total > 0 ? (pot * weights[i]) / total : 0;
    c.monthFees[i] = c.members[i] * feePerMember;
  }
}
