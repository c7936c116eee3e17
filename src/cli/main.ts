/**
 * The civsim command line: a thin shell over the library. Each command lives in ./commands/ and returns
 * its exit code: 0 success, 1 failure while running, 2 bad input (scenario or arguments), 130
 * interrupted. No user error prints a stack trace; `--debug` shows one for what looks like a bug.
 */
import yargs from 'yargs';
import { compareCommand } from './commands/compare.ts';
import { sweepCommand } from './commands/sweep.ts';
import { mergeCommand } from './commands/merge.ts';
import { workerCommand } from './commands/worker.ts';
import { calibrateCommand } from './commands/calibrate.ts';
import { runCommand } from './commands/run.ts';
import { validateCommand } from './commands/validate.ts';
import { factsCommand } from './commands/facts.ts';
import { exploreCommand } from './commands/explore.ts';
import { say, sayError } from './say.ts';

/** A wrong command line (unknown option, missing argument): exit code 2. */
class UsageError extends Error {}

/** Options that take a value, per command (aliases included). */
const valueOptions: Record<string, readonly string[]> = {
  run: ['seed', 'replicates', 'r', 'scale', 'out', 'o', 'id', 'workers', 'w'],
  validate: [],
  facts: ['replicates', 'r', 'citizens', 'only'],
  sweep: [
    'param',
    'p',
    'design',
    'd',
    'samples',
    'n',
    'levels',
    'seed',
    'replicates',
    'r',
    'scale',
    'metrics',
    'm',
    'years',
    'out',
    'o',
    'id',
    'workers',
    'w',
    'shard',
    'queue',
    'resamples',
  ],
  merge: ['out', 'o', 'id', 'years', 'resamples'],
  worker: ['queue', 'workers', 'w', 'lease', 'idle-exit'],
  explore: ['build', 'b', 'port'],
  calibrate: [
    'targets',
    't',
    'holdout',
    'param',
    'p',
    'particles',
    'n',
    'alpha',
    'min-acceptance',
    'generations',
    'replicates',
    'r',
    'seed',
    'scale',
    'out',
    'o',
    'id',
    'workers',
    'w',
    'queue',
    'shard',
  ],
};

/**
 * An option whose value would be taken from the next flag (`--id --help` would name a run folder
 * "--help"): a usage error instead. A negative number after an option is a value, not a flag.
 */
export function optionValueProblem(argv: readonly string[]): string | undefined {
  const options = valueOptions[argv[0] ?? ''] ?? [];
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') break;
    const name = token.startsWith('--') ? token.slice(2) : token.startsWith('-') ? token.slice(1) : undefined;
    if (name === undefined || name.includes('=') || !options.includes(name)) continue;
    const next = argv[i + 1];
    if (next === undefined) return `${token} needs a value`;
    if (next.startsWith('-') && !/^-\d/.test(next))
      return `${token} needs a value, but the next argument is the option ${next}`;
  }
  return undefined;
}

let brokenPipesIgnored = false;

/**
 * Writes to a closed pipe (`civsim validate … | head`) end quietly, keeping the command's exit code.
 * The handlers stay for the life of the process: a write's EPIPE arrives after the write returned,
 * possibly after the command finished.
 */
function ignoreBrokenPipes(): void {
  if (brokenPipesIgnored) return;
  brokenPipesIgnored = true;
  let broken = false;
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || broken) {
      broken = true;
      return;
    }
    throw error;
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', onError);
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const debug = argv.includes('--debug');
  ignoreBrokenPipes();
  try {
    const problem = optionValueProblem(argv);
    if (problem) throw new UsageError(problem);
    await yargs(argv)
      .scriptName('civsim')
      .usage('civsim: an agent-based laboratory for civil-society policy.\n\nUsage: $0 <command> [options]')
      .command(runCommand(setExit))
      .command(compareCommand(setExit))
      .command(sweepCommand(setExit))
      .command(mergeCommand(setExit))
      .command(calibrateCommand(setExit))
      .command(workerCommand(setExit))
      .command(validateCommand(setExit))
      .command(factsCommand(setExit))
      .command(exploreCommand(setExit))
      .option('debug', {
        type: 'boolean',
        default: false,
        describe: 'Show stack traces of unexpected errors (for bug reports)',
        global: true,
      })
      .demandCommand(
        1,
        'Name a command: run, compare, sweep, merge, calibrate, worker, validate, facts or explore (see --help).',
      )
      .strict()
      .recommendCommands()
      .epilogue('Docs: README.md. Each command has its own --help with examples.')
      .fail((msg, err) => {
        if (err) throw err;
        // stop here: without throwing, yargs would still run the command's handler
        throw new UsageError(msg);
      })
      .parseAsync();
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`civsim: ${err.message}\nRun civsim --help for usage.\n`);
      return 2;
    }
    if (exitCode === 2) {
      say(err instanceof Error ? err.message : String(err));
      return 2;
    }
    sayError('unexpected error', err, debug);
    return exitCode || 1;
  }
  return exitCode;
}
