/**
 * The loader statements: generated once, run as they are by the embedded
 * engine's load and by the Neo4j export, and written (with the rows as
 * literals) into the cypher-shell script. Every statement MERGEs on a unique
 * key (`Entity.id`, `Article.id`, the relationship's `key`) and replaces the
 * whole property map, so running a load twice, or again after a failure,
 * converges to the same graph.
 *
 * Labels and relationship types cannot be Cypher parameters, so there is one
 * statement per entity type and per relation type; the names come from the
 * ontology's closed lists, never from the data.
 */
import type { EntityType, RelationType } from '../ontology';
import { ENTITY_TYPES, RELATION_TYPES } from '../ontology';
import type { GraphRows } from './mapping';
import { ARTICLE_LABEL, ENTITY_LABEL, MENTIONED_IN } from './mapping';

/** Rows per batch (one transaction each) unless the caller says otherwise. */
export const DEFAULT_BATCH_SIZE = 2000;

/** Name of the parameter that carries a batch's rows in every loader statement. */
export const ROWS_PARAMETER = 'rows';

/** Schema statements, run before any data. Both are no-ops when the constraint exists. */
export const CONSTRAINT_STATEMENTS: readonly string[] = [
  `CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE`,
  `CREATE CONSTRAINT newsgraph_article_id IF NOT EXISTS FOR (n:${ARTICLE_LABEL}) REQUIRE n.id IS UNIQUE`,
];

/**
 * Deletes up to `$limit` nodes of one newsgraph label with their
 * relationships and returns how many went; `--replace` repeats it until 0 so
 * no single transaction grows with the graph.
 */
export function deleteStatement(label: typeof ENTITY_LABEL | typeof ARTICLE_LABEL): string {
  return `MATCH (n:${label}) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted`;
}

/** MERGEs entities of one type; a type change since the last load moves the node to its new type label. */
export function entityStatement(type: EntityType): string {
  const others = ENTITY_TYPES.filter((t) => t !== type)
    .map((t) => `:${t}`)
    .join('');
  return `UNWIND $${ROWS_PARAMETER} AS row MERGE (n:${ENTITY_LABEL} {id: row.id}) SET n = row.props REMOVE n${others} SET n:${type}`;
}

export const ARTICLE_STATEMENT = `UNWIND $${ROWS_PARAMETER} AS row MERGE (a:${ARTICLE_LABEL} {id: row.id}) SET a = row.props`;

export const MENTION_STATEMENT =
  `UNWIND $${ROWS_PARAMETER} AS row MATCH (e:${ENTITY_LABEL} {id: row.entity}) MATCH (a:${ARTICLE_LABEL} {id: row.article}) ` +
  `MERGE (e)-[m:${MENTIONED_IN}]->(a) SET m.count = row.count`;

/** MERGEs relations of one type on their edge key, in the graph's stored direction. */
export function relationStatement(type: RelationType): string {
  return (
    `UNWIND $${ROWS_PARAMETER} AS row MATCH (s:${ENTITY_LABEL} {id: row.source}) MATCH (t:${ENTITY_LABEL} {id: row.target}) ` +
    `MERGE (s)-[r:${type} {key: row.key}]->(t) SET r = row.props`
  );
}

/** Count queries run after a load: entities per type, articles, relationships per type (newsgraph nodes only). */
export const COUNT_STATEMENTS: readonly string[] = [
  `MATCH (n:${ENTITY_LABEL}) RETURN n.type AS type, count(n) AS count ORDER BY type`,
  `MATCH (n:${ARTICLE_LABEL}) RETURN count(n) AS count`,
  `MATCH (:${ENTITY_LABEL})-[r]->() RETURN type(r) AS type, count(r) AS count ORDER BY type`,
];

/** One transaction of a load: a statement and the rows it receives as `$rows`. */
export interface LoadBatch {
  /** What the batch loads (`Country`, `Article`, `MENTIONED_IN`, `SUPPLIED_ARMS_TO`), for progress lines. */
  target: string;
  statement: string;
  rows: readonly object[];
  /** Index of the batch's first row within its target, from 0. */
  offset: number;
}

/** Every step of a load, in the order they must run: nodes before the relationships that MATCH them. */
export interface LoadPlan {
  constraints: readonly string[];
  batches: readonly LoadBatch[];
  /** Expected counts once loaded: nodes per label, relationships per type. */
  expected: { nodes: Record<string, number>; relationships: Record<string, number> };
}

function chunk<T>(rows: readonly T[], size: number): { rows: T[]; offset: number }[] {
  const out: { rows: T[]; offset: number }[] = [];
  for (let offset = 0; offset < rows.length; offset += size) out.push({ rows: rows.slice(offset, offset + size), offset });
  return out;
}

/**
 * Splits the rows into batches of at most `batchSize` rows (default
 * DEFAULT_BATCH_SIZE). Throws when batchSize is not a positive integer.
 * An empty graph gives the constraints and no batch.
 */
export function buildLoadPlan(rows: GraphRows, batchSize: number = DEFAULT_BATCH_SIZE): LoadPlan {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`buildLoadPlan: batchSize must be a positive integer (got ${batchSize})`);
  const batches: LoadBatch[] = [];
  const add = (target: string, statement: string, all: readonly object[]) => {
    for (const { rows: part, offset } of chunk(all, batchSize)) batches.push({ target, statement, rows: part, offset });
  };
  const nodes: Record<string, number> = { [ENTITY_LABEL]: 0, [ARTICLE_LABEL]: rows.articles.length };
  const relationships: Record<string, number> = {};
  for (const [type, entityRows] of rows.entities) {
    add(type, entityStatement(type), entityRows);
    nodes[ENTITY_LABEL] += entityRows.length;
    nodes[type] = entityRows.length;
  }
  add(ARTICLE_LABEL, ARTICLE_STATEMENT, rows.articles);
  add(MENTIONED_IN, MENTION_STATEMENT, rows.mentions);
  if (rows.mentions.length) relationships[MENTIONED_IN] = rows.mentions.length;
  for (const [type, relationRows] of rows.relations) {
    add(type, relationStatement(type), relationRows);
    relationships[type] = relationRows.length;
  }
  return { constraints: CONSTRAINT_STATEMENTS, batches, expected: { nodes, relationships } };
}

/** Every distinct statement a load can run (for linting), with the parameters each needs. */
export function allLoaderStatements(): { statement: string; parameters: Record<string, unknown> }[] {
  const rows = { [ROWS_PARAMETER]: [] };
  return [
    ...CONSTRAINT_STATEMENTS.map((statement) => ({ statement, parameters: {} })),
    ...ENTITY_TYPES.map((type) => ({ statement: entityStatement(type), parameters: rows })),
    { statement: ARTICLE_STATEMENT, parameters: rows },
    { statement: MENTION_STATEMENT, parameters: rows },
    ...RELATION_TYPES.map((type) => ({ statement: relationStatement(type), parameters: rows })),
    ...COUNT_STATEMENTS.map((statement) => ({ statement, parameters: {} })),
    ...(['Entity', 'Article'] as const).map((label) => ({ statement: deleteStatement(label), parameters: { limit: 1 } })),
  ];
}
