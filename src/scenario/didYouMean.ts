/**
 * "Did you mean …?" suggestions for misspelt keys, lever paths and option names, by edit distance
 * (Damerau–Levenshtein, optimal string alignment variant: a swap of two neighbouring letters costs 1,
 * which is the commonest typo, e.g. `bugdet` for `budget`).
 */

/** Edits (insert, delete, substitute, swap neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  // three rolling rows: two back (for swaps), previous, current
  let before = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[cols - 1];
}

/** Largest distance still worth suggesting: about one edit per three letters, at least one. */
function tolerance(input: string): number {
  return Math.max(1, Math.floor(input.length / 3));
}

/**
 * The candidates closest to `input` (ignoring case; all equally close ones, at most `limit`); empty when
 * nothing is close enough to be a plausible typo. Ties keep the candidates' order (deterministic).
 */
export function closestMatches(input: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = input.toLowerCase();
  const scored = candidates
    .map((candidate, index) => ({
      candidate,
      index,
      distance: editDistance(wanted, candidate.toLowerCase()),
    }))
    .filter((s) => s.candidate !== input && s.distance <= tolerance(input));
  scored.sort((x, y) => x.distance - y.distance || x.index - y.index);
  // only the best: a near miss should not be listed next to a clearly closer one
  const best = scored[0]?.distance;
  return scored
    .filter((s) => s.distance === best)
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** `did you mean "a"?` or `did you mean "a" or "b"?`; undefined when there is nothing to suggest. */
export function didYouMean(suggestions: readonly string[]): string | undefined {
  if (suggestions.length === 0) return undefined;
  const quoted = suggestions.map((s) => JSON.stringify(s));
  const list =
    quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return `did you mean ${list}?`;
}
