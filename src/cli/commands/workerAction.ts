/** What `civsim worker` does: connect, take runs until stopped, and say what it did. */
import { softwareFacts } from '../../node/environment.ts';
import { QueueError } from '../../node/redisQueue.ts';
import { runQueueWorker } from '../../node/queueWorker.ts';
import { cores } from '../../node/resources.ts';
import { say, sayError } from '../say.ts';
import type { WorkerArgs } from './worker.ts';

export async function worker(args: WorkerArgs): Promise<number> {
  const software = await softwareFacts();
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (name: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      say(`${name}: finishing the runs in hand, then stopping (again to stop now)…`);
      controller.abort();
    } else {
      say(`${name}: stopping now; the runs in hand go to other workers`);
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const summary = await runQueueWorker({
      url: args.queue,
      civsimVersion: software.civsimVersion,
      threads: args.workers ?? cores(),
      leaseSeconds: args.lease,
      idleSeconds: args.idleExit,
      signal: controller.signal,
      log: args.quiet ? undefined : (line) => say(`worker: ${line}`),
    });
    if (!args.quiet) {
      say(`worker: made ${summary.done} run${summary.done === 1 ? '' : 's'}, refused ${summary.refused}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof QueueError) {
      say(error.message);
      return 2;
    }
    sayError('the worker failed', error, args.debug);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
