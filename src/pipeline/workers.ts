/**
 * Extraction pool
 * ===============
 *
 * Runs readAndExtract over many files on `workers` threads: the main thread
 * and `workers - 1` worker threads. Each worker builds its extractor
 * (knowledge base, matchers) once; files go out in chunks to whichever
 * worker is free, and outcomes come back in file order, so the graph built
 * from them is the one the main thread alone would build.
 *
 * The main thread extracts too, a file at a time: a worker takes about half
 * a second to start (ts-node, the knowledge base) and runs its first files
 * on a cold JIT, and the main thread, which holds an extractor already,
 * would otherwise wait idle through it.
 *
 * From TypeScript sources (ts-node, jest) the worker loads worker.ts through
 * ts-node's register hook; from compiled JavaScript it loads worker.js.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileOutcome, WorkItem } from './process';
import type { ChunkReply, ChunkRequest, WorkerSetup } from './worker';

/** Chunks per thread over what is left when a chunk is cut: big chunks while much is left, smaller ones towards the end so every thread finishes at about the same time. */
const CHUNKS_PER_THREAD_LEFT = 4;
/** Largest chunk, in files: a worker's answer is one message, and the main thread takes it in between two of its own files. */
const MAX_CHUNK_FILES = 64;

export interface PoolOptions extends WorkerSetup {
  /** Threads extracting (≥ 2): the main thread and workers − 1 worker threads. */
  workers: number;
  /** Extracts one item on the main thread (the caller's extractor). */
  local: (item: WorkItem) => FileOutcome;
  /** The main thread's extractor version: every worker must build the same. */
  extractorVersion: string;
  /** Called after each file, in completion order. */
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

/**
 * Files in the next worker chunk when `remaining` files are not handed out
 * yet, on `threads` threads (guided scheduling): a share of what is left,
 * at least 1, at most MAX_CHUNK_FILES; 0 when nothing is left.
 */
export function chunkSize(remaining: number, threads: number): number {
  if (remaining <= 0) return 0;
  return Math.max(1, Math.min(MAX_CHUNK_FILES, remaining, Math.ceil(remaining / (threads * CHUNKS_PER_THREAD_LEFT))));
}

/**
 * Reads and extracts every item on a pool of worker threads and the main
 * thread; outcomes in item order. Rejects when a worker fails or disagrees
 * on the extractor version.
 *
 * Workers take chunks cut by chunkSize; the main thread takes one file at a
 * time and yields to the event loop after each, so a worker's answer is
 * taken in, and its next chunk sent, within one file's time (a main thread
 * busy on a whole chunk left workers idle for up to that chunk's time). Each
 * worker is sent its first chunk as it is created, so it starts on it as
 * soon as it has loaded instead of waiting for the main thread to read its
 * "ready".
 */
export async function extractInPool(items: readonly WorkItem[], options: PoolOptions): Promise<FileOutcome[]> {
  if (!Number.isInteger(options.workers) || options.workers < 2) throw new RangeError(`newsgraph build-graph: extractInPool needs at least 2 threads (got ${options.workers})`);
  const outcomes: FileOutcome[] = new Array(items.length);
  if (items.length === 0) return outcomes;
  const script = workerScript();
  const setup: WorkerSetup = { knowledgeDir: options.knowledgeDir, noiseFile: options.noiseFile, detectLanguage: options.detectLanguage };
  const threads = Math.min(options.workers - 1, items.length - 1);
  const pool: Worker[] = [];
  // A worker is only terminated once started: ending one while it loads native
  // addons (swc under ts-node) can crash the whole process.
  const started: Promise<void>[] = [];
  let next = 0;
  let done = 0;
  const record = (start: number, results: readonly FileOutcome[]) => {
    results.forEach((outcome, j) => {
      outcomes[start + j] = outcome;
      done++;
      // Not `onDone?.(++done, …)`: an optional call skips its arguments, and the count with them, when there is no onDone.
      options.onDone?.(done, items.length);
    });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: Error) => {
        failed = true;
        reject(error);
      };
      const settleIfDone = () => {
        if (done === items.length) resolve();
      };
      const send = (worker: Worker) => {
        const size = chunkSize(items.length - next, threads + 1);
        if (size === 0) return;
        const request: ChunkRequest = { start: next, items: items.slice(next, next + size) as WorkItem[] };
        next += size;
        worker.postMessage(request);
      };
      const runLocal = () => {
        if (failed || next >= items.length) return;
        const start = next++;
        try {
          record(start, [options.local(items[start])]);
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
            if (message.ready !== options.extractorVersion) fail(new Error(`newsgraph build-graph: worker built extractor ${message.ready}, main thread ${options.extractorVersion}`));
            return;
          }
          if ('error' in message) {
            fail(new Error(`newsgraph build-graph: extraction worker failed on the chunk from item ${message.start}: ${message.error}`));
            return;
          }
          record(message.start, message.outcomes);
          settleIfDone();
          if (!failed) send(worker);
        });
        send(worker);
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
