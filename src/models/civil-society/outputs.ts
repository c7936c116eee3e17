/**
 * What a working group produces in a month, in arbitrary "project" units. Service work grows with
 * capacity and staff. Advocacy needs autonomy too; it is chilled by sanctions, withheld in proportion to
 * the conditional state money the group depends on (self-censorship: Lorch & Bunk 2017), and amplified
 * by the pooled voice of umbrella bodies that are not aligned with the state. Unregistered groups
 * advocate at a fraction of a registered group's reach and provide no contracted services.
 */
import { ADVOCACY, INFORMAL, STATE_CREATED, type NgoTable } from './ngos.ts';
import type { Parameters } from './schema.ts';

export function serviceOutput(c: NgoTable['cols'], i: number, o: Parameters['outputs']): number {
  if (c.status[i] === INFORMAL) return 0;
  const work = c.capacity[i] * (1 + Math.min(c.staff[i], o.staffForService) / o.staffServiceScale);
  return c.type[i] === ADVOCACY ? o.advocacyService * work : work;
}

/** Independent advocacy output (state-created NGOs do not count as independent voice). */
export function advocacyOutput(
  c: NgoTable['cols'],
  i: number,
  o: Parameters['outputs'],
  selfCensorship: number,
  umbrellaStateAligned: number,
): number {
  if (c.type[i] !== ADVOCACY) return 0;
  const voice =
    c.capacity[i] *
    c.autonomy[i] *
    (1 - c.chill[i]) *
    (1 - selfCensorship * c.pressure[i]) *
    (1 + o.umbrellaVoice * c.umbrella[i] * (1 - umbrellaStateAligned));
  return c.status[i] === INFORMAL ? o.informalAdvocacy * voice : voice;
}

/** Whether a group is independent of the state (not created by it). */
export const isIndependent = (c: NgoTable['cols'], i: number): boolean => c.type[i] !== STATE_CREATED;
