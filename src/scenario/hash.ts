/**
 * The identity of a resolved scenario: SHA-256 (@noble/hashes: synchronous, audited, the same in Node and
 * browsers) of its canonical JSON. Two files that resolve to the same
 * scenario (keys in another order, a default written out, a base file inlined) hash the same, so run
 * manifests and caches can tell whether a run used exactly this scenario.
 */
import type { ScenarioBase } from './envelope.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * JSON with object keys sorted at every level and no whitespace; `undefined` members are left out as
 * JSON.stringify does. Throws on values JSON cannot represent faithfully (non-finite numbers, functions).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonicalJson: cannot represent ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new Error(`canonicalJson: cannot represent a ${typeof value}`);
}

/** sha256 hex of the canonical JSON of a resolved scenario. */
export function scenarioHash(scenario: ScenarioBase): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(scenario))));
}
