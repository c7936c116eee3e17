/**
 * One-off actions fired by timeline events (strength s scales each):
 * - reregistration: every NGO must re-register. Dormant ones mostly vanish (Kazakhstan c. 2004: of
 *   ~7,000 registered ~1,500 remained; IRIN 2004); active ones fail with a chance that falls with their
 *   capacity and, as far as the drive is targeted, rises for advocacy and foreign-funded NGOs. A drive
 *   can be a neutral clean-up or a purge (Skokova et al. 2018);
 * - audit: one sweep of the register strikes off dormant NGOs (neutral);
 * - crackdown: a wave of sanctions on autonomous advocacy NGOs and a shock to perceived legitimacy
 *   (January 2022; Epstein 2002 on legitimacy shocks);
 * - civilForum: a national forum raises trust and consultation for about a year;
 * - legitimacyShock: a sudden loss of legitimacy of size s (a fraud, a price hike: Epstein 2002).
 */
import type { TickContext } from '../../../engine/simulation.ts';
import { ACTIVE, ADVOCACY, DORMANT, isTargeted } from '../ngos.ts';
import type { ModelState } from '../state.ts';
import { deregister, forceOut } from '../statusChanges.ts';
import { sanction } from './sanctions.ts';

/** Chance that an active NGO fails a re-registration of strength s and targeting t (pure). */
export function reregistrationFailChance(
  strength: number,
  failBase: number,
  capacity: number,
  targeting: number,
  targetedRisk: number,
  targeted: boolean,
): number {
  const p = strength * failBase * (1 - capacity) * (1 + (targeted ? targetedRisk * targeting : 0));
  return p > 1 ? 1 : p;
}

/** Every NGO must re-register (strength s, targeting t in 0–1). */
export function reregistration(state: ModelState, tick: number, s: number, t: number): void {
  const c = state.ngos.cols;
  const r = state.params.register;
  const u = state.streams.get('actions').uniform;
  for (let i = 0; i < state.ngos.length; i++) {
    if (c.status[i] === DORMANT) {
      if (u() < r.reregistrationPurge * s) deregister(state, i, tick);
    } else if (c.status[i] === ACTIVE) {
      const fail = reregistrationFailChance(
        s,
        r.reregistrationFail,
        c.capacity[i],
        t,
        r.targetedRisk,
        isTargeted(c, i),
      );
      if (u() < fail) forceOut(state, i, tick, u());
    }
  }
}

export function actions(state: ModelState, ctx: TickContext): void {
  if (ctx.actions.length === 0) return;
  const c = state.ngos.cols;
  const r = state.params.register;
  const u = state.streams.get('actions').uniform;
  for (const { action, strength: s } of ctx.actions) {
    const n = state.ngos.length;
    switch (action) {
      case 'reregistration':
        reregistration(state, ctx.tick, s, state.sector.targeting);
        break;
      case 'audit':
        for (let i = 0; i < n; i++)
          if (c.status[i] === DORMANT && u() < r.auditPurge * s) deregister(state, i, ctx.tick);
        break;
      case 'crackdown':
        for (let i = 0; i < n; i++) {
          if (c.status[i] === ACTIVE && c.type[i] === ADVOCACY && u() < r.crackdownReach * s * c.autonomy[i])
            sanction(state, i, ctx.tick, u(), u());
        }
        state.sector.legitimacyShock += r.crackdownShock * s;
        break;
      case 'civilForum':
        state.sector.forumBoost += state.params.trust.forum * s;
        break;
      case 'legitimacyShock':
        state.sector.legitimacyShock += s;
        break;
      default:
        throw new Error(`unknown action ${action}`);
    }
  }
}
