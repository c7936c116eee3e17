/**
 * The API reference builds: TypeDoc reads both entries (civsim and civsim/node) with warnings as errors,
 * so every type the public API mentions is exported and documented, and links in doc comments resolve.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

it('builds the API reference of both entries without a warning', () => {
  const typedoc = join(root, 'node_modules', 'typedoc', 'bin', 'typedoc');
  const out = execFileSync(
    process.execPath,
    [typedoc, '--tsconfig', 'tsconfig.build.json', '--emit', 'none'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  );
  expect(out).not.toMatch(/warning|error/i);
}, 180_000);
