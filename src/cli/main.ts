/**
 * The civsim command line: a thin shell over the public API. Each command lives in ./commands/ and
 * returns its exit code: 0 success, 1 failure while running, 2 bad input (scenario or arguments),
 * 130 interrupted.
 */
import yargs from 'yargs';
import { runCommand } from './commands/run.ts';
import { validateCommand } from './commands/validate.ts';

/** A wrong command line (unknown option, missing argument): exit code 2. */
class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  try {
    await yargs(argv)
      .scriptName('civsim')
      .usage('civsim: an agent-based laboratory for civil-society policy.\n\nUsage: $0 <command> [options]')
      .command(runCommand(setExit))
      .command(validateCommand(setExit))
      .demandCommand(1, 'Name a command: run or validate (see --help).')
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
    process.stderr.write(`civsim: ${err instanceof Error ? err.message : String(err)}\n`);
    return exitCode || 1;
  }
  return exitCode;
}
