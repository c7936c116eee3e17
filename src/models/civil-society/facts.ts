/**
 * The twelve stylized facts of the literature as diagnostics (ODD §validation). Each fact runs its own
 * controlled policy contrast on a scenario's country — its population, starting sector, levers at the
 * start and parameters, over 30 years from its start, without its own timeline, so that the contrast is
 * the only difference — and returns statistics with the band the literature allows. Each fact names the
 * knockouts that switch its mechanism off: with a knockout applied the fact must fail (the model's tests
 * check both directions), so a fact that still "holds" without its mechanism is caught.
 *
 * Pure: the runs are seeded replicates of the scenario (same scenario → same table).
 */
import type { FactRow, StylizedFact } from '../definition.ts';
import { startReplicate, type ReplicateResult } from '../../run/replicate.ts';
import { ACTIVE, STATE_CREATED } from './ngos.ts';
import type { NgoRecord } from './ngoRecord.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import type { ModelState } from './state.ts';
import { civilSociety } from './index.ts';
import { mergeOverrides } from '../../scenario/mergeOverrides.ts';
import { median } from 'simple-statistics';

type Plain = Record<string, unknown>;
type Fact = StylizedFact<Scenario>;

/** The years every fact runs (from the scenario's start). */
export const FACT_YEARS = 30;

/** The scenario with overrides merged in (lists replaced), validated again. */
export function withOverrides(scenario: Scenario, overrides: Plain): Scenario {
  return scenarioSchema().parse(mergeOverrides(scenario as unknown as Plain, overrides));
}

/** The scenario's country over the facts' 30 years, without its timeline. */
export function factBase(scenario: Scenario): Scenario {
  const year = Number(String(scenario.start).slice(0, 4));
  return withOverrides(scenario, {
    start: `${year}-01`,
    end: `${year + FACT_YEARS - 1}-12`,
    timeline: [],
    output: { ...scenario.output, agents: false },
  });
}

/** Money in the experiments is given per 2 million people: this scenario's multiple of that. */
const perTwoMillion = (scenario: Scenario) => scenario.population.represents / 2_000_000;

/** The first month of the k-th year of the base. */
const yearOf = (base: Scenario, k: number) => `${Number(String(base.start).slice(0, 4)) + k}-01`;

function run(scenario: Scenario, replicates: number, probe?: (state: ModelState, tick: number) => void) {
  const out: ReplicateResult[] = [];
  for (let r = 0; r < replicates; r++) {
    const rep = startReplicate(civilSociety, scenario, r, { family: `facts:${scenario.name}` });
    let tick = 0;
    while (rep.step()) probe?.(rep.state as ModelState, tick++);
    out.push(rep.result());
  }
  return out;
}

/** Mean over replicates of a metric's annual values in years [from, to) (negative: from the end). */
function mean(results: ReplicateResult[], metric: string, from = -5, to?: number): number {
  let sum = 0;
  let count = 0;
  for (const r of results) {
    const a = r.series.annual[metric];
    const lo = from < 0 ? a.length + from : from;
    const hi = to === undefined ? a.length : to < 0 ? a.length + to : to;
    for (let y = lo; y < hi; y++) {
      sum += a[y];
      count++;
    }
  }
  return sum / count;
}

const row = (statistic: string, value: number, lo: number, hi: number): FactRow => ({
  statistic,
  value,
  band: [lo, hi],
});
const INF = Number.POSITIVE_INFINITY;

// --- 1 and 2: density dependence, liability of newness --------------------------------------------------

/** Initial densities (active NGOs per 10,000 citizens) of the controlled density experiment. */
const DENSITIES = [0.25, 0.5, 1, 2, 4, 8, 16, 32];

const density: Fact = {
  id: '1',
  title: 'Density dependence',
  claim:
    'Foundings rise then fall with the number of organisations (legitimation, then competition); mortality is U-shaped in it.',
  source: 'Hannan & Carroll 1992; Hannan & Freeman 1989',
  check(scenario, replicates) {
    // the same country started at densities from 0.25 to 32 active NGOs per 10,000: foundings per 10,000
    // in the first year and the share closed within two years, against the starting density (a
    // controlled experiment: a time series would confound density with everything else that grows)
    // with money for the sector (foreign and state, about $1 per citizen a year): in a country with
    // none, competition for nothing would mask legitimation
    const money = perTwoMillion(scenario);
    const base = withOverrides(factBase(scenario), {
      levers: {
        foreign: { budget: 1_000_000 * money },
        ministries: { socialOrder: 1_000_000 * money },
        akimats: { socialOrder: 500_000 * money },
      },
    });
    const perDensity = DENSITIES.map((d) => {
      const ngos = Math.max(1, Math.round((d * base.population.represents) / 1e4)); // a real count
      const s = withOverrides(base, {
        end: `${Number(String(base.start).slice(0, 4)) + 1}-12`,
        initial: { ngos, activeShare: 1 },
      });
      const runs = run(s, replicates);
      const foundings = mean(runs, 'foundings', 0, 1) / (base.population.represents / 1e4);
      const closed = (mean(runs, 'closures', 0, 2) * 2) / ngos;
      return { foundings, closed };
    });
    const f = perDensity.map((x) => x.foundings);
    const m = perDensity.map((x) => x.closed);
    const peak = f.indexOf(Math.max(...f));
    const trough = m.indexOf(Math.min(...m));
    return [
      row('foundings: peak / at the lowest density', f[peak] / Math.max(f[0], 1e-9), 1.2, INF),
      row('foundings: at the highest density / peak', f[f.length - 1] / Math.max(f[peak], 1e-9), 0, 0.8),
      row('closures: at the lowest density / trough', m[0] / Math.max(m[trough], 1e-9), 1.2, INF),
      row('closures: at the highest density / trough', m[m.length - 1] / Math.max(m[trough], 1e-9), 1.2, INF),
    ];
  },
  knockouts: [
    {
      label: 'no legitimation or competition by density',
      overrides: {
        parameters: {
          founding: { densityLegitimation: 0, densityCompetition: 0 },
          mortality: { lowDensity: 0, densityDelay: 0 },
        },
      },
    },
  ],
};

function hazardByAge(results: ReplicateResult[], from: string, to: string) {
  const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const start = month(from);
  const end = month(to);
  const exposure = [0, 0];
  const events = [0, 0];
  for (const r of results) {
    for (const ngo of (r.agents ?? []) as unknown as NgoRecord[]) {
      if (ngo.type === 'state_created') continue;
      const founded = month(ngo.founded);
      const stop = ngo.closed ? month(ngo.closed) : end;
      for (let t = Math.max(founded, start); t <= stop; t++) {
        const age = (t - founded) / 12;
        const band = age < 3 ? 0 : age >= 10 ? 1 : -1;
        if (band < 0) continue;
        exposure[band] += 1 / 12;
        if (ngo.closed && t === stop) events[band]++;
      }
    }
  }
  return { young: events[0] / exposure[0], old: events[1] / exposure[1], oldClosures: events[1] };
}

const newness: Fact = {
  id: '2',
  title: 'Liability of newness',
  claim: 'The annual closure hazard at ages 0–3 exceeds that at ages 10 and over.',
  source: 'Stinchcombe 1965; Freeman, Carroll & Hannan 1983',
  check(scenario, replicates) {
    const base = withOverrides(factBase(scenario), { output: { agents: true } });
    const h = hazardByAge(run(base, replicates), String(base.start), String(base.end));
    return [
      row('hazard at ages 0–3 / hazard at ages ≥ 10', h.young / h.old, 1.3, INF),
      row('closures at ages ≥ 10 (enough to compare)', h.oldClosures, 20, INF),
    ];
  },
  knockouts: [
    {
      label:
        'no newness, size or density-delay terms, no closure for want of money, and new NGOs start with the reserves and capacity of old ones',
      overrides: {
        parameters: {
          mortality: { newness: 0, densityDelay: 0, size: 0, shortfallMonths: 240 },
          founding: { startReserves: 3, startCapacity: 0.5, startCapacitySkill: 0 },
        },
      },
    },
  ],
};

// --- 3: state linkage ---------------------------------------------------------------------------------

const stateLink: Fact = {
  id: '3',
  title: 'State linkage protects the young',
  claim: 'Young NGOs with state money close less often within a year than young NGOs without.',
  source: 'Baum & Oliver 1991; Singh, Tucker & House 1986',
  check(scenario, replicates) {
    const money = perTwoMillion(scenario);
    const base = withOverrides(factBase(scenario), {
      levers: {
        ministries: { socialOrder: 3_000_000 * money, grants: 500_000 * money, loyaltyWeight: 0 },
        akimats: { socialOrder: 1_500_000 * money, loyaltyWeight: 0 },
      },
    });
    const tally = { linked: [0, 0], unlinked: [0, 0] }; // [closed within a year, observed]
    let cohort: { i: number; linked: boolean }[] = [];
    run(base, replicates, (state, tick) => {
      if (tick === 0) cohort = [];
      if (state.calendar.monthOf(tick) !== 11) return;
      const c = state.ngos.cols;
      for (const { i, linked } of cohort) {
        const group = linked ? tally.linked : tally.unlinked;
        group[1]++;
        if (c.status[i] !== ACTIVE) group[0]++;
      }
      cohort = [];
      for (let i = 0; i < state.ngos.length; i++) {
        if (c.status[i] !== ACTIVE || c.type[i] === STATE_CREATED || tick - c.founded[i] >= 36) continue;
        cohort.push({ i, linked: c.revSocialOrder[i] + c.revGrants[i] > 0 });
      }
    });
    const rate = (g: number[]) => g[0] / Math.max(1, g[1]);
    return [
      row(
        'closure rate of state-linked / unlinked young NGOs',
        rate(tally.linked) / rate(tally.unlinked),
        0,
        0.75,
      ),
      row(
        'young NGO-years observed in the smaller group',
        Math.min(tally.linked[1], tally.unlinked[1]),
        50,
        INF,
      ),
    ];
  },
  knockouts: [
    {
      label:
        'neither the state link nor money protects (no state-link term, no size effect, no closure for want of money)',
      overrides: {
        parameters: {
          mortality: { stateLinkProtection: 0, stateLinkFlattening: 0, shortfallMonths: 240, size: 0 },
        },
      },
    },
  ],
};

// --- 4: registered ≫ active -----------------------------------------------------------------------------

const register: Fact = {
  id: '4',
  title: 'Registered ≫ active under lax audit',
  claim: 'Without audits the register fills with dormant NGOs; audits or re-registration narrow the gap.',
  source: 'ICNL 2024 (Kazakhstan: 23,335 registered, 18,204 active in 2023)',
  check(scenario, replicates) {
    const base = factBase(scenario);
    const lax = run(withOverrides(base, { levers: { reporting: { auditRate: 0 } } }), replicates);
    const strict = run(withOverrides(base, { levers: { reporting: { auditRate: 0.5 } } }), replicates);
    const ratio = (r: ReplicateResult[]) => mean(r, 'registered_ngos') / mean(r, 'active_ngos');
    return [
      row('registered / active without audits', ratio(lax), 1.3, INF),
      row('… minus the same with audits at 0.5 a year', ratio(lax) - ratio(strict), 0.2, INF),
    ];
  },
  knockouts: [
    {
      label: 'dormant NGOs leave the register at once',
      overrides: { parameters: { mortality: { liquidationRate: 1, revivalRate: 0 } } },
    },
  ],
};

// --- 5: donor-led start, state-led scale-up -------------------------------------------------------------

const scaleUp: Fact = {
  id: '5',
  title: 'Donor-led start, state-led scale-up',
  claim:
    'With foreign money first and social order later, the state becomes the largest source and the count keeps rising.',
  source: 'Ljubownikow & Crotty 2016; Knox & Janenova 2018',
  check(scenario, replicates) {
    const money = perTwoMillion(scenario);
    const base = withOverrides(factBase(scenario), {
      levers: {
        foreign: { budget: 1_000_000 * money, regime: 'none' },
        ministries: { socialOrder: 0, grants: 0, loyaltyWeight: 0 },
        akimats: { socialOrder: 0, loyaltyWeight: 0 },
        corporate: { budget: 0 },
      },
      timeline: [
        {
          date: yearOf(factBase(scenario), 10),
          ramp: { 'ministries.socialOrder': 6_000_000 * money, 'akimats.socialOrder': 3_000_000 * money },
          until: yearOf(factBase(scenario), 15),
        },
      ],
    });
    const r = run(base, replicates);
    const state = mean(r, 'funding_social_order') + mean(r, 'funding_grants');
    const before = mean(r, 'funding_foreign', 5, 10) / (mean(r, 'funding_total', 5, 10) || 1);
    const others = Math.max(
      mean(r, 'funding_foreign'),
      mean(r, 'funding_donations'),
      mean(r, 'funding_fees'),
      mean(r, 'funding_corporate'),
    );
    return [
      row('foreign share of NGO money in years 5–9', before, 0.5, 1),
      row('state money / largest other source, last 5 years', state / (others || 1), 1, INF),
      row(
        'registered NGOs, last 5 years / years 5–9',
        mean(r, 'registered_ngos') / mean(r, 'registered_ngos', 5, 10),
        1.3,
        INF,
      ),
    ];
  },
  knockouts: [
    {
      label: 'money adds no room for NGOs (viable budget 10⁹)',
      overrides: { parameters: { founding: { viableBudget: 1e9 } } },
    },
  ],
};

// --- 6 and 7: loyalty-weighted money --------------------------------------------------------------------

function loyaltyRuns(scenario: Scenario, replicates: number, w: number) {
  const money = perTwoMillion(scenario);
  const base = factBase(scenario);
  return run(
    withOverrides(base, {
      // every tender open to every type, so that only the loyalty weight sorts the money
      levers: { gongos: { foundingRate: 3 }, ministries: { thematic: 0 }, akimats: { thematic: 0 } },
      timeline: [
        { date: yearOf(base, 8), set: { 'ministries.loyaltyWeight': w, 'akimats.loyaltyWeight': w } },
        {
          date: yearOf(base, 8),
          ramp: { 'ministries.socialOrder': 8_000_000 * money, 'akimats.socialOrder': 4_000_000 * money },
          until: yearOf(base, 18),
        },
      ],
    }),
    replicates,
  );
}

const growthWithoutAutonomy: Fact = {
  id: '6',
  title: 'Growth without autonomy',
  claim: 'With loyalty-weighted allocation NGO counts rise while the autonomy of independent NGOs falls.',
  source: 'Lewis 2013; Ljubownikow & Crotty 2016; Chebankova 2013',
  check(scenario, replicates) {
    const loyal = loyaltyRuns(scenario, replicates, 0.9);
    const merit = loyaltyRuns(scenario, replicates, 0);
    return [
      row(
        'active NGOs, last 5 years / year 7',
        mean(loyal, 'active_ngos') / mean(loyal, 'active_ngos', 7, 8),
        1.5,
        INF,
      ),
      row(
        'autonomy of independent NGOs: last 5 years − year 7',
        mean(loyal, 'autonomy_independent') - mean(loyal, 'autonomy_independent', 7, 8),
        -INF,
        -0.03,
      ),
      row(
        'autonomy: merit − loyalty allocation, last 5 years',
        mean(merit, 'autonomy_independent') - mean(loyal, 'autonomy_independent'),
        0.05,
        INF,
      ),
    ];
  },
  knockouts: [
    {
      label: 'no drift, no self-censorship, no council co-optation',
      overrides: { parameters: { drift: { rate: 0, selfCensorship: 0, councilCooptation: 0 } } },
    },
  ],
};

const twoTier: Fact = {
  id: '7',
  title: 'Two-tier sector',
  claim:
    'Selective allocation concentrates state money (high Gini) and advocacy NGOs get less than their share.',
  source: 'Knox & Janenova 2018; Toepler et al. 2020',
  check(scenario, replicates) {
    const loyal = loyaltyRuns(scenario, replicates, 0.9);
    const merit = loyaltyRuns(scenario, replicates, 0);
    return [
      row('Gini of state money among NGOs (loyalty)', mean(loyal, 'state_money_gini'), 0.6, 1),
      row(
        'advocacy share of state money / advocacy share of NGOs (loyalty)',
        mean(loyal, 'advocacy_state_money_share') / mean(loyal, 'advocacy_share'),
        0,
        0.5,
      ),
      row(
        'the same under merit allocation',
        mean(merit, 'advocacy_state_money_share') / mean(merit, 'advocacy_share'),
        0.5,
        INF,
      ),
    ];
  },
  knockouts: [
    {
      label: 'judges score only merit, whatever the loyalty weight (tender.noise 10 drowns both)',
      overrides: { parameters: { tender: { noise: 10 } } },
    },
  ],
};

// --- 8: no suppression from funding alone ---------------------------------------------------------------

const noSuppression: Fact = {
  id: '8',
  title: 'No suppression from funding alone',
  claim: 'With merit-based allocation the advocacy share barely moves with the size of the state budget.',
  source: 'Chaves et al. 2004; Lu 2018',
  check(scenario, replicates) {
    const money = perTwoMillion(scenario);
    const base = factBase(scenario);
    const budget = (k: number) =>
      run(
        withOverrides(base, {
          levers: {
            ministries: {
              socialOrder: 2_000_000 * k * money,
              grants: 1_000_000 * k * money,
              loyaltyWeight: 0,
              thematic: 0,
            },
            akimats: { socialOrder: 1_000_000 * k * money, loyaltyWeight: 0, thematic: 0 },
          },
        }),
        replicates,
      );
    const small = budget(0.1);
    const large = budget(4);
    return [
      row(
        'state share of NGO money: large − small budget',
        mean(large, 'state_funding_share') - mean(small, 'state_funding_share'),
        0.3,
        1,
      ),
      row(
        'advocacy share: large − small budget',
        mean(large, 'advocacy_share') - mean(small, 'advocacy_share'),
        -0.05,
        0.05,
      ),
    ];
  },
  knockouts: [
    {
      label: 'all state money pulls toward the state, merit or not (no conditionality)',
      overrides: { parameters: { drift: { conditionality: 0 } } },
    },
  ],
};

// --- 9: crowd-out ---------------------------------------------------------------------------------------

const crowdOut: Fact = {
  id: '9',
  title: 'Partial crowd-out through fundraising',
  claim:
    'Δdonations/Δstate money lies in [−0.8, +0.1] with a median near −0.2, mostly through less fundraising.',
  source: 'Andreoni & Payne 2003, 2011; de Wit & Bekkers 2017',
  check(scenario, replicates) {
    const money = perTwoMillion(scenario);
    // a country with a sizeable giving market, where crowd-out can be seen at all
    const base = withOverrides(factBase(scenario), {
      parameters: { donations: { giveRate: 0.06, gift: 30 } },
    });
    const more = withOverrides(base, {
      timeline: [{ date: yearOf(base, 15), set: { 'ministries.grants': 3_000_000 * money } }],
    });
    const a = run(base, replicates);
    const b = run(more, replicates);
    const late = (r: ReplicateResult, id: string) => r.series.annual[id].slice(16).reduce((x, y) => x + y, 0);
    const ratios = a.map((x, k) => {
      const y = b[k];
      const dState =
        late(y, 'funding_grants') +
        late(y, 'funding_social_order') -
        late(x, 'funding_grants') -
        late(x, 'funding_social_order');
      return {
        donations: (late(y, 'funding_donations') - late(x, 'funding_donations')) / dState,
        fundraising: (late(y, 'fundraising') - late(x, 'fundraising')) / dState,
      };
    });
    return [
      row('median Δdonations / Δstate money', median(ratios.map((r) => r.donations)), -0.45, -0.05),
      row('largest Δdonations / Δstate money', Math.max(...ratios.map((r) => r.donations)), -0.8, 0.1),
      row('largest Δfundraising / Δstate money', Math.max(...ratios.map((r) => r.fundraising)), -INF, 0),
    ];
  },
  knockouts: [{ label: 'no fundraising cut', overrides: { parameters: { donations: { crowdOut: 0 } } } }],
};

// --- 10: foreign-funding restriction --------------------------------------------------------------------

const foreignRestriction: Fact = {
  id: '10',
  title: 'Foreign-funding restriction',
  claim: 'At approval level or stricter foreign inflow falls about 30% and shifts away from advocacy.',
  source: 'Dupuy & Prakash 2018; Dupuy et al. 2016',
  check(scenario, replicates) {
    const money = perTwoMillion(scenario);
    const base = withOverrides(factBase(scenario), {
      levers: { foreign: { budget: 2_000_000 * money, stigma: 0 } },
    });
    const regime = (r: string) =>
      run(
        withOverrides(base, { timeline: [{ date: yearOf(base, 10), set: { 'foreign.regime': r } }] }),
        replicates,
      );
    const none = regime('none');
    const approval = regime('approval');
    const inflow = mean(approval, 'funding_foreign') / mean(none, 'funding_foreign');
    const advocacy = mean(approval, 'advocacy_output') / mean(none, 'advocacy_output');
    return [
      row('foreign money under approval / none, last 5 years', inflow, 0.5, 0.85),
      row('independent advocacy output under approval / none', advocacy, 0, 0.95),
    ];
  },
  knockouts: [
    {
      label: 'rules change neither inflow nor priorities',
      overrides: {
        parameters: {
          foreign: {
            inflowMultiplier: { none: 1, disclosure: 1, approval: 1, prohibition: 1 },
            advocacyShift: { none: 0, disclosure: 0, approval: 0, prohibition: 0 },
          },
        },
      },
    },
  ],
};

// --- 11: tipping ----------------------------------------------------------------------------------------

const tipping: Fact = {
  id: '11',
  title: 'Tipping in protest',
  claim:
    'Protest jumps once legitimacy falls past a threshold; a sudden fall ignites at once, the same fall spread over years does not (yet).',
  source: 'Granovetter 1978; Epstein 2002; Kuran 1991',
  check(scenario, replicates) {
    const base = withOverrides(factBase(scenario), {
      levers: { repression: { level: 0.15, responsiveness: 0 }, legitimacy: 0.5 },
    });
    const shock = yearOf(base, 10);
    const floor = 1 / base.population.citizens; // one simulated protester
    // a sudden fall: the lever moves and citizens see it at once (a shock to perceived legitimacy)
    const drop = (fall: number) =>
      run(
        withOverrides(base, {
          timeline: [
            { date: shock, set: { legitimacy: 0.5 - fall }, action: 'legitimacyShock', strength: fall },
          ],
        }),
        replicates,
      );
    const gradual = run(
      withOverrides(base, {
        timeline: [{ date: shock, ramp: { legitimacy: 0.3 }, until: yearOf(base, 16) }],
      }),
      replicates,
    );
    // the peak in the first year at the new level: year 10 after a sudden fall, year 16 after the
    // gradual one (Epstein 2002: a gradual fall to a level a sudden fall would ignite does not ignite
    // at once — active agents appear one by one and are arrested; the outburst comes years later)
    const peak = (rs: ReplicateResult[], year = 10) =>
      Math.max(
        floor,
        rs.reduce(
          (s, r) =>
            s + Math.max(...Array.from(r.series.values.protest_rate).slice(12 * year, 12 * year + 12)),
          0,
        ) / rs.length,
      );
    // falls of 0.05 to 0.3: the peak grows by a jump at some fall, not along a slope
    const peaks = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3].map((fall) => peak(drop(fall)));
    let jump = 0;
    for (let k = 1; k < peaks.length; k++) jump = Math.max(jump, peaks[k] / peaks[k - 1]);
    const sudden = peaks[3]; // the fall to 0.3
    return [
      row('peak protest share in the year legitimacy falls from 0.5 to 0.3 at once', sudden, 0.05, 1),
      row('largest ratio of the peaks after falls 0.05 apart (a jump, not a slope)', jump, 10, INF),
      row(
        '… / peak in the first year at 0.3 after the same fall over six years',
        sudden / peak(gradual, 16),
        10,
        INF,
      ),
    ];
  },
  knockouts: [
    { label: 'no safety in numbers', overrides: { parameters: { protest: { safetyInNumbers: 0 } } } },
    { label: 'no limit on arrests', overrides: { parameters: { protest: { arrestCapacity: 1 } } } },
  ],
};

// --- 12: consultation without liberalization ------------------------------------------------------------

const consultation: Fact = {
  id: '12',
  title: 'Consultation without liberalization',
  claim:
    'More council seats filled by loyalty raise the consultation score but not the civic-space index while repression is unchanged.',
  source: 'Owen 2020; Knox & Janenova 2018; Toepler et al. 2020',
  check(scenario, replicates) {
    const base = withOverrides(factBase(scenario), {
      levers: {
        repression: { responsiveness: 0.5 },
        ministries: { loyaltyWeight: 0.8 },
        akimats: { loyaltyWeight: 0.8 },
      },
    });
    const seats = withOverrides(base, {
      timeline: [
        { date: yearOf(base, 10), set: { 'ministries.councilSeats': 50, 'akimats.councilSeats': 50 } },
      ],
    });
    const a = run(base, replicates);
    const b = run(seats, replicates);
    return [
      row(
        'consultation score: seats − none',
        mean(b, 'consultation_score') - mean(a, 'consultation_score'),
        0.2,
        INF,
      ),
      row('civic space: seats − none', mean(b, 'civic_space') - mean(a, 'civic_space'), -INF, 0.02),
    ];
  },
  knockouts: [
    {
      label: 'seats go to independent NGOs by merit (no seat loyalty)',
      overrides: { parameters: { consultation: { seatLoyalty: 0 } } },
    },
  ],
};

export const stylizedFacts: readonly Fact[] = [
  density,
  newness,
  stateLink,
  register,
  scaleUp,
  growthWithoutAutonomy,
  twoTier,
  noSuppression,
  crowdOut,
  foreignRestriction,
  tipping,
  consultation,
];
