/**
 * The Schelling town as a snapshot (ModelDefinition.snapshot): each cell empty, or the type of the
 * household in it. Blue and orange (Okabe–Ito) stay apart under every common colour-vision deficiency;
 * empty cells are a light grey, so the grid's extent shows.
 */
import type { GridSnapshot, SnapshotDefinition } from '../definition.ts';
import type { SchellingState } from './state.ts';

export const snapshotCategories = [
  { code: 0, label: 'Empty', color: '#e8e8e8' },
  { code: 1, label: 'Majority household (type 0)', color: '#0072B2' },
  { code: 2, label: 'Minority household (type 1)', color: '#E69F00' },
] as const;

/** Cell x · height + y holds 0 when empty, else its household's type + 1. */
export function captureTown(state: SchellingState): GridSnapshot {
  const { width, height } = state.grid;
  const cells = new Uint8Array(width * height);
  const { type, cell } = state;
  for (let i = 0; i < type.length; i++) cells[cell[i]] = type[i] + 1;
  return { width, height, cells };
}

export const snapshot: SnapshotDefinition<SchellingState> = {
  categories: snapshotCategories,
  capture: captureTown,
};
