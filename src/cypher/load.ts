/**
 * Runs a load plan on an engine: constraints, then one transaction per batch.
 * The embedded engine's load and the Neo4j export both go through here, so
 * they run the same statements in the same order.
 */
import type { CypherEngine } from './engine';
import { ARTICLE_LABEL, ENTITY_LABEL } from './mapping';
import type { LoadBatch, LoadPlan } from './statements';
import { COUNT_STATEMENTS, deleteStatement } from './statements';

/** Nodes deleted per transaction by `replace`. */
export const DELETE_BATCH_SIZE = 5000;

export interface LoadOptions {
  /** Delete every :Entity and :Article node (with their relationships) first. Default false. */
  replace?: boolean;
  /** Called after each committed batch, with its 1-based number and the total. */
  onProgress?: (done: number, total: number, batch: LoadBatch) => void;
  /** Called after each `replace` deletion transaction. */
  onDeleted?: (label: string, deleted: number) => void;
}

/** A load that stopped part-way: says how far it got. Everything before `committed` is in the database. */
export class LoadError extends Error {
  constructor(
    /** Batches committed before the failure. */
    readonly committed: number,
    readonly total: number,
    /** The batch that failed, undefined when a constraint or deletion failed. */
    readonly batch: LoadBatch | undefined,
    override readonly cause: unknown,
  ) {
    const where = batch ? `batch ${committed + 1}/${total} (${batch.target}, rows ${batch.offset + 1}-${batch.offset + batch.rows.length})` : 'before the first batch';
    super(`load failed at ${where}: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}; ${committed} of ${total} batches committed (re-running converges)`);
    this.name = 'LoadError';
  }
}

/** Counts of newsgraph nodes per label and relationships per type, as an engine reports them. */
export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

async function deleteAll(engine: CypherEngine, label: typeof ENTITY_LABEL | typeof ARTICLE_LABEL, onDeleted?: LoadOptions['onDeleted']): Promise<void> {
  for (;;) {
    const [row] = await engine.run(deleteStatement(label), { limit: DELETE_BATCH_SIZE });
    const deleted = Number(row?.deleted ?? 0);
    onDeleted?.(label, deleted);
    if (deleted === 0) return;
  }
}

/**
 * Runs `plan` on `engine`. Throws LoadError naming the failed batch and how
 * many were committed; the statements are idempotent, so running the plan
 * again converges.
 */
export async function loadGraphRows(engine: CypherEngine, plan: LoadPlan, options: LoadOptions = {}): Promise<void> {
  const total = plan.batches.length;
  try {
    if (options.replace) {
      await deleteAll(engine, ENTITY_LABEL, options.onDeleted);
      await deleteAll(engine, ARTICLE_LABEL, options.onDeleted);
    }
    for (const statement of plan.constraints) await engine.run(statement);
  } catch (error) {
    throw new LoadError(0, total, undefined, error);
  }
  for (let i = 0; i < total; i++) {
    const batch = plan.batches[i];
    try {
      await engine.run(batch.statement, { rows: batch.rows });
    } catch (error) {
      throw new LoadError(i, total, batch, error);
    }
    options.onProgress?.(i + 1, total, batch);
  }
}

/** Counts newsgraph nodes (Entity, Article and each entity type) and relationships per type. */
export async function countGraph(engine: CypherEngine): Promise<GraphCounts> {
  const [entities, articles, relationships] = await Promise.all(COUNT_STATEMENTS.map((statement) => engine.run(statement)));
  const nodes: Record<string, number> = { [ENTITY_LABEL]: 0, [ARTICLE_LABEL]: Number(articles[0]?.count ?? 0) };
  for (const row of entities) {
    nodes[String(row.type)] = Number(row.count);
    nodes[ENTITY_LABEL] += Number(row.count);
  }
  const byType: Record<string, number> = {};
  for (const row of relationships) byType[String(row.type)] = Number(row.count);
  return { nodes, relationships: byType };
}
