/** Pins the viewer server: loopback by default, only its own files and the graph, no traversal, strict headers. */
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import { startViewer, RunningViewer } from '../../src/viewer';
import { GraphFileError } from '../../src/graph';
import { writeTestGraph } from './fixture';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends the request target exactly as given (fetch would normalise `/../`). */
function rawGet(viewer: RunningViewer, target: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: viewer.port, path: target, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('startViewer', () => {
  let viewer: RunningViewer;
  let fixture: ReturnType<typeof writeTestGraph>;

  beforeAll(async () => {
    fixture = writeTestGraph();
    viewer = await startViewer({ graphFile: fixture.file, port: 0 });
  });
  afterAll(async () => {
    await viewer?.close();
    fixture?.cleanup();
  });

  it('listens on 127.0.0.1 by default and says where', () => {
    expect(viewer.host).toBe('127.0.0.1');
    expect(viewer.url).toBe(`http://127.0.0.1:${viewer.port}/`);
  });

  it('serves the page with a strict CSP and no inline script', async () => {
    const page = await rawGet(viewer, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.body).toMatch(/<script src="\/app\.js" defer><\/script>/);
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const bundle = await rawGet(viewer, '/app.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/^text\/javascript/);
    expect(bundle.body.length).toBeGreaterThan(10_000);
    expect((await rawGet(viewer, '/style.css')).headers['content-type']).toMatch(/^text\/css/);
  });

  it('serves the validated graph, and a rebuilt graph on the next request', async () => {
    const first = await rawGet(viewer, '/graph.json');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const data = JSON.parse(first.body);
    expect(data.nodes.map((node: { key: string }) => node.key)).toContain('hw20');
    writeFileSync(fixture.file, '{"nodes": [');
    const broken = await rawGet(viewer, '/graph.json');
    expect(broken.status).toBe(500);
    expect(JSON.parse(broken.body).error).toMatch(/not valid JSON/);
    writeFileSync(fixture.file, first.body);
    expect((await rawGet(viewer, '/graph.json')).status).toBe(200);
  });

  it.each([
    ['/../package.json'],
    ['/%2e%2e/package.json'],
    ['/%2E%2E/%2E%2E/etc/passwd'],
    ['/..%2fpackage.json'],
    ['/src%2fviewer%2fserver.ts'],
    ['/..\\package.json'],
    ['/./index.html'],
  ])('refuses the traversal %s', async (target) => {
    const response = await rawGet(viewer, target);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain('"name": "newsgraph"');
  });

  it.each([['/package.json'], ['/src/viewer/server.ts'], ['/page/'], ['/node_modules/sigma/package.json'], ['/app.js.map'], ['/graph.json/']])(
    'answers 404 for %s (no listing, nothing outside the routes)',
    async (target) => {
      const response = await rawGet(viewer, target);
      expect(response.status).toBe(404);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('refuses other methods', async () => {
    expect((await rawGet(viewer, '/', 'POST')).status).toBe(405);
    const head = await rawGet(viewer, '/graph.json', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('fails at start on a bad graph file, naming it', async () => {
    await expect(startViewer({ graphFile: '/nonexistent/graph.json', port: 0 })).rejects.toThrow(GraphFileError);
    await expect(startViewer({ graphFile: fixture.file, port: 70000 })).rejects.toThrow(/port must be/);
  });
});
