/**
 * `u < logistic(z)`, decided exactly but mostly without `Math.exp`: a Bernoulli draw with a logit.
 *
 * A table of the logistic on a 1/16 grid over [−16, 16], linearly interpolated, is within 4.7e-5 of the
 * true curve (the interpolation error h²/8 · max|σ''| = (1/16)²/8 · 0.0962). When the uniform lies more
 * than `margin` (1e-4, twice that bound) from the interpolated value, the answer is already certain; only
 * the draws that land in that narrow band, and logits outside the table, pay for the exact logistic. So
 * the result equals `u < 1 / (1 + Math.exp(-z))` bit for bit — same runs, same outputs — at the cost of a
 * table read for almost every draw instead of an exponential (it was a quarter of the citizens' month).
 */

const steps = 16;
const limit = 16;
const table = new Float64Array(2 * limit * steps + 2);
for (let k = 0; k < table.length; k++) table[k] = 1 / (1 + Math.exp(-(k / steps - limit)));

/** Distance from the interpolated curve beyond which the table's answer is certain. */
export const belowLogisticMargin = 1e-4;

/** Whether the uniform `u` falls below logistic(`z`): exactly `u < 1 / (1 + Math.exp(-z))` (pure). */
export function belowLogistic(u: number, z: number): boolean {
  if (z > -limit && z < limit) {
    const x = (z + limit) * steps;
    const k = x | 0;
    const lo = table[k];
    const approx = lo + (x - k) * (table[k + 1] - lo);
    if (u < approx - belowLogisticMargin) return true;
    if (u > approx + belowLogisticMargin) return false;
  }
  return u < 1 / (1 + Math.exp(-z));
}
