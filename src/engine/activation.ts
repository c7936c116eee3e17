/**
 * Activation orders for agent-based models (domain-free). Random sequential activation — Mesa's
 * `shuffle_do`: a fresh permutation of the agents every step, each acting on what those before it did —
 * is a permutation drawn in place into a reused array; simultaneous activation needs no order (every
 * agent decides on the previous step's state, the model double-buffers).
 */

/**
 * A fresh random order of 0…n−1 in `order` (Fisher–Yates from the end, as Python's random.shuffle):
 * random sequential activation, one permutation per step. Allocates nothing.
 */
export function shuffleInPlace(order: Int32Array, uniform: () => number): Int32Array {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
