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

/** graph.json as written: its bytes and the span of every node and edge entry, in order. */
export interface GraphFileLayout {
  bytes: Buffer;
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
export function graphFileLayout(head: { options: object; attributes: object }, nodes: readonly (string | Uint8Array)[], edges: readonly (string | Uint8Array)[]): GraphFileLayout {
  const text = JSON.stringify({ options: head.options, attributes: head.attributes, nodes: [NODES_MARK], edges: [EDGES_MARK] }, null, GRAPH_FILE_INDENT);
  const nodesAround = around(text, NODES_MARK, 0);
  const edgesAround = around(text, EDGES_MARK, nodesAround.next);
  const pieces: Uint8Array[] = [];
  let size = 0;
  const push = (piece: Uint8Array) => {
    pieces.push(piece);
    size += piece.length;
  };
  const entries = (list: readonly (string | Uint8Array)[], { filled, empty }: ReturnType<typeof around>): EntrySpan[] => {
    const spans: EntrySpan[] = [];
    if (list.length === 0) {
      push(Buffer.from(empty));
      return spans;
    }
    push(Buffer.from(filled[0]));
    list.forEach((entry, i) => {
      if (i > 0) push(ENTRY_SEPARATOR);
      const bytes = typeof entry === 'string' ? Buffer.from(entry) : entry;
      spans.push({ offset: size, length: bytes.length });
      push(bytes);
    });
    push(Buffer.from(filled[1]));
    return spans;
  };
  const nodeSpans = entries(nodes, nodesAround);
  const edgeSpans = entries(edges, edgesAround);
  push(Buffer.from(text.slice(edgesAround.next)));
  return { bytes: Buffer.concat(pieces, size), nodes: nodeSpans, edges: edgeSpans };
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
  writeFileAtomic(file, layout.bytes);
}

/** Reads back one entry of a layout's bytes. */
export function readEntry<T>(bytes: Uint8Array, span: EntrySpan): T {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + span.offset, span.length).toString('utf8')) as T;
}

