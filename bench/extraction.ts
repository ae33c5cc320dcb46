/**
 * Extraction measures: end-to-end throughput (read → graph) on one core at
 * growing corpus sizes, the same with worker threads, and the incremental
 * rebuild after one article is added to a large cached corpus.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../src/corpus';
import { createExtractor } from '../src/extract';
import { saveGraph } from '../src/graph';
import { buildCorpusGraph, buildCorpusGraphAsync } from '../src/pipeline';
import { DEFAULT_SEED_ARTICLES_DIR, generateArticle, loadCorpusMaterial, type CorpusMaterial } from './corpus';
import { summarise, timeRuns, type Runs } from './measure';

const MB = 1e6;

/** Bytes of the seed articles: the "1×" corpus size. */
export function seedCorpusBytes(dir: string = DEFAULT_SEED_ARTICLES_DIR): number {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
}

/** Writes generated articles 0, 1, … into `dir` until they hold at least `bytes` bytes; returns the count and bytes. */
export function writeCorpusOfBytes(material: CorpusMaterial, seed: number | string, dir: string, bytes: number): { articles: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  return writeCorpusOfArticles(material, seed, dir, Infinity, bytes);
}

function writeCorpusOfArticles(material: CorpusMaterial, seed: number | string, dir: string, count: number, untilBytes = Infinity): { articles: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  let written = 0;
  let i = 0;
  for (; i < count && written < untilBytes; i++) {
    const article = generateArticle(material, seed, i);
    const data = Buffer.from(article.content, 'utf8');
    writeFileSync(path.join(dir, article.file), data);
    written += data.length;
  }
  return { articles: i, bytes: written };
}

/** One corpus size of the scaling series. */
export interface ScalingPoint {
  factor: number;
  articles: number;
  mb: number;
  /** Median seconds of the end-to-end build. */
  seconds: number;
  min: number;
  max: number;
  mbPerSec: number;
}

/** Fit of seconds = fixed + mb × perMb over the series, and how straight it is. */
export interface Linearity {
  /** Seconds per MB (slope). */
  secondsPerMb: number;
  /** Seconds at 0 MB (intercept): per-build fixed cost left in the timed part. */
  fixedSeconds: number;
  /** Coefficient of determination of the fit (1 = perfectly linear). */
  r2: number;
  /** Throughput at the largest size divided by throughput at the smallest above 1 MB/… (≈ 1 when linear). */
  throughputRatio: number;
}

export function fitLinearity(points: readonly { mb: number; seconds: number }[]): Linearity {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.mb, 0) / n;
  const my = points.reduce((s, p) => s + p.seconds, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    sxx += (p.mb - mx) ** 2;
    sxy += (p.mb - mx) * (p.seconds - my);
    syy += (p.seconds - my) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const r2 = sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : 1;
  const rate = (p: { mb: number; seconds: number }) => p.mb / p.seconds;
  const throughputRatio = n >= 2 ? rate(points[n - 1]) / rate(points[Math.min(1, n - 1)]) : 1;
  return { secondsPerMb: slope, fixedSeconds: my - slope * mx, r2, throughputRatio };
}

export interface ScalingParams {
  seed: number | string;
  factors: number[];
  runs: number;
  workDir: string;
}

export interface ScalingResult {
  /** One-off costs of a fresh process, not part of the throughput: first corpus load (language detector, segmenter) and extractor build (knowledge base, matchers). */
  fixed: { processStartSeconds: number; firstCorpusLoadSeconds: number; extractorBuildSeconds: number };
  seedBytes: number;
  points: ScalingPoint[];
  linearity: Linearity;
}

/** Single-thread end-to-end builds (no cache) of corpora of factor × the seed corpus size. */
export async function measureScaling(params: ScalingParams): Promise<ScalingResult> {
  // Since this process started: Node, ts-node, and loading the corpus and extract modules (eld's language models among them).
  const processStartSeconds = performance.now() / 1000;
  let t = performance.now();
  loadCorpus(DEFAULT_SEED_ARTICLES_DIR);
  const firstCorpusLoadSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const extractor = createExtractor();
  const extractorBuildSeconds = (performance.now() - t) / 1000;
  const material = loadCorpusMaterial();
  const seedBytes = seedCorpusBytes();
  // Warm-up: the JIT's first pass over the extractor is not throughput.
  buildCorpusGraph({ articlesDir: DEFAULT_SEED_ARTICLES_DIR, extractor });
  const points: ScalingPoint[] = [];
  for (const factor of params.factors) {
    const dir = path.join(params.workDir, `scale-${factor}x`);
    const corpus = writeCorpusOfBytes(material, params.seed, dir, factor * seedBytes);
    const runs = await timeRuns(params.runs, () => buildCorpusGraph({ articlesDir: dir, extractor }));
    const mb = corpus.bytes / MB;
    points.push({ factor, articles: corpus.articles, mb, seconds: runs.median, min: runs.min, max: runs.max, mbPerSec: mb / runs.median });
  }
  return { fixed: { processStartSeconds, firstCorpusLoadSeconds, extractorBuildSeconds }, seedBytes, points, linearity: fitLinearity(points) };
}

export interface WorkersParams {
  seed: number | string;
  factor: number;
  workers: number;
  runs: number;
  workDir: string;
}

export interface WorkersResult {
  workers: number;
  articles: number;
  mb: number;
  single: Runs;
  parallel: Runs;
  speedup: number;
  mbPerSec: number;
  /** Seconds for a pool of `workers` to start and answer one tiny article each (ts-node + knowledge base per worker). */
  poolStartSeconds: number;
  identicalGraph: boolean;
}

/** The same corpus built on one thread and on `workers` worker threads (pool start-up included). */
export async function measureWorkers(params: WorkersParams): Promise<WorkersResult> {
  const extractor = createExtractor();
  const material = loadCorpusMaterial();
  const dir = path.join(params.workDir, `workers-${params.factor}x`);
  const corpus = writeCorpusOfBytes(material, params.seed, dir, params.factor * seedCorpusBytes());
  buildCorpusGraph({ articlesDir: DEFAULT_SEED_ARTICLES_DIR, extractor });
  let single: ReturnType<typeof buildCorpusGraph> | undefined;
  const singleRuns = await timeRuns(params.runs, () => (single = buildCorpusGraph({ articlesDir: dir, extractor })));
  let parallel: ReturnType<typeof buildCorpusGraph> | undefined;
  // A fresh extractor per parallel build: the workers load the knowledge files when the pool starts, and must find the version the main thread has.
  const parallelRuns = await timeRuns(params.runs, async () => (parallel = await buildCorpusGraphAsync({ articlesDir: dir, extractor: createExtractor(), workers: params.workers })));
  const tiny = path.join(params.workDir, 'pool-start');
  rmSync(tiny, { recursive: true, force: true });
  mkdirSync(tiny, { recursive: true });
  for (let i = 0; i < params.workers; i++) writeFileSync(path.join(tiny, `t${i}.txt`), 'La Russie et la Corée du Nord.\n');
  const poolStart = await timeRuns(1, () => buildCorpusGraphAsync({ articlesDir: tiny, extractor, workers: params.workers }));
  const strip = (g: NonNullable<typeof single>['graph']) => {
    const e = g.export();
    delete (e.attributes as Record<string, unknown>).builtAt;
    return JSON.stringify(e);
  };
  const mb = corpus.bytes / MB;
  return {
    workers: params.workers,
    articles: corpus.articles,
    mb,
    single: singleRuns,
    parallel: parallelRuns,
    speedup: singleRuns.median / parallelRuns.median,
    mbPerSec: mb / parallelRuns.median,
    poolStartSeconds: poolStart.median,
    identicalGraph: strip(single!.graph) === strip(parallel!.graph),
  };
}

export interface IncrementalParams {
  seed: number | string;
  articles: number;
  runs: number;
  workers: number;
  workDir: string;
}

export interface IncrementalResult {
  articles: number;
  mb: number;
  /** Full build that fills the cache (on `workers` threads). */
  primeSeconds: number;
  /** Rebuild after one article is added (median over runs, one new article each run). */
  addOne: Runs;
  /** Where the time of the last add-one rebuild went, seconds. */
  breakdown: { read: number; extract: number; graph: number; cacheWrite: number };
  /** Rebuild with nothing changed. */
  unchanged: Runs;
  /** Writing graph.json afterwards (not part of the rebuild figure). */
  saveSeconds: number;
  cacheHits: number;
}

/** Fills the cache with a corpus of `articles` articles, then adds one article at a time and rebuilds. */
export async function measureIncremental(params: IncrementalParams): Promise<IncrementalResult> {
  const extractor = createExtractor();
  const material = loadCorpusMaterial();
  const dir = path.join(params.workDir, `incremental-${params.articles}`);
  const cacheDir = path.join(params.workDir, 'cache');
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const corpus = writeCorpusOfArticles(material, params.seed, dir, params.articles);
  let t = performance.now();
  await buildCorpusGraphAsync({ articlesDir: dir, extractor, cacheDir, workers: params.workers });
  const primeSeconds = (performance.now() - t) / 1000;
  let last: ReturnType<typeof buildCorpusGraph> | undefined;
  const unchanged = await timeRuns(params.runs, () => (last = buildCorpusGraph({ articlesDir: dir, extractor, cacheDir })));
  const addOne = await timeRuns(
    params.runs,
    () => (last = buildCorpusGraph({ articlesDir: dir, extractor, cacheDir })),
    (run) => {
      const article = generateArticle(material, params.seed, params.articles + run);
      writeFileSync(path.join(dir, article.file), article.content);
    },
  );
  const out = path.join(params.workDir, 'incremental-graph.json');
  t = performance.now();
  saveGraph(last!.graph, out);
  const saveSeconds = (performance.now() - t) / 1000;
  const timings = last!.stats.timings;
  return {
    articles: corpus.articles,
    mb: corpus.bytes / MB,
    primeSeconds,
    addOne,
    breakdown: { read: timings.readMs / 1000, extract: timings.extractMs / 1000, graph: timings.graphMs / 1000, cacheWrite: timings.cacheMs / 1000 },
    unchanged,
    saveSeconds,
    cacheHits: last!.stats.cache.hits,
  };
}

export { summarise };
