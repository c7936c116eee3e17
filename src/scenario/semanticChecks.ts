/**
 * Checks the schema alone cannot express: event dates (or steps) that fall outside the simulated period,
 * ramps that need an end, `set`/`ramp` keys that must be the model's levers with values valid for that
 * lever, chart ids that must differ — and then the model's own checks (ModelDefinition.check). They run
 * on the raw merged data even when zod found problems elsewhere (each check looks only at values that
 * are well-formed), so one pass reports everything.
 */
import { z } from 'zod';
import { endMonthIndex, monthIndex } from '../engine/calendar.ts';
import type { DateLike } from '../engine/calendar.ts';
import type { AnyModel } from '../models/definition.ts';
import { closestMatches, didYouMean } from './didYouMean.ts';
import { formatPath, showValue } from './issues.ts';
import type { PathSegment, ScenarioIssue } from './issues.ts';
import { leversOf, type LeverInfo } from './modelSchemas.ts';
import { renameHint, renameOf, renameWords } from './renames.ts';
import { keyOrigin, valueOrigin } from './positions.ts';
import type { SourceNode } from './positions.ts';
import { snapshotChartId } from './envelope.ts';
import { dateSchema, stepSchema } from './schemaParts.ts';
import { isNumberSchema } from './schemaInfo.ts';
import { convertZodIssues } from './zodIssues.ts';

type Fields = Pick<ScenarioIssue, 'message' | 'expected' | 'got' | 'hint'>;
type Where = 'value' | 'key';
type Plain = Record<string, unknown>;

export function semanticIssues(
  data: unknown,
  source: SourceNode,
  model: AnyModel,
): { issues: ScenarioIssue[]; warnings: ScenarioIssue[] } {
  const checker = new SemanticChecker(source, model);
  if (isRecord(data)) {
    checker.check(data);
    model.check?.(data, (path, fields) => checker.reportValue(path, fields));
  }
  return { issues: checker.issues, warnings: checker.warnings };
}

/**
 * The model's time axis as the checks see it: which key dates an event, how a value of it orders, what
 * the first and last simulated positions are, and how to say them.
 */
interface TimeAxis {
  /** `date` or `step`. */
  key: 'date' | 'step';
  words: string;
  /** The position of an event's date/step or of a ramp's `until`; undefined when malformed. */
  at(value: unknown): number | undefined;
  first?: number;
  last?: number;
  /** How the start and the end are written, for messages. */
  startText: string;
  endText: string;
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
  before: { path: PathSegment[]; when: string; actions: number }[];
  after: { path: PathSegment[]; when: string }[];
}

/** The step axis of a step-clock scenario: steps 0 to `steps`. */
function stepAxis(data: Plain): TimeAxis {
  const steps = stepSchema.safeParse(data.steps).success ? (data.steps as number) : undefined;
  return {
    key: 'step',
    words: 'a step (a whole number from 0)',
    at: (value) => (stepSchema.safeParse(value).success ? (value as number) : undefined),
    first: 0,
    last: steps,
    startText: 'step 0',
    endText: `step ${steps}`,
  };
}

class SemanticChecker {
  readonly issues: ScenarioIssue[] = [];
  readonly warnings: ScenarioIssue[] = [];
  private readonly outside: OutsidePeriod = { before: [], after: [] };
  private readonly levers: LeverInfo;

  constructor(
    private readonly source: SourceNode,
    private readonly model: AnyModel,
  ) {
    this.levers = leversOf(model);
  }

  check(data: Plain): void {
    const axis = this.model.clock === 'month' ? this.checkPeriod(data) : stepAxis(data);
    if (Array.isArray(data.timeline)) {
      data.timeline.forEach((event, i) => {
        if (isRecord(event)) this.checkEvent(event, ['timeline', i], axis);
      });
    }
    this.warnOutsidePeriod(axis);
    this.checkChartIds(data);
    this.checkSnapshots(data, axis);
  }

  /** A model's own check reports at the value of a path. */
  reportValue(path: readonly PathSegment[], fields: Fields): void {
    this.report(path, 'value', fields);
  }

  /**
   * One warning for the events after the end and one for those before the start. Cutting a long history
   * short (a file that extends a 1991–2025 scenario with `end: 1993-12`) is a normal way to look at part
   * of it, so these events are not errors: events after the end never fire; events before the start set
   * the levers as they stand at the start (their actions, which happen on a date, are dropped).
   */
  private warnOutsidePeriod(axis: TimeAxis): void {
    const { before, after } = this.outside;
    const firstAt = (path: readonly PathSegment[]) => valueOrigin(this.source, [...path, axis.key]);
    if (after.length > 0) {
      const n = after.length;
      this.warnings.push({
        ...firstAt(after[0].path),
        path: formatPath(after[0].path),
        message:
          `${n} timeline event${n === 1 ? '' : 's'} ${n === 1 ? 'is' : 'are'} dated after the end ` +
          `(${axis.endText}) and ${n === 1 ? 'is' : 'are'} dropped, the first on ${after[0].when}`,
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
        message: `${n} timeline event${n === 1 ? ' is' : 's are'} dated before the start (${axis.startText}): ${what}`,
        hint: 'move start earlier to simulate them as they happened',
      });
    }
  }

  private report(path: readonly PathSegment[], where: Where, fields: Fields): void {
    const at = where === 'key' ? keyOrigin(this.source, path) : valueOrigin(this.source, path);
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Fields;
    this.issues.push({ ...at, path: formatPath(path), ...defined });
  }

  /** The calendar axis of a month-clock scenario (and whether its end comes after its start). */
  private checkPeriod(data: Plain): TimeAxis {
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
    return {
      key: 'date',
      words: 'a date written YYYY, YYYY-MM or YYYY-MM-DD',
      at: (value) => {
        const date = asDate(value);
        return date === undefined ? undefined : monthIndex(date);
      },
      first: start === undefined || end === undefined ? undefined : monthIndex(start),
      last: start === undefined || end === undefined ? undefined : endMonthIndex(end),
      startText: String(start),
      endText: String(end),
    };
  }

  private checkEvent(event: Plain, path: readonly PathSegment[], axis: TimeAxis): void {
    // an event with only a label is a note: it marks a date on charts and changes nothing
    if (!has(event, 'set') && !has(event, 'ramp') && !has(event, 'action') && !has(event, 'label')) {
      this.report(path, 'value', {
        message: 'the event does nothing: give it set, ramp or action',
        expected: 'at least one of set, ramp, action (or a label, to mark the date on charts)',
        hint: 'e.g. set: { foreign.regime: approval }',
      });
    }
    const at = axis.at(event[axis.key]);
    const when = String(event[axis.key]);
    if (at !== undefined && axis.first !== undefined && axis.last !== undefined) {
      if (at > axis.last) this.outside.after.push({ path: [...path], when });
      else if (at < axis.first) {
        this.outside.before.push({ path: [...path], when, actions: has(event, 'action') ? 1 : 0 });
      }
    }
    this.checkRampDates(event, path, at, axis);
    if (isRecord(event.set)) this.checkLeverValues(event.set, [...path, 'set'], 'set');
    if (isRecord(event.ramp)) this.checkLeverValues(event.ramp, [...path, 'ramp'], 'ramp');
  }

  private checkRampDates(
    event: Plain,
    path: readonly PathSegment[],
    at: number | undefined,
    axis: TimeAxis,
  ): void {
    const hasRamp = has(event, 'ramp');
    const unit = axis.key === 'date' ? 'date' : 'step';
    if (hasRamp && !has(event, 'until')) {
      this.report([...path, 'until'], 'value', {
        message: `missing, expected ${axis.words}: a ramp needs the ${unit} it ends`,
        expected: axis.words,
        hint:
          axis.key === 'date'
            ? 'e.g. until: 2010 (the lever then moves linearly from date to until)'
            : 'e.g. until: 50 (the lever then moves linearly from step to until)',
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
    const until = axis.at(event.until);
    if (until === undefined) return;
    if (at !== undefined && until <= at) {
      const start = String(event[axis.key]);
      this.report([...path, 'until'], 'value', {
        message: `the ramp ends (${String(event.until)}) before or ${axis.key === 'date' ? 'in the month' : 'at the step'} it starts (${start})`,
        expected: `${axis.key === 'date' ? 'a date' : 'a step'} after ${start}`,
        got: showValue(event.until),
        hint: `a ramp needs at least one ${axis.key === 'date' ? 'month' : 'step'}; to change a lever at once use set`,
      });
    }
    // a ramp that ends after the end is cut there: the lever stops where the run stops
  }

  /** `set`/`ramp` keys must be lever paths; their values must be valid for that lever. */
  private checkLeverValues(levers: Plain, path: readonly PathSegment[], kind: 'set' | 'ramp'): void {
    for (const [leverPath, value] of Object.entries(levers)) {
      const at = [...path, leverPath];
      const schema = this.levers.schemas.get(leverPath);
      const rename = schema ? undefined : renameOf(this.model.renames, `levers.${leverPath}`);
      if (rename) {
        this.report(at, 'key', {
          message: `${leverPath} ${renameWords(rename)}`,
          got: leverPath,
          hint: renameHint(rename).replace(/^write levers\./, 'write '),
        });
        continue;
      }
      if (!schema) {
        this.report(at, 'key', {
          message: `${JSON.stringify(leverPath)} is not a lever`,
          expected: `a lever path such as ${leverExamples(this.levers.paths)}`,
          got: leverPath,
          hint: leverPathHint(leverPath, this.levers),
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

  /** A spatial model's output.snapshots: ticks the run reaches, each once. */
  private checkSnapshots(data: Plain, axis: TimeAxis): void {
    if (!this.model.snapshot || !isRecord(data.output) || !Array.isArray(data.output.snapshots)) return;
    const unit = axis.key === 'step' ? 'step' : 'month';
    const name = (value: unknown) => (axis.key === 'step' ? `step ${String(value)}` : String(value));
    const seen = new Map<number, number>();
    data.output.snapshots.forEach((value, i) => {
      const at = axis.at(value);
      if (at === undefined) return; // malformed: the schema says what it should be
      const path = ['output', 'snapshots', i];
      const { first, last } = axis;
      if (first !== undefined && last !== undefined && (at < first || at > last)) {
        this.report(path, 'value', {
          message:
            at > last
              ? `the snapshot at ${name(value)} is after the end (${axis.endText})`
              : `the snapshot at ${name(value)} is before the start (${axis.startText})`,
          expected:
            axis.key === 'step'
              ? `a step from 0 to ${last}`
              : `a month from ${axis.startText} to ${axis.endText}`,
          got: showValue(value),
          hint: `the grid can only be drawn at a ${unit} the run reaches`,
        });
        return;
      }
      const earlier = seen.get(at);
      if (earlier === undefined) {
        seen.set(at, i);
        return;
      }
      this.report(path, 'value', {
        message: `${name(value)} is already drawn by output.snapshots[${earlier}]`,
        expected: `each ${unit} once`,
        got: showValue(value),
        hint: 'remove the repeat',
      });
    });
  }

  private checkChartIds(data: Plain): void {
    if (!isRecord(data.output) || !Array.isArray(data.output.charts)) return;
    const first = new Map<string, number>();
    data.output.charts.forEach((chart, i) => {
      if (!isRecord(chart) || typeof chart.id !== 'string') return;
      if (this.model.snapshot && chart.id === snapshotChartId) {
        this.report(['output', 'charts', i, 'id'], 'value', {
          message: `chart id ${JSON.stringify(chart.id)} is the grid snapshots' (charts/${snapshotChartId}.*)`,
          expected: `an id other than ${snapshotChartId}`,
          got: showValue(chart.id),
          hint: 'give this chart another id',
        });
        return;
      }
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

/** Three lever paths of different groups, as examples: the first, and the last two groups' first. */
function leverExamples(paths: readonly string[]): string {
  const firstOfGroup = new Map<string, string>();
  for (const path of paths) {
    const group = path.split('.')[0];
    if (!firstOfGroup.has(group)) firstOfGroup.set(group, path);
  }
  const groups = [...firstOfGroup.values()];
  const picks = [...new Set([groups[0], ...groups.slice(-2)])].filter(Boolean);
  return picks.length > 1
    ? `${picks.slice(0, -1).join(', ')} or ${picks[picks.length - 1]}`
    : (picks[0] ?? 'a.b');
}

/** Suggests the lever meant by a path that is not one. */
export function leverPathHint(path: string, levers: LeverInfo): string {
  const { schemas: leverSchemas, paths: leverPaths, groups: leverGroups } = levers;
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
  return didYouMean(byName.slice(0, 3)) ?? `levers are written like ${leverExamples(leverPaths)}`;
}
