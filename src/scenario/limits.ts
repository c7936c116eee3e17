/**
 * Sizes a scenario may not exceed. The largest shipped scenario (kazakhstan.yaml) is about 30 KB; these
 * limits are two orders of magnitude above it, and they keep a mistaken or hostile file (a 50 MB log
 * passed as a scenario, an alias bomb, a file that extends /dev/zero) from taking the machine's memory or
 * minutes of parsing before anyone is told.
 */

/** One scenario file, in bytes: refused before it is parsed. */
export const maxScenarioFileBytes = 2 * 1024 * 1024;

/** A file and every file of its extends chain together, in bytes. */
export const maxScenarioChainBytes = 4 * 1024 * 1024;

/** `2 MiB`, `512 KiB`: sizes as error messages show them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
