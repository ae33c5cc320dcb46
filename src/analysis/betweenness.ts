/**
 * Betweenness centrality, exact or sampled
 * ========================================
 *
 * How often an entity lies on the shortest paths between two others, on the
 * undirected projection (see project.ts), counting hops (claim counts are
 * strength, not distance, so they do not weigh paths).
 *
 * - Exact while the graph has at most EXACT_BETWEENNESS_MAX_NODES nodes:
 *   O(n·m), Brandes from every node (brandesFromSources below, compressed
 *   adjacency): graphology-metrics' scores, about 4× faster than its own
 *   betweenness (profiled in BENCHMARKS.md).
 * - Sampled above it, or when `samples` < n is asked for: Brandes' accumulation
 *   from `samples` source nodes drawn without replacement with a seeded RNG,
 *   scaled by n / samples (Brandes & Pich 2007). graphology has no sampled
 *   betweenness, so this part is written by hand; with samples = n it is the
 *   exact algorithm.
 *
 * Scores use graphology's normalisation (divided by (n−1)(n−2)), so exact and
 * sampled values are comparable. The result says which method ran.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { AnalysisInputError, assertGraph } from './errors';
import { assignScores, toSimpleGraph } from './project';
import { createRng, DEFAULT_SEED, sampleWithoutReplacement } from './rng';

/**
 * Above this many nodes exact betweenness stops being interactive; sample
 * instead. Measured on a loaded 2-core machine: 2 000 nodes / 6 000 edges ≈ 2 s,
 * 5 000 / 15 000 ≈ 6–14 s.
 */
export const EXACT_BETWEENNESS_MAX_NODES = 3000;
/**
 * Sources drawn when sampling and no `samples` is given. The error falls as
 * 1/√samples; on a 5 000-node random graph (flat scores, the hard case) the
 * mean relative error on the exact top 10 was ≈ 20 % at 300 sources and ≈ 10 %
 * at 1 000. Hub-dominated press graphs rank their top entities more stably.
 */
export const DEFAULT_BETWEENNESS_SAMPLES = 500;

export interface BetweennessOptions {
  /** Source nodes to sample. Default: all (exact) up to EXACT_BETWEENNESS_MAX_NODES nodes, else DEFAULT_BETWEENNESS_SAMPLES. */
  samples?: number;
  /** Seed of the source draw. Default DEFAULT_SEED. */
  seed?: number | string;
  /** Node count above which sampling is used when `samples` is not given. Default EXACT_BETWEENNESS_MAX_NODES. */
  exactMaxNodes?: number;
  /** Divide by (n−1)(n−2) as graphology does. Default true. */
  normalized?: boolean;
}

export const BETWEENNESS_DEFAULTS = {
  seed: DEFAULT_SEED as number | string,
  exactMaxNodes: EXACT_BETWEENNESS_MAX_NODES,
  normalized: true,
};

/** How betweenness was computed, for the output to say so. */
export interface BetweennessMethod {
  method: 'exact' | 'sampled';
  /** Source nodes used (n when exact). */
  samples: number;
  /** Seed of the draw (sampled only). */
  seed?: number | string;
}

export interface BetweennessResult extends BetweennessMethod {
  scores: Record<string, number>;
}

/** Decides exact vs sampled from the node count and the options; throws on a bad `samples`. */
export function betweennessMethod(order: number, options: BetweennessOptions = {}): BetweennessMethod {
  const { seed, exactMaxNodes } = { ...BETWEENNESS_DEFAULTS, ...options };
  const { samples } = options;
  if (samples !== undefined && (!Number.isInteger(samples) || samples < 1)) {
    throw new AnalysisInputError('newsgraph betweenness', `samples must be a positive integer (got ${samples})`);
  }
  const wanted = samples ?? (order > exactMaxNodes ? DEFAULT_BETWEENNESS_SAMPLES : order);
  return wanted >= order ? { method: 'exact', samples: order } : { method: 'sampled', samples: wanted, seed };
}

/**
 * Brandes' algorithm accumulated from the given source nodes only, on a simple
 * graph (undirected or directed), hop-counted. Scores are scaled by
 * n / sources.length so they estimate the exact values, then normalised like
 * graphology's. Written by hand: graphology has no sampled variant.
 */
export function brandesFromSources(graph: Graph, sources: readonly string[], normalized = true): Record<string, number> {
  const nodes = graph.nodes();
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node, i]));
  // Compressed adjacency (offsets + targets) and no predecessor lists: a
  // predecessor of w is any neighbour one step closer to the source, so the
  // accumulation rescans w's neighbours instead of allocating per source.
  const offsets = new Int32Array(n + 1);
  const lists = nodes.map((node) => graph.outboundNeighbors(node).map((other) => index.get(other)!));
  lists.forEach((list, i) => (offsets[i + 1] = offsets[i] + list.length));
  const targets = new Int32Array(offsets[n]);
  lists.forEach((list, i) => targets.set(list, offsets[i]));
  // Predecessors along directed edges are in-neighbours: keep the reverse adjacency for directed graphs.
  const reverse = graph.type === 'undirected' ? { offsets, targets } : reverseAdjacency(offsets, targets, n);

  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const distance = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);

  for (const source of sources) {
    const s = index.get(source);
    if (s === undefined) continue;
    sigma.fill(0);
    distance.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    distance[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    // Loop bounds and the source's distance and path count are read once per node: this inner loop is the whole cost.
    while (head < tail) {
      const v = order[head++];
      const next = distance[v] + 1;
      const paths = sigma[v];
      const end = offsets[v + 1];
      for (let j = offsets[v]; j < end; j++) {
        const w = targets[j];
        const dw = distance[w];
        if (dw < 0) {
          distance[w] = next;
          order[tail++] = w;
          sigma[w] = paths;
        } else if (dw === next) sigma[w] += paths;
      }
    }
    // Reverse BFS order: every node is settled before the nodes that precede it.
    const { offsets: inOffsets, targets: inTargets } = reverse;
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      const share = (1 + delta[w]) / sigma[w];
      const previous = distance[w] - 1;
      const end = inOffsets[w + 1];
      for (let j = inOffsets[w]; j < end; j++) {
        const v = inTargets[j];
        if (distance[v] === previous) delta[v] += sigma[v] * share;
      }
      centrality[w] += delta[w];
    }
  }

  const used = sources.length || 1;
  const scale = (n / used) * (normalized ? (n <= 2 ? 1 : 1 / ((n - 1) * (n - 2))) : graph.type === 'undirected' ? 0.5 : 1);
  const scores: Record<string, number> = {};
  nodes.forEach((node, i) => (scores[node] = centrality[i] * scale));
  return scores;
}

/** In-neighbour adjacency of a compressed out-neighbour adjacency. */
function reverseAdjacency(offsets: Int32Array, targets: Int32Array, n: number): { offsets: Int32Array; targets: Int32Array } {
  const counts = new Int32Array(n + 1);
  for (const t of targets) counts[t + 1]++;
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
  const reversed = new Int32Array(targets.length);
  const fill = counts.slice(0, n);
  for (let v = 0; v < n; v++) for (let j = offsets[v]; j < offsets[v + 1]; j++) reversed[fill[targets[j]]++] = v;
  return { offsets: counts, targets: reversed };
}

/** Betweenness from `samples` sources drawn with a seeded RNG (all nodes when samples ≥ n). */
export function sampledBetweenness(graph: Graph, options: { samples: number; seed?: number | string; normalized?: boolean }): Record<string, number> {
  const sources = sampleWithoutReplacement(graph.nodes(), options.samples, createRng(options.seed ?? DEFAULT_SEED));
  return brandesFromSources(graph, sources, options.normalized ?? true);
}

/** Betweenness of every node of a newsgraph graph (projected undirected), exact or sampled; says which. */
export function betweenness<N extends Attributes>(graph: Graph<N>, options: BetweennessOptions = {}): BetweennessResult {
  assertGraph('newsgraph betweenness', graph);
  const simple = toSimpleGraph(graph);
  const method = betweennessMethod(simple.order, options);
  const normalized = options.normalized ?? BETWEENNESS_DEFAULTS.normalized;
  const scores =
    simple.order === 0
      ? {}
      : method.method === 'exact'
      ? brandesFromSources(simple, simple.nodes(), normalized)
      : sampledBetweenness(simple, { samples: method.samples, seed: method.seed, normalized });
  return { ...method, scores };
}

/** Writes `betweenness` on every node; returns how it was computed. */
betweenness.assign = function assignBetweenness<N extends Attributes>(graph: Graph<N>, options: BetweennessOptions = {}): BetweennessMethod {
  const { scores, ...method } = betweenness(graph, options);
  assignScores(graph, 'betweenness', scores);
  return method;
};
