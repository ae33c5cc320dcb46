/**
 * Fresh-database load of the embedded engine
 * ==========================================
 *
 * The embedded engine always starts empty, so it has nothing to MERGE with:
 * every row of the mapping becomes one node or relationship created through
 * grafeo's own API (createNode / createEdge), in the order the loader
 * statements would create them. The result is the graph the loader
 * statements build (test/cypher/fresh.test.ts runs every query file on both
 * and compares the rows); the MERGE statements stay what the Neo4j export
 * runs, writes and lints.
 *
 * Why not the statements: profiling the 10 000-entity / 50 000-relation
 * benchmark graph, the UNWIND … MATCH … MATCH … MERGE … SET r = row.props
 * batches spent most of their time in the two id lookups, the MERGE and
 * copying each row's property map, plus a JSON round trip of every batch's
 * parameters; CREATE statements instead of MERGE saved about a third. Creating
 * each element directly with the ids already known skips the lookups and
 * the query pipeline: ~3× the rows per second of the statements. Property
 * values go through the same conversion either way (integers stay integers,
 * lists stay lists; pinned by the test).
 */
import type { GrafeoDB } from '@grafeo-db/js';
import type { UnmappedGraphRows } from './mapping';
import { ARTICLE_LABEL, ENTITY_LABEL, MENTIONED_IN, relationProperties } from './mapping';

/** What a fresh load created, as the loader's expected counts would say it. */
export interface FreshLoadCounts {
  nodes: number;
  relationships: number;
}

/**
 * Creates every row of `rows` in `db`, which must hold no newsgraph node yet
 * (the caller creates it). Throws when a mention or relation names an entity
 * or article the rows lack, which graphToRows never produces.
 */
export function createRowsInFreshDatabase(db: GrafeoDB, rows: UnmappedGraphRows): FreshLoadCounts {
  const entityIds = new Map<string, number>();
  const articleIds = new Map<string, number>();
  let nodes = 0;
  let relationships = 0;
  for (const [type, entityRows] of rows.entities) {
    const labels = [ENTITY_LABEL, type];
    for (const row of entityRows) entityIds.set(row.id, db.createNode(labels, row.props).id);
    nodes += entityRows.length;
  }
  const articleLabels = [ARTICLE_LABEL];
  for (const row of rows.articles) articleIds.set(row.id, db.createNode(articleLabels, row.props).id);
  nodes += rows.articles.length;
  const endOf = (ids: Map<string, number>, id: string, what: string): number => {
    const internal = ids.get(id);
    if (internal === undefined) throw new Error(`createRowsInFreshDatabase: ${what} "${id}" is not among the rows`);
    return internal;
  };
  for (const row of rows.mentions) {
    db.createEdge(endOf(entityIds, row.entity, 'entity'), endOf(articleIds, row.article, 'article'), MENTIONED_IN, { count: row.count });
  }
  relationships += rows.mentions.length;
  for (const [type, relationRows] of rows.relations) {
    // Each relation's properties mapped just before it is created (graphToUnmappedRows says why).
    for (const row of relationRows) db.createEdge(endOf(entityIds, row.source, 'entity'), endOf(entityIds, row.target, 'entity'), type, relationProperties(row));
    relationships += relationRows.length;
  }
  return { nodes, relationships };
}
