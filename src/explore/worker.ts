/**
 * The explorer's Web Worker: a lane (lane.ts) that runs the replicates the page gives it and posts their
 * series back. Bundled on its own as worker.js; the page starts one per core it uses.
 */
import { Lane, type ToLane } from './lane.ts';

interface WorkerScope {
  onmessage: ((event: { data: ToLane }) => void) | null;
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const lane = new Lane((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event) => lane.handle(event.data);
