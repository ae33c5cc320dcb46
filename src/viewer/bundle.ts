/**
 * Builds the page: bundles page/main.ts (sigma, graphology, the ForceAtlas2
 * worker, the metrics and the GEXF writer) with esbuild, in memory, and reads
 * the static index.html and style.css beside it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** One file the server may send. */
export interface PageAsset {
  body: Buffer;
  contentType: string;
}

/** Source folder of the page (index.html, style.css, main.ts). */
export const PAGE_DIR = path.join(__dirname, 'page');
export const BUNDLE_NAME = 'app.js';

/** Browsers the bundle is built for: those that run sigma v3's WebGL2 programs. */
const BUNDLE_TARGET = ['chrome100', 'firefox100', 'safari15'];

/**
 * The page's assets keyed by URL path: `/index.html`, `/app.js`, `/style.css`.
 * Throws an error naming esbuild's first message when the bundle does not build.
 */
export async function buildPageAssets(options: { minify?: boolean } = {}): Promise<Map<string, PageAsset>> {
  const result = await build({
    entryPoints: [path.join(PAGE_DIR, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: BUNDLE_TARGET,
    minify: options.minify ?? true,
    legalComments: 'none',
    logLevel: 'silent',
    outfile: BUNDLE_NAME,
    define: { 'process.env.NODE_ENV': '"production"' },
  }).catch((error: Error & { errors?: Array<{ text: string }> }) => {
    throw new Error(`newsgraph viewer: the page bundle does not build: ${error.errors?.[0]?.text ?? error.message}`);
  });
  const bundle = result.outputFiles.find((file) => file.path.endsWith(BUNDLE_NAME));
  if (!bundle) throw new Error('newsgraph viewer: esbuild produced no bundle');
  return new Map<string, PageAsset>([
    ['/index.html', { body: readFileSync(path.join(PAGE_DIR, 'index.html')), contentType: 'text/html; charset=utf-8' }],
    ['/style.css', { body: readFileSync(path.join(PAGE_DIR, 'style.css')), contentType: 'text/css; charset=utf-8' }],
    [`/${BUNDLE_NAME}`, { body: Buffer.from(bundle.contents), contentType: 'text/javascript; charset=utf-8' }],
  ]);
}
