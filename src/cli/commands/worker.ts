/**
 * `civsim worker --queue URL`: makes the runs of queued sweeps (`civsim sweep … --queue URL`) on this
 * machine's threads until stopped (Ctrl-C, SIGTERM: the runs in hand are finished first; a second
 * signal stops at once, and their runs go to other workers). Exit codes: 0 stopped, 2 bad arguments or
 * no Redis at the address, 1 failed.
 */
import type { Argv, CommandModule } from 'yargs';
import { queueUrlProblem } from '../../node/queueAddress.ts';
import { cores } from '../../node/resources.ts';
import { usageFail } from './usageFail.ts';

export interface WorkerArgs {
  queue: string;
  workers?: number;
  lease: number;
  idleExit?: number;
  quiet: boolean;
  debug?: boolean;
}

export function workerArgsProblem(args: Partial<Record<keyof WorkerArgs, unknown>>): string | undefined {
  if (typeof args.queue !== 'string') return '--queue takes one Redis address (redis://host:6379)';
  const problem = queueUrlProblem(args.queue);
  if (problem) return problem;
  for (const [name, value, min, max] of [
    ['workers', args.workers, 1, 1024],
    ['lease', args.lease, 1, 86_400],
    ['idle-exit', args.idleExit, 0, 31_536_000],
  ] as const) {
    if (
      value !== undefined &&
      !(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
    ) {
      return `--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value) ?? String(value)}`;
    }
  }
  return undefined;
}

export function workerCommand(setExit: (code: number) => void): CommandModule<object, WorkerArgs> {
  return {
    command: 'worker',
    describe: 'Make the runs of sweeps queued on Redis (civsim sweep --queue), on this machine',
    builder: ((y: Argv) =>
      y
        .option('queue', {
          type: 'string',
          demandOption: true,
          describe: 'The Redis address the sweeps are queued on (redis://host:6379[/db])',
        })
        .option('workers', {
          alias: 'w',
          type: 'number',
          describe: `Runs at once, on threads (default: the cores, here ${cores()})`,
        })
        .option('lease', {
          type: 'number',
          default: 30,
          describe:
            'Seconds before a run held by a worker that stopped answering (killed, machine gone) goes to another worker',
        })
        .option('idle-exit', {
          type: 'number',
          describe: 'Stop after this many seconds with no run to make (for batch jobs); default: never',
        })
        .option('quiet', {
          alias: 'q',
          type: 'boolean',
          default: false,
          describe: 'Print nothing but errors (default: a line per run)',
        })
        .check((argv) => workerArgsProblem(argv as Partial<Record<keyof WorkerArgs, unknown>>) ?? true)
        .fail(usageFail('worker', setExit))
        .example('$0 worker --queue redis://10.0.0.5:6379', "Make queued runs on all this machine's cores")
        .example(
          '$0 worker --queue redis://10.0.0.5:6379 -w 4 --idle-exit 60',
          'Four at once; stop after a minute with nothing to do',
        )
        .wrap(Math.min(120, y.terminalWidth()))
        .epilogue(
          [
            'A worker takes only runs queued by the same civsim version, and checks each like a file from a',
            'stranger: a run whose plan is malformed or does not match its hash is refused and never made.',
            'Workers need Redis, not the submitter’s files: results go back through Redis.',
          ].join('\n'),
        )) as unknown as CommandModule<object, WorkerArgs>['builder'],
    handler: async (args) => {
      if (workerArgsProblem(args)) return;
      const { worker } = await import('./workerAction.ts');
      setExit(await worker(args));
    },
  };
}
