/**
 * The page's side of a live run: lanes in Web Workers (worker.js), one per core the page uses, each
 * given every n-th replicate of every policy, so all replicates advance together and the bands grow
 * tick by tick. Where a worker cannot start (Chromium refuses workers to a page opened from a file),
 * the lanes run in the page instead, on the same code. The page says how far to go; messages of an
 * older run (before a reset) are dropped.
 */
import { Lane, type FromLane, type ToLane } from './lane.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';

/** What the runner needs of a Web Worker (or of a lane in the page). */
export interface LaneHandle {
  post(message: ToLane): void;
  terminate(): void;
}

export type LaneFactory = (onMessage: (message: FromLane) => void) => LaneHandle;

interface WorkerLike {
  onmessage: ((event: { data: FromLane }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  postMessage(message: ToLane): void;
  terminate(): void;
}

/** Lanes in Web Workers loaded from `url` (throws where a worker cannot start). */
export function workerLanes(url: string): LaneFactory {
  return (onMessage) => {
    const WorkerClass = (globalThis as unknown as { Worker?: new (url: string) => WorkerLike }).Worker;
    if (typeof WorkerClass !== 'function') throw new Error('this browser has no Web Workers');
    const worker = new WorkerClass(url);
    worker.onmessage = (event) => onMessage(event.data);
    worker.onerror = (event) =>
      onMessage({ type: 'error', run: -1, message: `a worker failed: ${event.message ?? 'unknown error'}` });
    return { post: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
  };
}

/** Lanes in the page itself (messages delivered asynchronously, as a worker's would be). */
export const pageLanes: LaneFactory = (onMessage) => {
  let lane: Lane | undefined = new Lane((message) => setTimeout(() => lane && onMessage(message), 0));
  return {
    post: (message) => lane?.handle(structuredClone(message)),
    terminate: () => {
      lane?.handle({ type: 'stop' });
      lane = undefined;
    },
  };
};

export interface RunnerEvents {
  onProgress(message: Extract<FromLane, { type: 'progress' }>): void;
  onError(message: string): void;
}

export class Runner {
  private lanes: LaneHandle[] = [];
  private run = 0;
  private pending?: { policies: readonly ScenarioBase[]; replicates: number; family: string };
  /** Whether the lanes run in the page because workers could not start. */
  inPage = false;

  constructor(
    private factory: LaneFactory,
    private readonly count: number,
    private readonly events: RunnerEvents,
  ) {}

  /** How many lanes run (workers, or lanes in the page). */
  get size(): number {
    return this.lanes.length || this.count;
  }

  private ensureLanes(): void {
    const onMessage = (message: FromLane) => {
      if (message.type === 'error') {
        if (message.run === this.run || message.run === -1) this.events.onError(message.message);
      } else if (message.run === this.run) {
        this.events.onProgress(message);
      }
    };
    while (this.lanes.length < this.count) {
      try {
        this.lanes.push(this.factory(onMessage));
      } catch {
        // a page opened from a file: Chromium starts no worker there; the same lanes run in the page
        for (const lane of this.lanes) lane.terminate();
        this.lanes = [];
        this.factory = pageLanes;
        this.inPage = true;
      }
    }
  }

  /**
   * A new run: replicate r of every policy goes to lane r mod n, all with one stream family. The lanes
   * get it with the first `go`, so nothing is built before the user asks for a tick.
   */
  start(policies: readonly ScenarioBase[], replicates: number, family: string): number {
    this.run++;
    this.pending = { policies, replicates, family };
    return this.run;
  }

  /** Starts the workers now (they load their code in the background), without running anything. */
  warm(): void {
    this.ensureLanes();
  }

  private deliver(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.ensureLanes();
    const n = this.lanes.length;
    pending.policies.forEach((scenario, policy) => {
      this.lanes.forEach((lane, i) => {
        const mine = Array.from({ length: pending.replicates }, (_, r) => r).filter((r) => r % n === i);
        lane.post({
          type: 'start',
          run: this.run,
          policy,
          scenario,
          replicates: mine,
          family: pending.family,
        });
      });
    });
  }

  /** Every replicate of the current run steps until it has `until` ticks (0 stops them where they are). */
  go(until: number): void {
    if (until > 0) this.deliver();
    for (const lane of this.lanes) lane.post({ type: 'go', run: this.run, until });
  }

  stop(): void {
    this.run++;
    this.pending = undefined;
    for (const lane of this.lanes) lane.post({ type: 'stop' });
  }

  dispose(): void {
    for (const lane of this.lanes) lane.terminate();
    this.lanes = [];
  }
}
