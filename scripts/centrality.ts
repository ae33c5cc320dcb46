/**
 * npm run centrality -- [--graph FILE] [--metric NAME|all] [--type Country,Person…]
 *                       [--top N] [--json] [--samples N] [--seed S]
 *
 * Ranks entities by centrality (src/analysis/centrality.ts says how each
 * metric is computed). Scores are computed on the whole graph; --type only
 * filters the rows shown.
 */
import { loadGraph } from '../src/graph';
import {
  centrality,
  CENTRALITY_METRIC_NAMES,
  CENTRALITY_METRICS,
  parseEntityTypes,
  parseMetrics,
  rankNodes,
  type BetweennessMethod,
  type RankedNode,
} from '../src/analysis';
import {
  DEFAULT_GRAPH_FILE,
  formatTable,
  GRAPH_OPTION,
  intOption,
  JSON_OPTION,
  listOption,
  parseArgs,
  printJson,
  PROCESS_IO,
  runMain,
  type CliIO,
  type CommandSpec,
} from './lib/cli';

/** Rows per metric when --top is not given. */
export const DEFAULT_TOP = 20;

export const SPEC = {
  name: 'centrality',
  summary: 'Ranks entities by centrality: degree, weighted degree (claims), betweenness, closeness, PageRank, eigenvector.',
  options: {
    graph: GRAPH_OPTION,
    metric: { type: 'string', multiple: true, value: 'NAME', description: `${CENTRALITY_METRIC_NAMES.join('|')}|all, comma-separated (default degree)` },
    type: { type: 'string', multiple: true, value: 'TYPES', description: 'show only these entity types, comma-separated (Country,Person)' },
    top: { type: 'string', value: 'N', description: `rows per metric, 0 for all (default ${DEFAULT_TOP})` },
    samples: { type: 'string', value: 'N', description: 'betweenness from N sampled sources (default: exact up to 3000 nodes, else 500)' },
    seed: { type: 'string', value: 'S', description: 'seed of the betweenness sample (default 42)' },
    json: JSON_OPTION,
  },
} as const satisfies CommandSpec;

/** Integers as they are, other scores with 4 significant decimals, tiny ones in exponent form. */
export function formatScore(score: number): string {
  if (Number.isInteger(score)) return String(score);
  if (score !== 0 && Math.abs(score) < 1e-3) return score.toExponential(2);
  return score.toFixed(4);
}

function describeBetweenness(method: BetweennessMethod, order: number): string {
  return method.method === 'exact'
    ? `betweenness: exact (all ${order} nodes as sources)`
    : `betweenness: sampled from ${method.samples} of ${order} source nodes, seed ${method.seed} (--samples, --seed)`;
}

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options } = parseArgs(SPEC, argv);
  const metrics = parseMetrics(listOption(options.metric));
  const types = parseEntityTypes(listOption(options.type));
  const top = intOption(options.top, 'top', { min: 0 }, DEFAULT_TOP);
  const samples = intOption(options.samples, 'samples', { min: 1 });
  const file = options.graph ?? DEFAULT_GRAPH_FILE;
  const graph = loadGraph(file);

  const rankings: Record<string, RankedNode[]> = {};
  let betweenness: BetweennessMethod | undefined;
  for (const metric of metrics) {
    const result = centrality(graph, { metric, samples, seed: options.seed });
    if (result.method) betweenness = result.method;
    rankings[metric] = rankNodes(graph, result.scores, { types, top: top === 0 ? undefined : top });
  }

  if (options.json) {
    printJson(io, { graph: file, ...(betweenness ? { betweenness } : {}), metrics: rankings });
    return;
  }
  const sections = [`${file}: ${graph.order} entities, ${graph.size} relations${types.length ? `; showing ${types.join(', ')}` : ''}`];
  for (const metric of metrics) {
    const rows = rankings[metric];
    const title = `${metric}: ${CENTRALITY_METRICS[metric].description}`;
    const note = metric === 'betweenness' && betweenness ? `\n${describeBetweenness(betweenness, graph.order)}` : '';
    const table = rows.length
      ? formatTable([['rank', 'entity', 'type', 'score'], ...rows.map((row, i) => [String(i + 1), row.label, row.type, formatScore(row.score)])], {
          align: ['right', 'left', 'left', 'right'],
        })
      : '(no entities)';
    sections.push(`${title}${note}\n${table}`);
  }
  io.stdout(`${sections.join('\n\n')}\n`);
}

if (require.main === module) void runMain(SPEC, main);
