// Contract: the extraction cache and the worker pool never change the result — a build with or without them gives the same corpus and the same graph (apart from builtAt), and only changed articles are extracted again.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { loadCorpus } from '../../src/corpus';
import { createExtractor } from '../../src/extract';
import type { NewsGraph } from '../../src/graph';
import { buildCorpusGraph, buildCorpusGraphAsync, defaultWorkers, PARALLEL_MIN_ARTICLES } from '../../src/pipeline';
import { ExtractionCache, LOOSE_COMPACT_MIN } from '../../src/pipeline/cache';
import { packValue, unpackValue } from '../../src/pipeline/codec';
import { chunkSize } from '../../src/pipeline/workers';

const SEEDS = path.resolve(__dirname, '..', '..', 'graph-data', 'articles');
const extractor = createExtractor();

function exported(graph: NewsGraph): unknown {
  const data = graph.export() as { attributes: Record<string, unknown> };
  delete data.attributes.builtAt;
  return data;
}

function tempDir(name: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `newsgraph-${name}-`));
}

/** A folder of short articles written for the test, plus the seeds. */
function testCorpus(): string {
  const dir = path.join(tempDir('cache-corpus'), 'articles');
  cpSync(SEEDS, dir, { recursive: true });
  writeFileSync(path.join(dir, 'brief_a.txt'), 'Le ministre russe de la Défense a rencontré Kim Jong Un à Pyongyang.\n\nLa Corée du Nord a livré des obus à la Russie, selon Séoul.\n');
  writeFileSync(path.join(dir, 'brief_b.md'), '# Visite à Moscou\n\nChoe Son Hui a été reçue par Sergueï Lavrov à Moscou mardi.\n');
  return dir;
}

describe('packValue / unpackValue', () => {
  test('restore any JSON value exactly, key order included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.parse(JSON.stringify(value));
        const back = unpackValue(JSON.parse(JSON.stringify(packValue(json))));
        expect(JSON.stringify(back)).toBe(JSON.stringify(json));
      }),
      { numRuns: 300 },
    );
  });

  test('tables arrays of objects, and objects using the codec\'s own keys survive', () => {
    const rows = [{ a: 1, b: 'x' }, { a: 2 }, { b: 'y', a: 3 }];
    expect(packValue({ rows })).toEqual({ rows: { '#': [['a', 'b'], ['a'], ['b', 'a']], r: [[0, 1, 'x'], [1, 2], [2, 'y', 3]] } });
    const value = { rows, '#': [1], weird: { '#o': { '#': 2 } }, list: [{ '#': 'k' }], r: [[0]] };
    const packed = JSON.parse(JSON.stringify(packValue(value)));
    expect(JSON.stringify(unpackValue(packed))).toBe(JSON.stringify(value));
  });
});

describe('extraction cache', () => {
  const dir = testCorpus();
  const cacheDir = tempDir('cache');
  const plain = buildCorpusGraph({ articlesDir: dir, extractor });

  test('cold and warm builds give the graph and the corpus of a build without cache', () => {
    const cold = buildCorpusGraph({ articlesDir: dir, extractor, cacheDir });
    expect(cold.stats.cache).toEqual({ hits: 0, misses: plain.stats.articlesRead });
    const warm = buildCorpusGraph({ articlesDir: dir, extractor, cacheDir });
    expect(warm.stats.cache).toEqual({ hits: plain.stats.articlesRead, misses: 0 });
    expect(exported(cold.graph)).toEqual(exported(plain.graph));
    expect(exported(warm.graph)).toEqual(exported(plain.graph));
    expect(warm.corpus).toEqual(plain.corpus);
    expect(warm.extractions).toEqual(plain.extractions);
    // Byte-for-byte too: key order is kept, so graph.json does not churn.
    expect(JSON.stringify(exported(warm.graph))).toBe(JSON.stringify(exported(plain.graph)));
  });

  test('a changed, an added and a removed article: only the new bytes are extracted, and the result is a fresh build\'s', () => {
    const work = tempDir('cache-edit');
    const articles = path.join(work, 'articles');
    cpSync(dir, articles, { recursive: true });
    const cache = path.join(work, 'cache');
    const n = buildCorpusGraph({ articlesDir: articles, extractor, cacheDir: cache }).stats.articlesRead;
    writeFileSync(path.join(articles, 'brief_a.txt'), 'Sergueï Choïgou a visité Pyongyang en juin 2024.\n');
    writeFileSync(path.join(articles, 'brief_c.txt'), 'Pyongyang a envoyé 10 000 soldats en Russie, affirme Séoul.\n');
    rmSync(path.join(articles, 'brief_b.md'));
    const again = buildCorpusGraph({ articlesDir: articles, extractor, cacheDir: cache });
    expect(again.stats.cache).toEqual({ hits: n - 2, misses: 2 });
    const fresh = buildCorpusGraph({ articlesDir: articles, extractor });
    expect(exported(again.graph)).toEqual(exported(fresh.graph));
    expect(again.corpus).toEqual(fresh.corpus);
  });

  test('a damaged or foreign cache is ignored, never an error', () => {
    const work = tempDir('cache-damaged');
    const cache = path.join(work, 'cache');
    buildCorpusGraph({ articlesDir: dir, extractor, cacheDir: cache });
    const [folder] = readdirSync(cache);
    writeFileSync(path.join(cache, folder, 'pack.json'), '{"format":1,"key":"');
    for (const name of readdirSync(path.join(cache, folder, 'loose'))) writeFileSync(path.join(cache, folder, 'loose', name), '[1,');
    const rebuilt = buildCorpusGraph({ articlesDir: dir, extractor, cacheDir: cache });
    expect(rebuilt.stats.cache.hits).toBe(0);
    expect(exported(rebuilt.graph)).toEqual(exported(plain.graph));
    expect(ExtractionCache.open(cache, dir, 'another key').get(plain.corpus.articles[0].file, plain.corpus.articles[0].hash)).toBeUndefined();
    expect(ExtractionCache.open(cache, dir, 'another key')).toBeDefined();
  });

  test('loose entries are folded into the pack once they are many', () => {
    const work = tempDir('cache-loose');
    const articles = path.join(work, 'articles');
    mkdirSync(articles);
    writeFileSync(path.join(articles, 'base.txt'), 'La Russie et la Corée du Nord ont signé un traité.\n');
    const cache = path.join(work, 'cache');
    buildCorpusGraph({ articlesDir: articles, extractor, cacheDir: cache });
    const [folder] = readdirSync(cache);
    const loose = () => {
      try {
        return readdirSync(path.join(cache, folder, 'loose')).length;
      } catch {
        return 0;
      }
    };
    expect(loose()).toBe(1);
    writeFileSync(path.join(articles, 'one.txt'), 'Kim Jong Un a reçu Vladimir Poutine.\n');
    expect(buildCorpusGraph({ articlesDir: articles, extractor, cacheDir: cache }).stats.cache).toEqual({ hits: 1, misses: 1 });
    expect(loose()).toBe(2);
    for (let i = 0; i < LOOSE_COMPACT_MIN; i++) writeFileSync(path.join(articles, `more_${String(i).padStart(3, '0')}.txt`), `Le général ${i} a inspecté les troupes nord-coréennes.\n`);
    const compacted = buildCorpusGraph({ articlesDir: articles, extractor, cacheDir: cache });
    expect(compacted.stats.cache.misses).toBe(LOOSE_COMPACT_MIN);
    expect(loose()).toBe(0);
    const warm = buildCorpusGraph({ articlesDir: articles, extractor, cacheDir: cache });
    expect(warm.stats.cache).toEqual({ hits: LOOSE_COMPACT_MIN + 2, misses: 0 });
    expect(exported(warm.graph)).toEqual(exported(buildCorpusGraph({ articlesDir: articles, extractor }).graph));
  });
});

test('the caches of deleted articles folders are dropped when another folder is first cached', () => {
  const cacheDir = tempDir('cache-prune');
  const gone = path.join(tempDir('gone'), 'articles');
  mkdirSync(gone);
  writeFileSync(path.join(gone, 'a.txt'), 'La Russie et la Chine.\n');
  buildCorpusGraph({ articlesDir: gone, extractor, cacheDir });
  const kept = path.join(tempDir('kept'), 'articles');
  mkdirSync(kept);
  writeFileSync(path.join(kept, 'a.txt'), 'La Russie et la Chine.\n');
  buildCorpusGraph({ articlesDir: kept, extractor, cacheDir });
  expect(readdirSync(cacheDir)).toHaveLength(2);
  rmSync(gone, { recursive: true });
  const third = path.join(tempDir('third'), 'articles');
  mkdirSync(third);
  writeFileSync(path.join(third, 'b.txt'), 'Le Japon observe.\n');
  buildCorpusGraph({ articlesDir: third, extractor, cacheDir });
  expect(readdirSync(cacheDir)).toHaveLength(2);
  expect(buildCorpusGraph({ articlesDir: kept, extractor, cacheDir }).stats.cache.hits).toBe(1);
});

describe('listing and skipping agree with loadCorpus', () => {
  test('hidden, unknown, empty, binary, duplicate, nested and symlinked files', () => {
    const dir = path.join(tempDir('listing'), 'articles');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'a.txt'), 'La Chine observe la Russie.\n');
    writeFileSync(path.join(dir, 'sub', 'b.html'), '<html><head><title>Moscou</title></head><body><p>Le Kremlin a salué Pyongyang.</p></body></html>');
    writeFileSync(path.join(dir, 'sub', 'a.md'), '# Doublon\n\nMême identifiant que a.txt.\n');
    writeFileSync(path.join(dir, '.hidden.txt'), 'caché');
    writeFileSync(path.join(dir, 'notes.pdf'), 'pas un article');
    writeFileSync(path.join(dir, 'vide.txt'), '');
    writeFileSync(path.join(dir, 'binaire.txt'), Buffer.from([0x41, 0x00, 0x42]));
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'broken.txt'));
    symlinkSync(dir, path.join(dir, 'sub', 'loop'));
    const expected = loadCorpus(dir);
    const built = buildCorpusGraph({ articlesDir: dir, extractor });
    expect(built.corpus).toEqual(expected);
    expect(built.corpus.skipped.map((s) => s.file).sort()).toEqual(['binaire.txt', 'broken.txt', 'notes.pdf', 'sub/a.md', 'sub/loop', 'vide.txt']);
  });

  test('a missing folder and a folder without articles are input errors (exit code 2)', () => {
    expect(() => buildCorpusGraph({ articlesDir: path.join(os.tmpdir(), 'newsgraph-none-here'), extractor })).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/does not exist/) }),
    );
    const empty = tempDir('empty');
    writeFileSync(path.join(empty, 'x.pdf'), 'no');
    expect(() => buildCorpusGraph({ articlesDir: empty, extractor })).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/has no articles/) }));
  });

  (process.getuid?.() === 0 ? test.skip : test)('an unreadable file is skipped with its reason', () => {
    const dir = tempDir('unreadable');
    writeFileSync(path.join(dir, 'ok.txt'), 'La Russie.\n');
    writeFileSync(path.join(dir, 'locked.txt'), 'secret');
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    expect(buildCorpusGraph({ articlesDir: dir, extractor }).corpus).toEqual(loadCorpus(dir));
  });
});

describe('worker threads', () => {
  const dir = testCorpus();
  const single = buildCorpusGraph({ articlesDir: dir, extractor });

  test('two and three threads give the single-threaded graph, corpus and extractions', async () => {
    for (const workers of [2, 3]) {
      const parallel = await buildCorpusGraphAsync({ articlesDir: dir, workers });
      expect(parallel.stats.workers).toBe(workers);
      expect(exported(parallel.graph)).toEqual(exported(single.graph));
      expect(parallel.corpus).toEqual(single.corpus);
      expect(parallel.extractions).toEqual(single.extractions);
    }
  }, 120_000);

  test('workers and cache together: misses go to the pool, hits stay, same graph', async () => {
    const cacheDir = tempDir('pool-cache');
    const first = await buildCorpusGraphAsync({ articlesDir: dir, workers: 2, cacheDir });
    expect(first.stats.cache.misses).toBe(single.stats.articlesRead);
    const second = await buildCorpusGraphAsync({ articlesDir: dir, workers: 2, cacheDir });
    expect(second.stats.cache).toEqual({ hits: single.stats.articlesRead, misses: 0 });
    expect(exported(second.graph)).toEqual(exported(single.graph));
  }, 120_000);

  test('auto picks one thread for a small corpus; the sync build refuses a pool', async () => {
    const auto = await buildCorpusGraphAsync({ articlesDir: dir, workers: 'auto' });
    expect(auto.stats.workers).toBe(1);
    expect(defaultWorkers(PARALLEL_MIN_ARTICLES - 1, 8)).toBe(1);
    expect(defaultWorkers(PARALLEL_MIN_ARTICLES, 8)).toBe(7);
    expect(defaultWorkers(PARALLEL_MIN_ARTICLES, 3)).toBe(2);
    // Two cores: a one-thread build already keeps both busy (V8's compiler threads), and two threads measured slower.
    expect(defaultWorkers(10 * PARALLEL_MIN_ARTICLES, 2)).toBe(1);
    expect(defaultWorkers(10 * PARALLEL_MIN_ARTICLES, 1)).toBe(1);
    expect(() => buildCorpusGraph({ articlesDir: dir, workers: 2 })).toThrow(/buildCorpusGraphAsync/);
  });

  test('chunks are cut from what is left: never empty, never past the end, at most 64 files, smaller towards the end', () => {
    expect(chunkSize(0, 2)).toBe(0);
    expect(chunkSize(1, 4)).toBe(1);
    expect(chunkSize(3, 2)).toBe(1);
    expect(chunkSize(1_000_000, 2)).toBe(64);
    for (const threads of [2, 3, 8]) {
      let left = 1566;
      let previous = Infinity;
      let cuts = 0;
      while (left > 0) {
        const size = chunkSize(left, threads);
        expect(size).toBeGreaterThanOrEqual(1);
        expect(size).toBeLessThanOrEqual(Math.min(64, left));
        expect(size).toBeLessThanOrEqual(previous);
        previous = size;
        left -= size;
        cuts++;
      }
      // The last chunks are single files: the threads finish within one file of each other.
      expect(previous).toBe(1);
      expect(cuts).toBeLessThan(1566 / 4);
    }
  });
});
