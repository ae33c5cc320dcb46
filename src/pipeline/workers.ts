/**
 * Extraction pool
 * ===============
 *
 * Runs readAndExtract over many files on `workers` threads: the main thread
 * and `workers - 1` worker threads. Each worker builds its extractor
 * (knowledge base, matchers) once; files go out in chunks, the next chunk to
 * whichever thread is free, and outcomes come back in file order, so the
 * graph built from them is the one the main thread alone would build.
 *
 * The main thread extracts too: a worker under ts-node takes about a second
 * to start (transpiling the extract stage, loading the knowledge base), and
 * the main thread, which holds an extractor already, would otherwise wait
 * idle through it. Between two of its chunks it yields to the event loop so
 * workers' answers are taken in and they get their next chunk.
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
  /** Threads extracting (≥ 2): the main thread and workers − 1 worker threads. */
  workers: number;
  /** Extracts one item on the main thread (the caller's extractor). */
  local: (item: WorkItem) => FileOutcome;
  /** The main thread's extractor version: every worker must build the same. */
  extractorVersion: string;
  /** Called after each file, in completion order of the chunks. */
  onDone?: (done: number, total: number) => void;
}

function workerScript(): { file: string; execArgv: string[] } {
  const compiled = path.join(__dirname, 'worker.js');
  if (existsSync(compiled) && !__filename.endsWith('.ts')) return { file: compiled, execArgv: [] };
  holdSwcBinding();
  return { file: path.join(__dirname, 'worker.ts'), execArgv: ['-r', 'ts-node/register'] };
}

/**
 * Loads swc's native binding (ts-node's transpiler here) on the main thread
 * before any worker does. When a worker thread is the first to load a native
 * addon, ending that worker unloads it, and the next worker that loads it
 * crashes the process (seen under jest, whose main thread compiles with
 * typescript and never loads swc). Held by the main thread, it stays loaded.
 */
function holdSwcBinding(): void {
  try {
    require('@swc/core');
  } catch {
    /* ts-node without swc: nothing to hold */
  }
}

/** Files per chunk for `total` files on `workers` workers. */
export function chunkSize(total: number, workers: number): number {
  return Math.max(1, Math.min(MAX_CHUNK_FILES, Math.ceil(total / (workers * CHUNKS_PER_WORKER))));
}

/** Reads and extracts every item on a pool of worker threads; outcomes in item order. Rejects when a worker fails or disagrees on the extractor version. */
export async function extractInPool(items: readonly WorkItem[], options: PoolOptions): Promise<FileOutcome[]> {
  if (!Number.isInteger(options.workers) || options.workers < 2) throw new RangeError(`newsgraph build-graph: extractInPool needs at least 2 threads (got ${options.workers})`);
  const outcomes: FileOutcome[] = new Array(items.length);
  if (items.length === 0) return outcomes;
  const size = chunkSize(items.length, options.workers);
  const chunks: ChunkRequest[] = [];
  for (let start = 0, chunk = 0; start < items.length; start += size, chunk++) chunks.push({ chunk, items: items.slice(start, start + size) as WorkItem[] });
  const script = workerScript();
  const setup: WorkerSetup = { knowledgeDir: options.knowledgeDir, noiseFile: options.noiseFile, detectLanguage: options.detectLanguage };
  const threads = Math.min(options.workers - 1, chunks.length);
  const pool: Worker[] = [];
  // A worker is only terminated once started: ending one while it loads native
  // addons (swc under ts-node) can crash the whole process.
  const started: Promise<void>[] = [];
  let next = 0;
  let done = 0;
  let pending = chunks.length;
  const record = (chunk: number, results: readonly FileOutcome[]) => {
    const start = chunk * size;
    results.forEach((outcome, j) => {
      outcomes[start + j] = outcome;
      options.onDone?.(++done, items.length);
    });
    pending--;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: Error) => {
        failed = true;
        reject(error);
      };
      const settleIfDone = () => {
        if (pending === 0) resolve();
      };
      const send = (worker: Worker) => {
        if (next < chunks.length) worker.postMessage(chunks[next++]);
      };
      const runLocal = () => {
        if (failed || next >= chunks.length) return;
        const request = chunks[next++];
        try {
          record(request.chunk, request.items.map(options.local));
        } catch (error) {
          fail(error as Error);
          return;
        }
        settleIfDone();
        setImmediate(runLocal);
      };
      for (let i = 0; i < threads; i++) {
        const worker = new Worker(script.file, { workerData: setup, execArgv: script.execArgv, env: process.env });
        pool.push(worker);
        started.push(
          new Promise<void>((ready) => {
            worker.once('message', () => ready());
            worker.once('error', () => ready());
            worker.once('exit', () => ready());
          }),
        );
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
          record(message.chunk, message.outcomes);
          settleIfDone();
          send(worker);
        });
      }
      setImmediate(runLocal);
    });
  } finally {
    await Promise.all(pool.map(async (worker, i) => {
      await started[i];
      await worker.terminate();
    }));
  }
  return outcomes;
}
