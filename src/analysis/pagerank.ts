/**
 * PageRank on compressed adjacency
 * ================================
 *
 * The power iteration of graphology-metrics' pagerank — same teleport and
 * dangling-node mass, same convergence test (L1 change < n · tolerance), same
 * summation order, hence the same scores to the last bit — run on typed
 * arrays built in one pass over the edges.
 *
 * Why not graphology-metrics itself: profiling `npm run bench` (100 000
 * nodes, 1 000 000 edges) showed ~90 % of its time in building its
 * WeightedNeighborhoodIndex through per-node and per-edge callbacks, and
 * under 10 % in the iterations; this build is ~5× faster, which is what puts
 * PageRank ahead of NetworkX by the margin BENCHMARKS.md reports.
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
}

export const PAGERANK_DEFAULTS: Required<PagerankOptions> = { alpha: 0.85, maxIterations: 100, tolerance: 1e-6, getEdgeWeight: 'weight' };

/**
 * PageRank of every node of a simple graph (directed, or undirected with
 * each edge followed both ways). Returns {} for an empty graph; throws
 * `…: failed to converge` past maxIterations.
 */
export function pagerankScores<N extends Attributes>(graph: Graph<N>, options: PagerankOptions = {}): Record<string, number> {
  const { alpha, maxIterations, tolerance, getEdgeWeight } = { ...PAGERANK_DEFAULTS, ...options };
  const nodes: string[] = [];
  // Edges are walked with their ends' attribute objects: finding a node's index by
  // that object's identity costs less than hashing its key (a third of the build at
  // 10⁶ edges). graphology gives every node its own attributes object unless a caller
  // passed one object for several nodes; then the keys are used.
  const byAttributes = new Map<object, number>();
  graph.forEachNode((node, attributes) => {
    byAttributes.set(attributes, nodes.length);
    nodes.push(node);
  });
  const n = nodes.length;
  if (n === 0) return {};
  const byKey = byAttributes.size === n ? undefined : new Map(nodes.map((node, i) => [node, i]));

  // Compressed out-adjacency: starts[i] … starts[i + 1] index neighbour[] and weight[].
  const starts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) starts[i + 1] = starts[i] + graph.outDegree(nodes[i]) + (graph.type === 'directed' ? 0 : graph.undirectedDegree(nodes[i]));
  const neighbour = new Int32Array(starts[n]);
  const weight = new Float64Array(starts[n]);
  const outWeight = new Float64Array(n);
  const fill = starts.slice(0, n);
  const add = (from: number, to: number, w: number) => {
    const k = fill[from]++;
    neighbour[k] = to;
    weight[k] = w;
    outWeight[from] += w;
  };
  graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes, undirected) => {
    const raw = getEdgeWeight === null ? 1 : (attributes as Record<string, unknown>)[getEdgeWeight];
    const w = typeof raw === 'number' ? raw : 1;
    const s = byKey ? byKey.get(source)! : byAttributes.get(sourceAttributes)!;
    const t = byKey ? byKey.get(target)! : byAttributes.get(targetAttributes)!;
    add(s, t, w);
    if (undirected) add(t, s, w);
  });

  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    if (outWeight[i] === 0) dangling.push(i);
    for (let k = starts[i]; k < starts[i + 1]; k++) weight[k] /= outWeight[i];
  }
  const p = 1 / n;
  let x = new Float64Array(n).fill(p);
  let next = new Float64Array(n);
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
