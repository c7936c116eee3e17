/**
 * A lane runs some replicates of a live run, tick by tick, with the library's startReplicate — the same
 * engine and model code as `civsim run` — and sends each replicate's new values as they come. It lives
 * in a Web Worker (worker.ts) or, where workers cannot start (a page opened from a file), in the page.
 *
 * The page says how far to go (`go` until a tick); the lane steps all its replicates together, one tick
 * each in turn, posts what is new about every 30 ms and yields, so a `go`, a pause or a `stop` takes
 * effect between two ticks. A run that fails (a metric that is not a number, a run limit) is reported
 * with its message, and the lane stops it.
 */
import type { GridSnapshot } from '../models/definition.ts';
import { modelById } from '../models/registry.ts';
import { startReplicate, type ReplicateRun } from '../run/replicate.ts';
import type { ScenarioBase } from '../scenario/envelope.ts';

/** Starts replicates of one policy on this lane (a new run id drops the replicates of older runs). */
export interface StartMessage {
  type: 'start';
  run: number;
  policy: number;
  scenario: ScenarioBase;
  replicates: readonly number[];
  /** Stream family: the same for every policy of a run, so replicate r of each shares its draws. */
  family: string;
}

/** Step every replicate of the run until it has recorded `until` ticks. */
export interface GoMessage {
  type: 'go';
  run: number;
  until: number;
}

/** Drop everything (reset, or the page is leaving). */
export interface StopMessage {
  type: 'stop';
}

export type ToLane = StartMessage | GoMessage | StopMessage;

/** New values of one replicate: ticks from `from` on, per metric. */
export interface ProgressMessage {
  type: 'progress';
  run: number;
  policy: number;
  replicate: number;
  from: number;
  values: Record<string, Float64Array>;
  /** The grid of a spatial model as it stands after the last of these ticks (replicate 0 only). */
  grid?: GridSnapshot & { tick: number };
}

export interface ErrorMessage {
  type: 'error';
  run: number;
  message: string;
}

export type FromLane = ProgressMessage | ErrorMessage;

/** How a lane sends a message (with the buffers it gives away). */
export type Post = (message: FromLane, transfer: ArrayBuffer[]) => void;

interface Job {
  policy: number;
  replicate: number;
  runner: ReplicateRun;
  /** Ticks stepped. */
  done: number;
  /** Ticks already sent. */
  sent: number;
  scenario: ScenarioBase;
}

/** Milliseconds of stepping between two posts. */
const sliceMs = 30;

/** Lets queued messages in before the next slice (a macrotask, without the clamping of nested timers). */
function yieldNow(): Promise<void> {
  const Channel = (globalThis as unknown as { MessageChannel?: new () => BrowserChannel }).MessageChannel;
  if (typeof Channel === 'function') {
    return new Promise((resolve) => {
      const channel = new Channel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(0);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A browser's MessageChannel, as far as yieldNow uses it. */
interface BrowserChannel {
  port1: { onmessage: (() => void) | null; close(): void };
  port2: { postMessage(message: unknown): void };
}

export class Lane {
  private jobs: Job[] = [];
  private run = -1;
  private until = 0;
  private running = false;

  constructor(private readonly post: Post) {}

  handle(message: ToLane): void {
    switch (message.type) {
      case 'start':
        this.start(message);
        break;
      case 'go':
        if (message.run !== this.run) return;
        this.until = message.until;
        void this.loop();
        break;
      case 'stop':
        this.jobs = [];
        this.run = -1;
        this.until = 0;
        break;
    }
  }

  private start(message: StartMessage): void {
    if (message.run !== this.run) {
      this.jobs = [];
      this.run = message.run;
      this.until = 0;
    }
    try {
      const model = modelById(message.scenario.model);
      for (const replicate of message.replicates) {
        this.jobs.push({
          policy: message.policy,
          replicate,
          runner: startReplicate(model, message.scenario, replicate, { family: message.family }),
          done: 0,
          sent: 0,
          scenario: message.scenario,
        });
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    const run = this.run;
    this.jobs = [];
    this.post({ type: 'error', run, message: error instanceof Error ? error.message : String(error) }, []);
  }

  private async loop(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const run = this.run;
        const behind = () => this.jobs.some((j) => j.done < this.until && !j.runner.done);
        if (!behind()) break;
        const started = performance.now();
        try {
          do {
            for (const job of this.jobs) {
              if (job.done < this.until && job.runner.step()) job.done++;
            }
          } while (performance.now() - started < sliceMs && behind());
          this.flush();
        } catch (error) {
          this.fail(error);
          break;
        }
        await yieldNow();
        if (run !== this.run) continue;
      }
    } finally {
      this.running = false;
    }
  }

  /** Sends every replicate's ticks that were not sent yet. */
  private flush(): void {
    for (const job of this.jobs) {
      if (job.done === job.sent) continue;
      const series = job.runner.result().series;
      const values: Record<string, Float64Array> = {};
      const transfer: ArrayBuffer[] = [];
      for (const [id, column] of Object.entries(series.values)) {
        const part = column.slice(job.sent, job.done);
        values[id] = part;
        transfer.push(part.buffer as ArrayBuffer);
      }
      const message: ProgressMessage = {
        type: 'progress',
        run: this.run,
        policy: job.policy,
        replicate: job.replicate,
        from: job.sent,
        values,
      };
      const model = modelById(job.scenario.model);
      if (job.replicate === 0 && model.snapshot) {
        const grid = model.snapshot.capture(job.runner.state);
        message.grid = { ...grid, tick: job.done - 1 };
        transfer.push(grid.cells.buffer as ArrayBuffer);
      }
      job.sent = job.done;
      this.post(message, transfer);
    }
  }
}
