/**
 * npm run paths -- FROM TO [--graph FILE] [--max-hops N] [--k K] [--via-type TYPES] [--json]
 *
 * How two entities are connected, and who says so: the shortest path (and up
 * to K alternatives) with one quote, its article and date per hop. FROM and TO
 * are any name or alias (case, accents and hyphens ignored). Paths may cross a
 * relation against its direction; the arrow shows the relation's own direction.
 */
import { loadGraph } from '../src/graph';
import { DEFAULT_MAX_HOPS, findPaths, type EvidencePath, type PathHop } from '../src/analysis';
import { DEFAULT_GRAPH_FILE, GRAPH_OPTION, intOption, JSON_OPTION, listOption, parseArgs, printJson, PROCESS_IO, runMain, type CliIO, type CommandSpec } from './lib/cli';

export const SPEC = {
  name: 'paths',
  summary: 'Shortest paths between two entities, each hop with a quote, its article and date. Paths may traverse relations both ways.',
  positionals: [
    { name: 'FROM', description: 'an entity: name or alias, any case, with or without accents ("kim jong-un", "RPDC")' },
    { name: 'TO', description: 'another entity' },
  ],
  options: {
    graph: GRAPH_OPTION,
    'max-hops': { type: 'string', value: 'N', description: `longest path in hops (default ${DEFAULT_MAX_HOPS})` },
    k: { type: 'string', value: 'K', description: 'number of paths, shortest first (default 1)' },
    'via-type': { type: 'string', multiple: true, value: 'TYPES', description: 'only pass through these entity types (Country,Organization)' },
    json: JSON_OPTION,
  },
} as const satisfies CommandSpec;

/** `A —REL→ B`, `A ←REL— B` (crossed against its direction) or `A —REL— B` (symmetric). */
export function formatHop(hop: PathHop): string {
  if (hop.direction === 'backward') return `${hop.from} ←${hop.relation}— ${hop.to}`;
  if (hop.direction === 'undirected') return `${hop.from} —${hop.relation}— ${hop.to}`;
  return `${hop.from} —${hop.relation}→ ${hop.to}`;
}

function formatEvidence(hop: PathHop): string[] {
  if (!hop.quote) return ['    (no claim recorded)'];
  const source = [hop.doc + (hop.sentence !== undefined ? ` §${hop.sentence}` : ''), hop.title ? `“${hop.title}”` : '', hop.date ?? 'undated'].filter(Boolean).join(', ');
  const extras = [
    hop.status && hop.status !== 'asserted' ? hop.status : '',
    hop.claims > 1 ? `${hop.claims} claims` : '',
    hop.otherRelations.length ? `also ${hop.otherRelations.join(', ')}` : '',
  ].filter(Boolean);
  return [`    « ${hop.quote} »`, `    ${source}${extras.length ? ` (${extras.join('; ')})` : ''}`];
}

function formatPaths(paths: readonly EvidencePath[], from: string, to: string, maxHops: number, viaTypes: readonly string[]): string {
  const via = viaTypes.length ? ` through ${viaTypes.join(', ')} only` : '';
  if (!paths.length) return `No path between ${from} and ${to} within ${maxHops} hops${via} (try a larger --max-hops${via ? ' or fewer --via-type' : ''}).`;
  const first = paths[0].hops[0].from;
  const last = paths[0].hops[paths[0].hops.length - 1].to;
  const lines = [
    `${first} → ${last}: ${paths.length} path${paths.length > 1 ? 's' : ''}, shortest first (at most ${maxHops} hops${via}).`,
    'Paths may traverse relations both ways: A ←RELATION— B means "B RELATION A", crossed from A to B.',
  ];
  paths.forEach((path, i) => {
    lines.push('', `Path ${i + 1} (${path.length} hop${path.length > 1 ? 's' : ''})`);
    for (const hop of path.hops) lines.push(`  ${formatHop(hop)}`, ...formatEvidence(hop));
  });
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options, positionals } = parseArgs(SPEC, argv);
  const [from, to] = positionals;
  const maxHops = intOption(options['max-hops'], 'max-hops', { min: 1 }, DEFAULT_MAX_HOPS);
  const k = intOption(options.k, 'k', { min: 1 }, 1);
  const viaTypes = listOption(options['via-type']);
  const file = options.graph ?? DEFAULT_GRAPH_FILE;
  const graph = loadGraph(file);
  const paths = findPaths(graph, from, to, { k, maxHops, viaTypes });
  if (options.json) {
    printJson(io, {
      from,
      to,
      maxHops,
      note: 'paths may traverse relations both ways; direction says how each relation reads',
      paths: paths.map((path) => ({ length: path.length, nodes: path.nodes, hops: path.hops })),
    });
    return;
  }
  io.stdout(`${formatPaths(paths, from, to, maxHops, viaTypes)}\n`);
}

if (require.main === module) void runMain(SPEC, main);
