/**
 * Walker's alias method: after an O(n) build, each draw of an index with probability proportional to
 * its weight costs O(1) and one uniform number, whatever n is. Buffers are reused between builds.
 */
export class AliasTable {
  private prob = new Float64Array(16);
  private alias = new Int32Array(16);
  private small = new Int32Array(16);
  private large = new Int32Array(16);
  size = 0;
  total = 0;

  /** Builds from the first n weights (negative weights count as 0). */
  build(weights: ArrayLike<number>, n: number): void {
    if (this.prob.length < n) {
      const cap = Math.max(n, this.prob.length * 2);
      this.prob = new Float64Array(cap);
      this.alias = new Int32Array(cap);
      this.small = new Int32Array(cap);
      this.large = new Int32Array(cap);
    }
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i] > 0 ? weights[i] : 0;
    this.total = total;
    this.size = total > 0 ? n : 0;
    if (this.size === 0) return;
    const { prob, alias, small, large } = this;
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i] > 0 ? weights[i] : 0;
      prob[i] = (w * n) / total;
      alias[i] = i;
      if (prob[i] < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns];
      const l = large[nl - 1];
      alias[s] = l;
      prob[l] = prob[l] + prob[s] - 1;
      if (prob[l] < 1) {
        nl--;
        small[ns++] = l;
      }
    }
    while (nl > 0) prob[large[--nl]] = 1;
    while (ns > 0) prob[small[--ns]] = 1;
  }

  /** An index drawn with one uniform u in [0, 1); -1 when every weight is 0. */
  sample(u: number): number {
    if (this.size === 0) return -1;
    const x = u * this.size;
    const i = Math.floor(x);
    return x - i < this.prob[i] ? i : this.alias[i];
  }
}
