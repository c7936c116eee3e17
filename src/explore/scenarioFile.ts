/**
 * The scenario file of what the explorer shows: the resolved scenario as it runs on the page — seed,
 * replicates and sample applied, the user's changes set, the timeline's changes to a changed lever
 * dropped — as YAML, with a header that says where it came from. `civsim run` on it gives the numbers
 * the page shows (the same engine, scenario and seed); policy B of the side-by-side mode is named
 * `<name>-b`, and `civsim compare A.yaml B.yaml` runs the pair with common random numbers as the page
 * does. Pure.
 */
import { stringify } from 'yaml';
import type { ScenarioBase } from '../scenario/envelope.ts';
import type { Changes } from './changes.ts';

export interface ScenarioFileFacts {
  /** Where the base came from (`scenarios/kazakhstan.yaml`, or the uploaded file's name). */
  base: string;
  changes: Changes;
  /** Per changed lever path: how many timeline changes were dropped. */
  dropped: Readonly<Record<string, number>>;
  scale: number;
  version: string;
}

/** One line of a comment: no line breaks or control characters, at most 200 characters. */
function commentText(text: string): string {
  const flat = text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

/** The scenario as a YAML file, with a header of what made it. */
export function scenarioFileText(scenario: ScenarioBase, facts: ScenarioFileFacts): string {
  const header = [
    `Made in the civsim explorer (civsim ${facts.version}) from ${facts.base},`,
    `with seed ${scenario.seed}, ${scenario.replicates} replicate${scenario.replicates === 1 ? '' : 's'}` +
      (facts.scale === 1 ? '.' : ` and the sample scaled by ${facts.scale}.`),
  ];
  const changes = Object.entries(facts.changes);
  if (changes.length > 0) {
    header.push('Changes:');
    for (const [path, value] of changes) {
      const dropped = facts.dropped[path] ?? 0;
      header.push(
        `  ${path} = ${String(value)}` +
          (dropped > 0
            ? ` (held for the whole run: ${dropped} timeline change${dropped === 1 ? '' : 's'} dropped)`
            : ''),
      );
    }
  }
  header.push(`Run it: civsim run ${scenario.name}.yaml`);
  const body = stringify(scenario, { lineWidth: 0 });
  return `${header.map((line) => `# ${commentText(line)}`).join('\n')}\n${body}`;
}

/** Policy B's scenario as a file of its own: its name and title say it is B. */
export function policyBScenario<S extends ScenarioBase>(scenario: S, label: string): S {
  const name = `${scenario.name.slice(0, 62)}-b`;
  const title = `${scenario.title ?? scenario.name} (${label})`.slice(0, 200);
  return { ...scenario, name, title };
}
