/**
 * How the command line speaks on stderr: one line per message, prefixed `civsim:`. An unexpected error
 * (a bug) is one line too; its stack trace is shown only with --debug, for a bug report.
 */

export function say(message: string): void {
  process.stderr.write(`civsim: ${message}\n`);
}

/** `civsim: <what>: <message>`, plus the stack with --debug (or a hint that --debug shows it). */
export function sayError(what: string, error: unknown, debug = false): void {
  const message = error instanceof Error ? error.message : String(error);
  say(`${what}: ${message}`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else say('this looks like a bug in civsim: run again with --debug for details to report');
}
