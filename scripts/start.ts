/**
 * npm start -- [--articles DIR] [--graph FILE] [--top N] [--port N] [--host H] [--no-serve]
 * Builds the graph when an article (or the extractor) changed, prints the summary and the most central entities, then serves the viewer.
 */
import { centrality, rankNodes } from '../src/analysis';
import { loadGraph } from '../src/graph';
import { formatGraphSummary } from '../src/summary';
import { type CliIO, type CommandSpec, formatTable, intOption, parseArgs, PROCESS_IO, runMain } from './lib/cli';
import { ensureGraph } from './lib/ensure-graph';
import { main as serveViewer } from './viewer';

/** How many entities the "most central" table shows by default. */
const DEFAULT_TOP = 10;

export const SPEC = {
  name: 'start',
  summary: 'Builds the graph if an article changed, prints a summary and the most central entities, and serves the viewer.',
  options: {
    articles: { type: 'string', value: 'DIR', description: 'articles folder (default graph-data/articles)' },
    graph: { type: 'string', value: 'FILE', description: 'graph file (default graph-data/graph.json)' },
    top: { type: 'string', value: 'N', description: `how many central entities to list (default ${DEFAULT_TOP})` },
    port: { type: 'string', value: 'N', description: 'viewer port (default 5173)' },
    host: { type: 'string', value: 'H', description: 'viewer interface (default 127.0.0.1)' },
    'no-serve': { type: 'boolean', description: 'build and print, but do not serve the viewer' },
  },
} satisfies CommandSpec;

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options } = parseArgs(SPEC, argv);
  const top = intOption(options.top, 'top', { min: 1 }, DEFAULT_TOP);
  const { file, built } = ensureGraph({ graph: options.graph, articles: options.articles, summary: true }, io);
  const graph = loadGraph(file);
  if (!built) io.stdout(`${formatGraphSummary(graph, file)}\n(up to date with its articles)\n`);

  const degree = rankNodes(graph, centrality(graph, { metric: 'degree' }).scores, { top });
  const pagerank = centrality(graph, { metric: 'pagerank' }).scores;
  io.stdout(`\nmost central entities (degree; PageRank beside):\n`);
  io.stdout(
    `${formatTable(
      [['rank', 'entity', 'type', 'degree', 'pagerank'], ...degree.map((row, i) => [String(i + 1), row.label, row.type, String(row.score), (pagerank[row.key] ?? 0).toFixed(3)])],
      { align: ['right', 'left', 'left', 'right', 'right'] },
    )}\n\n`,
  );
  if (options['no-serve']) return;
  const viewerArgs = ['--graph', file];
  if (options.port) viewerArgs.push('--port', options.port);
  if (options.host) viewerArgs.push('--host', options.host);
  await serveViewer(viewerArgs, io);
}

if (require.main === module) void runMain(SPEC, main);
