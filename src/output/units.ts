/**
 * Units as a reader should see them. Metric definitions may write words the scenario decides (the
 * civil-society model writes money as `currency`, which a scenario sets to "USD" or "million KZT") and
 * flows per month; an annual aggregate of a flow is a sum over the year, so its unit becomes per year.
 */
import type { Aggregate } from '../engine/recorder.ts';
import type { Resolution } from './summary.ts';

export function displayUnit(
  unit: string,
  words: Readonly<Record<string, string>>,
  resolution: Resolution,
  aggregate: Aggregate,
): string {
  let out = unit;
  for (const [word, text] of Object.entries(words)) out = out.replace(new RegExp(`\\b${word}\\b`, 'g'), text);
  if (resolution === 'annual' && aggregate === 'sum') out = out.replace(/\/month\b/g, '/year');
  return out;
}
