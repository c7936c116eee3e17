/**
 * Writes a file so that no reader ever sees it half-written under its final name: the content goes to a
 * temporary name beside it, which is renamed over the final name only when complete (rename is atomic
 * within a file system). Large text is streamed in batches, checking an abort signal between batches, and
 * hashed on the way so the manifest can list every file's SHA-256 without reading it back.
 */
import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/** Text batched into writes of about this many characters. */
const batchChars = 1 << 20;

function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Writes `content` (bytes, a string, or text in pieces such as CSV lines) atomically. */
export async function writeFileAtomic(
  path: string,
  content: Uint8Array | string | Iterable<string>,
  signal?: AbortSignal,
): Promise<WrittenFile> {
  const temp = temporaryPath(path);
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(temp, 'w');
  try {
    const put = async (chunk: Uint8Array | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(buffer);
      bytes += buffer.byteLength;
      await handle.write(buffer);
    };
    if (typeof content === 'string' || content instanceof Uint8Array) {
      await put(content);
    } else {
      let batch = '';
      for (const piece of content) {
        batch += piece;
        if (batch.length >= batchChars) {
          signal?.throwIfAborted();
          await put(batch);
          batch = '';
        }
      }
      if (batch.length > 0) await put(batch);
    }
    await handle.close();
    signal?.throwIfAborted();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  return { bytes, sha256: hash.digest('hex') };
}
