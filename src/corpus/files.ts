/**
 * The articles folder → the files to read, and their bytes: the listing and
 * bounded reading that loadCorpus (bytes → Article in one go) and the
 * incremental build (which hashes each file's bytes before deciding whether
 * to clean, segment and extract it) share.
 */
import type { Dirent, Stats } from 'node:fs';
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { NotAnArticleError } from './article';

const WHO = 'newsgraph build-graph';
const MIB = 1024 * 1024;

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

/** A file found in the folder, before it is read. */
export interface ArticleCandidate {
  /** Absolute path. */
  absolute: string;
  /** Path relative to the articles folder, with forward slashes. */
  relative: string;
  /** Set when the file is already known to be skipped, with the reason. */
  skip?: string;
}

export function formatBytes(n: number): string {
  return n >= MIB ? `${(n / MIB).toFixed(n % MIB === 0 ? 0 : 1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} bytes`;
}

/** The skip reason of a file-system error, worded as loadCorpus words it. */
export function errnoReason(error: unknown): string {
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

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every file of the folder, recursively, sorted by relative path; hidden
 * entries (.git, .DS_Store) are ignored, a symlinked folder is followed once,
 * and what cannot be listed or read is a candidate with its skip reason.
 * Throws CorpusFolderError when the folder is missing or not a folder.
 */
export function listArticleFiles(dir: string): ArticleCandidate[] {
  const root = path.resolve(dir);
  let rootStats: Stats;
  try {
    rootStats = statSync(root);
  } catch {
    throw new CorpusFolderError(`${WHO}: articles folder ${dir} does not exist`);
  }
  if (!rootStats.isDirectory()) throw new CorpusFolderError(`${WHO}: articles folder ${dir} is not a folder`);
  const out: ArticleCandidate[] = [];
  const visited = new Set<string>([realpathSync(root)]);
  const walk = (folder: string, rel: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      out.push({ absolute: folder, relative: rel || '.', skip: `folder ${errnoReason(error)}` });
      return;
    }
    entries.sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(folder, entry.name);
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
      } else if (entry.isDirectory()) walk(absolute, relative);
      else if (entry.isFile()) out.push({ absolute, relative });
      else out.push({ absolute, relative, skip: 'not a regular file (device, socket or pipe)' });
    }
  };
  walk(root, '');
  return out.sort((a, b) => byName(a.relative, b.relative));
}

/**
 * Reads a file in one go after checking its size on the open descriptor, so
 * a file over the limit is never loaded. Throws NotAnArticleError for a
 * folder or a file over `maxBytes`, and the file-system error otherwise.
 */
export function readArticleBytes(file: string, maxBytes: number): Buffer {
  lstatSync(file); // a symlink loop on the file itself is reported as such, not as a missing file
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
