// Contract: buildGraphFile's incremental rebuild writes, to the byte, the graph.json a full build writes — after articles are added (at the end or in the middle of the file order), changed, removed or skipped — extracting only the new and changed ones; an unchanged folder writes nothing; anything it cannot vouch for makes it build in full.
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateArticle, loadCorpusMaterial } from '../../bench/corpus';
import { createExtractor } from '../../src/extract';
import { serialiseGraph } from '../../src/graph';
import type { BuildGraphFileOptions } from '../../src/pipeline';
import { buildCorpusGraph, buildGraphFile, buildGraphFileSync, INCREMENTAL_MIN_CHANGES, SkippedFilesError } from '../../src/pipeline';

const extractor = createExtractor();
const material = loadCorpusMaterial();
const BUILT_AT = '2025-01-01T00:00:00.000Z';
const SEED = 'incremental-test';

function tempDir(name: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `newsgraph-${name}-`));
}

/** Writes generated article `i` under `name` (default its own name). */
function writeArticle(dir: string, i: number, name?: string): string {
  const article = generateArticle(material, SEED, i);
  const file = name ?? article.file;
  writeFileSync(path.join(dir, file), article.content);
  return file;
}

/** The text a full build from scratch writes for the folder (no cache, same builtAt). */
function fullText(dir: string): string {
  return serialiseGraph(buildCorpusGraph({ articlesDir: dir, extractor, builtAt: BUILT_AT }).graph);
}

describe('buildGraphFile', () => {
  const root = tempDir('incremental');
  const dir = path.join(root, 'articles');
  const out = path.join(root, 'graph.json');
  const cacheDir = path.join(root, 'cache');
  const options: BuildGraphFileOptions = { articlesDir: dir, out, cacheDir, extractor, builtAt: BUILT_AT };
  const files: string[] = [];
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeAll(async () => {
    require('node:fs').mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 8; i++) files.push(writeArticle(dir, i));
    const first = await buildGraphFile(options);
    expect(first.mode).toBe('full');
    expect(first.reason).toMatch(/no index/);
  });

  /** buildGraphFile reads and writes graph.json on the thread pool; buildGraphFileSync (what build-graph runs without workers) on the calling thread. */
  async function rebuildMatchesFull(expectedMode: 'incremental' | 'full' = 'incremental', extracted?: number, build: 'async' | 'sync' = 'async') {
    const result = build === 'sync' ? buildGraphFileSync(options) : await buildGraphFile(options);
    expect({ mode: result.mode, reason: result.reason }).toEqual({ mode: expectedMode, reason: expectedMode === 'full' ? expect.any(String) : undefined });
    const text = readFileSync(out, 'utf8');
    const full = buildCorpusGraph({ articlesDir: dir, extractor, builtAt: BUILT_AT });
    expect(text).toBe(serialiseGraph(full.graph));
    expect(result.stats).toMatchObject({
      articlesRead: full.stats.articlesRead,
      articlesSkipped: full.stats.articlesSkipped,
      entities: full.stats.entities,
      entitiesByType: full.stats.entitiesByType,
      relations: full.stats.relations,
      relationsByType: full.stats.relationsByType,
      claims: full.stats.claims,
      sentences: full.stats.sentences,
      characters: full.stats.characters,
    });
    expect(result.skipped).toEqual(full.corpus.skipped);
    if (extracted !== undefined) expect(result.stats.cache.misses).toBe(extracted);
    return result;
  }

  test('nothing changed: nothing extracted, nothing written', async () => {
    const before = statSync(out).mtimeMs;
    const result = await buildGraphFile(options);
    expect(result.mode).toBe('unchanged');
    expect(result.stats.cache).toEqual({ hits: 8, misses: 0 });
    expect(statSync(out).mtimeMs).toBe(before);
    expect(readFileSync(out, 'utf8')).toBe(fullText(dir));
  });

  test('one article added at the end of the file order', async () => {
    files.push(writeArticle(dir, 8));
    await rebuildMatchesFull('incremental', 1);
  });

  test('the same on the calling thread only (buildGraphFileSync): one added in the middle, then removed', async () => {
    const middle = writeArticle(dir, 20, `${files[3].slice(0, -4)}_b.txt`);
    await rebuildMatchesFull('incremental', 1, 'sync');
    unlinkSync(path.join(dir, middle));
    await rebuildMatchesFull('incremental', 0, 'sync');
  });

  test('one article added before all others (every node and edge it states moves first)', async () => {
    files.unshift(writeArticle(dir, 9, '000000_aaa_first.txt'));
    await rebuildMatchesFull('incremental', 1);
  });

  test('the first article removed: nodes and edges it stated first move, those only it stated go; back again, they come back', async () => {
    const first = files.shift()!;
    const content = readFileSync(path.join(dir, first));
    unlinkSync(path.join(dir, first));
    await rebuildMatchesFull('incremental', 0);
    writeFileSync(path.join(dir, first), content);
    await rebuildMatchesFull('incremental', 1);
    unlinkSync(path.join(dir, first));
    await rebuildMatchesFull('incremental', 0);
  });

  test('an article in the middle changed to other text', async () => {
    const target = files[3];
    writeFileSync(path.join(dir, target), generateArticle(material, SEED, 20).content);
    await rebuildMatchesFull('incremental', 1);
  });

  test('a file touched but not changed is not extracted again', async () => {
    const when = new Date(Date.now() + 5000);
    utimesSync(path.join(dir, files[2]), when, when);
    const result = await rebuildMatchesFull('unchanged' as never, 0);
    expect(result.mode).toBe('unchanged');
  });

  test('several changes at once, and a file that is skipped', async () => {
    unlinkSync(path.join(dir, files[1]));
    writeFileSync(path.join(dir, files[4]), generateArticle(material, SEED, 21).content);
    writeArticle(dir, 22, '000005_zz_inserted.txt');
    writeFileSync(path.join(dir, 'notes.docx'), 'not an article');
    writeFileSync(path.join(dir, 'empty.txt'), '');
    await rebuildMatchesFull('incremental', 3);
  });

  test('strict: a skipped file stops the build and leaves the file as it was', async () => {
    const before = readFileSync(out);
    writeArticle(dir, 23);
    await expect(buildGraphFile({ ...options, strict: true })).rejects.toThrow(SkippedFilesError);
    expect(readFileSync(out).equals(before)).toBe(true);
    await rebuildMatchesFull('incremental', 1);
  });

  test('a graph file written by something else since is rebuilt in full, not patched', async () => {
    writeFileSync(out, readFileSync(out, 'utf8').replace('"name": "newsgraph"', '"name": "newsgraph", "x": 1'));
    writeArticle(dir, 24);
    const result = await rebuildMatchesFull('full');
    expect(result.reason).toMatch(/written by something else/);
    await rebuildMatchesFull('unchanged' as never);
  });

  test('more changes than an incremental build takes on: a full build', async () => {
    for (let i = 0; i <= INCREMENTAL_MIN_CHANGES; i++) writeArticle(dir, 100 + i);
    const result = await rebuildMatchesFull('full');
    expect(result.reason).toMatch(/articles changed/);
    // The extraction cache still serves the others; only the new articles and empty.txt (skipped, so never cached) are read again.
    expect(result.stats.cache.misses).toBe(INCREMENTAL_MIN_CHANGES + 2);
  }, 60_000);

  test('without a cache folder every build is full', async () => {
    const result = await buildGraphFile({ ...options, cacheDir: undefined });
    expect(result.mode).toBe('full');
    expect(result.reason).toBe('no cache folder');
    expect(readFileSync(out, 'utf8')).toBe(fullText(dir));
  }, 30_000);

  test('incremental: false builds in full even with a valid index, and says why', async () => {
    writeArticle(dir, 30);
    const result = await buildGraphFile({ ...options, incremental: false });
    expect({ mode: result.mode, reason: result.reason }).toEqual({ mode: 'full', reason: 'incremental builds turned off' });
    expect(readFileSync(out, 'utf8')).toBe(fullText(dir));
  }, 30_000);
});
