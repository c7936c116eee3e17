/**
 * `civsim facts SCENARIO`: the model's stylized facts on a scenario's country — each fact's statistics,
 * the band the literature allows and whether the value lies in it — and, with --knockouts, whether
 * switching each fact's mechanism off makes it fail, as it must.
 */
import type { CommandModule } from 'yargs';

export interface FactsArgs {
  scenario: string;
  replicates: number;
  citizens: number;
  knockouts: boolean;
  only?: string[];
  json: boolean;
  check: boolean;
  quiet: boolean;
}

export function factsCommand(setExit: (code: number) => void): CommandModule<object, FactsArgs> {
  return {
    command: 'facts <scenario>',
    describe: "Check the model's stylized facts on a scenario's country: statistic, band, pass",
    builder: (y) =>
      y
        .positional('scenario', {
          type: 'string',
          demandOption: true,
          describe: 'Scenario file (YAML or JSON)',
        })
        .option('replicates', {
          alias: 'r',
          type: 'number',
          default: 3,
          describe: 'Seeded replicates per policy contrast (1–50)',
        })
        .option('citizens', {
          type: 'number',
          default: 20000,
          describe: 'Simulated citizens (the scenario is scaled to this sample; 1,000–1,000,000)',
        })
        .option('knockouts', {
          type: 'boolean',
          default: false,
          describe: "Also switch each fact's mechanism off and show that the fact then fails",
        })
        .option('only', { type: 'string', array: true, describe: 'Only these facts (ids, e.g. --only 1 11)' })
        .option('json', { type: 'boolean', default: false, describe: 'Print the table as JSON' })
        .option('check', {
          type: 'boolean',
          default: false,
          describe: 'Exit with code 1 when a fact fails (or a knockout leaves its fact standing)',
        })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress on stderr' })
        .example('$0 facts scenarios/kazakhstan.yaml', "the twelve facts on Kazakhstan's country")
        .example('$0 facts scenarios/kazakhstan.yaml --knockouts', 'and the knockout of each mechanism')
        .example('$0 facts my.yaml --only 11 12 -r 5', 'facts 11 and 12 with five replicates each')
        .example('$0 facts my.yaml --json --check', 'JSON for scripts; exit 1 if a fact fails') as never,
    handler: async (args) => {
      const { facts } = await import('./factsAction.ts');
      setExit(await facts(args));
    },
  };
}
