import { close, closeSync, existsSync, fstatSync, fsync, fsyncSync, openSync, read, readFileSync, rename, renameSync, unlink, unlinkSync, writeSync, writev } from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import { z } from 'zod';
import { CLAIM_STATUSES, ENTITY_TYPES, RELATION_TYPES } from '../ontology';
import type { NewsGraph } from './build';

/** A temp or backup name beside `file`: same folder, so the rename never crosses file systems. */
function siblingName(file: string, kind: 'tmp' | 'old'): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.${kind}`);
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/** Pieces smaller than this are gathered into one buffer before a write (a call per piece would cost more than the copy). */
const SMALL_PIECE_BYTES = 64 * 1024;
/** Bytes gathered before they are written. */
const GATHER_BYTES = 4 * 1024 * 1024;

/** Writes all of `bytes` at the descriptor's position. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Writes every piece, in order, at the descriptor's position: small ones gathered, large ones as they are. */
function writePieces(fd: number, pieces: readonly Uint8Array[]): void {
  let gathered: Uint8Array[] = [];
  let gatheredBytes = 0;
  const flush = () => {
    if (gathered.length) writeAll(fd, gathered.length === 1 ? gathered[0] : Buffer.concat(gathered, gatheredBytes));
    gathered = [];
    gatheredBytes = 0;
  };
  for (const piece of pieces) {
    if (piece.length >= SMALL_PIECE_BYTES) {
      flush();
      writeAll(fd, piece);
      continue;
    }
    gathered.push(piece);
    gatheredBytes += piece.length;
    if (gatheredBytes >= GATHER_BYTES) flush();
  }
  flush();
}

/** Writes `content` (text, bytes, or a list of byte pieces) to a fresh temp file beside `file`, flushed to disk; returns its name. */
function writeTemp(file: string, content: string | Uint8Array | readonly Uint8Array[], flush = true): string {
  const tmp = siblingName(file, 'tmp');
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    if (Array.isArray(content)) writePieces(fd, content);
    else writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : (content as Uint8Array));
    if (flush) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    return tmp;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(tmp);
    throw error;
  }
}

/**
 * Writes `content` to `file` atomically: a temp file in the same folder, flushed
 * (unless `flush: false`, for caches a crash may lose), then renamed over the
 * target, so readers see the old file or the new one, never half.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array | readonly Uint8Array[], options: { flush?: boolean } = {}): void {
  const tmp = writeTemp(file, content, options.flush ?? true);
  try {
    renameSync(tmp, file);
  } catch (error) {
    removeQuietly(tmp);
    throw error;
  }
}

/** The promise, marked handled: a caller that drops it (a build that turned out to need no file) does not crash the process; one that awaits it still sees the error. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Reads all of `file` on libuv's thread pool, in one read call issued now:
 * the calling thread goes on with its own work meanwhile (an incremental
 * build lists and stats the articles folder and extracts the new articles
 * while the last graph.json, 164 MB at 10 000 articles, is read). The file
 * is opened and sized at once; it resolves to exactly that many bytes, and
 * rejects if the file was cut short meanwhile.
 */
export function readFileInBackground(file: string): Promise<Buffer> {
  let fd: number;
  let size: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return handled(Promise.reject(error));
  }
  try {
    size = fstatSync(fd).size;
  } catch (error) {
    closeSync(fd);
    return handled(Promise.reject(error));
  }
  const buffer = Buffer.allocUnsafe(size);
  return handled(
    new Promise<Buffer>((resolve, reject) => {
      const finish = (error: Error | null) => close(fd, () => (error ? reject(error) : resolve(buffer)));
      const readFrom = (offset: number): void => {
        if (offset >= size) return finish(null);
        read(fd, buffer, offset, size - offset, offset, (error, bytesRead) => {
          if (error) return finish(error);
          if (bytesRead === 0) return finish(new Error(`${file}: cut short while it was read (${offset} of ${size} bytes)`));
          readFrom(offset + bytesRead);
        });
      };
      readFrom(0);
    }),
  );
}

/**
 * writeFileAtomic for a list of byte pieces, with the write (one writev of
 * every piece), the flush and the rename on libuv's thread pool: resolves
 * once `file` holds the new content; on failure the temp file is removed and
 * `file` is as it was. The calling thread is free meanwhile (an incremental
 * build encodes its index while graph.json is written).
 */
export function writeFileAtomicInBackground(file: string, pieces: readonly Uint8Array[], options: { flush?: boolean } = {}): Promise<void> {
  const tmp = siblingName(file, 'tmp');
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (error) {
    return handled(Promise.reject(error));
  }
  const total = pieces.reduce((n, piece) => n + piece.length, 0);
  return handled(
    new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => close(fd, () => unlink(tmp, () => reject(error)));
      const install = () =>
        close(fd, (closeError) => {
          if (closeError) return unlink(tmp, () => reject(closeError));
          rename(tmp, file, (renameError) => (renameError ? unlink(tmp, () => reject(renameError)) : resolve()));
        });
      writev(fd, pieces as Uint8Array[], 0, (error, written) => {
        if (error) return fail(error);
        if (written !== total) return fail(new Error(`${tmp}: ${written} of ${total} bytes written`));
        if (options.flush ?? true) fsync(fd, (syncError) => (syncError ? fail(syncError) : install()));
        else install();
      });
    }),
  );
}

/**
 * Writes several files that belong together (nodes.csv and edges.csv) so that
 * a failure leaves all of them as they were: every temp file is written
 * first, then each target is moved aside and replaced; if any step fails, the
 * targets already replaced are put back.
 */
export function writeFilesAtomic(files: readonly { file: string; content: string | Uint8Array }[]): void {
  if (files.length === 1) return writeFileAtomic(files[0].file, files[0].content);
  const temps: string[] = [];
  const replaced: { file: string; backup?: string; installed: boolean }[] = [];
  try {
    for (const { file, content } of files) temps.push(writeTemp(file, content));
    files.forEach(({ file }, i) => {
      const backup = existsSync(file) ? siblingName(file, 'old') : undefined;
      if (backup) renameSync(file, backup);
      const entry = { file, backup, installed: false };
      replaced.push(entry);
      renameSync(temps[i], file);
      entry.installed = true;
    });
  } catch (error) {
    for (const entry of replaced.reverse()) {
      if (entry.backup) renameSync(entry.backup, entry.file);
      else if (entry.installed) removeQuietly(entry.file);
    }
    temps.forEach(removeQuietly);
    throw error;
  }
  for (const entry of replaced) if (entry.backup) removeQuietly(entry.backup);
}

/** Serialises the graph in graphology's own format (graph.export()). */
export function serialiseGraph(graph: NewsGraph): string {
  return JSON.stringify(graph.export(), null, 1);
}

export function saveGraph(graph: NewsGraph, file: string): void {
  writeFileAtomic(file, serialiseGraph(graph));
}

const ClaimSchema = z.object({
  doc: z.string(),
  sentence: z.number().int().nonnegative(),
  quote: z.string(),
  quantity: z.number().optional(),
  unit: z.string().optional(),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
  attributedTo: z.string().optional(),
  status: z.enum(CLAIM_STATUSES),
});

/** The graph.json contract of ONTOLOGY.md, as a schema (extra attributes allowed). */
export const GraphFileSchema = z.object({
  options: z.object({ type: z.string(), multi: z.boolean(), allowSelfLoops: z.boolean() }).passthrough(),
  attributes: z.object({}).passthrough(),
  nodes: z.array(
    z.object({
      key: z.string(),
      attributes: z
        .object({
          label: z.string().min(1),
          type: z.enum(ENTITY_TYPES),
          aliases: z.array(z.string()),
          wikidata: z.string().regex(/^Q\d+$/).optional(),
          mentions: z.array(
            z.object({ doc: z.string(), sentence: z.number().int().nonnegative(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
          ),
        })
        .passthrough(),
    }),
  ),
  edges: z.array(
    z.object({
      key: z.string().optional(),
      source: z.string(),
      target: z.string(),
      undirected: z.boolean().optional(),
      attributes: z
        .object({
          type: z.enum(RELATION_TYPES),
          claims: z.array(ClaimSchema).min(1),
          role: z.string().optional(),
          items: z.array(z.string()).optional(),
        })
        .passthrough(),
    }),
  ),
});

/** A graph file that is missing, unreadable or not a newsgraph graph. */
export class GraphFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'GraphFileError';
  }
}

/**
 * Graph JSON written by other tools, recognised by their top-level keys, so
 * the message says what the file is rather than which field is missing.
 */
const FOREIGN_GRAPH_SHAPES: readonly { name: string; matches: (value: Record<string, unknown>) => boolean }[] = [
  { name: 'a Cytoscape.js graph ("elements")', matches: (v) => 'elements' in v },
  { name: 'a d3-force / NetworkX node-link graph ("links")', matches: (v) => Array.isArray(v.links) },
  { name: 'a JSON Graph Format file ("graph" or "graphs")', matches: (v) => ('graph' in v || 'graphs' in v) && !('nodes' in v) },
  { name: 'a sigma / Gephi JSON graph (nodes and edges without "options")', matches: (v) => Array.isArray(v.nodes) && Array.isArray(v.edges) && !('options' in v) },
];

/** What the parsed JSON is when it is plainly not a graphology export, or null when the schema should judge it. */
function foreignGraphShape(raw: unknown): string | null {
  if (raw === null || typeof raw !== 'object') return `the JSON is ${raw === null ? 'null' : typeof raw}, not an object`;
  if (Array.isArray(raw)) return 'the JSON is an array, not an object';
  const value = raw as Record<string, unknown>;
  const known = FOREIGN_GRAPH_SHAPES.find((shape) => shape.matches(value));
  if (known) return `looks like ${known.name}`;
  return null;
}

/**
 * Reads graph.json and checks it against the contract; throws GraphFileError
 * naming the file and what is wrong (missing, truncated JSON, wrong shape).
 */
export function loadGraph(file: string): NewsGraph {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GraphFileError(file, code === 'ENOENT' ? 'no such file (run `npm run build-graph` first)' : `cannot read (${code ?? (error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new GraphFileError(file, `not valid JSON (${(error as Error).message}); the file may be truncated`);
  }
  const foreign = foreignGraphShape(raw);
  if (foreign) throw new GraphFileError(file, `not a newsgraph graph: ${foreign}; newsgraph reads the graphology JSON written by \`npm run build-graph\``);
  const parsed = GraphFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'top level';
    throw new GraphFileError(file, `not a newsgraph graph: ${where}: ${issue.message}`);
  }
  try {
    return Graph.from(raw as never) as NewsGraph;
  } catch (error) {
    throw new GraphFileError(file, `not a valid graphology graph: ${(error as Error).message}`);
  }
}
