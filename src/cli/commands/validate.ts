// PLACEHOLDER until the scenario loader lands: see the issue's `civsim validate` section.
import type { CommandModule } from 'yargs';

export function validateCommand(setExit: (code: number) => void): CommandModule<object, { files: string[] }> {
  return {
    command: 'validate <files..>',
    describe: 'Check scenario files against the schema',
    builder: (y) => y.positional('files', { type: 'string', array: true, demandOption: true }) as never,
    handler: () => setExit(1),
  };
}
