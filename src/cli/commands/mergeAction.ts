/** What `civsim merge` does: check the shards, join them, write the sweep's results; errors as exit codes. */
import { softwareFacts } from '../../node/environment.ts';
import { mergeShardsToFolder } from '../../node/mergeSweeps.ts';
import { RunFolderTakenError } from '../../node/runFolder.ts';
import { SweepFolderError } from '../../node/sweepToFolder.ts';
import { writeSweepResults } from '../../node/writeSweep.ts';
import { civsimCommandLine } from '../../output/commandLine.ts';
import { say, sayError } from '../say.ts';
import type { MergeArgs } from './merge.ts';

export async function merge(args: MergeArgs): Promise<number> {
  const commandLine = civsimCommandLine(process.argv.slice(2));
  const software = await softwareFacts();
  const years = args.years
    ? String(args.years)
        .split(',')
        .map((y) => y.trim())
    : [];
  try {
    const { folder, merged } = await mergeShardsToFolder(args.shards, {
      out: args.out,
      id: args.id,
      civsimVersion: software.civsimVersion,
      rerun: commandLine,
      check: (m) => {
        const bad = years.find((y) => !m.periods.includes(y));
        if (bad !== undefined) throw new SweepFolderError(`--years: ${bad} is not within the sweep's runs`);
      },
      finish: async (partial, m) => {
        await writeSweepResults(partial, m.plan, m.records, {
          periods: m.periods,
          outcomes: years,
          charts: args.charts,
          civsimVersion: software.civsimVersion,
          gitCommit: software.gitCommit,
          commandLine,
          resamples: args.resamples,
        });
      },
    });
    if (!args.quiet) {
      process.stderr.write(
        `civsim: merged ${merged.shards} shards, ${merged.records.size} runs: ${folder}\n`,
      );
    }
    process.stdout.write(`${folder}\n`);
    return 0;
  } catch (error) {
    if (error instanceof SweepFolderError || error instanceof RunFolderTakenError) {
      say(error.message);
      return 2;
    }
    sayError('the merge failed', error, args.debug);
    return 1;
  }
}
