/**
 * The whole pipeline, top-down: load → clean → segment (corpus) → mentions →
 * resolve → relations → claims (extract) → graph (build, merge).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Corpus, LoadCorpusOptions } from './corpus';
import { loadCorpus } from './corpus';
import type { ArticleExtraction, Extractor } from './extract';
import { createExtractor } from './extract';
import type { NewsGraph } from './graph';
import { buildGraph } from './graph';
import type { ArticleMeta, EntityType, RelationType } from './ontology';

export interface BuildCorpusGraphOptions {
  /** Folder of articles (.txt, .md, .html). */
  articlesDir: string;
  /** Folder of knowledge files. Default graph-data/knowledge. */
  knowledgeDir?: string;
  /** An extractor already built (saves reloading the knowledge base). */
  extractor?: Extractor;
  /** Called after each article is read, then after each is extracted. */
  onProgress?: (phase: 'read' | 'extract', done: number, total: number) => void;
  /** Passed to loadCorpus. */
  maxBytes?: LoadCorpusOptions['maxBytes'];
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
  /** Wall-clock milliseconds of each phase. */
  timings: { readMs: number; extractMs: number; graphMs: number; totalMs: number };
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

/** Reads every article of the folder and builds the knowledge graph. Throws when the folder is missing or holds no article. */
export function buildCorpusGraph(options: BuildCorpusGraphOptions): BuildCorpusGraphResult {
  const t0 = performance.now();
  const corpus = loadCorpus(options.articlesDir, {
    maxBytes: options.maxBytes,
    onProgress: options.onProgress ? (done, total) => options.onProgress!('read', done, total) : undefined,
  });
  const t1 = performance.now();
  const extractor = options.extractor ?? createExtractor({ knowledgeDir: options.knowledgeDir });
  const extractions = corpus.articles.map((article, i) => {
    const extraction = extractor.extract(article);
    options.onProgress?.('extract', i + 1, corpus.articles.length);
    return extraction;
  });
  const t2 = performance.now();
  const articles: ArticleMeta[] = corpus.articles.map((a) => ({
    id: a.id,
    title: a.title,
    date: a.date,
    url: a.url,
    file: a.file,
    sentences: a.sentences.length,
    hash: a.hash,
  }));
  const graph = buildGraph(extractions, { extractorVersion: extractor.version, articles });
  graph.setAttribute('skipped', corpus.skipped);
  const t3 = performance.now();

  const stats: BuildStats = {
    articlesRead: corpus.articles.length,
    articlesSkipped: corpus.skipped.length,
    sentences: corpus.articles.reduce((n, a) => n + a.sentences.length, 0),
    characters: corpus.articles.reduce((n, a) => n + a.text.length, 0),
    entities: graph.order,
    entitiesByType: countBy(graph.mapNodes((_, attrs) => attrs.type)),
    relations: graph.size,
    relationsByType: countBy(graph.mapEdges((_, attrs) => attrs.type)),
    claims: graph.reduceEdges((n, _, attrs) => n + attrs.claims.length, 0),
    timings: { readMs: t1 - t0, extractMs: t2 - t1, graphMs: t3 - t2, totalMs: t3 - t0 },
  };
  return { graph, corpus, extractions, stats };
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
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return '';
  }
}
