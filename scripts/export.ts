/**
 * npm run export -- --format gexf|graphml|csv|json --out FILE [--graph FILE]
 *
 * Writes the graph for Gephi, Gephi Lite or a spreadsheet
 * (src/analysis/export.ts). csv writes two files: with --out DIR/ (or an
 * existing directory) DIR/nodes.csv and DIR/edges.csv; with --out NAME[.csv]
 * NAME.nodes.csv and NAME.edges.csv. Every file is written atomically.
 */
import { loadGraph } from '../src/graph';
import { EXPORT_FORMATS, exportGraph, parseExportFormat } from '../src/analysis';
import { DEFAULT_GRAPH_FILE, GRAPH_OPTION, parseArgs, PROCESS_IO, runMain, UsageError, type CliIO, type CommandSpec } from './lib/cli';

export const SPEC = {
  name: 'export',
  summary: 'Exports the graph as GEXF or GraphML (Gephi, Gephi Lite: types, labels, colours by type, claim counts), CSV (nodes + edges) or JSON.',
  options: {
    format: { type: 'string', value: EXPORT_FORMATS.join('|'), description: 'output format (required)' },
    out: { type: 'string', value: 'FILE', description: 'output file; for csv a directory or a base name (required)' },
    graph: GRAPH_OPTION,
  },
} as const satisfies CommandSpec;

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options } = parseArgs(SPEC, argv);
  if (options.format === undefined) throw new UsageError(`missing --format (${EXPORT_FORMATS.join(', ')})`);
  if (options.out === undefined) throw new UsageError('missing --out FILE');
  const format = parseExportFormat(options.format);
  const file = options.graph ?? DEFAULT_GRAPH_FILE;
  const graph = loadGraph(file);
  const written = exportGraph(graph, { format, out: options.out });
  io.stdout(`${file}: ${graph.order} entities, ${graph.size} relations → ${written.join(', ')} (${format})\n`);
}

if (require.main === module) void runMain(SPEC, main);
