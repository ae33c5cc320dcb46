/**
 * Viewer stage: the Sigma page and its server, the Node-side layout that
 * stores positions in the graph, and static SVG/PNG pictures for reports.
 *
 * Benchmark hook: open `<url>?bench=1`; the page sets
 * `window.__newsgraph.firstFrameMs` (performance.now() at sigma's first frame,
 * i.e. ms since navigation start) and, while ForceAtlas2 runs,
 * `window.__newsgraph.layout.iterations` / `.iterationsPerSecond`.
 * `?layout=off` keeps the layout from starting by itself.
 */
export { startViewer, createViewerHandler, CONTENT_SECURITY_POLICY, DEFAULT_HOST, DEFAULT_PORT } from './server';
export type { ViewerOptions, RunningViewer } from './server';
export { buildPageAssets } from './bundle';
export { computeLayout, assignLayout, DEFAULT_ITERATIONS } from './layout';
export type { LayoutOptions } from './layout';
export { seededPosition, startPositions, hasStoredPositions, DEFAULT_LAYOUT_SEED } from './positions';
export { renderSvg, escapeXml } from './svg';
export type { SvgOptions } from './svg';
export { renderPng, NoFontError, findFontDir } from './render';
export { graphToGexf } from './gexf';
export { ENTITY_TYPE_COLORS, RELATION_COLORS, entityTypeColor, relationColor } from './colors';
export { computeVisibility, claimDates, NO_FILTERS } from './filters';
export type { FilterState, Visibility } from './filters';
export { buildSearchIndex, searchEntities, normaliseForSearch } from './search';
export { findEntityPath } from './paths';
export { computeCentrality, sizesFromScores, CENTRALITIES } from './centrality';
