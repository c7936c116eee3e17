/**
 * Epstein's (2002) rule of civil violence, the one implementation shared by the classic Epstein model
 * (src/models/epstein) and the civil-society model's protest (src/models/civil-society/rules/protest.ts).
 *
 *   G = scale·H·(1 − L)        grievance: hardship H, perceived legitimacy L
 *   P = 1 − exp(−k·r(C/A))     estimated arrest probability: C police in sight, A = 1 + rebels in sight
 *   rebel  ⇔  G − R·P > T      net risk R·P (risk aversion R), threshold T
 *
 * where r is how the cop-to-rebel ratio is rounded: Mesa's example uses Python's round (half to even),
 * NetLogo's Rebellion uses floor — which makes the risk vanish once rebels outnumber police in sight, the
 * step behind Epstein's punctuated outbursts — and Epstein's paper the plain ratio.
 */

/** How the ratio C/A enters the arrest probability. */
export type RatioRounding = 'floor' | 'half-even' | 'none';

/** Grievance G = scale·H·(1 − L) (pure). */
export function grievance(hardship: number, legitimacy: number, scale = 1): number {
  return scale * hardship * (1 - legitimacy);
}

/** Python's round(): to the nearest integer, ties to the even one (pure). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** r(C/A) under the given rounding (pure). */
export function roundedRatio(cops: number, rebels: number, rounding: RatioRounding): number {
  const ratio = cops / rebels;
  return rounding === 'floor' ? Math.floor(ratio) : rounding === 'half-even' ? roundHalfEven(ratio) : ratio;
}

/** P = 1 − exp(−k·r(C/A)); `rebels` counts the citizen herself, so it is at least 1 (pure). */
export function arrestProbability(k: number, cops: number, rebels: number, rounding: RatioRounding): number {
  return 1 - Math.exp(-k * roundedRatio(cops, rebels, rounding));
}

/**
 * Whether a citizen with this grievance could rebel at all: only if it exceeds the threshold, since the
 * net risk R·P is never negative (R, P ≥ 0), so G − R·P ≤ G (also in floating point). A citizen who cannot
 * need not look at the risk (pure).
 */
export function canRebel(grievanceValue: number, threshold: number): boolean {
  return grievanceValue > threshold;
}

/** Whether a citizen rebels: grievance less risk aversion × arrest probability above the threshold (pure). */
export function rebels(
  grievanceValue: number,
  riskAversion: number,
  arrestRisk: number,
  threshold: number,
): boolean {
  return grievanceValue - riskAversion * arrestRisk > threshold;
}
