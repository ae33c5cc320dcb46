/**
 * Embedded Cypher engine load: createEmbeddedEngine(graph), the path of
 * `npm run query`, for a synthetic graph of graph.json's shape — the graph
 * mapped to rows (mapping.ts), then loaded into a fresh @grafeo-db/js
 * database. The time includes the mapping and the index and constraint
 * statements.
 *
 * A row is one row of the load plan (buildLoadPlan): one entity, one
 * article, one (entity, article) MENTIONED_IN pair or one relation — each
 * becomes exactly one node or relationship, whichever loader runs. The
 * engine's default loader creates them directly (src/cypher/fresh.ts); the
 * Neo4j export's MERGE statements, which the embedded engine ran before, are
 * timed beside it on the same graph.
 */
import { buildLoadPlan, createEmbeddedEngine, graphToRows, type EmbeddedLoader } from '../src/cypher';
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
  /** Rows of the load plan (see the banner). */
  rows: number;
  /** Batches (transactions) of the MERGE statements. */
  batches: number;
  /** createEmbeddedEngine with its default loader (direct creation). */
  load: Runs;
  rowsPerSec: number;
  /** createEmbeddedEngine with loader 'statements' (the Neo4j export's MERGE batches). */
  statementsLoad: Runs;
  statementsRowsPerSec: number;
}

async function timeLoad(graph: ReturnType<typeof syntheticNewsGraph>, runs: number, loader: EmbeddedLoader): Promise<Runs> {
  return timeRuns(runs, async () => {
    const engine = await createEmbeddedEngine(graph, { loader });
    await engine.close();
  });
}

export async function measureCypherLoad(params: CypherParams): Promise<CypherResult> {
  const graph = syntheticNewsGraph({ nodes: params.nodes, edges: params.edges, seed: params.seed });
  const plan = buildLoadPlan(graphToRows(graph));
  const rows = plan.batches.reduce((n, b) => n + b.rows.length, 0);
  const load = await timeLoad(graph, params.runs, 'create');
  const statementsLoad = await timeLoad(graph, params.runs, 'statements');
  return {
    nodes: params.nodes,
    edges: params.edges,
    rows,
    batches: plan.batches.length,
    load,
    rowsPerSec: rows / load.median,
    statementsLoad,
    statementsRowsPerSec: rows / statementsLoad.median,
  };
}
