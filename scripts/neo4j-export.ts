/**
 * npm run neo4j:export -- [--graph FILE] [--uri … --user … --password … --database …]
 *                         [--batch-size N] [--replace] [--csv DIR] [--cypher FILE]
 *
 * Loads graph.json into Neo4j over Bolt (constraints, then UNWIND … MERGE in
 * batches, one transaction each, idempotent), and/or writes neo4j-admin
 * import CSV files (--csv) or a cypher-shell script (--cypher). All three use
 * the mapping and statements of src/cypher.
 */
import path from 'node:path';
import type { GraphCounts, LoadPlan } from '../src/cypher';
import {
  buildCsvExport,
  buildLoadPlan,
  countGraph,
  createNeo4jEngine,
  cypherShellScript,
  DEFAULT_BATCH_SIZE,
  graphToRows,
  importCommand,
  loadGraphRows,
  LoadError,
  neo4jOptionsFrom,
  writeCsvExport,
} from '../src/cypher';
import { loadGraph, writeFileAtomic } from '../src/graph';
import type { CliIO, CommandSpec } from './lib/cli';
import { formatTable, intOption, parseArgs, PROCESS_IO, runMain, UsageError } from './lib/cli';

export const DEFAULT_GRAPH = 'graph-data/graph.json';
/** Largest batch accepted: beyond this one transaction holds too much for a default Neo4j heap. */
const MAX_BATCH_SIZE = 100000;

export const SPEC = {
  name: 'neo4j:export',
  summary: 'Export the graph to Neo4j (Bolt), to neo4j-admin import CSV files, or to a cypher-shell script.',
  options: {
    graph: { type: 'string', value: 'FILE', description: `graph to export (default ${DEFAULT_GRAPH})` },
    uri: { type: 'string', value: 'URI', description: 'Neo4j Bolt URI (or NEO4J_URI)' },
    user: { type: 'string', value: 'NAME', description: 'Neo4j user (or NEO4J_USER; default neo4j)' },
    password: { type: 'string', value: 'SECRET', description: 'Neo4j password (or NEO4J_PASSWORD)' },
    database: { type: 'string', value: 'NAME', description: 'Neo4j database (or NEO4J_DATABASE; default: the server default)' },
    'batch-size': { type: 'string', value: 'N', description: `rows per transaction (default ${DEFAULT_BATCH_SIZE})` },
    replace: { type: 'boolean', description: 'delete every :Entity and :Article node first' },
    csv: { type: 'string', value: 'DIR', description: 'write neo4j-admin import files into DIR and print the import command' },
    cypher: { type: 'string', value: 'FILE', description: 'write a cypher-shell script that loads the graph' },
  },
} satisfies CommandSpec;

function countsTable(counts: GraphCounts): string {
  const rows = [
    ['kind', 'name', 'count'],
    ...Object.entries(counts.nodes).map(([label, n]) => ['nodes', label, String(n)]),
    ...Object.entries(counts.relationships).map(([type, n]) => ['relationships', type, String(n)]),
  ];
  return formatTable(rows, { align: ['left', 'left', 'right'] });
}

async function exportToNeo4j(plan: LoadPlan, options: { uri?: string; user?: string; password?: string; database?: string; replace: boolean }, io: CliIO): Promise<void> {
  const connection = neo4jOptionsFrom(options);
  if (!connection) throw new UsageError('no Neo4j to export to: give --uri (or set NEO4J_URI), or use --csv DIR / --cypher FILE');
  const engine = await createNeo4jEngine(connection);
  try {
    io.stderr(`exporting to ${connection.uri}${connection.database ? ` (database ${connection.database})` : ''}: ${plan.batches.length} batches\n`);
    try {
      await loadGraphRows(engine, plan, {
        replace: options.replace,
        onDeleted: (label, deleted) => deleted && io.stderr(`deleted ${deleted} :${label} nodes\n`),
        onProgress: (done, total, batch) =>
          io.stderr(`batch ${done}/${total} committed: ${batch.target} rows ${batch.offset + 1}-${batch.offset + batch.rows.length}\n`),
      });
    } catch (error) {
      // Exit 1 with the message as is: the server failed part-way, the command line was fine.
      if (error instanceof LoadError) throw new Error(`newsgraph ${SPEC.name}: ${error.message}`);
      throw error;
    }
    const counts = await countGraph(engine);
    io.stdout(`${countsTable(counts)}\n`);
  } finally {
    await engine.close();
  }
}

function toNeo4jRequested(options: { csv?: string; cypher?: string; uri?: string }): boolean {
  return (options.csv === undefined && options.cypher === undefined) || options.uri !== undefined;
}

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options } = parseArgs(SPEC, argv);
  const batchSize = intOption(options['batch-size'], 'batch-size', { min: 1, max: MAX_BATCH_SIZE }, DEFAULT_BATCH_SIZE);
  if (toNeo4jRequested(options) && !neo4jOptionsFrom(options)) {
    throw new UsageError('no Neo4j to export to: give --uri (or set NEO4J_URI), or use --csv DIR / --cypher FILE');
  }
  const graphFile = options.graph ?? DEFAULT_GRAPH;
  const graph = loadGraph(graphFile);
  const rows = graphToRows(graph);
  const plan = buildLoadPlan(rows, batchSize);
  const toNeo4j = toNeo4jRequested(options);
  if (options.replace && !toNeo4j) throw new UsageError('--replace applies to a Neo4j export (--uri); the files are written whole anyway');

  if (options.csv !== undefined) {
    const exported = buildCsvExport(rows);
    const command = importCommand(exported, path.resolve(options.csv));
    const readme = [
      `neo4j-admin import files for ${path.resolve(graphFile)} (newsgraph).`,
      'Stop the database first; the import replaces it:',
      '',
      command,
      '',
    ].join('\n');
    writeCsvExport(exported, options.csv, readme);
    io.stderr(`wrote ${exported.files.length} files into ${options.csv}\n`);
    io.stdout(`${command}\n`);
  }
  if (options.cypher !== undefined) {
    const script = cypherShellScript(plan, [
      `newsgraph graph ${path.basename(graphFile)}: ${plan.expected.nodes.Entity} entities, ${plan.expected.nodes.Article} articles, ${plan.batches.length} batches.`,
      `Load with: cypher-shell -a bolt://localhost:7687 -u neo4j -f ${path.basename(options.cypher)}`,
      'Every statement MERGEs on a unique key: running the script again changes nothing.',
    ]);
    writeFileAtomic(options.cypher, script);
    io.stderr(`wrote ${options.cypher} (${plan.batches.length + plan.constraints.length} statements)\n`);
  }
  if (toNeo4j) {
    await exportToNeo4j(plan, { uri: options.uri, user: options.user, password: options.password, database: options.database, replace: options.replace }, io);
  }
}

if (require.main === module) void runMain(SPEC, main);
