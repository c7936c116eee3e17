/**
 * Checks the schema alone cannot express: dates that must fall in the simulated period, ramps that need
 * an end, `set`/`ramp` keys that must be real levers with values valid for that lever, shares that must
 * add up, chart ids that must differ. They run on the raw merged data even when zod found problems
 * elsewhere (each check looks only at values that are well-formed), so one pass reports everything.
 */
import { z } from 'zod';
import { endMonthIndex, monthIndex } from '../engine/calendar.ts';
import type { DateLike } from '../engine/calendar.ts';
import { closestMatches, didYouMean } from './didYouMean.ts';
import { formatPath, showValue } from './issues.ts';
import type { PathSegment, ScenarioIssue } from './issues.ts';
import { leverGroups, leverPaths, leverSchemas } from './leverPaths.ts';
import { keyOrigin, valueOrigin } from './positions.ts';
import type { SourceNode } from './positions.ts';
import { dateSchema, initialSchema, peoplePerNgo, populationSchema } from './schema.ts';
import { isNumberSchema } from './schemaInfo.ts';
import { convertZodIssues } from './zodIssues.ts';

type Fields = Pick<ScenarioIssue, 'message' | 'expected' | 'got' | 'hint'>;
type Where = 'value' | 'key';
type Plain = Record<string, unknown>;

const dateWords = 'a date written YYYY, YYYY-MM or YYYY-MM-DD';
const populationDefaults = populationSchema.parse({});

export function semanticIssues(
  data: unknown,
  source: SourceNode,
): { issues: ScenarioIssue[]; warnings: ScenarioIssue[] } {
  const checker = new SemanticChecker(source);
  if (isRecord(data)) checker.check(data);
  return { issues: checker.issues, warnings: checker.warnings };
}

interface Period {
  start?: DateLike;
  end?: DateLike;
}

function isRecord(value: unknown): value is Plain {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function has(record: Plain, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** The value as a date if it is one; malformed dates are left to the schema's own issue. */
function asDate(value: unknown): DateLike | undefined {
  return dateSchema.safeParse(value).success ? (value as DateLike) : undefined;
}

/** Timeline events dated outside the simulated period, found while checking the events. */
interface OutsidePeriod {
  before: { path: PathSegment[]; date: DateLike; actions: number }[];
  after: { path: PathSegment[]; date: DateLike }[];
}

class SemanticChecker {
  readonly issues: ScenarioIssue[] = [];
  readonly warnings: ScenarioIssue[] = [];
  private readonly outside: OutsidePeriod = { before: [], after: [] };

  constructor(private readonly source: SourceNode) {}

  check(data: Plain): void {
    const period = this.checkPeriod(data);
    if (Array.isArray(data.timeline)) {
      data.timeline.forEach((event, i) => {
        if (isRecord(event)) this.checkEvent(event, ['timeline', i], period);
      });
    }
    this.warnOutsidePeriod(period);
    this.checkInitialShares(data);
    this.checkInitialNgos(data);
    this.checkChartIds(data);
  }

  /**
   * One warning for the events after the end and one for those before the start. Cutting a long history
   * short (a file that extends a 1991–2025 scenario with `end: 1993-12`) is a normal way to look at part
   * of it, so these events are not errors: events after the end never fire; events before the start set
   * the levers as they stand at the start (their actions, which happen on a date, are dropped).
   */
  private warnOutsidePeriod(period: Period): void {
    const { before, after } = this.outside;
    const firstAt = (path: readonly PathSegment[]) => valueOrigin(this.source, [...path, 'date']);
    if (after.length > 0) {
      const n = after.length;
      this.warnings.push({
        ...firstAt(after[0].path),
        path: formatPath(after[0].path),
        message:
          `${n} timeline event${n === 1 ? '' : 's'} ${n === 1 ? 'is' : 'are'} dated after the end ` +
          `(${String(period.end)}) and ${n === 1 ? 'is' : 'are'} dropped, the first on ${String(after[0].date)}`,
        hint: 'move end later to include them',
      });
    }
    if (before.length > 0) {
      const n = before.length;
      const actions = before.reduce((sum, e) => sum + e.actions, 0);
      const what =
        n === 1
          ? actions === 1
            ? 'its action is dropped (its lever changes, if any, apply from the start)'
            : 'its lever changes apply from the start'
          : `their lever changes apply from the start` +
            (actions > 0
              ? `; the ${actions} action${actions === 1 ? '' : 's'} among them ${actions === 1 ? 'is' : 'are'} dropped`
              : '');
      this.warnings.push({
        ...firstAt(before[0].path),
        path: formatPath(before[0].path),
        message: `${n} timeline event${n === 1 ? ' is' : 's are'} dated before the start (${String(period.start)}): ${what}`,
        hint: 'move start earlier to simulate them as they happened',
      });
    }
  }

  private report(path: readonly PathSegment[], where: Where, fields: Fields): void {
    const at = where === 'key' ? keyOrigin(this.source, path) : valueOrigin(this.source, path);
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Fields;
    this.issues.push({ ...at, path: formatPath(path), ...defined });
  }

  private checkPeriod(data: Plain): Period {
    const start = asDate(data.start);
    const end = asDate(data.end);
    if (start !== undefined && end !== undefined && endMonthIndex(end) < monthIndex(start)) {
      this.report(['end'], 'value', {
        message: `the end (${end}) is before the start (${start})`,
        expected: `a date from ${start} on`,
        got: showValue(end),
        hint: 'an end written as a bare year means its December',
      });
    }
    return { start, end };
  }

  private checkEvent(event: Plain, path: readonly PathSegment[], period: Period): void {
    // an event with only a label is a note: it marks a date on charts and changes nothing
    if (!has(event, 'set') && !has(event, 'ramp') && !has(event, 'action') && !has(event, 'label')) {
      this.report(path, 'value', {
        message: 'the event does nothing: give it set, ramp or action',
        expected: 'at least one of set, ramp, action (or a label, to mark the date on charts)',
        hint: 'e.g. set: { foreign.regime: approval }',
      });
    }
    const { start, end } = period;
    const date = asDate(event.date);
    if (date !== undefined && start !== undefined && end !== undefined) {
      if (monthIndex(date) > endMonthIndex(end)) this.outside.after.push({ path: [...path], date });
      else if (monthIndex(date) < monthIndex(start)) {
        this.outside.before.push({ path: [...path], date, actions: has(event, 'action') ? 1 : 0 });
      }
    }
    this.checkRampDates(event, path, date);
    if (isRecord(event.set)) this.checkLeverValues(event.set, [...path, 'set'], 'set');
    if (isRecord(event.ramp)) this.checkLeverValues(event.ramp, [...path, 'ramp'], 'ramp');
  }

  private checkRampDates(event: Plain, path: readonly PathSegment[], date: DateLike | undefined): void {
    const hasRamp = has(event, 'ramp');
    if (hasRamp && !has(event, 'until')) {
      this.report([...path, 'until'], 'value', {
        message: `missing, expected ${dateWords}: a ramp needs the date it ends`,
        expected: dateWords,
        hint: 'e.g. until: 2010 (the lever then moves linearly from date to until)',
      });
      return;
    }
    if (!has(event, 'until')) return;
    if (!hasRamp) {
      this.report([...path, 'until'], 'key', {
        message: '`until` is only used with `ramp`',
        hint: 'add a ramp, or remove until (set changes a lever at once)',
      });
      return;
    }
    const until = asDate(event.until);
    if (until === undefined) return;
    if (date !== undefined && monthIndex(until) <= monthIndex(date)) {
      this.report([...path, 'until'], 'value', {
        message: `the ramp ends (${until}) before or in the month it starts (${date})`,
        expected: `a date after ${date}`,
        got: showValue(until),
        hint: 'a ramp needs at least one month; to change a lever at once use set',
      });
    }
    // a ramp that ends after the end is cut there: the lever stops where the run stops
  }

  /** `set`/`ramp` keys must be lever paths; their values must be valid for that lever. */
  private checkLeverValues(levers: Plain, path: readonly PathSegment[], kind: 'set' | 'ramp'): void {
    for (const [leverPath, value] of Object.entries(levers)) {
      const at = [...path, leverPath];
      const schema = leverSchemas.get(leverPath);
      if (!schema) {
        this.report(at, 'key', {
          message: `${JSON.stringify(leverPath)} is not a lever`,
          expected: 'a lever path such as ministries.socialOrder or foreign.regime',
          got: leverPath,
          hint: leverPathHint(leverPath),
        });
        continue;
      }
      if (kind === 'ramp' && !isNumberSchema(schema)) {
        this.report(at, 'key', {
          message: `${leverPath} is not numeric: ramp moves only numeric levers`,
          expected: 'a numeric lever',
          got: leverPath,
          hint: `use set to change ${leverPath} on a date`,
        });
        continue;
      }
      // values of the wrong kind for `set`/`ramp` as such are already reported by the schema
      const primitive = typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string';
      if (!primitive || (kind === 'ramp' && typeof value !== 'number')) continue;
      const result = z.safeParse(schema, value);
      if (!result.success) {
        this.issues.push(
          ...convertZodIssues(result.error.issues, { schema, data: value, source: this.source, prefix: at }),
        );
      }
    }
  }

  private checkInitialShares(data: Plain): void {
    if (!isRecord(data.initial)) return;
    const defaults = initialSchema.parse({});
    const initial = data.initial;
    const share = (key: 'advocacyShare' | 'stateCreatedShare') => {
      const value = has(initial, key) ? initial[key] : defaults[key];
      return typeof value === 'number' && value >= 0 && value <= 1 ? value : undefined;
    };
    const advocacy = share('advocacyShare');
    const stateCreated = share('stateCreatedShare');
    if (advocacy === undefined || stateCreated === undefined || advocacy + stateCreated <= 1 + 1e-9) return;
    const key = has(initial, 'stateCreatedShare') ? 'stateCreatedShare' : 'advocacyShare';
    this.report(['initial', key], 'value', {
      message: `advocacyShare + stateCreatedShare = ${advocacy} + ${stateCreated} is more than 1`,
      expected: 'two shares whose sum is at most 1',
      got: showValue(initial[key]),
      hint: 'both are shares of the same initial NGOs, so together they cannot exceed 1',
    });
  }

  /** More registered NGOs than one per ten people is no country's sector (and would fill memory). */
  private checkInitialNgos(data: Plain): void {
    const initial = isRecord(data.initial) ? data.initial : {};
    const population = isRecord(data.population) ? data.population : {};
    const ngos = has(initial, 'ngos') ? initial.ngos : initialSchema.parse({}).ngos;
    const people = has(population, 'represents') ? population.represents : populationDefaults.represents;
    // values the schema refuses anyway are reported once, by the schema
    if (!initialSchema.shape.ngos.safeParse(ngos).success) return;
    if (!populationSchema.shape.represents.safeParse(people).success) return;
    if (typeof ngos !== 'number' || typeof people !== 'number') return;
    const most = Math.floor(people / peoplePerNgo);
    if (ngos <= most) return;
    this.report(['initial', 'ngos'], 'value', {
      message: `${ngos} registered NGOs for ${people} people is more than one per ${peoplePerNgo} people`,
      expected: `at most ${most} (one NGO per ${peoplePerNgo} people of population.represents)`,
      got: showValue(ngos),
      hint: 'initial.ngos is the real, whole-country count; the densest sectors have about one per 100 people',
    });
  }

  private checkChartIds(data: Plain): void {
    if (!isRecord(data.output) || !Array.isArray(data.output.charts)) return;
    const first = new Map<string, number>();
    data.output.charts.forEach((chart, i) => {
      if (!isRecord(chart) || typeof chart.id !== 'string') return;
      const earlier = first.get(chart.id);
      if (earlier === undefined) {
        first.set(chart.id, i);
        return;
      }
      const firstAt = valueOrigin(this.source, ['output', 'charts', earlier, 'id']);
      this.report(['output', 'charts', i, 'id'], 'value', {
        message: `chart id ${JSON.stringify(chart.id)} is already used by output.charts[${earlier}] (line ${firstAt.line})`,
        expected: 'an id no other chart uses',
        got: showValue(chart.id),
        hint: 'each chart is written to charts/<id>.*, so ids must differ',
      });
    });
  }
}

/** Suggests the lever meant by a path that is not one. */
export function leverPathHint(path: string): string {
  if (path.startsWith('levers.') && leverSchemas.has(path.slice('levers.'.length))) {
    return `lever paths are relative to levers: write ${JSON.stringify(path.slice('levers.'.length))}`;
  }
  const close = didYouMean(closestMatches(path, leverPaths));
  if (close) return close;
  if (leverGroups.has(path)) {
    const members = leverPaths.filter((p) => p.startsWith(`${path}.`));
    return `${path} is a group of levers: name one, e.g. ${members.join(', ')}`;
  }
  // a lever named without its group ("socialOrder") or with a misspelt group
  const last = path.split('.').pop() ?? path;
  const byName = leverPaths.filter((p) => {
    const name = p.split('.').pop() ?? p;
    return name.toLowerCase() === last.toLowerCase() || closestMatches(last, [name]).length > 0;
  });
  return (
    didYouMean(byName.slice(0, 3)) ??
    'levers are written like ministries.socialOrder, foreign.regime or legitimacy'
  );
}
