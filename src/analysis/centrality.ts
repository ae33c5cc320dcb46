/**
 * Centrality
 * ==========
 *
 * Which entities hold the graph together. Every metric runs on the simple
 * projection of project.ts (parallel relations collapsed, weight = claims):
 *
 * | metric          | projection          | what the score is                                            |
 * | --------------- | ------------------- | ------------------------------------------------------------ |
 * | degree          | undirected          | number of distinct entities linked to it                     |
 * | weighted-degree | undirected          | number of claims on all its relations                        |
 * | betweenness     | undirected, hops    | share of shortest paths through it (exact, or sampled above  |
 * |                 |                     | EXACT_BETWEENNESS_MAX_NODES nodes; see betweenness.ts)       |
 * | closeness       | undirected, hops    | inverse mean distance to what it reaches, scaled by the      |
 * |                 |                     | share of the graph it reaches (Wasserman–Faust)              |
 * | pagerank        | directed, by claims | PageRank: importance received through incoming relations     |
 * | eigenvector     | undirected, claims  | eigenvector centrality: linked to well-linked entities       |
 *
 * Metrics are declared as data (CENTRALITY_METRICS) so scripts, the viewer and
 * --help read one registry. `centrality(graph, options)` returns the scores;
 * `centrality.assign(graph, options)` writes them on the nodes under the
 * metric's `attribute` name.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector';
import { ENTITY_TYPES, type EntityType } from '../ontology';
import { betweenness, type BetweennessMethod, type BetweennessOptions } from './betweenness';
import { AnalysisInputError, assertGraph } from './errors';
import { pagerankScores } from './pagerank';
import { assignScores, toSimpleGraph, type SimpleGraph } from './project';

/** Who refuses bad centrality input, in error messages. */
const WHO = 'newsgraph centrality';

/** Iteration cap of the power methods; eigenvector's (I + A) iteration converges slowly on sparse graphs. */
export const POWER_ITERATION_MAX = 1000;
/** Convergence tolerance of the power methods (per node, L1). */
export const POWER_ITERATION_TOLERANCE = 1e-8;
/** PageRank damping factor (the usual 0.85). */
export const PAGERANK_ALPHA = 0.85;

export const CENTRALITY_METRIC_NAMES = ['degree', 'weighted-degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector'] as const;
export type CentralityMetric = (typeof CENTRALITY_METRIC_NAMES)[number];

export interface CentralityOptions extends BetweennessOptions {
  /** Metric to compute. Default 'degree'. */
  metric?: CentralityMetric;
}

export const CENTRALITY_DEFAULTS = { metric: 'degree' as CentralityMetric };

export interface CentralityResult {
  metric: CentralityMetric;
  /** Score per node key (every node of the graph). */
  scores: Record<string, number>;
  /** For betweenness: exact or sampled, and with how many sources. */
  method?: BetweennessMethod;
}

/** One metric of the registry. */
export interface MetricDefinition {
  name: CentralityMetric;
  /** Node attribute written by centrality.assign. */
  attribute: string;
  /** One line for --help and the viewer. */
  description: string;
  compute(graph: Graph, options: CentralityOptions): Omit<CentralityResult, 'metric'>;
}

function fromProjection(graph: Graph, directed: boolean, compute: (simple: SimpleGraph) => Record<string, number>): Record<string, number> {
  const simple = toSimpleGraph(graph, { directed });
  return simple.order === 0 ? {} : compute(simple);
}

function powerMethod(name: string, run: () => Record<string, number>): Record<string, number> {
  try {
    return run();
  } catch (error) {
    if (/failed to converge/.test((error as Error).message)) {
      throw new Error(`${WHO}: ${name} did not converge in ${POWER_ITERATION_MAX} iterations`);
    }
    throw error;
  }
}

export const CENTRALITY_METRICS: Readonly<Record<CentralityMetric, MetricDefinition>> = {
  degree: {
    name: 'degree',
    attribute: 'degree',
    description: 'distinct entities linked to it',
    compute: (graph) => ({ scores: fromProjection(graph, false, (simple) => Object.fromEntries(simple.mapNodes((node) => [node, simple.degree(node)]))) }),
  },
  'weighted-degree': {
    name: 'weighted-degree',
    attribute: 'weightedDegree',
    description: 'claims on all its relations',
    compute: (graph) => ({
      scores: fromProjection(graph, false, (simple) =>
        Object.fromEntries(simple.mapNodes((node) => [node, simple.reduceEdges(node, (sum, _edge, attributes) => sum + attributes.weight, 0)])),
      ),
    }),
  },
  betweenness: {
    name: 'betweenness',
    attribute: 'betweenness',
    description: 'share of shortest paths through it',
    compute: (graph, options) => {
      const { scores, ...method } = betweenness(graph, options);
      return { scores, method };
    },
  },
  closeness: {
    name: 'closeness',
    attribute: 'closeness',
    description: 'inverse mean distance to the entities it reaches (Wasserman–Faust)',
    compute: (graph) => ({ scores: fromProjection(graph, false, (simple) => closenessCentrality(simple, { wassermanFaust: true })) }),
  },
  pagerank: {
    name: 'pagerank',
    attribute: 'pagerank',
    description: 'importance received through incoming relations, by claims',
    compute: (graph) => ({
      scores: fromProjection(graph, true, (simple) =>
        powerMethod('pagerank', () =>
          pagerankScores(simple, { getEdgeWeight: 'weight', alpha: PAGERANK_ALPHA, maxIterations: POWER_ITERATION_MAX, tolerance: POWER_ITERATION_TOLERANCE }),
        ),
      ),
    }),
  },
  eigenvector: {
    name: 'eigenvector',
    attribute: 'eigenvector',
    description: 'linked to well-linked entities, by claims',
    compute: (graph) => ({
      scores: fromProjection(graph, false, (simple) =>
        powerMethod('eigenvector', () =>
          eigenvectorCentrality(simple, { getEdgeWeight: 'weight', maxIterations: POWER_ITERATION_MAX, tolerance: POWER_ITERATION_TOLERANCE }),
        ),
      ),
    }),
  },
};

/**
 * Reads a metric name, case-insensitively; `all` gives every metric.
 * Throws `newsgraph centrality: unknown metric "foo" (known: degree, …)`.
 */
export function parseMetrics(names: readonly string[]): CentralityMetric[] {
  const wanted = names.length ? names : [CENTRALITY_DEFAULTS.metric];
  const metrics: CentralityMetric[] = [];
  for (const raw of wanted) {
    const name = raw.trim().toLowerCase();
    if (name === 'all') return [...CENTRALITY_METRIC_NAMES];
    const metric = CENTRALITY_METRIC_NAMES.find((known) => known === name);
    if (!metric) throw new AnalysisInputError(WHO, `unknown metric "${raw}" (known: ${CENTRALITY_METRIC_NAMES.join(', ')}, all)`);
    if (!metrics.includes(metric)) metrics.push(metric);
  }
  return metrics;
}

/**
 * Reads entity type names, case-insensitively (`country` → Country).
 * Throws `newsgraph centrality: unknown type "X" (known: Country, …)`.
 */
export function parseEntityTypes(names: readonly string[], who = WHO): EntityType[] {
  return names.map((raw) => {
    const type = ENTITY_TYPES.find((known) => known.toLowerCase() === raw.trim().toLowerCase());
    if (!type) throw new AnalysisInputError(who, `unknown type "${raw}" (known: ${ENTITY_TYPES.join(', ')})`);
    return type;
  });
}

/** Scores one metric on every node of the graph. Returns empty scores for an empty graph. */
export function centrality<N extends Attributes>(graph: Graph<N>, options: CentralityOptions = {}): CentralityResult {
  assertGraph(WHO, graph);
  const metric = options.metric ?? CENTRALITY_DEFAULTS.metric;
  const definition = CENTRALITY_METRICS[metric];
  if (!definition) throw new AnalysisInputError(WHO, `unknown metric "${metric}" (known: ${CENTRALITY_METRIC_NAMES.join(', ')})`);
  return { metric, ...definition.compute(graph as unknown as Graph, options) };
}

/** Writes the metric's scores on every node under its `attribute`; returns the result too. */
centrality.assign = function assignCentrality<N extends Attributes>(graph: Graph<N>, options: CentralityOptions = {}): CentralityResult {
  const result = centrality(graph, options);
  assignScores(graph as unknown as Graph, CENTRALITY_METRICS[result.metric].attribute, result.scores);
  return result;
};

/** One row of a ranking. */
export interface RankedNode {
  key: string;
  label: string;
  type: string;
  score: number;
}

export interface RankOptions {
  /** Keep only these entity types (already validated). Default: all. */
  types?: readonly string[];
  /** Keep the first N rows. Default: all. */
  top?: number;
}

/**
 * Orders nodes by score, highest first; ties by label then key so the order
 * is stable. Filters by type after scoring: scores are always computed on the
 * whole graph.
 */
export function rankNodes<N extends Attributes>(graph: Graph<N>, scores: Readonly<Record<string, number>>, options: RankOptions = {}): RankedNode[] {
  const types = options.types?.length ? new Set(options.types) : undefined;
  const rows: RankedNode[] = [];
  graph.forEachNode((key, attributes) => {
    const type = String(attributes.type ?? '');
    if (types && !types.has(type)) return;
    rows.push({ key, label: String(attributes.label ?? key), type, score: scores[key] ?? 0 });
  });
  rows.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label, 'fr') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return options.top === undefined ? rows : rows.slice(0, options.top);
}
