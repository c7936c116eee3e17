/**
 * Stylized facts as diagnostics for any scenario of a model that defines them (`civsim facts`): each
 * fact's statistics with their bands and, on request, whether each knockout of the fact's mechanism
 * makes it fail — as it must, or the fact says nothing about the mechanism.
 */
import { inBand, type AnyModel, type FactRow } from '../models/definition.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';

export interface KnockoutOutcome {
  label: string;
  rows: FactRow[];
  /** True when the fact fails with the mechanism switched off (what a working diagnostic needs). */
  breaks: boolean;
}

export interface FactOutcome {
  id: string;
  title: string;
  claim: string;
  source: string;
  rows: FactRow[];
  pass: boolean;
  knockouts?: KnockoutOutcome[];
}

export interface FactOptions {
  /** Seeded replicates per contrast (default 3). */
  replicates?: number;
  /** Also run each fact's knockouts. */
  knockouts?: boolean;
  /** Only these fact ids. */
  only?: readonly string[];
  /** Called before each fact (for progress). */
  onFact?(index: number, count: number, title: string): void;
}

/** The model's stylized facts on this scenario's country. */
export function checkFacts(
  model: AnyModel,
  scenario: ScenarioBase,
  options: FactOptions = {},
): FactOutcome[] {
  const facts = (model.facts ?? []).filter((f) => !options.only || options.only.includes(f.id));
  const replicates = options.replicates ?? 3;
  return facts.map((fact, k) => {
    options.onFact?.(k, facts.length, fact.title);
    const rows = fact.check(scenario, replicates);
    const outcome: FactOutcome = {
      id: fact.id,
      title: fact.title,
      claim: fact.claim,
      source: fact.source,
      rows,
      pass: rows.every(inBand),
    };
    if (options.knockouts && model.withOverrides) {
      const withOverrides = model.withOverrides.bind(model);
      outcome.knockouts = fact.knockouts.map((ko) => {
        const koRows = fact.check(withOverrides(scenario, ko.overrides), replicates);
        return { label: ko.label, rows: koRows, breaks: !koRows.every(inBand) };
      });
    }
    return outcome;
  });
}

/** A band in words: "≥ 1.3", "≤ 0.75", "0.5 to 0.85". */
export function bandWords([lo, hi]: readonly [number, number]): string {
  const n = (x: number) => (Math.abs(x) >= 1000 ? x.toExponential(1) : String(Number(x.toPrecision(3))));
  if (lo === Number.NEGATIVE_INFINITY) return `≤ ${n(hi)}`;
  if (hi === Number.POSITIVE_INFINITY) return `≥ ${n(lo)}`;
  return `${n(lo)} to ${n(hi)}`;
}
