/** Graph stage: build the knowledge graph from extractions, merge claims, serialise and load graph.json. */
export { buildGraph, relationKey } from './build';
export type { NewsGraph, BuildGraphOptions } from './build';
export { GraphFileError, GraphFileSchema, loadGraph, readFileInBackground, saveGraph, serialiseGraph, writeFileAtomic, writeFileAtomicInBackground, writeFilesAtomic } from './io';
export { edgeEntry, entryWithItems, GRAPH_FILE_INDENT, graphEntryText, graphFileLayout, itemRegion, itemsText, layoutBytes, layoutGraph, nodeEntry, readEntry, splicedRegion, writeGraphFile } from './file';
export type { EntryContent, EntrySpan, GraphFileLayout, ItemChange } from './file';
export { claimKey, edgeEnds, mergeRelationExtras, mergeUnique, newNodeAttributes } from './build';
