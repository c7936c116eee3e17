/** What `civsim validate` does for each file (commands/validate.ts holds the options and help). */
import { nodeScenarioIO } from '../../node/scenarioIO.ts';
import { checkScenarioFile, formatIssue } from '../../scenario/load.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import type { FileReport } from './validate.ts';

export async function checkFile(file: string): Promise<FileReport> {
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

export function printReport(report: FileReport): void {
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
