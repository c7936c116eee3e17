/**
 * Checks of a civil-society scenario that its schema alone cannot express, on the raw merged data (each
 * looks only at values that are well-formed, so one pass reports everything): shares of the initial NGOs
 * that add up to more than one, and more registered NGOs than one per ten people.
 */
import { showValue } from '../../scenario/issues.ts';
import { onFirstUse } from '../../scenario/schemaParts.ts';
import type { ReportIssue } from '../definition.ts';
import { initialSchema, peoplePerNgo, populationSchema } from './schema.ts';

type Plain = Record<string, unknown>;

const isRecord = (value: unknown): value is Plain =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const has = (record: Plain, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/** The defaults of the initial state and the population, read the first time a scenario is checked. */
const defaults = onFirstUse(() => ({
  initial: initialSchema().parse({}),
  population: populationSchema().parse({}),
}));

export function checkCivilSociety(data: Plain, report: ReportIssue): void {
  checkInitialShares(data, report);
  checkInitialNgos(data, report);
}

function checkInitialShares(data: Plain, report: ReportIssue): void {
  if (!isRecord(data.initial)) return;
  const initial = data.initial;
  const share = (key: 'advocacyShare' | 'stateCreatedShare') => {
    const value = has(initial, key) ? initial[key] : defaults().initial[key];
    return typeof value === 'number' && value >= 0 && value <= 1 ? value : undefined;
  };
  const advocacy = share('advocacyShare');
  const stateCreated = share('stateCreatedShare');
  if (advocacy === undefined || stateCreated === undefined || advocacy + stateCreated <= 1 + 1e-9) return;
  const key = has(initial, 'stateCreatedShare') ? 'stateCreatedShare' : 'advocacyShare';
  report(['initial', key], {
    message: `advocacyShare + stateCreatedShare = ${advocacy} + ${stateCreated} is more than 1`,
    expected: 'two shares whose sum is at most 1',
    got: showValue(initial[key]),
    hint: 'both are shares of the same initial NGOs, so together they cannot exceed 1',
  });
}

/** More registered NGOs than one per ten people is no country's sector (and would fill memory). */
function checkInitialNgos(data: Plain, report: ReportIssue): void {
  const initial = isRecord(data.initial) ? data.initial : {};
  const population = isRecord(data.population) ? data.population : {};
  const ngos = has(initial, 'ngos') ? initial.ngos : defaults().initial.ngos;
  const people = has(population, 'represents') ? population.represents : defaults().population.represents;
  // values the schema refuses anyway are reported once, by the schema
  if (!initialSchema().shape.ngos.safeParse(ngos).success) return;
  if (!populationSchema().shape.represents.safeParse(people).success) return;
  if (typeof ngos !== 'number' || typeof people !== 'number') return;
  const most = Math.floor(people / peoplePerNgo);
  if (ngos <= most) return;
  report(['initial', 'ngos'], {
    message: `${ngos} registered NGOs for ${people} people is more than one per ${peoplePerNgo} people`,
    expected: `at most ${most} (one NGO per ${peoplePerNgo} people of population.represents)`,
    got: showValue(ngos),
    hint: 'initial.ngos is the real, whole-country count; the densest sectors have about one per 100 people',
  });
}
