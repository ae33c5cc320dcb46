/**
 * Seeded random graphs for the centrality, Cypher and viewer measures:
 * G(n, m) — m distinct edges drawn uniformly, no self-loops — so every tool
 * of a measure reads the very same edge list.
 */
import { writeFileSync } from 'node:fs';
import Graph from 'graphology';
import { createBenchRng } from './rng';

/** An edge list over nodes 0 … n-1: sources[i] → targets[i]. */
export interface EdgeList {
  nodes: number;
  sources: Int32Array;
  targets: Int32Array;
  /** Edges are undirected: (a, b) and (b, a) were not both drawn. */
  undirected: boolean;
}

/** m distinct edges over n nodes, drawn with the seed. Throws when m exceeds the possible edges. */
export function randomEdgeList(n: number, m: number, seed: number | string, undirected = false): EdgeList {
  const possible = undirected ? (n * (n - 1)) / 2 : n * (n - 1);
  if (!Number.isInteger(n) || n < 2 || !Number.isInteger(m) || m < 0 || m > possible) {
    throw new RangeError(`bench randomEdgeList: cannot draw ${m} distinct edges over ${n} nodes`);
  }
  const rng = createBenchRng(seed);
  const seen = new Set<number>();
  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  let k = 0;
  while (k < m) {
    let a = rng.int(n);
    let b = rng.int(n);
    if (a === b) continue;
    if (undirected && a > b) [a, b] = [b, a];
    const key = a * n + b;
    if (seen.has(key)) continue;
    seen.add(key);
    sources[k] = a;
    targets[k] = b;
    k++;
  }
  return { nodes: n, sources, targets, undirected };
}

/** The edge list as a graphology graph with nodes "0" … "n-1". */
export function toGraphology(edges: EdgeList): Graph {
  const graph = new Graph({ type: edges.undirected ? 'undirected' : 'directed', multi: false, allowSelfLoops: false });
  for (let i = 0; i < edges.nodes; i++) graph.addNode(String(i));
  for (let k = 0; k < edges.sources.length; k++) graph.addEdge(String(edges.sources[k]), String(edges.targets[k]));
  return graph;
}

/** Writes "n m directed" then one "source target" line per edge, for the peers. */
export function writeEdgeList(file: string, edges: EdgeList): void {
  const lines: string[] = [`${edges.nodes} ${edges.sources.length} ${edges.undirected ? 0 : 1}`];
  for (let k = 0; k < edges.sources.length; k++) lines.push(`${edges.sources[k]} ${edges.targets[k]}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
}
