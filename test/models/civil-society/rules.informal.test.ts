/**
 * The unregistered sector (rules/informal.ts, statusChanges.ts): the hazard that an unregistered group
 * stops, raised by repression; the chance that it registers, lowered by the cost and the risk of refusal;
 * and the monthly phase.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVE, DEREGISTERED, INFORMAL } from '../../../src/models/civil-society/ngos.ts';
import {
  informal,
  informalHazard,
  informalRegistration,
} from '../../../src/models/civil-society/rules/informal.ts';
import {
  addGroup,
  between,
  params,
  queueStream,
  seeded,
  stateOf,
  tickOf,
  useStreams,
} from './ruleHelpers.ts';

const inf = params.informal;
const monthly = (annual: number) => 1 - Math.pow(1 - annual, 1 / 12);

describe('informalRegistration', () => {
  it('is registerRate × (1 − rejection) × exp(−cost/scale)', () => {
    expect(informalRegistration(inf, 100, 400, 0.05)).toBeCloseTo(0.2 * 0.95 * Math.exp(-0.25), 14);
    expect(informalRegistration(inf, 0, 400, 0)).toBeCloseTo(0.2, 14);
    expect(informalRegistration(inf, 0, 400, 1)).toBe(0);
  });

  it('falls with cost and refusals; a wider cost scale bites less', () => {
    const u = seeded('informal-registration');
    for (let k = 0; k < 300; k++) {
      const [cost, scale, rej] = [between(u, 0, 2000), between(u, 10, 1000), u()];
      const p = informalRegistration(inf, cost, scale, rej);
      expect(p).toBeLessThanOrEqual(0.2);
      expect(p).toBeGreaterThanOrEqual(0);
      if (rej < 1) {
        expect(informalRegistration(inf, cost + 50, scale, rej)).toBeLessThan(p);
        expect(informalRegistration(inf, cost, scale, Math.min(1, rej + 0.05))).toBeLessThan(p);
        if (cost > 0) expect(informalRegistration(inf, cost, scale * 2, rej)).toBeGreaterThan(p);
      }
    }
  });
});

describe('informalHazard', () => {
  it('is hazard × (1 + repressionHazard × repression); repressionHazard 0 removes repression', () => {
    expect(informalHazard(inf, 0)).toBeCloseTo(0.2, 14);
    expect(informalHazard(inf, 0.5)).toBeCloseTo(0.2 * 2, 14);
    expect(informalHazard({ ...inf, repressionHazard: 0 }, 1)).toBeCloseTo(0.2, 14);
    expect(informalHazard(inf, 0.6)).toBeGreaterThan(informalHazard(inf, 0.3));
  });
});

describe('informal (the monthly phase)', () => {
  const stop = 1 - Math.exp(-(0.2 * (1 + 2 * 0.25)) / 12); // repression 0.25
  const register = monthly(0.2 * 0.95 * Math.exp(-100 / 400)); // default cost and refusals
  const setUp = () => {
    const state = stateOf();
    state.sector.repression = 0.25;
    state.sector.informal = 1;
    const i = addGroup(state, { status: INFORMAL, tick: 7, reserves: 3 });
    state.ngos.cols.deregisteredAt[i] = 2;
    return { state, i, c: state.ngos.cols };
  };

  it('one draw per unregistered group: it stops (x < stop), registers (x < stop + register), or works on', () => {
    const cases: [number, number][] = [
      [stop * 0.99, DEREGISTERED],
      [stop, ACTIVE],
      [stop * 1.01, ACTIVE],
      [stop + register * 0.99, ACTIVE],
      [stop + register, INFORMAL],
      [stop + register * 1.01, INFORMAL],
    ];
    for (const [x, expected] of cases) {
      const { state, i, c } = setUp();
      const stream = queueStream([x]);
      useStreams(state, { informal: stream });
      informal(state, tickOf(state, 9));
      expect(c.status[i], `x = ${x}`).toBe(expected);
      expect(stream.left()).toBe(0);
    }
  });

  it('a group that stops leaves no register behind: closed now, one more closure', () => {
    const { state, i, c } = setUp();
    useStreams(state, { informal: queueStream([0]) });
    informal(state, tickOf(state, 9));
    expect(c.status[i]).toBe(DEREGISTERED);
    expect(c.closedAt[i]).toBe(9);
    expect(c.deregisteredAt[i]).toBe(2);
    expect(state.sector.closures).toBe(1);
  });

  it('a group that registers becomes an active NGO with fresh reserves and fundraising, counted as a founding', () => {
    const { state, i, c } = setUp();
    c.closedAt[i] = 4;
    useStreams(state, { informal: queueStream([stop + register / 2]) });
    informal(state, tickOf(state, 9));
    expect(c.status[i]).toBe(ACTIVE);
    expect([c.deregisteredAt[i], c.closedAt[i]]).toEqual([-1, -1]);
    expect(c.reserves[i]).toBeCloseTo(0.25 * 1500, 10);
    expect(c.fundraising[i]).toBeCloseTo(0.2 * 1500, 10);
    expect(c.founded[i]).toBe(7); // keeps its older founding date
    expect(state.sector.foundings).toBe(1);
  });

  it('registered groups draw nothing; with no unregistered groups at the census the phase does nothing', () => {
    const { state } = setUp();
    addGroup(state);
    addGroup(state, { status: DEREGISTERED });
    useStreams(state, { informal: queueStream([0.99]) });
    informal(state, tickOf(state, 9));
    const none = setUp();
    none.state.sector.informal = 0;
    useStreams(none.state, {});
    informal(none.state, tickOf(none.state, 9));
    expect(none.c.status[none.i]).toBe(INFORMAL);
  });
});
