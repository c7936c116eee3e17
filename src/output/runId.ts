/**
 * Names of run folders: `YYYYMMDD-HHMMSS-seedN` in UTC, so folders sort by start time, say which seed
 * they used, and mean the same thing on every machine; or a name the user chose with --id.
 */

export function defaultRunId(startedAt: Date, seed: number): string {
  const iso = startedAt.toISOString(); // 2026-11-28T02:15:00.000Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-seed${seed}`;
}

/**
 * Why a user-chosen run id cannot be a folder name, or undefined when it can: letters, digits, `.`, `_`
 * and `-`, not starting with a dot (no hidden folders, no `..`), not ending in `.partial` (reserved for
 * unfinished runs), at most 100 characters.
 */
export function runIdProblem(id: string): string | undefined {
  if (id.length === 0) return 'it is empty';
  if (id.length > 100) return 'it is longer than 100 characters';
  if (!/^[A-Za-z0-9_.-]+$/.test(id)) return 'use only letters, digits, ".", "_" and "-"';
  if (id.startsWith('.')) return 'it must not start with "."';
  if (id.endsWith('.partial')) return 'names ending in ".partial" mark unfinished runs';
  return undefined;
}
