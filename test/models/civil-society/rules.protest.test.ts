/**
 * Protest after Epstein (2002) (rules/protest.ts): the arrest risk a citizen estimates from the police
 * and the protesters she sees, P = 1 − exp(−k·⌊C/A⌋); the rule that she protests while her grievance less
 * her risk exceeds the threshold; and the monthly phase — who reconsiders, arrests up to the police's
 * capacity, jail terms and releases.
 */
import { describe, expect, it } from 'vitest';
import { arrestProbability as epstein, grievance, rebels } from '../../../src/models/behaviour/grievance.ts';
import { legitimacyOf } from '../../../src/models/civil-society/rules/participation.ts';
import {
  arrestProbability,
  createProtestRoll,
  protest,
  protests,
} from '../../../src/models/civil-society/rules/protest.ts';
import type { ModelState } from '../../../src/models/civil-society/state.ts';
import {
  between,
  constantStream,
  params,
  queueStream,
  seeded,
  seededStream,
  stateOf,
  tickOf,
  useStreams,
} from './ruleHelpers.ts';

const pr = params.protest;

describe('arrestProbability', () => {
  it('is 1 − exp(−k·⌊C/A⌋) with C = police·repression·vision and A = 1 + s·share·vision', () => {
    // repression 0.25: C = 0.08·0.25·100 = 2 officers in sight
    expect(arrestProbability(pr, 0.25, 0)).toBeCloseTo(1 - Math.exp(-2.3 * 2), 14);
    // 1% protesting: A = 1 + 1 = 2, ⌊2/2⌋ = 1
    expect(arrestProbability(pr, 0.25, 0.01)).toBeCloseTo(1 - Math.exp(-2.3), 14);
    // 2%: A = 3, ⌊2/3⌋ = 0: protesters outnumber the police in sight and the risk vanishes
    expect(arrestProbability(pr, 0.25, 0.02)).toBe(0);
    // the floor: C = 2.4 counts as 2
    expect(arrestProbability(pr, 0.3, 0)).toBeCloseTo(1 - Math.exp(-2.3 * 2), 14);
    // no repression, no police
    expect(arrestProbability(pr, 0, 0)).toBe(0);
  });

  it('the parameters set the scale: k, police per citizen, vision', () => {
    expect(arrestProbability({ ...pr, arrestConstant: 1 }, 0.25, 0)).toBeCloseTo(1 - Math.exp(-2), 14);
    expect(arrestProbability({ ...pr, police: 0.16 }, 0.25, 0)).toBeCloseTo(1 - Math.exp(-2.3 * 4), 14);
    // vision 50: C = 1, A = 1 + 0.02·50 = 2 → ⌊0.5⌋ = 0
    expect(arrestProbability({ ...pr, vision: 50 }, 0.25, 0)).toBeCloseTo(1 - Math.exp(-2.3), 14);
    expect(arrestProbability({ ...pr, vision: 50 }, 0.25, 0.02)).toBe(0);
  });

  it('knockout: safetyInNumbers 0 → the crowd does not lower the risk', () => {
    const alone = { ...pr, safetyInNumbers: 0 };
    expect(arrestProbability(alone, 0.25, 0.5)).toBe(arrestProbability(alone, 0.25, 0));
    expect(arrestProbability({ ...pr, safetyInNumbers: 0.5 }, 0.25, 0.02)).toBeCloseTo(
      1 - Math.exp(-2.3),
      14,
    );
  });

  it('falls (weakly) as more protest, rises with repression, and is a probability', () => {
    const u = seeded('arrest');
    for (let k = 0; k < 500; k++) {
      const [rep, share] = [u(), between(u, 0, 0.2)];
      const p = arrestProbability(pr, rep, share);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(1);
      expect(arrestProbability(pr, rep, share + 0.01)).toBeLessThanOrEqual(p);
      expect(arrestProbability(pr, Math.min(1, rep + 0.1), share)).toBeGreaterThanOrEqual(p);
    }
  });
});

describe('protests', () => {
  it('Epstein’s rule: grievance scale·H·(1 − L) less risk aversion × risk above the threshold', () => {
    // G = 0.2·1·(1 − 0.2) = 0.16; 0.16 − 0.5·0.1 = 0.11 > 0.1
    expect(protests(pr, 1, 0.2, 0.5, 0.1)).toBe(true);
    // 0.16 − 0.5·0.13 = 0.095
    expect(protests(pr, 1, 0.2, 0.5, 0.13)).toBe(false);
    // no risk: G alone against T
    expect(protests(pr, 0.6, 0, 1, 0)).toBe(true); // 0.12
    expect(protests(pr, 0.4, 0, 1, 0)).toBe(false); // 0.08
  });

  it('the threshold is strict: net grievance equal to it is not enough', () => {
    // G = 0.2·0.5·0.5 = 0.05, R·P = 0.5·0.1 = 0.05: net 0, threshold 0
    expect(protests({ ...pr, threshold: 0 }, 0.5, 0.5, 0.5, 0.1)).toBe(false);
    expect(protests({ ...pr, threshold: 0 }, 0.5, 0.5, 0.5, 0.09)).toBe(true);
  });

  it('more hardship, less legitimacy, less risk aversion or risk → more protest; no grievance, none', () => {
    const u = seeded('protests');
    for (let k = 0; k < 500; k++) {
      const [h, l, r, p] = [u(), u(), u(), u()];
      if (protests(pr, h, l, r, p)) {
        expect(protests(pr, Math.min(1, h + 0.1), l, r, p)).toBe(true);
        expect(protests(pr, h, Math.max(0, l - 0.1), r, p)).toBe(true);
        expect(protests(pr, h, l, r * 0.5, p)).toBe(true);
        expect(protests(pr, h, l, r, p * 0.5)).toBe(true);
      }
      expect(protests(pr, h, 1, r, p)).toBe(false);
      expect(protests({ ...pr, grievanceScale: 0 }, h, l, r, p)).toBe(false);
    }
  });
});

describe('one implementation: the classic Epstein rule', () => {
  it('arrestProbability and protests are the shared functions, to the bit', () => {
    const u = seeded('shared-rule');
    for (let k = 0; k < 2000; k++) {
      const [rep, share, h, l, r] = [u(), between(u, 0, 0.1), u(), u(), u()];
      const risk = arrestProbability(pr, rep, share);
      const cops = pr.police * rep * pr.vision;
      const seen = 1 + pr.safetyInNumbers * share * pr.vision;
      expect(risk).toBe(epstein(pr.arrestConstant, cops, seen, 'floor'));
      expect(protests(pr, h, l, r, risk)).toBe(
        rebels(grievance(h, l, pr.grievanceScale), r, risk, pr.threshold),
      );
    }
  });

  it('the monthly phase, everyone reconsidering, protests exactly where the rule says', () => {
    for (const [legitimacy, repression, lastMonth] of [
      [0.1, 0.25, 0],
      [0.2, 0.25, 2],
      [0, 0.5, 1],
      [0.05, 0, 0],
    ]) {
      // the citizens' own random hardship, risk aversion and legitimacy; all hardship grievance (scale 1),
      // so that grievance, risk and threshold all decide someone; no arrests
      const state = stateOf({
        parameters: { protest: { reconsiderRate: 1, arrestCapacity: 0, grievanceScale: 1 } },
      });
      const q = state.params.protest;
      state.sector.legitimacyScale = 0.5;
      state.sector.legitimacyOffset = legitimacy;
      state.sector.repression = repression;
      state.sector.protesters = lastMonth;
      const c = state.citizens;
      const risk = arrestProbability(q, repression, lastMonth / 200);
      const expected = Array.from({ length: 200 }, (_, i) => i).filter((i) =>
        protests(q, c.hardship[i], legitimacyOf(state, i), c.riskAversion[i], risk),
      );
      useStreams(state, { protest: constantStream(0.5) });
      protest(state, tickOf(state, 0));
      expect(expected.length, `legitimacy ${legitimacy}`).toBeGreaterThan(5);
      expect(expected.length).toBeLessThan(195);
      // where there is a risk, it holds back some whose grievance alone would carry them
      const heldBack = Array.from({ length: 200 }, (_, i) => i).filter(
        (i) => grievance(c.hardship[i], legitimacyOf(state, i), 1) > q.threshold && !expected.includes(i),
      );
      expect(heldBack.length > 0, `held back at repression ${repression}`).toBe(risk > 0);
      expect(Array.from(c.protesting).flatMap((x, i) => (x ? [i] : []))).toEqual(expected);
    }
  });
});

describe('createProtestRoll', () => {
  it('holds every citizen and a release count for every month a jail term can end in', () => {
    const roll = createProtestRoll(50, 120, 24);
    expect(roll.list.length).toBe(50);
    expect(roll.next.length).toBe(50);
    expect(roll.count).toBe(0);
    expect(roll.releases.length).toBe(120 + 24 + 2);
  });
});

// -------------------------------------------------------------------------------------------------
describe('protest (the monthly phase)', () => {
  /** Everyone's legitimacy is L; hardship rises with the citizen's index (H_i = i/200); no risk aversion. */
  const setUp = (over: Record<string, unknown> = {}, legitimacy = 0) => {
    const state = stateOf(over);
    state.sector.legitimacyScale = 0;
    state.sector.legitimacyOffset = legitimacy;
    state.sector.repression = 0;
    const c = state.citizens;
    for (let i = 0; i < 200; i++) {
      c.hardship[i] = i / 200;
      c.riskAversion[i] = 0;
    }
    return state;
  };
  const protesting = (state: ModelState) =>
    Array.from(state.citizens.protesting).flatMap((x, i) => (x ? [i] : []));

  it('without police every citizen with grievance above the threshold protests: 0.2·H > 0.1', () => {
    const state = setUp();
    useStreams(state, { protest: constantStream(0.5) });
    protest(state, tickOf(state, 0));
    // H = i/200 > 0.5 ⇔ i > 100
    const expected = Array.from({ length: 99 }, (_, k) => 101 + k);
    expect(protesting(state)).toEqual(expected);
    expect(state.sector.protesters).toBe(99);
    expect(state.protest.count).toBe(99);
    expect(Array.from(state.protest.list.subarray(0, 99)).sort((a, b) => a - b)).toEqual(expected);
    expect(state.sector.arrests).toBe(0);
  });

  it('legitimacy (the shared map) lowers grievance', () => {
    const state = setUp({}, 0.5);
    useStreams(state, { protest: constantStream(0.5) });
    protest(state, tickOf(state, 0));
    // 0.2·H·0.5 > 0.1 ⇔ H > 1: nobody
    expect(protesting(state)).toEqual([]);
  });

  it('the risk is estimated from last month’s protesters: safety in numbers', () => {
    const run = (lastMonth: number) => {
      const state = setUp();
      state.sector.repression = 0.25; // 2 officers in sight
      state.sector.protesters = lastMonth;
      state.citizens.riskAversion.fill(0.05);
      useStreams(state, { protest: constantStream(0.5) });
      protest(state, tickOf(state, 0));
      return protesting(state).length;
    };
    // nobody last month: P = 1 − e^(−4.6), needs 0.2·H − 0.05·P > 0.1: H > 0.5 + 0.25·P
    const risk = 1 - Math.exp(-4.6);
    const expected = Array.from({ length: 200 }, (_, i) => i / 200).filter(
      (h) => 0.2 * h - 0.05 * risk > 0.1,
    ).length;
    expect(run(0)).toBe(expected);
    // 4 of 200 last month (2%): the risk vanishes and everyone above H = 0.5 protests
    expect(run(4)).toBe(99);
    // 2 of 200 (1%): one officer per protester in sight, P = 1 − e^(−2.3)
    const half = 1 - Math.exp(-2.3);
    expect(run(2)).toBe(
      Array.from({ length: 200 }, (_, i) => i / 200).filter((h) => 0.2 * h - 0.05 * half > 0.1).length,
    );
  });

  it('reconsidering citizens are found by geometric skipping; protesters always reconsider', () => {
    const state = setUp({ parameters: { protest: { reconsiderRate: 0.12 } } });
    state.citizens.hardship.fill(1);
    // skip ⌊ln(0.1)/ln(0.88)⌋ = 18: citizens 18, 37, 56, …
    useStreams(state, { protest: constantStream(0.9) });
    protest(state, tickOf(state, 0));
    const expected = Array.from({ length: 200 }, (_, i) => i).filter((i) => i >= 18 && (i - 18) % 19 === 0);
    expect(protesting(state)).toEqual(expected);
    // next month legitimacy is 1: the protesters reconsider and all stop, though none of them is skipped to
    state.sector.legitimacyOffset = 1;
    useStreams(state, { protest: constantStream(1 - 1e-12) });
    protest(state, tickOf(state, 1));
    expect(protesting(state)).toEqual([]);
    expect(state.sector.protesters).toBe(0);
  });

  it('arrests up to the police’s capacity (a share of citizens × repression), whole or by chance', () => {
    const run = (u: number) => {
      // capacity 0.0125·1·200 = 2.5 arrests: 3 when u < 0.5, else 2
      const state = setUp({ parameters: { protest: { arrestCapacity: 0.0125 } } });
      state.sector.repression = 1;
      state.sector.protesters = 100; // half protested last month: the risk vanishes (⌊8/51⌋ = 0)
      state.sector.jailed = 4;
      useStreams(state, { protest: constantStream(u) });
      protest(state, tickOf(state, 3));
      return state;
    };
    const many = run(0.4);
    expect(many.sector.arrests).toBe(3);
    expect(many.sector.jailed).toBe(4 + 3);
    expect(many.sector.protesters).toBe(99 - 3);
    expect(protesting(many).length).toBe(96);
    // the arrested are would-be protesters, jailed until tick 3 + 1 + ⌊0.4·24⌋ = 13
    const jailed = Array.from(many.citizens.jailedUntil).flatMap((t, i) => (t > 0 ? [i] : []));
    expect(jailed.length).toBe(3);
    for (const i of jailed) {
      expect(i).toBeGreaterThan(100);
      expect(many.citizens.protesting[i]).toBe(0);
      expect(many.citizens.jailedUntil[i]).toBe(13);
    }
    expect(many.protest.releases[13]).toBe(3);
    // u exactly at the fraction: no extra arrest
    expect(run(0.5).sector.arrests).toBe(2);
    const few = run(0.6);
    expect(few.sector.arrests).toBe(2);
    expect(few.citizens.jailedUntil.filter((t) => t > 0).length).toBe(2);
    expect(few.citizens.jailedUntil.find((t) => t > 0)).toBe(3 + 1 + Math.floor(0.6 * 24));
  });

  it('protesters go on protesting from month to month without being counted twice', () => {
    const state = setUp({ parameters: { protest: { reconsiderRate: 0.12 } } });
    state.citizens.hardship.fill(1);
    useStreams(state, { protest: constantStream(0.9) }); // citizens 18, 37, … reconsider
    protest(state, tickOf(state, 0));
    const first = protesting(state);
    expect(first.length).toBe(10);
    // next month nobody new reconsiders: the protesters stay
    useStreams(state, { protest: constantStream(1 - 1e-12) });
    protest(state, tickOf(state, 1));
    expect(protesting(state)).toEqual(first);
    expect(state.sector.protesters).toBe(10);
    // and when everyone reconsiders, each protester is still counted once
    const all = setUp();
    useStreams(all, { protest: constantStream(0.5) });
    protest(all, tickOf(all, 0));
    protest(all, tickOf(all, 1));
    expect(all.sector.protesters).toBe(99);
    expect(new Set(all.protest.list.subarray(0, all.protest.count)).size).toBe(99);
  });

  it('arrests fall on protesters at random, not in the order they took to the street', () => {
    let sum = 0;
    let count = 0;
    for (let m = 0; m < 40; m++) {
      const state = setUp({ parameters: { protest: { arrestCapacity: 0.05 } } });
      state.sector.repression = 1;
      state.sector.protesters = 100;
      useStreams(state, { protest: seededStream(`arrests-${m}`) });
      protest(state, tickOf(state, 0));
      state.citizens.jailedUntil.forEach((t, i) => {
        if (t > 0) {
          sum += i;
          count++;
        }
      });
    }
    expect(count).toBe(400);
    // protesters are citizens 101 … 199: the arrested average about 150 (sd of the mean ≈ 1.4)
    expect(Math.abs(sum / count - 150)).toBeLessThan(6);
  });

  it('never more arrests than protesters; the free protesters form next month’s roll', () => {
    const state = setUp({ parameters: { protest: { arrestCapacity: 1 } } });
    state.sector.repression = 1;
    state.sector.protesters = 200;
    useStreams(state, { protest: constantStream(0.3) });
    protest(state, tickOf(state, 0));
    expect(state.sector.arrests).toBe(99);
    expect(state.sector.protesters).toBe(0);
    expect(state.protest.count).toBe(0);
  });

  it('the jailed cannot protest until their release; releases leave the jail count', () => {
    const state = setUp();
    const c = state.citizens;
    c.jailedUntil[150] = 5; // in jail through month 4
    state.protest.releases[5] = 1;
    state.sector.jailed = 1;
    useStreams(state, { protest: constantStream(0.5) });
    protest(state, tickOf(state, 4));
    expect(c.protesting[150]).toBe(0);
    expect(state.sector.jailed).toBe(1);
    protest(state, tickOf(state, 5));
    expect(c.protesting[150]).toBe(1);
    expect(state.sector.jailed).toBe(0);
  });

  it('draws: one per skip when reconsiderRate < 1, one for the fractional arrest, two per arrest', () => {
    const state = setUp({ parameters: { protest: { arrestCapacity: 0.005 } } });
    state.sector.repression = 1;
    state.sector.protesters = 100;
    // everyone reconsiders (no skip draws at rate 1); capacity 1 → one draw for the fraction (0 left),
    // then 2 for the one arrest
    const stream = queueStream([0.9, 0.5, 0.5]);
    useStreams(state, { protest: stream });
    protest(state, tickOf(state, 0));
    expect(stream.left()).toBe(0);
    expect(state.sector.arrests).toBe(1);
  });
});
