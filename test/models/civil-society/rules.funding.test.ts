/**
 * Funding rounds (rules/tender.ts, stateFunding.ts, corporateGiving.ts, foreignDonors.ts): the tender
 * that ranks bids by merit and loyalty with the judges' noise from the stream and funds them in order
 * until the pot runs out; the state's social order (thematic and open), grants, re-granting through
 * umbrella bodies and council seats; companies' giving and its tax price; foreign donors' response to
 * the rules and their grant rounds.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVE, ADVOCACY, DORMANT, SERVICE, STATE_CREATED } from '../../../src/models/civil-society/ngos.ts';
import {
  corporateGiving,
  corporatePhilanthropy,
} from '../../../src/models/civil-society/rules/corporateGiving.ts';
import { foreignDonors, foreignTargets } from '../../../src/models/civil-society/rules/foreignDonors.ts';
import {
  allocationLoyalty,
  isFundingRound,
  stateFunding,
} from '../../../src/models/civil-society/rules/stateFunding.ts';
import {
  projectRequest,
  runTender,
  type TenderEntrant,
  type TenderRules,
} from '../../../src/models/civil-society/rules/tender.ts';
import type { Levers } from '../../../src/models/civil-society/schema.ts';
import type { ModelState } from '../../../src/models/civil-society/state.ts';
import {
  addGroup,
  between,
  constantStream,
  levers,
  params,
  queueStream,
  seeded,
  seededStream,
  stateOf,
  tickOf,
  useStreams,
} from './ruleHelpers.ts';

// -------------------------------------------------------------------------------------------------
describe('projectRequest', () => {
  it('is `project` viable budgets at full capacity, a third of that at none, linear between', () => {
    expect(projectRequest(3, 5000, 1)).toBeCloseTo(15_000, 10);
    expect(projectRequest(3, 5000, 0)).toBeCloseTo(5000, 10);
    // 2 · 5000 · (0.5 + 0.25)/1.5
    expect(projectRequest(2, 5000, 0.25)).toBeCloseTo(5000, 10);
    expect(projectRequest(0, 5000, 1)).toBe(0);
  });
});

describe('runTender', () => {
  const entrant = (index: number, merit: number, loyalty: number, request = 1000): TenderEntrant => ({
    index,
    merit,
    loyalty,
    request,
    score: 0,
  });
  const field = () => [
    entrant(0, 0.2, 0.9),
    entrant(1, 0.9, 0.1),
    entrant(2, 0.5, 0.5),
    entrant(3, 0.4, 0.95),
  ];
  /** One winner takes the pot: each bids the whole pot, and one may win all of it; no noise. */
  const single = (loyaltyWeight: number): TenderRules => ({
    pot: 1000,
    loyaltyWeight,
    maxShare: 1,
    noise: 0,
  });
  const collect = () => {
    const awards: [number, number][] = [];
    return { awards, award: (i: number, amount: number) => awards.push([i, amount]) };
  };
  const still = () => constantStream(0.5);

  it('merit only (w = 0) gives the pot to the highest merit', () => {
    const { awards, award } = collect();
    expect(runTender(field(), single(0), still(), award)).toBe(1000);
    expect(awards).toEqual([[1, 1000]]);
  });

  it('loyalty only (w = 1) gives the pot to the most loyal', () => {
    const { awards, award } = collect();
    runTender(field(), single(1), still(), award);
    expect(awards).toEqual([[3, 1000]]);
  });

  it('w = 0.5 ranks by the average of merit and loyalty, and writes the scores; ties go to the lower index', () => {
    const { awards, award } = collect();
    const entrants = field();
    runTender(entrants, single(0.5), still(), award);
    // scores: 0.55, 0.5, 0.5, 0.675 — sorted: 3, 0, 1, 2
    expect(awards).toEqual([[3, 1000]]);
    expect(entrants.map((e) => e.index)).toEqual([3, 0, 1, 2]);
    expect(entrants.map((e) => e.score)).toEqual([0.675, 0.55, 0.5, 0.5]);
    const tie = collect();
    runTender([entrant(5, 0.5, 0), entrant(2, 0.5, 0)], single(0), still(), tie.award);
    expect(tie.awards).toEqual([[2, 1000]]);
  });

  it('the judges’ noise comes from the stream (noise × a standard normal) and can overturn merit', () => {
    // Box–Muller: u1 = e^(−1/2) gives radius 1, u2 = 1/2 the angle π: normals −1 (first entrant), then 0
    const { awards, award } = collect();
    const entrants = [entrant(0, 0.6, 0), entrant(1, 0.5, 0)];
    runTender(entrants, { ...single(0), noise: 0.3 }, queueStream([Math.exp(-0.5), 0.5]), award);
    expect(awards).toEqual([[1, 1000]]);
    expect(entrants[1].score).toBeCloseTo(0.6 - 0.3, 12);
    expect(entrants[0].score).toBeCloseTo(0.5, 12);
  });

  it('funds bids in score order, none above maxShare · pot, until the pot runs out', () => {
    const { awards, award } = collect();
    const entrants = [
      entrant(0, 0.9, 0, 250),
      entrant(1, 0.8, 0, 3000),
      entrant(2, 0.5, 0, 100),
      entrant(3, 0.1, 0, 500),
    ];
    const spent = runTender(
      entrants,
      { pot: 1000, loyaltyWeight: 0, maxShare: 0.6, noise: 0 },
      still(),
      award,
    );
    // 250; min(3000, 600, 750) = 600; min(100, 600, 150) = 100; min(500, 600, 50) = 50
    expect(awards).toEqual([
      [0, 250],
      [1, 600],
      [2, 100],
      [3, 50],
    ]);
    expect(spent).toBe(1000);
  });

  it('with few bidders the cap leaves money unspent', () => {
    const { awards, award } = collect();
    const spent = runTender(
      [entrant(0, 0.5, 0, 5000), entrant(1, 0.4, 0, 800)],
      { pot: 10_000, loyaltyWeight: 0, maxShare: 0.1, noise: 0 },
      still(),
      award,
    );
    expect(awards).toEqual([
      [0, 1000],
      [1, 800],
    ]);
    expect(spent).toBe(1800);
  });

  it('awards nothing (and draws nothing) for an empty pot or no entrants; stops at a bid of nothing', () => {
    const { awards, award } = collect();
    expect(runTender(field(), { ...single(0), pot: 0 }, queueStream([]), award)).toBe(0);
    expect(runTender(field(), { ...single(0), pot: -5 }, queueStream([]), award)).toBe(0);
    expect(runTender([], single(0), queueStream([]), award)).toBe(0);
    expect(runTender([entrant(0, 1, 1, 0), entrant(1, 0.5, 0, 10)], single(0), still(), award)).toBe(0);
    expect(awards).toEqual([]);
  });

  it('for random fields: awards ≤ maxShare · pot, total ≤ pot, winners once each and in score order', () => {
    const u = seeded('tender-property');
    for (let trial = 0; trial < 300; trial++) {
      const count = Math.floor(u() * 40);
      const entrants = Array.from({ length: count }, (_, i) => entrant(i, u(), u(), between(u, 0, 5000)));
      const rules: TenderRules = {
        pot: u() < 0.1 ? 0 : between(u, 0, 1e5),
        loyaltyWeight: u(),
        maxShare: between(u, 0.01, 1),
        noise: between(u, 0, 1),
      };
      const { awards, award } = collect();
      const spent = runTender(entrants, rules, seededStream(`tender-${trial}`), award);
      const total = awards.reduce((s, [, a]) => s + a, 0);
      expect(spent).toBeCloseTo(total, 6);
      expect(total).toBeLessThanOrEqual(rules.pot * (1 + 1e-12));
      for (const [, amount] of awards) {
        expect(amount).toBeGreaterThan(0);
        expect(amount).toBeLessThanOrEqual(rules.maxShare * rules.pot);
      }
      const winners = awards.map(([i]) => i);
      expect(new Set(winners).size).toBe(winners.length);
      // the winners are the top of the ranking
      expect(winners).toEqual(entrants.slice(0, winners.length).map((e) => e.index));
      for (let k = 1; k < entrants.length; k++)
        expect(entrants[k].score).toBeLessThanOrEqual(entrants[k - 1].score);
      // money is left only when every bid was met or capped
      if (total < rules.pot * (1 - 1e-9))
        for (const e of entrants) {
          const got = awards.find(([i]) => i === e.index)?.[1] ?? 0;
          expect(got).toBeCloseTo(Math.min(e.request, rules.maxShare * rules.pot), 6);
        }
    }
  });
});

// -------------------------------------------------------------------------------------------------
describe('allocationLoyalty and isFundingRound', () => {
  it('real consultation lowers the loyalty weight the agencies apply to money', () => {
    expect(allocationLoyalty(0.8, 0.5, 0.5)).toBeCloseTo(0.6, 14);
    expect(allocationLoyalty(0.8, 0, 0.5)).toBe(0.8);
    expect(allocationLoyalty(0.8, 1, 0)).toBe(0.8);
    expect(allocationLoyalty(1, 1, 1)).toBe(0);
  });

  it('funding rounds run at the start and every January', () => {
    const state = stateOf({ start: '2000-03' });
    const round = (tick: number) => isFundingRound(tickOf(state, tick));
    expect(round(0)).toBe(true); // March 2000, the start
    expect(round(1)).toBe(false);
    expect(round(9)).toBe(false); // December
    expect(round(10)).toBe(true); // January 2001
    expect(round(22)).toBe(true);
    expect(round(23)).toBe(false);
  });
});

// -------------------------------------------------------------------------------------------------
describe('stateFunding (the yearly rounds)', () => {
  /** No scoring noise and a single winner may take a whole round, so outcomes follow by hand. */
  const setUp = (over: Record<string, unknown> = {}) => {
    const state = stateOf({
      parameters: { tender: { noise: 0 }, finance: { contractShare: 1 } },
      ...over,
    });
    useStreams(state, { state: seededStream('state-funding') });
    return state;
  };
  const monthlyOf = (state: ModelState, i: number) => state.ngos.cols.contractSocialOrder[i] * 12;

  it('thematic social order goes to service and state-created NGOs only; the open part to anyone', () => {
    // 45,000 a year, all thematic: full-capacity bids of 3 viable budgets (15,000) each
    const state = setUp({ levers: { ministries: { socialOrder: 45_000 } } });
    const advocacy = addGroup(state, { type: ADVOCACY, capacity: 1 });
    const service = addGroup(state, { type: SERVICE, capacity: 1 });
    const gongo = addGroup(state, { type: STATE_CREATED, capacity: 1 });
    const dormant = addGroup(state, { type: SERVICE, capacity: 1, status: DORMANT });
    stateFunding(state, tickOf(state, 0));
    expect(monthlyOf(state, advocacy)).toBe(0);
    expect(monthlyOf(state, service)).toBeCloseTo(15_000, 3);
    expect(monthlyOf(state, gongo)).toBeCloseTo(15_000, 3);
    expect(monthlyOf(state, dormant)).toBe(0);
    expect(state.sector.thematicMoney).toBe(45_000);
    const open = setUp({ levers: { ministries: { socialOrder: 45_000, thematic: 0 } } });
    const a = addGroup(open, { type: ADVOCACY, capacity: 1 });
    stateFunding(open, tickOf(open, 0));
    expect(monthlyOf(open, a)).toBeCloseTo(15_000, 3);
    expect(open.sector.thematicMoney).toBe(0);
  });

  it('the thematic share splits the social order into a service-only pot and an open one', () => {
    // 30,000 a year, half thematic: two pots of one full bid (15,000) each
    const state = setUp({ levers: { ministries: { socialOrder: 30_000, thematic: 0.5 } } });
    const first = addGroup(state, { type: SERVICE, capacity: 1 });
    const second = addGroup(state, { type: SERVICE, capacity: 1 });
    const advocacy = addGroup(state, { type: ADVOCACY, capacity: 1 });
    state.ngos.cols.staff[advocacy] = 2; // merit 1.1: first in the open round
    stateFunding(state, tickOf(state, 0));
    expect(monthlyOf(state, first)).toBeCloseTo(15_000, 3);
    expect(monthlyOf(state, advocacy)).toBeCloseTo(15_000, 3);
    expect(monthlyOf(state, second)).toBe(0);
  });

  it('thematic money is counted over both agencies, in real units', () => {
    const state = setUp({
      population: { ngoSampling: 0.5 },
      levers: {
        ministries: { socialOrder: 1000, thematic: 0.5 },
        akimats: { socialOrder: 3000, thematic: 1 },
      },
    });
    stateFunding(state, tickOf(state, 0));
    expect(state.sector.thematicMoney).toBe(3500);
  });

  it('merit is capacity plus staff (capped): with merit-based tenders the best-staffed wins', () => {
    // 15,000: exactly one full-capacity bid
    const state = setUp({ levers: { ministries: { socialOrder: 15_000 } } });
    const plain = addGroup(state, { capacity: 1 });
    const staffed = addGroup(state, { capacity: 0.9 });
    state.ngos.cols.staff[staffed] = 3; // 0.9 + 0.05·3 = 1.05 > 1
    stateFunding(state, tickOf(state, 0));
    expect(monthlyOf(state, staffed)).toBeCloseTo(projectRequest(3, 5000, 0.9), 3);
    expect(monthlyOf(state, plain)).toBeCloseTo(15_000 - projectRequest(3, 5000, 0.9), 3);
    // staff beyond meritStaffCap (5) add nothing: 0.7 + 0.05·5 = 0.95 < 1
    const capped = setUp({ levers: { ministries: { socialOrder: 15_000 } } });
    const best = addGroup(capped, { capacity: 1 });
    const crowded = addGroup(capped, { capacity: 0.7 });
    capped.ngos.cols.staff[crowded] = 50;
    stateFunding(capped, tickOf(capped, 0));
    expect(monthlyOf(capped, best)).toBeCloseTo(15_000, 3);
    expect(monthlyOf(capped, crowded)).toBe(0);
  });

  it('the loyalty weight picks the most dependent NGO, lowered by real consultation', () => {
    const run = (loyaltyWeight: number, influence: number) => {
      const state = setUp({ levers: { ministries: { socialOrder: 15_000, loyaltyWeight } } });
      state.sector.influence = influence;
      const able = addGroup(state, { capacity: 1, autonomy: 0.9 });
      const loyal = addGroup(state, { capacity: 0.6, autonomy: 0 });
      stateFunding(state, tickOf(state, 0));
      const c = state.ngos.cols;
      return {
        able: monthlyOf(state, able),
        loyal: monthlyOf(state, loyal),
        exposure: c.loyaltyExposure[loyal],
      };
    };
    expect(run(0, 0).able).toBeCloseTo(15_000, 6);
    // w = 1: scores 0.1 vs 1
    expect(run(1, 0).loyal).toBeCloseTo(projectRequest(3, 5000, 0.6), 3);
    expect(run(1, 0).exposure).toBeCloseTo(1, 6);
    // influence 1 × allocation 0.5 halves the weight: scores 0.5·1 + 0.5·0.1 = 0.55 vs 0.5·0.6 + 0.5·1 = 0.8
    expect(run(1, 1).loyal).toBeCloseTo(projectRequest(3, 5000, 0.6), 3);
    expect(run(1, 1).exposure).toBeCloseTo(0.5, 6);
    // weight 0.5 and influence 1: w = 0.25: 0.75·1 + 0.25·0.1 = 0.775 vs 0.75·0.6 + 0.25·1 = 0.7
    expect(run(0.5, 1).able).toBeCloseTo(15_000, 3);
  });

  it('loyalty exposure is the money-weighted loyalty weight of the state money an NGO holds', () => {
    const state = setUp({
      levers: {
        ministries: { socialOrder: 15_000, loyaltyWeight: 1 },
        akimats: { grants: 30_000, loyaltyWeight: 0 },
      },
    });
    const i = addGroup(state, { capacity: 1, autonomy: 0 });
    stateFunding(state, tickOf(state, 0));
    const c = state.ngos.cols;
    // 15,000 at weight 1 and a 10,000 grant (2 viable budgets) at weight 0
    expect(c.contractSocialOrder[i] * 12).toBeCloseTo(15_000, 3);
    expect(c.contractGrants[i] * 12).toBeCloseTo(10_000, 3);
    expect(c.loyaltyExposure[i]).toBeCloseTo(15_000 / 25_000, 6);
  });

  it('grants go to any NGO; a share passes through umbrella bodies to their members, less the operator’s fee', () => {
    const state = setUp({
      levers: { ministries: { grants: 20_000 }, umbrella: { regranting: 0.5, stateAligned: 0.25 } },
    });
    const advocacy = addGroup(state, { type: ADVOCACY, capacity: 1 });
    const member = addGroup(state, { type: SERVICE, capacity: 1, autonomy: 1 });
    const small = addGroup(state, { type: SERVICE, capacity: 0.25, autonomy: 1 });
    state.ngos.cols.umbrella[member] = 1;
    state.ngos.cols.umbrella[small] = 1;
    stateFunding(state, tickOf(state, 0));
    const c = state.ngos.cols;
    // open grants, 10,000: the advocacy group's bid (2 viable budgets) wins the tie at merit 1 (lower index)
    expect(c.contractGrants[advocacy] * 12).toBeCloseTo(10_000, 3);
    // re-granted: 10,000·(1 − 0.1) = 9,000 among umbrella members: the member asks 10,000 and gets it all
    expect(c.contractGrants[member] * 12).toBeCloseTo(9000, 3);
    expect(c.contractGrants[small]).toBe(0);
    expect(c.loyaltyExposure[member]).toBeCloseTo(0.25, 6);
  });

  it('clears last year’s contracts and seats in a funding round, and does nothing otherwise', () => {
    const state = setUp();
    const i = addGroup(state);
    const c = state.ngos.cols;
    const fill = () => {
      c.contractSocialOrder[i] = 5;
      c.contractGrants[i] = 6;
      c.loyaltyExposure[i] = 0.5;
      c.seat[i] = 1;
      c.seatLoyalty[i] = 0.5;
    };
    fill();
    stateFunding(state, tickOf(state, 5));
    expect([
      c.contractSocialOrder[i],
      c.contractGrants[i],
      c.loyaltyExposure[i],
      c.seat[i],
      c.seatLoyalty[i],
    ]).toEqual([5, 6, 0.5, 1, 0.5]);
    stateFunding(state, tickOf(state, 12));
    expect([
      c.contractSocialOrder[i],
      c.contractGrants[i],
      c.loyaltyExposure[i],
      c.seat[i],
      c.seatLoyalty[i],
    ]).toEqual([0, 0, 0, 0, 0]);
  });

  describe('council seats', () => {
    /** 200,000 people: councilSeats 5 per million is one seat per agency. */
    const seatsWith = (seatLoyalty: number, loyaltyWeight = 1, seats = 5) => {
      const state = setUp({
        levers: { ministries: { councilSeats: seats, loyaltyWeight } },
        parameters: { tender: { noise: 0 }, consultation: { seatLoyalty } },
      });
      const able = addGroup(state, { type: SERVICE, capacity: 0.9, autonomy: 0.9 });
      const voice = addGroup(state, { type: ADVOCACY, capacity: 0.8, autonomy: 0.9 });
      const loyal = addGroup(state, { type: SERVICE, capacity: 0.3, autonomy: 0.05 });
      addGroup(state, { type: SERVICE, capacity: 1, autonomy: 0, status: DORMANT });
      stateFunding(state, tickOf(state, 0));
      const c = state.ngos.cols;
      return {
        seats: [able, voice, loyal].map((i) => c.seat[i]),
        weights: [able, voice, loyal].map((i) => c.seatLoyalty[i]),
      };
    };

    it('filled by the agency’s own loyalty weight × seatLoyalty: the most dependent NGO gets the seat', () => {
      const { seats, weights } = seatsWith(1);
      expect(seats).toEqual([0, 0, 1]);
      expect(weights).toEqual([0, 0, 1]);
    });

    it('knockout: seatLoyalty 0 → seats follow merit (capacity, and an advocacy group’s voice)', () => {
      // merit: 0.9 vs 0.8 + 0.2 voice = 1.0 vs 0.3
      const { seats, weights } = seatsWith(0);
      expect(seats).toEqual([0, 1, 0]);
      expect(weights).toEqual([0, 0, 0]);
      // with a merit-based agency, seatLoyalty does not matter
      expect(seatsWith(1, 0).seats).toEqual([0, 1, 0]);
    });

    it('a partly loyal seat: seatLoyalty 0.5 at agency weight 1 → weight 0.5 recorded', () => {
      // 0.5·0.9 + 0.5·0.1 = 0.5; 0.5·1.0 + 0.5·0.1 = 0.55; 0.5·0.3 + 0.5·0.95 = 0.625
      const { seats, weights } = seatsWith(0.5);
      expect(seats).toEqual([0, 0, 1]);
      expect(weights[2]).toBeCloseTo(0.5, 6);
    });

    it('the number of seats is councilSeats per million of the real population (rounded)', () => {
      // 2 seats: the most loyal, then the tie at loyalty 0.1 goes to the lower index
      expect(seatsWith(1, 1, 10).seats).toEqual([1, 0, 1]);
      expect(seatsWith(1, 1, 100).seats).toEqual([1, 1, 1]); // 20 seats, 3 candidates
      expect(seatsWith(1, 1, 2).seats).toEqual([0, 0, 0]); // 0.4 → 0
    });

    it('no seats and no money: the round draws nothing', () => {
      const state = setUp();
      addGroup(state);
      useStreams(state, { state: queueStream([]) });
      stateFunding(state, tickOf(state, 0));
      expect(state.ngos.cols.seat[0]).toBe(0);
    });

    it('the judges’ noise (noise × a standard normal from the stream) enters the seat scores', () => {
      // Box–Muller with u1 = e^(−1/2), u2 = 3/8: normals cos(3π/4) = −0.707 and sin(3π/4) = 0.707
      const seatOf = (noise: number) => {
        const state = setUp({
          levers: { ministries: { councilSeats: 5 } },
          parameters: { tender: { noise } },
        });
        const a = addGroup(state, { capacity: 0.9 });
        const b = addGroup(state, { capacity: 0.7 });
        useStreams(state, { state: queueStream([Math.exp(-0.5), 0.375]) });
        stateFunding(state, tickOf(state, 0));
        return [state.ngos.cols.seat[a], state.ngos.cols.seat[b]];
      };
      // noise 0.1: 0.9 − 0.071 > 0.7 + 0.071; noise 1: 0.9 − 0.707 < 0.7 + 0.707
      expect(seatOf(0.1)).toEqual([1, 0]);
      expect(seatOf(1)).toEqual([0, 1]);
    });

    it('an NGO holds at most one seat: the second agency seats the next candidate', () => {
      const state = setUp({
        levers: {
          ministries: { councilSeats: 5, loyaltyWeight: 1 },
          akimats: { councilSeats: 5, loyaltyWeight: 1 },
        },
      });
      const a = addGroup(state, { capacity: 0.5, autonomy: 0.1 });
      const b = addGroup(state, { capacity: 0.5, autonomy: 0.2 });
      const other = addGroup(state, { capacity: 0.5, autonomy: 0.9 });
      stateFunding(state, tickOf(state, 0));
      const c = state.ngos.cols;
      expect([c.seat[a], c.seat[b], c.seat[other]]).toEqual([1, 1, 0]);
    });
  });
});

// -------------------------------------------------------------------------------------------------
describe('corporateGiving', () => {
  it('raises the budget by the tax price of giving: budget × (1 − deduction)^(−elasticity)', () => {
    expect(corporateGiving(1e6, 0.5, 1)).toBeCloseTo(2e6, 6);
    expect(corporateGiving(1e6, 0.5, 2)).toBeCloseTo(4e6, 6);
    expect(corporateGiving(1e6, 0, 1.7)).toBe(1e6);
    expect(corporateGiving(1e6, 0.5, 0)).toBe(1e6);
    expect(corporateGiving(0, 0.5, 1)).toBe(0);
    expect(corporateGiving(1e6, 0.6, 1)).toBeGreaterThan(corporateGiving(1e6, 0.3, 1));
  });
});

describe('corporatePhilanthropy (the yearly round)', () => {
  const setUp = (over: Record<string, unknown> = {}) => {
    const state = stateOf(over);
    useStreams(state, { corporate: seededStream('corporate') });
    return state;
  };

  it('gives to active service and state-created NGOs only, a capacity-sized project each', () => {
    const state = setUp({ levers: { corporate: { budget: 1e6 }, tax: { corporateDeduction: 0.5 } } });
    const service = addGroup(state, { type: SERVICE, capacity: 1 });
    const gongo = addGroup(state, { type: STATE_CREATED, capacity: 0.4 });
    const advocacy = addGroup(state, { type: ADVOCACY, capacity: 1 });
    const dormant = addGroup(state, { type: SERVICE, capacity: 1, status: DORMANT });
    const c = state.ngos.cols;
    c.contractCorporate[advocacy] = 99;
    corporatePhilanthropy(state, tickOf(state, 0));
    // pot 2e6, each may win 10%: every bid (1 viable budget at full capacity) is met
    expect(c.contractCorporate[service] * 12).toBeCloseTo(5000, 3);
    expect(c.contractCorporate[gongo] * 12).toBeCloseTo((5000 * 0.9) / 1.5, 3);
    expect(c.contractCorporate[advocacy]).toBe(0);
    expect(c.contractCorporate[dormant]).toBe(0);
  });

  it('companies rank by merit, or by loyalty as far as they follow the state', () => {
    const run = (loyaltyWeight: number) => {
      // one bid's worth: 5,000; one winner may take all; no noise
      const state = setUp({
        levers: { corporate: { budget: 5000, loyaltyWeight } },
        parameters: { tender: { noise: 0 }, finance: { contractShare: 1 } },
      });
      const able = addGroup(state, { capacity: 1, autonomy: 1 });
      const loyal = addGroup(state, { capacity: 1, autonomy: 0.2 });
      addGroup(state, { capacity: 0.5, autonomy: 0.1 });
      corporatePhilanthropy(state, tickOf(state, 0));
      const c = state.ngos.cols;
      return [c.contractCorporate[able] * 12, c.contractCorporate[loyal] * 12];
    };
    // merit ties (capacity 1 both): the lower index wins
    expect(run(0)[0]).toBeCloseTo(5000, 8);
    expect(run(0.5)[1]).toBeCloseTo(5000, 8);
  });

  it('outside a funding round, or without a budget, nothing changes hands', () => {
    const state = setUp({ levers: { corporate: { budget: 1e6 } } });
    const i = addGroup(state);
    state.ngos.cols.contractCorporate[i] = 7;
    corporatePhilanthropy(state, tickOf(state, 3));
    expect(state.ngos.cols.contractCorporate[i]).toBe(7);
    const none = setUp();
    const j = addGroup(none);
    none.ngos.cols.contractCorporate[j] = 7;
    useStreams(none, {});
    corporatePhilanthropy(none, tickOf(none, 12));
    expect(none.ngos.cols.contractCorporate[j]).toBe(0);
  });
});

// -------------------------------------------------------------------------------------------------
describe('foreignTargets', () => {
  const targets = (regime: Levers['foreign']['regime']) =>
    foreignTargets({
      levers: { ...levers, foreign: { ...levers.foreign, budget: 1e6, advocacyPriority: 0.6, regime } },
      params,
    } as unknown as ModelState);

  it('cuts inflow and shifts priority away from advocacy as the rules tighten', () => {
    expect(targets('none')).toEqual({ budget: 1e6, advocacy: 0.6 });
    expect(targets('disclosure').budget).toBeCloseTo(0.9e6, 6);
    expect(targets('disclosure').advocacy).toBeCloseTo(0.54, 12);
    expect(targets('approval').budget).toBeCloseTo(0.68e6, 6);
    expect(targets('approval').advocacy).toBeCloseTo(0.3, 12);
    expect(targets('prohibition').budget).toBeCloseTo(0.1e6, 6);
    expect(targets('prohibition').advocacy).toBeCloseTo(0.06, 12);
  });
});

describe('foreignDonors', () => {
  /** Foreign budget after each month when the donors' budget doubles in month 1. */
  const path = (responseMonths: number) => {
    const state = stateOf({
      levers: { foreign: { budget: 1e6 } },
      parameters: { foreign: { responseMonths } },
    });
    const seen: number[] = [];
    const advocacy: number[] = [];
    for (let tick = 0; tick < 24; tick++) {
      if (tick === 1) {
        state.levers.foreign.budget = 2e6;
        state.levers.foreign.advocacyPriority = 1;
      }
      foreignDonors(state, tickOf(state, tick));
      seen.push(state.sector.foreignBudget);
      advocacy.push(state.sector.foreignAdvocacy);
    }
    return { seen, advocacy };
  };

  it('move toward the new target by 1/responseMonths of the gap each month', () => {
    const { seen, advocacy } = path(4);
    expect(seen[0]).toBe(1e6);
    expect(seen[1]).toBeCloseTo(1.25e6, 6);
    expect(seen[2]).toBeCloseTo(1.4375e6, 6);
    expect(advocacy[0]).toBe(0.5);
    expect(advocacy[1]).toBeCloseTo(0.625, 12);
  });

  it('never overshoot, even when donors respond within a month (responseMonths < 1)', () => {
    for (const months of [0.3, 0.5, 1, 2, 12]) {
      const { seen } = path(months);
      for (const b of seen) {
        expect(b, `responseMonths ${months}`).toBeGreaterThanOrEqual(1e6);
        expect(b, `responseMonths ${months}`).toBeLessThanOrEqual(2e6);
      }
      if (months <= 1) expect(seen[1]).toBe(2e6);
    }
  });

  it('run an advocacy and a service round among registered independent NGOs, on capacity and autonomy', () => {
    const state = stateOf({ levers: { foreign: { budget: 1e6, advocacyPriority: 0.5 } } });
    useStreams(state, { foreign: seededStream('foreign') });
    const advocacy = addGroup(state, { type: ADVOCACY, capacity: 1 });
    const service = addGroup(state, { type: SERVICE, capacity: 0.4 });
    const gongo = addGroup(state, { type: STATE_CREATED, capacity: 1 });
    const dormant = addGroup(state, { type: ADVOCACY, capacity: 1, status: DORMANT });
    foreignDonors(state, tickOf(state, 0));
    const c = state.ngos.cols;
    // pots of 500,000 each, at most 10% to one NGO: every bid (3 viable budgets at full capacity) is met
    expect(c.contractForeign[advocacy] * 12).toBeCloseTo(15_000, 3);
    expect(c.contractForeign[service] * 12).toBeCloseTo((15_000 * 0.9) / 1.5, 3);
    expect(c.contractForeign[gongo]).toBe(0);
    expect(c.contractForeign[dormant]).toBe(0);
    // outside a round the contracts run on, and no round is drawn
    c.contractForeign[advocacy] = 7;
    useStreams(state, {});
    foreignDonors(state, tickOf(state, 1));
    expect(c.contractForeign[advocacy]).toBe(7);
    expect(c.status[advocacy]).toBe(ACTIVE);
  });

  it('donors’ merit weighs autonomy (foreignAutonomy); with 0, capacity alone', () => {
    const run = (foreignAutonomy: number) => {
      // 30,000 a year, half to advocacy: one full bid's worth; one winner may take all; no noise
      const state = stateOf({
        levers: { foreign: { budget: 30_000, advocacyPriority: 0.5 } },
        parameters: { tender: { noise: 0, foreignAutonomy }, finance: { contractShare: 1 } },
      });
      useStreams(state, { foreign: seededStream('foreign-merit') });
      const capable = addGroup(state, { type: ADVOCACY, capacity: 1, autonomy: 0 });
      const free = addGroup(state, { type: ADVOCACY, capacity: 0.6, autonomy: 1 });
      foreignDonors(state, tickOf(state, 0));
      const c = state.ngos.cols;
      return [c.contractForeign[capable] * 12, c.contractForeign[free] * 12];
    };
    // merit 1·(1 − 0.5 + 0.5·0) = 0.5 vs 0.6·(0.5 + 0.5·1) = 0.6: the autonomous group first (asks
    // 3·5000·1.1/1.5 = 11,000), the other gets the rest
    const [capable, free] = run(0.5);
    expect(free).toBeCloseTo(11_000, 3);
    expect(capable).toBeCloseTo(4000, 3);
    // knockout: capacity alone
    expect(run(0)).toEqual([15_000, 0].map((x) => expect.closeTo(x, 3)));
  });
});
