/**
 * npm run eval -- [--graph FILE] [--gold FILE] [--verbose] [--json] [--min-entity-f1 X] [--min-relation-f1 Y]
 * Scores the graph with the project's scorer (../shared/eval/score.mjs), building the graph first when it is missing or stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { type CliIO, type CommandSpec, InputError, parseArgs, PROCESS_IO, runMain } from './lib/cli';
import { ensureGraph } from './lib/ensure-graph';

const SHARED = path.resolve(__dirname, '..', '..', 'shared');
export const DEFAULT_SCORER = path.join(SHARED, 'eval', 'score.mjs');
export const DEFAULT_GOLD = path.join(SHARED, 'gold', 'seeds.json');

export const SPEC = {
  name: 'eval',
  summary: 'Scores the extraction against gold annotations (entity, relation and quantity F1, claim status agreement).',
  options: {
    graph: { type: 'string', value: 'FILE', description: 'graph file (default graph-data/graph.json; rebuilt first when stale)' },
    articles: { type: 'string', value: 'DIR', description: 'articles folder used to rebuild (default graph-data/articles)' },
    gold: { type: 'string', value: 'FILE', description: 'gold annotations (default ../shared/gold/seeds.json)' },
    scorer: { type: 'string', value: 'FILE', description: 'scorer (default ../shared/eval/score.mjs)' },
    verbose: { type: 'boolean', description: 'list every missing and spurious item' },
    json: { type: 'boolean', description: 'print the scores as JSON' },
    'min-entity-f1': { type: 'string', value: 'X', description: 'exit 1 when entity F1 is below X' },
    'min-relation-f1': { type: 'string', value: 'Y', description: 'exit 1 when relation F1 is below Y' },
  },
} satisfies CommandSpec;

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options } = parseArgs(SPEC, argv);
  const gold = options.gold ?? DEFAULT_GOLD;
  const scorer = options.scorer ?? DEFAULT_SCORER;
  if (!existsSync(scorer)) throw new InputError(`scorer ${scorer} not found (it lives in ../shared/eval/ beside the project)`);
  if (!existsSync(gold)) throw new InputError(`gold file ${gold} not found`);
  const { file: graphFile } = ensureGraph({ graph: options.graph, articles: options.articles }, io);
  // The scorer runs only when argv[1] is its own real path (it compares with import.meta.url), so no symlinks.
  const args = [realpathSync(scorer), '--graph', graphFile, '--gold', gold];
  if (options.verbose) args.push('--verbose');
  if (options.json) args.push('--json');
  if (options['min-entity-f1']) args.push('--min-entity-f1', options['min-entity-f1']);
  if (options['min-relation-f1']) args.push('--min-relation-f1', options['min-relation-f1']);
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  io.stdout(run.stdout ?? '');
  io.stderr(run.stderr ?? '');
  if (run.status !== 0) throw Object.assign(new Error(`scorer exited with status ${run.status}`), { exitCode: run.status === 1 ? 1 : 2 });
}

if (require.main === module) void runMain(SPEC, main);
