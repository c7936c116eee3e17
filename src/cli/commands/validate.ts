/**
 * `civsim validate FILE…`: checks scenario files without running them and reports every problem at once,
 * each as file:line:column (editors and terminals make that clickable). Exit code 2 when any file has a
 * problem, so scripts and CI can gate on it.
 */
import type { CommandModule } from 'yargs';
import type { ScenarioIssue } from '../../scenario/issues.ts';

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
      // the loader (models, schemas) loads only when files are checked: --help stays quick
      const { checkFile, printReport } = await import('./validateAction.ts');
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
