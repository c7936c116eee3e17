import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  nodeWriteFileSystem,
  writeFileAtomic,
  type WritableFile,
  type WriteFileSystem,
} from '../../src/node/atomicWrite.ts';
import { civsimCommandLine, shellQuote } from '../../src/output/commandLine.ts';
import { incompleteText } from '../../src/output/incomplete.ts';
import {
  claimRunFolder,
  completeRunFolder,
  RunFolderTakenError,
  updateIncomplete,
} from '../../src/node/runFolder.ts';
import { defaultRunId, runIdProblem } from '../../src/output/runId.ts';
import { specJson } from '../../src/output/specJson.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'civsim-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes strings, bytes and streamed pieces, returning size and SHA-256, leaving no temp file', async () => {
    const pieces = Array.from({ length: 50_000 }, (_, i) => `line ${i}\n`);
    const text = pieces.join('');
    const written = await writeFileAtomic(join(dir, 'a.csv'), pieces);
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe(text);
    expect(written.bytes).toBe(Buffer.byteLength(text));
    expect(written.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    await writeFileAtomic(join(dir, 'b.bin'), new Uint8Array([1, 2, 3]));
    await writeFileAtomic(join(dir, 'c.txt'), 'ünïcode');
    expect(await readFile(join(dir, 'c.txt'), 'utf8')).toBe('ünïcode');
    expect((await readdir(dir)).sort()).toEqual(['a.csv', 'b.bin', 'c.txt']);
  });

  it('leaves neither the file nor a temp file when aborted mid-way, and keeps an older version intact', async () => {
    await writeFile(join(dir, 'a.csv'), 'old\n');
    const controller = new AbortController();
    function* lines() {
      for (let i = 0; i < 400_000; i++) {
        if (i === 300_000) controller.abort(new Error('stop'));
        yield `row ${i}, some padding to make it long\n`;
      }
    }
    await expect(writeFileAtomic(join(dir, 'a.csv'), lines(), controller.signal)).rejects.toThrow('stop');
    expect(await readdir(dir)).toEqual(['a.csv']);
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe('old\n');
  });

  it('cleans up when the content fails to generate', async () => {
    function* failing() {
      yield 'a\n';
      throw new Error('generator broke');
    }
    await expect(writeFileAtomic(join(dir, 'x.csv'), failing())).rejects.toThrow('generator broke');
    expect(await readdir(dir)).toEqual([]);
  });
});

/**
 * A file system that keeps files in memory and misbehaves on purpose: every write accepts at most
 * `chunk` bytes (short writes), and the disk is full after `capacity` bytes in all.
 */
function faultyFileSystem(capacity: number, chunk: number) {
  const files = new Map<string, Uint8Array>();
  const calls: string[] = [];
  let used = 0;
  const fs: WriteFileSystem = {
    async create(path) {
      calls.push(`create ${path}`);
      let content = new Uint8Array(0);
      const file: WritableFile = {
        async write(buffer, offset, length) {
          const room = capacity - used;
          if (room <= 0)
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          const n = Math.min(length, chunk, room);
          const next = new Uint8Array(content.length + n);
          next.set(content);
          next.set(buffer.subarray(offset, offset + n), content.length);
          content = next;
          used += n;
          files.set(path, content);
          return { bytesWritten: n };
        },
        sync: async () => void calls.push(`sync ${path}`),
        close: async () => void calls.push(`close ${path}`),
      };
      files.set(path, content);
      return file;
    },
    async rename(from, to) {
      calls.push(`rename ${from} -> ${to}`);
      files.set(to, files.get(from)!);
      files.delete(from);
    },
    async remove(path) {
      calls.push(`remove ${path}`);
      if (files.has(path)) used -= files.get(path)!.length;
      files.delete(path);
    },
    syncFolder: async (path) => void calls.push(`syncFolder ${path}`),
  };
  return { fs, files, calls };
}

describe('writeFileAtomic on a misbehaving disk', () => {
  const text = Array.from({ length: 2000 }, (_, i) => `row ${i},value\n`).join('');

  it('continues after short writes until every byte is written, syncs, then renames and syncs the folder', async () => {
    const { fs, files, calls } = faultyFileSystem(1e9, 7);
    const written = await writeFileAtomic('/d/a.csv', text, { fs });
    expect(new TextDecoder().decode(files.get('/d/a.csv'))).toBe(text);
    expect(written.bytes).toBe(Buffer.byteLength(text));
    expect([...files.keys()]).toEqual(['/d/a.csv']);
    const order = calls.map((c) => c.split(' ')[0]);
    expect(order).toEqual(['create', 'sync', 'close', 'rename', 'syncFolder']);
  });

  it('on a full disk leaves no file under its final name and no temporary file, and says ENOSPC', async () => {
    const { fs, files } = faultyFileSystem(5000, 1000);
    const error = await writeFileAtomic('/d/a.csv', text, { fs }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('ENOSPC');
    expect(files.has('/d/a.csv')).toBe(false);
    expect([...files.keys()]).toEqual([]);
  });

  it('treats a write that accepts nothing as a full disk instead of looping', async () => {
    const fs: WriteFileSystem = {
      ...nodeWriteFileSystem,
      create: async () => ({
        write: async () => ({ bytesWritten: 0 }),
        sync: async () => {},
        close: async () => {},
      }),
      remove: async () => {},
    };
    await expect(writeFileAtomic(join(dir, 'z.txt'), 'abc', { fs })).rejects.toMatchObject({
      code: 'ENOSPC',
    });
  });
});

describe('run folders', () => {
  const marker = 'not finished';

  it('claims <id>.partial with an INCOMPLETE marker, then completes it by renaming', async () => {
    const folder = await claimRunFolder(join(dir, 'scn'), 'r1', { exact: false, incomplete: marker });
    expect(folder.partialPath).toBe(join(dir, 'scn', 'r1.partial'));
    expect(await readFile(join(folder.partialPath, 'INCOMPLETE'), 'utf8')).toBe(marker);
    await writeFile(join(folder.partialPath, 'series.csv'), 'x\n');
    await completeRunFolder(folder);
    expect(await readdir(join(dir, 'scn'))).toEqual(['r1']);
    expect(await readdir(folder.finalPath)).toEqual(['series.csv']);
  });

  it('adds a suffix when a generated id is taken, finished or not', async () => {
    await mkdir(join(dir, 'scn', 'r1'), { recursive: true });
    await mkdir(join(dir, 'scn', 'r1-2.partial'), { recursive: true });
    const folder = await claimRunFolder(join(dir, 'scn'), 'r1', { exact: false, incomplete: marker });
    expect(folder.runId).toBe('r1-3');
  });

  it('refuses an exact id that is taken', async () => {
    await mkdir(join(dir, 'scn', 'baseline.partial'), { recursive: true });
    await expect(
      claimRunFolder(join(dir, 'scn'), 'baseline', { exact: true, incomplete: marker }),
    ).rejects.toThrow(RunFolderTakenError);
  });

  it('rewrites the marker with the reason a run stopped', async () => {
    const folder = await claimRunFolder(dir, 'r', { exact: false, incomplete: marker });
    await updateIncomplete(folder, 'interrupted');
    expect(await readFile(join(folder.partialPath, 'INCOMPLETE'), 'utf8')).toBe('interrupted');
  });
});

describe('names and notes', () => {
  it('names runs by UTC start time and seed', () => {
    expect(defaultRunId(new Date(Date.UTC(2026, 10, 28, 2, 15, 0)), 42)).toBe('20261128-021500-seed42');
  });

  it('accepts safe run ids only', () => {
    expect(runIdProblem('baseline_v2.1')).toBeUndefined();
    for (const bad of ['', '../x', 'a/b', '.hidden', 'x.partial', 'spa ce', 'x'.repeat(101)]) {
      expect(runIdProblem(bad), bad).toBeDefined();
    }
  });

  it('quotes command lines for a POSIX shell', () => {
    expect(shellQuote('plain/path.yaml')).toBe('plain/path.yaml');
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`);
    expect(shellQuote('')).toBe("''");
    expect(civsimCommandLine(['run', 'a b.yaml', '--seed', '7'])).toBe("civsim run 'a b.yaml' --seed 7");
  });

  it('says in INCOMPLETE that the run did not finish, when it started and how to re-run it', () => {
    const text = incompleteText({
      startedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
      rerun: 'civsim run x.yaml',
      reason: 'interrupted by SIGINT',
    });
    expect(text).toMatch(/did not finish: interrupted by SIGINT/);
    expect(text).toContain('Started: 2026-01-02T03:04:05.000Z');
    expect(text).toContain('  civsim run x.yaml');
    expect(incompleteText({ startedAt: new Date(0), rerun: 'r' })).toMatch(/has not finished/);
  });
});

describe('specJson', () => {
  it('is valid JSON equal to the spec, with one data row per line', () => {
    const spec = { a: 1, data: { values: [{ x: 1, s: 'q"' }, { x: 2 }] }, layer: [{ data: { values: [] } }] };
    const text = specJson(spec);
    expect(JSON.parse(text)).toEqual(spec);
    expect(text).toContain('\n      {"x":1,"s":"q\\""},\n      {"x":2}\n');
    expect(text.endsWith('}\n')).toBe(true);
  });
});
