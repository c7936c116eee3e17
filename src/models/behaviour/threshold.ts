/**
 * Granovetter's (1978) threshold rule, the one implementation shared by the classic threshold model
 * (src/models/threshold) and the civil-society model's participation (src/models/civil-society/rules/
 * participation.ts): an agent's pull to join is how far the share of others it sees acting exceeds its
 * threshold. The classic model acts when that excess is at least zero; the civil-society model weighs it
 * in the participation logit (βN·excess), a smoothed version of the same step.
 */

/** How far the share acting exceeds a threshold (shifted by a lever) (pure). */
export function thresholdExcess(share: number, threshold: number, shift = 0): number {
  return share - (threshold + shift);
}

/** Whether an agent with this threshold acts when the share it sees acting is `share` (pure). */
export function acts(share: number, threshold: number, shift = 0): boolean {
  return share >= threshold + shift;
}
