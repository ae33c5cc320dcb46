/**
 * npm run bench -- [--quick] [--json] [--seed S] [--only STEP,…]
 * The seeded benchmark of issue 8 (see bench/ and BENCHMARKS.md): extraction
 * throughput and scaling, worker threads, incremental rebuild, centrality
 * against NetworkX and igraph, embedded Cypher load, viewer first frame, and
 * peak memory per step.
 */
import { benchConfig, runBenchmark, summaryJson } from '../bench/run';
import { reportTables } from '../bench/report';
import { STEPS, type StepName } from '../bench/steps';
import { type CliIO, type CommandSpec, formatTable, listOption, parseArgs, PROCESS_IO, runMain, UsageError } from './lib/cli';

/** Seed of the generated corpora and graphs unless --seed says otherwise. */
export const DEFAULT_BENCH_SEED = 42;

export const SPEC = {
  name: 'bench',
  summary: 'Seeded benchmark: extraction throughput and scaling, workers, incremental rebuild, centrality vs NetworkX/igraph, Cypher load, viewer, memory.',
  options: {
    quick: { type: 'boolean', description: 'smaller corpora and graphs, same measures (under two minutes on 2 cores)' },
    json: { type: 'boolean', description: 'print one JSON summary object as the last line' },
    seed: { type: 'string', value: 'S', description: `seed of the generated corpora and graphs (default ${DEFAULT_BENCH_SEED})` },
    only: { type: 'string', value: 'STEPS', description: `comma-separated steps to run (${Object.keys(STEPS).join(', ')})` },
  },
} satisfies CommandSpec;

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<void> {
  const { options } = parseArgs(SPEC, argv);
  const seed = options.seed ?? DEFAULT_BENCH_SEED;
  const only = options.only ? listOption([options.only]) : undefined;
  for (const step of only ?? []) if (!(step in STEPS)) throw new UsageError(`--only: unknown step "${step}" (known: ${Object.keys(STEPS).join(', ')})`);
  const report = await runBenchmark(benchConfig(Boolean(options.quick), seed), { only: only as StepName[] | undefined, log: (line) => io.stderr(`bench: ${line}\n`) });
  for (const table of reportTables(report)) {
    io.stdout(`\n${table.title}\n${formatTable(table.rows)}\n`);
    for (const note of table.notes) io.stdout(`  ${note}\n`);
  }
  io.stdout(`\ntotal ${report.totalSeconds.toFixed(0)} s\n`);
  if (options.json) io.stdout(`${JSON.stringify(summaryJson(report))}\n`);
}

if (require.main === module) void runMain(SPEC, main);
