/**
 * What the machine can give a run: the memory available now (the kernel's estimate of what can be used
 * without swapping, or what is left under the container's memory limit, whichever is less) and the
 * cores.
 */
import { availableParallelism, freemem } from 'node:os';

/** Bytes of memory a new run can use without pushing the machine into swap or an OOM kill. */
export function availableMemory(): number {
  let available = freemem(); // MemAvailable on Linux
  const limit = process.constrainedMemory?.() ?? 0; // a cgroup limit, 0 when there is none
  if (limit > 0 && limit < Number.MAX_SAFE_INTEGER) {
    available = Math.min(available, limit - process.memoryUsage.rss());
  }
  return Math.max(0, available);
}

export function cores(): number {
  return availableParallelism();
}
