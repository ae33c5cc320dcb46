/**
 * Contract: the viewer server listens on 127.0.0.1 unless told otherwise,
 * answers only its fixed routes (the page, its assets, the graph), refuses
 * path traversal in every spelling, and serves article text as JSON data,
 * never as markup. (That the page shows such text as text, with no script
 * run, is pinned in a real Chromium by test/viewer/page.test.ts.)
 */
import http from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as viewerCommand from '../../scripts/viewer';
import { saveGraph } from '../../src/graph';
import { buildCorpusGraph } from '../../src/pipeline';
import { DEFAULT_HOST, startViewer, type RunningViewer } from '../../src/viewer';
import { tmpDir, writeTestGraph } from './helpers';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends the request target byte for byte (fetch and URL would normalise it first). */
function rawGet(host: string, port: number, target: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host, port, path: target, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** Canaries outside the served folder: a file next to the graph and one above it. */
const SECRET = 'canary-must-never-be-served';

describe('the viewer server', () => {
  let viewer: RunningViewer;
  const dir = tmpDir('viewer');
  const { file } = writeTestGraph(dir);
  writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  const outside = path.join(path.dirname(dir), `newsgraph-rel-secret-${process.pid}.txt`);
  writeFileSync(outside, SECRET);

  beforeAll(async () => {
    viewer = await startViewer({ graphFile: file, port: 0 });
  });
  afterAll(async () => {
    await viewer?.close();
    rmSync(outside, { force: true });
  });

  test('listens on 127.0.0.1 by default, not on every interface', () => {
    expect(DEFAULT_HOST).toBe('127.0.0.1');
    expect(viewer.host).toBe('127.0.0.1');
    expect(viewerCommand.SPEC.options.host.description).toContain('127.0.0.1');
  });

  test('listens where --host says when told otherwise', async () => {
    // 127.0.0.2 is another loopback address: told otherwise, without opening the test machine to the network.
    const other = await startViewer({ graphFile: file, port: 0, host: '127.0.0.2' });
    try {
      expect(other.host).toBe('127.0.0.2');
      expect(other.url).toBe(`http://127.0.0.2:${other.port}/`);
      expect((await rawGet('127.0.0.2', other.port, '/graph.json')).status).toBe(200);
      await expect(rawGet('127.0.0.1', other.port, '/graph.json')).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await other.close();
    }
  });

  test.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/.%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/%2fetc%2fpasswd',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/graph.json/../secret.txt',
    '/%252e%252e/secret.txt',
    '/secret.txt%00.js',
    `/../newsgraph-rel-secret-${process.pid}.txt`,
    '//etc/passwd',
    '/etc/passwd',
    '/secret.txt',
  ])('GET %s is refused and serves nothing outside its routes', async (target) => {
    const response = await rawGet('127.0.0.1', viewer.port, target);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toMatch(/root:.*:0:0:/);
    expect(response.body.length).toBeLessThan(100);
  });

  test('only the page, its assets and the graph are served', async () => {
    expect((await rawGet('127.0.0.1', viewer.port, '/')).status).toBe(200);
    expect((await rawGet('127.0.0.1', viewer.port, '/graph.json')).status).toBe(200);
    expect((await rawGet('127.0.0.1', viewer.port, '/graph-data/graph.json')).status).toBe(404);
    expect((await rawGet('127.0.0.1', viewer.port, '/articles/moscou.txt')).status).toBe(404);
  });
});

describe('article text reaches the viewer as data, never as markup', () => {
  test('markup written in an article is kept as text in the quotes and served as JSON with nosniff', async () => {
    const dir = tmpDir('viewer-xss');
    const articles = path.join(dir, 'articles');
    mkdirSync(articles);
    const hostile = 'La Russie a livré des obus à la Corée du Nord <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>, selon Séoul.';
    writeFileSync(path.join(articles, 'hostile.txt'), `${hostile}\n`);
    const file = path.join(dir, 'graph.json');
    saveGraph(buildCorpusGraph({ articlesDir: articles }).graph, file);
    const viewer = await startViewer({ graphFile: file, port: 0 });
    try {
      const response = await rawGet('127.0.0.1', viewer.port, '/graph.json');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const graph = JSON.parse(response.body) as { edges: { attributes: { claims: { quote: string }[] } }[] };
      const quotes = graph.edges.flatMap((edge) => edge.attributes.claims.map((claim) => claim.quote));
      expect(quotes.length).toBeGreaterThan(0);
      // The text is carried whole, as a string: the page decides how to show it (as text, see test/viewer/page.test.ts).
      expect(quotes.some((quote) => quote.includes('<script>window.__pwned=2</script>'))).toBe(true);
      const page = await rawGet('127.0.0.1', viewer.port, '/');
      expect(page.body).not.toContain('__pwned');
      expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    } finally {
      await viewer.close();
    }
  });
});
