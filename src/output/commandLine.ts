/**
 * The command line of a run as a person would type it again (for the manifest and the INCOMPLETE note):
 * POSIX shell quoting, leaving plain words alone so the common case stays readable.
 */

/** Quotes one argument for a POSIX shell. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** `civsim` followed by the arguments given to it. */
export function civsimCommandLine(args: readonly string[]): string {
  return ['civsim', ...args.map(shellQuote)].join(' ');
}
