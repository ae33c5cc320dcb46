/** Graph stage: build the knowledge graph from extractions, merge claims, serialise and load graph.json. */
export { buildGraph, relationKey } from './build';
export type { NewsGraph, BuildGraphOptions } from './build';
export { GraphFileError, GraphFileSchema, loadGraph, saveGraph, serialiseGraph, writeFileAtomic, writeFilesAtomic } from './io';
export { edgeEntry, GRAPH_FILE_INDENT, graphEntryText, graphFileLayout, layoutGraph, nodeEntry, readEntry, writeGraphFile } from './file';
export type { EntrySpan, GraphFileLayout } from './file';
export { claimKey, edgeEnds, mergeRelationExtras, mergeUnique, newNodeAttributes } from './build';
