/**
 * PageRank on compressed adjacency
 * ================================
 *
 * The power iteration of graphology-metrics' pagerank — same teleport and
 * dangling-node mass, same convergence test (L1 change < n · tolerance), same
 * summation order, hence the same scores to the last bit — run on typed
 * arrays built from one walk over graphology's edge records and a counting
 * sort (compressedAdjacency).
 *
 * Why not graphology-metrics itself: profiling `npm run bench` (100 000
 * nodes, 1 000 000 edges) showed ~90 % of its time in building its
 * WeightedNeighborhoodIndex through per-node and per-edge callbacks, and
 * under 10 % in the iterations; building typed arrays directly is ~5×
 * faster, and then still took ~85 % of a run, which the two-pass build
 * below cuts (BENCHMARKS.md reports both halves beside NetworkX, whose timed
 * call also builds its matrix from the graph).
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';

export interface PagerankOptions {
  /** Damping factor. Default 0.85. */
  alpha?: number;
  /** Iteration cap; more throws "failed to converge". Default 100. */
  maxIterations?: number;
  /** Convergence tolerance per node (L1). Default 1e-6. */
  tolerance?: number;
  /** Edge attribute holding the weight, or null for 1 on every edge. Default 'weight' (1 when missing). */
  getEdgeWeight?: string | null;
  /**
   * Walk graphology's own node and edge records instead of its public
   * iterators when the graph has them (see graphRecords). Same scores either
   * way. Default true.
   */
  readGraphRecords?: boolean;
}

export const PAGERANK_DEFAULTS: Required<PagerankOptions> = { alpha: 0.85, maxIterations: 100, tolerance: 1e-6, getEdgeWeight: 'weight', readGraphRecords: true };

/**
 * Out-adjacency in compressed form, as a transition matrix: starts[i] …
 * starts[i + 1] index neighbour[] and weight[], each weight divided by its
 * source's out-weight.
 */
export interface CompressedAdjacency {
  nodes: string[];
  starts: Int32Array;
  neighbour: Int32Array;
  weight: Float64Array;
  /** Sum of each node's edge weights (0: a dangling node). */
  outWeight: Float64Array;
}

/** What the edge walk needs of graphology's private node and edge records (graphology 0.26). */
interface NodeRecord {
  key: string;
}
interface EdgeRecord {
  attributes: Attributes;
  source: NodeRecord;
  target: NodeRecord;
  undirected: boolean;
}

/**
 * graphology's own node and edge maps, when the graph has them as 0.26 does
 * (checked on their size and on one edge record), else undefined and the
 * public iterators are used. Same nodes and edges in the same order either
 * way; reading the records saves, per edge, a callback and a lookup through
 * an extra object (test/analysis/pagerank.test.ts compares both walks).
 */
export function graphRecords(graph: Graph): { nodes: Map<string, NodeRecord>; edges: Map<string, EdgeRecord> } | undefined {
  const inner = graph as unknown as { _nodes?: unknown; _edges?: unknown };
  const nodes = inner._nodes;
  const edges = inner._edges;
  if (!(nodes instanceof Map) || !(edges instanceof Map) || nodes.size !== graph.order || edges.size !== graph.size) return undefined;
  const first = edges.values().next().value as Partial<EdgeRecord> | undefined;
  if (first && (typeof first.source?.key !== 'string' || typeof first.target?.key !== 'string' || typeof first.undirected !== 'boolean' || typeof first.attributes !== 'object')) return undefined;
  return { nodes: nodes as Map<string, NodeRecord>, edges: edges as Map<string, EdgeRecord> };
}

/** The arcs of a build before they are placed by source: parallel lists, and each source's arc count at starts[source + 1]. */
interface ArcLists {
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
  starts: Int32Array;
}

/**
 * Each node record's position in the build's node list, written on the
 * record itself at the start of every build (so a graph changed since the
 * last build gets fresh positions). A symbol-keyed property: invisible to
 * graphology's iteration, export and copies. The edge walk reads it on the
 * record it visits anyway; a Map from record to position cost two hash
 * probes per edge, ~200 ns each at 10⁵ nodes, most of the walk
 * (BENCHMARKS.md, PageRank).
 */
const NODE_POSITION = Symbol('newsgraph.pagerank.position');
type PositionedRecord = NodeRecord & { [NODE_POSITION]: number };

/** Edges whose arcs writeRecordArcs writes per call. */
export const EDGE_RECORDS_PER_CALL = 4096;

/** An edge's weight: its `getEdgeWeight` attribute when a number, else 1. */
function edgeWeight(attributes: Attributes, getEdgeWeight: string | null): number {
  const raw = getEdgeWeight === null ? 1 : attributes[getEdgeWeight];
  return typeof raw === 'number' ? raw : 1;
}

/** Writes the arc s → t (and t → s for an undirected edge) at index `k`; returns the index after. */
function writeArc(arcs: ArcLists, k: number, s: number, t: number, w: number, undirected: boolean): number {
  arcs.from[k] = s;
  arcs.to[k] = t;
  arcs.weight[k] = w;
  arcs.starts[s + 1]++;
  if (!undirected) return k + 1;
  arcs.from[k + 1] = t;
  arcs.to[k + 1] = s;
  arcs.weight[k + 1] = w;
  arcs.starts[t + 1]++;
  return k + 2;
}

/**
 * Writes the arcs of the next `count` edges of `edges` from index `k` on
 * (two arcs for an undirected edge); returns the index after the last.
 * Called once per few thousand edges rather than once per build: a loop that
 * runs once per call over 10⁶ records is only ever compiled on the stack
 * (on-stack replacement), which ran it 3–4× slower than the same loop in a
 * function compiled the usual way (BENCHMARKS.md, PageRank).
 */
function writeRecordArcs(edges: Iterator<EdgeRecord>, count: number, getEdgeWeight: string | null, arcs: ArcLists, k: number): number {
  for (let e = 0; e < count; e++) {
    const edge = edges.next().value as EdgeRecord;
    const s = (edge.source as PositionedRecord)[NODE_POSITION];
    const t = (edge.target as PositionedRecord)[NODE_POSITION];
    k = writeArc(arcs, k, s, t, edgeWeight(edge.attributes, getEdgeWeight), edge.undirected);
  }
  return k;
}

/** Same as writeRecordArcs, through graphology's public iterators (a graph without the records graphRecords reads). */
function writeIteratedArcs(graph: Graph, position: Map<string, number>, getEdgeWeight: string | null, arcs: ArcLists): void {
  let k = 0;
  graph.forEachEdge((_edge, attributes, source, target, _sa, _ta, undirected) => {
    k = writeArc(arcs, k, position.get(source)!, position.get(target)!, edgeWeight(attributes, getEdgeWeight), undirected);
  });
}

/** The node keys in graph order, with every edge's arcs written to `arcs` in graph order. */
function writeArcs(graph: Graph, getEdgeWeight: string | null, useRecords: boolean, arcs: ArcLists): string[] {
  const records = useRecords ? graphRecords(graph) : undefined;
  const nodes: string[] = [];
  if (records) {
    for (const [key, record] of records.nodes) {
      (record as PositionedRecord)[NODE_POSITION] = nodes.length;
      nodes.push(key);
    }
    const edges = records.edges.values();
    let k = 0;
    for (let left = records.edges.size; left > 0; left -= EDGE_RECORDS_PER_CALL) {
      k = writeRecordArcs(edges, Math.min(left, EDGE_RECORDS_PER_CALL), getEdgeWeight, arcs, k);
    }
    return nodes;
  }
  const position = new Map<string, number>();
  graph.forEachNode((node) => {
    position.set(node, nodes.length);
    nodes.push(node);
  });
  writeIteratedArcs(graph, position, getEdgeWeight, arcs);
  return nodes;
}

/** Makes the typed arrays of one build or iteration: fresh ones, or views of ones kept between calls. */
interface ArrayMaker {
  int32(role: string, length: number): Int32Array;
  float64(role: string, length: number): Float64Array;
}

const FRESH_ARRAYS: ArrayMaker = { int32: (_role, length) => new Int32Array(length), float64: (_role, length) => new Float64Array(length) };

/**
 * Arrays kept between calls, by role, zero-filled views of the largest asked
 * for. A PageRank on 10⁶ edges would otherwise allocate ~30 MB of array
 * buffers each call; V8 answers that much new external memory with a full
 * collection of the heap, which on the heap of a large graph took 0.3–3 s,
 * more than the PageRank (BENCHMARKS.md, PageRank). Used only where the
 * arrays do not outlive the call (pagerankScores, the iteration vectors).
 */
const keptArrays = new Map<string, Int32Array | Float64Array>();

const KEPT_ARRAYS: ArrayMaker = {
  int32: (role, length) => kept(role, length, Int32Array),
  float64: (role, length) => kept(role, length, Float64Array),
};

function kept<T extends Int32Array | Float64Array>(role: string, length: number, make: new (length: number) => T): T {
  let array = keptArrays.get(role) as T | undefined;
  if (!array || array.length < length) {
    array = new make(length);
    keptArrays.set(role, array);
  }
  const view = array.subarray(0, length) as T;
  view.fill(0);
  return view;
}

/**
 * Builds the compressed out-adjacency in two passes. The first walks the
 * edges once, in graph order, writing (source, target, weight) to flat typed
 * arrays; the second places them by source with a stable counting sort, so
 * each node's neighbours keep the graph's edge order (the order
 * graphology-metrics sums in). Splitting the passes keeps the edge walk's
 * cache misses (edge and node records, index lookups) apart from the
 * scattered writes into the adjacency, which run as a tight loop over typed
 * arrays (BENCHMARKS.md, PageRank).
 */
export function compressedAdjacency(graph: Graph, getEdgeWeight: string | null = PAGERANK_DEFAULTS.getEdgeWeight, useRecords: boolean = PAGERANK_DEFAULTS.readGraphRecords): CompressedAdjacency {
  return buildAdjacency(graph, getEdgeWeight, useRecords, FRESH_ARRAYS);
}

function buildAdjacency(graph: Graph, getEdgeWeight: string | null, useRecords: boolean, arrays: ArrayMaker): CompressedAdjacency {
  const n = graph.order;
  const arcs = graph.directedSize + 2 * graph.undirectedSize;
  // The arc lists never outlive the build: always kept.
  const from = KEPT_ARRAYS.int32('from', arcs);
  const to = KEPT_ARRAYS.int32('to', arcs);
  const arcWeight = KEPT_ARRAYS.float64('arcWeight', arcs);
  const starts = arrays.int32('starts', n + 1);
  const nodes = writeArcs(graph, getEdgeWeight, useRecords, { from, to, weight: arcWeight, starts });
  for (let i = 0; i < n; i++) starts[i + 1] += starts[i];
  const neighbour = arrays.int32('neighbour', arcs);
  const weight = arrays.float64('weight', arcs);
  const outWeight = arrays.float64('outWeight', n);
  const fill = KEPT_ARRAYS.int32('fill', n);
  fill.set(starts.subarray(0, n));
  for (let a = 0; a < arcs; a++) {
    const s = from[a];
    const slot = fill[s]++;
    neighbour[slot] = to[a];
    weight[slot] = arcWeight[a];
    outWeight[s] += arcWeight[a];
  }
  for (let i = 0; i < n; i++) for (let k = starts[i]; k < starts[i + 1]; k++) weight[k] /= outWeight[i];
  return { nodes, starts, neighbour, weight, outWeight };
}

/**
 * PageRank of every node of a simple graph (directed, or undirected with
 * each edge followed both ways). Returns {} for an empty graph; throws
 * `…: failed to converge` past maxIterations.
 */
export function pagerankScores<N extends Attributes>(graph: Graph<N>, options: PagerankOptions = {}): Record<string, number> {
  const { getEdgeWeight, readGraphRecords } = { ...PAGERANK_DEFAULTS, ...options };
  // The adjacency does not outlive this call: its arrays are kept ones.
  return pagerankOfAdjacency(buildAdjacency(graph as unknown as Graph, getEdgeWeight, readGraphRecords, KEPT_ARRAYS), options);
}

/**
 * The power iteration alone, on an adjacency compressedAdjacency built (which
 * it does not modify): what the benchmark reports as "algorithm only".
 */
export function pagerankOfAdjacency(adjacency: CompressedAdjacency, options: Pick<PagerankOptions, 'alpha' | 'maxIterations' | 'tolerance'> = {}): Record<string, number> {
  const { alpha, maxIterations, tolerance } = { ...PAGERANK_DEFAULTS, ...options };
  const { nodes, starts, neighbour, outWeight } = adjacency;
  const n = nodes.length;
  if (n === 0) return {};

  const { weight } = adjacency;
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling.push(i);
  const p = 1 / n;
  // Scores leave in `scores`, not in these vectors: kept ones.
  let x = KEPT_ARRAYS.float64('x', n).fill(p);
  let next = KEPT_ARRAYS.float64('next', n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangleSum = 0;
    for (const i of dangling) dangleSum += x[i];
    dangleSum *= alpha;
    next.fill(0);
    for (let i = 0; i < n; i++) {
      const end = starts[i + 1];
      const share = alpha * x[i]; // (alpha · x[i]) · w, the order graphology-metrics multiplies in, hoisted
      for (let k = starts[i]; k < end; k++) next[neighbour[k]] += share * weight[k];
      next[i] += dangleSum * p + (1 - alpha) * p;
    }
    let error = 0;
    for (let i = 0; i < n; i++) error += Math.abs(next[i] - x[i]);
    [x, next] = [next, x];
    if (error < n * tolerance) {
      const scores: Record<string, number> = {};
      for (let i = 0; i < n; i++) scores[nodes[i]] = x[i];
      return scores;
    }
  }
  throw new Error('newsgraph pagerank: failed to converge.');
}
