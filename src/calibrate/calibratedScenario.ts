/**
 * The calibrated scenario (pure): a small file that `extends` the original and sets each calibrated
 * parameter to its posterior median (4 significant digits: the posterior is not known more precisely),
 * with the credible intervals, the targets and the fit in comments, so the file says where its numbers
 * come from.
 */
import { stringify } from 'yaml';
import type { ParameterSummary } from './posterior.ts';

export interface CalibratedScenarioFacts {
  /** The original file, as `extends` should name it (relative to the new file). */
  extendsPath: string;
  name: string;
  title: string;
  summaries: readonly ParameterSummary[];
  /** Lines for the header comment (what was fitted to what, when, by which command). */
  notes: readonly string[];
  /** Whole-number parameters are rounded. */
  integer: readonly boolean[];
  schemaPath?: string;
}

/** A value at a dotted path of a nested object. */
function setPath(root: Record<string, unknown>, path: string, value: number): void {
  const keys = path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

export function roundMedian(value: number, integer: boolean): number {
  return integer ? Math.round(value) : Number(value.toPrecision(4));
}

export function calibratedScenarioText(facts: CalibratedScenarioFacts): string {
  const body: Record<string, unknown> = {
    ...(facts.schemaPath ? { $schema: facts.schemaPath } : {}),
    extends: facts.extendsPath,
    name: facts.name,
    title: facts.title,
  };
  for (const [i, s] of facts.summaries.entries())
    setPath(body, s.path, roundMedian(s.median, facts.integer[i]));
  const comment = (line: string) => (line === '' ? '#' : `# ${line}`);
  const intervals = facts.summaries.map(
    (s) =>
      `  ${s.path}: median ${s.median.toPrecision(4)}, 95% credible interval ${s.low.toPrecision(3)}–${s.high.toPrecision(3)} (prior ${s.prior.low}–${s.prior.high}${s.prior.log ? ', log-uniform' : ''})`,
  );
  return `${[...facts.notes, '', 'Posterior:', ...intervals].map(comment).join('\n')}\n${stringify(body, { lineWidth: 0 })}`;
}
