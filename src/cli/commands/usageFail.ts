/**
 * A command's own yargs fail handler. main's handler lets a command run after a failed check, so each
 * command fails on its own: a bad command line becomes exit 2 and a message that points to the command's
 * help; a genuine failure (or this handler's own error, passing through again) is rethrown as it is.
 */

/** A bad command line, reported by the command's fail handler (exit 2). */
class UsageError extends Error {
  override name = 'UsageError';
}

export function usageFail(command: string, setExit: (code: number) => void) {
  return (message: string | undefined, error: Error | undefined): never => {
    if (error instanceof Error) throw error;
    setExit(2);
    throw new UsageError(`${message ?? String(error)}\nRun civsim ${command} --help for usage.`);
  };
}
