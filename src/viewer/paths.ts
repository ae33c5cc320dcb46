/**
 * Path finder: the shortest chain of relations between two entities, read in
 * either direction (who supplied whom is still a link between them), with the
 * edges of each hop so the panel can show the quote behind it.
 */
import Graph, { UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';

export interface PathHop {
  from: string;
  to: string;
  /** Every visible edge joining the two nodes, in either direction. Never empty. */
  edges: string[];
}

export interface EntityPath {
  nodes: string[];
  hops: PathHop[];
}

/**
 * Shortest path from `source` to `target` over the undirected view of the
 * graph, ignoring hidden nodes and edges. null when there is none; a one-node
 * path when source = target. Throws when an end is not in the graph.
 */
export function findEntityPath(
  graph: Graph,
  source: string,
  target: string,
  hidden: { nodes?: ReadonlySet<string>; edges?: ReadonlySet<string> } = {},
): EntityPath | null {
  for (const end of [source, target]) {
    if (!graph.hasNode(end)) throw new Error(`newsgraph findEntityPath: no node "${end}" in the graph`);
  }
  const hiddenNodes = hidden.nodes ?? new Set<string>();
  const hiddenEdges = hidden.edges ?? new Set<string>();
  if (hiddenNodes.has(source) || hiddenNodes.has(target)) return null;
  if (source === target) return { nodes: [source], hops: [] };

  const view = new UndirectedGraph();
  graph.forEachNode((node) => {
    if (!hiddenNodes.has(node)) view.addNode(node);
  });
  graph.forEachEdge((edge, _attributes, from, to) => {
    if (hiddenEdges.has(edge) || !view.hasNode(from) || !view.hasNode(to) || from === to) return;
    if (!view.hasEdge(from, to)) view.addEdge(from, to);
  });
  const nodes = bidirectional(view, source, target);
  if (!nodes) return null;
  const hops: PathHop[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const from = nodes[i];
    const to = nodes[i + 1];
    const edges = graph.edges(from, to).concat(graph.edges(to, from)).filter((edge, index, all) => !hiddenEdges.has(edge) && all.indexOf(edge) === index);
    hops.push({ from, to, edges });
  }
  return { nodes, hops };
}
