// PLACEHOLDER until the output writer lands: see the issue's `civsim run` section.
import type { CommandModule } from 'yargs';

export function runCommand(setExit: (code: number) => void): CommandModule<object, { scenario: string }> {
  return {
    command: 'run <scenario>',
    describe: 'Run a scenario and write its results',
    builder: (y) => y.positional('scenario', { type: 'string', demandOption: true }) as never,
    handler: () => setExit(1),
  };
}
