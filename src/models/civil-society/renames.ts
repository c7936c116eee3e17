/**
 * What model v2 (scenario format 2) renamed or removed, so that older files load with a warning per key
 * and old names in current files get the new one (src/scenario/renames.ts).
 */
import type { Rename } from '../definition.ts';

const participation = 'the volunteering decision has its own parameter group';

export const renames: readonly Rename[] = [
  {
    from: 'parameters.citizens.reconsiderRate',
    to: 'parameters.participation.reconsiderRate',
    since: 2,
    note: participation,
  },
  {
    from: 'parameters.citizens.contacts',
    to: 'parameters.participation.contacts',
    since: 2,
    note: participation,
  },
  {
    from: 'parameters.citizens.resources',
    to: 'parameters.participation.resources',
    since: 2,
    note: participation,
  },
  {
    from: 'parameters.citizens.engagement',
    to: 'parameters.participation.engagement',
    since: 2,
    note: participation,
  },
  {
    from: 'parameters.citizens.skills',
    to: 'parameters.participation.skills',
    since: 2,
    note: participation,
  },
  { from: 'parameters.citizens.trust', to: 'parameters.participation.trust', since: 2, note: participation },
  {
    from: 'parameters.citizens.recruitment',
    to: 'parameters.participation.recruitment',
    since: 2,
    note: participation,
  },
  {
    from: 'parameters.citizens.influence',
    to: 'parameters.participation.influence',
    since: 2,
    note: participation,
  },
  { from: 'parameters.citizens.risk', to: 'parameters.participation.risk', since: 2, note: participation },
  {
    from: 'parameters.citizens.thresholdMean',
    to: 'parameters.participation.thresholdMean',
    since: 2,
    note: participation,
  },
  {
    from: 'parameters.citizens.thresholdSd',
    to: 'parameters.participation.thresholdSd',
    since: 2,
    note: participation,
  },
  {
    from: 'parameters.citizens.joinChance',
    to: 'parameters.participation.joinChance',
    since: 2,
    note: participation,
  },
  {
    from: 'parameters.citizens.membershipLapse',
    to: 'parameters.participation.membershipLapse',
    since: 2,
    note: participation,
  },
  {
    from: 'parameters.citizens.intercept',
    since: 2,
    note: 'the intercept now follows from parameters.participation.baseRate, the chance that a reference citizen volunteers',
  },
  {
    from: 'parameters.founding.legitimation',
    since: 2,
    note: 'legitimation is now a multiple of foundings: parameters.founding.densityLegitimation',
  },
  {
    from: 'parameters.founding.competition',
    since: 2,
    note: 'competition now works through the resources per NGO: parameters.founding.densityCompetition',
  },
  {
    from: 'parameters.founding.volunteerCapacity',
    since: 2,
    note: 'volunteers now count as resources through parameters.founding.volunteerValue',
  },
  {
    from: 'parameters.mortality.densityLinear',
    since: 2,
    note: 'the density U of mortality now comes from parameters.mortality.lowDensity and competition for money',
  },
  {
    from: 'parameters.mortality.densityQuadratic',
    since: 2,
    note: 'the density U of mortality now comes from parameters.mortality.lowDensity and competition for money',
  },
  {
    from: 'parameters.mortality.sanctionClosure',
    to: 'parameters.register.sanctionClosure',
    since: 2,
    note: 'sanctions and re-registrations have their own parameter group',
  },
  {
    from: 'parameters.mortality.reregistrationPurge',
    to: 'parameters.register.reregistrationPurge',
    since: 2,
    note: 'sanctions and re-registrations have their own parameter group',
  },
];
