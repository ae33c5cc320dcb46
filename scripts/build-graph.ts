/** npm run build-graph -- [--articles DIR] [--out FILE] [--knowledge DIR] [--workers N] [--no-cache] [--strict] [--json] [--quiet] */
import { formatBuildSummary } from '../src/summary';
import { type CliIO, type CommandSpec, intOption, parseArgs, PROCESS_IO, runMain } from './lib/cli';
import { buildAndSaveAsync, DEFAULT_ARTICLES_DIR, DEFAULT_GRAPH_FILE } from './lib/ensure-graph';

export const SPEC = {
  name: 'build-graph',
  summary: 'Reads every article of the folder, extracts entities, relations and claims, and writes the graph (graphology JSON).',
  options: {
    articles: { type: 'string', value: 'DIR', description: `articles folder (default ${DEFAULT_ARTICLES_DIR})` },
    out: { type: 'string', value: 'FILE', description: `graph file to write (default ${DEFAULT_GRAPH_FILE})` },
    knowledge: { type: 'string', value: 'DIR', description: 'knowledge folder (default graph-data/knowledge)' },
    workers: { type: 'string', value: 'N', description: 'extraction worker threads (default: 1 for small corpora or on 2 cores or fewer, else every core but one from 200 articles to extract)' },
    'no-cache': { type: 'boolean', description: 'extract every article again (default: reuse graph-data/.cache for unchanged articles)' },
    strict: { type: 'boolean', description: 'fail (exit 2, nothing written) when any file is skipped' },
    json: { type: 'boolean', description: 'print the build figures as JSON' },
    quiet: { type: 'boolean', description: 'print nothing but errors and skipped files' },
  },
} satisfies CommandSpec;

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options } = parseArgs(SPEC, argv);
  const out = options.out ?? DEFAULT_GRAPH_FILE;
  const workers = options.workers === undefined ? 'auto' : intOption(options.workers, 'workers', { min: 1 }, 1);
  const { stats, skipped } = await buildAndSaveAsync(
    { articlesDir: options.articles ?? DEFAULT_ARTICLES_DIR, out, knowledgeDir: options.knowledge, strict: options.strict, workers, cacheDir: options['no-cache'] ? false : undefined },
    io,
  );
  if (options.json) io.stdout(`${JSON.stringify({ out, ...stats, skipped })}\n`);
  else if (!options.quiet) io.stdout(`${formatBuildSummary(stats, skipped, out)}\n`);
}

if (require.main === module) void runMain(SPEC, main);
