/**
 * The threshold rule (Granovetter 1978; on networks, Watts 2002), applied to every agent at once: an
 * agent acts when the share of others it sees acting — the whole population when it is well mixed, its
 * network neighbours otherwise — reaches its threshold (plus the thresholdShift lever). Instigators act
 * whatever the others do. In a reversible crowd an agent stops again when the share falls below its
 * threshold; otherwise acting, once started, lasts (a cascade).
 *
 * The rule, `acts`, is the one in src/models/behaviour/threshold.ts that the civil-society model's
 * participation also weighs (as βN·thresholdExcess).
 *
 * The update is synchronous: everyone decides on the previous step's state, which is what makes the
 * crowd's share follow Granovetter's iteration r(t+1) = F(r(t)) exactly.
 */
import { acts } from '../behaviour/threshold.ts';
import type { ThresholdState } from './state.ts';

/** The rule itself, shared with the civil-society model's participation (src/models/behaviour). */
export { acts };

/** The share of an agent's neighbours that act (0 for an agent with no neighbours). */
export function neighbourShare(state: ThresholdState, i: number): number {
  const { offsets, neighbours } = state.network!;
  const from = offsets[i];
  const to = offsets[i + 1];
  if (to === from) return 0;
  let acting = 0;
  for (let k = from; k < to; k++) acting += state.active[neighbours[k]];
  return acting / (to - from);
}

export function decide(state: ThresholdState): void {
  const { active, next, thresholds, rank, levers, reversible } = state;
  const n = active.length;
  const shift = levers.thresholdShift;
  const instigators = levers.instigators;
  const populationShare = state.acting / n;
  let acting = 0;
  let joined = 0;
  let left = 0;
  let forced = 0;
  for (let i = 0; i < n; i++) {
    let now: number;
    if (rank[i] < instigators) {
      now = 1;
      forced++;
    } else if (!reversible && active[i] === 1) {
      now = 1;
    } else {
      const share = state.network ? neighbourShare(state, i) : populationShare;
      now = acts(share, thresholds[i], shift) ? 1 : 0;
    }
    next[i] = now;
    acting += now;
    if (now > active[i]) joined++;
    else if (now < active[i]) left++;
  }
  state.active = next;
  state.next = active;
  state.acting = acting;
  state.joined = joined;
  state.left = left;
  state.forced = forced;
}
