/**
 * The Epstein model's stylized facts as diagnostics (`civsim facts`), each with knockouts that remove its
 * mechanism and must make it fail:
 *
 * - punctuated outbursts (Epstein 2002; NetLogo's Rebellion): long quiet spells broken by outbursts in
 *   which many rebel at once. Mechanism: the arrest risk a citizen sees collapses once rebels outnumber
 *   the cops in sight (floor(C/A)), and the police jail the rebels afterwards. Knockouts: the plain ratio
 *   C/A (no collapse), no police.
 * - a sudden loss of legitimacy gives a larger outburst than a larger but gradual one (Epstein 2002).
 *   Mechanism: when legitimacy erodes slowly the citizens who tip do so a few at a time and the police jail
 *   them before they outnumber the cops in sight. Knockout: no police (then only the final legitimacy
 *   matters, and the gradual, deeper loss gives at least as large a peak).
 *
 * Each fact runs its own contrast on the scenario's grid, population and rule, without its timeline.
 * Pure: seeded replicates (same scenario → same table).
 */
import { mergeOverrides } from '../../scenario/mergeOverrides.ts';
import { runReplicate } from '../../run/replicate.ts';
import type { FactRow, StylizedFact } from '../definition.ts';
import { epstein } from './index.ts';
import { scenarioSchema, type Scenario } from './schema.ts';

type Plain = Record<string, unknown>;

/** The scenario with overrides merged in (lists replaced), validated again. */
export function withOverrides(scenario: Scenario, overrides: Plain): Scenario {
  return scenarioSchema().parse(mergeOverrides(scenario as unknown as Plain, overrides));
}

/** Steps the outburst fact runs (after a burn-in of `burnIn` steps it does not count). */
export const OUTBURST_STEPS = 600;
const burnIn = 100;
/** An outburst: at least this share of citizens active at once. */
export const OUTBURST_SHARE = 0.05;
/** A quiet step: fewer than this share of citizens active. */
export const QUIET_SHARE = 0.01;

/** Per replicate: active citizens after each step (step 0 = the start) and how many citizens there are. */
function activeSeries(scenario: Scenario, replicates: number, family: string) {
  const out: { active: ArrayLike<number>; citizens: number }[] = [];
  for (let r = 0; r < replicates; r++) {
    const values = runReplicate(epstein, scenario, r, { family }).series.values;
    // nobody is active or jailed before the first step: the quiet at step 0 are all the citizens
    out.push({
      active: values.active as ArrayLike<number>,
      citizens: (values.quiet as ArrayLike<number>)[0],
    });
  }
  return out;
}

/** Outburst statistics of one series from `from` on: starts (upward crossings), peaks, quiet steps. */
export function outbursts(active: ArrayLike<number>, citizens: number, from: number) {
  const high = OUTBURST_SHARE * citizens;
  const low = QUIET_SHARE * citizens;
  const starts: number[] = [];
  const peaks: number[] = [];
  let quiet = 0;
  let inBurst = false;
  let peak = 0;
  for (let t = from; t < active.length; t++) {
    const a = active[t];
    if (a < low) quiet++;
    if (!inBurst && a >= high) {
      inBurst = true;
      starts.push(t);
      peak = a;
    } else if (inBurst) {
      if (a > peak) peak = a;
      if (a < high) {
        inBurst = false;
        peaks.push(peak / citizens);
      }
    }
  }
  if (inBurst) peaks.push(peak / citizens);
  const waits = starts.slice(1).map((s, i) => s - starts[i]);
  return { starts: starts.length, peaks, waits, quietShare: quiet / Math.max(1, active.length - from) };
}

const mean = (xs: number[]) => (xs.length === 0 ? Number.NaN : xs.reduce((s, x) => s + x, 0) / xs.length);

const punctuated: StylizedFact<Scenario> = {
  id: 'punctuated-outbursts',
  title: 'Punctuated outbursts',
  claim:
    'Long quiet spells are broken by outbursts in which many citizens rebel at once, then the police restore calm (punctuated equilibrium).',
  source:
    'Epstein 2002, PNAS 99 suppl. 3 (Fig. 3–4); Wilensky, NetLogo Rebellion (2004): floor(C/A) is what makes the equilibrium punctuated.',
  check(scenario, replicates) {
    const base = withOverrides(scenario, { steps: OUTBURST_STEPS, timeline: [] });
    const family = `facts:${scenario.name}:punctuated`;
    const stats = activeSeries(base, replicates, family).map((run) =>
      outbursts(run.active, run.citizens, burnIn),
    );
    const counted = OUTBURST_STEPS - burnIn;
    const waits = stats.flatMap((s) => s.waits);
    const peaks = stats.flatMap((s) => s.peaks);
    const rows: FactRow[] = [
      {
        statistic: `outbursts (≥ ${OUTBURST_SHARE * 100}% of citizens active) per 100 steps`,
        value: (mean(stats.map((s) => s.starts)) * 100) / counted,
        band: [0.5, 20],
      },
      {
        statistic: `share of steps with fewer than ${QUIET_SHARE * 100}% active`,
        value: mean(stats.map((s) => s.quietShare)),
        band: [0.4, 0.98],
      },
      { statistic: 'mean peak of an outburst, share of citizens', value: mean(peaks), band: [0.1, 1] },
      {
        statistic: 'mean wait between outbursts, steps',
        value: waits.length > 0 ? mean(waits) : Number.POSITIVE_INFINITY,
        band: [5, 200],
      },
    ];
    return rows;
  },
  knockouts: [
    { label: 'plain ratio C/A in the arrest probability (no floor)', overrides: { rule: { ratio: 'none' } } },
    { label: 'no police', overrides: { population: { copDensity: 0 } } },
  ],
};

/** The contrast's legitimacy: from 0.9, a sudden drop of 0.2 at step 50, or a gradual one of 0.4 over 200 steps. */
export const DROP = { from: 0.9, sudden: 0.7, gradual: 0.5, at: 50, until: 250, steps: 300 } as const;

const suddenVsGradual: StylizedFact<Scenario> = {
  id: 'sudden-vs-gradual',
  title: 'A sudden loss of legitimacy, not a gradual one, brings the street out',
  claim:
    'A sudden drop in legitimacy produces a larger outburst than a larger drop spread over time, in which the police jail the first rebels one by one.',
  source:
    'Epstein 2002, PNAS 99 suppl. 3 ("legitimacy: incremental vs. sudden"); NetLogo Rebellion, things to try.',
  check(scenario, replicates) {
    const base = withOverrides(scenario, {
      steps: DROP.steps,
      levers: { legitimacy: DROP.from },
      timeline: [],
    });
    const sudden = withOverrides(base, { timeline: [{ step: DROP.at, set: { legitimacy: DROP.sudden } }] });
    const gradual = withOverrides(base, {
      timeline: [{ step: DROP.at, until: DROP.until, ramp: { legitimacy: DROP.gradual } }],
    });
    const family = `facts:${scenario.name}:legitimacy`;
    // the peak share of citizens active after the drop begins, averaged over replicates
    const peak = (s: Scenario) =>
      mean(
        activeSeries(s, replicates, family).map(
          (run) => Math.max(...Array.from(run.active).slice(DROP.at)) / run.citizens,
        ),
      );
    const p1 = peak(sudden);
    const p2 = peak(gradual);
    return [
      {
        statistic: `peak active after a sudden drop ${DROP.from} → ${DROP.sudden}, share of citizens`,
        value: p1,
        band: [0.1, 1],
      },
      {
        statistic: `peak after the sudden drop ÷ peak after a gradual drop ${DROP.from} → ${DROP.gradual} over ${DROP.until - DROP.at} steps`,
        value: p1 / p2,
        band: [1.2, Number.POSITIVE_INFINITY],
      },
    ];
  },
  knockouts: [{ label: 'no police', overrides: { population: { copDensity: 0 } } }],
};

export const stylizedFacts: readonly StylizedFact<Scenario>[] = [punctuated, suddenVsGradual];
