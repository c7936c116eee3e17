/**
 * A sweep's plan (pure): every run it makes — design point × replicate — in one fixed order, which
 * stream family each run draws from (shared by all points: common random numbers, so two points differ
 * by their parameters, not their luck; or one family per point with independent seeds), which runs a
 * shard k of n owns, and the plan's identity: a hash of everything that decides its results, so that a
 * resumed sweep, a shard to merge or a queued job can prove it belongs to the same sweep.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ScenarioBase } from '../scenario/envelope.ts';
import { scenarioHash } from '../scenario/hash.ts';
import type { Design, DesignOptions } from './design.ts';
import type { ResolvedParameter } from './resolveParameters.ts';

export interface SweepPlan {
  /** The scenario every point starts from (overrides such as --scale already applied). */
  scenario: ScenarioBase;
  parameters: readonly ResolvedParameter[];
  designOptions: DesignOptions;
  design: Design;
  replicates: number;
  /** One stream family per point instead of one for all (no common random numbers). */
  independentSeeds: boolean;
  metrics: readonly string[];
  /** Hex SHA-256 of what decides the results; equal plans give equal results, byte for byte. */
  id: string;
}

export interface PlannedRun {
  /** Position in the plan: point · replicates + replicate. */
  index: number;
  point: number;
  replicate: number;
}

/** Canonical JSON: object keys sorted, so the same plan always hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function planSweep(input: Omit<SweepPlan, 'id'>, civsimVersion: string): SweepPlan {
  const identity = {
    civsim: civsimVersion,
    scenario: scenarioHash(input.scenario),
    parameters: input.parameters.map((p) => ({
      path: p.rootPath,
      from: p.from,
      values: p.values,
      range: p.range,
    })),
    design: { ...input.designOptions, points: input.design.values },
    replicates: input.replicates,
    independentSeeds: input.independentSeeds,
    metrics: input.metrics,
  };
  return { ...input, id: bytesToHex(sha256(utf8ToBytes(canonical(identity)))) };
}

export function runCount(plan: Pick<SweepPlan, 'design' | 'replicates'>): number {
  return plan.design.values.length * plan.replicates;
}

export function runAt(plan: Pick<SweepPlan, 'replicates'>, index: number): PlannedRun {
  return { index, point: Math.floor(index / plan.replicates), replicate: index % plan.replicates };
}

/** The stream family of a point's runs. */
export function familyOf(plan: Pick<SweepPlan, 'scenario' | 'independentSeeds'>, point: number): string {
  return plan.independentSeeds ? `${plan.scenario.name}#point${point}` : plan.scenario.name;
}

/** A shard "k/n" (1 ≤ k ≤ n): it owns every n-th run from the k-th, so each shard gets a fair mix. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count && count <= 100_000 ? { index, count } : undefined;
}

export function inShard(run: number, shard: Shard | undefined): boolean {
  return !shard || run % shard.count === shard.index - 1;
}

/** The runs of a plan (or of one shard of it), in plan order. */
export function plannedRuns(plan: Pick<SweepPlan, 'design' | 'replicates'>, shard?: Shard): number[] {
  const out: number[] = [];
  const total = runCount(plan);
  for (let i = 0; i < total; i++) if (inShard(i, shard)) out.push(i);
  return out;
}
