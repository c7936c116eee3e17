/**
 * The explorer's server for `civsim explore`: node:http on 127.0.0.1 only, at a free port unless one is
 * asked for, serving the page's files from memory — it has no file system to walk, so no path can lead
 * out of the page (`..`, encoded slashes, NUL bytes are refused before any lookup). Only GET and HEAD;
 * content types by extension; the page's Content-Security-Policy as a header too (it also covers the
 * Web Workers, which a <meta> cannot), and no caching, so a rebuilt page is what a reload shows. The
 * simulation runs in the browser: the server only serves files.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExplorerFiles } from './exploreBuild.ts';

export const contentTypes: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** The page's policy: its own scripts, workers and styles, nothing from anywhere else. */
export const explorerPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The file a request path names, or undefined when it names none (or tries to leave the page). */
export function fileOf(url: string, files: ExplorerFiles): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  } catch {
    return undefined;
  }
  if (/[\0\\]/.test(pathname)) return undefined;
  const segments = pathname.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return undefined;
  const path = segments.join('/') || 'index.html';
  return files.has(path) ? path : undefined;
}

export interface ExplorerServer {
  url: string;
  close(): Promise<void>;
}

export async function serveExplorer(
  files: ExplorerFiles,
  options: { port?: number } = {},
): Promise<ExplorerServer> {
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const headers = {
      'content-security-policy': explorerPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD', 'content-type': contentTypes.txt }).end('405\n');
      return;
    }
    const path = fileOf(req.url ?? '/', files);
    if (!path) {
      res.writeHead(404, { ...headers, 'content-type': contentTypes.txt }).end('not found\n');
      return;
    }
    const body = files.get(path)!;
    const type = contentTypes[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
    res.writeHead(200, { ...headers, 'content-type': type, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
