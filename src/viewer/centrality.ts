/**
 * Node sizes by centrality. Uses the scores the analysis stage stored on the
 * nodes when present (`pagerank`, `betweenness`, or under `centrality`), and
 * computes them with graphology-metrics otherwise.
 */
import Graph, { UndirectedGraph } from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import betweenness from 'graphology-metrics/centrality/betweenness';

export const CENTRALITIES = ['degree', 'pagerank', 'betweenness'] as const;
export type CentralityKind = (typeof CENTRALITIES)[number];

export const CENTRALITY_LABELS: Readonly<Record<CentralityKind, string>> = {
  degree: 'Degree',
  pagerank: 'PageRank',
  betweenness: 'Betweenness',
};

/** Above this many nodes betweenness (O(n·m)) is not computed in the page unless stored. */
export const BETWEENNESS_MAX_NODES = 3000;

export const MIN_NODE_SIZE = 5;
export const MAX_NODE_SIZE = 22;

function storedScore(attributes: Record<string, unknown>, kind: CentralityKind): number | undefined {
  const direct = attributes[kind];
  if (typeof direct === 'number' && Number.isFinite(direct)) return direct;
  const nested = attributes.centrality as Record<string, unknown> | undefined;
  const value = nested && typeof nested === 'object' ? nested[kind] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A simple graph with one edge per linked pair, which the metrics accept whatever the multigraph holds. */
function simpleProjection(graph: Graph): Graph {
  const simple = new UndirectedGraph();
  graph.forEachNode((node) => simple.addNode(node));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source !== target && !simple.hasEdge(source, target)) simple.addEdge(source, target);
  });
  return simple;
}

/** True when the score can be had for this graph (stored, or cheap enough to compute). */
export function centralityAvailable(graph: Graph, kind: CentralityKind): boolean {
  if (kind !== 'betweenness' || graph.order <= BETWEENNESS_MAX_NODES) return true;
  return graph.everyNode((_node, attributes) => storedScore(attributes, kind) !== undefined);
}

/** Score of every node for `kind`. Empty graph: empty map. */
export function computeCentrality(graph: Graph, kind: CentralityKind): Map<string, number> {
  const scores = new Map<string, number>();
  if (graph.order === 0) return scores;
  if (kind === 'degree') {
    graph.forEachNode((node) => scores.set(node, graph.degree(node)));
    return scores;
  }
  if (graph.everyNode((_node, attributes) => storedScore(attributes, kind) !== undefined)) {
    graph.forEachNode((node, attributes) => scores.set(node, storedScore(attributes, kind)!));
    return scores;
  }
  if (!centralityAvailable(graph, kind)) throw new Error(`newsgraph computeCentrality: ${kind} is too costly for ${graph.order} nodes; store it with the analysis stage`);
  const simple = simpleProjection(graph);
  const computed = kind === 'pagerank' ? pagerank(simple) : betweenness(simple);
  for (const [node, value] of Object.entries(computed)) scores.set(node, value);
  return scores;
}

/**
 * Node display sizes from scores: square-root scale between MIN_NODE_SIZE and
 * MAX_NODE_SIZE (area grows with the score). All-equal scores give the mid size.
 */
export function sizesFromScores(scores: ReadonlyMap<string, number>, min = MIN_NODE_SIZE, max = MAX_NODE_SIZE): Map<string, number> {
  const sizes = new Map<string, number>();
  let low = Infinity;
  let high = -Infinity;
  for (const value of scores.values()) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  for (const [node, value] of scores) {
    sizes.set(node, high > low ? min + (max - min) * Math.sqrt((value - low) / (high - low)) : (min + max) / 2);
  }
  return sizes;
}
