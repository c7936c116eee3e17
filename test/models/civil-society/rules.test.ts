/**
 * The model's pure rules, one by one, with hand-checked values, the shapes the literature asks for
 * (inverted U, U, monotone effects) and stub random streams where a rule draws numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamFromUniform } from '../../../src/engine/random.ts';
import { logistic } from '../../../src/engine/stats.ts';
import {
  computeIndices,
  csiScore,
  entryGoodness,
  type SectorSnapshot,
} from '../../../src/models/civil-society/indices.ts';
import { createModelState } from '../../../src/models/civil-society/model.ts';
import {
  ACTIVE,
  ADVOCACY,
  DEREGISTERED,
  DORMANT,
  SERVICE,
  STATE_CREATED,
} from '../../../src/models/civil-society/ngos.ts';
import { carryingCapacity } from '../../../src/models/civil-society/rules/census.ts';
import { driftAutonomy, fundraisingSpend } from '../../../src/models/civil-society/rules/finances.ts';
import { closeNgo, deregister } from '../../../src/models/civil-society/statusChanges.ts';
import { MEMBER_TRUST_BONUS } from '../../../src/models/civil-society/citizenState.ts';
import { foreignDonors, foreignTargets } from '../../../src/models/civil-society/rules/foreignDonors.ts';
import { advocacyChance, foundingRate } from '../../../src/models/civil-society/rules/founding.ts';
import { mortalityHazard } from '../../../src/models/civil-society/rules/mortality.ts';
import {
  participationProbability,
  sectorTrustTarget,
  type ParticipationInputs,
} from '../../../src/models/civil-society/rules/participation.ts';
import { sanction, sanctionChance } from '../../../src/models/civil-society/rules/sanctions.ts';
import {
  runTender,
  type TenderEntrant,
  type TenderRules,
} from '../../../src/models/civil-society/rules/tender.ts';
import { Scale } from '../../../src/models/civil-society/scale.ts';
import type { ModelState } from '../../../src/models/civil-society/state.ts';
import { scenarioSchema, type Levers, type Scenario } from '../../../src/models/civil-society/schema.ts';

const scenario: Scenario = scenarioSchema.parse({
  name: 'rules',
  start: '2000-01',
  end: '2004-12',
  population: { citizens: 2000, represents: 200_000, ngoSampling: 0.5 },
});
const params = scenario.parameters;
/** A number in [0, 1]; values under 1e-9 become 0 (subnormals carry too few digits to move any result). */
const unit = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (x < 1e-9 ? 0 : x));

/** The argmax (or argmin) of f on [lo, hi] by a fine grid: finds the peak without trusting the formula. */
function extremum(f: (x: number) => number, lo: number, hi: number, kind: 'max' | 'min'): number {
  let best = lo;
  let bestValue = f(lo);
  for (let k = 1; k <= 20_000; k++) {
    const x = lo + ((hi - lo) * k) / 20_000;
    const v = f(x);
    if (kind === 'max' ? v > bestValue : v < bestValue) {
      best = x;
      bestValue = v;
    }
  }
  return best;
}

// -------------------------------------------------------------------------------------------------
describe('participationProbability', () => {
  const b: ParticipationInputs = {
    intercept: -3.5,
    resources: 1.2,
    engagement: 1.6,
    skills: 0.6,
    trust: 0.8,
    recruitment: 1.2,
    influence: 2.5,
    risk: 2.0,
  };
  // resources, engagement, skills, trust, asked, activeShare, threshold, riskAversion, repression
  type Args = [number, number, number, number, number, number, number, number, number];
  const p = (args: Args) => participationProbability(b, ...args);
  const base: Args = [0.5, 0.3, 0.4, 0.6, 0.5, 0.5, 0.25, 0.5, 0.2];

  it('is the logistic of the hand-computed linear predictor', () => {
    // −3.5 + 1.2·0.5 + 1.6·0.3 + 0.6·0.4 + 0.8·0.6 + 1.2·0.5 + 2.5·(0.5 − 0.25) − 2·0.5·0.2 = −0.675
    expect(p(base)).toBeCloseTo(logistic(-0.675), 14);
    expect(p(base)).toBeCloseTo(0.337378, 6);
    expect(participationProbability(b, 0, 0, 0, 0, 0, 0, 0, 0, 0)).toBeCloseTo(logistic(-3.5), 14);
  });

  it('rises with resources, engagement, skills, trust, being asked and active contacts', () => {
    for (const position of [0, 1, 2, 3, 4, 5]) {
      const more = [...base] as Args;
      more[position] += 0.1;
      expect(p(more), `input ${position}`).toBeGreaterThan(p(base));
    }
  });

  it('falls with the threshold and with risk aversion × repression', () => {
    const higherThreshold = [...base] as Args;
    higherThreshold[6] += 0.1;
    expect(p(higherThreshold)).toBeLessThan(p(base));
    const riskier = [...base] as Args;
    riskier[7] += 0.2;
    expect(p(riskier)).toBeLessThan(p(base));
    const repressive = [...base] as Args;
    repressive[8] += 0.2;
    expect(p(repressive)).toBeLessThan(p(base));
    // repression only bites through risk aversion: none without it
    const fearless = [...base] as Args;
    fearless[7] = 0;
    const fearlessRepressed = [...fearless] as Args;
    fearlessRepressed[8] = 1;
    expect(p(fearlessRepressed)).toBe(p(fearless));
  });

  it('is monotone in every input over the whole unit cube, and a probability', () => {
    const signs = [1, 1, 1, 1, 1, 1, -1, -1, -1];
    fc.assert(
      fc.property(
        fc.tuple(unit, unit, unit, unit, unit, unit, unit, unit, unit),
        fc.integer({ min: 0, max: 8 }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (args, position, step) => {
          const before = p(args as Args);
          const after = [...args] as Args;
          after[position] += step;
          expect(before).toBeGreaterThan(0);
          expect(before).toBeLessThan(1);
          // risk aversion and repression act only through their product: each needs the other
          const partner = position === 7 ? args[8] : position === 8 ? args[7] : 1;
          if (partner > 0) expect(signs[position] * (p(after) - before)).toBeGreaterThan(0);
          else expect(p(after)).toBe(before);
        },
      ),
    );
  });
});

describe('sectorTrustTarget', () => {
  const fake = (over: {
    visibility?: number;
    foreign?: number;
    stigma?: number;
    forum?: number;
    repression?: number;
  }) =>
    ({
      sector: {
        serviceVisibility: over.visibility ?? 0.3,
        foreignFundedShare: over.foreign ?? 0,
        forumBoost: over.forum ?? 0,
      },
      levers: { foreign: { stigma: over.stigma ?? 0 }, repression: { level: over.repression ?? 0 } },
      scenario: { initial: { trust: 0.4 } },
    }) as unknown as ModelState;

  it('starts from the initial trust and moves with visibility, stigma, forums and repression', () => {
    expect(sectorTrustTarget(fake({}))).toBeCloseTo(0.4, 14);
    // 0.4 + 0.3·(0.8 − 0.3) − 0.4·(0.5·0.6) + 0.1 − 0.1·0.5 = 0.48
    expect(
      sectorTrustTarget(fake({ visibility: 0.8, stigma: 0.5, foreign: 0.6, forum: 0.1, repression: 0.5 })),
    ).toBeCloseTo(0.48, 14);
  });

  it("stays within [0, 1 − member bonus], so members' trust stays within [0, 1]", () => {
    expect(sectorTrustTarget(fake({ forum: 5 }))).toBeCloseTo(1 - MEMBER_TRUST_BONUS, 14);
    // 0.4 + 0.3·(0 − 0.3) − 0.4 − 0.1 = −0.19: clamped
    expect(sectorTrustTarget(fake({ visibility: 0, stigma: 1, foreign: 1, repression: 1 }))).toBe(0);
    // just inside the bounds nothing is clamped: 0.4 + 0.3·(1 − 0.3) + 0.289 = 0.899
    expect(sectorTrustTarget(fake({ visibility: 1, forum: 0.289 }))).toBeCloseTo(0.899, 12);
  });
});

// -------------------------------------------------------------------------------------------------
describe('foundingRate', () => {
  const f = params.founding;
  const rate = (n: number, cost = 0, repression = 0, volunteering = 0, centres = 0) =>
    foundingRate(f, n, volunteering, cost, centres, repression);

  it('is the base rate at zero density with no costs', () => {
    expect(rate(0)).toBeCloseTo(f.baseRate, 14);
  });

  it('matches a hand-computed value', () => {
    // 0.15 · exp(6·1 − 6·1 + 4·0.2 − 100/400 − 1.5·0.1) · (1 + 0.05·2) = 0.15 · e^0.4 · 1.1
    expect(rate(1, 100, 0.1, 0.2, 2)).toBeCloseTo(0.15 * Math.exp(0.4) * 1.1, 12);
  });

  it('is an inverted U in relative density, peaking at −θ1 / 2θ2', () => {
    const peak = -f.legitimation / (2 * f.competition);
    expect(peak).toBeCloseTo(0.5, 14);
    expect(extremum((n) => rate(n), 0, 3, 'max')).toBeCloseTo(peak, 3);
    expect(rate(peak)).toBeGreaterThan(rate(0));
    expect(rate(peak)).toBeGreaterThan(rate(1.5));
    // rising below the peak, falling above it
    for (let n = 0; n < peak - 0.01; n += 0.05) expect(rate(n + 0.01)).toBeGreaterThan(rate(n));
    for (let n = peak + 0.01; n < 3; n += 0.05) expect(rate(n + 0.01)).toBeLessThan(rate(n));
    // another shape: θ1 = 2, θ2 = −0.5 peaks at 2
    const other = { ...f, legitimation: 2, competition: -0.5 };
    expect(extremum((n) => foundingRate(other, n, 0, 0, 0, 0), 0, 5, 'max')).toBeCloseTo(2, 3);
  });

  it('falls with registration cost and with repression; rises with volunteering and resource centres', () => {
    expect(rate(0.5, 200)).toBeLessThan(rate(0.5, 100));
    expect(rate(0.5, 100) / rate(0.5, 500)).toBeCloseTo(Math.exp(400 / f.registrationCostScale), 10);
    expect(rate(0.5, 0, 0.6)).toBeLessThan(rate(0.5, 0, 0.3));
    expect(rate(0.5, 0, 0, 0.3)).toBeGreaterThan(rate(0.5, 0, 0, 0.1));
    expect(rate(0.5, 0, 0, 0, 4)).toBeGreaterThan(rate(0.5, 0, 0, 0, 1));
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        unit,
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (n, cost, extraCost, repression, extraRepression) => {
          expect(rate(n, cost + extraCost, repression)).toBeLessThan(rate(n, cost, repression));
          expect(rate(n, cost, repression + extraRepression)).toBeLessThan(rate(n, cost, repression));
          expect(rate(n, cost, repression)).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('advocacyChance', () => {
  it('matches hand-computed values and is a probability', () => {
    expect(advocacyChance(0.5, 0.5, 0.5, 0)).toBeCloseTo(0.5, 14);
    // 0.5 · 2 · 0.8 · 1.0 · 0.75 = 0.6
    expect(advocacyChance(0.5, 0.2, 0.5, 0.5)).toBeCloseTo(0.6, 14);
    expect(advocacyChance(1, 0, 1, 0)).toBe(1);
    expect(advocacyChance(0.5, 1, 1, 0)).toBe(0);
  });

  it('rises with grievance (low legitimacy) and donors’ appetite, falls with repression', () => {
    expect(advocacyChance(0.3, 0.2, 0.5, 0.2)).toBeGreaterThan(advocacyChance(0.3, 0.6, 0.5, 0.2));
    expect(advocacyChance(0.3, 0.5, 0.8, 0.2)).toBeGreaterThan(advocacyChance(0.3, 0.5, 0.2, 0.2));
    expect(advocacyChance(0.3, 0.5, 0.5, 0.8)).toBeLessThan(advocacyChance(0.3, 0.5, 0.5, 0.2));
  });
});

// -------------------------------------------------------------------------------------------------
describe('mortalityHazard', () => {
  const m = params.mortality;
  const hazard = (n: number, age = 20, linked = false, size = 0, donations = 0, atFounding = 0) =>
    mortalityHazard(m, n, atFounding, size, age, linked, donations);

  it('matches hand-computed values', () => {
    // age 0, no density, no size, unlinked: 0.1 · (1 + 2)
    expect(hazard(0, 0)).toBeCloseTo(0.3, 14);
    // linked at age 0: 0.1 · (1 + 2·(1 − 0.6)) · (1 − 0.4)
    expect(hazard(0, 0, true)).toBeCloseTo(0.1 * 1.8 * 0.6, 14);
    // all donation-funded: × (1 − 0.3)
    expect(hazard(0, 0, false, 0, 1)).toBeCloseTo(0.3 * 0.7, 14);
    // density 1, founded at density 0.5, 9 members, age 5
    const expected =
      0.1 * Math.exp(-1.2 + 1 + 0.5 * 0.5 - 0.15 * Math.log(10)) * (1 + 2 * Math.exp(-0.4 * 5));
    expect(mortalityHazard(m, 1, 0.5, 9, 5, false, 0)).toBeCloseTo(expected, 14);
  });

  it('is U-shaped in relative density with its minimum at −γ1 / 2γ2', () => {
    const bottom = -m.densityLinear / (2 * m.densityQuadratic);
    expect(bottom).toBeCloseTo(0.6, 14);
    expect(extremum((n) => hazard(n), 0, 3, 'min')).toBeCloseTo(bottom, 3);
    expect(hazard(0)).toBeGreaterThan(hazard(bottom));
    expect(hazard(2)).toBeGreaterThan(hazard(bottom));
  });

  it('liability of newness: age 0 is riskier than age 10, falling with age', () => {
    expect(hazard(0.5, 0)).toBeGreaterThan(hazard(0.5, 10));
    for (let age = 0; age < 20; age++) expect(hazard(0.5, age + 1)).toBeLessThan(hazard(0.5, age));
  });

  it('a state link lowers the hazard at every age and flattens the age effect', () => {
    for (const age of [0, 1, 3, 10, 30]) expect(hazard(0.5, age, true)).toBeLessThan(hazard(0.5, age, false));
    const ratio = (linked: boolean) => hazard(0.5, 0, linked) / hazard(0.5, 10, linked);
    expect(ratio(true)).toBeLessThan(ratio(false));
    expect(ratio(true)).toBeGreaterThan(1); // flattened, not reversed
  });

  it('larger NGOs, donation-funded ones and those born in leaner times close less often', () => {
    expect(hazard(0.5, 5, false, 100)).toBeLessThan(hazard(0.5, 5, false, 10));
    expect(hazard(0.5, 5, false, 10)).toBeLessThan(hazard(0.5, 5, false, 0));
    expect(hazard(0.5, 5, false, 0, 0.8)).toBeLessThan(hazard(0.5, 5, false, 0, 0.2));
    expect(hazard(0.5, 5, false, 0, 0, 0.2)).toBeLessThan(hazard(0.5, 5, false, 0, 0, 1.2));
  });

  it('is positive for any valid inputs', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.boolean(),
        unit,
        (n, atFounding, size, age, linked, donations) => {
          const h = mortalityHazard(m, n, atFounding, size, age, linked, donations);
          expect(Number.isFinite(h)).toBe(true);
          expect(h).toBeGreaterThan(0);
        },
      ),
    );
  });
});

// -------------------------------------------------------------------------------------------------
describe('driftAutonomy', () => {
  const d = params.drift;
  // autonomy, base, stateShare, loyalty, revenueHhi, seatLoyalty
  const drift = (a: number, base: number, share: number, loyalty: number, hhi = 1, seat = 0) =>
    driftAutonomy(a, base, share, loyalty, hhi, seat, d);

  it('matches a hand-computed month', () => {
    // pressure 0.5; drift = 0.4/12 · 0.5 · (1 − 0.5·0) = 1/60
    // 0.8 + 0.05/12 · 0.1 · 0.5 − 0.8/60 = 0.786875
    expect(drift(0.8, 0.9, 0.5, 1)).toBeCloseTo(0.786875, 12);
  });

  it('no drift without loyalty-weighted money: merit money or no state money leaves autonomy at its base', () => {
    expect(drift(0.9, 0.9, 1, 0)).toBe(0.9); // all state money, merit-based
    expect(drift(0.9, 0.9, 0, 1)).toBe(0.9); // loyal funder, but no state money
    expect(drift(0.9, 0.9, 0, 0)).toBe(0.9);
    // below the base it recovers
    expect(drift(0.5, 0.9, 0.5, 0)).toBeGreaterThan(0.5);
  });

  it('more drift with a higher loyalty weight and a larger state share', () => {
    expect(drift(0.8, 0.9, 0.5, 0.8)).toBeLessThan(drift(0.8, 0.9, 0.5, 0.4));
    expect(drift(0.8, 0.9, 0.8, 0.5)).toBeLessThan(drift(0.8, 0.9, 0.3, 0.5));
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        unit,
        unit,
        unit,
        unit,
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (a, towardOne, share, loyalty, hhi, step) => {
          const base = a + (1 - a) * towardOne; // at or above the current autonomy
          const now = drift(a, base, share, loyalty, hhi);
          const moreShare = drift(a, base, Math.min(1, share + step), loyalty, hhi);
          const moreLoyalty = drift(a, base, share, Math.min(1, loyalty + step), hhi);
          expect(moreShare).toBeLessThanOrEqual(now);
          expect(moreLoyalty).toBeLessThanOrEqual(now);
          // strictly less wherever the change is big enough to show in floating point
          if (loyalty > 1e-3 && share < 1 - 1e-3) expect(moreShare).toBeLessThan(now);
          if (share > 1e-3 && loyalty < 1 - 1e-3) expect(moreLoyalty).toBeLessThan(now);
        },
      ),
    );
  });

  it('revenue diversity protects: a lower revenue HHI means less drift', () => {
    expect(drift(0.8, 0.9, 0.6, 1, 0.3)).toBeGreaterThan(drift(0.8, 0.9, 0.6, 1, 1));
    // with no protection parameter, diversity does not matter
    const none = { ...d, diversityProtection: 0 };
    expect(driftAutonomy(0.8, 0.9, 0.6, 1, 0.3, 0, none)).toBe(driftAutonomy(0.8, 0.9, 0.6, 1, 1, 0, none));
  });

  it('a loyalty-allocated council seat co-opts', () => {
    expect(drift(0.8, 0.8, 0, 0, 1, 1)).toBeCloseTo(0.8 - (0.1 / 12) * 0.8, 12);
    expect(drift(0.8, 0.8, 0, 0, 1, 0.5)).toBeGreaterThan(drift(0.8, 0.8, 0, 0, 1, 1));
  });

  it('stays within [0, 1] even with extreme rates', () => {
    fc.assert(
      fc.property(
        unit,
        unit,
        unit,
        unit,
        unit,
        unit,
        fc.record({
          rate: fc.double({ min: 0, max: 100, noNaN: true }),
          recovery: fc.double({ min: 0, max: 100, noNaN: true }),
          diversityProtection: unit,
          councilCooptation: fc.double({ min: 0, max: 100, noNaN: true }),
        }),
        (a, base, share, loyalty, hhi, seat, rates) => {
          const next = driftAutonomy(a, base, share, loyalty, hhi, seat, rates);
          expect(next).toBeGreaterThanOrEqual(0);
          expect(next).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('fundraisingSpend', () => {
  it('is a share of own revenue plus a floor, cut by κ per unit of state money', () => {
    expect(fundraisingSpend(10_000, 0, 0.2, 300, 0.14)).toBeCloseTo(2300, 10);
    expect(fundraisingSpend(10_000, 5000, 0.2, 300, 0.14)).toBeCloseTo(1600, 10);
    // each extra 1,000 of state money cuts κ · 1,000 = 140
    expect(
      fundraisingSpend(10_000, 1000, 0.2, 300, 0.14) - fundraisingSpend(10_000, 2000, 0.2, 300, 0.14),
    ).toBeCloseTo(140, 10);
    // no crowd-out with κ = 0
    expect(fundraisingSpend(10_000, 1e9, 0.2, 300, 0)).toBeCloseTo(2300, 10);
  });

  it('is never negative', () => {
    expect(fundraisingSpend(1000, 1e6, 0.2, 300, 0.14)).toBe(0);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        unit,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (own, state, share, floor, kappa) => {
          const f = fundraisingSpend(own, state, share, floor, kappa);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThanOrEqual(share * own + floor + 1e-9);
        },
      ),
    );
  });
});

// -------------------------------------------------------------------------------------------------
describe('sanctionChance', () => {
  it('is 0 for state-created NGOs, whatever the repression', () => {
    expect(sanctionChance(STATE_CREATED, 1, 0, 1, 1)).toBe(0);
    expect(sanctionChance(STATE_CREATED, 0.5, 0.5, 0.5, 0.5)).toBe(0);
  });

  it('matches hand-computed values', () => {
    // advocacy: 0.5 · 1 · 0.8 + 0.1 · 0.4 · (1 − 0.5) = 0.42; service: 0.5 · 0.2 · 0.8 + 0.02 = 0.1
    expect(sanctionChance(ADVOCACY, 0.8, 0.5, 0.5, 0.4)).toBeCloseTo(0.42, 14);
    expect(sanctionChance(SERVICE, 0.8, 0.5, 0.5, 0.4)).toBeCloseTo(0.1, 14);
    expect(sanctionChance(ADVOCACY, 1, 0, 1, 1)).toBe(1);
  });

  it('is higher for advocacy than for service work, and grows with repression and autonomy', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        unit,
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        unit,
        (autonomy, capacity, repression, burden) => {
          const adv = sanctionChance(ADVOCACY, autonomy, capacity, repression, burden);
          fc.pre(adv < 1);
          expect(adv).toBeGreaterThan(sanctionChance(SERVICE, autonomy, capacity, repression, burden));
          expect(sanctionChance(ADVOCACY, autonomy, capacity, repression + 0.1, burden)).toBeGreaterThan(adv);
          expect(sanctionChance(SERVICE, autonomy, capacity, repression + 0.1, burden)).toBeGreaterThan(
            sanctionChance(SERVICE, autonomy, capacity, repression, burden),
          );
          expect(adv).toBeGreaterThanOrEqual(0);
        },
      ),
    );
    expect(sanctionChance(ADVOCACY, 0.9, 0.5, 0.3, 0)).toBeGreaterThan(
      sanctionChance(ADVOCACY, 0.2, 0.5, 0.3, 0),
    );
  });
});

describe('sanction, deregister and closeNgo', () => {
  const fresh = () => {
    const state = createModelState(
      scenarioSchema.parse({ ...scenario, initial: { ...scenario.initial, ngos: 20, activeShare: 1 } }),
      0,
    );
    const c = state.ngos.cols;
    c.type[0] = ADVOCACY;
    c.status[0] = ACTIVE;
    c.reserves[0] = 1000;
    c.chill[0] = 0.7;
    c.contractSocialOrder[0] = 50;
    c.contractForeign[0] = 20;
    c.staff[0] = 2;
    c.seat[0] = 1;
    state.sector.closures = 0;
    state.sector.dissolutions = 0;
    state.sector.sanctions = 0;
    return state;
  };

  it('a sanction with u below the closure chance deregisters the NGO', () => {
    const state = fresh();
    sanction(state, 0, 7, params.mortality.sanctionClosure - 0.01);
    const c = state.ngos.cols;
    expect(c.status[0]).toBe(DEREGISTERED);
    expect(c.deregisteredAt[0]).toBe(7);
    expect(c.closedAt[0]).toBe(7);
    expect(c.sanctions[0]).toBe(1);
    expect([c.staff[0], c.seat[0], c.contractSocialOrder[0], c.contractForeign[0]]).toEqual([0, 0, 0, 0]);
    expect(state.sector).toMatchObject({ sanctions: 1, closures: 1, dissolutions: 1 });
  });

  it('otherwise it halves reserves and chills advocacy (capped at 1), leaving the NGO active', () => {
    const state = fresh();
    sanction(state, 0, 7, params.mortality.sanctionClosure);
    const c = state.ngos.cols;
    expect(c.status[0]).toBe(ACTIVE);
    expect(c.reserves[0]).toBe(500);
    expect(c.chill[0]).toBe(1);
    expect(state.sector).toMatchObject({ sanctions: 1, closures: 0, dissolutions: 0 });
  });

  it('deregistering a dormant NGO is a dissolution but not a closure', () => {
    const state = fresh();
    closeNgo(state, 0, 3);
    const c = state.ngos.cols;
    expect(c.status[0]).toBe(DORMANT);
    expect(c.closedAt[0]).toBe(3);
    expect([c.staff[0], c.seat[0], c.contractSocialOrder[0], c.contractForeign[0]]).toEqual([0, 0, 0, 0]);
    expect(state.sector).toMatchObject({ closures: 1, dissolutions: 0 });
    deregister(state, 0, 9);
    expect(c.status[0]).toBe(DEREGISTERED);
    expect(c.closedAt[0]).toBe(3); // stopped working at closure, not at deregistration
    expect(c.deregisteredAt[0]).toBe(9);
    expect(state.sector).toMatchObject({ closures: 1, dissolutions: 1 });
  });
});

// -------------------------------------------------------------------------------------------------
describe('runTender', () => {
  const entrant = (index: number, merit: number, loyalty: number, size = 1): TenderEntrant => ({
    index,
    merit,
    loyalty,
    size,
    score: 0,
  });
  const field = () => [
    entrant(0, 0.2, 0.9),
    entrant(1, 0.9, 0.1),
    entrant(2, 0.5, 0.5),
    entrant(3, 0.4, 0.95),
  ];
  /** One winner takes the pot: maxShare 1 and a typical award the size of the pot. */
  const single = (loyaltyWeight: number): TenderRules => ({
    pot: 1000,
    loyaltyWeight,
    maxShare: 1,
    typicalAward: 1000,
    noise: 0,
  });
  const collect = () => {
    const awards: [number, number][] = [];
    return { awards, award: (i: number, amount: number) => awards.push([i, amount]) };
  };
  const stub = () => streamFromUniform(() => 0.5);

  it('merit only (w = 0) gives the pot to the highest merit', () => {
    const { awards, award } = collect();
    expect(runTender(field(), single(0), stub(), award)).toBe(1000);
    expect(awards).toEqual([[1, 1000]]);
  });

  it('loyalty only (w = 1) gives the pot to the most loyal', () => {
    const { awards, award } = collect();
    runTender(field(), single(1), stub(), award);
    expect(awards).toEqual([[3, 1000]]);
  });

  it('w = 0.5 ranks by the average of merit and loyalty; ties go to the lower index', () => {
    const { awards, award } = collect();
    // scores: 0.55, 0.5, 0.5, 0.675
    runTender(field(), single(0.5), stub(), award);
    expect(awards).toEqual([[3, 1000]]);
    const tie = collect();
    runTender([entrant(5, 0.5, 0), entrant(2, 0.5, 0)], single(0), stub(), tie.award);
    expect(tie.awards).toEqual([[2, 1000]]);
  });

  it('the judges’ noise comes from the stream and can overturn merit', () => {
    // u1 = e^−½ gives r = 1, u2 = ½ gives angle π: the first entrant gets −1, the second sin π ≈ 0
    const rng = streamFromUniform(
      (() => {
        const values = [Math.exp(-0.5), 0.5];
        let k = 0;
        return () => values[k++];
      })(),
    );
    const { awards, award } = collect();
    runTender([entrant(0, 0.6, 0), entrant(1, 0.5, 0)], { ...single(0), noise: 1 }, rng, award);
    expect(awards).toEqual([[1, 1000]]);
  });

  it('awards shares of the pot by size among enough winners, each capped at maxShare · pot', () => {
    const { awards, award } = collect();
    const entrants = [entrant(0, 0.9, 0, 1), entrant(1, 0.8, 0, 3), entrant(2, 0.1, 0, 1)];
    // pot 1000, typical award 500: two winners sharing by size 1:3, the cap 0.6·1000 binds the second
    const spent = runTender(
      entrants,
      { pot: 1000, loyaltyWeight: 0, maxShare: 0.6, typicalAward: 500, noise: 0 },
      stub(),
      award,
    );
    expect(awards).toEqual([
      [0, 250],
      [1, 600],
    ]);
    expect(spent).toBe(850);
  });

  it('with few entrants the cap leaves money unspent', () => {
    const { awards, award } = collect();
    const spent = runTender(
      [entrant(0, 0.5, 0), entrant(1, 0.4, 0)],
      { pot: 10_000, loyaltyWeight: 0, maxShare: 0.1, typicalAward: 1000, noise: 0 },
      stub(),
      award,
    );
    expect(awards).toEqual([
      [0, 1000],
      [1, 1000],
    ]);
    expect(spent).toBe(2000);
  });

  it('awards nothing for an empty pot, no entrants or entrants of no size', () => {
    const { awards, award } = collect();
    expect(runTender(field(), { ...single(0), pot: 0 }, stub(), award)).toBe(0);
    expect(runTender([], single(0), stub(), award)).toBe(0);
    expect(runTender([entrant(0, 1, 1, 0)], single(0), stub(), award)).toBe(0);
    expect(awards).toEqual([]);
  });

  it('for any field: awards ≤ maxShare · pot, total ≤ pot, each winner once, the total returned', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ merit: unit, loyalty: unit, size: fc.double({ min: 0, max: 5, noNaN: true }) }),
          {
            maxLength: 40,
          },
        ),
        fc.record({
          pot: fc.double({ min: 0, max: 1e7, noNaN: true }),
          loyaltyWeight: unit,
          maxShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
          typicalAward: fc.double({ min: 1, max: 1e6, noNaN: true }),
          noise: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (rows, rules, seed) => {
          const entrants = rows.map((r, i) => entrant(i, r.merit, r.loyalty, r.size));
          let state = seed;
          const rng = streamFromUniform(() => {
            state = (state * 48271) % 2147483647; // a tiny Lehmer generator as the stub
            return state / 2147483647;
          });
          const { awards, award } = collect();
          const spent = runTender(entrants, rules, rng, award);
          const total = awards.reduce((s, [, a]) => s + a, 0);
          expect(spent).toBeCloseTo(total, 6);
          // relative slack for rounding, plus an absolute one: subnormal pots round by more than 1e-12
          expect(total).toBeLessThanOrEqual(rules.pot * (1 + 1e-12) + 1e-300);
          for (const [, amount] of awards) {
            expect(amount).toBeGreaterThan(0);
            expect(amount).toBeLessThanOrEqual(rules.maxShare * rules.pot);
          }
          const winners = awards.map(([i]) => i);
          expect(new Set(winners).size).toBe(winners.length);
          expect(winners.every((i) => i >= 0 && i < rows.length)).toBe(true);
          if (rules.pot === 0 || rows.length === 0) expect(awards).toEqual([]);
        },
      ),
    );
  });
});

// -------------------------------------------------------------------------------------------------
describe('carryingCapacity', () => {
  it('adds volunteer capacity and money per 10,000 citizens over a viable budget', () => {
    // 20 · 0.2 + (1e6 / 1e6 · 1e4) / 5000 = 4 + 2
    expect(carryingCapacity(0.2, 1e6, 1e6, 20, 5000)).toBeCloseTo(6, 12);
    expect(carryingCapacity(0, 5e6, 2e6, 20, 5000)).toBeCloseTo(5, 12);
    expect(carryingCapacity(0.5, 0, 1e6, 20, 5000)).toBeCloseTo(10, 12);
  });

  it('never falls below 0.05 (so relative density stays finite)', () => {
    expect(carryingCapacity(0, 0, 1e6, 20, 5000)).toBe(0.05);
    expect(carryingCapacity(0.001, 0, 1e6, 1, 5000)).toBe(0.05);
  });

  it('grows with volunteering and money', () => {
    expect(carryingCapacity(0.3, 1e6, 1e6, 20, 5000)).toBeGreaterThan(
      carryingCapacity(0.2, 1e6, 1e6, 20, 5000),
    );
    expect(carryingCapacity(0.2, 2e6, 1e6, 20, 5000)).toBeGreaterThan(
      carryingCapacity(0.2, 1e6, 1e6, 20, 5000),
    );
    expect(carryingCapacity(0.2, 1e6, 2e6, 20, 5000)).toBeLessThan(carryingCapacity(0.2, 1e6, 1e6, 20, 5000));
  });
});

describe('foreignDonors: budget adjustment', () => {
  /** Foreign budget after each month when the donors' budget doubles in month 1. */
  const path = (responseMonths: number) => {
    const state = createModelState(
      scenarioSchema.parse({
        ...scenario,
        levers: { ...scenario.levers, foreign: { ...scenario.levers.foreign, budget: 1e6 } },
        parameters: { ...params, foreign: { ...params.foreign, responseMonths } },
      }),
      0,
    );
    const seen: number[] = [];
    for (let tick = 0; tick < 24; tick++) {
      if (tick === 1) state.levers.foreign.budget = 2e6;
      foreignDonors(state, { tick, clock: state.calendar, actions: [] });
      seen.push(state.sector.foreignBudget);
    }
    return seen;
  };

  it('moves toward the new target by 1/responseMonths of the gap each month', () => {
    const seen = path(4);
    expect(seen[0]).toBe(1e6);
    expect(seen[1]).toBeCloseTo(1.25e6, 6);
    expect(seen[2]).toBeCloseTo(1.4375e6, 6);
  });

  it('never overshoots, even when donors respond within a month (responseMonths < 1)', () => {
    for (const months of [0.3, 0.5, 1, 2, 12]) {
      const seen = path(months);
      for (const b of seen) {
        expect(b, `responseMonths ${months}`).toBeGreaterThanOrEqual(1e6);
        expect(b, `responseMonths ${months}`).toBeLessThanOrEqual(2e6);
      }
      if (months <= 1) expect(seen[1]).toBe(2e6);
    }
  });
});

describe('foreignTargets', () => {
  const targets = (regime: Levers['foreign']['regime']) =>
    foreignTargets({
      levers: {
        ...scenario.levers,
        foreign: { ...scenario.levers.foreign, budget: 1e6, advocacyPriority: 0.6, regime },
      },
      params,
    } as unknown as ModelState);

  it('cuts inflow and shifts priority away from advocacy as the rules tighten', () => {
    expect(targets('none')).toEqual({ budget: 1e6, advocacy: 0.6 });
    expect(targets('approval').budget).toBeCloseTo(0.68e6, 6);
    expect(targets('approval').advocacy).toBeCloseTo(0.3, 12);
    const order = (['none', 'disclosure', 'approval', 'prohibition'] as const).map(targets);
    for (let k = 1; k < order.length; k++) {
      expect(order[k].budget).toBeLessThan(order[k - 1].budget);
      expect(order[k].advocacy).toBeLessThan(order[k - 1].advocacy);
    }
  });
});

// -------------------------------------------------------------------------------------------------
describe('csiScore, entryGoodness and computeIndices', () => {
  it('csiScore maps goodness 1 → 1 (best) and 0 → 7, linearly, clamped', () => {
    expect(csiScore(1)).toBe(1);
    expect(csiScore(0)).toBe(7);
    expect(csiScore(0.5)).toBe(4);
    expect(csiScore(2)).toBe(1);
    expect(csiScore(-1)).toBe(7);
  });

  it('entryGoodness matches a hand-computed value and worsens with every barrier', () => {
    const levers = scenario.levers;
    // e^(−100/400) · (1 − 0.05) · 1 · 1
    expect(entryGoodness(levers, 400)).toBeCloseTo(Math.exp(-0.25) * 0.95, 14);
    const worse = (over: Partial<Levers>) => entryGoodness({ ...levers, ...over }, 400);
    expect(worse({ registration: { cost: 300, rejectionRate: 0.05 } })).toBeLessThan(
      entryGoodness(levers, 400),
    );
    expect(worse({ registration: { cost: 100, rejectionRate: 0.5 } })).toBeLessThan(
      entryGoodness(levers, 400),
    );
    expect(worse({ reporting: { burden: 0.5, auditRate: 0.01 } })).toBeLessThan(entryGoodness(levers, 400));
    expect(worse({ foreign: { ...levers.foreign, regime: 'approval' } })).toBeLessThan(
      entryGoodness(levers, 400),
    );
  });

  const snapshot = (over: Partial<SectorSnapshot> = {}, repression = 0.1): SectorSnapshot => ({
    levers: { ...scenario.levers, repression: { level: repression } },
    registrationCostScale: 400,
    density: 5,
    referenceDensity: 10,
    meanCapacity: 0.5,
    meanRevenueHhi: 0.5,
    meanReserveMonths: 3,
    advocacyPer10k: 0.5,
    servicePer10k: 2,
    umbrellaShare: 0.2,
    trust: 0.5,
    volunteering: 0.2,
    referenceParticipation: 0.4,
    autonomyIndependent: 0.8,
    sanctionRate: 0,
    ...over,
  });

  it('computes hand-checked dimensions', () => {
    const ix = computeIndices(snapshot());
    const entry = Math.exp(-0.25) * 0.95;
    expect(ix.legal).toBeCloseTo(7 - 6 * entry * 0.9, 12);
    expect(ix.capacity).toBeCloseTo(7 - 6 * 0.5 * Math.sqrt(0.5), 12);
    expect(ix.financial).toBeCloseTo(7 - 6 * (0.7 * 0.625 + 0.3 * 0.5), 12);
    expect(ix.image).toBeCloseTo(4, 12);
    expect(ix.overall).toBeCloseTo(
      (ix.legal + ix.capacity + ix.financial + ix.advocacy + ix.service + ix.infrastructure + ix.image) / 7,
      12,
    );
    expect(ix.civicSpace).toBeCloseTo((entry + 0.9 + 0.5 * 0.8) / 3, 12);
  });

  it('scores lie in [1, 7] and civic space in [0, 1] for any sector', () => {
    fc.assert(
      fc.property(
        fc.record({
          density: fc.double({ min: 0, max: 1000, noNaN: true }),
          meanCapacity: fc.double({ min: 0, max: 2, noNaN: true }),
          meanRevenueHhi: unit,
          meanReserveMonths: fc.double({ min: 0, max: 1e4, noNaN: true }),
          advocacyPer10k: fc.double({ min: 0, max: 1e3, noNaN: true }),
          servicePer10k: fc.double({ min: 0, max: 1e3, noNaN: true }),
          umbrellaShare: unit,
          trust: unit,
          volunteering: unit,
          autonomyIndependent: unit,
          sanctionRate: fc.double({ min: 0, max: 10, noNaN: true }),
        }),
        unit,
        (over, repression) => {
          const ix = computeIndices(snapshot(over, repression));
          for (const key of [
            'legal',
            'capacity',
            'financial',
            'advocacy',
            'service',
            'infrastructure',
            'image',
            'overall',
          ] as const) {
            expect(ix[key], key).toBeGreaterThanOrEqual(1);
            expect(ix[key], key).toBeLessThanOrEqual(7);
          }
          expect(ix.civicSpace).toBeGreaterThanOrEqual(0);
          expect(ix.civicSpace).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('more repression (or more sanctions) worsens the legal score and shrinks civic space', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.8, noNaN: true }),
        fc.double({ min: 0.05, max: 0.2, noNaN: true }),
        (level, step) => {
          const low = computeIndices(snapshot({}, level));
          const high = computeIndices(snapshot({}, level + step));
          expect(high.legal).toBeGreaterThan(low.legal);
          expect(high.civicSpace).toBeLessThan(low.civicSpace);
        },
      ),
    );
    const calm = computeIndices(snapshot({ sanctionRate: 0 }));
    const sanctioned = computeIndices(snapshot({ sanctionRate: 0.1 }));
    expect(sanctioned.legal).toBeGreaterThan(calm.legal);
    expect(sanctioned.civicSpace).toBeLessThan(calm.civicSpace);
  });
});

// -------------------------------------------------------------------------------------------------
describe('Scale', () => {
  const scale = new Scale(
    scenarioSchema.parse({
      name: 'scale',
      start: '2000-01',
      end: '2004-12',
      population: { citizens: 2000, represents: 200_000, ngoSampling: 0.5, growthRate: 0.02 },
    }),
  );

  it('converts simulated NGO counts to real ones and back', () => {
    expect(scale.realNgos(10)).toBe(20);
    expect(scale.simulatedNgos(20)).toBe(10);
    expect(scale.simulatedNgos(scale.realNgos(7))).toBeCloseTo(7, 12);
  });

  it('grows the real population continuously at the growth rate', () => {
    expect(scale.realPopulation(0)).toBe(200_000);
    expect(scale.realPopulation(12)).toBeCloseTo(200_000 * Math.exp(0.02), 8);
    expect(scale.citizenWeight(0)).toBe(100);
    expect(scale.citizenWeight(24)).toBeCloseTo(100 * Math.exp(0.04), 10);
  });

  it('per 10,000: 10 simulated NGOs = 20 real among 200,000 people = 1 per 10,000', () => {
    expect(scale.per10k(10, 0)).toBeCloseTo(1, 12);
    expect(scale.per10k(10, 12)).toBeCloseTo(Math.exp(-0.02), 12);
  });

  it('money: real money per year reaches the sampled NGOs monthly, and scales back to the real total', () => {
    expect(scale.monthlySimMoney(1.2e6)).toBeCloseTo(50_000, 8);
    // a year of monthly simulated money, counted as real money, is the real yearly amount
    expect(scale.realNgos(12 * scale.monthlySimMoney(1.2e6))).toBeCloseTo(1.2e6, 6);
  });

  it('a simulated member stands for citizenWeight × ngoSampling real members', () => {
    expect(scale.realMembers(3, 0)).toBe(150);
    // the real members of all simulated NGOs, scaled to the country, are the real members of a citizen sample
    expect(scale.realNgos(scale.realMembers(3, 0))).toBe(3 * scale.citizenWeight(0));
  });
});
