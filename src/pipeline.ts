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
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Article, Corpus, LoadCorpusOptions, ReadArticleOptions, SkippedFile } from './corpus';
import { articleFormat, articleId, DEFAULT_ABBREVIATIONS_FILE, DEFAULT_MAX_BYTES, DEFAULT_NOISE_FILE, loadNoiseRules, NotAnArticleError } from './corpus';
import type { ArticleExtraction, Extractor } from './extract';
import { createExtractor } from './extract';
import type { NewsGraph } from './graph';
import { buildGraph } from './graph';
import type { ArticleMeta, EntityType, RelationType } from './ontology';
import { ExtractionCache } from './pipeline/cache';
import { ArticlesFolderError, errnoReason, listArticleCandidates, readArticleBytes } from './pipeline/files';

export { ArticlesFolderError } from './pipeline/files';
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
  /** Wall-clock milliseconds: list + read + hash + cache load, clean + extract, graph, cache write, total. */
  timings: { readMs: number; extractMs: number; graphMs: number; cacheMs: number; totalMs: number };
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
  const candidates = listArticleCandidates(options.articlesDir);
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
  return { root: path.resolve(options.articlesDir), extractor, readOptions: { noise: loadNoiseRules(noiseFile) }, noiseFile, files, toExtract, cache, bytes: bytesRead, t0 };
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
    throw new ArticlesFolderError(`${WHO}: articles folder ${articlesDir} has no articles (${why})`);
  }
  const corpus: Corpus = { dir: plan.root, articles, skipped };
  const meta: ArticleMeta[] = articles.map((a) => ({ id: a.id, title: a.title, date: a.date, url: a.url, file: a.file, sentences: a.sentences.length, hash: a.hash }));
  const graph = buildGraph(extractions, { extractorVersion: plan.extractor.version, articles: meta });
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

/** Worker threads for extracting `articles` articles on `cores` cores: 1 below PARALLEL_MIN_ARTICLES, else every core. */
export function defaultWorkers(articles: number, cores: number): number {
  return articles < PARALLEL_MIN_ARTICLES ? 1 : Math.max(1, cores);
}

/** Why a stored graph no longer matches its articles, or null when it is up to date. */
export function staleReason(graphAttributes: { extractorVersion?: string; articles?: ArticleMeta[]; skipped?: { file: string }[] } | null, articlesDir: string, extractorVersion: string): string | null {
  if (!graphAttributes) return 'no graph yet';
  if (graphAttributes.extractorVersion !== extractorVersion) return `extractor changed (${graphAttributes.extractorVersion ?? 'unknown'} → ${extractorVersion})`;
  const known = new Map((graphAttributes.articles ?? []).map((a) => [a.file, a.hash]));
  const skipped = new Set((graphAttributes.skipped ?? []).map((s) => s.file));
  const files = listArticleFiles(articlesDir);
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

function listArticleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? path.join(sub, entry.name) : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (!entry.name.startsWith('.')) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

function hashFile(file: string): string {
  try {
    return sha256(readFileSync(file));
  } catch {
    return '';
  }
}
