/**
 * `civsim run SCENARIO`: its options, their checks and help. The run itself is in ./runAction.ts: load
 * and check a scenario, apply command-line overrides, say what the run will cost (and refuse one that
 * would not fit in memory or would take hours, unless --yes), then hand over to the library's
 * runToFolder, printing its progress and turning its errors into one line and an exit code.
 *
 * Exit codes: 0 done, 1 failed while running, 2 bad input (scenario, arguments, an unusable results
 * folder, a run too large without --yes), 130 interrupted. stdout gets only the path of the finished
 * run folder (also with --quiet, for scripts); everything else goes to stderr.
 */
import type { Argv, CommandModule } from 'yargs';
import { cores } from '../../node/resources.ts';
import { runIdProblem } from '../../output/runId.ts';
import { usageFail } from './usageFail.ts';

export interface RunArgs {
  scenario: string;
  seed?: number;
  replicates?: number;
  scale?: number;
  out: string;
  id?: string;
  charts: boolean;
  quiet: boolean;
  workers?: number;
  yes: boolean;
  debug?: boolean;
}

const maxSeed = 2 ** 32 - 1;
const maxReplicates = 10_000;
const maxWorkers = 256;

/**
 * What is wrong with the options, or undefined. yargs turns `--replicates abc` into NaN and a repeated
 * option into an array, so both are checked here rather than trusted.
 */
export function runArgsProblem(args: Partial<Record<keyof RunArgs, unknown>>): string | undefined {
  const wholeNumber = (name: string, value: unknown, min: number, max: number) => {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return `--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value) ?? String(value)}`;
    }
    return undefined;
  };
  const problem =
    wholeNumber('seed', args.seed, 0, maxSeed) ??
    wholeNumber('replicates', args.replicates, 1, maxReplicates) ??
    wholeNumber('workers', args.workers, 1, maxWorkers) ??
    (args.scale !== undefined &&
    !(typeof args.scale === 'number' && Number.isFinite(args.scale) && args.scale > 0 && args.scale <= 1e6)
      ? `--scale must be a number greater than 0 and at most 1000000, got ${JSON.stringify(args.scale) ?? String(args.scale)}`
      : undefined);
  if (problem) return problem.replace('got null', 'got something that is not a number');
  if (args.out !== undefined && (typeof args.out !== 'string' || args.out.length === 0)) {
    return '--out must be one folder path';
  }
  if (args.id !== undefined) {
    if (typeof args.id !== 'string') return '--id must be given once';
    const idProblem = runIdProblem(args.id);
    if (idProblem) return `--id ${JSON.stringify(args.id)} cannot name a run folder: ${idProblem}`;
  }
  return undefined;
}

function builder(setExit: (code: number) => void) {
  return (y: Argv) =>
    y
      .positional('scenario', {
        type: 'string',
        describe: 'Scenario file (YAML or JSON)',
        demandOption: true,
      })
      .option('seed', { type: 'number', describe: "Master seed (replaces the scenario's seed)" })
      .option('replicates', {
        alias: 'r',
        type: 'number',
        describe: 'Replicates to run (replaces the scenario value)',
      })
      .option('scale', {
        type: 'number',
        describe: 'Multiply the simulated citizens and the NGO sampling rate (e.g. 0.1 for a quick look)',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        default: 'results',
        describe: 'Folder that holds results',
      })
      .option('id', { type: 'string', describe: 'Run folder name (default: <UTC start time>-seed<N>)' })
      .option('workers', {
        alias: 'w',
        type: 'number',
        describe: `Worker threads for the replicates (default: the cores, here ${cores()})`,
      })
      .option('charts', {
        type: 'boolean',
        default: true,
        describe: 'Draw charts (--no-charts writes tables and index.html only, faster)',
      })
      .option('yes', {
        alias: 'y',
        type: 'boolean',
        default: false,
        describe: 'Run even if the estimate says it needs more memory than is free or takes over an hour',
      })
      .option('quiet', {
        alias: 'q',
        type: 'boolean',
        default: false,
        describe: 'Print nothing but errors (stdout still gets the run folder path)',
      })
      .check((argv) => runArgsProblem(argv as Partial<Record<keyof RunArgs, unknown>>) ?? true)
      .fail(usageFail('run', setExit))
      .example('$0 run scenarios/kazakhstan.yaml', 'Run with the seed and replicates of the file')
      .example('$0 run scenarios/kazakhstan.yaml --seed 7 -r 30', '30 replicates, master seed 7')
      .example('$0 run scenarios/kazakhstan.yaml --scale 0.1 -r 2 --no-charts', 'A quick smoke test')
      .example('$0 run scenarios/kazakhstan.yaml --scale 164 -r 1 --yes', 'All 16.4 million people of 1991')
      .example(
        '$0 run scenarios/kazakhstan.yaml -o /data/runs --id baseline',
        'Write /data/runs/<name>/baseline',
      )
      .example('dir=$($0 run scenarios/kazakhstan.yaml -q)', 'The run folder, for a script')
      .wrap(Math.min(120, y.terminalWidth()))
      .epilogue(
        [
          'Writes <out>/<scenario name>/<run-id>/: manifest.json, series.csv, annual.csv, summary.csv,',
          'summary_annual.csv, ngos.csv (with output.agents), charts/ and index.html (see results/README.md).',
          'While it runs the folder is <run-id>.partial/ and holds a file INCOMPLETE.',
          'Before it starts, civsim estimates the time and memory the run needs and prints them.',
          'Exit codes: 0 done, 1 failed, 2 bad scenario or arguments, 130 interrupted.',
        ].join('\n'),
      );
}

export function runCommand(setExit: (code: number) => void): CommandModule<object, RunArgs> {
  return {
    command: 'run <scenario>',
    describe: 'Run a scenario and write its results',
    builder: builder(setExit) as unknown as CommandModule<object, RunArgs>['builder'],
    handler: async (args) => {
      if (runArgsProblem(args)) return; // already reported by the fail handler
      // the run itself (models, outputs, workers) loads only when a run is asked for: --help stays quick
      const { run } = await import('./runAction.ts');
      setExit(await run(args));
    },
  };
}
