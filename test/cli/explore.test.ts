/**
 * `civsim explore` through the real binary: --build writes the page to a folder, complete, replacing only
 * an earlier build; the server listens on 127.0.0.1 only, prints its URL, serves the page's files with
 * their content types and policy, and nothing else — no path out of the page, no other method.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civsim, root, runCivsim } from './civsimProcess.ts';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'civsim-explore-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A raw request (no URL normalisation on the way, unlike fetch). */
function get(url: string, path: string, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const { hostname, port } = new URL(url);
      const req = request({ hostname, port, path, method }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('civsim explore --build', () => {
  it('writes the whole page to a folder, and a rebuild replaces it', async () => {
    const dir = join(work, 'site', 'explorer');
    const first = await runCivsim(['explore', '--build', dir, '-q']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toBe(dir);
    const files = (await readdir(dir, { recursive: true })).map(String).sort();
    for (const f of [
      'index.html',
      'explore.css',
      'app.js',
      'worker.js',
      'scenarios.js',
      '.civsim-explore.json',
      'vendor/vega.min.js',
      'vendor/vega-lite.min.js',
      'vendor/vega-embed.min.js',
      'vendor/vega.LICENSE.txt',
    ]) {
      expect(files).toContain(f);
    }
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const catalog = await readFile(join(dir, 'scenarios.js'), 'utf8');
    expect(catalog).toContain('"id":"kazakhstan"');
    expect(catalog).toContain('"id":"classics/schelling-mesa-small"');
    // a rebuild with a scenario of the user's, which extends another file: both are in the page
    const second = await runCivsim(['explore', 'test/fixtures/scenarios/variant.yaml', '--build', dir, '-q']);
    expect(second.code).toBe(0);
    const again = await readFile(join(dir, 'scenarios.js'), 'utf8');
    expect(again).toContain('"start":"user/variant"');
    expect(again).toContain('"user/base.yaml"');
    expect((await readdir(join(work, 'site'))).sort()).toEqual(['explorer']);
  }, 120_000);

  it('leaves a folder that is not an explorer build alone (exit 2)', async () => {
    const dir = join(work, 'precious');
    await mkdir(dir);
    await writeFile(join(dir, 'thesis.tex'), 'do not lose me');
    const outcome = await runCivsim(['explore', '--build', dir]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/precious exists and is not an explorer build/);
    expect(await readdir(dir)).toEqual(['thesis.tex']);
    expect((await readdir(work)).filter((f) => f.includes('partial'))).toEqual([]);
  }, 60_000);

  it('refuses a bad scenario with its problems (exit 2), and bad options', async () => {
    const bad = await runCivsim([
      'explore',
      'test/fixtures/scenarios/bad-values.yaml',
      '--build',
      join(work, 'x'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad-values\.yaml:\d+:\d+ /);
    expect(existsSync(join(work, 'x'))).toBe(false);
    const port = await runCivsim(['explore', '--port', 'abc']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be a whole number/);
    const both = await runCivsim(['explore', '--port', '8080', '--build', 'x']);
    expect(both.code).toBe(2);
  }, 60_000);

  it('says how to use it, with examples', async () => {
    const help = await runCivsim(['explore', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/civsim explore \[scenario\]/);
    expect(help.stdout).toMatch(/--build/);
    expect(help.stdout).toMatch(/Examples:/);
  });
});

describe('civsim explore (the server)', () => {
  it('serves the page on 127.0.0.1, prints the URL, and nothing outside the page', async () => {
    const child = spawn(process.execPath, [civsim, 'explore', '-q'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const found = /^(http:\/\/127\.0\.0\.1:\d+\/)\n/m.exec(stdout);
        if (found) resolve(found[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const index = await get(url, '/');
      expect(index.status).toBe(200);
      expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(String(index.headers['content-security-policy'])).toMatch(/worker-src 'self'/);
      expect(index.body).toContain('<div id="app">');
      const app = await get(url, '/app.js');
      expect(app.status).toBe(200);
      expect(app.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect((await get(url, '/explore.css')).headers['content-type']).toBe('text/css; charset=utf-8');
      expect((await get(url, '/vendor/vega.min.js')).status).toBe(200);
      for (const path of [
        '/../package.json',
        '/%2e%2e/package.json',
        '/vendor/../../package.json',
        '/..%2fpackage.json',
        '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
        '/src/explore/app.ts',
        '/package.json',
        '/index.html%00.js',
        '/vendor%5c..%5c..%5cpackage.json',
        '/%E0%A4%A',
      ]) {
        const res = await get(url, path);
        expect(res.status, path).toBe(404);
        expect(res.body).toBe('not found\n');
      }
      expect((await get(url, '/', 'POST')).status).toBe(405);
      const head = await get(url, '/app.js', 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stdout).toBe(`${url}\n`);
  }, 60_000);
});
