/**
 * Extraction pool
 * ===============
 *
 * Runs readAndExtract over many files on `workers` worker threads. Each
 * worker builds its extractor (knowledge base, matchers) once; files go out
 * in chunks, the next chunk to whichever worker is free, and outcomes come
 * back in file order, so the graph built from them is the one the main
 * thread alone would build.
 *
 * From TypeScript sources (ts-node, jest) the worker loads worker.ts through
 * ts-node's register hook; from compiled JavaScript it loads worker.js.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileOutcome, WorkItem } from './process';
import type { ChunkReply, ChunkRequest, WorkerSetup } from './worker';

/** Chunks handed to each worker over a build: small enough to balance the load, large enough that messages cost little. */
const CHUNKS_PER_WORKER = 8;
/** Largest chunk, in files. */
const MAX_CHUNK_FILES = 64;

export interface PoolOptions extends WorkerSetup {
  /** Worker threads (≥ 1). */
  workers: number;
  /** The main thread's extractor version: every worker must build the same. */
  extractorVersion: string;
  /** Called after each file, in completion order of the chunks. */
  onDone?: (done: number, total: number) => void;
}

function workerScript(): { file: string; execArgv: string[] } {
  const compiled = path.join(__dirname, 'worker.js');
  if (existsSync(compiled) && !__filename.endsWith('.ts')) return { file: compiled, execArgv: [] };
  return { file: path.join(__dirname, 'worker.ts'), execArgv: ['-r', 'ts-node/register'] };
}

/** Files per chunk for `total` files on `workers` workers. */
export function chunkSize(total: number, workers: number): number {
  return Math.max(1, Math.min(MAX_CHUNK_FILES, Math.ceil(total / (workers * CHUNKS_PER_WORKER))));
}

/** Reads and extracts every item on a pool of worker threads; outcomes in item order. Rejects when a worker fails or disagrees on the extractor version. */
export async function extractInPool(items: readonly WorkItem[], options: PoolOptions): Promise<FileOutcome[]> {
  if (!Number.isInteger(options.workers) || options.workers < 1) throw new RangeError(`newsgraph build-graph: workers must be a positive integer (got ${options.workers})`);
  const outcomes: FileOutcome[] = new Array(items.length);
  if (items.length === 0) return outcomes;
  const size = chunkSize(items.length, options.workers);
  const chunks: ChunkRequest[] = [];
  for (let start = 0, chunk = 0; start < items.length; start += size, chunk++) chunks.push({ chunk, items: items.slice(start, start + size) as WorkItem[] });
  const script = workerScript();
  const setup: WorkerSetup = { knowledgeDir: options.knowledgeDir, noiseFile: options.noiseFile, detectLanguage: options.detectLanguage };
  const threads = Math.min(options.workers, chunks.length);
  const pool: Worker[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const fail = (error: Error) => reject(error);
      const send = (worker: Worker) => {
        if (next >= chunks.length) {
          if (++finished === threads) resolve();
          return;
        }
        worker.postMessage(chunks[next++]);
      };
      for (let i = 0; i < threads; i++) {
        const worker = new Worker(script.file, { workerData: setup, execArgv: script.execArgv, env: process.env });
        pool.push(worker);
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`newsgraph build-graph: extraction worker ${i} exited with code ${code}`));
        });
        worker.on('message', (message: ChunkReply | { ready: string }) => {
          if ('ready' in message) {
            if (message.ready !== options.extractorVersion) {
              fail(new Error(`newsgraph build-graph: worker built extractor ${message.ready}, main thread ${options.extractorVersion}`));
              return;
            }
            send(worker);
            return;
          }
          if ('error' in message) {
            fail(new Error(`newsgraph build-graph: extraction worker failed on chunk ${message.chunk}: ${message.error}`));
            return;
          }
          const start = message.chunk * size;
          message.outcomes.forEach((outcome, j) => {
            outcomes[start + j] = outcome;
            options.onDone?.(++done, items.length);
          });
          send(worker);
        });
      }
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return outcomes;
}
