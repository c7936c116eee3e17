/**
 * Protest, after Epstein's (2002) model of civil violence. A citizen's grievance is G = scale·H·(1 − L)
 * (hardship H, perceived legitimacy L); she protests while
 *
 *   G − R·P > T,   P = 1 − exp(−k·⌊C/A⌋),   C = police·repression·vision,   A = 1 + s·(protesting share)·vision,
 *
 * R her risk aversion, P the arrest risk she estimates: the police she would face against the protesters
 * she would stand with — the share protesting last month, as in a crowd of `vision` people (safety in
 * numbers, s; Kuran 1991). The floor ⌊C/A⌋ (NetLogo's Rebellion) makes the risk vanish once protesters
 * outnumber the police in sight: the step that makes the street tip. Police arrest protesters up to
 * their capacity (a share of citizens per month, times repression) each month; the arrested sit in jail for a uniform term and cannot protest. Because P
 * falls as protest spreads, a sudden loss of legitimacy can tip the street — protest jumps from almost
 * nothing to many — while the same loss spread over years lets the police take the first protesters one
 * by one (Epstein 2002: a sudden drop gives a larger peak than a gradual one). Each month protesters
 * reconsider, and a share of the others (geometric skipping: one draw per reconsidering citizen).
 *
 * Grievance, arrest risk and the decision are Epstein's rule as the classic Epstein model runs it
 * (src/models/behaviour/grievance.ts, with NetLogo's floor); this file only says what hardship,
 * legitimacy, police and protesters are here.
 */
import type { TickContext } from '../../../engine/simulation.ts';
import {
  arrestProbability as epsteinArrestProbability,
  grievance,
  rebels,
} from '../../behaviour/grievance.ts';
import type { Parameters } from '../schema.ts';
import type { ModelState, ProtestRoll } from '../state.ts';
import { legitimacyOf, mappedLegitimacy } from './participation.ts';

/**
 * The arrest risk a citizen estimates when `seenShare` of the people she sees protest: Epstein's
 * P = 1 − exp(−k·⌊C/A⌋) with C = police·repression·vision and A = 1 + s·seenShare·vision (pure).
 */
export function arrestProbability(pr: Parameters['protest'], repression: number, seenShare: number): number {
  const police = pr.police * repression * pr.vision;
  const protesters = 1 + pr.safetyInNumbers * seenShare * pr.vision;
  return epsteinArrestProbability(pr.arrestConstant, police, protesters, 'floor');
}

/** Whether a citizen protests: Epstein's rule with grievance scale·H·(1 − L) and threshold T (pure). */
export function protests(
  pr: Parameters['protest'],
  hardship: number,
  legitimacy: number,
  riskAversion: number,
  arrestRisk: number,
): boolean {
  return rebels(grievance(hardship, legitimacy, pr.grievanceScale), riskAversion, arrestRisk, pr.threshold);
}

/** An empty roll for n citizens over a run of `ticks` months. */
export function createProtestRoll(n: number, ticks: number, maxJailMonths: number): ProtestRoll {
  return {
    list: new Int32Array(n),
    next: new Int32Array(n),
    count: 0,
    releases: new Int32Array(ticks + maxJailMonths + 2),
    candidates: new Int32Array(0),
    candidateCount: -1,
    leastRiskAversion: 0,
  };
}

/**
 * The citizens who can ever protest (hardship above threshold/grievanceScale), highest hardship first
 * (ties in index order), and the least risk aversion among them.
 */
function buildCandidates(
  roll: ProtestRoll,
  hardship: Float64Array | Float32Array,
  riskAversion: Float64Array | Float32Array,
  gs: number,
  threshold: number,
): void {
  const found: number[] = [];
  let least = Infinity;
  for (let j = 0; j < hardship.length; j++) {
    // the rule at its most favourable: no legitimacy, no risk
    if (rebels(grievance(hardship[j], 0, gs), 0, 0, threshold)) {
      found.push(j);
      if (riskAversion[j] < least) least = riskAversion[j];
    }
  }
  found.sort((a, b) => hardship[b] - hardship[a] || a - b);
  roll.candidates = Int32Array.from(found);
  roll.candidateCount = found.length;
  roll.leastRiskAversion = found.length > 0 ? least : 0;
}

export function protest(state: ModelState, ctx: TickContext): void {
  const { citizens: c, sector, params } = state;
  const pr = params.protest;
  const roll = state.protest;
  const tick = ctx.tick;
  const n = c.resources.length;
  const u = state.streams.get('protest').uniform;
  const { protesting, jailedUntil, hardship, riskAversion } = c;
  sector.jailed -= roll.releases[tick];
  // everyone weighs the same risk this month: the police against last month's crowd
  const risk = arrestProbability(pr, sector.repression, sector.protesters / n);
  const decides = (i: number): boolean =>
    protests(pr, hardship[i], legitimacyOf(state, i), riskAversion[i], risk);
  // protesters reconsider every month
  const next = roll.next;
  let count = 0;
  for (let k = 0; k < roll.count; k++) {
    const i = roll.list[k];
    if (decides(i)) next[count++] = i;
    else protesting[i] = 0;
  }
  // a share of the free others reconsider (geometric skipping)
  const q = Math.min(1, pr.reconsiderRate);
  const gs = pr.grievanceScale;
  const threshold = pr.threshold;
  const la = sector.legitimacyScale;
  const lb = sector.legitimacyOffset;
  const initial = c.legitimacy;
  if (q >= 1) {
    // only citizens whose hardship could carry a grievance past the threshold can protest (a static
    // filter), visited from the highest hardship down: once even the least legitimacy and the least risk
    // aversion anyone has could not carry this month's grievance past the threshold, no one further down
    // can protest. (Rounding is monotone, so the bound, the rule itself at those least values, is exact.)
    // The newcomers are then put in index order, so the result is the same as visiting everyone in turn.
    if (roll.candidateCount < 0) buildCandidates(roll, hardship, riskAversion, gs, threshold);
    const candidates = roll.candidates;
    const lMin = mappedLegitimacy(la, lb, sector.initialLegitimacyMin);
    const leastRiskAversion = roll.leastRiskAversion;
    const first = count;
    for (let k = 0; k < roll.candidateCount; k++) {
      const j = candidates[k];
      if (!rebels(grievance(hardship[j], lMin, gs), leastRiskAversion, risk, threshold)) break;
      if (protesting[j] !== 0 || jailedUntil[j] > tick) continue;
      const l = mappedLegitimacy(la, lb, initial[j]);
      if (rebels(grievance(hardship[j], l, gs), riskAversion[j], risk, threshold)) {
        protesting[j] = 1;
        next[count++] = j;
      }
    }
    if (count - first > 1) next.subarray(first, count).sort();
  } else {
    const logSkip = Math.log(1 - q);
    let i = Math.log(1 - u()) / logSkip;
    i = i < n ? i | 0 : n;
    while (i < n) {
      if (protesting[i] === 0 && jailedUntil[i] <= tick && decides(i)) {
        protesting[i] = 1;
        next[count++] = i;
      }
      const skip = Math.log(1 - u()) / logSkip;
      i = skip < n ? (i + 1 + (skip | 0)) | 0 : n;
    }
  }
  // arrests, up to the police's capacity, among the protesters at random (a partial shuffle)
  const capacity = pr.arrestCapacity * sector.repression * n;
  const whole = Math.floor(capacity);
  const arrests = Math.min(count, whole + (u() < capacity - whole ? 1 : 0));
  for (let a = 0; a < arrests; a++) {
    const j = a + ((u() * (count - a)) | 0);
    const arrested = next[j];
    next[j] = next[a];
    next[a] = arrested;
    protesting[arrested] = 0;
    const release = tick + 1 + ((u() * pr.maxJailMonths) | 0);
    jailedUntil[arrested] = release;
    if (release < roll.releases.length) roll.releases[release]++;
  }
  // the free protesters are next[arrests … count): they become the roll
  roll.next = roll.list;
  roll.list = next;
  roll.list.copyWithin(0, arrests, count);
  roll.count = count - arrests;
  sector.protesters = roll.count;
  sector.arrests += arrests;
  sector.jailed += arrests;
}
