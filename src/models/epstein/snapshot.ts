/**
 * The Epstein street as a snapshot (ModelDefinition.snapshot): each cell empty, or who is on it — a cop,
 * an active, quiet or jailed citizen. Under the netlogo rule a cell can hold several (a cop on the cell of
 * the citizen it jailed, a citizen out of jail next to a newcomer): the cell shows the most visible of
 * them, cop before active before quiet before jailed. Okabe–Ito colours.
 */
import type { GridSnapshot, SnapshotDefinition } from '../definition.ts';
import { ACTIVE, type EpsteinState, JAILED } from './state.ts';

export const snapshotCategories = [
  { code: 0, label: 'Empty', color: '#f0f0f0' },
  { code: 1, label: 'Jailed citizen', color: '#999999' },
  { code: 2, label: 'Quiet citizen', color: '#009E73' },
  { code: 3, label: 'Active citizen', color: '#D55E00' },
  { code: 4, label: 'Cop', color: '#0072B2' },
] as const;

/** A citizen's code by status; a cop's is 4. Higher codes win a shared cell. */
const citizenCode = (status: number) => (status === ACTIVE ? 3 : status === JAILED ? 1 : 2);

export function captureStreet(state: EpsteinState): GridSnapshot {
  const { width, height } = state.grid;
  const cells = new Uint8Array(width * height);
  const { isCop, status, cell } = state;
  for (let a = 0; a < cell.length; a++) {
    const code = isCop[a] === 1 ? 4 : citizenCode(status[a]);
    if (code > cells[cell[a]]) cells[cell[a]] = code;
  }
  return { width, height, cells };
}

export const snapshot: SnapshotDefinition<EpsteinState> = {
  categories: snapshotCategories,
  capture: captureStreet,
};
