/**
 * Viewer stage: the Sigma page and its server, the Node-side layout that
 * stores positions in the graph, and static SVG/PNG pictures for reports.
 *
 * Benchmark hook (issue 8): write `generateBenchGraph()` (10 000 nodes,
 * 50 000 edges, seeded) with saveGraph, `startViewer({ graphFile, port: 0 })`,
 * open `<url>?bench=1` in Chromium, wait for `window.__newsgraph.ready`, then read
 * - `window.__newsgraph.firstFrameMs`: performance.now() right after sigma's
 *   first frame, i.e. ms since navigation start (fetch + parse + first render);
 * - `window.__newsgraph.layout.iterations` and `.iterationsPerSecond`:
 *   ForceAtlas2 worker iterations since the layout started (with bench=1 the
 *   layout does not stop by itself; sample twice and divide for a window).
 * `?layout=off` keeps the layout from starting by itself.
 * Tests also read `hoveredNode`, `renderCount`/`lastRenderMs` (frames drawn),
 * `viewportPosition(node)` (where to point the mouse) and
 * `nodeDisplay(node)`/`edgeDisplay(edge)` (what the reducers made of it).
 * The hook is read-only (frozen getters); the page tests read it too.
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
export { generateBenchGraph, BENCH_NODES, BENCH_EDGES } from './bench';
export { computeCentrality, sizesFromScores, CENTRALITIES } from './centrality';
