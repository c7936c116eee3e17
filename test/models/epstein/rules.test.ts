/**
 * The Epstein rules one by one, on hand-placed agents: what a look sees, the decision (the shared rule),
 * jail time under each reference, arrests, and that the packed cell tallies always agree with the agents
 * (checked after every step of real runs under both rules).
 */
import { describe, expect, it } from 'vitest';
import { discNeighbourhoods } from '../../../src/engine/disc.ts';
import { RandomStreams } from '../../../src/engine/random.ts';
import {
  activeAt,
  arrest,
  citizenTurnMesa,
  count,
  copTurnMesa,
  decides,
  look,
  serveJailTerms,
  step,
} from '../../../src/models/epstein/rules.ts';
import { scenarioSchema, type Scenario } from '../../../src/models/epstein/schema.ts';
import { captureStreet, snapshot } from '../../../src/models/epstein/snapshot.ts';
import {
  ACTIVE,
  createEpsteinState,
  enter,
  type EpsteinState,
  JAILED,
  QUIET,
  weightOf,
} from '../../../src/models/epstein/state.ts';

interface Placed {
  cop?: boolean;
  x: number;
  y: number;
  hardship?: number;
  risk?: number;
  status?: number;
  jail?: number;
}

function scenario(rule: 'mesa' | 'netlogo', extra: Record<string, unknown> = {}): Scenario {
  return scenarioSchema().parse({
    model: 'epstein',
    name: 'test',
    steps: 10,
    rule: { kind: rule },
    ...extra,
  });
}

/** A 40 × 40 torus with exactly these agents (vision 7). */
function placed(rule: 'mesa' | 'netlogo', agents: Placed[]): EpsteinState {
  const s = scenario(rule, { population: { citizenDensity: 0, copDensity: 0 } });
  const state = createEpsteinState(s, new RandomStreams('test', 1, 0), s.levers);
  const n = agents.length;
  Object.assign(state, {
    isCop: Uint8Array.from(agents.map((a) => (a.cop ? 1 : 0))),
    cell: new Int32Array(n),
    hardship: Float64Array.from(agents.map((a) => a.hardship ?? 0)),
    riskAversion: Float64Array.from(agents.map((a) => a.risk ?? 0)),
    status: Uint8Array.from(agents.map((a) => a.status ?? QUIET)),
    jail: Int32Array.from(agents.map((a) => a.jail ?? 0)),
    nextInCell: new Int32Array(n).fill(-1),
    order: Int32Array.from({ length: n }, (_, i) => i),
    citizens: agents.filter((a) => !a.cop).length,
    activeCount: agents.filter((a) => !a.cop && a.status === ACTIVE).length,
  });
  agents.forEach((a, i) => enter(state, i, state.grid.cellAt(a.x, a.y), weightOf(state, i)));
  return state;
}

/** The tallies recomputed from the agents. */
function recount(state: EpsteinState): Int32Array {
  const t = new Int32Array(state.tally.length);
  for (let a = 0; a < state.cell.length; a++) t[state.cell[a]] += weightOf(state, a);
  return t;
}

describe('vision', () => {
  it('is a von Neumann diamond of 112 cells (mesa) or a Euclidean disc of 149 with its centre (netlogo) at radius 7', () => {
    const mesa = placed('mesa', []);
    const netlogo = placed('netlogo', []);
    for (const c of [0, 555, 1599]) {
      expect(mesa.citizenSight.offsets[c + 1] - mesa.citizenSight.offsets[c]).toBe(112);
      expect(netlogo.citizenSight.offsets[c + 1] - netlogo.citizenSight.offsets[c]).toBe(149);
    }
    const disc = discNeighbourhoods(mesa.grid, 1.5, false);
    expect(disc.offsets[1] - disc.offsets[0]).toBe(8); // √2 ≤ 1.5: the Moore ring
  });
});

describe('look', () => {
  it('counts cops and active citizens in sight and lists the cells a mover may take', () => {
    const state = placed('mesa', [
      { x: 10, y: 10 }, // the looker
      { cop: true, x: 10, y: 13 },
      { x: 14, y: 10, status: ACTIVE },
      { x: 13, y: 13, status: ACTIVE }, // Manhattan 6: in sight
      { x: 14, y: 14, status: ACTIVE }, // Manhattan 8: out of sight
      { x: 11, y: 10, status: JAILED, jail: 3 },
      { cop: true, x: 2, y: 10 }, // Manhattan 8
    ]);
    const open = look(state, 0, state.citizenSight, state.seen);
    expect(state.seen).toMatchObject({ cops: 1, active: 2, rebelCells: 2 });
    // 112 cells, 4 taken (a cop, two rebels, the jailed one): the jailed keep their cell under mesa
    expect(open).toBe(108);
    expect(Array.from(state.open.subarray(0, open))).not.toContain(state.grid.cellAt(11, 10));
  });
  it('under netlogo sees its own cell, and the cells of the jailed are open', () => {
    const state = placed('netlogo', [
      { x: 10, y: 10, status: ACTIVE },
      { x: 11, y: 10, status: JAILED, jail: 3 },
    ]);
    const open = look(state, 0, state.citizenSight, state.seen);
    expect(state.seen.active).toBe(1); // herself (NetLogo counts her again in A = 1 + active in sight)
    expect(open).toBe(148);
    expect(Array.from(state.open.subarray(0, open))).toContain(state.grid.cellAt(11, 10));
  });
});

describe('decides', () => {
  it('runs the shared rule: with one cop against two rebels Mesa rounds C/A = 0.5 to 0, and she rebels', () => {
    const state = placed('mesa', [
      { x: 10, y: 10, hardship: 1, risk: 0.5 }, // G = 0.2 at L = 0.8
      { cop: true, x: 10, y: 12 },
      { x: 12, y: 10, status: ACTIVE },
    ]);
    look(state, 0, state.citizenSight, state.seen);
    expect(decides(state, 0, state.seen)).toBe(true);
    // two cops: round(1) = 1, P ≈ 0.9, 0.2 − 0.45 < 0.1
    const guarded = placed('mesa', [
      { x: 10, y: 10, hardship: 1, risk: 0.5 },
      { cop: true, x: 10, y: 12 },
      { cop: true, x: 10, y: 8 },
      { x: 12, y: 10, status: ACTIVE },
    ]);
    look(guarded, 0, guarded.citizenSight, guarded.seen);
    expect(decides(guarded, 0, guarded.seen)).toBe(false);
  });
  it('reads legitimacy live from the levers', () => {
    const state = placed('mesa', [{ x: 10, y: 10, hardship: 0.5, risk: 1 }]);
    look(state, 0, state.citizenSight, state.seen);
    state.levers.legitimacy = 0.8; // G = 0.1, not above T
    expect(decides(state, 0, state.seen)).toBe(false);
    state.levers.legitimacy = 0.7; // G = 0.15
    expect(decides(state, 0, state.seen)).toBe(true);
  });
});

describe('jail and arrests', () => {
  it('mesa: a jailed citizen serves a step per activation and does nothing else', () => {
    const state = placed('mesa', [{ x: 10, y: 10, hardship: 1, status: JAILED, jail: 2 }]);
    state.levers.legitimacy = 0;
    citizenTurnMesa(state, 0);
    expect([state.jail[0], state.status[0], state.cell[0]]).toEqual([1, JAILED, state.grid.cellAt(10, 10)]);
    citizenTurnMesa(state, 0);
    expect(state.status[0]).toBe(JAILED); // sentence served, still counted arrested until her next turn
    citizenTurnMesa(state, 0);
    expect(state.status[0]).toBe(ACTIVE);
    expect(state.tally).toEqual(recount(state));
  });
  it('mesa: a cop jails an active citizen in sight for 0…J steps and the tallies follow', () => {
    const state = placed('mesa', [
      { cop: true, x: 10, y: 10 },
      { x: 10, y: 15, status: ACTIVE },
    ]);
    state.levers.maxJailTerm = 30;
    copTurnMesa(state, 0);
    expect(state.status[1]).toBe(JAILED);
    expect(state.jail[1]).toBeGreaterThanOrEqual(0);
    expect(state.jail[1]).toBeLessThanOrEqual(30);
    expect(state.arrested).toBe(1);
    expect(state.tally).toEqual(recount(state));
  });
  it('activeAt picks every active citizen in sight, each for one r', () => {
    const state = placed('mesa', [
      { cop: true, x: 10, y: 10 },
      { x: 10, y: 12, status: ACTIVE },
      { x: 12, y: 10, status: ACTIVE },
      { x: 9, y: 10, status: QUIET },
      { x: 10, y: 7, status: ACTIVE },
    ]);
    look(state, 0, state.copSight, state.seen);
    const picked = [0, 1, 2].map((r) => activeAt(state, state.seen, r)).sort();
    expect(picked).toEqual([1, 2, 4]);
    expect(() => activeAt(state, state.seen, 3)).toThrow();
  });
  it('netlogo: a sentence of 0 leaves her free and quiet; terms count down after the step', () => {
    const state = placed('netlogo', [
      { x: 10, y: 10, status: ACTIVE },
      { x: 20, y: 20, status: ACTIVE },
    ]);
    arrest(state, 0, 0);
    arrest(state, 1, 2);
    expect([state.status[0], state.status[1]]).toEqual([QUIET, JAILED]);
    serveJailTerms(state);
    expect([state.jail[1], state.status[1]]).toEqual([1, JAILED]);
    serveJailTerms(state);
    expect([state.jail[1], state.status[1]]).toEqual([0, QUIET]);
    expect(state.tally).toEqual(recount(state));
  });
});

describe('a step', () => {
  for (const rule of ['mesa', 'netlogo'] as const) {
    it(`${rule}: keeps every tally equal to the agents on the cell, and no agent is lost`, () => {
      const s = scenario(rule, { levers: { legitimacy: 0.7, maxJailTerm: 5 } });
      const state = createEpsteinState(s, new RandomStreams('test', 3, 0), s.levers);
      let sawActive = false;
      for (let t = 0; t < 40; t++) {
        step(state);
        expect(state.tally).toEqual(recount(state));
        expect(state.activeCount).toBe(
          state.status.filter((v, a) => v === ACTIVE && state.isCop[a] === 0).length,
        );
        sawActive ||= state.status.some((v, a) => v === ACTIVE && state.isCop[a] === 0);
        // the linked lists hold every agent exactly once
        const seen = new Uint8Array(state.cell.length);
        for (let c = 0; c < state.head.length; c++)
          for (let a = state.head[c]; a >= 0; a = state.nextInCell[a]) {
            expect(state.cell[a]).toBe(c);
            seen[a]++;
          }
        expect(seen.every((v) => v === 1)).toBe(true);
      }
      expect(sawActive).toBe(true);
    });
  }
});

describe('snapshot', () => {
  it('shows who is on each cell, the most visible first when several share it', () => {
    const state = placed('netlogo', [
      { cop: true, x: 1, y: 1 },
      { x: 1, y: 1, status: JAILED, jail: 4 }, // under the cop who jailed her
      { x: 2, y: 3, status: ACTIVE },
      { x: 2, y: 3, status: QUIET },
      { x: 5, y: 0 },
      { x: 6, y: 0, status: JAILED, jail: 1 },
    ]);
    const shot = captureStreet(state);
    const at = (x: number, y: number) => shot.cells[state.grid.cellAt(x, y)];
    expect([at(1, 1), at(2, 3), at(5, 0), at(6, 0), at(0, 0)]).toEqual([4, 3, 2, 1, 0]);
    expect(shot.cells.filter((c) => c !== 0).length).toBe(4);
    expect(snapshot.categories.map((c) => c.code).sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('count', () => {
  it('sees what look sees of cops and rebels, and whether any cell is open', () => {
    const state = placed('mesa', [
      { x: 10, y: 10 },
      { cop: true, x: 10, y: 13 },
      { x: 14, y: 10, status: ACTIVE },
      { x: 13, y: 13, status: ACTIVE },
      { x: 14, y: 14, status: ACTIVE },
    ]);
    const open = look(state, 0, state.citizenSight, state.seen);
    const { cops, active } = state.seen;
    expect(count(state, 0, state.citizenSight, state.seen)).toBe(open > 0);
    expect([state.seen.cops, state.seen.active]).toEqual([cops, active]);
  });
});
