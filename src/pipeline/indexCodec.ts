/**
 * Binary form of the graph index
 * ==============================
 *
 * The index of a 10 000-article graph is ~17 MB as JSON, and parsing and
 * writing it took longer than patching the graph. Here every number goes
 * into typed arrays (read back as views, nothing to parse) and every text
 * into one table of strings stored once (a flat JSON array, quick to
 * parse): articles, nodes and edges become fixed-width rows of those.
 *
 *   "NGIX" · u32 head length · f64 graph file size · f64 graph file mtime ·
 *   head (JSON: scalars, skipped files, the string table) · padding to 8 ·
 *   Float64 rows · Int32 rows · Int32 pool
 *
 * The graph file's stamp sits at a fixed place so that an index can be
 * encoded while its graph file is still being written, and stamped once the
 * file is in place (encodeGraphIndexBody, then stampGraphIndex).
 *
 * decodeGraphIndex(encodeGraphIndex(index)) gives back the same index
 * (test/pipeline/indexCodec.test.ts); anything malformed throws, and the
 * build is then a full one.
 */
import type { ArticleMeta, EntityType, RelationType } from '../ontology';
import type { FileStamp, GraphIndex, IndexedArticle, IndexedEdge, IndexedNode } from './incremental';

const MAGIC = 'NGIX';
/** Where the graph file's size and mtime (two Float64) are. */
const STAMP_OFFSET = 8;
/** Where the head's JSON starts. */
const HEAD_OFFSET = 24;
/** Int32 columns of an article row. */
const ARTICLE_INTS = 18;
/** Float64 columns of an article row (size, mtime). */
const ARTICLE_FLOATS = 2;
const NODE_INTS = 5;
const EDGE_INTS = 5;
/** A string or span that is absent. */
const NONE = -1;

interface Head {
  format: number;
  key: string;
  articlesDir: string;
  extractorVersion: string;
  options: object;
  skipped: GraphIndex['skipped'];
  /** Surfaces and statements (GraphIndex.strings), kept apart: the articles refer to them by position. */
  texts: string[];
  /** Every other string, stored once. */
  strings: string[];
  counts: { articles: number; nodes: number; edges: number; floats: number; ints: number; pool: number };
}

/** Encodes an index; see the banner. */
export function encodeGraphIndex(index: GraphIndex): Buffer {
  return stampGraphIndex(encodeGraphIndexBody(index), index.graphFile);
}

/** Writes the stamp of the graph file an encoded index describes into it (in place); returns it. */
export function stampGraphIndex(encoded: Buffer, graphFile: FileStamp): Buffer {
  encoded.writeDoubleLE(graphFile.size, STAMP_OFFSET);
  encoded.writeDoubleLE(graphFile.mtimeMs, STAMP_OFFSET + 8);
  return encoded;
}

/** Encodes an index but for its graph file's stamp (left NaN: stampGraphIndex writes it). */
export function encodeGraphIndexBody(index: Omit<GraphIndex, 'graphFile'>): Buffer {
  const { articles, nodes, edges } = index;
  const strings: string[] = [];
  const shared = new Map<string, number>();
  /** A text met many times (types, variants, notes): stored once. */
  const sharedString = (text: string) => {
    let i = shared.get(text);
    if (i === undefined) {
      i = strings.push(text) - 1;
      shared.set(text, i);
    }
    return i;
  };
  /** A text of one article or edge (file, hash, title, key): unique, appended. */
  const ownString = (text: string | undefined) => (text === undefined ? NONE : strings.push(text) - 1);
  let poolSize = index.nodeOrder.length + index.edgeOrder.length;
  for (const a of articles) poolSize += a.notes.length + a.entities.length + a.edges.length + (a.surfaces?.length ?? 0) + (a.extras?.length ?? 0);
  for (const node of nodes) poolSize += node.variants.length;
  const pool = new Int32Array(poolSize);
  let p = 0;
  /** Copies a list into the pool; returns where it starts. */
  const put = (list: ArrayLike<number> | undefined): number => {
    const start = p;
    if (list) {
      pool.set(list, p);
      p += list.length;
    }
    return start;
  };
  const floats = new Float64Array(articles.length * ARTICLE_FLOATS + nodes.length + edges.length);
  const ints = new Int32Array(articles.length * ARTICLE_INTS + nodes.length * NODE_INTS + edges.length * EDGE_INTS);
  let f = 0;
  let n = 0;
  for (const a of articles) {
    floats[f++] = a.size;
    floats[f++] = a.mtimeMs;
    const m = a.meta;
    ints[n] = ownString(a.file);
    ints[n + 1] = ownString(a.hash);
    ints[n + 2] = ownString(m.id);
    ints[n + 3] = ownString(m.title);
    ints[n + 4] = ownString(m.date);
    ints[n + 5] = ownString(m.url);
    ints[n + 6] = m.sentences;
    ints[n + 7] = a.characters;
    ints[n + 8] = put(a.notes.map(sharedString));
    ints[n + 9] = a.notes.length;
    ints[n + 10] = put(a.entities);
    ints[n + 11] = a.entities.length;
    ints[n + 12] = put(a.edges);
    ints[n + 13] = a.edges.length;
    ints[n + 14] = put(a.surfaces);
    ints[n + 15] = a.surfaces?.length ?? 0;
    ints[n + 16] = put(a.extras);
    ints[n + 17] = a.extras?.length ?? 0;
    n += ARTICLE_INTS;
  }
  for (const node of nodes) {
    floats[f++] = node.span ? node.span.offset : NONE;
    ints.set([ownString(node.id), sharedString(node.type), put(node.variants.map(sharedString)), node.variants.length, node.span ? node.span.length : NONE], n);
    n += NODE_INTS;
  }
  for (const edge of edges) {
    floats[f++] = edge.span ? edge.span.offset : NONE;
    ints[n] = ownString(edge.key);
    ints[n + 1] = sharedString(edge.type);
    ints[n + 2] = edge.claims;
    ints[n + 3] = edge.span ? edge.span.length : NONE;
    n += EDGE_INTS;
  }
  const orders = [put(index.nodeOrder), index.nodeOrder.length, put(index.edgeOrder), index.edgeOrder.length];
  const head: Head = {
    format: index.format,
    key: index.key,
    articlesDir: index.articlesDir,
    extractorVersion: index.extractorVersion,
    options: index.options,
    skipped: index.skipped,
    texts: index.strings,
    strings,
    counts: { articles: articles.length, nodes: nodes.length, edges: edges.length, floats: floats.length, ints: ints.length, pool: pool.length },
  };
  const headBytes = Buffer.from(JSON.stringify({ ...head, orders }));
  const headEnd = HEAD_OFFSET + headBytes.length;
  const padded = Math.ceil(headEnd / 8) * 8;
  const out = Buffer.alloc(padded + floats.byteLength + ints.byteLength + pool.length * 4);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headBytes.length, 4);
  out.writeDoubleLE(NaN, STAMP_OFFSET);
  out.writeDoubleLE(NaN, STAMP_OFFSET + 8);
  headBytes.copy(out, HEAD_OFFSET);
  Buffer.from(floats.buffer).copy(out, padded);
  Buffer.from(ints.buffer).copy(out, padded + floats.byteLength);
  Buffer.from(pool.buffer).copy(out, padded + floats.byteLength + ints.byteLength);
  return out;
}

/** Decodes what encodeGraphIndex wrote; throws when the bytes are not such an index. */
export function decodeGraphIndex(bytes: Buffer): GraphIndex {
  if (bytes.length < HEAD_OFFSET || bytes.toString('latin1', 0, 4) !== MAGIC) throw new Error('decodeGraphIndex: not a graph index');
  const headLength = bytes.readUInt32LE(4);
  const graphFile: FileStamp = { size: bytes.readDoubleLE(STAMP_OFFSET), mtimeMs: bytes.readDoubleLE(STAMP_OFFSET + 8) };
  const head = JSON.parse(bytes.toString('utf8', HEAD_OFFSET, HEAD_OFFSET + headLength)) as Head & { orders: number[] };
  const { counts, strings } = head;
  const padded = Math.ceil((HEAD_OFFSET + headLength) / 8) * 8;
  const size = padded + counts.floats * 8 + (counts.ints + counts.pool) * 4;
  if (bytes.length !== size) throw new Error(`decodeGraphIndex: ${bytes.length} bytes, expected ${size}`);
  // Copied once into aligned memory: the views below share it.
  const body = new ArrayBuffer(size - padded);
  new Uint8Array(body).set(bytes.subarray(padded));
  const floats = new Float64Array(body, 0, counts.floats);
  const ints = new Int32Array(body, counts.floats * 8, counts.ints);
  const pool = new Int32Array(body, counts.floats * 8 + counts.ints * 4, counts.pool);
  const text = (i: number) => (i === NONE ? undefined : strings[i]);
  const view = (start: number, length: number) => pool.subarray(start, start + length);
  const optionalView = (start: number, length: number) => (length ? pool.subarray(start, start + length) : undefined);
  const articles: IndexedArticle[] = new Array(counts.articles);
  let f = 0;
  let n = 0;
  for (let i = 0; i < counts.articles; i++, n += ARTICLE_INTS) {
    const meta: ArticleMeta = { id: strings[ints[n + 2]] } as ArticleMeta;
    const title = text(ints[n + 3]);
    const date = text(ints[n + 4]);
    const url = text(ints[n + 5]);
    if (title !== undefined) meta.title = title;
    if (date !== undefined) meta.date = date;
    if (url !== undefined) meta.url = url;
    meta.file = strings[ints[n]];
    meta.sentences = ints[n + 6];
    meta.hash = strings[ints[n + 1]];
    const article: IndexedArticle = {
      file: meta.file,
      size: floats[f++],
      mtimeMs: floats[f++],
      hash: meta.hash,
      meta,
      characters: ints[n + 7],
      notes: Array.from(view(ints[n + 8], ints[n + 9]), (s) => strings[s]),
      entities: view(ints[n + 10], ints[n + 11]) as unknown as number[],
      edges: view(ints[n + 12], ints[n + 13]) as unknown as number[],
    };
    const surfaces = optionalView(ints[n + 14], ints[n + 15]);
    const extras = optionalView(ints[n + 16], ints[n + 17]);
    if (surfaces) article.surfaces = surfaces as unknown as number[];
    if (extras) article.extras = extras as unknown as number[];
    articles[i] = article;
  }
  const nodes: IndexedNode[] = new Array(counts.nodes);
  for (let i = 0; i < counts.nodes; i++, n += NODE_INTS) {
    const offset = floats[f++];
    const node: IndexedNode = { id: strings[ints[n]], type: strings[ints[n + 1]] as EntityType, variants: Array.from(view(ints[n + 2], ints[n + 3]), (s) => strings[s]) };
    if (ints[n + 4] !== NONE) node.span = { offset, length: ints[n + 4] };
    nodes[i] = node;
  }
  const edges: IndexedEdge[] = new Array(counts.edges);
  for (let i = 0; i < counts.edges; i++, n += EDGE_INTS) {
    const offset = floats[f++];
    const edge: IndexedEdge = { key: strings[ints[n]], type: strings[ints[n + 1]] as RelationType, claims: ints[n + 2] };
    if (ints[n + 3] !== NONE) edge.span = { offset, length: ints[n + 3] };
    edges[i] = edge;
  }
  const [nodeStart, nodeCount, edgeStart, edgeCount] = head.orders;
  return {
    format: head.format,
    key: head.key,
    articlesDir: head.articlesDir,
    extractorVersion: head.extractorVersion,
    graphFile,
    options: head.options,
    skipped: head.skipped,
    articles,
    nodes,
    edges,
    nodeOrder: Array.from(view(nodeStart, nodeCount)),
    edgeOrder: Array.from(view(edgeStart, edgeCount)),
    strings: head.texts,
  };
}
