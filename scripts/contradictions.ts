/**
 * npm run contradictions -- [--graph FILE] [--json]
 *
 * Lists the edges whose claims disagree on a number for the same unit
 * (src/analysis/contradictions.ts): subject —TYPE→ object, then each claim's
 * quantity, unit, source, date, status and article.
 */
import { loadGraph } from '../src/graph';
import { findContradictions, type Contradiction } from '../src/analysis';
import { DEFAULT_GRAPH_FILE, GRAPH_OPTION, JSON_OPTION, parseArgs, printJson, PROCESS_IO, runMain, type CliIO, type CommandSpec } from './lib/cli';

export const SPEC = {
  name: 'contradictions',
  summary: 'Lists relations whose claims disagree on a number (troop counts, shipments …), with source, date, status and article.',
  options: {
    graph: GRAPH_OPTION,
    json: JSON_OPTION,
  },
} as const satisfies CommandSpec;

/** Thousands with a thin space, as the French press writes them. */
function formatQuantity(value: number): string {
  return value.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
}

export function formatContradiction(c: Contradiction): string {
  const arrow = c.undirected ? `—${c.type}—` : `—${c.type}→`;
  const lines = [`${c.sourceLabel} ${arrow} ${c.targetLabel}  (${c.unit}: ${c.quantities.map(formatQuantity).join(' / ')})`];
  for (const claim of c.claims) {
    const parts = [
      `${formatQuantity(claim.quantity)} ${claim.unit}`,
      `source: ${claim.attributedTo ?? '—'}`,
      `date: ${claim.date ?? '—'}`,
      claim.status,
      `article ${claim.doc} #${claim.sentence}`,
    ];
    lines.push(`  · ${parts.join(' · ')}`);
  }
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options } = parseArgs(SPEC, argv);
  const file = options.graph ?? DEFAULT_GRAPH_FILE;
  const graph = loadGraph(file);
  const contradictions = findContradictions(graph);
  if (options.json) {
    printJson(io, { graph: file, contradictions });
    return;
  }
  if (!contradictions.length) {
    io.stdout(`${file}: no relation has claims that disagree on a number.\n`);
    return;
  }
  io.stdout(`${file}: ${contradictions.length} relation${contradictions.length > 1 ? 's' : ''} with disagreeing numbers\n\n${contradictions.map(formatContradiction).join('\n\n')}\n`);
}

if (require.main === module) void runMain(SPEC, main);
