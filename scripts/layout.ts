/** `npm run layout -- [--graph FILE] [--iterations N] [--seed S]`: stores a seeded ForceAtlas2 layout (x, y) in the graph file. */
import { type CliIO, type CommandSpec, intOption, PROCESS_IO, runMain, parseArgs } from './lib/cli';
import { loadGraph, saveGraph } from '../src/graph';
import { assignLayout, DEFAULT_ITERATIONS, DEFAULT_LAYOUT_SEED } from '../src/viewer';

const DEFAULT_GRAPH_FILE = 'graph-data/graph.json';
const MAX_ITERATIONS = 100_000;

export const SPEC = {
  name: 'layout',
  summary: 'Compute a seeded ForceAtlas2 + noverlap layout and store x, y on every node of the graph file (written atomically), so the viewer opens laid out.',
  options: {
    graph: { type: 'string', value: 'FILE', description: `graph file (default ${DEFAULT_GRAPH_FILE})` },
    iterations: { type: 'string', value: 'N', description: `ForceAtlas2 iterations (default ${DEFAULT_ITERATIONS})` },
    seed: { type: 'string', value: 'S', description: `seed of the start positions (default ${DEFAULT_LAYOUT_SEED})` },
  },
} satisfies CommandSpec;

export function main(argv: string[], io: CliIO = PROCESS_IO): void {
  const { options } = parseArgs(SPEC, argv);
  const file = options.graph ?? DEFAULT_GRAPH_FILE;
  const iterations = intOption(options.iterations, 'iterations', { min: 0, max: MAX_ITERATIONS }, DEFAULT_ITERATIONS);
  const seed = intOption(options.seed, 'seed', {}, DEFAULT_LAYOUT_SEED);
  const graph = loadGraph(file);
  const started = Date.now();
  assignLayout(graph, { iterations, seed });
  saveGraph(graph, file);
  io.stdout(`newsgraph layout: ${graph.order} nodes laid out (${iterations} iterations, seed ${seed}, ${Date.now() - started} ms) → ${file}\n`);
}

if (require.main === module) void runMain(SPEC, main);
