/**
 * Simple-graph projection
 * =======================
 *
 * The newsgraph graph is a mixed multigraph: two entities may be joined by
 * several relations (Russie —SUPPLIED_ARMS_TO→ Corée du Nord and
 * Corée du Nord —DEPLOYED_TROOPS_TO→ Russie), some directed, some not. Most
 * graphology algorithms (Louvain, eigenvector, closeness) refuse multi or mixed
 * graphs, and "how central is X" is a question about who is linked to whom,
 * not about how many relation types link them. So every analysis runs on one
 * projection:
 *
 * - `directed: false` (default): one undirected edge per linked pair of entities.
 * - `directed: true`: one directed edge per (source, target) pair; a directed
 *   relation keeps its direction, an undirected one (MET_WITH, ALLIED_WITH)
 *   becomes two opposite edges.
 *
 * Each projected edge carries
 * - `weight`: the number of claims of every relation it stands for (how often
 *   the press states a link between the two), and
 * - `relations`: the keys of those relations in the source graph, so a result
 *   on the projection can be traced back to its claims.
 *
 * Nodes keep their keys and a shallow copy of their attributes. Isolated nodes
 * are kept. An empty graph gives an empty projection.
 */
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { assertGraph } from './errors';

/** Attributes of an edge of the projection. */
export interface ProjectedEdgeAttributes extends Attributes {
  /** Sum of the claim counts of the relations this edge stands for (an edge without claims counts 1). */
  weight: number;
  /** Keys of those relations in the source graph. */
  relations: string[];
}

export interface SimpleGraphOptions {
  /** Keep relation directions (undirected relations become two edges). Default false. */
  directed?: boolean;
}

export const SIMPLE_GRAPH_DEFAULTS: Required<SimpleGraphOptions> = { directed: false };

/** The graph an analysis runs on: simple (no parallel edges), undirected or directed, weighted by claims. */
export type SimpleGraph<N extends Attributes = Attributes> = Graph<N, ProjectedEdgeAttributes>;

/** Claims stated for a relation; a relation without a claims list still counts as one statement. */
export function claimCount(attributes: Attributes): number {
  const claims = (attributes as { claims?: unknown }).claims;
  return Array.isArray(claims) ? Math.max(1, claims.length) : 1;
}

/** Projects a (mixed, multi) graph onto a simple graph; see the banner for the rules. */
export function toSimpleGraph<N extends Attributes>(graph: Graph<N>, options: SimpleGraphOptions = {}): SimpleGraph<N> {
  assertGraph('toSimpleGraph', graph);
  const { directed } = { ...SIMPLE_GRAPH_DEFAULTS, ...options };
  const projection = new Graph<N, ProjectedEdgeAttributes>({ type: directed ? 'directed' : 'undirected', multi: false, allowSelfLoops: false });
  graph.forEachNode((node, attributes) => projection.addNode(node, { ...attributes }));
  // Merge in a map first, then add each edge once with an explicit key: much
  // faster than looking edges up in the graph and letting it generate keys.
  const merged = new Map<string, { source: string; target: string; attributes: ProjectedEdgeAttributes }>();
  const merge = (source: string, target: string, weight: number, relation: string) => {
    const [a, b] = directed || source < target ? [source, target] : [target, source];
    const key = `${a}\u0000${b}`;
    const entry = merged.get(key);
    if (entry) {
      entry.attributes.weight += weight;
      entry.attributes.relations.push(relation);
    } else merged.set(key, { source: a, target: b, attributes: { weight, relations: [relation] } });
  };
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    if (source === target) return;
    const weight = claimCount(attributes);
    merge(source, target, weight, edge);
    if (directed && undirected) merge(target, source, weight, edge);
  });
  for (const [key, { source, target, attributes }] of merged) projection.addEdgeWithKey(key, source, target, attributes);
  return projection;
}

/** Writes `scores[node]` (0 when absent) as node attribute `name` on every node of `graph`. */
export function assignScores(graph: Graph<Attributes>, name: string, scores: Readonly<Record<string, number>>): void {
  graph.forEachNode((node) => graph.setNodeAttribute(node, name, scores[node] ?? 0));
}
