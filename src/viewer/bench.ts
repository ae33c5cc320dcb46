/**
 * A generated newsgraph graph for the viewer benchmark (issue 8): seeded,
 * valid against the graph.json contract, with a few hubs like the real
 * corpus (preferential attachment), dated claims and every entity type.
 */
import Graph from 'graphology';
import type { NewsGraph } from '../graph';
import { CLAIM_STATUSES, ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATIONS } from '../ontology';
import { seededRandom } from './positions';

export interface BenchGraphOptions {
  /** Default 10 000. */
  nodes?: number;
  /** Default 50 000. */
  edges?: number;
  /** Default 1. */
  seed?: number;
}

export const BENCH_NODES = 10_000;
export const BENCH_EDGES = 50_000;
const FIRST_YEAR = 2022;
const YEARS = 4;

/** Builds the graph; same options, same graph. Throws when the edges cannot fit between distinct pairs. */
export function generateBenchGraph(options: BenchGraphOptions = {}): NewsGraph {
  const nodeCount = options.nodes ?? BENCH_NODES;
  const edgeCount = options.edges ?? BENCH_EDGES;
  const random = seededRandom(options.seed ?? 1);
  if (nodeCount < 2 || edgeCount > (nodeCount * (nodeCount - 1)) / 2) throw new Error(`newsgraph generateBenchGraph: ${edgeCount} edges do not fit between ${nodeCount} nodes`);
  const graph: NewsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  graph.replaceAttributes({ name: 'newsgraph', extractorVersion: 'bench', builtAt: new Date(0).toISOString(), articles: [{ id: 'bench', title: 'Generated article', file: 'bench.txt', sentences: edgeCount, hash: '0' }] });
  for (let i = 0; i < nodeCount; i++) {
    graph.addNode(`n${i}`, { label: `Entity ${i}`, type: ENTITY_TYPES[i % ENTITY_TYPES.length], aliases: [`E${i}`], mentions: [{ doc: 'bench', sentence: i, start: 0, end: 1 }] });
  }
  // Endpoints drawn from the list of endpoints so far: rich get richer, as in press coverage.
  const endpoints: string[] = [];
  let added = 0;
  while (added < edgeCount) {
    const source = endpoints.length && random() < 0.5 ? endpoints[Math.floor(random() * endpoints.length)] : `n${Math.floor(random() * nodeCount)}`;
    const target = `n${Math.floor(random() * nodeCount)}`;
    const type = RELATION_TYPES[Math.floor(random() * RELATION_TYPES.length)];
    const key = `${source}|${type}|${target}`;
    if (source === target || graph.hasEdge(key)) continue;
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const claims = [{ doc: 'bench', sentence: added, quote: `Generated claim ${added}.`, date: `${FIRST_YEAR + Math.floor(random() * YEARS)}-${month}`, status: CLAIM_STATUSES[Math.floor(random() * CLAIM_STATUSES.length)] }];
    if (SYMMETRIC_RELATIONS.has(type)) graph.addUndirectedEdgeWithKey(key, source, target, { type, claims });
    else graph.addDirectedEdgeWithKey(key, source, target, { type, claims });
    endpoints.push(source, target);
    added++;
  }
  return graph;
}
