/**
 * Units as a reader should see them. Metric definitions write money as `currency` (the scenario decides
 * what that is, e.g. "USD" or "million KZT") and flows per month; an annual aggregate of a flow is a sum
 * over the year, so its unit becomes per year.
 */
import type { Aggregate } from '../engine/recorder.ts';
import type { Resolution } from './summary.ts';

export function displayUnit(
  unit: string,
  currency: string,
  resolution: Resolution,
  aggregate: Aggregate,
): string {
  let out = unit.replace(/\bcurrency\b/g, currency);
  if (resolution === 'annual' && aggregate === 'sum') out = out.replace(/\/month\b/g, '/year');
  return out;
}
