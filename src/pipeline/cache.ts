/**
 * Extraction cache
 * ================
 *
 * What one article gave, kept between builds so an unchanged article is
 * neither cleaned, segmented nor extracted again: its Article and its
 * ArticleExtraction, keyed by the file's path, the SHA-256 of its bytes and
 * the cache key (extractor version + fingerprint of the corpus and extract
 * code and of the corpus rules, see cacheKey in pipeline.ts).
 *
 * Layout, per articles folder (`<cacheDir>/<sha of the folder path>/`):
 *
 * - `pack.json`: every article of the last full write, in one file — one
 *   read instead of ten thousand on a large corpus;
 * - `loose/<sha of the path>.json`: articles extracted since, one file each,
 *   so adding one article writes one small file instead of the whole pack.
 *
 * When the loose entries grow past LOOSE_COMPACT_SHARE of the pack (or
 * LOOSE_COMPACT_MIN), the next save folds them into a new pack. Every file is
 * written atomically; an unreadable or foreign file is ignored (the article is
 * extracted again), never an error. Entries are packed with codec.ts; the
 * sentence texts and claim quotes, copies of the article text, are stored as
 * references and restored on load.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../corpus';
import type { ArticleExtraction } from '../extract';
import { writeFileAtomic } from '../graph';
import { packValue, unpackValue } from './codec';

/** Format of the cache files; bump when their layout changes. */
export const CACHE_FORMAT = 1;
/** Loose entries are folded into the pack once they are this share of it … */
export const LOOSE_COMPACT_SHARE = 0.1;
/** … and at least this many. */
export const LOOSE_COMPACT_MIN = 64;
/** Articles folders cached at most; the least recently built ones go first (tests build many temporary folders). */
export const MAX_CACHED_FOLDERS = 32;
/** Folder of the cache root holding the graph indexes (src/pipeline/incremental.ts), never pruned as an articles folder. */
export const GRAPH_INDEX_FOLDER = 'graphs';
/** Stands for "the text of the sentence" in a stored sentence or claim quote. */
const SAME_AS_SENTENCE = 0;

/** One article as cached. */
export interface CachedArticle {
  /** SHA-256 (hex) of the file's bytes. */
  hash: string;
  article: Article;
  extraction: ArticleExtraction;
}

interface StoredFile {
  format: number;
  key: string;
  entries: Record<string, unknown>;
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Replaces the copies of sentence texts by references before packing. */
function toStored(entry: CachedArticle): unknown {
  const { article, extraction } = entry;
  const sentences = article.sentences.map((s) => (s.text === article.text.slice(s.start, s.end) ? { ...s, text: SAME_AS_SENTENCE } : s));
  const relations = extraction.relations.map((r) =>
    r.claim.quote === article.sentences[r.claim.sentence]?.text ? { ...r, claim: { ...r.claim, quote: SAME_AS_SENTENCE } } : r,
  );
  return packValue({ hash: entry.hash, article: { ...article, sentences }, extraction: { ...extraction, relations } });
}

function fromStored(stored: unknown): CachedArticle {
  const entry = unpackValue(stored as never) as CachedArticle;
  const { article, extraction } = entry;
  for (const s of article.sentences) if ((s.text as unknown) === SAME_AS_SENTENCE) s.text = article.text.slice(s.start, s.end);
  for (const r of extraction.relations) if ((r.claim.quote as unknown) === SAME_AS_SENTENCE) r.claim.quote = article.sentences[r.claim.sentence].text;
  return entry;
}

function readStored(file: string, key: string): Record<string, unknown> {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredFile;
    return stored.format === CACHE_FORMAT && stored.key === key && stored.entries ? stored.entries : {};
  } catch {
    return {}; // missing, truncated or foreign: those articles are extracted again
  }
}

function storedFile(key: string, entries: Record<string, unknown>): string {
  return JSON.stringify({ format: CACHE_FORMAT, key, entries } satisfies StoredFile);
}

/** The cache of one articles folder for one cache key. */
export class ExtractionCache {
  private readonly folder: string;
  private readonly looseFolder: string;
  /** Stored (packed) entries by relative path: pack first, loose entries over it. */
  private readonly stored = new Map<string, unknown>();
  private readonly fresh = new Map<string, CachedArticle>();
  private packSize = 0;
  private articlesDir = '';
  private looseCount = 0;
  /** Opened without its pack (openForAppend): save() only ever adds loose entries. */
  private appendOnly = false;

  private constructor(
    cacheDir: string,
    articlesDir: string,
    private readonly key: string,
  ) {
    this.folder = path.join(cacheDir, sha(path.resolve(articlesDir)).slice(0, 16));
    this.looseFolder = path.join(this.folder, 'loose');
  }

  /**
   * Drops the caches of articles folders that no longer exist, then the least
   * recently built beyond MAX_CACHED_FOLDERS. Never fails a build.
   */
  private prune(): void {
    try {
      const root = path.dirname(this.folder);
      const folders = readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== GRAPH_INDEX_FOLDER && path.join(root, entry.name) !== this.folder)
        .map((entry) => path.join(root, entry.name));
      const alive: { folder: string; used: number }[] = [];
      for (const folder of folders) {
        let source: string | undefined;
        try {
          source = (JSON.parse(readFileSync(path.join(folder, 'source.json'), 'utf8')) as { articlesDir?: string }).articlesDir;
        } catch {
          /* older or foreign folder: kept, and counted */
        }
        if (source !== undefined && !existsSync(source)) rmSync(folder, { recursive: true, force: true });
        else alive.push({ folder, used: statSync(folder).mtimeMs });
      }
      alive.sort((a, b) => b.used - a.used);
      for (const { folder } of alive.slice(MAX_CACHED_FOLDERS - 1)) rmSync(folder, { recursive: true, force: true });
    } catch {
      /* pruning is housekeeping */
    }
  }

  /** Opens (reads) the cache of `articlesDir`; a missing cache is an empty one. */
  static open(cacheDir: string, articlesDir: string, key: string): ExtractionCache {
    const cache = new ExtractionCache(cacheDir, articlesDir, key);
    cache.articlesDir = path.resolve(articlesDir);
    const pack = readStored(path.join(cache.folder, 'pack.json'), key);
    for (const [file, entry] of Object.entries(pack)) cache.stored.set(file, entry);
    cache.packSize = cache.stored.size;
    let loose: string[] = [];
    try {
      loose = readdirSync(cache.looseFolder).filter((f) => f.endsWith('.json'));
    } catch {
      /* no loose entries yet */
    }
    for (const name of loose) {
      for (const [file, entry] of Object.entries(readStored(path.join(cache.looseFolder, name), key))) cache.stored.set(file, entry);
    }
    cache.looseCount = loose.length;
    return cache;
  }

  /**
   * Opens the cache of `articlesDir` to add entries only, without reading its
   * pack (hundreds of megabytes on a large corpus): get() finds nothing, and
   * save() writes loose entries, folded into the pack by the next full save.
   */
  static openForAppend(cacheDir: string, articlesDir: string, key: string): ExtractionCache {
    const cache = new ExtractionCache(cacheDir, articlesDir, key);
    cache.articlesDir = path.resolve(articlesDir);
    cache.appendOnly = true;
    return cache;
  }

  /** The cached article of `file` when its bytes still hash to `hash`. */
  get(file: string, hash: string): CachedArticle | undefined {
    const stored = this.stored.get(file) as { hash?: string } | undefined;
    if (!stored || stored.hash !== hash) return undefined;
    try {
      return fromStored(stored);
    } catch {
      return undefined; // damaged entry: extracted again
    }
  }

  /** Records a freshly extracted article, written by save(). */
  put(file: string, entry: CachedArticle): void {
    this.fresh.set(file, entry);
  }

  /**
   * Writes what put() recorded: as loose entries while they stay few, else
   * one new pack of the articles in `present` (stale entries dropped).
   */
  save(present: ReadonlySet<string>): void {
    if (this.fresh.size === 0) {
      try {
        const now = new Date();
        utimesSync(this.folder, now, now); // marks the folder as recently used, for prune()
      } catch {
        /* nothing cached for this folder yet */
      }
      return;
    }
    const created = !existsSync(this.folder);
    mkdirSync(this.folder, { recursive: true });
    if (created) {
      writeFileAtomic(path.join(this.folder, 'source.json'), JSON.stringify({ articlesDir: this.articlesDir }));
      this.prune();
    }
    const looseAfter = this.looseCount + this.fresh.size;
    if (this.appendOnly || looseAfter < Math.max(LOOSE_COMPACT_MIN, LOOSE_COMPACT_SHARE * this.packSize)) {
      mkdirSync(this.looseFolder, { recursive: true });
      for (const [file, entry] of this.fresh) {
        writeFileAtomic(path.join(this.looseFolder, `${sha(file).slice(0, 32)}.json`), storedFile(this.key, { [file]: toStored(entry) }));
      }
      return;
    }
    const entries: Record<string, unknown> = {};
    for (const file of [...present].sort()) {
      const fresh = this.fresh.get(file);
      const stored = fresh ? toStored(fresh) : this.stored.get(file);
      if (stored !== undefined) entries[file] = stored;
    }
    writeFileAtomic(path.join(this.folder, 'pack.json'), storedFile(this.key, entries));
    rmSync(this.looseFolder, { recursive: true, force: true });
  }
}
