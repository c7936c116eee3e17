/**
 * Progress of `civsim run` on stderr (stdout carries only the result: the run folder's path).
 * On a terminal: a live bar over all replicates and months, with the ETA, then one over the files.
 * Elsewhere (CI logs, `2> log`): plain lines, one per finished replicate, that read well in a file.
 * Quiet: nothing (errors are printed by the command itself).
 */
import cliProgress from 'cli-progress';
import type { Progress } from '../index.ts';

export type ProgressMode = 'bar' | 'lines' | 'quiet';

export interface ProgressReporter {
  /** Before the first replicate. */
  runStarted(info: { scenario: string; replicates: number; seed: number; folder: string }): void;
  /** After each simulated month (as runScenario reports it). */
  tick(progress: Progress): void;
  /** Before each output file is written. */
  file(path: string, index: number, total: number): void;
  /** Something to say in any mode but quiet (the bar is closed first). */
  note(message: string): void;
  /** Closes any bar (also on interruption, so the terminal is left clean). */
  stop(): void;
}

/** `bar` on a terminal, `lines` otherwise, `quiet` when asked. */
export function progressMode(quiet: boolean, isTTY: boolean | undefined): ProgressMode {
  if (quiet) return 'quiet';
  return isTTY ? 'bar' : 'lines';
}

/** 1.2 s, 4 min 05 s, 1 h 02 min. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

const quietReporter: ProgressReporter = {
  runStarted: () => undefined,
  tick: () => undefined,
  file: () => undefined,
  note: () => undefined,
  stop: () => undefined,
};

/** Plain lines: one per finished replicate with its time, the total so far and a naive ETA. */
function linesReporter(stream: NodeJS.WritableStream, now: () => number): ProgressReporter {
  let started = 0;
  let replicateStarted = 0;
  let fileIndexShown = -1;
  const say = (line: string) => stream.write(`${line}\n`);
  return {
    runStarted(info) {
      started = now();
      replicateStarted = started;
      say(`civsim: running ${info.scenario}: ${info.replicates} replicate(s), seed ${info.seed}`);
      say(`civsim: writing to ${info.folder}`);
    },
    tick(p) {
      if (p.tick !== p.ticks) return;
      const t = now();
      const done = p.replicate + 1;
      const elapsed = (t - started) / 1000;
      const left =
        done < p.replicates ? `, about ${formatDuration((elapsed / done) * (p.replicates - done))} left` : '';
      say(
        `civsim: replicate ${done}/${p.replicates} done in ${formatDuration((t - replicateStarted) / 1000)} ` +
          `(${formatDuration(elapsed)} so far${left})`,
      );
      replicateStarted = t;
    },
    file(_path, index, total) {
      if (fileIndexShown < 0) say(`civsim: writing ${total} output files`);
      fileIndexShown = index;
    },
    note: say,
    stop: () => undefined,
  };
}

/** Live bars (cli-progress) on a terminal. */
function barReporter(stream: NodeJS.WritableStream): ProgressReporter {
  let bar: cliProgress.SingleBar | undefined;
  let ticksPerReplicate = 0;
  const close = () => {
    bar?.stop();
    bar = undefined;
  };
  const open = (format: string, total: number, payload: Record<string, unknown>) => {
    close();
    bar = new cliProgress.SingleBar(
      { format, stream, hideCursor: true, clearOnComplete: false, etaBuffer: 50, barsize: 30 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, payload);
  };
  let scenario = '';
  let replicates = 0;
  let writing = false;
  return {
    runStarted(info) {
      scenario = info.scenario;
      replicates = info.replicates;
    },
    tick(p) {
      if (!bar || writing) {
        ticksPerReplicate = p.ticks;
        writing = false;
        open(
          '{scenario} |{bar}| {percentage}% | replicate {replicate}/{replicates} | month {tick}/{ticks} | ' +
            'ETA {eta_formatted}',
          replicates * ticksPerReplicate,
          { scenario, replicate: 1, replicates, tick: 0, ticks: ticksPerReplicate },
        );
      }
      bar?.update(p.replicate * ticksPerReplicate + p.tick, {
        replicate: p.replicate + 1,
        tick: p.tick,
      });
    },
    file(path, index, total) {
      if (!writing) {
        writing = true;
        open('writing  |{bar}| {value}/{total} files | {file}', total, { file: path });
      }
      bar?.update(index, { file: path });
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
): ProgressReporter {
  if (mode === 'quiet') return quietReporter;
  if (mode === 'lines') return linesReporter(stream, now);
  return barReporter(stream);
}
