/**
 * Private money reaching NGOs (rules/donations.ts): the month's expected gifts shared among active NGOs
 * by their fundraising spend — less for foreign-funded ones as far as foreign money is stigmatised — and
 * members' fees.
 */
import { describe, expect, it } from 'vitest';
import { DORMANT, INFORMAL } from '../../../src/models/civil-society/ngos.ts';
import { donations } from '../../../src/models/civil-society/rules/donations.ts';
import { addGroup, stateOf, tickOf } from './ruleHelpers.ts';

describe('donations (the monthly phase)', () => {
  /** Half the NGOs simulated; 200 citizens for 200,000 people: a simulated member is 1000 × 0.5 = 500 real. */
  const setUp = (stigma: number) => {
    const state = stateOf({ population: { ngoSampling: 0.5 }, levers: { foreign: { stigma } } });
    const c = state.ngos.cols;
    const plain = addGroup(state);
    c.fundraising[plain] = 300;
    c.members[plain] = 3;
    const foreign = addGroup(state);
    c.fundraising[foreign] = 500;
    c.revForeign[foreign] = 1;
    const dormant = addGroup(state, { status: DORMANT });
    c.fundraising[dormant] = 1000;
    c.members[dormant] = 4;
    c.monthDonations[dormant] = 5;
    c.monthFees[dormant] = 5;
    const informal = addGroup(state, { status: INFORMAL });
    c.fundraising[informal] = 1000;
    state.sector.donationsReal = 12_000;
    return { state, c, plain, foreign, dormant, informal };
  };

  it('shares the month’s gifts (× ngoSampling) by fundraising, cut by stigma for foreign-funded NGOs', () => {
    const { state, c, plain, foreign, dormant, informal } = setUp(0.4);
    donations(state, tickOf(state, 0));
    // weights 300 and 500·(1 − 0.4) = 300; pot 12,000 · 0.5 = 6,000
    expect(c.monthDonations[plain]).toBeCloseTo(3000, 10);
    expect(c.monthDonations[foreign]).toBeCloseTo(3000, 10);
    expect([c.monthDonations[dormant], c.monthFees[dormant], c.monthDonations[informal]]).toEqual([0, 0, 0]);
    // fees: 3 members · 500 real each · 1 a year / 12
    expect(c.monthFees[plain]).toBeCloseTo((3 * 500) / 12, 10);
    expect(c.monthFees[foreign]).toBe(0);
  });

  it('knockout: without stigma foreign-funded NGOs raise money like the others', () => {
    const { state, c, plain, foreign } = setUp(0);
    donations(state, tickOf(state, 0));
    expect(c.monthDonations[plain]).toBeCloseTo((6000 * 300) / 800, 10);
    expect(c.monthDonations[foreign]).toBeCloseTo((6000 * 500) / 800, 10);
  });

  it('full stigma: a foreign-funded NGO gets no gifts; nobody fundraising, nobody gets any', () => {
    const { state, c, plain, foreign } = setUp(1);
    donations(state, tickOf(state, 0));
    expect(c.monthDonations[plain]).toBeCloseTo(6000, 10);
    expect(c.monthDonations[foreign]).toBe(0);
    c.fundraising[plain] = 0;
    donations(state, tickOf(state, 0));
    expect(c.monthDonations[plain]).toBe(0);
    expect(c.monthDonations[foreign]).toBe(0);
  });

  it('fees follow the member fee and the population’s growth', () => {
    const state = stateOf({
      population: { growthRate: 0.05 },
      parameters: { finance: { memberFee: 6 } },
    });
    const i = addGroup(state);
    state.ngos.cols.members[i] = 2;
    donations(state, tickOf(state, 24));
    // a simulated member stands for 1000·e^(0.05·2) people; 6 a year, per month
    expect(state.ngos.cols.monthFees[i]).toBeCloseTo((2 * 1000 * Math.exp(0.1) * 6) / 12, 8);
  });
});
