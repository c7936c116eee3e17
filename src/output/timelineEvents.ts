/**
 * Timeline events as charts and reports show them: a calendar date, a label (the scenario's own, or one
 * made from what the event does, since `label` is optional), what it changes, and its source.
 */
import type { TimelineEvent } from '../scenario/envelope.ts';

export interface EventForDisplay {
  /** 1-based position in date order: charts that are too crowded to name an event show its number. */
  number: number;
  /** ISO date YYYY-MM-DD (a year means 1 January, a month its first day), or the step of a step model. */
  date: string | number;
  label: string;
  /** What the event does, e.g. "ministries.socialOrder = 1.2; crackdown". */
  changes: string;
  source: string;
}

/** ISO date (YYYY-MM-DD) of a scenario date written YYYY, YYYY-MM, YYYY-MM-DD or as a year number. */
export function isoDate(date: string | number): string {
  const text = String(date);
  if (/^\d{4}$/.test(text)) return `${text}-01-01`;
  if (/^\d{4}-\d{2}$/.test(text)) return `${text}-01`;
  return text;
}

/** Milliseconds since the epoch (UTC) of an ISO date YYYY-MM-DD. */
export function utcMillis(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1);
}

/** What an event changes, in one short line. */
export function describeChanges(event: TimelineEvent): string {
  const parts: string[] = [];
  for (const [path, value] of Object.entries(event.set ?? {})) parts.push(`${path} = ${String(value)}`);
  for (const [path, value] of Object.entries(event.ramp ?? {})) {
    parts.push(`${path} → ${value}${event.until === undefined ? '' : ` by ${String(event.until)}`}`);
  }
  if (event.action)
    parts.push(event.strength === 1 ? event.action : `${event.action} (strength ${event.strength})`);
  return parts.join('; ');
}

/** The scenario's events in date (or step) order (stable for equal dates), ready to display. */
export function eventsForDisplay(timeline: readonly TimelineEvent[]): EventForDisplay[] {
  return timeline
    .map((event, index) => ({
      event,
      index,
      date: event.step !== undefined ? event.step : isoDate(event.date ?? ''),
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index))
    .map(({ event, date }, i) => {
      const changes = describeChanges(event);
      return {
        number: i + 1,
        date,
        label: event.label ?? (changes || 'event'),
        changes,
        source: event.source ?? '',
      };
    });
}
