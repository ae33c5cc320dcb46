/**
 * npm run query -- FILE.cypher [--param name=value …] [--graph FILE] [--neo4j] [--json]
 *
 * Lints the query file with Neo4j's parser, fills its parameters (header
 * defaults, then --param), and runs it on the embedded engine loaded from
 * graph.json, or on Neo4j with --neo4j. Prints an aligned table, or the rows
 * as a JSON array with --json.
 */
import { readFileSync } from 'node:fs';
import type { CypherEngine, Params, Row } from '../src/cypher';
import { createEmbeddedEngine, createNeo4jEngine, formatDiagnostic, neo4jOptionsFrom, parseParamArgument, parseQueryFile, prepareQuery, rowsToCells } from '../src/cypher';
import { loadGraph } from '../src/graph';
import type { CliIO, CommandSpec } from './lib/cli';
import { formatTable, InputError, parseArgs, PROCESS_IO, runMain, UsageError } from './lib/cli';

export const DEFAULT_GRAPH = 'graph-data/graph.json';

export const SPEC = {
  name: 'query',
  summary: 'Run a Cypher query file on the embedded engine (default) or on Neo4j.',
  positionals: [{ name: 'FILE', description: 'query file (.cypher) with a // header declaring its @param defaults' }],
  options: {
    param: { type: 'string', multiple: true, value: 'NAME=VALUE', description: 'query parameter; VALUE is JSON if it parses, else a string' },
    graph: { type: 'string', value: 'FILE', description: `graph to load into the embedded engine (default ${DEFAULT_GRAPH})` },
    neo4j: { type: 'boolean', description: 'run on Neo4j instead (connection from the options below or NEO4J_URI/USER/PASSWORD/DATABASE)' },
    uri: { type: 'string', value: 'URI', description: 'Neo4j Bolt URI (with --neo4j)' },
    user: { type: 'string', value: 'NAME', description: 'Neo4j user (default neo4j)' },
    password: { type: 'string', value: 'SECRET', description: 'Neo4j password' },
    database: { type: 'string', value: 'NAME', description: 'Neo4j database (default: the server default)' },
    json: { type: 'boolean', description: 'print the rows as a JSON array instead of a table' },
  },
} satisfies CommandSpec;

function readQueryFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such query file' : `cannot read (${code ?? (error as Error).message})`}`);
  }
}

/** Renders rows as a table with a row count, or a note when there are none. */
export function renderTable(rows: readonly Row[]): string {
  if (rows.length === 0) return '(no rows)\n';
  return `${formatTable(rowsToCells(rows))}\n(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
}

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options, positionals } = parseArgs(SPEC, argv);
  const [file] = positionals;
  const given: Params = {};
  for (const argument of options.param) {
    try {
      const [name, value] = parseParamArgument(argument);
      given[name] = value;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const neo4jGiven = options.uri ?? options.user ?? options.password ?? options.database;
  if (neo4jGiven !== undefined && !options.neo4j) throw new UsageError('--uri/--user/--password/--database need --neo4j');
  if (options.neo4j && options.graph) throw new UsageError('--graph is for the embedded engine; with --neo4j the query runs on the server');

  // Lint and parameters first: nothing runs, nothing loads, when the query is wrong.
  const prepared = prepareQuery(parseQueryFile(file, readQueryFile(file)), given);
  for (const warning of prepared.warnings) io.stderr(`${formatDiagnostic(file, warning)}\n`);

  let engine: CypherEngine;
  if (options.neo4j) {
    const connection = neo4jOptionsFrom(options);
    if (!connection) throw new UsageError('--neo4j needs --uri or NEO4J_URI');
    engine = await createNeo4jEngine(connection);
  } else {
    engine = await createEmbeddedEngine(loadGraph(options.graph ?? DEFAULT_GRAPH));
  }
  try {
    let rows: Row[];
    try {
      rows = await engine.run(prepared.query.text, prepared.params);
    } catch (error) {
      const message = (error as Error).message.split('\n')[0];
      throw new InputError(`${file}: the ${engine.name} engine refused the query: ${message}`);
    }
    io.stdout(options.json ? `${JSON.stringify(rows, null, 2)}\n` : renderTable(rows));
  } finally {
    await engine.close();
  }
}

if (require.main === module) void runMain(SPEC, main);
