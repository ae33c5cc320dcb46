/**
 * npm run communities -- [--graph FILE] [--json] [--assign] [--seed S] [--members N]
 *
 * Seeded Louvain communities (src/analysis/communities.ts): modularity, then
 * each community's members by centrality. --assign writes each node's
 * community number into the graph file (atomically) for the viewer.
 */
import { loadGraph, saveGraph } from '../src/graph';
import { communities, COMMUNITY_ATTRIBUTE, DEFAULT_SEED, type CommunityResult } from '../src/analysis';
import { DEFAULT_GRAPH_FILE, formatTable, GRAPH_OPTION, intOption, JSON_OPTION, parseArgs, printJson, PROCESS_IO, runMain, type CliIO, type CommandSpec } from './lib/cli';

/** Members listed per community in the table when --members is not given. */
export const DEFAULT_MEMBERS_SHOWN = 10;

export const SPEC = {
  name: 'communities',
  summary: 'Louvain communities (seeded, deterministic) with their members by centrality and the modularity.',
  options: {
    graph: GRAPH_OPTION,
    seed: { type: 'string', value: 'S', description: `seed of Louvain's node order (default ${DEFAULT_SEED})` },
    assign: { type: 'boolean', description: `write the "${COMMUNITY_ATTRIBUTE}" node attribute into the graph file` },
    members: { type: 'string', value: 'N', description: `members shown per community in the table, 0 for all (default ${DEFAULT_MEMBERS_SHOWN})` },
    json: JSON_OPTION,
  },
} as const satisfies CommandSpec;

function formatCommunities(result: CommunityResult, file: string, shown: number): string {
  const lines = [`${file}: ${result.communities.length} communities, modularity ${result.modularity.toFixed(4)} (Louvain, seed ${result.seed})`];
  for (const community of result.communities) {
    const members = shown === 0 ? community.members : community.members.slice(0, shown);
    const rows = members.map((m) => [m.label, m.type, String(m.degree), String(m.claims)]);
    lines.push('', `Community ${community.id} (${community.size} entit${community.size > 1 ? 'ies' : 'y'})`);
    lines.push(formatTable([['entity', 'type', 'links', 'claims'], ...rows], { align: ['left', 'left', 'right', 'right'] }).replace(/^/gm, '  '));
    if (members.length < community.size) lines.push(`  … and ${community.size - members.length} more (--members 0 for all)`);
  }
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options } = parseArgs(SPEC, argv);
  const shown = intOption(options.members, 'members', { min: 0 }, DEFAULT_MEMBERS_SHOWN);
  const file = options.graph ?? DEFAULT_GRAPH_FILE;
  const graph = loadGraph(file);
  const seed = options.seed ?? DEFAULT_SEED;
  const result = options.assign ? communities.assign(graph, { seed }) : communities(graph, { seed });
  if (options.assign) saveGraph(graph, file);

  if (options.json) {
    const { assignment: _assignment, ...rest } = result;
    printJson(io, { graph: file, ...rest, ...(options.assign ? { assigned: COMMUNITY_ATTRIBUTE } : {}) });
    return;
  }
  io.stdout(`${formatCommunities(result, file, shown)}\n`);
  if (options.assign) io.stdout(`\nwrote "${COMMUNITY_ATTRIBUTE}" on ${graph.order} nodes of ${file}\n`);
}

if (require.main === module) void runMain(SPEC, main);
