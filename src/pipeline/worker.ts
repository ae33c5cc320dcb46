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

/** One chunk sent to a worker (items from position `start` of the build's list), and its answer. */
export interface ChunkRequest {
  start: number;
  items: WorkItem[];
}
export type ChunkReply = { start: number; outcomes: FileOutcome[] } | { start: number; error: string };

if (parentPort) {
  const setup = workerData as WorkerSetup;
  const extractor = createExtractor({ knowledgeDir: setup.knowledgeDir });
  const readOptions = { noise: loadNoiseRules(setup.noiseFile), detectLanguage: setup.detectLanguage };
  const port = parentPort;
  port.on('message', (request: ChunkRequest) => {
    let reply: ChunkReply;
    try {
      reply = { start: request.start, outcomes: request.items.map((item) => readAndExtract(item, readOptions, extractor)) };
    } catch (error) {
      reply = { start: request.start, error: (error as Error).stack ?? String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: extractor.version });
}
