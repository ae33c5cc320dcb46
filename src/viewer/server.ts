/**
 * The viewer's HTTP server: serves the page's own assets and the graph, and
 * nothing else. No file system path is ever derived from the URL: the routes
 * are a fixed table, so no directory listing or traversal is possible; URLs
 * that try one are refused with 400 all the same, to say so plainly.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { statSync } from 'node:fs';
import { loadGraph } from '../graph';
import { buildPageAssets, PageAsset } from './bundle';

export interface ViewerOptions {
  /** graph.json to serve (validated by loadGraph on each change of the file). */
  graphFile: string;
  /** Port; 0 picks a free one. Default: DEFAULT_PORT. */
  port?: number;
  /** Interface to listen on. Default: 127.0.0.1 (this machine only). */
  host?: string;
}

export interface RunningViewer {
  /** Address of the page, e.g. http://127.0.0.1:5173/ */
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 5173;
export const DEFAULT_HOST = '127.0.0.1';

/**
 * The page runs only its own bundle; ForceAtlas2's worker is created from a
 * blob: URL by graphology-layout-forceatlas2/worker, hence worker-src blob:.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  'worker-src blob:',
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Raw request targets that try to leave the routes table: dot segments, encoded dots or slashes, backslashes, NUL. */
const SUSPICIOUS_TARGET = /(^|\/)\.\.?(\/|$)|%2e|%2f|%5c|%00|\\/i;

/** Graph JSON served, cached by the file's mtime and size so a rebuilt graph is served on reload. */
interface GraphCache {
  stamp: string;
  body: Buffer;
}

function send(response: ServerResponse, status: number, body: Buffer | string, contentType: string, head: boolean, extra: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': String(bytes.length), 'Cache-Control': 'no-store', ...extra });
  response.end(head ? undefined : bytes);
}

function fileStamp(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'missing';
  }
}

/** The request handler over a fixed table of assets; exported for tests that want it without a socket. */
export function createViewerHandler(
  assets: ReadonlyMap<string, PageAsset>,
  graphFile: string,
  loaded?: { graph: ReturnType<typeof loadGraph>; stamp: string },
): (request: IncomingMessage, response: ServerResponse) => void {
  // The graph checked at start is served as is until the file changes: validating a big graph takes seconds.
  let cache: GraphCache | null = loaded ? { stamp: loaded.stamp, body: Buffer.from(JSON.stringify(loaded.graph.export()), 'utf8') } : null;
  const graphBody = (): Buffer => {
    const stamp = fileStamp(graphFile);
    if (cache && cache.stamp === stamp) return cache.body;
    const graph = loadGraph(graphFile);
    cache = { stamp, body: Buffer.from(JSON.stringify(graph.export()), 'utf8') };
    return cache.body;
  };

  return (request, response) => {
    const method = request.method ?? 'GET';
    const head = method === 'HEAD';
    if (method !== 'GET' && method !== 'HEAD') {
      send(response, 405, 'method not allowed\n', 'text/plain; charset=utf-8', false, { Allow: 'GET, HEAD' });
      return;
    }
    const target = request.url ?? '/';
    const pathname = target.split('?')[0].split('#')[0];
    if (!pathname.startsWith('/') || SUSPICIOUS_TARGET.test(pathname)) {
      send(response, 400, 'bad request\n', 'text/plain; charset=utf-8', head);
      return;
    }
    const route = pathname === '/' ? '/index.html' : pathname;
    if (route === '/graph.json') {
      try {
        send(response, 200, graphBody(), 'application/json; charset=utf-8', head);
      } catch (error) {
        send(response, 500, JSON.stringify({ error: (error as Error).message }), 'application/json; charset=utf-8', head);
      }
      return;
    }
    const asset = assets.get(route);
    if (!asset) {
      send(response, 404, 'not found\n', 'text/plain; charset=utf-8', head);
      return;
    }
    send(response, 200, asset.body, asset.contentType, head);
  };
}

/**
 * Builds the page and serves it with the graph. Checks the graph file first
 * (throws GraphFileError naming it), so a bad graph fails at start, not in the browser.
 */
export async function startViewer(options: ViewerOptions): Promise<RunningViewer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`newsgraph startViewer: port must be an integer in 0..65535, got ${port}`);
  const stamp = fileStamp(options.graphFile);
  const graph = loadGraph(options.graphFile);
  const assets = await buildPageAssets();
  const server = createServer(createViewerHandler(assets, options.graphFile, { graph, stamp }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}/`,
    port: address.port,
    host: address.address,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
