/**
 * Mapping model state to the measures analysts use (DM §5). Each dimension is first a "goodness"
 * g in [0, 1]; CSO-Sustainability-Index-style scores are 7 − 6g (1 best, 7 worst, as USAID scores), the
 * overall score is their mean; the civic-space index (0–1, cf. V-Dem v2xcs_ccsi) averages entry and exit
 * control, freedom from repression and the participatory environment.
 */
import type { Levers } from './schema.ts';

/** How strict each foreign-funding regime is, for the legal-environment and entry measures [A]. */
export const regimeStrictness = { none: 0, disclosure: 0.25, approval: 0.6, prohibition: 1 } as const;

export function csiScore(goodness: number): number {
  const g = goodness < 0 ? 0 : goodness > 1 ? 1 : goodness;
  return 7 - 6 * g;
}

/** Ease of entry: registration cost and rejection, reporting burden, foreign-funding rules. */
export function entryGoodness(levers: Levers, registrationCostScale: number): number {
  return (
    Math.exp(-levers.registration.cost / registrationCostScale) *
    (1 - levers.registration.rejectionRate) *
    (1 - 0.5 * levers.reporting.burden) *
    (1 - 0.5 * regimeStrictness[levers.foreign.regime])
  );
}

export interface SectorSnapshot {
  levers: Levers;
  registrationCostScale: number;
  /** Active NGOs per 10,000 citizens and the density that scores best. */
  density: number;
  referenceDensity: number;
  meanCapacity: number;
  /** Mean revenue HHI of active NGOs and their mean reserves in months of running costs. */
  meanRevenueHhi: number;
  meanReserveMonths: number;
  /** Advocacy and service output per 10,000 citizens. */
  advocacyPer10k: number;
  servicePer10k: number;
  umbrellaShare: number;
  trust: number;
  volunteering: number;
  referenceParticipation: number;
  autonomyIndependent: number;
  /** Sanctions per active NGO over the last year. */
  sanctionRate: number;
}

export interface Indices {
  legal: number;
  capacity: number;
  financial: number;
  advocacy: number;
  service: number;
  infrastructure: number;
  image: number;
  overall: number;
  civicSpace: number;
}

export function computeIndices(s: SectorSnapshot): Indices {
  const { levers } = s;
  const repression = Math.min(1, levers.repression.level + 2 * s.sanctionRate);
  const entry = entryGoodness(levers, s.registrationCostScale);
  const legal = csiScore(entry * (1 - repression));
  const capacity = csiScore(s.meanCapacity * Math.sqrt(Math.min(1, s.density / s.referenceDensity)));
  const financial = csiScore(
    0.7 * Math.min(1, (1 - s.meanRevenueHhi) / 0.8) + 0.3 * Math.min(1, s.meanReserveMonths / 6),
  );
  const advocacy = csiScore(1 - Math.exp(-s.advocacyPer10k));
  const service = csiScore(1 - Math.exp(-s.servicePer10k / 3));
  const infrastructure = csiScore(
    0.5 * Math.min(1, levers.infrastructure.resourceCentres / 2) + 0.5 * s.umbrellaShare,
  );
  const image = csiScore(s.trust);
  const overall = (legal + capacity + financial + advocacy + service + infrastructure + image) / 7;
  const participation =
    s.referenceParticipation > 0
      ? Math.min(1, s.volunteering / s.referenceParticipation)
      : s.volunteering > 0
        ? 1
        : 0;
  const participatory = participation * s.autonomyIndependent;
  const civicSpace = (entry + (1 - repression) + participatory) / 3;
  return { legal, capacity, financial, advocacy, service, infrastructure, image, overall, civicSpace };
}
