/**
 * The scenario loader's only contact with Node's file system (everything else in src/scenario runs in a
 * browser too). Relative `extends` paths resolve against the folder of the file that names them.
 *
 * Only regular files are read, and only up to the size limit: `extends: /dev/stdin` or a named pipe
 * would otherwise wait for input forever, and `/dev/zero` or a huge log would fill memory. The file is
 * opened without blocking (a FIFO opened for reading would wait for a writer) and checked with fstat on
 * the same descriptor, so what is checked is what is read.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { formatBytes, maxScenarioFileBytes } from '../scenario/limits.ts';
import type { ScenarioIO } from '../scenario/load.ts';

/** A read the loader refuses, with a code it words for the user (see load.ts readFailure). */
export class UnreadableFileError extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'EFBIG',
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** Refuses what is not a regular file of at most the size limit. */
function checkFileInfo(info: Stats): void {
  if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (!info.isFile()) {
    throw new UnreadableFileError('ENOTREG', 'it is not a regular file (a device, pipe or socket)');
  }
  if (info.size > maxScenarioFileBytes) {
    throw new UnreadableFileError(
      'EFBIG',
      `it is ${formatBytes(info.size)}; a scenario file may be at most ${formatBytes(maxScenarioFileBytes)}`,
    );
  }
}

export async function readScenarioBytes(path: string): Promise<Uint8Array> {
  // checked before opening (opening a terminal or a socket can fail or wait) and again on the open file
  checkFileInfo(await stat(path));
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    checkFileInfo(await handle.stat());
    // read at most one byte past the limit: a file that grew since fstat is still caught
    const buffer = new Uint8Array(maxScenarioFileBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

export const nodeScenarioIO: ScenarioIO = {
  readFile: readScenarioBytes,
  resolve: (fromFile, relative) =>
    isAbsolute(relative) ? normalize(relative) : join(dirname(fromFile), relative),
};
