/**
 * Analysis stage: centrality, paths with evidence, communities and exports,
 * on the graph loaded by src/graph. Every algorithm runs on the simple
 * projection of project.ts; `fn(graph, options)` returns results and
 * `fn.assign(graph, options)` writes them on the nodes.
 */
export { AnalysisInputError } from './errors';
export { toSimpleGraph, claimCount, SIMPLE_GRAPH_DEFAULTS } from './project';
export type { SimpleGraph, SimpleGraphOptions, ProjectedEdgeAttributes } from './project';
export { createRng, DEFAULT_SEED, sampleWithoutReplacement } from './rng';
export type { Rng } from './rng';
export {
  betweenness,
  betweennessMethod,
  brandesFromSources,
  sampledBetweenness,
  BETWEENNESS_DEFAULTS,
  DEFAULT_BETWEENNESS_SAMPLES,
  EXACT_BETWEENNESS_MAX_NODES,
} from './betweenness';
export type { BetweennessMethod, BetweennessOptions, BetweennessResult } from './betweenness';
export { centrality, rankNodes, parseMetrics, parseEntityTypes, CENTRALITY_METRICS, CENTRALITY_METRIC_NAMES, CENTRALITY_DEFAULTS } from './centrality';
export type { CentralityMetric, CentralityOptions, CentralityResult, MetricDefinition, RankedNode, RankOptions } from './centrality';
export { closestNames, editDistance, normalizeName, resolveEntity } from './names';
export type { EntityCandidate } from './names';
export { explainHop, findPaths, kShortestPaths, pickClaim, DEFAULT_MAX_HOPS, DEFAULT_PATH_COUNT, PATH_DEFAULTS } from './paths';
export type { EvidencePath, PathHop, PathOptions } from './paths';
export { communities, COMMUNITY_ATTRIBUTE, COMMUNITY_DEFAULTS } from './communities';
export type { Community, CommunityMember, CommunityOptions, CommunityResult } from './communities';
export { colorOfType, csvOutputFiles, exportGraph, parseExportFormat, renderExport, toCsv, toGexf, toGraphml, EXPORT_FORMATS, TYPE_COLORS } from './export';
export type { ExportFormat, ExportOptions } from './export';
// Contradictions (src/analysis/contradictions.ts) are written by another engineer, who appends its export below.
export { findContradictions, CONTRADICTION_DEFAULTS } from './contradictions';
export type { Contradiction, ContradictionClaim, ContradictionOptions } from './contradictions';
