/**
 * The shared way civsim keeps a worker pool busy: `count` tasks pulled in order by a few lanes (two per
 * worker, so a million tasks never queue a million messages), one controller that stops every lane — on
 * the caller's signal, or at the first failure — and the cause reported rather than the aborts it set
 * off. Also where the worker script lives, from sources or from the build.
 */

/** The worker script: the compiled runner, or, when running from sources, an entry that loads tsx. */
export function workerFilename(): string {
  const fromSources = import.meta.url.endsWith('.ts');
  return new URL(fromSources ? './workerEntry.js' : './replicateWorker.js', import.meta.url).href;
}

export async function inLanes(
  count: number,
  lanes: number,
  signal: AbortSignal | undefined,
  work: (index: number, stop: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  let next = 0;
  const lane = async () => {
    while (next < count) {
      stop.signal.throwIfAborted();
      await work(next++, stop.signal);
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.min(count, lanes) }, () =>
        lane().catch((error: unknown) => {
          if (!stop.signal.aborted) stop.abort(error);
          throw error;
        }),
      ),
    );
  } catch (error) {
    // the cause (the caller's interrupt, or the first failure), not the aborts it caused
    throw stop.signal.aborted && stop.signal.reason !== undefined ? stop.signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
