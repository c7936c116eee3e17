/**
 * What groups produce (outputs.ts) — service output from capacity and staff; independent advocacy from
 * capacity and autonomy, chilled by sanctions, withheld under conditional money, amplified by
 * independent umbrella bodies — and the ways a group's status changes (statusChanges.ts).
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
  addNgo,
  createNgoTable,
} from '../../../src/models/civil-society/ngos.ts';
import { advocacyOutput, isIndependent, serviceOutput } from '../../../src/models/civil-society/outputs.ts';
import {
  closeNgo,
  deregister,
  dissolveInformal,
  forceOut,
  registerInformal,
} from '../../../src/models/civil-society/statusChanges.ts';
import { addGroup, between, params, seeded, stateOf } from './ruleHelpers.ts';

const o = params.outputs;

const table = () => createNgoTable(8);
const group = (
  t: ReturnType<typeof table>,
  type: number,
  capacity: number,
  autonomy = 1,
  status: number = ACTIVE,
) => addNgo(t, { type, status, tick: 0, densityAtFounding: 0, capacity, autonomy, reserves: 0 });

describe('serviceOutput', () => {
  it('is capacity × (1 + min(staff, 10)/5); an advocacy group gives 20% of that; unregistered groups none', () => {
    const t = table();
    const c = t.cols;
    const s = group(t, SERVICE, 0.5);
    c.staff[s] = 2;
    expect(serviceOutput(c, s, o)).toBeCloseTo(0.5 * 1.4, 6);
    c.staff[s] = 40; // capped at 10
    expect(serviceOutput(c, s, o)).toBeCloseTo(0.5 * 3, 6);
    const a = group(t, ADVOCACY, 0.5);
    c.staff[a] = 2;
    expect(serviceOutput(c, a, o)).toBeCloseTo(0.2 * 0.5 * 1.4, 6);
    const g = group(t, STATE_CREATED, 0.25);
    expect(serviceOutput(c, g, o)).toBeCloseTo(0.25, 6);
    const inf = group(t, SERVICE, 0.5, 1, INFORMAL);
    c.staff[inf] = 2;
    expect(serviceOutput(c, inf, o)).toBe(0);
  });

  it('the parameters set the staff effect', () => {
    const t = table();
    const s = group(t, SERVICE, 0.5);
    t.cols.staff[s] = 4;
    expect(serviceOutput(t.cols, s, { ...o, staffServiceScale: 2 })).toBeCloseTo(0.5 * 3, 6);
    expect(serviceOutput(t.cols, s, { ...o, staffForService: 1 })).toBeCloseTo(0.5 * 1.2, 6);
    expect(serviceOutput(t.cols, s, { ...o, staffForService: 0 })).toBeCloseTo(0.5, 6);
  });
});

describe('advocacyOutput', () => {
  it('is capacity × autonomy × (1 − chill) × (1 − selfCensorship × pressure) × (1 + umbrella voice)', () => {
    const t = table();
    const c = t.cols;
    const a = group(t, ADVOCACY, 0.5, 0.75);
    c.chill[a] = 0.25;
    c.pressure[a] = 0.5;
    c.umbrella[a] = 1;
    // 0.5 · 0.75 · 0.75 · (1 − 0.5·0.5) · (1 + 0.3·(1 − 0.5))
    expect(advocacyOutput(c, a, o, 0.5, 0.5)).toBeCloseTo(0.5 * 0.75 * 0.75 * 0.75 * 1.15, 6);
    // no umbrella: no extra voice; a fully aligned umbrella adds none either
    expect(advocacyOutput(c, a, o, 0.5, 1)).toBeCloseTo(0.5 * 0.75 * 0.75 * 0.75, 6);
    c.umbrella[a] = 0;
    expect(advocacyOutput(c, a, o, 0.5, 0)).toBeCloseTo(0.5 * 0.75 * 0.75 * 0.75, 6);
    // knockout: selfCensorship 0 → conditional money does not silence
    expect(advocacyOutput(c, a, o, 0, 0)).toBeCloseTo(0.5 * 0.75 * 0.75, 6);
  });

  it('unregistered groups advocate at informalAdvocacy of the reach; service and state-created NGOs not at all', () => {
    const t = table();
    const c = t.cols;
    const inf = group(t, ADVOCACY, 0.5, 1, INFORMAL);
    expect(advocacyOutput(c, inf, o, 0.5, 0.5)).toBeCloseTo(0.5 * 0.5, 6);
    expect(advocacyOutput(c, group(t, SERVICE, 1), o, 0, 0)).toBe(0);
    expect(advocacyOutput(c, group(t, STATE_CREATED, 1), o, 0, 0)).toBe(0);
  });

  it('rises with capacity and autonomy, falls with chill and pressure, within [0, capacity × (1 + voice)]', () => {
    const u = seeded('advocacy-output');
    const t = table();
    const c = t.cols;
    const a = group(t, ADVOCACY, 0.5);
    for (let k = 0; k < 300; k++) {
      c.capacity[a] = u();
      c.autonomy[a] = u();
      c.chill[a] = u();
      c.pressure[a] = u();
      c.umbrella[a] = u() < 0.5 ? 1 : 0;
      const [sc, aligned] = [u(), u()];
      const x = advocacyOutput(c, a, o, sc, aligned);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(c.capacity[a] * (1 + 0.3) + 1e-9);
      const more = between(u, 0.01, 0.2);
      c.autonomy[a] = Math.min(1, c.autonomy[a] + more);
      expect(advocacyOutput(c, a, o, sc, aligned)).toBeGreaterThanOrEqual(x);
    }
  });

  it('isIndependent: every group but a state-created one', () => {
    const t = table();
    expect(isIndependent(t.cols, group(t, SERVICE, 1))).toBe(true);
    expect(isIndependent(t.cols, group(t, ADVOCACY, 1))).toBe(true);
    expect(isIndependent(t.cols, group(t, STATE_CREATED, 1))).toBe(false);
  });
});

// -------------------------------------------------------------------------------------------------
describe('status changes', () => {
  const withNgo = (status: number = ACTIVE) => {
    const state = stateOf();
    const i = addGroup(state, { status, tick: 5 });
    const c = state.ngos.cols;
    c.staff[i] = 2;
    c.seat[i] = 1;
    c.contractSocialOrder[i] = 1;
    c.contractGrants[i] = 2;
    c.contractForeign[i] = 3;
    c.contractCorporate[i] = 4;
    c.shortfallMonths[i] = 5;
    return { state, i, c };
  };
  const lapsed = (c: ReturnType<typeof withNgo>['c'], i: number) => [
    c.staff[i],
    c.seat[i],
    c.contractSocialOrder[i],
    c.contractGrants[i],
    c.contractForeign[i],
    c.contractCorporate[i],
    c.shortfallMonths[i],
  ];

  it('closeNgo: the NGO stays on the register, dormant; staff, seat and contracts lapse', () => {
    const { state, i, c } = withNgo();
    closeNgo(state, i, 3);
    expect(c.status[i]).toBe(DORMANT);
    expect(c.closedAt[i]).toBe(3);
    expect(c.deregisteredAt[i]).toBe(-1);
    expect(lapsed(c, i)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(state.sector).toMatchObject({ closures: 1, dissolutions: 0 });
  });

  it('deregister: from active a closure and a dissolution; from dormant a dissolution only', () => {
    const active = withNgo();
    deregister(active.state, active.i, 9);
    expect(active.c.status[active.i]).toBe(DEREGISTERED);
    expect([active.c.closedAt[active.i], active.c.deregisteredAt[active.i]]).toEqual([9, 9]);
    expect(lapsed(active.c, active.i)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(active.state.sector).toMatchObject({ closures: 1, dissolutions: 1 });
    const dormant = withNgo(DORMANT);
    dormant.c.closedAt[dormant.i] = 3;
    deregister(dormant.state, dormant.i, 9);
    expect(dormant.c.status[dormant.i]).toBe(DEREGISTERED);
    expect([dormant.c.closedAt[dormant.i], dormant.c.deregisteredAt[dormant.i]]).toEqual([3, 9]);
    expect(dormant.state.sector).toMatchObject({ closures: 0, dissolutions: 1 });
  });

  it('forceOut: a working NGO is a forced exit and its people go on unregistered when u < persistence', () => {
    const on = withNgo();
    forceOut(on.state, on.i, 9, 0.39);
    expect(on.c.status[on.i]).toBe(INFORMAL);
    expect([on.c.closedAt[on.i], on.c.deregisteredAt[on.i], on.c.refused[on.i]]).toEqual([-1, 9, 1]);
    expect(on.state.sector).toMatchObject({ forcedExits: 1, closures: 1, dissolutions: 1 });
    const off = withNgo();
    forceOut(off.state, off.i, 9, 0.4);
    expect(off.c.status[off.i]).toBe(DEREGISTERED);
    expect([off.c.closedAt[off.i], off.c.refused[off.i]]).toEqual([9, 0]);
    expect(off.state.sector).toMatchObject({ forcedExits: 1 });
  });

  it('forceOut of a dormant NGO is no forced exit, and nobody goes on', () => {
    const { state, i, c } = withNgo(DORMANT);
    forceOut(state, i, 9, 0);
    expect(c.status[i]).toBe(DEREGISTERED);
    expect(c.refused[i]).toBe(0);
    expect(state.sector).toMatchObject({ forcedExits: 0, closures: 0, dissolutions: 1 });
  });

  it('dissolveInformal and registerInformal', () => {
    const gone = withNgo(INFORMAL);
    dissolveInformal(gone.state, gone.i, 11);
    expect(gone.c.status[gone.i]).toBe(DEREGISTERED);
    expect(gone.c.closedAt[gone.i]).toBe(11);
    expect(gone.state.sector.closures).toBe(1);
    const back = withNgo(INFORMAL);
    back.c.deregisteredAt[back.i] = 2;
    back.c.closedAt[back.i] = 4;
    registerInformal(back.state, back.i, 3); // earlier than its recorded founding (5): the earlier counts
    expect(back.c.status[back.i]).toBe(ACTIVE);
    expect([back.c.deregisteredAt[back.i], back.c.closedAt[back.i], back.c.founded[back.i]]).toEqual([
      -1, -1, 3,
    ]);
    expect(back.c.reserves[back.i]).toBeCloseTo(375, 10);
    expect(back.c.fundraising[back.i]).toBeCloseTo(300, 10);
    expect(back.state.sector.foundings).toBe(1);
    const later = withNgo(INFORMAL);
    registerInformal(later.state, later.i, 20);
    expect(later.c.founded[later.i]).toBe(5);
  });
});
