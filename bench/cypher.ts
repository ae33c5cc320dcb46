/**
 * Embedded Cypher engine load: createEmbeddedEngine(graph), the path of
 * `npm run query` — the graph mapped to rows, then the loader statements of
 * src/cypher (the very batches the Neo4j export runs) into a fresh
 * @grafeo-db/js database — for a synthetic graph of graph.json's shape.
 * Rows = every row of every batch (entities, articles, MENTIONED_IN,
 * relations); the time includes the mapping.
 */
import { buildLoadPlan, createEmbeddedEngine, graphToRows } from '../src/cypher';
import { timeRuns, type Runs } from './measure';
import { syntheticNewsGraph } from './newsgraph';

export interface CypherParams {
  nodes: number;
  edges: number;
  seed: number | string;
  runs: number;
}

export interface CypherResult {
  nodes: number;
  edges: number;
  rows: number;
  batches: number;
  load: Runs;
  rowsPerSec: number;
}

export async function measureCypherLoad(params: CypherParams): Promise<CypherResult> {
  const graph = syntheticNewsGraph({ nodes: params.nodes, edges: params.edges, seed: params.seed });
  const plan = buildLoadPlan(graphToRows(graph));
  const rows = plan.batches.reduce((n, b) => n + b.rows.length, 0);
  const load = await timeRuns(params.runs, async () => {
    const engine = await createEmbeddedEngine(graph);
    await engine.close();
  });
  return { nodes: params.nodes, edges: params.edges, rows, batches: plan.batches.length, load, rowsPerSec: rows / load.median };
}
