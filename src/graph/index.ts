/** Graph stage: build the knowledge graph from extractions, merge claims, serialise and load graph.json. */
export { buildGraph, relationKey } from './build';
export type { NewsGraph, BuildGraphOptions } from './build';
export { GraphFileError, GraphFileSchema, loadGraph, saveGraph, serialiseGraph, writeFileAtomic, writeFilesAtomic } from './io';
