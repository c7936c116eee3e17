/**
 * `civsim merge SHARD_DIR…`: joins the shards of a sweep (`civsim sweep … --shard k/n`) into one finished
 * sweep, after proving that every shard of the same plan is there once and complete. Exit codes: 0 done,
 * 1 failed while writing, 2 shards missing, duplicated, unfinished or of different sweeps.
 */
import type { Argv, CommandModule } from 'yargs';
import { runArgsProblem } from './run.ts';
import { usageFail } from './usageFail.ts';

export interface MergeArgs {
  shards: string[];
  out?: string;
  id?: string;
  years?: string;
  resamples: number;
  charts: boolean;
  quiet: boolean;
  debug?: boolean;
}

export function mergeCommand(setExit: (code: number) => void): CommandModule<object, MergeArgs> {
  return {
    command: 'merge <shards..>',
    describe: 'Join the shards of a sweep (--shard k/n) into one finished sweep',
    builder: ((y: Argv) =>
      y
        .positional('shards', {
          type: 'string',
          array: true,
          describe: 'The finished shard folders (<id>.shard-k-of-n)',
        })
        .option('out', {
          alias: 'o',
          type: 'string',
          describe: 'Folder that holds results (default: where the shards are)',
        })
        .option('id', { type: 'string', describe: 'Name of the merged sweep (default: the shards’ id)' })
        .option('years', {
          type: 'string',
          describe: 'Outcome years (steps) for indices and charts besides the last',
        })
        .option('resamples', {
          type: 'number',
          default: 1000,
          describe: 'Bootstrap resamples for the indices’ intervals',
        })
        .option('charts', {
          type: 'boolean',
          default: true,
          describe: 'Draw charts (--no-charts: tables and reports only)',
        })
        .option('quiet', {
          alias: 'q',
          type: 'boolean',
          default: false,
          describe: 'Print nothing but errors',
        })
        .check((argv) => runArgsProblem(argv as Parameters<typeof runArgsProblem>[0]) ?? true)
        .fail(usageFail('merge', setExit))
        .example(
          '$0 merge results/_sweep/big.shard-*-of-8',
          'Join the eight shards of the sweep "big" into results/_sweep/big',
        )
        .wrap(Math.min(120, y.terminalWidth()))) as unknown as CommandModule<object, MergeArgs>['builder'],
    handler: async (args) => {
      const { merge } = await import('./mergeAction.ts');
      setExit(await merge(args));
    },
  };
}
