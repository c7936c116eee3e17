/**
 * The state's hand (rules/sanctions.ts, rules/actions.ts, rules/stateResponse.ts): inspections and the
 * chance that one ends in a sanction, what a sanction does, re-registrations, audits, crackdowns, forums
 * and shocks, and the state as an agent — the threat it reads from advocacy, foreign money and protest,
 * the repression it adds by itself, and the re-registration it orders when threat runs high.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIVE,
  ADVOCACY,
  DEREGISTERED,
  DORMANT,
  INFORMAL,
  SERVICE,
  STATE_CREATED,
} from '../../../src/models/civil-society/ngos.ts';
import {
  actions,
  reregistration,
  reregistrationFailChance,
} from '../../../src/models/civil-society/rules/actions.ts';
import {
  burdenInForce,
  inspections,
  sanction,
  sanctionChance,
} from '../../../src/models/civil-society/rules/sanctions.ts';
import {
  ownRepressionTarget,
  perceivedThreat,
  stateResponse,
} from '../../../src/models/civil-society/rules/stateResponse.ts';
import type { ModelState } from '../../../src/models/civil-society/state.ts';
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

const r = params.register;
const monthly = (annual: number) => 1 - Math.pow(1 - annual, 1 / 12);

// -------------------------------------------------------------------------------------------------
describe('sanctionChance', () => {
  it('matches hand-computed values for each type', () => {
    // repression × type risk × autonomy + 0.1 × burden × (1 − capacity)
    // advocacy: 0.5·1·0.8 + 0.1·0.4·0.5 = 0.42
    expect(sanctionChance(r, ADVOCACY, 0.8, 0.5, 0.5, 0.4)).toBeCloseTo(0.42, 14);
    // service: 0.5·0.2·0.8 + 0.02 = 0.1
    expect(sanctionChance(r, SERVICE, 0.8, 0.5, 0.5, 0.4)).toBeCloseTo(0.1, 14);
    // state-created: 0.5·(0.2·0.2)·0.8 + 0.02 = 0.036
    expect(sanctionChance(r, STATE_CREATED, 0.8, 0.5, 0.5, 0.4)).toBeCloseTo(0.036, 14);
  });

  it('is a probability: 1 at most', () => {
    // 1·1·1 + 0.1·1·1 = 1.1 → 1
    expect(sanctionChance(r, ADVOCACY, 1, 0, 1, 1)).toBe(1);
    const u = seeded('sanction-chance');
    for (let k = 0; k < 500; k++) {
      const type = [SERVICE, ADVOCACY, STATE_CREATED][k % 3];
      const p = sanctionChance({ ...r, burdenSanction: u(), serviceSanction: u() }, type, u(), u(), u(), u());
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('advocacy > service > state-created; rises with repression, autonomy and burden; falls with capacity', () => {
    const at = (type: number, autonomy = 0.6, capacity = 0.4, repression = 0.3, burden = 0.5) =>
      sanctionChance(r, type, autonomy, capacity, repression, burden);
    expect(at(ADVOCACY)).toBeGreaterThan(at(SERVICE));
    expect(at(SERVICE)).toBeGreaterThan(at(STATE_CREATED));
    for (const type of [SERVICE, ADVOCACY, STATE_CREATED]) {
      expect(at(type, 0.6, 0.4, 0.5)).toBeGreaterThan(at(type));
      expect(at(type, 0.9)).toBeGreaterThan(at(type));
      expect(at(type, 0.6, 0.4, 0.3, 0.9)).toBeGreaterThan(at(type));
      expect(at(type, 0.6, 0.8)).toBeLessThan(at(type));
    }
  });

  it('knockouts: no repression, only the burden risk; no burden sanction, burden does not matter', () => {
    expect(sanctionChance(r, ADVOCACY, 1, 0.5, 0, 0.4)).toBeCloseTo(0.1 * 0.4 * 0.5, 14);
    const noBurden = { ...r, burdenSanction: 0 };
    expect(sanctionChance(noBurden, SERVICE, 0.5, 0, 0.4, 1)).toBe(
      sanctionChance(noBurden, SERVICE, 0.5, 0, 0.4, 0),
    );
    // serviceSanction 0 spares service NGOs (and state-created ones) from repression
    const spare = { ...r, serviceSanction: 0 };
    expect(sanctionChance(spare, SERVICE, 1, 0, 1, 0)).toBe(0);
    expect(sanctionChance(spare, STATE_CREATED, 1, 0, 1, 0)).toBe(0);
    expect(sanctionChance({ ...r, gongoSanction: 0 }, STATE_CREATED, 1, 0, 1, 0)).toBe(0);
    expect(sanctionChance({ ...r, gongoSanction: 0 }, SERVICE, 1, 0, 1, 0)).toBeCloseTo(0.2, 14);
  });
});

describe('burdenInForce', () => {
  it('real consultation lightens the burden: burden × (1 − effect × influence)', () => {
    expect(burdenInForce(0.8, 0.5, 0.5)).toBeCloseTo(0.6, 14);
    expect(burdenInForce(0.8, 0, 0.5)).toBe(0.8);
    expect(burdenInForce(0.8, 1, 0)).toBe(0.8);
    expect(burdenInForce(0.8, 1, 1)).toBe(0);
  });
});

// -------------------------------------------------------------------------------------------------
describe('sanction', () => {
  const withNgo = () => {
    const state = stateOf();
    const i = addGroup(state, { type: ADVOCACY, reserves: 1000 });
    const c = state.ngos.cols;
    c.chill[i] = 0.2;
    c.staff[i] = 2;
    c.seat[i] = 1;
    c.contractSocialOrder[i] = 50;
    c.contractGrants[i] = 40;
    c.contractForeign[i] = 20;
    c.contractCorporate[i] = 10;
    c.shortfallMonths[i] = 3;
    return { state, i, c };
  };

  it('u below sanctionClosure: a court deregisters the NGO; its people give up (u ≥ persistence)', () => {
    const { state, i, c } = withNgo();
    sanction(state, i, 7, 0.29, 0.4);
    expect(c.status[i]).toBe(DEREGISTERED);
    expect(c.deregisteredAt[i]).toBe(7);
    expect(c.closedAt[i]).toBe(7);
    expect(c.sanctions[i]).toBe(1);
    expect(c.refused[i]).toBe(0);
    expect([c.staff[i], c.seat[i], c.contractSocialOrder[i], c.contractGrants[i]]).toEqual([0, 0, 0, 0]);
    expect([c.contractForeign[i], c.contractCorporate[i], c.shortfallMonths[i]]).toEqual([0, 0, 0]);
    expect(state.sector).toMatchObject({ sanctions: 1, closures: 1, dissolutions: 1, forcedExits: 1 });
  });

  it('… or they go on unregistered (u < persistence)', () => {
    const { state, i, c } = withNgo();
    sanction(state, i, 7, 0.29, 0.39);
    expect(c.status[i]).toBe(INFORMAL);
    expect(c.closedAt[i]).toBe(-1);
    expect(c.deregisteredAt[i]).toBe(7);
    expect(c.refused[i]).toBe(1);
    expect(state.sector).toMatchObject({ sanctions: 1, forcedExits: 1 });
  });

  it('otherwise a fine takes half the reserves and the chill rises by 0.5, capped at 1', () => {
    const { state, i, c } = withNgo();
    sanction(state, i, 7, 0.3, 0);
    expect(c.status[i]).toBe(ACTIVE);
    expect(c.reserves[i]).toBe(500);
    expect(c.chill[i]).toBeCloseTo(0.7, 6);
    expect(c.staff[i]).toBe(2);
    sanction(state, i, 8, 0.9, 0);
    expect(c.reserves[i]).toBe(250);
    expect(c.chill[i]).toBe(1);
    expect(c.sanctions[i]).toBe(2);
    expect(state.sector).toMatchObject({ sanctions: 2, closures: 0, dissolutions: 0, forcedExits: 0 });
  });
});

// -------------------------------------------------------------------------------------------------
describe('inspections (the monthly phase)', () => {
  const inspect = monthly(0.1); // ministries 0.05 + akimats 0.05
  const setUp = (over: Record<string, unknown> = {}) => {
    const state = stateOf(over);
    state.sector.repression = 0.5;
    state.sector.targeting = 0;
    state.sector.influence = 0;
    return state;
  };

  it('an inspected NGO (u < monthly rate) is sanctioned when the next u < sanctionChance', () => {
    const state = setUp();
    const i = addGroup(state, { type: SERVICE, autonomy: 0.8, capacity: 0.5, reserves: 1000 });
    const chance = 0.5 * 0.2 * 0.8; // no burden
    const stream = queueStream([inspect * 0.99, chance * 0.99, 0.5, 0.5]);
    useStreams(state, { inspections: stream });
    inspections(state, tickOf(state, 1));
    expect(stream.left()).toBe(0);
    expect(state.ngos.cols.sanctions[i]).toBe(1);
    expect(state.ngos.cols.reserves[i]).toBe(500);
  });

  it('not inspected (u ≥ the rate): one draw; inspected but not sanctioned: two', () => {
    const state = setUp();
    addGroup(state, { type: SERVICE, autonomy: 0.8, capacity: 0.5 });
    const stream = queueStream([inspect]);
    useStreams(state, { inspections: stream });
    inspections(state, tickOf(state, 1));
    expect(stream.left()).toBe(0);
    const chance = sanctionChance(r, SERVICE, Math.fround(0.8), 0.5, 0.5, 0);
    const second = queueStream([inspect * 0.99, chance]);
    useStreams(state, { inspections: second });
    inspections(state, tickOf(state, 1));
    expect(second.left()).toBe(0);
    expect(state.sector.sanctions).toBe(0);
  });

  it('targeting raises the inspection rate of advocacy and foreign-funded NGOs only', () => {
    const state = setUp();
    state.sector.targeting = 0.5; // × (1 + 2·0.5) = 2
    const service = addGroup(state, { type: SERVICE });
    const advocacy = addGroup(state, { type: ADVOCACY });
    const foreignFunded = addGroup(state, { type: SERVICE });
    state.ngos.cols.revForeign[foreignFunded] = 10;
    addGroup(state, { type: ADVOCACY });
    const u = inspect * 1.5;
    // service: not inspected (1 draw); advocacy and foreign-funded: inspected, not sanctioned (2 draws);
    // a targeted NGO drawing 2.5 × the rate is not inspected (1 draw)
    const stream = queueStream([u, u, 0.999, u, 0.999, inspect * 2.5]);
    useStreams(state, { inspections: stream });
    inspections(state, tickOf(state, 1));
    expect(stream.left()).toBe(0);
    expect([service, advocacy, foreignFunded]).toEqual([0, 1, 2]);
  });

  it('the burden in force (lightened by consultation) and the repression in force set the chance', () => {
    const state = setUp({ levers: { reporting: { burden: 1 }, repression: { level: 0.9 } } });
    state.sector.repression = 0;
    state.sector.influence = 0.5;
    const i = addGroup(state, { type: ADVOCACY, autonomy: 1, capacity: 0 });
    // 0·… + 0.1 · 1·(1 − 0.5·0.5) · 1 = 0.075
    const yes = queueStream([0, 0.0749, 0.9, 0.9]);
    useStreams(state, { inspections: yes });
    inspections(state, tickOf(state, 1));
    expect(state.ngos.cols.sanctions[i]).toBe(1);
    const no = queueStream([0, 0.0751]);
    useStreams(state, { inspections: no });
    inspections(state, tickOf(state, 1));
    expect(state.ngos.cols.sanctions[i]).toBe(1);
  });

  it('only active NGOs are inspected; no inspections at all when both rates are 0', () => {
    const state = setUp();
    addGroup(state, { status: DORMANT });
    addGroup(state, { status: INFORMAL });
    addGroup(state, { status: DEREGISTERED });
    useStreams(state, { inspections: queueStream([]) });
    inspections(state, tickOf(state, 1));
    const none = setUp({ levers: { ministries: { inspectionRate: 0 }, akimats: { inspectionRate: 0 } } });
    addGroup(none);
    useStreams(none, {});
    inspections(none, tickOf(none, 1));
    expect(none.sector.sanctions).toBe(0);
  });

  it('the yearly inspection rate is capped at 0.99', () => {
    const state = setUp({ levers: { ministries: { inspectionRate: 6 }, akimats: { inspectionRate: 6 } } });
    addGroup(state);
    const capped = monthly(0.99);
    const stream = queueStream([capped * 1.001]);
    useStreams(state, { inspections: stream });
    inspections(state, tickOf(state, 1));
    expect(stream.left()).toBe(0);
  });
});

// -------------------------------------------------------------------------------------------------
describe('reregistrationFailChance', () => {
  it('matches hand-computed values', () => {
    // 1 · 0.15 · (1 − 0.2) · (1 + 2·0.5) = 0.24 for a targeted NGO; 0.12 otherwise
    expect(reregistrationFailChance(1, 0.15, 0.2, 0.5, 2, true)).toBeCloseTo(0.24, 14);
    expect(reregistrationFailChance(1, 0.15, 0.2, 0.5, 2, false)).toBeCloseTo(0.12, 14);
    expect(reregistrationFailChance(0.5, 0.15, 0.2, 0.5, 2, false)).toBeCloseTo(0.06, 14);
    expect(reregistrationFailChance(1, 1, 0, 1, 2, true)).toBe(1);
  });

  it('falls with capacity, rises with strength and targeting (for targeted NGOs only)', () => {
    const u = seeded('rereg');
    for (let k = 0; k < 300; k++) {
      const [s, fail, cap, t, risk] = [u(), u(), u(), u(), between(u, 0, 5)];
      const p = reregistrationFailChance(s, fail, cap, t, risk, true);
      expect(p).toBeGreaterThanOrEqual(reregistrationFailChance(s, fail, cap, t, risk, false));
      expect(p).toBeLessThanOrEqual(1);
      expect(reregistrationFailChance(s, fail, Math.min(1, cap + 0.1), t, risk, true)).toBeLessThanOrEqual(p);
      expect(reregistrationFailChance(s, fail, cap, 0, risk, true)).toBe(
        reregistrationFailChance(s, fail, cap, 0, risk, false),
      );
    }
  });
});

describe('reregistration', () => {
  it('purges dormant NGOs with chance reregistrationPurge × s and fails weak active ones', () => {
    const state = stateOf();
    const dormantGone = addGroup(state, { status: DORMANT });
    const dormantKept = addGroup(state, { status: DORMANT });
    const weak = addGroup(state, { type: ADVOCACY, capacity: 0.2 });
    const strong = addGroup(state, { type: SERVICE, capacity: 0.2 });
    addGroup(state, { status: INFORMAL });
    // s = 0.5: purge 0.45; fail (advocacy, t = 1) 0.5·0.15·0.8·3 = 0.18; (service) 0.06 — a draw equal
    // to a chance does not pass
    const fail = reregistrationFailChance(0.5, 0.15, Math.fround(0.2), 1, 2, false);
    const stream = queueStream([0.449, 0.9 * 0.5, 0.179, 0.9, fail]);
    useStreams(state, { actions: stream });
    reregistration(state, 4, 0.5, 1);
    expect(stream.left()).toBe(0);
    const c = state.ngos.cols;
    expect(c.status[dormantGone]).toBe(DEREGISTERED);
    expect(c.status[dormantKept]).toBe(DORMANT);
    expect(c.status[weak]).toBe(DEREGISTERED);
    expect(c.status[strong]).toBe(ACTIVE);
    expect(state.sector).toMatchObject({ dissolutions: 2, forcedExits: 1, closures: 1 });
  });
});

// -------------------------------------------------------------------------------------------------
describe('actions (timeline events)', () => {
  const fire = (state: ModelState, action: string, strength = 1, values: number[] = []) => {
    const stream = queueStream(values);
    useStreams(state, { actions: stream });
    actions(state, tickOf(state, 6, [{ action, strength }]));
    return stream;
  };

  it('no actions: nothing happens and no stream is used', () => {
    const state = stateOf();
    useStreams(state, {});
    actions(state, tickOf(state, 6));
    expect(state.sector.legitimacyShock).toBe(0);
  });

  it('reregistration uses the targeting in force', () => {
    const state = stateOf();
    state.sector.targeting = 1;
    const i = addGroup(state, { type: ADVOCACY, capacity: 0 });
    // 1·0.15·1·(1 + 2·1) = 0.45
    const stream = fire(state, 'reregistration', 1, [0.449, 0.9]);
    expect(stream.left()).toBe(0);
    expect(state.ngos.cols.status[i]).toBe(DEREGISTERED);
    const kept = stateOf();
    kept.sector.targeting = 1;
    addGroup(kept, { type: ADVOCACY, capacity: 0 });
    fire(kept, 'reregistration', 1, [0.451]);
    expect(kept.ngos.cols.status[0]).toBe(ACTIVE);
  });

  it('audit: strikes off dormant NGOs with chance auditPurge × s; active ones are untouched', () => {
    const state = stateOf();
    addGroup(state, { status: DORMANT });
    addGroup(state, { status: DORMANT });
    addGroup(state);
    // 0.5 · 0.8 = 0.4: a draw of exactly 0.4 does not strike off
    const stream = fire(state, 'audit', 0.8, [0.399, 0.5 * 0.8]);
    expect(stream.left()).toBe(0);
    expect(Array.from(state.ngos.cols.status.subarray(0, 3))).toEqual([DEREGISTERED, DORMANT, ACTIVE]);
    expect(state.sector.dissolutions).toBe(1);
  });

  it('crackdown: sanctions autonomous advocacy NGOs (chance crackdownReach × s × autonomy) and shocks legitimacy', () => {
    const state = stateOf();
    const hit = addGroup(state, { type: ADVOCACY, autonomy: 0.8, reserves: 100 });
    const spared = addGroup(state, { type: ADVOCACY, autonomy: 0.5, reserves: 100 });
    addGroup(state, { type: SERVICE, autonomy: 1 });
    addGroup(state, { type: ADVOCACY, autonomy: 1, status: DORMANT });
    // s = 0.5: 0.3·0.5·0.8 = 0.12 and 0.3·0.5·0.5 = 0.075 (a draw of exactly that spares it)
    const stream = fire(state, 'crackdown', 0.5, [0.119, 0.9, 0.9, 0.3 * 0.5 * 0.5]);
    expect(stream.left()).toBe(0);
    const c = state.ngos.cols;
    expect(c.sanctions[hit]).toBe(1);
    expect(c.reserves[hit]).toBe(50);
    expect(c.sanctions[spared]).toBe(0);
    expect(state.sector.legitimacyShock).toBeCloseTo(0.15 * 0.5, 14);
  });

  it('civilForum raises the forum boost by forum × s; legitimacyShock adds s to the month’s shock', () => {
    const state = stateOf();
    state.sector.forumBoost = 0.01;
    fire(state, 'civilForum', 0.5);
    expect(state.sector.forumBoost).toBeCloseTo(0.01 + 0.1 * 0.5, 14);
    fire(state, 'legitimacyShock', 0.2);
    fire(state, 'legitimacyShock', 0.1);
    expect(state.sector.legitimacyShock).toBeCloseTo(0.3, 14);
  });

  it('an unknown action is an error', () => {
    const state = stateOf();
    expect(() => fire(state, 'coup')).toThrow(/unknown action coup/);
  });
});

// -------------------------------------------------------------------------------------------------
describe('perceivedThreat', () => {
  const s = params.stateResponse;

  it('matches a hand-computed value', () => {
    // 0.4·(1 − e^(−1/1)) + 0.3·0.5 + 0.3·(1 − e^(−0.005/0.005))
    expect(perceivedThreat(s, 1, 0.5, 0.005)).toBeCloseTo(0.7 * (1 - Math.exp(-1)) + 0.15, 14);
    expect(perceivedThreat(s, 0, 0, 0)).toBe(0);
  });

  it('rises with advocacy, the foreign-funded share and protest', () => {
    const u = seeded('threat');
    for (let k = 0; k < 300; k++) {
      const [a, f, p] = [between(u, 0, 5), u(), between(u, 0, 0.05)];
      const t = perceivedThreat(s, a, f, p);
      expect(perceivedThreat(s, a + 0.1, f, p)).toBeGreaterThan(t);
      expect(perceivedThreat(s, a, f + 0.1, p)).toBeGreaterThan(t);
      expect(perceivedThreat(s, a, f, p + 0.001)).toBeGreaterThan(t);
      expect(t).toBeLessThanOrEqual(1);
    }
  });

  it('each part saturates at its weight; the references set the scale', () => {
    expect(perceivedThreat(s, 1e6, 0, 0)).toBeCloseTo(0.4, 12);
    expect(perceivedThreat(s, 0, 1, 0)).toBeCloseTo(0.3, 12);
    expect(perceivedThreat(s, 0, 0, 1)).toBeCloseTo(0.3, 12);
    const wide = { ...s, advocacyReference: 2, protestReference: 0.01 };
    expect(perceivedThreat(wide, 2, 0, 0)).toBeCloseTo(0.4 * (1 - Math.exp(-1)), 14);
    expect(perceivedThreat(wide, 0, 0, 0.01)).toBeCloseTo(0.3 * (1 - Math.exp(-1)), 14);
  });

  it('knockouts: a weight of 0 removes that source of threat; the total is capped at 1', () => {
    expect(perceivedThreat({ ...s, advocacyWeight: 0 }, 5, 0.2, 0.001)).toBe(
      perceivedThreat({ ...s, advocacyWeight: 0 }, 0, 0.2, 0.001),
    );
    expect(perceivedThreat({ ...s, foreignWeight: 0 }, 1, 1, 0.001)).toBe(
      perceivedThreat({ ...s, foreignWeight: 0 }, 1, 0, 0.001),
    );
    expect(perceivedThreat({ ...s, protestWeight: 0 }, 1, 0.2, 0.5)).toBe(
      perceivedThreat({ ...s, protestWeight: 0 }, 1, 0.2, 0),
    );
    const heavy = { ...s, advocacyWeight: 1, foreignWeight: 1, protestWeight: 1 };
    expect(perceivedThreat(heavy, 10, 1, 1)).toBe(1);
  });
});

describe('ownRepressionTarget', () => {
  it('is responsiveness × the threat above tolerance, on a 0–1 scale', () => {
    expect(ownRepressionTarget(0.7, 0.35, 0.5)).toBeCloseTo((0.5 * 0.35) / 0.65, 14);
    expect(ownRepressionTarget(1, 0.35, 0.5)).toBeCloseTo(0.5, 14);
    expect(ownRepressionTarget(1, 0, 1)).toBe(1);
  });

  it('is 0 at or below tolerance, with a tolerance of 1, or with no responsiveness', () => {
    expect(ownRepressionTarget(0.35, 0.35, 1)).toBe(0);
    expect(ownRepressionTarget(0.2, 0.35, 1)).toBe(0);
    expect(ownRepressionTarget(1, 1, 1)).toBe(0);
    expect(ownRepressionTarget(0.9, 0.35, 0)).toBe(0);
  });

  it('rises with threat and responsiveness, falls with tolerance', () => {
    const u = seeded('own-repression');
    for (let k = 0; k < 300; k++) {
      const [threat, tol, resp] = [u(), between(u, 0, 0.99), between(u, 0.01, 1)];
      const x = ownRepressionTarget(threat, tol, resp);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(resp + 1e-12);
      if (threat > tol) {
        expect(ownRepressionTarget(Math.min(1, threat + 0.01), tol, resp)).toBeGreaterThan(x);
        expect(ownRepressionTarget(threat, tol, resp * 0.5)).toBeLessThan(x);
        expect(ownRepressionTarget(threat, tol + (threat - tol) / 2, resp)).toBeLessThan(x);
      }
    }
  });
});

describe('stateResponse (the monthly phase)', () => {
  const setUp = (over: Record<string, unknown> = {}) => {
    const state = stateOf({
      levers: { repression: { level: 0.2, responsiveness: 0.8 }, reporting: { targeting: 0.1 } },
      ...over,
    });
    const s = state.sector;
    s.advocacyOutput = 2;
    s.foreignFundedShare = 0.5;
    s.protesters = 1; // of 200 citizens
    s.influence = 0.5;
    s.stateRepression = 0.1;
    return state;
  };

  it('reads the threat, raises its tolerance by consultation, and moves its own repression 1/adjustMonths of the way', () => {
    const state = setUp();
    useStreams(state, {});
    stateResponse(state, tickOf(state, 3));
    const s = state.sector;
    const threat = 0.4 * (1 - Math.exp(-2)) + 0.3 * 0.5 + 0.3 * (1 - Math.exp(-0.005 / 0.005));
    expect(s.threat).toBeCloseTo(threat, 14);
    const tolerance = 0.35 + 0.3 * 0.5;
    const target = (0.8 * (threat - tolerance)) / (1 - tolerance);
    const own = 0.1 + (target - 0.1) / 6;
    expect(s.stateRepression).toBeCloseTo(own, 14);
    expect(s.repression).toBeCloseTo(0.2 + own, 14);
    expect(s.targeting).toBeCloseTo(0.1 + own, 14);
    expect(s.lastStateReregistration).toBe(-1_000_000);
  });

  it('repression and targeting in force are capped at 1; a state that does not respond only relaxes', () => {
    const state = setUp({
      levers: { repression: { level: 0.95, responsiveness: 0 }, reporting: { targeting: 0.95 } },
    });
    useStreams(state, {});
    stateResponse(state, tickOf(state, 3));
    // target 0: 0.1 − 0.1/6
    expect(state.sector.stateRepression).toBeCloseTo(0.1 - 0.1 / 6, 14);
    expect(state.sector.repression).toBe(1);
    expect(state.sector.targeting).toBe(1);
  });

  it('a threat above reregistrationThreat makes a responsive state order a re-registration, once in a while', () => {
    const state = setUp();
    const s = state.sector;
    s.advocacyOutput = 100;
    s.foreignFundedShare = 1;
    s.protesters = 100; // threat ≈ 1
    const dormant = addGroup(state, { status: DORMANT });
    addGroup(state, { status: DORMANT });
    // strength 0.5: purge chance 0.9·0.5 = 0.45
    useStreams(state, { actions: queueStream([0.44, 0.46]) });
    stateResponse(state, tickOf(state, 80));
    expect(s.lastStateReregistration).toBe(80);
    expect(state.ngos.cols.status[dormant]).toBe(DEREGISTERED);
    expect(state.ngos.cols.status[dormant + 1]).toBe(DORMANT);
    // not again within reregistrationYears (6 years = 72 months)
    useStreams(state, {});
    stateResponse(state, tickOf(state, 151));
    expect(s.lastStateReregistration).toBe(80);
    useStreams(state, { actions: queueStream([0.9]) });
    stateResponse(state, tickOf(state, 152));
    expect(s.lastStateReregistration).toBe(152);
  });

  it('a threat exactly at reregistrationThreat is enough', () => {
    const state = setUp({ parameters: { stateResponse: { reregistrationThreat: 0.3 } } });
    state.sector.advocacyOutput = 0;
    state.sector.foreignFundedShare = 1;
    state.sector.protesters = 0; // threat 0.3·1
    useStreams(state, { actions: queueStream([]) });
    stateResponse(state, tickOf(state, 80));
    expect(state.sector.threat).toBe(0.3);
    expect(state.sector.lastStateReregistration).toBe(80);
  });

  it('no re-registration below the threat, or from a state that does not respond', () => {
    const low = setUp();
    useStreams(low, {});
    stateResponse(low, tickOf(low, 80));
    expect(low.sector.threat).toBeLessThan(0.7);
    expect(low.sector.lastStateReregistration).toBe(-1_000_000);
    const passive = setUp({ levers: { repression: { level: 0.2, responsiveness: 0 } } });
    passive.sector.advocacyOutput = 100;
    passive.sector.foreignFundedShare = 1;
    passive.sector.protesters = 100;
    useStreams(passive, {});
    stateResponse(passive, tickOf(passive, 80));
    expect(passive.sector.threat).toBeGreaterThan(0.9);
    expect(passive.sector.lastStateReregistration).toBe(-1_000_000);
  });
});
