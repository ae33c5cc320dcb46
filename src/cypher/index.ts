/**
 * Cypher stage: one engine interface with two engines (embedded @grafeo-db/js,
 * Neo4j over Bolt), the graph → property-graph mapping and its loader
 * statements, the Neo4j exports (Bolt, neo4j-admin CSV, cypher-shell script),
 * and query files with linted, parameterised Cypher.
 */
export type { CypherEngine, CypherValue, Params, Row } from './engine';
export { CypherInputError } from './engine';
export { createEmbeddedEngine, createEmptyEmbeddedEngine, EMBEDDED_ENGINE_DEFAULTS, EMBEDDED_ENGINE_NAME, EMBEDDED_INDEX_STATEMENTS, normaliseGrafeoValue } from './embedded';
export type { EmbeddedEngineOptions, EmbeddedLoader } from './embedded';
export {
  ACQUISITION_TIMEOUT_MS,
  CONNECTION_TIMEOUT_MS,
  createNeo4jEngine,
  fromNeo4jValue,
  Neo4jConnectionError,
  NEO4J_ENGINE_NAME,
  neo4jOptionsFrom,
  toNeo4jParam,
} from './neo4j';
export type { Neo4jOptions } from './neo4j';
export {
  ARTICLE_LABEL,
  claimLists,
  ENTITY_LABEL,
  graphToRows,
  MENTIONED_IN,
  MISSING_QUANTITY,
  MISSING_TEXT,
  toPropertyValue,
} from './mapping';
export type { ArticleRow, EntityRow, GraphRows, MentionRow, Properties, PropertyValue, RelationRow } from './mapping';
export {
  allLoaderStatements,
  ARTICLE_STATEMENT,
  buildLoadPlan,
  CONSTRAINT_STATEMENTS,
  COUNT_STATEMENTS,
  DEFAULT_BATCH_SIZE,
  deleteStatement,
  entityStatement,
  MENTION_STATEMENT,
  relationStatement,
  ROWS_PARAMETER,
} from './statements';
export type { LoadBatch, LoadPlan } from './statements';
export { countGraph, DELETE_BATCH_SIZE, loadGraphRows, LoadError } from './load';
export type { GraphCounts, LoadOptions } from './load';
export { buildCsvExport, chooseArrayDelimiter, csvText, importCommand, writeCsvExport, ARRAY_DELIMITER_CANDIDATES } from './csv';
export type { CsvExport, CsvFile } from './csv';
export { cypherLiteral, cypherShellScript, cypherString, inlineRows } from './script';
export { formatDiagnostic, lintCypher, undefinedParameter } from './lint';
export type { CypherDiagnostic, Severity } from './lint';
export { parseParamArgument, parseQueryFile, prepareQuery } from './queryFile';
export type { PreparedQuery, QueryFile, QueryParameter } from './queryFile';
export { formatCell, rowsToCells, MAX_CELL_WIDTH, MAX_ITEM_WIDTH } from './format';
