/**
 * Writes a file so that no reader ever sees it half-written under its final name: the content goes to a
 * temporary name beside it, every byte is written (a short write is continued, never ignored), the file
 * is flushed to the disk (fsync), and only then is it renamed over the final name and the folder flushed
 * too, so that after a crash or power loss the name points at either nothing or the whole file. Large
 * text is streamed in batches, checking an abort signal between batches, and hashed on the way so the
 * manifest can list every file's SHA-256 without reading it back.
 *
 * The file-system calls go through a small interface, so a test can make the disk fill up or writes
 * come back short at any byte.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/** An open file, as far as writing it needs. */
export interface WritableFile {
  /** Writes from buffer[offset..offset+length); may write fewer bytes than asked (returns how many). */
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  /** Flushes the file's data and metadata to the disk. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls writing needs (Node's by default). */
export interface WriteFileSystem {
  create(path: string): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Flushes a folder's entries (a rename inside it) to the disk, where the platform can. */
  syncFolder(path: string): Promise<void>;
}

export const nodeWriteFileSystem: WriteFileSystem = {
  async create(path) {
    const handle = await open(path, 'w');
    return {
      write: (buffer, offset, length) => handle.write(buffer, offset, length, null),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename,
  remove: (path) => rm(path, { force: true }),
  syncFolder,
};

/**
 * fsync of a folder: makes a rename or a new entry in it durable. Linux and macOS allow it on a folder
 * opened read-only; Windows does not open folders, so there it is skipped (its renames are durable
 * enough for NTFS's journal).
 */
export async function syncFolder(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(path, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
  try {
    await handle.sync();
  } catch (error) {
    // some file systems (e.g. certain network mounts) refuse fsync on folders: nothing more to do there
    if ((error as { code?: string }).code !== 'EINVAL') throw error;
  } finally {
    await handle.close();
  }
}

export interface WriteOptions {
  signal?: AbortSignal;
  fs?: WriteFileSystem;
}

/** Text batched into writes of about this many characters. */
const batchChars = 1 << 20;

function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Writes all of buffer, continuing after short writes; a write of 0 bytes is an error, not a loop. */
async function writeAll(file: WritableFile, buffer: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < buffer.byteLength) {
    const { bytesWritten } = await file.write(buffer, offset, buffer.byteLength - offset);
    if (!(bytesWritten > 0)) {
      throw Object.assign(new Error('the disk accepted no more bytes'), { code: 'ENOSPC' });
    }
    offset += bytesWritten;
  }
}

/** Writes `content` (bytes, a string, or text in pieces such as CSV lines) atomically and durably. */
export async function writeFileAtomic(
  path: string,
  content: Uint8Array | string | Iterable<string>,
  options: WriteOptions | AbortSignal = {},
): Promise<WrittenFile> {
  const { signal, fs = nodeWriteFileSystem } = options instanceof AbortSignal ? { signal: options } : options;
  const temp = temporaryPath(path);
  const hash = createHash('sha256');
  let bytes = 0;
  const file = await fs.create(temp);
  let closed = false;
  try {
    const put = async (chunk: Uint8Array | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(buffer);
      bytes += buffer.byteLength;
      await writeAll(file, buffer);
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
    await file.sync();
    closed = true;
    await file.close();
    signal?.throwIfAborted();
    await fs.rename(temp, path);
  } catch (error) {
    if (!closed) await file.close().catch(() => undefined);
    await fs.remove(temp).catch(() => undefined);
    throw error;
  }
  await fs.syncFolder(dirname(path));
  return { bytes, sha256: hash.digest('hex') };
}
