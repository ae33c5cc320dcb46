/**
 * Extraction measures: end-to-end throughput (read → graph) on one core at
 * growing corpus sizes, the same with worker threads, and the incremental
 * rebuild of graph.json after one article is added to, changed in or
 * removed from a large corpus.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../src/corpus';
import { createExtractor } from '../src/extract';
import { serialiseGraph } from '../src/graph';
import type { GraphFileBuildResult } from '../src/pipeline';
import { buildCorpusGraph, buildCorpusGraphAsync, buildGraphFile } from '../src/pipeline';
import { DEFAULT_SEED_ARTICLES_DIR, generateArticle, loadCorpusMaterial, type CorpusMaterial } from './corpus';
import { cpuTimed, runInChild, summarise, timeRuns, type CpuTimed, type Runs } from './measure';

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
  /** Builds of each kind in fresh processes (0 or absent: not measured). */
  freshProcessRuns?: number;
}

export interface WorkersResult {
  workers: number;
  articles: number;
  mb: number;
  single: Runs;
  parallel: Runs;
  speedup: number;
  /** Speed-up once the pool runs: single / (parallel − pool start), what a longer build tends to. */
  speedupAfterPoolStart: number;
  mbPerSec: number;
  /** Seconds for a pool of `workers` to start and answer one tiny article each (ts-node + knowledge base per worker). */
  poolStartSeconds: number;
  identicalGraph: boolean;
  /** CPU seconds of the process per wall second during the one-thread builds: the first (cold JIT) run and the median of the runs. */
  singleCpuPerWall: { first: number; median: number };
  /** The same builds, each in a fresh process, as `npm run build-graph` runs them (cold JIT on every thread); undefined when not measured. */
  freshProcess?: FreshProcessWorkers;
}

/** One thread against `workers` threads, each build in a fresh process (extractor build + build, timed inside the process). */
export interface FreshProcessWorkers {
  single: Runs;
  parallel: Runs;
  speedup: number;
  /** CPU seconds per wall second of the one-thread builds (median): above 1, the JIT and GC threads already use the other cores. */
  singleCpuPerWall: number;
}

export interface BuildOnceParams {
  dir: string;
  workers: number;
}

/** A fresh process's build of `dir`: extractor built, then the graph on `workers` threads (the bench's stand-in for one `npm run build-graph`). */
export async function buildOnce(params: BuildOnceParams): Promise<CpuTimed> {
  return cpuTimed(() => buildCorpusGraphAsync({ articlesDir: params.dir, extractor: createExtractor(), workers: params.workers }));
}

/** The same corpus built on one thread and on `workers` worker threads (pool start-up included). */
export async function measureWorkers(params: WorkersParams): Promise<WorkersResult> {
  const extractor = createExtractor();
  const material = loadCorpusMaterial();
  const dir = path.join(params.workDir, `workers-${params.factor}x`);
  const corpus = writeCorpusOfBytes(material, params.seed, dir, params.factor * seedCorpusBytes());
  buildCorpusGraph({ articlesDir: DEFAULT_SEED_ARTICLES_DIR, extractor });
  let single: ReturnType<typeof buildCorpusGraph> | undefined;
  const cpuPerWall: number[] = [];
  const singleRuns = await timeRuns(params.runs, async () => {
    const run = await cpuTimed(() => (single = buildCorpusGraph({ articlesDir: dir, extractor })));
    cpuPerWall.push(run.cpuSeconds / run.seconds);
  });
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
  const freshProcess = params.freshProcessRuns ? measureFreshProcessWorkers(dir, params.workers, params.freshProcessRuns) : undefined;
  return {
    workers: params.workers,
    articles: corpus.articles,
    mb,
    single: singleRuns,
    parallel: parallelRuns,
    speedup: singleRuns.median / parallelRuns.median,
    speedupAfterPoolStart: singleRuns.median / Math.max(parallelRuns.median - poolStart.median, Number.EPSILON),
    mbPerSec: mb / parallelRuns.median,
    poolStartSeconds: poolStart.median,
    identicalGraph: strip(single!.graph) === strip(parallel!.graph),
    singleCpuPerWall: { first: cpuPerWall[0], median: summarise(cpuPerWall).median },
    freshProcess,
  };
}

/**
 * One thread and `workers` threads alternately, each build in a child
 * process of its own: every thread starts with a cold JIT, as in a command
 * line build. (In measureWorkers' own process the main thread is warm from
 * the one-thread runs and only the workers start cold.)
 */
function measureFreshProcessWorkers(dir: string, workers: number, runs: number): FreshProcessWorkers {
  const single: CpuTimed[] = [];
  const parallel: CpuTimed[] = [];
  for (let run = 0; run < runs; run++) {
    single.push(runInChild<CpuTimed>('workers-build-once', { dir, workers: 1 }).result);
    parallel.push(runInChild<CpuTimed>('workers-build-once', { dir, workers }).result);
  }
  const singleRuns = summarise(single.map((r) => r.seconds));
  const parallelRuns = summarise(parallel.map((r) => r.seconds));
  return { single: singleRuns, parallel: parallelRuns, speedup: singleRuns.median / parallelRuns.median, singleCpuPerWall: summarise(single.map((r) => r.cpuSeconds / r.seconds)).median };
}

export interface IncrementalParams {
  seed: number | string;
  articles: number;
  runs: number;
  workers: number;
  workDir: string;
  /** Compare the last graph file with a full build's (costs a full build from the extraction cache). Default true. */
  verify?: boolean;
  /**
   * Prime (first build) in a child process, as an earlier `npm run
   * build-graph` would, so the timed rebuilds run in a process that did not
   * just hold 10 000 extractions (whose heap makes every collection slow).
   * Default true; tests prime in-process.
   */
  primeInChild?: boolean;
}

/** What primeIncremental needs: the corpus folder, cache and graph file of measureIncremental. */
export interface PrimeParams {
  dir: string;
  cacheDir: string;
  out: string;
  workers: number;
}

/** The first build of the incremental measure (graph.json and its index written); seconds. */
export async function primeIncremental(params: PrimeParams): Promise<{ seconds: number }> {
  const t = performance.now();
  await buildGraphFile({ articlesDir: params.dir, cacheDir: params.cacheDir, out: params.out, extractor: createExtractor(), builtAt: FIXED_BUILT_AT, workers: params.workers });
  return { seconds: (performance.now() - t) / 1000 };
}

export interface IncrementalResult {
  articles: number;
  mb: number;
  /** Size of graph.json. */
  graphFileMb: number;
  /** First build: every article extracted (on `workers` threads), graph.json and its index written. */
  primeSeconds: number;
  /** Peak RSS of the process that primed (null when it ran in this one). */
  primePeakRssMiB: number | null;
  /** Rebuild, graph.json written, after one article is added (median over runs, one new article each run). */
  addOne: Runs;
  /** … after one article in the middle of the file order is changed. */
  changeOne: Runs;
  /** … after one article is removed. */
  removeOne: Runs;
  /** Rebuild with nothing changed (nothing written). */
  unchanged: Runs;
  /** Where the time of the last add-one rebuild went, seconds. */
  breakdown: { read: number; extract: number; graph: number; write: number; cacheWrite: number };
  /** How each timed rebuild went ('incremental', 'unchanged'; 'full' would say the patch was refused). */
  modes: Record<string, number>;
  /** The last graph.json is a full build's, to the byte (null: not checked). */
  identicalToFull: boolean | null;
  cacheHits: number;
}

const FIXED_BUILT_AT = '2000-01-01T00:00:00.000Z';

/**
 * Fills the cache with a corpus of `articles` articles (graph.json written),
 * then times buildGraphFile — what `npm run build-graph` runs — after one
 * article is added, changed or removed, and with nothing changed. Every
 * timed rebuild ends with graph.json written (atomically, flushed).
 */
export async function measureIncremental(params: IncrementalParams): Promise<IncrementalResult> {
  const extractor = createExtractor();
  const material = loadCorpusMaterial();
  const dir = path.join(params.workDir, `incremental-${params.articles}`);
  const cacheDir = path.join(params.workDir, 'cache');
  const out = path.join(params.workDir, 'incremental-graph.json');
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const corpus = writeCorpusOfArticles(material, params.seed, dir, params.articles);
  const options = { articlesDir: dir, extractor, cacheDir, out, builtAt: FIXED_BUILT_AT };
  const prime = { dir, cacheDir, out, workers: params.workers };
  let primeSeconds: number;
  let primePeakRssMiB: number | null = null;
  if (params.primeInChild === false) primeSeconds = (await primeIncremental(prime)).seconds;
  else {
    const child = runInChild<{ seconds: number }>('incremental-prime', prime);
    primeSeconds = child.result.seconds;
    primePeakRssMiB = child.peakRssMiB;
  }
  const modes: Record<string, number> = {};
  let last: GraphFileBuildResult | undefined;
  const rebuild = async () => {
    last = await buildGraphFile(options);
    modes[last.mode] = (modes[last.mode] ?? 0) + 1;
  };
  const unchanged = await timeRuns(params.runs, rebuild);
  let next = params.articles;
  const addOne = await timeRuns(params.runs, rebuild, () => {
    const article = generateArticle(material, params.seed, next++);
    writeFileSync(path.join(dir, article.file), article.content);
  });
  const addTimings = last!.stats.timings;
  const cacheHits = last!.stats.cache.hits;
  const files = readdirSync(dir).sort();
  const changeOne = await timeRuns(params.runs, rebuild, (run) => {
    const target = files[Math.floor(((run + 1) * files.length) / (params.runs + 2))];
    writeFileSync(path.join(dir, target), generateArticle(material, params.seed, next++).content);
  });
  const removeOne = await timeRuns(params.runs, rebuild, (run) => {
    rmSync(path.join(dir, files[Math.floor(((run + 1) * files.length) / (params.runs + 3))]));
  });
  let identicalToFull: boolean | null = null;
  if (params.verify !== false) {
    const full = buildCorpusGraph({ articlesDir: dir, extractor, cacheDir, builtAt: FIXED_BUILT_AT });
    identicalToFull = readFileSync(out, 'utf8') === serialiseGraph(full.graph);
  }
  const s = (ms: number | undefined) => (ms ?? 0) / 1000;
  return {
    articles: corpus.articles,
    mb: corpus.bytes / MB,
    graphFileMb: statSync(out).size / MB,
    primeSeconds,
    primePeakRssMiB,
    addOne,
    changeOne,
    removeOne,
    unchanged,
    breakdown: { read: s(addTimings.readMs), extract: s(addTimings.extractMs), graph: s(addTimings.graphMs), write: s(addTimings.writeMs), cacheWrite: s(addTimings.cacheMs) },
    modes,
    identicalToFull,
    cacheHits,
  };
}

export { summarise };
