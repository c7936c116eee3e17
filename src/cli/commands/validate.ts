/**
 * `civsim validate FILE…`: checks scenario files without running them and reports every problem at once,
 * each as file:line:column (editors and terminals make that clickable). Exit code 2 when any file has a
 * problem, so scripts and CI can gate on it.
 */
import type { CommandModule } from 'yargs';
import { checkScenarioFile, formatIssue } from '../../scenario/load.ts';
import type { LoadedScenario, ScenarioIssue } from '../../scenario/load.ts';
import { nodeScenarioIO } from '../../node/scenarioIO.ts';

interface ValidateArgs {
  files: string[];
  json: boolean;
}

/** One file's outcome, as printed by --json. */
export interface FileReport {
  file: string;
  ok: boolean;
  scenario?: {
    name: string;
    model: string;
    /** The simulated period: `1991-01 – 2025-12` or `100 steps`. */
    period: string;
    events: number;
    replicates: number;
    hash: string;
  };
  issues: ScenarioIssue[];
  /** Not problems, but worth knowing (e.g. timeline events after the end, which a run drops). */
  warnings: ScenarioIssue[];
}

export function validateCommand(setExit: (code: number) => void): CommandModule<object, ValidateArgs> {
  return {
    command: 'validate <files..>',
    describe: 'Check scenario files against the schema and report every problem with its line and column',
    builder: (y) =>
      y
        .positional('files', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'Scenario files (YAML or JSON)',
        })
        .option('json', {
          type: 'boolean',
          default: false,
          describe:
            'Print a JSON report ({ ok, files: [{ file, ok, scenario, issues, warnings }] }) instead of text',
        })
        .example('$0 validate scenarios/kz.yaml', 'check a scenario and the files it extends')
        .example('$0 validate scenarios/*.yaml', 'check several: exit code 2 if any has a problem')
        .example('$0 validate --json kz.yaml', 'the same report as JSON, for scripts') as never,
    handler: async (args) => {
      const reports: FileReport[] = [];
      for (const file of args.files) reports.push(await checkFile(file));
      const ok = reports.every((report) => report.ok);
      if (args.json) {
        process.stdout.write(`${JSON.stringify({ ok, files: reports }, null, 2)}\n`);
      } else {
        for (const report of reports) printReport(report);
      }
      if (!ok) setExit(2);
    },
  };
}

async function checkFile(file: string): Promise<FileReport> {
  try {
    const { loaded, issues, warnings } = await checkScenarioFile(file, nodeScenarioIO);
    return {
      file,
      ok: issues.length === 0 && loaded !== undefined,
      ...(loaded ? { scenario: summary(loaded) } : {}),
      issues,
      warnings,
    };
  } catch (err) {
    // a bug in the checker must not hide the results for the other files
    const message = `internal error while checking: ${err instanceof Error ? err.message : String(err)}`;
    return { file, ok: false, issues: [{ file, line: 0, column: 0, path: '', message }], warnings: [] };
  }
}

function summary(loaded: LoadedScenario): NonNullable<FileReport['scenario']> {
  const { scenario, hash } = loaded;
  return {
    name: scenario.name,
    model: scenario.model,
    period:
      scenario.steps !== undefined
        ? `${scenario.steps} steps`
        : `${String(scenario.start)} – ${String(scenario.end)}`,
    events: scenario.timeline.length,
    replicates: scenario.replicates,
    hash,
  };
}

function printReport(report: FileReport): void {
  for (const issue of report.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  for (const warning of report.warnings) {
    process.stderr.write(`${formatIssue({ ...warning, message: `warning: ${warning.message}` })}\n`);
  }
  if (report.ok && report.scenario) {
    const { name, period, events, replicates } = report.scenario;
    const eventWord = events === 1 ? 'timeline event' : 'timeline events';
    const replicateWord = replicates === 1 ? 'replicate' : 'replicates';
    process.stdout.write(
      `ok ${report.file}: ${name} (${period}, ${events} ${eventWord}, ${replicates} ${replicateWord})\n`,
    );
  }
}
