/**
 * The articles folder → Corpus. Every file is listed (recursively, sorted by
 * path), then read, decoded, cleaned and segmented; a file that cannot be an
 * article is skipped with a reason that names the problem, and the rest of
 * the corpus still loads.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ReadArticleOptions } from './article';
import { articleFormat, articleId, NotAnArticleError, readArticle } from './article';
import type { ArticleCandidate } from './files';
import { CorpusFolderError, errnoReason, listArticleFiles, readArticleBytes } from './files';
import { DEFAULT_NOISE_FILE, loadNoiseRules } from './noise';
import type { Article, Corpus, LoadCorpusOptions, SkippedFile } from './types';

/** Files larger than this are skipped unless `maxBytes` says otherwise. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const WHO = 'newsgraph build-graph';

/**
 * Loads every article (.txt, .md, .html, .htm) of a folder. Throws when the
 * folder is missing, is not a folder, or holds no readable article; every
 * other problem skips the file with a reason in `corpus.skipped`.
 */
export function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Corpus {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(maxBytes > 0)) throw new Error(`${WHO}: loadCorpus: maxBytes must be a positive number of bytes, got ${maxBytes}`);

  // A knowledge folder without its own noise rules uses the project's.
  const ownNoise = options.knowledgeDir ? path.join(options.knowledgeDir, 'noise.json') : undefined;
  const noiseFile = ownNoise && existsSync(ownNoise) ? ownNoise : DEFAULT_NOISE_FILE;
  const readOptions: ReadArticleOptions = { noise: options.noise ?? loadNoiseRules(noiseFile), detectLanguage: options.detectLanguage };

  const candidates = listArticleFiles(dir);
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  const byId = new Map<string, string>();
  candidates.forEach((candidate, i) => {
    const reason = candidate.skip ?? readCandidate(candidate, maxBytes, readOptions, byId, articles);
    if (reason !== undefined) skipped.push({ file: candidate.relative, reason });
    options.onProgress?.(i + 1, candidates.length, candidate.relative);
  });
  if (articles.length === 0) {
    const why = skipped.length === 0 ? 'no files' : `${skipped.length} skipped: ${skipped.map((s) => `${s.file} (${s.reason})`).join('; ')}`;
    throw new CorpusFolderError(`${WHO}: articles folder ${dir} has no articles (${why})`);
  }
  return { dir: path.resolve(dir), articles, skipped };
}

/** Reads one listed file into `articles`; returns the reason when it is skipped. */
function readCandidate(
  candidate: ArticleCandidate,
  maxBytes: number,
  options: ReadArticleOptions,
  byId: Map<string, string>,
  articles: Article[],
): string | undefined {
  if (!articleFormat(candidate.relative)) {
    return `unknown extension ${JSON.stringify(path.extname(candidate.relative) || '(none)')} (read: .txt, .md, .html, .htm)`;
  }
  const id = articleId(candidate.relative);
  const first = byId.get(id);
  if (first !== undefined) return `duplicate id "${id}" (already read from ${first})`;
  try {
    const bytes = readArticleBytes(candidate.absolute, maxBytes);
    const article = readArticle(candidate.absolute, bytes, { ...options, relativePath: candidate.relative });
    byId.set(id, candidate.relative);
    articles.push(article);
    return undefined;
  } catch (error) {
    if (error instanceof NotAnArticleError) return error.reason;
    if ((error as NodeJS.ErrnoException).code) return errnoReason(error);
    throw error;
  }
}
