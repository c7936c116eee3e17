/**
 * One funding round (a state tender, a grant call, a donor's or a company's round). Each eligible NGO
 * bids for a project it can run — larger for a more capable NGO — and is scored
 * (1 − w)·merit + w·loyalty + noise, where w is the funder's loyalty weight (0 merit-based tenders, 1 money
 * to "friendly" groups and state-created NGOs: IWPR 2010). Projects are funded in score order until the
 * pot runs out, none above a share of the pot: how many NGOs a budget carries follows from their bids,
 * not from a fixed award size. Runs once a year per funder, so it may allocate.
 */
import type { RandomStream } from '../../../engine/random.ts';

export interface TenderEntrant {
  index: number;
  merit: number;
  loyalty: number;
  /** The project it bids for, currency/year (simulated units). */
  request: number;
  /** Filled in by the tender. */
  score: number;
}

export interface TenderRules {
  /** Pot for the round, currency/year (in simulated units). */
  pot: number;
  loyaltyWeight: number;
  /** Largest share of the pot one winner may get. */
  maxShare: number;
  /** Spread of the scoring noise (the judges' disagreement). */
  noise: number;
}

/** The project an NGO of a given capacity bids for: `project` viable budgets at full capacity (pure). */
export function projectRequest(project: number, viableBudget: number, capacity: number): number {
  return (project * viableBudget * (0.5 + capacity)) / 1.5;
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
  const cap = rules.maxShare * rules.pot;
  let left = rules.pot;
  for (const e of entrants) {
    const amount = Math.min(e.request, cap, left);
    if (amount <= 0) break;
    award(e.index, amount);
    left -= amount;
  }
  return rules.pot - left;
}
