/** Shared helpers for the scenario tests: in-memory files, fixture paths, compact issue listings. */
import { fileURLToPath } from 'node:url';
import { civilSociety } from '../../src/models/civil-society/index.ts';
import type { Scenario } from '../../src/models/civil-society/schema.ts';
import { checkScenarioFile } from '../../src/scenario/load.ts';
import type { LoadedScenario, ScenarioCheck, ScenarioIssue } from '../../src/scenario/load.ts';
import { leversOf } from '../../src/scenario/modelSchemas.ts';
import { memoryScenarioIO } from '../../src/scenario/memoryIO.ts';

export const fixtureDir = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));

/** Path of a fixture file, relative to the repository root (as a user would type it). */
export function fixture(name: string): string {
  return `test/fixtures/scenarios/${name}`;
}

/**
 * Strips the common indentation and the first newline of a template literal, so a YAML document can be
 * written inline with its line numbers obvious: the line after the opening backtick is line 1.
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const lines = text.split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  const cut = Math.min(...indents);
  return lines
    .map((line) => line.slice(cut))
    .join('\n')
    .replace(/[ ]+$/, '');
}

/** The civil-society model's levers (the default model of a scenario file). */
const levers = leversOf(civilSociety);
export const leverPaths = levers.paths;
export const leverSchemas = levers.schemas;
export const leverGroups = levers.groups;

/** A check of a civil-society scenario, typed as that model's scenario. */
export type CivilSocietyCheck = ScenarioCheck & { loaded?: LoadedScenario<Scenario> };

/** Checks `main.yaml` among in-memory files. */
export async function checkText(
  text: string,
  others: Record<string, string> = {},
): Promise<CivilSocietyCheck> {
  return checkScenarioFile(
    'main.yaml',
    memoryScenarioIO({ 'main.yaml': text, ...others }),
  ) as Promise<CivilSocietyCheck>;
}

/** `line:column path` of each issue: the compact form most assertions compare. */
export function where(issues: readonly ScenarioIssue[]): string[] {
  return issues.map((issue) => `${issue.line}:${issue.column} ${issue.path}`);
}

/** A minimal valid header; tests add their own keys below it (it is 3 lines long). */
export const header = 'name: t\nstart: 2000\nend: 2010\n';
