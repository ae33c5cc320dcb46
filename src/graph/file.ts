/**
 * graph.json by parts
 * ===================
 *
 * The text serialiseGraph writes (JSON.stringify(graph.export(), null, 1)),
 * assembled from one piece per node and per edge, so a rebuild that changed
 * a few entries copies the bytes of the others from the previous file
 * instead of serialising a 100 MB graph again (src/pipeline/incremental.ts),
 * and knows where each entry lies in the file it wrote. The text is the
 * same to the byte as serialiseGraph's (test/graph/file.test.ts).
 */
import type { NewsGraph } from './build';
import { writeFileAtomic } from './io';

/** Spaces per nesting level of graph.json (JSON.stringify's third argument in serialiseGraph). */
export const GRAPH_FILE_INDENT = 1;
/** Nesting of an entry inside graph.json: the top object, then the nodes or edges array. */
const ENTRY_INDENT = ' '.repeat(2 * GRAPH_FILE_INDENT);
const ENTRY_SEPARATOR = Buffer.from(`,\n${ENTRY_INDENT}`);
/** Stand-ins for the two arrays in the serialised head; looked up from the end, after every attribute. */
const NODES_MARK = '\u0000newsgraph:nodes\u0000';
const EDGES_MARK = '\u0000newsgraph:edges\u0000';

/** Where an entry's text lies in graph.json: byte offset and length. */
export interface EntrySpan {
  offset: number;
  length: number;
}

/**
 * graph.json as to be written: its bytes as pieces (entries copied from an
 * earlier file stay views of it, runs of them one piece), its size, and the
 * span of every node and edge entry, in order.
 */
export interface GraphFileLayout {
  pieces: Uint8Array[];
  size: number;
  nodes: EntrySpan[];
  edges: EntrySpan[];
}

/** One node or edge of graph.export(), as its text appears in graph.json (without the separator). */
export function graphEntryText(entry: object): string {
  return JSON.stringify(entry, null, GRAPH_FILE_INDENT).replace(/\n/g, `\n${ENTRY_INDENT}`);
}

/** The export entry of one node, as graphology's export() makes it. */
export function nodeEntry(key: string, attributes: object): object {
  return Object.keys(attributes).length ? { key, attributes } : { key };
}

/** The export entry of one edge of a mixed graph, as graphology's export() makes it. */
export function edgeEntry(key: string, source: string, target: string, attributes: object, undirected: boolean): object {
  const entry: Record<string, unknown> = { key, source, target };
  if (Object.keys(attributes).length) entry.attributes = attributes;
  if (undirected) entry.undirected = true;
  return entry;
}

/** The head text around one array stand-in, from `from`: what goes before and after its entries, filled or empty. */
function around(text: string, mark: string, from: number): { filled: [string, string]; empty: string; next: number } {
  const quoted = JSON.stringify(mark);
  const at = text.lastIndexOf(quoted);
  if (at < from) throw new Error(`graphFileLayout: the head lost its stand-in ${quoted}`);
  const open = text.lastIndexOf('[', at);
  const close = text.indexOf(']', at + quoted.length);
  return { filled: [text.slice(from, at), text.slice(at + quoted.length, close + 1)], empty: `${text.slice(from, open + 1)}]`, next: close + 1 };
}

/**
 * Assembles graph.json from the graph's options and attributes and the text
 * (or bytes) of each node and edge entry, in graph order.
 */
/** One entry as given to graphFileLayout: its text, its bytes, or its bytes in pieces (entryWithItems). */
export type EntryContent = string | Uint8Array | readonly Uint8Array[];

export function graphFileLayout(head: { options: object; attributes: object }, nodes: readonly EntryContent[], edges: readonly EntryContent[]): GraphFileLayout {
  const text = JSON.stringify({ options: head.options, attributes: head.attributes, nodes: [NODES_MARK], edges: [EDGES_MARK] }, null, GRAPH_FILE_INDENT);
  const nodesAround = around(text, NODES_MARK, 0);
  const edgesAround = around(text, EDGES_MARK, nodesAround.next);
  const pieces: Uint8Array[] = [];
  let size = 0;
  const push = (piece: Uint8Array) => {
    pieces.push(piece);
    size += piece.length;
  };
  // Whether the last piece is entry bytes the caller gave (a view of an earlier file), which a contiguous next one may extend.
  let lastGiven = false;
  /** Appends an entry after a separator, extending the last piece when both are one run of the same earlier file. */
  const pushAfterSeparator = (bytes: Uint8Array, given: boolean) => {
    const last = pieces[pieces.length - 1];
    if (given && lastGiven && last.buffer === bytes.buffer && last.byteOffset + last.length + ENTRY_SEPARATOR.length === bytes.byteOffset && separatorBetween(last, bytes)) {
      pieces[pieces.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.length + ENTRY_SEPARATOR.length + bytes.length);
      size += ENTRY_SEPARATOR.length + bytes.length;
    } else {
      push(ENTRY_SEPARATOR);
      push(bytes);
    }
  };
  const entries = (list: readonly EntryContent[], { filled, empty }: ReturnType<typeof around>): EntrySpan[] => {
    const spans: EntrySpan[] = [];
    if (list.length === 0) {
      push(Buffer.from(empty));
      return spans;
    }
    push(Buffer.from(filled[0]));
    lastGiven = false;
    list.forEach((entry, i) => {
      if (Array.isArray(entry)) {
        // Pieces of one entry (copied runs and new items): written as they are, never joined to a neighbour.
        if (i > 0) push(ENTRY_SEPARATOR);
        const offset = size;
        for (const piece of entry as readonly Uint8Array[]) push(piece);
        spans.push({ offset, length: size - offset });
        lastGiven = false;
        return;
      }
      const given = typeof entry !== 'string';
      const bytes = given ? (entry as Uint8Array) : Buffer.from(entry as string);
      spans.push({ offset: size + (i > 0 ? ENTRY_SEPARATOR.length : 0), length: bytes.length });
      if (i > 0) pushAfterSeparator(bytes, given);
      else push(bytes);
      lastGiven = given;
    });
    push(Buffer.from(filled[1]));
    return spans;
  };
  const nodeSpans = entries(nodes, nodesAround);
  const edgeSpans = entries(edges, edgesAround);
  push(Buffer.from(text.slice(edgesAround.next)));
  return { pieces, size, nodes: nodeSpans, edges: edgeSpans };
}

/** Whether the bytes between two views of one buffer are the entry separator: small buffers share Node's pool, so adjacency alone does not prove they were cut from one file. */
function separatorBetween(before: Uint8Array, after: Uint8Array): boolean {
  const gap = new Uint8Array(before.buffer, before.byteOffset + before.length, after.byteOffset - before.byteOffset - before.length);
  return gap.every((byte, i) => byte === ENTRY_SEPARATOR[i]);
}

/** The bytes of a layout, in one buffer. */
export function layoutBytes(layout: GraphFileLayout): Buffer {
  return Buffer.concat(layout.pieces, layout.size);
}

/** The layout of a whole graph: serialiseGraph's text, with the span of every entry. */
export function layoutGraph(graph: NewsGraph): GraphFileLayout {
  const exported = graph.export();
  return graphFileLayout(
    exported,
    exported.nodes.map((node) => graphEntryText(node)),
    exported.edges.map((edge) => graphEntryText(edge)),
  );
}

/** Writes a layout atomically (temp file, flushed, renamed). */
export function writeGraphFile(file: string, layout: GraphFileLayout): void {
  writeFileAtomic(file, layout.pieces);
}

/** Reads back one entry of a layout's bytes. */
export function readEntry<T>(bytes: Uint8Array, span: EntrySpan): T {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + span.offset, span.length).toString('utf8')) as T;
}


/*
 * Item arrays inside entries
 * --------------------------
 *
 * A node's mentions and an edge's claims are arrays of items, each naming
 * its doc, stored doc by doc in file order. An entry of a hub (the country
 * every article names) holds tens of thousands of them; a rebuild that adds
 * one article copies the runs of items it keeps as bytes, cuts the runs of
 * the docs it drops and inserts the new items, instead of parsing and
 * writing the whole entry again. Items sit at a fixed depth of graph.json
 * and strings hold no raw line break, so a line opening or closing an item,
 * or naming its doc, is found by its exact text.
 */
const ATTRIBUTE_INDENT = ' '.repeat(4 * GRAPH_FILE_INDENT);
const ITEM_INDENT = ' '.repeat(5 * GRAPH_FILE_INDENT);
const ITEM_KEY_INDENT = ' '.repeat(6 * GRAPH_FILE_INDENT);
const ITEM_OPEN = Buffer.from(`\n${ITEM_INDENT}{`);
const ITEM_CLOSE = Buffer.from(`\n${ITEM_INDENT}}`);
const COMMA = 0x2c;
/** Stands for the items in the text of an entry made with an empty array. */
const ITEMS_MARK = '\u0000newsgraph:items\u0000';

/** The bytes of the items of array attribute `key` in an entry's text (from the first item's line break to the last item's brace); empty for []. */
export function itemRegion(entry: Uint8Array, key: string): Buffer {
  const bytes = Buffer.from(entry.buffer, entry.byteOffset, entry.length);
  const opening = Buffer.from(`\n${ATTRIBUTE_INDENT}${JSON.stringify(key)}: [`);
  const at = bytes.indexOf(opening);
  if (at < 0) throw new Error(`itemRegion: the entry has no array "${key}"`);
  const start = at + opening.length;
  if (bytes[start] === 0x5d) return bytes.subarray(start, start); // "[]"
  const end = bytes.indexOf(`\n${ATTRIBUTE_INDENT}]`, start);
  if (end < 0) throw new Error(`itemRegion: the array "${key}" of the entry does not close`);
  return bytes.subarray(start, end);
}

/** The text of new items as they sit in an item region (each on its own lines, comma-separated). */
export function itemsText(items: readonly object[]): string {
  return items.map((item) => `\n${ITEM_INDENT}${JSON.stringify(item, null, GRAPH_FILE_INDENT).replace(/\n/g, `\n${ITEM_INDENT}`)}`).join(',');
}

function docLine(doc: string): Buffer {
  return Buffer.from(`\n${ITEM_KEY_INDENT}"doc": ${JSON.stringify(doc)}`);
}

/** Where the run of items of `doc` lies in a region, or undefined when it has none. */
function runOf(region: Buffer, doc: string): { start: number; end: number } | undefined {
  const line = docLine(doc);
  const found = region.indexOf(line);
  if (found < 0) return undefined;
  const start = region.lastIndexOf(ITEM_OPEN, found);
  let end = region.indexOf(ITEM_CLOSE, found) + ITEM_CLOSE.length;
  // The run goes on while the next item names the same doc.
  while (region[end] === COMMA) {
    const nextEnd = region.indexOf(ITEM_CLOSE, end + 1);
    if (nextEnd < 0 || region.subarray(end, nextEnd).indexOf(line) < 0) break;
    end = nextEnd + ITEM_CLOSE.length;
  }
  return { start, end };
}

/** One change to an item region: the run of a doc to drop, or items to insert before the first run found among docs (else at the end). */
export type ItemChange = { drop: string } | { insert: string; before: readonly string[] };

/**
 * The region with runs dropped and item texts (itemsText) inserted, as the
 * comma-joined list of chunks the new array holds.
 */
export function splicedRegion(region: Buffer, changes: readonly ItemChange[]): (Buffer | string)[] {
  const cuts: { start: number; end: number }[] = [];
  const inserts: { at: number; order: number; text: string }[] = [];
  changes.forEach((change, order) => {
    if ('drop' in change) {
      const run = runOf(region, change.drop);
      if (run) cuts.push(run);
      return;
    }
    let at = region.length;
    for (const doc of change.before) {
      const run = runOf(region, doc);
      if (run) {
        at = run.start;
        break;
      }
    }
    if (change.insert.length) inserts.push({ at, order, text: change.insert });
  });
  cuts.sort((a, b) => a.start - b.start);
  inserts.sort((a, b) => a.at - b.at || a.order - b.order);
  const chunks: (Buffer | string)[] = [];
  const keep = (from: number, to: number) => {
    if (region[from] === COMMA) from++;
    if (to > from && region[to - 1] === COMMA) to--;
    if (to > from) chunks.push(region.subarray(from, to));
  };
  let cursor = 0;
  let c = 0;
  for (const insert of inserts) {
    while (c < cuts.length && cuts[c].start < insert.at) {
      keep(cursor, cuts[c].start);
      cursor = Math.max(cursor, cuts[c].end);
      c++;
    }
    keep(cursor, insert.at);
    cursor = Math.max(cursor, insert.at);
    chunks.push(insert.text);
  }
  for (; c < cuts.length; c++) {
    keep(cursor, cuts[c].start);
    cursor = Math.max(cursor, cuts[c].end);
  }
  keep(cursor, region.length);
  return chunks;
}

/**
 * The text of an export entry whose array attribute `key` holds the given
 * chunks of items (splicedRegion), as graphEntryText would write it with
 * those items: in pieces, the copied runs left as views of the old file.
 */
export function entryWithItems(entry: { attributes: Record<string, unknown> }, key: string, chunks: readonly (Buffer | string)[]): Buffer[] {
  const text = graphEntryText({ ...entry, attributes: { ...entry.attributes, [key]: [ITEMS_MARK] } });
  const mark = text.indexOf(JSON.stringify(ITEMS_MARK));
  const open = text.lastIndexOf('[', mark);
  const close = text.indexOf(']', mark);
  const head = Buffer.from(text.slice(0, open + 1));
  const tail = Buffer.from(text.slice(close + 1));
  if (chunks.length === 0) return [head, Buffer.from(']'), tail];
  const pieces: Buffer[] = [head];
  chunks.forEach((chunk, i) => {
    if (i > 0) pieces.push(Buffer.from(','));
    pieces.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  });
  pieces.push(Buffer.from(`\n${ATTRIBUTE_INDENT}]`), tail);
  return pieces;
}
