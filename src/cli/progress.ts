/**
 * Progress of `civsim run` on stderr (stdout carries only the result: the run folder's path).
 * On a terminal: a live bar over all the months of all replicates, with the ETA, then one over the files.
 * Elsewhere (CI logs, `2> log`): plain lines that read well in a file — one per finished replicate, and
 * at least one every few seconds while a long phase (building a population of millions, a month of a
 * large run) gives no other news, so nobody has to wonder whether it hangs.
 * Quiet: nothing (errors are printed by the command itself).
 */
import type cliProgress from 'cli-progress';
import { createRequire } from 'node:module';
import type { PoolProgress } from '../node/replicatePool.ts';
import type { RunEvent } from '../node/runToFolder.ts';

export type ProgressMode = 'bar' | 'lines' | 'quiet';

export interface ProgressReporter {
  /** Every event of the run (runToFolder's onEvent). */
  event(event: RunEvent): void;
  /** Something to say in any mode but quiet (the bar is closed first). */
  note(message: string): void;
  /** Closes any bar and timer (also on interruption, so the terminal is left clean). */
  stop(): void;
}

/** `bar` on a terminal, `lines` otherwise, `quiet` when asked. */
export function progressMode(quiet: boolean, isTTY: boolean | undefined): ProgressMode {
  if (quiet) return 'quiet';
  return isTTY ? 'bar' : 'lines';
}

/** 1.2 s, 4 min 05 s, 1 h 02 min, 3 d 04 h. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  if (s < 86_400)
    return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  return `${Math.floor(s / 86_400)} d ${String(Math.floor((s % 86_400) / 3600)).padStart(2, '0')} h`;
}

const quietReporter: ProgressReporter = {
  event: () => undefined,
  note: () => undefined,
  stop: () => undefined,
};

/** What a progress snapshot says in words: "3/10 replicates done, 42% simulated". */
export function describeProgress(p: PoolProgress): string {
  const share = p.ticksTotal > 0 ? Math.floor((100 * p.ticksDone) / p.ticksTotal) : 0;
  const building =
    p.building > 0 ? `; ${p.building} building ${p.building === 1 ? 'its' : 'their'} population` : '';
  return `${p.done}/${p.replicates} replicates done, ${share}% simulated${building}`;
}

/** Time left from the share done so far (undefined until there is something to go on). */
function timeLeft(p: PoolProgress, elapsedSeconds: number): number | undefined {
  if (p.ticksTotal === 0 || p.ticksDone === 0) return undefined;
  return (elapsedSeconds * (p.ticksTotal - p.ticksDone)) / p.ticksDone;
}

/** Plain lines: one per finished replicate and a heartbeat whenever nothing was said for a while. */
function linesReporter(
  stream: NodeJS.WritableStream,
  now: () => number,
  heartbeatMs: number,
): ProgressReporter {
  let started = 0;
  let lastLine = 0;
  let latest: PoolProgress | undefined;
  let doneShown = 0;
  let writing = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  const say = (line: string) => {
    stream.write(`${line}\n`);
    lastLine = now();
  };
  const withEta = (p: PoolProgress) => {
    const elapsed = (now() - started) / 1000;
    const left = timeLeft(p, elapsed);
    return `${describeProgress(p)} (${formatDuration(elapsed)} so far${left === undefined ? '' : `, about ${formatDuration(left)} left`})`;
  };
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  return {
    event(e) {
      if (e.kind === 'started') {
        started = now();
        say(
          `civsim: running ${e.scenario}: ${e.replicates} replicate(s) on ${e.workers} worker(s), seed ${e.seed}`,
        );
        say(`civsim: writing to ${e.folder}`);
        timer = setInterval(
          () => {
            if (now() - lastLine < heartbeatMs) return;
            if (writing) say('civsim: still writing the output files…');
            else if (latest) say(`civsim: ${withEta(latest)}`);
            else say('civsim: starting the workers…');
          },
          Math.max(100, Math.floor(heartbeatMs / 4)),
        );
        timer.unref?.();
      } else if (e.kind === 'progress') {
        latest = e.progress;
        if (e.progress.done > doneShown) {
          doneShown = e.progress.done;
          say(`civsim: ${withEta(e.progress)}`);
        }
      } else {
        if (!writing) say(`civsim: writing ${e.total} output files`);
        writing = true;
        if (e.index === e.total) stop();
      }
    },
    note: say,
    stop,
  };
}

/** cli-progress, loaded when a bar is first drawn: runs whose stderr is not a terminal never load it. */
let bars: typeof cliProgress | undefined;
const loadBars = () => (bars ??= createRequire(import.meta.url)('cli-progress') as typeof cliProgress);

/** Live bars (cli-progress) on a terminal. */
function barReporter(stream: NodeJS.WritableStream, now: () => number): ProgressReporter {
  let bar: cliProgress.SingleBar | undefined;
  let scenario = '';
  let started = 0;
  let phase: 'none' | 'running' | 'writing' = 'none';
  const close = () => {
    bar?.stop();
    bar = undefined;
  };
  const open = (format: string, total: number, payload: Record<string, unknown>) => {
    close();
    const { SingleBar, Presets } = loadBars();
    bar = new SingleBar(
      { format, stream, hideCursor: true, clearOnComplete: false, etaBuffer: 50, barsize: 30 },
      Presets.shades_classic,
    );
    bar.start(total, 0, payload);
  };
  return {
    event(e) {
      if (e.kind === 'started') {
        scenario = e.scenario;
        started = now();
      } else if (e.kind === 'progress') {
        const p = e.progress;
        if (p.ticksTotal === 0) return;
        if (phase !== 'running') {
          phase = 'running';
          open('{scenario} |{bar}| {percentage}% | {status} | ETA {left}', p.ticksTotal, {
            scenario,
            status: '',
            left: '?',
          });
        }
        const left = timeLeft(p, (now() - started) / 1000);
        bar?.update(p.ticksDone, {
          status: `${p.done}/${p.replicates} replicates${p.building > 0 ? `, ${p.building} building` : ''}`,
          left: left === undefined ? '?' : formatDuration(left),
        });
      } else {
        if (phase !== 'writing') {
          phase = 'writing';
          open('writing  |{bar}| {value}/{total} files | {file}', e.total, { file: e.path });
        }
        // the manifest, written last, is one file more than the outputs announced
        if (bar && bar.getTotal() !== e.total) bar.setTotal(e.total);
        bar?.update(e.index, { file: e.path });
      }
    },
    note(message) {
      close();
      stream.write(`${message}\n`);
    },
    stop: close,
  };
}

export function createProgressReporter(
  mode: ProgressMode,
  stream: NodeJS.WritableStream = process.stderr,
  now: () => number = Date.now,
  heartbeatMs = 5000,
): ProgressReporter {
  if (mode === 'quiet') return quietReporter;
  if (mode === 'lines') return linesReporter(stream, now, heartbeatMs);
  return barReporter(stream, now);
}
