/** `npm run render -- [--graph FILE] --out FILE.svg|png [--width W]`: a static picture of the graph for reports. */
import path from 'node:path';
import { type CliIO, type CommandSpec, intOption, PROCESS_IO, runMain, parseArgs, UsageError } from './lib/cli';
import { loadGraph, writeFileAtomic } from '../src/graph';
import { renderPng, renderSvg } from '../src/viewer';
import { DEFAULT_WIDTH } from '../src/viewer/svg';

const DEFAULT_GRAPH_FILE = 'graph-data/graph.json';

export const SPEC = {
  name: 'render',
  summary: 'Draw the graph (stored layout, else seeded positions; run `npm run layout` first for a laid-out picture) as SVG or PNG: nodes coloured by type, the biggest labelled, a legend.',
  options: {
    graph: { type: 'string', value: 'FILE', description: `graph file (default ${DEFAULT_GRAPH_FILE})` },
    out: { type: 'string', value: 'FILE', description: 'output picture, .svg or .png (required)' },
    width: { type: 'string', value: 'W', description: `width in pixels (default ${DEFAULT_WIDTH})` },
    labels: { type: 'string', value: 'N', description: 'how many of the biggest nodes are labelled (default 40)' },
  },
} satisfies CommandSpec;

export function main(argv: string[], io: CliIO = PROCESS_IO): void {
  const { options } = parseArgs(SPEC, argv);
  if (!options.out) throw new UsageError('--out FILE.svg|FILE.png is required');
  const format = path.extname(options.out).toLowerCase();
  if (format !== '.svg' && format !== '.png') throw new UsageError(`--out must end in .svg or .png (got "${options.out}")`);
  const width = intOption(options.width, 'width', { min: 200, max: 10000 }, DEFAULT_WIDTH);
  const labelledNodes = intOption(options.labels, 'labels', { min: 0 });
  const file = options.graph ?? DEFAULT_GRAPH_FILE;
  const graph = loadGraph(file);
  const title = `newsgraph — ${graph.order} entities, ${graph.size} relations`;
  const content = format === '.svg' ? renderSvg(graph, { width, labelledNodes, title }) : renderPng(graph, { width, labelledNodes, title });
  writeFileAtomic(options.out, content);
  io.stdout(`newsgraph render: ${options.out} (${graph.order} nodes, ${width} px wide)\n`);
}

if (require.main === module) void runMain(SPEC, main);
