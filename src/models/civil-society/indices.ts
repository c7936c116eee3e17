/**
 * The measures analysts use (USAID CSO Sustainability Index; V-Dem's core civil society index), computed
 * from what NGOs and citizens do and suffer in the simulation — registrations refused, NGOs forced off the
 * register, sanctions and arrests, volunteering in independent groups, their autonomy, advocacy actually
 * produced, revenue actually received — never straight from the levers. Each dimension is first a
 * "goodness" g in [0, 1]; CSO-Sustainability-Index-style scores are 7 − 6g (1 best, 7 worst, as USAID
 * scores) and the overall score is their mean; the civic-space index (0–1, cf. V-Dem v2xcs_ccsi) is the
 * mean of entry and exit, freedom from repression and the participatory environment (the three parts of
 * v2xcs_ccsi: Coppedge et al. 2024).
 */
import type { Parameters } from './schema.ts';

export function csiScore(goodness: number): number {
  const g = goodness < 0 ? 0 : goodness > 1 ? 1 : goodness;
  return 7 - 6 * g;
}

/** 0.5^(x / reference): 1 at none, ½ at the reference (pure). */
const halving = (x: number, reference: number) => Math.pow(0.5, x / reference);

export interface SectorSnapshot {
  indices: Parameters['indices'];
  /** Share of registration attempts the registrar accepted over the last year (1 when none). */
  registrationSuccess: number;
  /** Registered active NGOs over all working groups (registered or not). */
  registeredShare: number;
  /** Working NGOs the state forced off the register, per active NGO per year. */
  forcedExitRate: number;
  /** Sanctions per active NGO per year, and arrests per citizen per year. */
  sanctionRate: number;
  arrestRate: number;
  /** Share of active NGOs' running costs they spent on compliance with reporting and foreign-funding rules. */
  complianceShare: number;
  /** Active NGOs per 10,000 citizens. */
  density: number;
  meanCapacity: number;
  /** Mean revenue HHI of active NGOs and their mean reserves in months of running costs. */
  meanRevenueHhi: number;
  meanReserveMonths: number;
  /** Independent advocacy and service output per 10,000 citizens. */
  advocacyPer10k: number;
  servicePer10k: number;
  /** Share of active NGOs that are members of an umbrella body. */
  umbrellaShare: number;
  trust: number;
  /** Share of citizens volunteering in independent groups. */
  independentVolunteering: number;
  autonomyIndependent: number;
}

export interface Indices {
  entryExit: number;
  freedom: number;
  participatory: number;
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
  const x = s.indices;
  const entryExit =
    s.registrationSuccess * s.registeredShare * halving(s.forcedExitRate, x.sanctionReference);
  const freedom = halving(s.sanctionRate, x.sanctionReference) * halving(s.arrestRate, x.arrestReference);
  // at or above the reference volunteering scores fully (with a reference of 0, always)
  const participatory =
    (s.independentVolunteering >= x.referenceParticipation
      ? 1
      : s.independentVolunteering / x.referenceParticipation) * s.autonomyIndependent;
  const legal = csiScore(entryExit * freedom * (1 - s.complianceShare));
  const capacity = csiScore(s.meanCapacity * Math.sqrt(Math.min(1, s.density / x.referenceDensity)));
  const financial = csiScore(
    0.7 * Math.min(1, (1 - s.meanRevenueHhi) / 0.8) +
      0.3 * Math.min(1, s.meanReserveMonths / x.reserveMonths),
  );
  const advocacy = csiScore(1 - Math.exp(-s.advocacyPer10k / x.advocacyReference));
  const service = csiScore(1 - Math.exp(-s.servicePer10k / x.serviceReference));
  // intermediaries NGOs actually use (resource centres act through capacity, counted there)
  const infrastructure = csiScore(s.umbrellaShare);
  const image = csiScore(s.trust);
  const overall = (legal + capacity + financial + advocacy + service + infrastructure + image) / 7;
  const civicSpace = (entryExit + freedom + participatory) / 3;
  return {
    entryExit,
    freedom,
    participatory,
    legal,
    capacity,
    financial,
    advocacy,
    service,
    infrastructure,
    image,
    overall,
    civicSpace,
  };
}

/** The consultation score (cf. V-Dem v2cscnsult): council coverage weighted by the holders' autonomy, plus a forum. */
export function consultationScore(seatCoverage: number, seatAutonomy: number, forumBoost: number): number {
  return Math.min(1, seatCoverage * (0.3 + 0.7 * seatAutonomy) + forumBoost);
}
