/**
 * What an active NGO produces in a month, in arbitrary "project" units: service work grows with capacity
 * and staff; advocacy needs autonomy too, is chilled by sanctions, and is amplified by the pooled voice of
 * umbrella bodies that are not aligned with the state (DM §1, §5).
 */
import { ADVOCACY, type NgoTable } from './ngos.ts';

export function serviceOutput(c: NgoTable['cols'], i: number): number {
  if (c.type[i] === ADVOCACY) return 0.2 * c.capacity[i];
  return c.capacity[i] * (1 + Math.min(c.staff[i], 10) / 5);
}

export function advocacyOutput(c: NgoTable['cols'], i: number, umbrellaStateAligned: number): number {
  if (c.type[i] !== ADVOCACY) return 0;
  return (
    c.capacity[i] * c.autonomy[i] * (1 - c.chill[i]) * (1 + 0.3 * c.umbrella[i] * (1 - umbrellaStateAligned))
  );
}
