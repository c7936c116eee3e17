/**
 * Plain objects merged the way scenario overrides are (objects merge key by key, the override wins,
 * arrays and other values are replaced): for code that varies a parsed scenario, such as fact
 * experiments, knockouts and tests. `extends` between files goes through merge.ts, which keeps positions.
 */
type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergeOverrides(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over))
    out[k] = isPlain(v) && isPlain(out[k]) ? mergeOverrides(out[k], v) : v;
  return out;
}
