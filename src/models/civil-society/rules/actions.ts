/**
 * One-off actions fired by timeline events (strength s scales each):
 * - reregistration: every NGO must re-register; dormant ones mostly vanish (Kazakhstan c. 2004: of
 *   ~7,000 registered ~1,500 remained; DM §2), weak active ones may fail to comply;
 * - audit: one sweep of the register removes half of the dormant NGOs;
 * - crackdown: a wave of sanctions on autonomous advocacy NGOs and a shock to perceived legitimacy
 *   (January 2022; Epstein 2002 on legitimacy shocks);
 * - civilForum: a national forum raises trust and consultation for about a year.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { ACTIVE, ADVOCACY, DORMANT } from '../ngos.ts';
import type { ModelState } from '../state.ts';
import { deregister } from '../statusChanges.ts';
import { sanction } from './sanctions.ts';

export function actions(state: ModelState, ctx: TickContext): void {
  if (ctx.actions.length === 0) return;
  const c = state.ngos.cols;
  const u = state.streams.get('actions').uniform;
  for (const { action, strength: s } of ctx.actions) {
    const n = state.ngos.length;
    switch (action) {
      case 'reregistration':
        for (let i = 0; i < n; i++) {
          if (c.status[i] === DORMANT && u() < state.params.mortality.reregistrationPurge * s)
            deregister(state, i, ctx.tick);
          else if (c.status[i] === ACTIVE && u() < 0.15 * s * (1 - c.capacity[i]))
            deregister(state, i, ctx.tick);
        }
        break;
      case 'audit':
        for (let i = 0; i < n; i++)
          if (c.status[i] === DORMANT && u() < 0.5 * s) deregister(state, i, ctx.tick);
        break;
      case 'crackdown':
        for (let i = 0; i < n; i++) {
          if (c.status[i] === ACTIVE && c.type[i] === ADVOCACY && u() < 0.3 * s * c.autonomy[i])
            sanction(state, i, ctx.tick, u());
        }
        state.sector.legitimacyShock += 0.15 * s;
        break;
      case 'civilForum':
        state.sector.forumBoost += 0.1 * s;
        break;
      default:
        throw new Error(`unknown action ${action}`);
    }
  }
}
