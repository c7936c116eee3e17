/**
 * A swept parameter: which scenario value it sets, from when, and over what — a list of values or a
 * range (linear or logarithmic). Written on the command line as
 *   PATH=V1,V2,…   PATH=LO:HI   PATH=LO:HI:log   PATH@2030-01=…   (PATH@120=… for step models)
 * or as an item of a scenario's `sweep.parameters`. Parsing here is syntax only; `resolveParameters`
 * checks each against the scenario it will change.
 */

export interface ParameterSpec {
  /** The scenario path as written (`levers.` may be left out of a lever's path). */
  path: string;
  /** Hold the value from this date (YYYY-MM) or step on; before it, the scenario's timeline applies. */
  from?: string | number;
  /** A list of values… */
  values?: number[];
  /** …or a range. */
  range?: { low: number; high: number; log: boolean };
}

/** A parameter the user wrote that cannot be understood: what, expected what, and a hint. */
export class ParameterSyntaxError extends Error {
  constructor(
    readonly text: string,
    readonly problem: string,
    readonly hint?: string,
  ) {
    super(`--param ${text}: ${problem}${hint ? `\n  hint: ${hint}` : ''}`);
    this.name = 'ParameterSyntaxError';
  }
}

const examples = 'e.g. levers.ministries.socialOrder=0:2e6, parameters.trust.beta=0.1,0.2,0.4';

/** A finite number written the way scenario files write numbers (no hex, no empty string). */
function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Most values a list may hold: a grid multiplies lists, and no design needs more distinct levels. */
export const maxListedValues = 1000;

export function parseParameter(text: string): ParameterSpec {
  const equals = text.indexOf('=');
  if (equals <= 0) {
    throw new ParameterSyntaxError(text, 'expected PATH=VALUES', `write a path, "=" and values, ${examples}`);
  }
  const target = text.slice(0, equals).trim();
  const spec = text.slice(equals + 1).trim();
  const at = target.indexOf('@');
  const path = at >= 0 ? target.slice(0, at) : target;
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(path)) {
    throw new ParameterSyntaxError(
      text,
      `"${path}" is not a scenario path`,
      `paths are dotted keys, ${examples}`,
    );
  }
  const out: ParameterSpec = { path };
  if (at >= 0) {
    const when = target.slice(at + 1);
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(when)) out.from = when;
    else if (/^\d+$/.test(when)) out.from = Number(when);
    else {
      throw new ParameterSyntaxError(
        text,
        `"@${when}" is not a month or a step`,
        'write the month as @YYYY-MM (e.g. @2030-01), or the step of a step model as @120',
      );
    }
  }
  if (spec === '') throw new ParameterSyntaxError(text, 'no values after "="', examples);
  if (spec.includes(':')) {
    const parts = spec.split(':');
    const log = parts.length === 3 && parts[2].trim().toLowerCase() === 'log';
    if (parts.length > 3 || (parts.length === 3 && !log)) {
      throw new ParameterSyntaxError(text, `"${spec}" is not a range`, 'write LO:HI or LO:HI:log');
    }
    const low = parseNumber(parts[0]);
    const high = parseNumber(parts[1]);
    if (low === undefined || high === undefined) {
      throw new ParameterSyntaxError(
        text,
        `"${spec}": both ends of a range must be numbers`,
        'write LO:HI, e.g. 0.1:0.9',
      );
    }
    if (!(high > low)) {
      throw new ParameterSyntaxError(
        text,
        `the range ${low}:${high} is empty`,
        'the upper end must exceed the lower',
      );
    }
    if (log && !(low > 0)) {
      throw new ParameterSyntaxError(
        text,
        `a logarithmic range must be above 0, got ${low}:${high}`,
        'use a linear range, or start above 0',
      );
    }
    out.range = { low, high, log };
    return out;
  }
  const values = spec.split(',').map((v) => parseNumber(v));
  const bad = spec.split(',').find((_, i) => values[i] === undefined);
  if (bad !== undefined) {
    throw new ParameterSyntaxError(
      text,
      `"${bad.trim()}" is not a number`,
      `list numbers separated by commas, ${examples}`,
    );
  }
  if (values.length > maxListedValues) {
    throw new ParameterSyntaxError(
      text,
      `${values.length} values listed; at most ${maxListedValues}`,
      'use a range LO:HI',
    );
  }
  if (new Set(values).size !== values.length) {
    throw new ParameterSyntaxError(text, 'a value is listed twice', 'list each value once');
  }
  out.values = values as number[];
  return out;
}
