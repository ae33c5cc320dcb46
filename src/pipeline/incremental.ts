/**
 * Incremental graph file
 * ======================
 *
 * A rebuild after one article is added, changed or removed costs work in
 * proportion to that article, not to the corpus. Beside graph.json (in the
 * cache folder) a compact index records, for the articles of the last build:
 *
 * - each article's file size, mtime, hash, metadata, notes, and what it
 *   contributed: its entity records (node, record variant, surfaces beyond
 *   the record's aliases) and the edges it states (edge, index of its first
 *   statement, roles and items);
 * - each node and edge: where its entry lies in graph.json (byte span), its
 *   type, its claim count, and its entity record variants;
 * - the files skipped, and why.
 *
 * A rebuild lists and stats the folder (no read of an unchanged file: same
 * size and mtime as indexed), reads and extracts only the new and changed
 * files, and patches the graph: the entries of the nodes and edges those
 * articles (and the removed ones) touch are read back from graph.json, their
 * mentions and claims of the old articles dropped by doc, the new ones
 * inserted in file order, aliases, role and items folded again in file order
 * from the index; every other entry's bytes are copied. Nodes and edges are
 * ordered by their first statement (article in file order, position in it),
 * as buildGraph adds them. The file written is the text a full build writes,
 * to the byte (test/pipeline/incremental.test.ts, against buildCorpusGraph).
 *
 * The patch relies on each extraction being self-contained — its mentions,
 * relations and claims name only its own entities and its own doc — which
 * the extractor does; an article that is not makes the build a full one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Article, SkippedFile } from '../corpus';
import { articleFormat, articleId, NotAnArticleError } from '../corpus';
import type { ArticleExtraction } from '../extract';
import type { EntrySpan, GraphFileLayout, NewsGraph } from '../graph';
import type { EntryContent, ItemChange } from '../graph';
import { claimKey, edgeEnds, edgeEntry, entryWithItems, graphFileLayout, itemRegion, itemsText, mergeRelationExtras, nodeEntry, relationKey, splicedRegion, writeFileAtomic } from '../graph';
import type { ArticleMeta, EntityAttributes, EntityType, RelationAttributes, RelationType } from '../ontology';
import type { ArticleCandidate } from '../corpus';
import { errnoReason } from '../corpus';
import { GRAPH_INDEX_FOLDER } from './cache';
import { decodeGraphIndex, encodeGraphIndexBody, stampGraphIndex } from './indexCodec';

/** Format of the index file; bump when its layout changes. */
export const GRAPH_INDEX_FORMAT = 4;

/** Size and modification time of a file, as statted before it was read. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** Roles and items of one statement of an edge (only statements that have some). */
interface StatementExtras {
  role?: string;
  items?: string[];
}

/** One article of the last build, and what it contributed. */
export interface IndexedArticle extends FileStamp {
  /** Path relative to the articles folder. */
  file: string;
  hash: string;
  meta: ArticleMeta;
  characters: number;
  notes: string[];
  /** Per entity record, in order: node index, index of the record among the node's variants (flat pairs). */
  entities: number[];
  /** Mention surfaces of a node beyond its records' aliases, in mention order: flat runs of node index, count, then that many string indexes (GraphIndex.strings). */
  surfaces?: number[];
  /** Per edge stated, in order of its first statement: edge index, index of that relation in the extraction, claims it adds (flat triples). */
  edges: number[];
  /** Roles and items of the edge's statements (those that have some), in order: flat runs of triple position (in `edges` / 3), count, then that many string indexes of the statements' JSON. */
  extras?: number[];
}

export interface IndexedNode {
  id: string;
  type: EntityType;
  /** The distinct entity records met for it (JSON, without id and known), in the order met. */
  variants: string[];
  /** Its entry in graph.json; none when no article states it any more (kept in the table so indexes stay stable until a full build). */
  span?: EntrySpan;
}

export interface IndexedEdge {
  key: string;
  type: RelationType;
  claims: number;
  /** Its entry in graph.json; none when no article states it any more. */
  span?: EntrySpan;
}

/** The index of one graph file. */
export interface GraphIndex {
  format: number;
  /** Cache key (extractor version and code fingerprint) and largest file read: an index made under others is not used. */
  key: string;
  articlesDir: string;
  extractorVersion: string;
  /** graph.json as written with this index: a file rewritten since (another tool, another build) is not patched. */
  graphFile: FileStamp;
  options: object;
  articles: IndexedArticle[];
  skipped: (SkippedFile & Partial<FileStamp>)[];
  /** Every node and edge met since the last full build; articles refer to them by position. */
  nodes: IndexedNode[];
  edges: IndexedEdge[];
  /** The positions of the nodes and edges of graph.json, in its order. */
  nodeOrder: number[];
  edgeOrder: number[];
  /** Texts the articles refer to by position (surfaces, statements' roles and items): each stored once. */
  strings: string[];
}

/** Builds an index's node and edge tables while articles are indexed. */
class IndexTables {
  readonly nodes: IndexedNode[];
  readonly edges: IndexedEdge[];
  private readonly nodeIndex = new Map<string, number>();
  private readonly edgeIndex = new Map<string, number>();
  private readonly variantIndex = new Map<number, Map<string, number>>();

  readonly strings: string[];
  private readonly stringIndex = new Map<string, number>();

  constructor(nodes: IndexedNode[] = [], edges: IndexedEdge[] = [], strings: string[] = []) {
    this.nodes = nodes;
    this.edges = edges;
    this.strings = strings;
    strings.forEach((text, i) => this.stringIndex.set(text, i));
    nodes.forEach((node, i) => this.nodeIndex.set(node.id, i));
    edges.forEach((edge, i) => this.edgeIndex.set(edge.key, i));
  }

  nodeOf(id: string, type: EntityType): number {
    let i = this.nodeIndex.get(id);
    if (i === undefined) {
      i = this.nodes.length;
      this.nodes.push({ id, type, variants: [] });
      this.nodeIndex.set(id, i);
    }
    return i;
  }

  variantOf(node: number, record: string): number {
    let byText = this.variantIndex.get(node);
    if (!byText) {
      byText = new Map(this.nodes[node].variants.map((v, k) => [v, k]));
      this.variantIndex.set(node, byText);
    }
    let k = byText.get(record);
    if (k === undefined) {
      k = this.nodes[node].variants.length;
      this.nodes[node].variants.push(record);
      byText.set(record, k);
    }
    return k;
  }

  stringOf(text: string): number {
    let i = this.stringIndex.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(text);
      this.stringIndex.set(text, i);
    }
    return i;
  }

  /** Index of a node already met, or -1. */
  findNode(id: string): number {
    return this.nodeIndex.get(id) ?? -1;
  }

  /** Index of an edge already met, or -1. */
  findEdge(key: string): number {
    return this.edgeIndex.get(key) ?? -1;
  }

  edgeOf(key: string, type: RelationType): number {
    let i = this.edgeIndex.get(key);
    if (i === undefined) {
      i = this.edges.length;
      this.edges.push({ key, type, claims: 0 });
      this.edgeIndex.set(key, i);
    }
    return i;
  }
}

/** The record of an entity as a node's first record gives its attributes: without id and known. */
function recordVariant(entity: ArticleExtraction['entities'][number]): string {
  const { id: _id, known: _known, ...rest } = entity;
  return JSON.stringify(rest);
}

/** Why an extraction cannot be patched in, or null when it is self-contained (see the banner). */
export function notSelfContained(extraction: ArticleExtraction, id: string): string | null {
  if (extraction.doc !== id) return `doc "${extraction.doc}" is not the article id "${id}"`;
  const own = new Set(extraction.entities.map((e) => e.id));
  const foreign = extraction.mentions.find((m) => !own.has(m.entityId));
  if (foreign) return `a mention names entity "${foreign.entityId}" it does not list`;
  const relation = extraction.relations.find((r) => !own.has(r.subject) || !own.has(r.object) || r.claim.doc !== id);
  if (relation) return `a relation ${relation.subject} ${relation.type} ${relation.object} names an entity or doc of another article`;
  return null;
}

/** What one article contributes, in index form (tables extended with its nodes, variants and edges). */
function indexContribution(extraction: ArticleExtraction, tables: IndexTables): Pick<IndexedArticle, 'entities' | 'surfaces' | 'edges' | 'extras'> {
  const entities: number[] = [];
  const recordAliases = new Map<number, Set<string>>();
  for (const entity of extraction.entities) {
    const node = tables.nodeOf(entity.id, entity.type);
    entities.push(node, tables.variantOf(node, recordVariant(entity)));
    const aliases = recordAliases.get(node) ?? new Set<string>();
    for (const alias of entity.aliases) aliases.add(alias);
    recordAliases.set(node, aliases);
  }
  const nodeOfId = new Map(extraction.entities.map((e) => [e.id, tables.nodeOf(e.id, e.type)]));
  const surfacesOf = new Map<number, string[]>();
  for (const mention of extraction.mentions) {
    const node = nodeOfId.get(mention.entityId)!;
    if (recordAliases.get(node)!.has(mention.surface)) continue;
    const list = surfacesOf.get(node) ?? [];
    if (!list.includes(mention.surface)) list.push(mention.surface);
    surfacesOf.set(node, list);
  }
  const surfaces: number[] = [];
  for (const [node, list] of surfacesOf) surfaces.push(node, list.length, ...list.map((text) => tables.stringOf(text)));
  const edges: number[] = [];
  const extrasOf = new Map<number, number[]>();
  const tripleOf = new Map<number, { triple: number; claims: Set<string> }>();
  extraction.relations.forEach((relation, j) => {
    if (relation.subject === relation.object) return; // buildGraph keeps no self-loop
    const edge = tables.edgeOf(relationKey(relation.subject, relation.type, relation.object), relation.type);
    let seen = tripleOf.get(edge);
    if (seen === undefined) {
      seen = { triple: edges.length / 3, claims: new Set() };
      tripleOf.set(edge, seen);
      edges.push(edge, j, 0);
    }
    const claim = claimKey(relation.claim);
    if (!seen.claims.has(claim)) {
      seen.claims.add(claim);
      edges[3 * seen.triple + 2]++;
    }
    if (relation.role || relation.items?.length) {
      const statement: StatementExtras = {};
      if (relation.role) statement.role = relation.role;
      if (relation.items?.length) statement.items = relation.items;
      const list = extrasOf.get(seen.triple) ?? [];
      list.push(tables.stringOf(JSON.stringify(statement)));
      extrasOf.set(seen.triple, list);
    }
  });
  const extras: number[] = [];
  for (const [triple, list] of extrasOf) extras.push(triple, list.length, ...list);
  const out: Pick<IndexedArticle, 'entities' | 'surfaces' | 'edges' | 'extras'> = { entities, edges };
  if (surfaces.length) out.surfaces = surfaces;
  if (extras.length) out.extras = extras;
  return out;
}

/** The metadata a graph carries for an article (buildCorpusGraph's). */
export function articleMeta(article: Article): ArticleMeta {
  return { id: article.id, title: article.title, date: article.date, url: article.url, file: article.file, sentences: article.sentences.length, hash: article.hash };
}

function indexedArticle(article: Article, extraction: ArticleExtraction, stamp: FileStamp, tables: IndexTables): IndexedArticle {
  return {
    file: article.file,
    size: stamp.size,
    mtimeMs: stamp.mtimeMs,
    hash: article.hash,
    meta: JSON.parse(JSON.stringify(articleMeta(article))) as ArticleMeta,
    characters: article.text.length,
    notes: article.notes,
    ...indexContribution(extraction, tables),
  };
}

/**
 * Renumbers the tables to the order of the graph file just written (and
 * drops what it no longer holds), with each entry's span.
 */
function compactIndex(
  articles: IndexedArticle[],
  tables: IndexTables,
  nodeOrder: number[],
  edgeOrder: number[],
  layout: GraphFileLayout,
): Pick<GraphIndex, 'articles' | 'nodes' | 'edges' | 'nodeOrder' | 'edgeOrder'> {
  const nodeMap = new Int32Array(tables.nodes.length).fill(-1);
  const edgeMap = new Int32Array(tables.edges.length).fill(-1);
  const nodes = nodeOrder.map((old, i) => {
    nodeMap[old] = i;
    return { ...tables.nodes[old], span: layout.nodes[i] };
  });
  const edges = edgeOrder.map((old, i) => {
    edgeMap[old] = i;
    return { ...tables.edges[old], span: layout.edges[i] };
  });
  const remap = (list: number[], map: Int32Array, step: number) => {
    const out = list.slice();
    for (let k = 0; k < out.length; k += step) {
      out[k] = map[out[k]];
      if (out[k] < 0) throw new Error('newsgraph build-graph: index: an article states a node or edge the graph lost');
    }
    return out;
  };
  return {
    articles: articles.map((a) => {
      const out: IndexedArticle = { ...a, entities: remap(a.entities, nodeMap, 2), edges: remap(a.edges, edgeMap, 3) };
      if (a.surfaces) {
        const surfaces = a.surfaces.slice();
        for (let k = 0; k < surfaces.length; k += 2 + surfaces[k + 1]) surfaces[k] = nodeMap[surfaces[k]];
        out.surfaces = surfaces;
      }
      return out;
    }),
    nodes,
    edges,
    nodeOrder: nodes.map((_, i) => i),
    edgeOrder: edges.map((_, i) => i),
  };
}

/** Inputs of indexFullBuild: the build's graph, articles and extractions in corpus order, and the stamps taken before reading. */
export interface FullBuildInput {
  graph: NewsGraph;
  articles: readonly Article[];
  extractions: readonly ArticleExtraction[];
  skipped: readonly SkippedFile[];
  stamps: ReadonlyMap<string, FileStamp>;
  key: string;
  articlesDir: string;
  extractorVersion: string;
}

/**
 * The index of a graph built from every article, and the layout to write,
 * or the reason no index can be made (then the next build is full again).
 */
export function indexFullBuild(input: FullBuildInput, layout: GraphFileLayout): { index: Omit<GraphIndex, 'graphFile'> } | { reason: string } {
  const tables = new IndexTables();
  const articles: IndexedArticle[] = [];
  for (let i = 0; i < input.articles.length; i++) {
    const article = input.articles[i];
    const why = notSelfContained(input.extractions[i], article.id);
    if (why) return { reason: `${article.file}: ${why}` };
    const stamp = input.stamps.get(article.file);
    if (!stamp) return { reason: `${article.file}: not statted before it was read` };
    articles.push(indexedArticle(article, input.extractions[i], stamp, tables));
  }
  // The tables hold what the extractions state; the graph must hold the same nodes and edges (its order is the file's).
  const nodeOrder = input.graph.mapNodes((id) => tables.findNode(id));
  const edgeOrder = input.graph.mapEdges((key, attrs) => {
    const edge = tables.findEdge(key);
    if (edge >= 0) tables.edges[edge].claims = attrs.claims.length;
    return edge;
  });
  if (nodeOrder.includes(-1) || edgeOrder.includes(-1) || tables.nodes.length !== nodeOrder.length || tables.edges.length !== edgeOrder.length) {
    return { reason: 'the graph does not hold the nodes and edges its extractions state' };
  }
  const compact = compactIndex(articles, tables, nodeOrder, edgeOrder, layout);
  return {
    index: {
      format: GRAPH_INDEX_FORMAT,
      key: input.key,
      articlesDir: input.articlesDir,
      extractorVersion: input.extractorVersion,
      options: input.graph.export().options,
      strings: tables.strings,
      skipped: input.skipped.map((s) => ({ ...s, ...input.stamps.get(s.file) })),
      ...compact,
    },
  };
}

/** A file of the folder as the incremental build sees it. */
type Listed =
  | { file: string; skip: string; stamp?: FileStamp }
  | { file: string; kept: IndexedArticle }
  | { file: string; fresh: { absolute: string; bytes: Uint8Array; hash: string; stamp: FileStamp } };

/** What the rebuild found in the folder against the index. */
export interface FolderChanges {
  listed: Listed[];
  /** Files to read and extract (new or changed). */
  toExtract: Extract<Listed, { fresh: unknown }>[];
  /** Indexed articles no longer in the graph (removed, changed or now skipped). */
  dropped: IndexedArticle[];
  /** Articles read again because their stamp changed, found unchanged (their new stamps go into the index). */
  restamped: number;
  bytes: number;
}

/** Reads, hashes and classifies a file whose stamp changed or that is new. */
export type ReadFile = (absolute: string) => { bytes: Uint8Array; hash: string };

/**
 * Stats every file of the listing and compares it with the index: same size
 * and mtime as indexed means unchanged (not read); anything else is read and
 * hashed. Returns null as soon as more than `maxChanges` files must be
 * extracted or dropped: a full build is as quick then.
 */
export function folderChanges(index: GraphIndex, candidates: readonly ArticleCandidate[], readFile: ReadFile, maxChanges: number): FolderChanges | null {
  const indexed = new Map(index.articles.map((a) => [a.file, a]));
  const skippedBefore = new Map(index.skipped.map((s) => [s.file, s]));
  const listed: Listed[] = [];
  const toExtract: FolderChanges['toExtract'] = [];
  const still = new Set<string>();
  let bytes = 0;
  let restamped = 0;
  const sameStamp = (a: Partial<FileStamp> | undefined, b: FileStamp) => a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;
  for (const candidate of candidates) {
    const { relative: file, absolute } = candidate;
    if (candidate.skip !== undefined) {
      listed.push({ file, skip: candidate.skip });
      continue;
    }
    if (!articleFormat(file)) {
      listed.push({ file, skip: `unknown extension ${JSON.stringify(path.extname(file) || '(none)')} (read: .txt, .md, .html, .htm)` });
      continue;
    }
    let stamp: FileStamp;
    try {
      const stats = statSync(absolute);
      stamp = { size: stats.size, mtimeMs: stats.mtimeMs };
    } catch (error) {
      listed.push({ file, skip: errnoReason(error) });
      continue;
    }
    const before = indexed.get(file);
    if (before && sameStamp(before, stamp)) {
      listed.push({ file, kept: before });
      still.add(file);
      bytes += stamp.size;
      continue;
    }
    const skipped = skippedBefore.get(file);
    if (skipped && sameStamp(skipped, stamp)) {
      listed.push({ file, skip: skipped.reason, stamp });
      continue;
    }
    let read: { bytes: Uint8Array; hash: string };
    try {
      read = readFile(absolute);
    } catch (error) {
      if (error instanceof NotAnArticleError) listed.push({ file, skip: error.reason, stamp });
      else if ((error as NodeJS.ErrnoException).code) listed.push({ file, skip: errnoReason(error) });
      else throw error;
      continue;
    }
    bytes += read.bytes.length;
    if (before && before.hash === read.hash) {
      listed.push({ file, kept: { ...before, ...stamp } }); // touched, not changed
      still.add(file);
      restamped++;
      continue;
    }
    const fresh = { file, fresh: { absolute, bytes: read.bytes, hash: read.hash, stamp } };
    listed.push(fresh);
    toExtract.push(fresh);
    if (toExtract.length > maxChanges) return null;
  }
  const dropped = index.articles.filter((a) => !still.has(a.file));
  if (toExtract.length + dropped.length > 2 * maxChanges) return null;
  return { listed, toExtract, dropped, restamped, bytes };
}

/** An extracted file, or why it was skipped. */
export type Extracted = { article: Article; extraction: ArticleExtraction } | { skip: string };

/** The patched graph file and its new index. */
export interface PatchResult {
  layout: GraphFileLayout;
  index: Omit<GraphIndex, 'graphFile'>;
  skipped: SkippedFile[];
  /** Articles in the graph, in file order, with their notes. */
  articles: IndexedArticle[];
}

/** A contribution to a touched node or edge: the article's rank in file order, and the article. */
interface Contributor {
  rank: number;
  article: IndexedArticle;
  /** The fresh extraction, for articles read in this build. */
  extraction?: ArticleExtraction;
}

/**
 * Patches the previous graph file (`bytes`, laid out as `index` says) with
 * the extracted files: see the banner. Returns the reason when the result
 * could differ from a full build (then the caller builds in full).
 */
export function patchGraph(
  index: GraphIndex,
  bytes: Uint8Array,
  changes: FolderChanges,
  extracted: ReadonlyMap<string, Extracted>,
  builtAt: string,
): PatchResult | { reason: string } {
  const tables = new IndexTables(
    index.nodes.map((n) => ({ ...n, variants: n.variants.slice() })),
    index.edges.map((e) => ({ ...e })),
    index.strings.slice(),
  );
  const skipped: SkippedFile[] = [];
  const skippedStamped: GraphIndex['skipped'] = [];
  const articles: IndexedArticle[] = [];
  const freshExtraction = new Map<IndexedArticle, ArticleExtraction>();
  const ids = new Map<string, string>();
  for (const entry of changes.listed) {
    if ('skip' in entry) {
      skipped.push({ file: entry.file, reason: entry.skip });
      skippedStamped.push({ file: entry.file, reason: entry.skip, ...entry.stamp });
      continue;
    }
    let article: IndexedArticle;
    if ('kept' in entry) article = entry.kept;
    else {
      const outcome = extracted.get(entry.file);
      if (!outcome) return { reason: `${entry.file} was not extracted` };
      if ('skip' in outcome) {
        skipped.push({ file: entry.file, reason: outcome.skip });
        skippedStamped.push({ file: entry.file, reason: outcome.skip, ...entry.fresh.stamp });
        continue;
      }
      const why = notSelfContained(outcome.extraction, outcome.article.id);
      if (why) return { reason: `${entry.file}: ${why}` };
      article = indexedArticle(outcome.article, outcome.extraction, entry.fresh.stamp, tables);
      freshExtraction.set(article, outcome.extraction);
    }
    const id = articleId(entry.file);
    if (ids.has(id)) return { reason: `duplicate article id "${id}" (${ids.get(id)}, ${entry.file})` };
    ids.set(id, entry.file);
    articles.push(article);
  }
  if (articles.length === 0) return { reason: 'no article left' };

  // Nodes and edges whose entries change: those the dropped and the fresh articles state; which docs each loses.
  const droppedFromNode = new Map<number, string[]>();
  const droppedFromEdge = new Map<number, string[]>();
  const touch = (a: IndexedArticle, doc?: string) => {
    for (let k = 0; k < a.entities.length; k += 2) {
      const list = droppedFromNode.get(a.entities[k]) ?? [];
      if (doc !== undefined && list[list.length - 1] !== doc) list.push(doc);
      droppedFromNode.set(a.entities[k], list);
    }
    for (let k = 0; k < a.edges.length; k += 3) {
      const list = droppedFromEdge.get(a.edges[k]) ?? [];
      if (doc !== undefined) list.push(doc);
      droppedFromEdge.set(a.edges[k], list);
    }
  };
  changes.dropped.forEach((a) => touch(a, a.meta.id));
  freshExtraction.forEach((_, a) => touch(a));

  // One pass in file order: where each node and edge is first stated, who states the touched ones, claims per edge.
  const nodeFirst = new Float64Array(tables.nodes.length).fill(Infinity);
  const edgeFirst = new Float64Array(tables.edges.length).fill(Infinity);
  const edgeClaims = new Float64Array(tables.edges.length);
  const nodeContributors = new Map<number, Contributor[]>([...droppedFromNode.keys()].map((n) => [n, []]));
  const edgeContributors = new Map<number, Contributor[]>([...droppedFromEdge.keys()].map((e) => [e, []]));
  // The same lists by position: the pass below looks up every statement of every article.
  const nodeLists: (Contributor[] | undefined)[] = new Array(tables.nodes.length);
  const edgeLists: (Contributor[] | undefined)[] = new Array(tables.edges.length);
  nodeContributors.forEach((list, node) => (nodeLists[node] = list));
  edgeContributors.forEach((list, edge) => (edgeLists[edge] = list));
  // A touched node's statements in file order, as (rank, variant) pairs: its fold reads them instead of rescanning every contributor's statements (a node stated by 10 000 articles × ~70 statements each).
  const nodeStatements: number[][] = new Array(tables.nodes.length);
  nodeContributors.forEach((_, node) => (nodeStatements[node] = []));
  // Likewise where its surfaces lie, as (rank, offset in the article's surfaces) pairs.
  const nodeSurfaces: number[][] = new Array(tables.nodes.length);
  nodeContributors.forEach((_, node) => (nodeSurfaces[node] = []));
  // Sort key of a first statement: rank, then position in the article (positions stay far below this).
  const POSITION_SPAN = 2 ** 21;
  articles.forEach((article, rank) => {
    const contributor: Contributor = { rank, article, extraction: freshExtraction.get(article) };
    for (let k = 0; k < article.entities.length; k += 2) {
      const node = article.entities[k];
      if (nodeFirst[node] === Infinity) nodeFirst[node] = rank * POSITION_SPAN + k / 2;
      const list = nodeLists[node];
      if (list) {
        if (list[list.length - 1]?.article !== article) list.push(contributor);
        nodeStatements[node].push(rank, article.entities[k + 1]);
      }
    }
    const surfaces = article.surfaces;
    if (surfaces) {
      for (let k = 0; k < surfaces.length; k += 2 + surfaces[k + 1]) nodeSurfaces[surfaces[k]]?.push(rank, k);
    }
    for (let k = 0; k < article.edges.length; k += 3) {
      const edge = article.edges[k];
      if (edgeFirst[edge] === Infinity) edgeFirst[edge] = rank * POSITION_SPAN + article.edges[k + 1];
      edgeClaims[edge] += article.edges[k + 2];
      edgeLists[edge]?.push(contributor);
    }
  });

  const texts = new Map<string, Uint8Array[]>();
  const regionOf = (span: EntrySpan | undefined, key: string) => (span ? itemRegion(bytes.subarray(span.offset, span.offset + span.length), key) : Buffer.alloc(0));
  for (const [node, contributors] of nodeContributors) {
    if (contributors.length === 0) continue;
    const record = tables.nodes[node];
    const start = appendedTo(bytes, record.span, contributors, droppedFromNode.get(node)!);
    const attributes = nodeAttributes(record, nodeStatements[node], nodeSurfaces[node], articles, tables.strings, start && { attributes: start.attributes, fromRank: contributors[start.from].rank });
    record.type = attributes.type;
    const itemChanges = changesOf(contributors, droppedFromNode.get(node)!, (extraction) =>
      extraction.mentions.filter((m) => m.entityId === record.id).map((m) => ({ doc: extraction.doc, sentence: m.sentence, start: m.start, end: m.end })),
    );
    const region = splicedRegion(regionOf(record.span, 'mentions'), itemChanges);
    texts.set(`n${node}`, entryWithItems(nodeEntry(record.id, attributes) as { attributes: Record<string, unknown> }, 'mentions', region));
  }
  for (const [edge, contributors] of edgeContributors) {
    if (contributors.length === 0) continue;
    const record = tables.edges[edge];
    const attributes = edgeAttributes(record, edge, contributors, tables.strings);
    record.claims = edgeClaims[edge];
    const itemChanges = changesOf(contributors, droppedFromEdge.get(edge)!, (extraction) => {
      const seen = new Set<string>();
      return extraction.relations
        .filter((r) => r.subject !== r.object && relationKey(r.subject, r.type, r.object) === record.key)
        .map((r) => r.claim)
        .filter((claim) => !seen.has(claimKey(claim)) && Boolean(seen.add(claimKey(claim))));
    });
    const region = splicedRegion(regionOf(record.span, 'claims'), itemChanges);
    const { source, target, undirected } = edgeEnds(record.key);
    texts.set(`e${edge}`, entryWithItems(edgeEntry(record.key, source, target, attributes, undirected) as { attributes: Record<string, unknown> }, 'claims', region));
  }

  const byFirst = (first: Float64Array) => (a: number, b: number) => first[a] - first[b];
  const nodeOrder = [...nodeFirst.keys()].filter((n) => nodeFirst[n] !== Infinity).sort(byFirst(nodeFirst));
  const edgeOrder = [...edgeFirst.keys()].filter((e) => edgeFirst[e] !== Infinity).sort(byFirst(edgeFirst));
  const entryBytes = (kind: 'n' | 'e', i: number, span: EntrySpan | undefined): EntryContent => texts.get(`${kind}${i}`) ?? bytes.subarray(span!.offset, span!.offset + span!.length);
  const attributes = { name: 'newsgraph', extractorVersion: index.extractorVersion, builtAt, articles: articles.map((a) => a.meta), skipped };
  const layout = graphFileLayout(
    { options: index.options, attributes },
    nodeOrder.map((n) => entryBytes('n', n, tables.nodes[n].span)),
    edgeOrder.map((e) => entryBytes('e', e, tables.edges[e].span)),
  );
  // Positions stay as they are (no article is rewritten); only the spans follow the new file.
  // Cleared, not deleted: a deleted property turns 10⁵ records into slow dictionaries for the index encoder.
  for (const node of tables.nodes) node.span = undefined;
  for (const edge of tables.edges) edge.span = undefined;
  nodeOrder.forEach((n, i) => (tables.nodes[n].span = layout.nodes[i]));
  edgeOrder.forEach((e, i) => (tables.edges[e].span = layout.edges[i]));
  return {
    layout,
    skipped,
    articles,
    index: {
      format: GRAPH_INDEX_FORMAT,
      key: index.key,
      articlesDir: index.articlesDir,
      extractorVersion: index.extractorVersion,
      options: index.options,
      skipped: skippedStamped,
      articles,
      nodes: tables.nodes,
      edges: tables.edges,
      nodeOrder,
      edgeOrder,
      strings: tables.strings,
    },
  };
}

/**
 * The item changes of a touched entry: the runs of the dropped docs go, each
 * fresh contributor's items go in before the run of the next kept
 * contributor (or at the end), in file order.
 */
function changesOf(contributors: readonly Contributor[], dropped: readonly string[], itemsOf: (extraction: ArticleExtraction) => object[]): ItemChange[] {
  const changes: ItemChange[] = dropped.map((doc) => ({ drop: doc }));
  contributors.forEach((contributor, i) => {
    if (!contributor.extraction) return;
    const before: string[] = [];
    for (let j = i + 1; j < contributors.length; j++) if (!contributors[j].extraction) before.push(contributors[j].article.meta.id);
    changes.push({ insert: itemsText(itemsOf(contributor.extraction)), before });
  });
  return changes;
}

/**
 * When a node only gained articles after all those that stated it before
 * (the usual new article, whose file sorts last) and lost none, the
 * attributes of its old entry — all but the mentions, a few hundred bytes
 * even for a hub — are where the fold over its earlier articles would
 * arrive: they are read back and the fold starts from them.
 */
function appendedTo(bytes: Uint8Array, span: EntrySpan | undefined, contributors: readonly Contributor[], dropped: readonly string[]): { attributes: EntityAttributes; from: number } | undefined {
  if (!span || dropped.length) return undefined;
  const from = contributors.findIndex((c) => c.extraction);
  if (from <= 0 || contributors.slice(from).some((c) => !c.extraction)) return undefined;
  const entry = Buffer.from(bytes.buffer, bytes.byteOffset + span.offset, span.length);
  const region = itemRegion(entry, 'mentions');
  const head = entry.toString('utf8', 0, region.byteOffset - entry.byteOffset);
  const { attributes } = JSON.parse(`${head}]}}`) as { attributes: EntityAttributes };
  return { attributes: { ...attributes, mentions: [] }, from };
}

/**
 * The attributes of a touched node, folded as buildGraph folds them, with
 * its mentions left empty: article by article in file order, its record
 * variants (`statements`: rank and variant) then its surfaces (`surfaces`:
 * rank and offset in the article's surfaces list); or from `start`, the
 * attributes as they stood before the article of rank `fromRank`.
 */
function nodeAttributes(
  node: IndexedNode,
  statements: readonly number[],
  surfaces: readonly number[],
  articles: readonly IndexedArticle[],
  strings: readonly string[],
  start?: { attributes: EntityAttributes; fromRank: number },
): EntityAttributes {
  type Record = { label: string; type: EntityType; aliases: string[]; [field: string]: unknown };
  // A node stated by thousands of articles has a few record variants: each is parsed and folded in once, as folding it again adds nothing.
  const folded = new Set<number>();
  let attributes: EntityAttributes | undefined = start?.attributes;
  const fromRank = start?.fromRank ?? 0;
  const aliases = new Set<string>(attributes?.aliases);
  const addAlias = (alias: string) => {
    if (alias === attributes!.label || aliases.has(alias)) return;
    aliases.add(alias);
    attributes!.aliases.push(alias);
  };
  let s = 0;
  let f = 0;
  while (s < statements.length && statements[s] < fromRank) s += 2;
  while (s < statements.length) {
    const rank = statements[s];
    for (; s < statements.length && statements[s] === rank; s += 2) {
      const variant = statements[s + 1];
      if (folded.has(variant)) continue;
      folded.add(variant);
      const record = JSON.parse(node.variants[variant]) as Record;
      if (!attributes) attributes = { ...record, aliases: [], mentions: [] };
      for (const alias of record.aliases) addAlias(alias);
    }
    while (f < surfaces.length && surfaces[f] < rank) f += 2;
    for (; f < surfaces.length && surfaces[f] === rank; f += 2) {
      const list = articles[rank].surfaces!;
      const k = surfaces[f + 1];
      for (let i = k + 2; i < k + 2 + list[k + 1]; i++) addAlias(strings[list[i]]);
    }
  }
  return attributes!;
}

/** The attributes of a touched edge, folded from its contributors as buildGraph folds them, with its claims left empty. */
function edgeAttributes(edge: IndexedEdge, index: number, contributors: readonly Contributor[], strings: readonly string[]): RelationAttributes {
  const attributes: RelationAttributes = { type: edge.type, claims: [] };
  for (const { article } of contributors) {
    const extras = article.extras;
    if (!extras) continue;
    for (let k = 0; k < article.edges.length; k += 3) {
      if (article.edges[k] !== index) continue;
      for (let e = 0; e < extras.length; e += 2 + extras[e + 1]) {
        if (extras[e] !== k / 3) continue;
        for (let i = e + 2; i < e + 2 + extras[e + 1]; i++) mergeRelationExtras(attributes, JSON.parse(strings[extras[i]]) as StatementExtras);
      }
    }
  }
  return attributes;
}

/** Where the index of graph file `out` is kept: in the cache folder, one file per graph file path. */
export function graphIndexFile(cacheDir: string, out: string): string {
  return path.join(cacheDir, GRAPH_INDEX_FOLDER, `${createHash('sha256').update(path.resolve(out)).digest('hex').slice(0, 16)}.index`);
}

/** The stamp of a file now, or undefined when it cannot be statted. */
export function stampOf(file: string): FileStamp | undefined {
  try {
    const stats = statSync(file);
    return { size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * The index of graph file `out` when it can be used: same format, key and
 * articles folder, and the graph file unchanged since (same stamp). Else
 * the reason it cannot.
 */
export function readGraphIndex(file: string, expected: { key: string; articlesDir: string; out: string }): GraphIndex | { reason: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { reason: 'no index of the last build' };
  }
  let index: GraphIndex;
  try {
    index = decodeGraphIndex(bytes);
  } catch {
    return { reason: 'the index of the last build is damaged' };
  }
  if (index.format !== GRAPH_INDEX_FORMAT) return { reason: 'index of another format' };
  if (index.key !== expected.key) return { reason: 'extractor, code or size limit changed' };
  if (index.articlesDir !== expected.articlesDir) return { reason: 'another articles folder' };
  const now = stampOf(expected.out);
  if (!now || now.size !== index.graphFile?.size || now.mtimeMs !== index.graphFile.mtimeMs) return { reason: `${expected.out} was written by something else since` };
  return index;
}

/** Writes the index of the graph file just written (whose stamp it records), atomically. */
export function writeGraphIndex(file: string, index: Omit<GraphIndex, 'graphFile'>, out: string): void {
  writeEncodedGraphIndex(file, encodeGraphIndexBody(index), out);
}

/** writeGraphIndex for an index encoded while its graph file was being written (encodeGraphIndexBody): stamped with the file as it now is. */
export function writeEncodedGraphIndex(file: string, body: Buffer, out: string): void {
  const graphFile = stampOf(out);
  if (!graphFile) return;
  mkdirSync(path.dirname(file), { recursive: true });
  // Not flushed: an index lost to a crash is a full build next time (its stamp or its bytes no longer match), never a wrong graph.
  writeFileAtomic(file, stampGraphIndex(body, graphFile), { flush: false });
}

/** Removes an index that no longer describes its graph file. */
export function removeGraphIndex(file: string): void {
  rmSync(file, { force: true });
}
