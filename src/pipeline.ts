/**
 * The whole pipeline, top-down: list and read the articles folder → (cache
 * hit, or clean → segment (corpus) → mentions → resolve → relations → claims
 * (extract)) → graph (build, merge).
 *
 * Incremental builds: with `cacheDir`, each article's Article and extraction
 * are kept under the SHA-256 of its bytes and the cache key (extractor
 * version, knowledge files, corpus rules and the corpus/extract code), so a
 * rebuild only reads and hashes unchanged files (src/pipeline/cache.ts).
 * Parallel builds: buildCorpusGraphAsync({ workers }) extracts on worker
 * threads (src/pipeline/workers.ts); both give the same graph.
 * Graph file: buildGraphFile({ out }) writes graph.json; after a build it
 * keeps an index (src/pipeline/incremental.ts) so that the next one, when
 * few articles changed, patches the file in proportion to those articles
 * instead of building from every article — the same bytes either way.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Article, Corpus, LoadCorpusOptions, ReadArticleOptions, SkippedFile } from './corpus';
import { articleFormat, articleId, CorpusFolderError, DEFAULT_ABBREVIATIONS_FILE, DEFAULT_MAX_BYTES, DEFAULT_NOISE_FILE, errnoReason, listArticleFiles, loadNoiseRules, NotAnArticleError, readArticleBytes } from './corpus';
import type { ArticleExtraction, Extractor } from './extract';
import { createExtractor } from './extract';
import type { NewsGraph } from './graph';
import { buildGraph, layoutGraph, readFileInBackground, writeFileAtomicInBackground, writeGraphFile } from './graph';
import type { ArticleMeta, EntityType, RelationType } from './ontology';
import { ExtractionCache } from './pipeline/cache';
import type { Extracted, FileStamp, FolderChanges, GraphIndex, PatchResult } from './pipeline/incremental';
import { articleMeta, folderChanges, graphIndexFile, indexFullBuild, patchGraph, readGraphIndex, removeGraphIndex, stampOf, writeEncodedGraphIndex, writeGraphIndex } from './pipeline/incremental';
import { encodeGraphIndexBody } from './pipeline/indexCodec';

import type { FileOutcome, WorkItem } from './pipeline/process';
import { readAndExtract } from './pipeline/process';
import { extractInPool } from './pipeline/workers';

const WHO = 'newsgraph build-graph';

/** The project's extraction cache folder (gitignored); scripts pass it as `cacheDir`. */
export const DEFAULT_CACHE_DIR = path.resolve(__dirname, '..', 'graph-data', '.cache');

/** Below this many articles a worker pool costs more to start (ts-node, knowledge base per worker) than it saves. */
export const PARALLEL_MIN_ARTICLES = 200;

export interface BuildCorpusGraphOptions {
  /** Folder of articles (.txt, .md, .html). */
  articlesDir: string;
  /** Folder of knowledge files. Default graph-data/knowledge. */
  knowledgeDir?: string;
  /** An extractor already built (saves reloading the knowledge base). Must be built from `knowledgeDir` when workers are used. */
  extractor?: Extractor;
  /** Called after each article is read, then after each is extracted. */
  onProgress?: (phase: 'read' | 'extract', done: number, total: number) => void;
  /** Largest file read, in bytes. Default DEFAULT_MAX_BYTES of src/corpus. */
  maxBytes?: LoadCorpusOptions['maxBytes'];
  /** Folder of the extraction cache (e.g. DEFAULT_CACHE_DIR). Default: no cache. */
  cacheDir?: string;
  /**
   * Threads extracting (buildCorpusGraphAsync only): the main thread and
   * workers − 1 worker threads. Default 1: the main thread alone. 'auto':
   * defaultWorkers() of the articles to extract.
   */
  workers?: number | 'auto';
  /** ISO timestamp stored as the graph's `builtAt`. Default: now. */
  builtAt?: string;
}

/** Figures of one build, for the summary. */
export interface BuildStats {
  articlesRead: number;
  articlesSkipped: number;
  sentences: number;
  characters: number;
  entities: number;
  entitiesByType: Partial<Record<EntityType, number>>;
  relations: number;
  relationsByType: Partial<Record<RelationType, number>>;
  claims: number;
  /** Bytes of the files read. */
  bytes: number;
  /** Articles taken from the cache, and articles extracted (0 and all when there is no cache). */
  cache: { hits: number; misses: number };
  /** Threads that extracted (1: the main thread). */
  workers: number;
  /**
   * Wall-clock milliseconds: list + read + hash + cache load, clean + extract,
   * graph, cache write, total; and writing the graph file, when the build
   * wrote it (buildGraphFile). In an incremental build: read is the index,
   * the listing and the stats; graph the patch, with any wait for the last
   * graph file's bytes; write the new graph file (and, in buildGraphFile, the
   * index encoded meanwhile); cache the index file and the cache entries.
   */
  timings: { readMs: number; extractMs: number; graphMs: number; cacheMs: number; totalMs: number; writeMs?: number };
}

export interface BuildCorpusGraphResult {
  graph: NewsGraph;
  corpus: Corpus;
  extractions: ArticleExtraction[];
  stats: BuildStats;
}

function countBy<T extends string>(values: Iterable<T>): Partial<Record<T, number>> {
  const counts: Partial<Record<T, number>> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** A listed file after reading: skipped, taken from the cache, or to extract. */
type FileState =
  | { relative: string; skip: string }
  | { relative: string; hash: string; cached: FileOutcome & { article: Article } }
  | { relative: string; hash: string; work: WorkItem };

/** Everything decided before extraction. */
interface ReadPlan {
  root: string;
  extractor: Extractor;
  readOptions: ReadArticleOptions;
  noiseFile: string;
  files: FileState[];
  toExtract: WorkItem[];
  cache?: ExtractionCache;
  bytes: number;
  t0: number;
  builtAt?: string;
}

/**
 * Hash of the files that decide what an Article is and what is extracted from
 * it, besides the knowledge files. Computed once per process and noise file:
 * it describes the code this process loaded, which files edited on disk
 * since do not change.
 */
const fingerprints = new Map<string, string>();
function codeFingerprint(noiseFile: string): string {
  let fingerprint = fingerprints.get(noiseFile);
  if (fingerprint === undefined) {
    fingerprint = hashCode(noiseFile);
    fingerprints.set(noiseFile, fingerprint);
  }
  return fingerprint;
}

function hashCode(noiseFile: string): string {
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(file).update(readFileSync(file));
  add(noiseFile);
  add(DEFAULT_ABBREVIATIONS_FILE);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|js)$/.test(entry.name)) hash.update(path.relative(__dirname, file)).update(readFileSync(file));
    }
  };
  for (const stage of ['corpus', 'extract', 'pipeline']) if (existsSync(path.join(__dirname, stage))) walk(path.join(__dirname, stage));
  return hash.digest('hex').slice(0, 16);
}

/** The key every cached article must carry to be reused. */
export function cacheKey(extractorVersion: string, noiseFile: string = DEFAULT_NOISE_FILE): string {
  return `${extractorVersion}|${codeFingerprint(noiseFile)}`;
}

function noiseFileFor(knowledgeDir: string | undefined): string {
  const own = knowledgeDir ? path.join(knowledgeDir, 'noise.json') : undefined;
  return own && existsSync(own) ? own : DEFAULT_NOISE_FILE;
}

/** Lists the folder, reads and hashes every article file, and looks each up in the cache. */
function readFolder(options: BuildCorpusGraphOptions): ReadPlan {
  const t0 = performance.now();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(maxBytes > 0)) throw new Error(`${WHO}: loadCorpus: maxBytes must be a positive number of bytes, got ${maxBytes}`);
  const candidates = listArticleFiles(options.articlesDir);
  const extractor = options.extractor ?? createExtractor({ knowledgeDir: options.knowledgeDir });
  const noiseFile = noiseFileFor(options.knowledgeDir);
  const cache = options.cacheDir ? ExtractionCache.open(options.cacheDir, options.articlesDir, cacheKey(extractor.version, noiseFile)) : undefined;
  const files: FileState[] = [];
  const toExtract: WorkItem[] = [];
  let bytesRead = 0;
  candidates.forEach((candidate, i) => {
    const { relative, absolute } = candidate;
    if (candidate.skip !== undefined) files.push({ relative, skip: candidate.skip });
    else if (!articleFormat(relative)) {
      files.push({ relative, skip: `unknown extension ${JSON.stringify(path.extname(relative) || '(none)')} (read: .txt, .md, .html, .htm)` });
    } else {
      try {
        const bytes = readArticleBytes(absolute, maxBytes);
        bytesRead += bytes.length;
        const hash = sha256(bytes);
        const hit = cache?.get(relative, hash);
        if (hit) files.push({ relative, hash, cached: { article: hit.article, extraction: hit.extraction } });
        else {
          const work = { absolute, relative, bytes };
          files.push({ relative, hash, work });
          toExtract.push(work);
        }
      } catch (error) {
        if (error instanceof NotAnArticleError) files.push({ relative, skip: error.reason });
        else if ((error as NodeJS.ErrnoException).code) files.push({ relative, skip: errnoReason(error) });
        else throw error;
      }
    }
    options.onProgress?.('read', i + 1, candidates.length);
  });
  return { root: path.resolve(options.articlesDir), extractor, readOptions: { noise: loadNoiseRules(noiseFile) }, noiseFile, files, toExtract, cache, bytes: bytesRead, t0, builtAt: options.builtAt };
}

/** Puts outcomes in file order, applies the duplicate-id rule, stores new extractions in the cache, and builds the graph. */
function assemble(plan: ReadPlan, extracted: readonly FileOutcome[], workers: number, t1: number, t2: number, articlesDir: string): BuildCorpusGraphResult {
  const outcomeOf = new Map(plan.toExtract.map((work, i) => [work, extracted[i]]));
  const articles: Article[] = [];
  const extractions: ArticleExtraction[] = [];
  const skipped: SkippedFile[] = [];
  const byId = new Map<string, string>();
  for (const file of plan.files) {
    if ('skip' in file) {
      skipped.push({ file: file.relative, reason: file.skip });
      continue;
    }
    const id = articleId(file.relative);
    const first = byId.get(id);
    if (first !== undefined) {
      skipped.push({ file: file.relative, reason: `duplicate id "${id}" (already read from ${first})` });
      continue;
    }
    const outcome = 'cached' in file ? file.cached : outcomeOf.get(file.work)!;
    if ('skip' in outcome) {
      skipped.push({ file: file.relative, reason: outcome.skip });
      continue;
    }
    byId.set(id, file.relative);
    articles.push(outcome.article);
    extractions.push(outcome.extraction);
    if ('work' in file) plan.cache?.put(file.relative, { hash: file.hash, ...outcome });
  }
  if (articles.length === 0) {
    const why = skipped.length === 0 ? 'no files' : `${skipped.length} skipped: ${skipped.map((s) => `${s.file} (${s.reason})`).join('; ')}`;
    throw new CorpusFolderError(`${WHO}: articles folder ${articlesDir} has no articles (${why})`);
  }
  const corpus: Corpus = { dir: plan.root, articles, skipped };
  const meta: ArticleMeta[] = articles.map(articleMeta);
  const graph = buildGraph(extractions, { extractorVersion: plan.extractor.version, articles: meta, builtAt: plan.builtAt });
  graph.setAttribute('skipped', skipped);
  const t3 = performance.now();
  plan.cache?.save(new Set(plan.files.map((f) => f.relative)));
  const t4 = performance.now();

  const stats: BuildStats = {
    articlesRead: articles.length,
    articlesSkipped: skipped.length,
    sentences: articles.reduce((n, a) => n + a.sentences.length, 0),
    characters: articles.reduce((n, a) => n + a.text.length, 0),
    entities: graph.order,
    entitiesByType: countBy(graph.mapNodes((_, attrs) => attrs.type)),
    relations: graph.size,
    relationsByType: countBy(graph.mapEdges((_, attrs) => attrs.type)),
    claims: graph.reduceEdges((n, _, attrs) => n + attrs.claims.length, 0),
    bytes: plan.bytes,
    cache: { hits: plan.files.filter((f) => 'cached' in f).length, misses: plan.toExtract.length },
    workers,
    timings: { readMs: t1 - plan.t0, extractMs: t2 - t1, graphMs: t3 - t2, cacheMs: t4 - t3, totalMs: t4 - plan.t0 },
  };
  return { graph, corpus, extractions, stats };
}

/**
 * Reads every article of the folder and builds the knowledge graph on the
 * main thread. Throws when the folder is missing or holds no article; every
 * other problem skips the file with a reason in `corpus.skipped`.
 */
export function buildCorpusGraph(options: BuildCorpusGraphOptions): BuildCorpusGraphResult {
  if (typeof options.workers === 'number' && options.workers > 1) throw new Error(`${WHO}: buildCorpusGraph runs on one thread; use buildCorpusGraphAsync for workers: ${options.workers}`);
  const plan = readFolder(options);
  const t1 = performance.now();
  const extracted = plan.toExtract.map((work, i) => {
    const outcome = readAndExtract(work, plan.readOptions, plan.extractor);
    options.onProgress?.('extract', i + 1, plan.toExtract.length);
    return outcome;
  });
  return assemble(plan, extracted, 1, t1, performance.now(), options.articlesDir);
}

/**
 * buildCorpusGraph, with extraction on `workers` worker threads when there is
 * more than one article to extract. Same graph as buildCorpusGraph.
 */
export async function buildCorpusGraphAsync(options: BuildCorpusGraphOptions): Promise<BuildCorpusGraphResult> {
  if (options.workers !== 'auto' && (options.workers ?? 1) <= 1) return buildCorpusGraph({ ...options, workers: 1 });
  const plan = readFolder(options);
  const t1 = performance.now();
  const workers = options.workers === 'auto' ? defaultWorkers(plan.toExtract.length, availableParallelism()) : options.workers!;
  if (workers <= 1 || plan.toExtract.length <= 1) {
    const extracted = plan.toExtract.map((work) => readAndExtract(work, plan.readOptions, plan.extractor));
    return assemble(plan, extracted, 1, t1, performance.now(), options.articlesDir);
  }
  const extracted = await extractInPool(plan.toExtract, {
    workers,
    local: (work) => readAndExtract(work, plan.readOptions, plan.extractor),
    extractorVersion: plan.extractor.version,
    knowledgeDir: options.knowledgeDir,
    noiseFile: plan.noiseFile,
    onDone: (done, total) => options.onProgress?.('extract', done, total),
  });
  return assemble(plan, extracted, Math.min(workers, plan.toExtract.length), t1, performance.now(), options.articlesDir);
}

/**
 * Cores a one-thread build keeps busy besides its own: V8 compiles the hot
 * extraction code and collects garbage on background threads, and a build
 * in a fresh process used 1.45 CPU seconds per wall second (BENCHMARKS.md,
 * worker threads). Each worker thread has its own compiler work to do, so
 * the pool only gains where cores are left for it.
 */
export const BACKGROUND_CORES = 1;

/**
 * Worker threads for extracting `articles` articles on `cores` cores: 1 below
 * PARALLEL_MIN_ARTICLES or on 2 cores or fewer (where two threads measured
 * slower than one: 0.82× on 6 MB in fresh processes), else every core but
 * BACKGROUND_CORES.
 */
export function defaultWorkers(articles: number, cores: number): number {
  if (articles < PARALLEL_MIN_ARTICLES) return 1;
  const threads = cores - BACKGROUND_CORES;
  return threads >= 2 ? threads : 1;
}

/** Why a stored graph no longer matches its articles, or null when it is up to date. */
export function staleReason(graphAttributes: { extractorVersion?: string; articles?: ArticleMeta[]; skipped?: { file: string }[] } | null, articlesDir: string, extractorVersion: string): string | null {
  if (!graphAttributes) return 'no graph yet';
  if (graphAttributes.extractorVersion !== extractorVersion) return `extractor changed (${graphAttributes.extractorVersion ?? 'unknown'} → ${extractorVersion})`;
  const known = new Map((graphAttributes.articles ?? []).map((a) => [a.file, a.hash]));
  const skipped = new Set((graphAttributes.skipped ?? []).map((s) => s.file));
  // The files a build lists, by the same rules (hidden entries ignored, symlinked folders followed once).
  const files = listArticleFiles(articlesDir).map((candidate) => candidate.relative);
  for (const file of files) {
    if (skipped.has(file)) continue;
    const hash = known.get(file);
    if (hash === undefined) return `new article ${file}`;
    if (hash !== hashFile(path.join(articlesDir, file))) return `article changed: ${file}`;
  }
  const present = new Set(files);
  for (const file of known.keys()) if (!present.has(file)) return `article removed: ${file}`;
  return null;
}

function hashFile(file: string): string {
  try {
    return sha256(readFileSync(file));
  } catch {
    return '';
  }
}

/** Fewest changed articles an incremental build always takes on … */
export const INCREMENTAL_MIN_CHANGES = 64;
/** … and the share of the corpus above which a full build (with the extraction cache) is as quick. */
export const INCREMENTAL_MAX_SHARE = 0.05;

export interface BuildGraphFileOptions extends BuildCorpusGraphOptions {
  /** The graph file to write (graph.json). */
  out: string;
  /** Throw SkippedFilesError, writing nothing, when any file is skipped. Default false. */
  strict?: boolean;
  /** Patch the last build's graph file when few articles changed (needs cacheDir). Default true. */
  incremental?: boolean;
}

export interface GraphFileBuildResult {
  /** 'incremental': the last graph file patched; 'unchanged': nothing to do; 'full': built from every article. */
  mode: 'incremental' | 'unchanged' | 'full';
  /** Why the build was full (no index yet, too many changes …). */
  reason?: string;
  stats: BuildStats;
  skipped: SkippedFile[];
  /** How files were read when not as their bytes said (a legacy encoding guessed …), per article file. */
  notes: { file: string; note: string }[];
  /** The graph, after a full build (an incremental one never holds the whole graph). */
  graph?: NewsGraph;
}

/** --strict refused a build with skipped files; nothing was written. Exit code 2 on the command line. */
export class SkippedFilesError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly skipped: SkippedFile[],
    out: string,
  ) {
    super(`--strict: ${skipped.length} file(s) skipped; ${out} left as it was`);
    this.name = 'SkippedFilesError';
  }
}

/** The index key: the cache key (extractor, code) and the size limit, which decides what is skipped. */
function graphIndexKey(extractor: Extractor, options: BuildCorpusGraphOptions): string {
  return `${cacheKey(extractor.version, noiseFileFor(options.knowledgeDir))}|${options.maxBytes ?? DEFAULT_MAX_BYTES}`;
}

/**
 * Builds the graph of the articles folder and writes it to `out`: by
 * patching the last build's file when few articles were added, changed or
 * removed since (src/pipeline/incremental.ts: work in proportion to those
 * articles, the same file as a full build), else by building from every
 * article (extraction cache and workers as buildCorpusGraphAsync). The
 * file is written atomically; with `strict`, a skipped file stops the build
 * before anything is written.
 */
export async function buildGraphFile(options: BuildGraphFileOptions): Promise<GraphFileBuildResult> {
  const attempt = await tryIncrementalAsync(options);
  if ('result' in attempt) return attempt.result;
  return writeFullBuild(await buildCorpusGraphAsync(attempt.full.options), attempt.full);
}

/** buildGraphFile on the main thread only (a full build does not use workers). */
export function buildGraphFileSync(options: BuildGraphFileOptions): GraphFileBuildResult {
  const attempt = tryIncremental({ ...options, workers: 1 });
  if ('result' in attempt) return attempt.result;
  return writeFullBuild(buildCorpusGraph(attempt.full.options), attempt.full);
}

/** What a full build needs besides the graph: the options, the index to write, and the files' stamps taken before reading. */
interface FullBuildPlan {
  options: BuildGraphFileOptions & { extractor: Extractor };
  indexFile?: string;
  key: string;
  reason: string;
  stamps: Map<string, FileStamp>;
  t0: number;
}

/** The last build's index, valid for this build: where the incremental path starts. */
interface OpenIndex {
  index: GraphIndex;
  indexFile: string;
  options: BuildGraphFileOptions & { extractor: Extractor };
  key: string;
  t0: number;
}

/** The index to patch from, or the plan of a full build when there is none to trust. */
function openIncremental(options: BuildGraphFileOptions): { open: OpenIndex } | { full: FullBuildPlan } {
  const t0 = performance.now();
  const extractor = options.extractor ?? createExtractor({ knowledgeDir: options.knowledgeDir });
  const withExtractor = { ...options, extractor };
  const indexFile = options.cacheDir ? graphIndexFile(options.cacheDir, options.out) : undefined;
  const key = graphIndexKey(extractor, options);
  if (!indexFile) return fullBuildPlan(withExtractor, indexFile, key, 'no cache folder', t0);
  if (options.incremental === false) return fullBuildPlan(withExtractor, indexFile, key, 'incremental builds turned off', t0);
  const index = readGraphIndex(indexFile, { key, articlesDir: path.resolve(options.articlesDir), out: options.out });
  if ('reason' in index) return fullBuildPlan(withExtractor, indexFile, key, index.reason, t0);
  return { open: { index, indexFile, options: withExtractor, key, t0 } };
}

function fullBuildPlan(options: BuildGraphFileOptions & { extractor: Extractor }, indexFile: string | undefined, key: string, reason: string, t0: number): { full: FullBuildPlan } {
  // Stamped before reading: a file edited during the build then differs from its stamp next time.
  const stamps = new Map<string, FileStamp>();
  for (const candidate of listArticleFiles(options.articlesDir)) {
    const stamp = candidate.skip === undefined ? stampOf(candidate.absolute) : undefined;
    if (stamp) stamps.set(candidate.relative, stamp);
  }
  return { full: { options, indexFile, key, reason, stamps, t0 } };
}

/** The incremental build when it can be done, else the plan of the full one (buildGraphFileSync: every step on this thread). */
function tryIncremental(options: BuildGraphFileOptions): { result: GraphFileBuildResult } | { full: FullBuildPlan } {
  const opened = openIncremental(options);
  if ('full' in opened) return opened;
  const { open } = opened;
  const found = changesAndExtractions(open);
  if (!('changes' in found)) return settled(open, found);
  const patched = patchedGraph(open, found, readFileSync(options.out));
  if ('fallback' in patched) return fullBuildPlan(open.options, open.indexFile, open.key, patched.fallback, open.t0);
  writeGraphFile(options.out, patched.layout);
  const t4 = performance.now();
  writeGraphIndex(open.indexFile, patched.index, options.out);
  return { result: incrementalResult(open, found, patched, t4) };
}

/**
 * tryIncremental with the file work on libuv's thread pool (buildGraphFile):
 * the last graph.json is read while the folder is listed and the new articles
 * extracted, and the new one written while the index is encoded. At 10 000
 * articles each of those files takes ~0.1 s of the rebuild on its own
 * (BENCHMARKS.md, incremental rebuild).
 */
async function tryIncrementalAsync(options: BuildGraphFileOptions): Promise<{ result: GraphFileBuildResult } | { full: FullBuildPlan }> {
  const opened = openIncremental(options);
  if ('full' in opened) return opened;
  const { open } = opened;
  // Read whatever comes next: an unchanged folder or a fallback simply drops it.
  const lastGraph = readFileInBackground(options.out);
  const found = changesAndExtractions(open);
  if (!('changes' in found)) return settled(open, found);
  let bytes: Buffer;
  try {
    bytes = await lastGraph;
  } catch (error) {
    return fullBuildPlan(open.options, open.indexFile, open.key, `${options.out} could not be read (${(error as Error).message})`, open.t0);
  }
  const patched = patchedGraph(open, found, bytes);
  if ('fallback' in patched) return fullBuildPlan(open.options, open.indexFile, open.key, patched.fallback, open.t0);
  const written = writeFileAtomicInBackground(options.out, patched.layout.pieces);
  const indexBody = encodeGraphIndexBody(patched.index);
  await written;
  const t4 = performance.now();
  writeEncodedGraphIndex(open.indexFile, indexBody, options.out);
  return { result: incrementalResult(open, found, patched, t4) };
}

/** An incremental attempt that ended before the patch: nothing to do, or the reason to build in full. */
function settled(open: OpenIndex, found: { result: GraphFileBuildResult } | { fallback: string }): { result: GraphFileBuildResult } | { full: FullBuildPlan } {
  if ('result' in found) return found;
  return fullBuildPlan(open.options, open.indexFile, open.key, found.fallback, open.t0);
}

function readAndHash(maxBytes: number) {
  return (absolute: string) => {
    const bytes = readArticleBytes(absolute, maxBytes);
    return { bytes, hash: sha256(bytes) };
  };
}

/** What the folder holds against the index, with the new and changed articles extracted. */
interface FoundChanges {
  changes: FolderChanges;
  extracted: Map<string, Extracted>;
  /** When the listing ended and when the extraction did. */
  t1: number;
  t2: number;
}

/** The folder's changes since the index and their extractions; or the result when nothing changed; or the reason to build in full. */
function changesAndExtractions(open: OpenIndex): FoundChanges | { result: GraphFileBuildResult } | { fallback: string } {
  const { index, indexFile, options, t0 } = open;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const candidates = listArticleFiles(options.articlesDir);
  const maxChanges = Math.max(INCREMENTAL_MIN_CHANGES, Math.ceil(INCREMENTAL_MAX_SHARE * index.articles.length));
  const changes = folderChanges(index, candidates, readAndHash(maxBytes), maxChanges);
  if (!changes) return { fallback: `more than ${maxChanges} articles changed` };
  const sameSkips = (a: readonly SkippedFile[], b: readonly SkippedFile[]) => a.length === b.length && a.every((s, i) => s.file === b[i].file && s.reason === b[i].reason);
  const listedSkips = changes.listed.flatMap((entry) => ('skip' in entry ? [{ file: entry.file, reason: entry.skip }] : []));
  if (changes.toExtract.length === 0 && changes.dropped.length === 0 && sameSkips(listedSkips, index.skipped)) {
    if (options.strict && listedSkips.length) throw new SkippedFilesError(listedSkips, options.out);
    if (changes.restamped > 0) {
      const articles = changes.listed.flatMap((entry) => ('kept' in entry ? [entry.kept] : []));
      const skipped = changes.listed.flatMap((entry) => ('skip' in entry ? [{ file: entry.file, reason: entry.skip, ...entry.stamp }] : []));
      const { graphFile: _graphFile, ...rest } = index;
      writeGraphIndex(indexFile, { ...rest, articles, skipped }, options.out);
    }
    return { result: unchangedResult(index, changes, listedSkips, t0) };
  }
  const t1 = performance.now();
  const readOptions = { noise: loadNoiseRules(noiseFileFor(options.knowledgeDir)) };
  const extracted = new Map<string, Extracted>();
  changes.toExtract.forEach((entry, i) => {
    extracted.set(entry.file, readAndExtract({ absolute: entry.fresh.absolute, relative: entry.file, bytes: entry.fresh.bytes }, readOptions, options.extractor));
    options.onProgress?.('extract', i + 1, changes.toExtract.length);
  });
  return { changes, extracted, t1, t2: performance.now() };
}

/** The patch of the last graph file (`bytes`), or the reason to build in full. */
function patchedGraph(open: OpenIndex, found: FoundChanges, bytes: Buffer): (PatchResult & { t3: number }) | { fallback: string } {
  const { index, options } = open;
  if (bytes.length !== index.graphFile.size) return { fallback: `${options.out} changed while it was read` };
  const patched = patchGraph(index, bytes, found.changes, found.extracted, options.builtAt ?? new Date().toISOString());
  if ('reason' in patched) return { fallback: patched.reason };
  if (options.strict && patched.skipped.length) throw new SkippedFilesError(patched.skipped, options.out);
  return { ...patched, t3: performance.now() };
}

/** After graph.json (written at t4) and the index: the cache entries of the new extractions, and the result. */
function incrementalResult(open: OpenIndex, found: FoundChanges, patched: PatchResult & { t3: number }, t4: number): GraphFileBuildResult {
  const { options, t0 } = open;
  const { changes, extracted, t1, t2 } = found;
  if (options.cacheDir) {
    const cache = ExtractionCache.openForAppend(options.cacheDir, options.articlesDir, cacheKey(options.extractor.version, noiseFileFor(options.knowledgeDir)));
    for (const entry of changes.toExtract) {
      const outcome = extracted.get(entry.file)!;
      if ('article' in outcome) cache.put(entry.file, { hash: entry.fresh.hash, ...outcome });
    }
    cache.save(new Set());
  }
  const t5 = performance.now();
  const stats = indexStats(patched.index, changes, 1, { readMs: t1 - t0, extractMs: t2 - t1, graphMs: patched.t3 - t2, cacheMs: t5 - t4, writeMs: t4 - patched.t3, totalMs: t5 - t0 });
  return { mode: 'incremental', stats, skipped: patched.skipped, notes: notesOf(patched.articles) };
}

function notesOf(articles: readonly { file: string; notes: string[] }[]): { file: string; note: string }[] {
  return articles.flatMap((a) => a.notes.map((note) => ({ file: a.file, note })));
}

function unchangedResult(index: GraphIndex, changes: FolderChanges, skipped: SkippedFile[], t0: number): GraphFileBuildResult {
  const t1 = performance.now();
  const stats = indexStats(index, changes, 0, { readMs: t1 - t0, extractMs: 0, graphMs: 0, cacheMs: 0, writeMs: 0, totalMs: t1 - t0 });
  return { mode: 'unchanged', stats, skipped, notes: notesOf(index.articles) };
}

/** BuildStats of a graph file from its index. */
function indexStats(index: Omit<GraphIndex, 'graphFile'>, changes: FolderChanges, workers: number, timings: BuildStats['timings']): BuildStats {
  return {
    articlesRead: index.articles.length,
    articlesSkipped: index.skipped.length,
    sentences: index.articles.reduce((n, a) => n + a.meta.sentences, 0),
    characters: index.articles.reduce((n, a) => n + a.characters, 0),
    entities: index.nodeOrder.length,
    entitiesByType: countBy(index.nodeOrder.map((n) => index.nodes[n].type)),
    relations: index.edgeOrder.length,
    relationsByType: countBy(index.edgeOrder.map((e) => index.edges[e].type)),
    claims: index.edgeOrder.reduce((n, e) => n + index.edges[e].claims, 0),
    bytes: changes.bytes,
    cache: { hits: index.articles.length - changes.toExtract.length, misses: changes.toExtract.length },
    workers,
    timings,
  };
}

/** The full path of buildGraphFile, after the build: the file, its index, the result. */
function writeFullBuild(result: BuildCorpusGraphResult, plan: FullBuildPlan): GraphFileBuildResult {
  const { options, indexFile } = plan;
  if (options.strict && result.corpus.skipped.length) throw new SkippedFilesError(result.corpus.skipped, options.out);
  const t1 = performance.now();
  const layout = layoutGraph(result.graph);
  writeGraphFile(options.out, layout);
  const t2 = performance.now();
  if (indexFile) {
    const indexed = indexFullBuild(
      {
        graph: result.graph,
        articles: result.corpus.articles,
        extractions: result.extractions,
        skipped: result.corpus.skipped,
        stamps: plan.stamps,
        key: plan.key,
        articlesDir: path.resolve(options.articlesDir),
        extractorVersion: options.extractor.version,
      },
      layout,
    );
    if ('index' in indexed) writeGraphIndex(indexFile, indexed.index, options.out);
    else removeGraphIndex(indexFile);
  }
  const t3 = performance.now();
  const stats: BuildStats = { ...result.stats, timings: { ...result.stats.timings, writeMs: t2 - t1, cacheMs: result.stats.timings.cacheMs + (t3 - t2), totalMs: t3 - plan.t0 } };
  return { mode: 'full', reason: plan.reason, stats, skipped: result.corpus.skipped, notes: notesOf(result.corpus.articles), graph: result.graph };
}
