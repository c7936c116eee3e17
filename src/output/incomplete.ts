/**
 * The INCOMPLETE marker of a run folder. While a run is going, and whenever it stops before the end
 * (interrupted, failed, killed), its folder is `<run-id>.partial/` and holds this file, so nobody mistakes
 * what is there for results. It says what happened and how to run it again.
 */

export interface IncompleteInfo {
  startedAt: Date;
  /** The command to run again, as typed (shell-quoted). */
  rerun: string;
  /** Why the run stopped, once known; absent while it is running (and after a hard kill). */
  reason?: string;
}

export const incompleteFileName = 'INCOMPLETE';

export function incompleteText(info: IncompleteInfo): string {
  const status = info.reason
    ? `This run did not finish: ${info.reason}`
    : 'This run has not finished: it is still running, or it was stopped before it could say why\n' +
      '(killed, out of memory, machine restarted).';
  return [
    status,
    '',
    `Started: ${info.startedAt.toISOString()}`,
    '',
    'Files in this folder may be missing or belong to an unfinished run: do not use them.',
    'A finished run is renamed to the folder name without ".partial" and has no INCOMPLETE file.',
    '',
    'To run it again:',
    `  ${info.rerun}`,
    '',
    'You may delete this folder.',
    '',
  ].join('\n');
}
