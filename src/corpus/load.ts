/**
 * The articles folder → Corpus. Every file is listed (recursively, sorted by
 * path), then read, decoded, cleaned and segmented; a file that cannot be an
 * article is skipped with a reason that names the problem, and the rest of
 * the corpus still loads.
 */
import type { Dirent, Stats } from 'node:fs';
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ReadArticleOptions } from './article';
import { articleFormat, articleId, NotAnArticleError, readArticle } from './article';
import { DEFAULT_NOISE_FILE, loadNoiseRules } from './noise';
import type { Article, Corpus, LoadCorpusOptions, SkippedFile } from './types';

/**
 * The articles folder itself is unusable (missing, not a folder, no article):
 * an input error, exit code 2 on the command line (the `exitCode` convention
 * of scripts/lib/cli.ts), not a bug.
 */
export class CorpusFolderError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'CorpusFolderError';
  }
}

/** Files larger than this are skipped unless `maxBytes` says otherwise. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const WHO = 'newsgraph build-graph';
const MIB = 1024 * 1024;

/** A file found in the folder, before it is read. */
interface Candidate {
  /** Absolute path. */
  absolute: string;
  /** Path relative to the articles folder, with forward slashes. */
  relative: string;
  /** Set when the file is already known to be skipped. */
  skip?: string;
}

function formatBytes(n: number): string {
  return n >= MIB ? `${(n / MIB).toFixed(n % MIB === 0 ? 0 : 1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} bytes`;
}

function errnoReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return `unreadable (permission denied: ${e.code})`;
    case 'ELOOP':
      return 'symlink loop (ELOOP)';
    case 'ENOENT':
      return 'broken symlink or vanished file (ENOENT)';
    case 'EISDIR':
      return 'a folder, not a file (EISDIR)';
    default:
      return `unreadable (${e.code ?? e.message})`;
  }
}

/** Lists the files of the folder, recursively, sorted by relative path. Hidden entries (.git, .DS_Store) are ignored. */
function listFiles(root: string): Candidate[] {
  const out: Candidate[] = [];
  const visited = new Set<string>([realpathSync(root)]);
  const walk = (dir: string, rel: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      out.push({ absolute: dir, relative: rel || '.', skip: `folder ${errnoReason(error)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(dir, entry.name);
      const relative = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        let target: Stats;
        try {
          target = statSync(absolute);
        } catch (error) {
          out.push({ absolute, relative, skip: errnoReason(error) });
          continue;
        }
        if (target.isDirectory()) {
          const real = realpathSync(absolute);
          if (visited.has(real)) out.push({ absolute, relative, skip: 'symlink loop (links back to a folder already read)' });
          else {
            visited.add(real);
            walk(absolute, relative);
          }
          continue;
        }
        out.push({ absolute, relative });
      } else if (entry.isDirectory()) {
        walk(absolute, relative);
      } else if (entry.isFile()) {
        out.push({ absolute, relative });
      } else {
        out.push({ absolute, relative, skip: 'not a regular file (device, socket or pipe)' });
      }
    }
  };
  walk(root, '');
  return out.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/**
 * Reads a file in one go after checking its size on the open descriptor, so
 * a file over the limit is never loaded into memory.
 */
function readBounded(file: string, maxBytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new NotAnArticleError('a folder, not a file');
    if (stats.size > maxBytes) throw new NotAnArticleError(`too large (${formatBytes(stats.size)}; limit ${formatBytes(maxBytes)})`);
    const buffer = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, buffer, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Loads every article (.txt, .md, .html, .htm) of a folder. Throws when the
 * folder is missing, is not a folder, or holds no readable article; every
 * other problem skips the file with a reason in `corpus.skipped`.
 */
export function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Corpus {
  const root = path.resolve(dir);
  let rootStats: Stats;
  try {
    rootStats = statSync(root);
  } catch {
    throw new CorpusFolderError(`${WHO}: articles folder ${dir} does not exist`);
  }
  if (!rootStats.isDirectory()) throw new CorpusFolderError(`${WHO}: articles folder ${dir} is not a folder`);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(maxBytes > 0)) throw new Error(`${WHO}: loadCorpus: maxBytes must be a positive number of bytes, got ${maxBytes}`);

  // A knowledge folder without its own noise rules uses the project's.
  const ownNoise = options.knowledgeDir ? path.join(options.knowledgeDir, 'noise.json') : undefined;
  const noiseFile = ownNoise && existsSync(ownNoise) ? ownNoise : DEFAULT_NOISE_FILE;
  const readOptions: ReadArticleOptions = { noise: options.noise ?? loadNoiseRules(noiseFile), detectLanguage: options.detectLanguage };

  const candidates = listFiles(root);
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
  return { dir: root, articles, skipped };
}

/** Reads one listed file into `articles`; returns the reason when it is skipped. */
function readCandidate(
  candidate: Candidate,
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
    // lstat first: a symlink loop on the file itself is reported as such, not as a missing file.
    lstatSync(candidate.absolute);
    const bytes = readBounded(candidate.absolute, maxBytes);
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
