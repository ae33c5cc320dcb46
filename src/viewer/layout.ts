/**
 * Seeded ForceAtlas2 + noverlap layout, computed synchronously (Node, or a
 * page that wants a one-shot layout). The page's live layout runs the same
 * ForceAtlas2 in a web worker; both start from `startPositions`.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { DEFAULT_LAYOUT_SEED, Point, seededPosition } from './positions';

export interface LayoutOptions {
  /** ForceAtlas2 iterations. Default: DEFAULT_ITERATIONS. */
  iterations?: number;
  /** Seed of the start positions. Default: DEFAULT_LAYOUT_SEED. */
  seed?: number;
  /** Start from stored x/y where nodes have them instead of seeded positions. Default: false (a seeded layout is reproducible). */
  keepStoredPositions?: boolean;
  /** noverlap passes after ForceAtlas2 (0 to skip). Default: NOVERLAP_ITERATIONS. */
  noverlapIterations?: number;
}

export const DEFAULT_ITERATIONS = 500;
export const NOVERLAP_ITERATIONS = 200;
/** Node radius (in layout units) per unit of log-degree, used by noverlap to keep labels' dots apart. */
const NOVERLAP_SIZE_PER_LOG_DEGREE = 2;
const NOVERLAP_MIN_SIZE = 2;
/** Coordinates are rounded so the stored file does not churn on float noise. */
const COORDINATE_DECIMALS = 3;

/**
 * ForceAtlas2 settings for a graph: graphology's inferred ones (Barnes-Hut
 * above 2 000 nodes, strong gravity on small graphs), with a gravity of at
 * least MIN_GRAVITY so entities without relations (common: mentioned, never
 * related) stay near the rest instead of drifting to the edges of the view,
 * and, with Barnes-Hut, a coarser approximation (BARNES_HUT_THETA).
 */
export const MIN_GRAVITY = 1;
/**
 * Barnes-Hut accuracy with Barnes-Hut on: graphology's default is 0.5; 1.2 is
 * Gephi's. On 10 000 nodes / 50 000 edges an iteration took ~106 ms at 0.5
 * and ~39 ms at 1.2 (Node, loaded 2-core machine); the picture is the same at
 * the scale anyone looks at a graph that size.
 */
export const BARNES_HUT_THETA = 1.2;
export function layoutSettings(graph: Graph): ReturnType<typeof forceAtlas2.inferSettings> {
  const inferred = forceAtlas2.inferSettings(graph);
  return {
    ...inferred,
    gravity: Math.max(MIN_GRAVITY, inferred.gravity ?? 0),
    ...(inferred.barnesHutOptimize ? { barnesHutTheta: BARNES_HUT_THETA } : {}),
  };
}

/**
 * noverlap's grid: graphology's default is 20 x 20 cells whatever the graph,
 * so on 10 000 nodes each cell holds dozens and the pairwise checks inside
 * cells dominate (50 passes after ForceAtlas2: ~14 s at 20, ~1.5 s at 100).
 * About one node per cell on average, never coarser than the default.
 */
export const NOVERLAP_MIN_GRID_SIZE = 20;
export function noverlapGridSize(order: number): number {
  return Math.max(NOVERLAP_MIN_GRID_SIZE, Math.ceil(Math.sqrt(Math.max(0, order))));
}

export function nodeLayoutSize(degree: number): number {
  return NOVERLAP_MIN_SIZE + NOVERLAP_SIZE_PER_LOG_DEGREE * Math.log1p(Math.max(0, degree));
}

function round(value: number): number {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(value * factor) / factor;
}

/**
 * Computes positions for every node of `graph` (not mutated). Deterministic for
 * a given graph, seed and iteration count. Returns an empty map for an empty graph.
 */
export function computeLayout(graph: Graph, options: LayoutOptions = {}): Map<string, Point> {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const seed = options.seed ?? DEFAULT_LAYOUT_SEED;
  const noverlapIterations = options.noverlapIterations ?? NOVERLAP_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 0) throw new Error(`newsgraph computeLayout: iterations must be a non-negative integer, got ${iterations}`);
  if (!Number.isFinite(seed)) throw new Error(`newsgraph computeLayout: seed must be a number, got ${seed}`);
  const result = new Map<string, Point>();
  if (graph.order === 0) return result;

  // A plain copy holding only what the layouts read, so the caller's graph is untouched.
  const work = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });
  graph.forEachNode((node, attributes) => {
    const stored = options.keepStoredPositions && Number.isFinite(attributes.x) && Number.isFinite(attributes.y);
    const start = stored ? { x: attributes.x as number, y: attributes.y as number } : seededPosition(node, seed);
    work.addNode(node, { ...start, size: nodeLayoutSize(graph.degree(node)) });
  });
  graph.forEachEdge((edge, _attributes, source, target, _s, _t, undirected) => {
    if (undirected) work.addUndirectedEdgeWithKey(edge, source, target);
    else work.addDirectedEdgeWithKey(edge, source, target);
  });

  if (iterations > 0) {
    forceAtlas2.assign(work, { iterations, settings: layoutSettings(work), getEdgeWeight: null });
  }
  if (noverlapIterations > 0) {
    noverlap.assign(work, { maxIterations: noverlapIterations, settings: { margin: 1, ratio: 1.2, gridSize: noverlapGridSize(work.order) } });
  }
  work.forEachNode((node, attributes) => result.set(node, { x: round(attributes.x), y: round(attributes.y) }));
  return result;
}

/** `computeLayout`, written onto the graph's nodes as `x` and `y`. */
export function assignLayout(graph: Graph, options: LayoutOptions = {}): void {
  const positions = computeLayout(graph, options);
  for (const [node, point] of positions) graph.mergeNodeAttributes(node, point);
}
