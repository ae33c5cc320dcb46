/**
 * The embedded engine: @grafeo-db/js, an in-memory graph database that runs
 * Neo4j-dialect Cypher, loaded from a newsgraph graph with the very loader
 * statements the Neo4j export runs. No server needed.
 *
 * What it runs and what it refuses is pinned in test/cypher/embedded.test.ts
 * (e.g. `LIMIT $n` works, `LIMIT toInteger($n)` does not; an aggregate cannot
 * be indexed in the RETURN that computes it).
 */
import { GrafeoDB } from '@grafeo-db/js';
import type { NewsGraph } from '../graph';
import type { CypherEngine, CypherValue, Params, Row } from './engine';
import { fromBigInt } from './engine';
import { createRowsInFreshDatabase } from './fresh';
import { loadGraphRows } from './load';
import { ARTICLE_LABEL, ENTITY_LABEL, graphToRows, graphToUnmappedRows } from './mapping';
import { buildLoadPlan, CONSTRAINT_STATEMENTS } from './statements';

export const EMBEDDED_ENGINE_NAME = 'embedded';

export interface EmbeddedEngineOptions {
  /**
   * Return rows of queries without ORDER BY in random order (grafeo's test
   * option), to catch queries that rely on an unspecified order. Default false.
   */
  shuffleUnordered?: boolean;
  /**
   * How createEmbeddedEngine loads the graph: 'create' makes every node and
   * relationship directly in the fresh database (fresh.ts); 'statements'
   * runs the MERGE loader statements of the Neo4j export. Same graph either
   * way. Default 'create'.
   */
  loader?: EmbeddedLoader;
}

/** See EmbeddedEngineOptions.loader. */
export type EmbeddedLoader = 'create' | 'statements';

export const EMBEDDED_ENGINE_DEFAULTS: Required<EmbeddedEngineOptions> = { shuffleUnordered: false, loader: 'create' };

/**
 * Property indexes the embedded engine needs on top of the loader's
 * constraints: grafeo 0.6.0 does not look nodes up through a uniqueness
 * constraint, so without them every `MATCH (n:Entity {id: …})` scans (a
 * 5 000-node, 20 000-relation graph took minutes to load instead of seconds).
 * Neo4j backs each uniqueness constraint with an index already, and refuses a
 * second index on the same property, so these are not loader statements.
 */
export const EMBEDDED_INDEX_STATEMENTS: readonly string[] = [
  `CREATE INDEX newsgraph_entity_id_lookup IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON (n.id)`,
  `CREATE INDEX newsgraph_article_id_lookup IF NOT EXISTS FOR (n:${ARTICLE_LABEL}) ON (n.id)`,
];

/** Internal ids of grafeo's node/edge objects: meaningless outside one database, so dropped. */
const GRAFEO_INTERNAL_KEYS: ReadonlySet<string> = new Set(['_id', '_source', '_target']);

function isGrafeoPath(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 2 && Array.isArray(value.nodes) && Array.isArray(value.edges);
}

/** Converts a grafeo value to a plain CypherValue (see engine.ts for the shapes). */
export function normaliseGrafeoValue(value: unknown): CypherValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return fromBigInt(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(normaliseGrafeoValue);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (isGrafeoPath(record)) return { nodes: normaliseGrafeoValue(record.nodes), relationships: normaliseGrafeoValue(record.edges) };
    const out: Record<string, CypherValue> = {};
    const isElement = '_id' in record && ('_labels' in record || '_type' in record);
    for (const [key, item] of Object.entries(record)) {
      if (isElement && GRAFEO_INTERNAL_KEYS.has(key)) continue;
      out[key] = key === '_labels' && Array.isArray(item) ? [...(item as string[])].sort() : normaliseGrafeoValue(item);
    }
    return out;
  }
  return String(value);
}

/** Parameters as grafeo takes them: undefined is not a value, so it becomes null. */
function toGrafeoParams(params: Params): Record<string, unknown> {
  return JSON.parse(JSON.stringify(params, (_, v) => (v === undefined ? null : v))) as Record<string, unknown>;
}

class EmbeddedEngine implements CypherEngine {
  readonly name = EMBEDDED_ENGINE_NAME;
  private db: GrafeoDB | null;

  constructor(db: GrafeoDB) {
    this.db = db;
  }

  async run(query: string, params: Params = {}): Promise<Row[]> {
    if (!this.db) throw new Error('embedded engine: run after close');
    const result = await this.db.executeCypher(query, toGrafeoParams(params));
    const columns = result.columns;
    return result.toArray().map((raw) => {
      const row: Row = {};
      for (const column of columns) row[column] = normaliseGrafeoValue(raw[column]);
      return row;
    });
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = null;
  }
}

/** An empty in-memory engine (for tests and for loading statements by hand); run EMBEDDED_INDEX_STATEMENTS before a large load. */
export function createEmptyEmbeddedEngine(options: EmbeddedEngineOptions = {}): CypherEngine {
  return new EmbeddedEngine(freshDatabase(options));
}

function freshDatabase(options: EmbeddedEngineOptions): GrafeoDB {
  return GrafeoDB.create(undefined, { shuffleUnordered: options.shuffleUnordered ?? EMBEDDED_ENGINE_DEFAULTS.shuffleUnordered });
}

/**
 * An in-memory engine holding `graph` under the mapping of mapping.ts: the
 * graph the Neo4j export's loader statements build, created directly in the
 * fresh database unless `options.loader` is 'statements'.
 */
export async function createEmbeddedEngine(graph: NewsGraph, options: EmbeddedEngineOptions = {}): Promise<CypherEngine> {
  const loader = options.loader ?? EMBEDDED_ENGINE_DEFAULTS.loader;
  if (loader !== 'create' && loader !== 'statements') throw new Error(`createEmbeddedEngine: unknown loader "${String(loader)}" (create, statements)`);
  const db = freshDatabase(options);
  const engine = new EmbeddedEngine(db);
  try {
    for (const statement of EMBEDDED_INDEX_STATEMENTS) await engine.run(statement);
    if (loader === 'statements') await loadGraphRows(engine, buildLoadPlan(graphToRows(graph)));
    else {
      for (const statement of CONSTRAINT_STATEMENTS) await engine.run(statement);
      createRowsInFreshDatabase(db, graphToUnmappedRows(graph));
    }
  } catch (error) {
    await engine.close();
    throw error;
  }
  return engine;
}
