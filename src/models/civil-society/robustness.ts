/**
 * One-at-a-time robustness: every parameter tagged [A] (an assumption, not a measured value) moved by
 * ±20% on its own, and the change in the headline outcomes of the last simulated year — registered and
 * active NGOs, volunteering, the autonomy of independent NGOs, civic space — against the same seeds at
 * the defaults (common random numbers). A parameter that moves a headline by more than half is a
 * knife-edge unless the literature calls it a tipping parameter (`TIPPING_PARAMETERS`). Pure: `npm run
 * robustness` (src/node/robustness.ts) runs it over Kazakhstan and writes the table; CI runs a smoke.
 */
import { z } from 'zod';
import { runReplicate } from '../../run/replicate.ts';
import { withOverrides } from './facts.ts';
import { civilSociety } from './index.ts';
import { parametersSchema } from './parameters.ts';
import type { Scenario } from './schema.ts';

/** The outcomes the robustness table reports, by metric id. */
export const HEADLINES = [
  'registered_ngos',
  'active_ngos',
  'volunteering_rate',
  'autonomy_independent',
  'civic_space',
] as const;
export type Headline = (typeof HEADLINES)[number];

/**
 * Parameters the literature treats as tipping parameters: thresholds and safety in numbers in protest
 * (Granovetter 1978; Epstein 2002; Kuran 1991). A large effect of these is the expected behaviour.
 */
export const TIPPING_PARAMETERS: readonly string[] = [
  'protest.threshold',
  'protest.grievanceScale',
  'protest.safetyInNumbers',
  'protest.arrestConstant',
];

/** The largest relative change of a headline before a parameter counts as a knife-edge. */
export const KNIFE_EDGE = 0.5;

export interface AssumedParameter {
  /** Dotted path under `parameters`, e.g. `founding.baseRate`. */
  path: string;
  value: number;
  min: number;
  max: number;
  integer: boolean;
}

type Json = Record<string, unknown>;

/** Every numeric parameter tagged [A] or calibrated, with its default and bounds. */
export function assumedParameters(): AssumedParameter[] {
  const schema = z.toJSONSchema(parametersSchema(), { io: 'input', unrepresentable: 'any' }) as Json;
  const out: AssumedParameter[] = [];
  const walk = (node: Json, path: string[], tagged: boolean) => {
    const description = typeof node.description === 'string' ? node.description : '';
    // [A] assumptions, and the one calibrated parameter (its robustness is the knife-edge question itself)
    const assumed = tagged || /\[(?:[^\]]*\b)?A\]|calibrated\]/.test(description);
    if (node.type === 'object' && node.properties) {
      for (const [k, child] of Object.entries(node.properties as Record<string, Json>)) {
        // a group's tag does not make its members assumptions: each leaf carries its own
        walk(child, [...path, k], path.length > 0 && assumed && !child.description);
      }
      return;
    }
    if ((node.type === 'number' || node.type === 'integer') && assumed && typeof node.default === 'number') {
      out.push({
        path: path.join('.'),
        value: node.default,
        min: typeof node.minimum === 'number' ? node.minimum : Number.NEGATIVE_INFINITY,
        max: typeof node.maximum === 'number' ? node.maximum : Number.POSITIVE_INFINITY,
        integer: node.type === 'integer',
      });
    }
  };
  walk(schema, [], false);
  return out;
}

/** A value moved by a relative step, kept inside the schema's bounds (and whole for whole numbers). */
export function moved(p: AssumedParameter, step: number): number {
  let v = p.value * (1 + step);
  if (p.integer) v = Math.round(v);
  return Math.min(p.max, Math.max(p.min, v));
}

/** The headline outcomes of the last year, averaged over replicates. */
export function headlines(scenario: Scenario, replicates: number): Record<Headline, number> {
  const out = Object.fromEntries(HEADLINES.map((h) => [h, 0])) as Record<Headline, number>;
  for (let r = 0; r < replicates; r++) {
    const { series } = runReplicate(civilSociety, scenario, r, { family: `robustness:${scenario.name}` });
    for (const h of HEADLINES) {
      const a = series.annual[h];
      out[h] += a[a.length - 1] / replicates;
    }
  }
  return out;
}

export interface RobustnessRow {
  parameter: string;
  value: number;
  low: number;
  high: number;
  /** Relative change of each headline at the low and at the high value. */
  changes: Record<Headline, [number, number]>;
  /** The largest absolute relative change over headlines and both directions. */
  largest: number;
  tipping: boolean;
}

export interface RobustnessOptions {
  replicates?: number;
  /** Relative step (default 0.2). */
  step?: number;
  /** Only these parameter paths. */
  only?: readonly string[];
  onParameter?(index: number, count: number, path: string): void;
}

function withParameter(scenario: Scenario, path: string, value: number): Scenario {
  const keys = path.split('.');
  const over: Json = {};
  let node = over;
  for (const k of keys.slice(0, -1)) node = node[k] = {} as Json;
  node[keys[keys.length - 1]] = value;
  return withOverrides(scenario, { parameters: over });
}

export function robustness(
  scenario: Scenario,
  options: RobustnessOptions = {},
): { baseline: Record<Headline, number>; rows: RobustnessRow[] } {
  const replicates = options.replicates ?? 3;
  const step = options.step ?? 0.2;
  const baseline = headlines(scenario, replicates);
  const params = assumedParameters().filter((p) => !options.only || options.only.includes(p.path));
  const rows = params.map((p, k) => {
    options.onParameter?.(k, params.length, p.path);
    const low = moved(p, -step);
    const high = moved(p, step);
    const at = (v: number) =>
      v === p.value ? baseline : headlines(withParameter(scenario, p.path, v), replicates);
    const lo = at(low);
    const hi = at(high);
    const rel = (x: number, b: number) => (b === 0 ? (x === 0 ? 0 : Number.POSITIVE_INFINITY) : x / b - 1);
    const changes = Object.fromEntries(
      HEADLINES.map((h) => [h, [rel(lo[h], baseline[h]), rel(hi[h], baseline[h])]]),
    ) as Record<Headline, [number, number]>;
    const largest = Math.max(...HEADLINES.flatMap((h) => changes[h].map(Math.abs)));
    return {
      parameter: p.path,
      value: p.value,
      low,
      high,
      changes,
      largest,
      tipping: TIPPING_PARAMETERS.includes(p.path),
    };
  });
  return { baseline, rows };
}
