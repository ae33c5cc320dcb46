/** Building and saving the graph for the commands: build-graph always, start and eval when the graph is missing or stale. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Extractor } from '../../src/extract';
import { createExtractor } from '../../src/extract';
import { GraphFileError, loadGraph } from '../../src/graph';
import type { GraphFileBuildResult } from '../../src/pipeline';
import { buildGraphFile, buildGraphFileSync, DEFAULT_CACHE_DIR, SkippedFilesError, staleReason } from '../../src/pipeline';
import { formatBuildSummary } from '../../src/summary';
import { type CliIO, InputError } from './cli';
import { createProgress } from './progress';

export const DEFAULT_ARTICLES_DIR = 'graph-data/articles';
export const DEFAULT_GRAPH_FILE = 'graph-data/graph.json';

export interface BuildAndSaveOptions {
  articlesDir: string;
  out: string;
  knowledgeDir?: string;
  extractor?: Extractor;
  /** Any skipped file is an error and nothing is written. */
  strict?: boolean;
  /** Extraction worker threads, or 'auto' (defaultWorkers: every core but one on large corpora, 1 on 2 cores). Default 1. */
  workers?: number | 'auto';
  /** Extraction cache folder, or false for none. Default DEFAULT_CACHE_DIR (graph-data/.cache). */
  cacheDir?: string | false;
}

function buildOptions(options: BuildAndSaveOptions, progress: ReturnType<typeof createProgress>) {
  return {
    articlesDir: options.articlesDir,
    out: options.out,
    strict: options.strict,
    knowledgeDir: options.knowledgeDir,
    extractor: options.extractor,
    cacheDir: options.cacheDir === false ? undefined : (options.cacheDir ?? DEFAULT_CACHE_DIR),
    workers: options.workers,
    onProgress: (phase: 'read' | 'extract', done: number, total: number) => progress.update(phase === 'read' ? 'reading' : 'extracting', done, total),
  };
}

/**
 * buildAndSave with extraction on worker threads (`options.workers`) when
 * the build is a full one. A rebuild after a few articles changed patches
 * the last graph file instead (src/pipeline/incremental.ts).
 */
export async function buildAndSaveAsync(options: BuildAndSaveOptions, io: CliIO): Promise<GraphFileBuildResult> {
  const progress = createProgress(io);
  let result: GraphFileBuildResult;
  try {
    result = await buildGraphFile(buildOptions(options, progress));
  } catch (error) {
    throw reportRefused(error, options, io);
  } finally {
    progress.done();
  }
  return report(result, options, io);
}

/**
 * Builds the graph with progress on a terminal, names every skipped file on
 * stderr, and writes the graph atomically (a failed build leaves the old file).
 */
export function buildAndSave(options: BuildAndSaveOptions, io: CliIO): GraphFileBuildResult {
  const progress = createProgress(io);
  let result: GraphFileBuildResult;
  try {
    result = buildGraphFileSync(buildOptions(options, progress));
  } catch (error) {
    throw reportRefused(error, options, io);
  } finally {
    progress.done();
  }
  return report(result, options, io);
}

function reportSkipped(skipped: readonly { file: string; reason: string }[], options: BuildAndSaveOptions, io: CliIO): void {
  for (const file of skipped) io.stderr(`newsgraph build-graph: ${path.join(options.articlesDir, file.file)}: ${file.reason}; skipped\n`);
}

/** --strict refused the build: the skipped files are named, then the refusal (exit 2). */
function reportRefused(error: unknown, options: BuildAndSaveOptions, io: CliIO): unknown {
  if (!(error instanceof SkippedFilesError)) return error;
  reportSkipped(error.skipped, options, io);
  return new InputError(error.message);
}

function report(result: GraphFileBuildResult, options: BuildAndSaveOptions, io: CliIO): GraphFileBuildResult {
  reportSkipped(result.skipped, options, io);
  // Read, but not as the bytes said: a legacy encoding guessed, a byte-order mark dropped.
  for (const { file, note } of result.notes) io.stderr(`newsgraph build-graph: ${path.join(options.articlesDir, file)}: note: ${note}\n`);
  return result;
}

export interface EnsureGraphOptions {
  graph?: string;
  articles?: string;
  knowledge?: string;
  /** Print the build summary when a build happens. Default false. */
  summary?: boolean;
}

/**
 * The attributes of the stored graph, or null when there is no file yet.
 * A file that exists but is not a newsgraph graph (truncated, another tool's
 * JSON) is refused rather than rebuilt over: it may be the user's own data.
 */
function readGraphAttributes(file: string): Parameters<typeof staleReason>[0] {
  if (!existsSync(file)) return null;
  try {
    return loadGraph(file).getAttributes();
  } catch (error) {
    if (error instanceof GraphFileError) {
      throw new GraphFileError(file, `${error.problem}; left as it is (delete it, or rebuild it with \`npm run build-graph -- --out ${file}\`)`);
    }
    throw error;
  }
}

/** Returns the graph file, rebuilt first when missing or stale (saying why on stderr). */
export function ensureGraph(options: EnsureGraphOptions, io: CliIO): { file: string; built: GraphFileBuildResult | null } {
  const file = options.graph ?? DEFAULT_GRAPH_FILE;
  const articlesDir = options.articles ?? DEFAULT_ARTICLES_DIR;
  const extractor = createExtractor({ knowledgeDir: options.knowledge });
  const reason = staleReason(readGraphAttributes(file), articlesDir, extractor.version);
  if (reason === null) return { file, built: null };
  io.stderr(`newsgraph: building ${file} (${reason})\n`);
  const built = buildAndSave({ articlesDir, out: file, extractor }, io);
  if (options.summary) io.stdout(`${formatBuildSummary(built.stats, built.skipped, file)}\n`);
  return { file, built };
}
