/**
 * Centrality measures, ours: the analysis stage's own code paths on a seeded
 * G(n, m) graph whose edge list is written for the peers (peers.ts), so both
 * sides time the same algorithm on the same edges.
 *
 * - PageRank: src/analysis's power iteration (pagerank.ts) with the alpha,
 *   tolerance and iteration cap of centrality.ts, timed on the projected
 *   simple graph — the peers are timed on their graph objects too;
 *   building the graph and the projection are reported beside. The timed
 *   call builds its compressed adjacency from the graph, as NetworkX's
 *   `pagerank` builds its scipy matrix from its graph in the timed call: that
 *   is the compared figure (the goal's). Its two halves are reported as
 *   well: the adjacency build alone, and the iteration alone on a built
 *   adjacency ("algorithm only"; NetworkX's is its pagerank time minus its
 *   `to_scipy_sparse_array` time, bench/peers.py).
 * - Exact betweenness: src/analysis `betweenness` with no sampling.
 * - Sampled betweenness on the large graph: src/analysis with `samples`.
 */
import { betweenness, toSimpleGraph } from '../src/analysis';
import { PAGERANK_ALPHA, POWER_ITERATION_MAX, POWER_ITERATION_TOLERANCE } from '../src/analysis/centrality';
import { compressedAdjacency, pagerankOfAdjacency, pagerankScores } from '../src/analysis/pagerank';
import { randomEdgeList, toGraphology, writeEdgeList } from './graphs';
import { seconds, timeRuns, type Runs } from './measure';

export const PAGERANK_PARAMETERS = { alpha: PAGERANK_ALPHA, maxIterations: POWER_ITERATION_MAX, tolerance: POWER_ITERATION_TOLERANCE };

export interface PagerankParams {
  nodes: number;
  edges: number;
  seed: number | string;
  runs: number;
  /** Sources of the sampled betweenness on this graph (0: skip). */
  samples: number;
  /** Where to write the edge list for the peers. */
  edgeFile: string;
}

export interface PagerankResult {
  nodes: number;
  edges: number;
  buildSeconds: number;
  projectSeconds: number;
  /** pagerankScores(graph): adjacency build + iteration (the compared figure). */
  pagerank: Runs;
  /** compressedAdjacency(graph) alone. */
  adjacencyBuild: Runs;
  /** pagerankOfAdjacency on a built adjacency (algorithm only). */
  iteration: Runs;
  sampledBetweenness?: { samples: number; seconds: number };
}

/** PageRank (and sampled betweenness) on a large directed G(n, m). */
export async function measurePagerank(params: PagerankParams): Promise<PagerankResult> {
  const edges = randomEdgeList(params.nodes, params.edges, `${params.seed}/pagerank`);
  writeEdgeList(params.edgeFile, edges);
  let graph!: ReturnType<typeof toGraphology>;
  const buildSeconds = await seconds(() => (graph = toGraphology(edges)));
  let simple!: ReturnType<typeof toSimpleGraph>;
  const projectSeconds = await seconds(() => (simple = toSimpleGraph(graph, { directed: true })));
  const runs = await timeRuns(params.runs, () => pagerankScores(simple, { getEdgeWeight: 'weight', ...PAGERANK_PARAMETERS }));
  let adjacency!: ReturnType<typeof compressedAdjacency>;
  const adjacencyBuild = await timeRuns(params.runs, () => (adjacency = compressedAdjacency(simple as never, 'weight')));
  const iteration = await timeRuns(params.runs, () => pagerankOfAdjacency(adjacency, PAGERANK_PARAMETERS));
  const result: PagerankResult = { nodes: params.nodes, edges: params.edges, buildSeconds, projectSeconds, pagerank: runs, adjacencyBuild, iteration };
  if (params.samples > 0) {
    const sampled = await seconds(() => betweenness(graph, { samples: params.samples, seed: params.seed }));
    result.sampledBetweenness = { samples: params.samples, seconds: sampled };
  }
  return result;
}

export interface BetweennessParams {
  nodes: number;
  edges: number;
  seed: number | string;
  runs: number;
  edgeFile: string;
}

export interface BetweennessResult {
  nodes: number;
  edges: number;
  betweenness: Runs;
}

/** Exact betweenness on an undirected G(n, m). */
export async function measureBetweenness(params: BetweennessParams): Promise<BetweennessResult> {
  const edges = randomEdgeList(params.nodes, params.edges, `${params.seed}/betweenness`, true);
  writeEdgeList(params.edgeFile, edges);
  const graph = toGraphology(edges);
  const runs = await timeRuns(params.runs, () => {
    const result = betweenness(graph, { exactMaxNodes: Infinity });
    if (result.method !== 'exact') throw new Error('bench betweenness: analysis sampled instead of exact');
  });
  return { nodes: params.nodes, edges: params.edges, betweenness: runs };
}
