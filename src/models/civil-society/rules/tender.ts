/**
 * One funding round (a state tender, a grant call or a donor's grant round). Eligible NGOs are ranked by
 * score = (1 − w)·merit + w·loyalty + noise, where w is the funder's loyalty weight (0 merit-based
 * tenders, 1 money to "friendly" groups and state-created NGOs: IWPR 2010; DM §1, §4). The best ranked
 * win: enough winners to spend the pot in typical-sized awards, each award sized by the winner's
 * capacity and capped at a share of the pot. Runs once a year per funder, so it may allocate.
 */
import type { RandomStream } from '../../../engine/random.ts';

export interface TenderEntrant {
  index: number;
  merit: number;
  loyalty: number;
  /** Relative size of the project it can run. */
  size: number;
  /** Filled in by the tender. */
  score: number;
}

export interface TenderRules {
  /** Pot for the round, currency/year (in simulated units). */
  pot: number;
  loyaltyWeight: number;
  /** Largest share of the pot one winner may get. */
  maxShare: number;
  /** A typical award; sets how many winners a pot has. */
  typicalAward: number;
  /** Spread of the scoring noise (the judges' disagreement). */
  noise: number;
}

/** Ranks entrants (reordering the array), calls `award` per winner, returns the amount awarded. */
export function runTender(
  entrants: TenderEntrant[],
  rules: TenderRules,
  rng: RandomStream,
  award: (index: number, amountPerYear: number) => void,
): number {
  if (rules.pot <= 0 || entrants.length === 0) return 0;
  const w = rules.loyaltyWeight;
  for (const e of entrants) e.score = (1 - w) * e.merit + w * e.loyalty + rules.noise * rng.normal();
  entrants.sort((a, b) => b.score - a.score || a.index - b.index);
  const wanted = Math.max(Math.ceil(rules.pot / rules.typicalAward), Math.ceil(1 / rules.maxShare));
  const winners = Math.min(entrants.length, wanted);
  let sizes = 0;
  for (let k = 0; k < winners; k++) sizes += entrants[k].size;
  if (sizes <= 0) return 0;
  const cap = rules.maxShare * rules.pot;
  let spent = 0;
  for (let k = 0; k < winners; k++) {
    const amount = Math.min(cap, (rules.pot * entrants[k].size) / sizes);
    if (amount <= 0) continue;
    award(entrants[k].index, amount);
    spent += amount;
  }
  return spent;
}
