/**
 * A worker of the extraction pool (see workers.ts): builds the extractor
 * once from the knowledge folder it is given, then answers each chunk of
 * files with their outcomes, in the order received.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadNoiseRules } from '../corpus';
import { createExtractor } from '../extract';
import type { FileOutcome, WorkItem } from './process';
import { readAndExtract } from './process';

/** What the pool passes each worker at start. */
export interface WorkerSetup {
  knowledgeDir?: string;
  noiseFile: string;
  detectLanguage?: boolean;
}

/** One chunk sent to a worker, and its answer. */
export interface ChunkRequest {
  chunk: number;
  items: WorkItem[];
}
export type ChunkReply = { chunk: number; outcomes: FileOutcome[] } | { chunk: number; error: string };

if (parentPort) {
  const setup = workerData as WorkerSetup;
  const extractor = createExtractor({ knowledgeDir: setup.knowledgeDir });
  const readOptions = { noise: loadNoiseRules(setup.noiseFile), detectLanguage: setup.detectLanguage };
  const port = parentPort;
  port.on('message', (request: ChunkRequest) => {
    let reply: ChunkReply;
    try {
      reply = { chunk: request.chunk, outcomes: request.items.map((item) => readAndExtract(item, readOptions, extractor)) };
    } catch (error) {
      reply = { chunk: request.chunk, error: (error as Error).stack ?? String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: extractor.version });
}
