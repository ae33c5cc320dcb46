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
 * timed beside it on the same graph. A run is timed from the call to the
 * engine holding the graph (the mapping included); closing it is not, nor
 * collecting what it left (collectGarbage): one load in a fresh process, as
 * `npm run query` makes it, never pays for a load before it.
 */
import { performance } from 'node:perf_hooks';
import { buildLoadPlan, createEmbeddedEngine, createEmptyEmbeddedEngine, EMBEDDED_INDEX_STATEMENTS, graphToRows, type EmbeddedLoader } from '../src/cypher';
import { collectGarbage, summarise, type Runs } from './measure';
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

/**
 * grafeo frees a closed database in the background, and the next database's
 * first statement waits for it (~0.5 s for this graph): a statement on a
 * scratch database after each run, untimed, waits for it instead, so a run
 * does not pay for the teardown of the one before.
 */
async function drainTeardown(): Promise<void> {
  const scratch = createEmptyEmbeddedEngine();
  await scratch.run(EMBEDDED_INDEX_STATEMENTS[0]);
  await scratch.close();
}

async function timeLoad(graph: ReturnType<typeof syntheticNewsGraph>, runs: number, loader: EmbeddedLoader): Promise<Runs> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t = performance.now();
    const engine = await createEmbeddedEngine(graph, { loader });
    times.push((performance.now() - t) / 1000);
    await engine.close();
    await drainTeardown();
    collectGarbage();
  }
  return summarise(times);
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
