/**
 * The newsgraph viewer page: sigma v3 over a graphology graph fetched from
 * /graph.json. What is shown is decided by the node and edge reducers from the
 * page state (filters, hover, selection, path), never by mutating the graph;
 * only the layout writes x/y.
 *
 * Test and benchmark hook, read-only: `window.__newsgraph` (see NewsgraphHook).
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import noverlap from 'graphology-layout-noverlap';
import { ENTITY_TYPES, CLAIM_STATUSES } from '../../ontology';
import { communityColor, entityTypeColor, relationColor, relationLabel, STATUS_COLORS } from '../colors';
import { CENTRALITIES, CENTRALITY_LABELS, centralityAvailable, CentralityKind, computeCentrality, sizesFromScores } from '../centrality';
import { claimCounts, claimDates, computeVisibility, FilterState, NO_FILTERS, Visibility } from '../filters';
import { graphToGexf } from '../gexf';
import { EntityPath, findEntityPath } from '../paths';
import { hasStoredPositions, startPositions } from '../positions';
import { layoutSettings, noverlapGridSize } from '../layout';
import { buildSearchIndex } from '../search';
import { byId, clear, download, el } from './dom';
import { ArticleInfo, edgePanel, entityPanel, PanelContext, pathPanel } from './panel';
import { attachSearchBox } from './searchbox';
import { EdgeProgramName, PLAIN_EDGE_PROGRAMS, PLAIN_NODE_PROGRAMS } from './programs';

/** What `window.__newsgraph` exposes (all read-only). */
export interface NewsgraphHook {
  readonly ready: boolean;
  readonly error: string | null;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly visibleNodes: number;
  readonly visibleEdges: number;
  readonly selectedNode: string | null;
  readonly selectedEdge: string | null;
  /** Nodes of the path shown, in order; [] when none. */
  readonly pathNodes: string[];
  /** performance.now() at sigma's first frame (ms since navigation start). */
  readonly firstFrameMs: number | null;
  readonly layout: { readonly running: boolean; readonly iterations: number; readonly iterationsPerSecond: number | null };
  /** Node under the mouse once the hover highlight applied, else null. */
  readonly hoveredNode: string | null;
  /** Frames sigma has drawn, and performance.now() at the last one: tests wait on them, benchmarks time them. */
  readonly renderCount: number;
  readonly lastRenderMs: number | null;
  /** Where `node` is drawn, in CSS pixels from the graph container's top-left corner; null when unknown or hidden. */
  viewportPosition(node: string): { x: number; y: number } | null;
  /** How sigma draws a node or an edge right now (after the reducers); null when unknown. */
  nodeDisplay(node: string): DisplayFacts | null;
  edgeDisplay(edge: string): DisplayFacts | null;
}

/** What the hook tells about a drawn node or edge. */
export interface DisplayFacts {
  /** Sigma program drawing it ('circle'; 'arrow', 'line' or 'thin'). */
  program: string;
  hidden: boolean;
  color: string;
  size: number;
  highlighted: boolean;
  forceLabel: boolean;
}

/** Hover highlight waits this long so sweeping the mouse across nodes does not flicker. */
const HOVER_DEBOUNCE_MS = 40;
/** ForceAtlas2 stops itself after this long, scaled with the graph (ms). */
const LAYOUT_MIN_MS = 5000;
const LAYOUT_MAX_MS = 20000;
const LAYOUT_MS_PER_NODE = 2;
/** noverlap passes once the layout stops. */
const NOVERLAP_ITERATIONS = 60;
/** Above this many nodes noverlap is skipped: on 10 000 nodes it blocks the page for seconds. */
const NOVERLAP_MAX_NODES = 2000;
/**
 * Above this many edges the page trades features for frame time: edges hidden
 * while the camera moves or the layout runs, no edge picking (clicks on edges),
 * no z-ordering, and the edges outside a highlighted neighbourhood or path are
 * left out rather than drawn faded.
 */
const LARGE_GRAPH_EDGES = 20000;
/** Node sizes (px) in that mode, instead of centrality's MIN_NODE_SIZE..MAX_NODE_SIZE. */
const LARGE_GRAPH_MIN_NODE_SIZE = 2;
const LARGE_GRAPH_MAX_NODE_SIZE = 12;
/** Above this many edges the layout's positions reach the screen every LAYOUT_SYNC_MS, not every frame. */
const LAYOUT_SYNC_EDGES = 5000;
const LAYOUT_SYNC_MS = 1000;
const FADED_NODE_COLOR = '#e9ecef';
const FADED_EDGE_COLOR = '#f1f3f5';
const PATH_EDGE_MIN_SIZE = 4;
/** Edge thickness: 1 claim = BASE, doubling the claims adds PER_DOUBLING. */
const EDGE_BASE_SIZE = 1.6;
const EDGE_SIZE_PER_DOUBLING = 1.4;
/** Legend shows at most this many communities (the biggest). */
const LEGEND_MAX_COMMUNITIES = 12;
/** Zoom when centring on a node: none for small graphs, closer for big ones (ratio ~ 1/√order). */
const CAMERA_FOCUS_SCALE = 10;
const CAMERA_MIN_RATIO = 0.1;
const CAMERA_DURATION_MS = 500;

/** Display of an edge that does not depend on the page state. */
interface EdgeLook {
  /** Sigma program: 'arrow' for directed relations, 'line' for symmetric ones. */
  program: EdgeProgramName;
  size: number;
  color: string;
}

interface PageState {
  filters: FilterState;
  visibility: Visibility;
  hovered: string | null;
  selectedNode: string | null;
  selectedEdge: string | null;
  /** Neighbours of the focused node (hovered, else selected). */
  focusNeighbours: Set<string>;
  path: { nodes: string[]; nodeSet: Set<string>; edgeSet: Set<string> } | null;
  colorBy: 'type' | 'community';
  sizes: Map<string, number>;
}

const hookState = {
  ready: false,
  error: null as string | null,
  nodeCount: 0,
  edgeCount: 0,
  firstFrameMs: null as number | null,
  layoutRunning: false,
  layoutIterations: 0,
  layoutStartedAt: 0,
  layoutIterationsAtStart: 0,
  getState: null as (() => PageState) | null,
  renderCount: 0,
  lastRenderMs: null as number | null,
  viewportPosition: null as ((node: string) => { x: number; y: number } | null) | null,
  nodeDisplay: null as ((node: string) => DisplayFacts | null) | null,
  edgeDisplay: null as ((edge: string) => DisplayFacts | null) | null,
};

function installHook(): void {
  const hook: NewsgraphHook = Object.freeze({
    get ready() { return hookState.ready; },
    get error() { return hookState.error; },
    get nodeCount() { return hookState.nodeCount; },
    get edgeCount() { return hookState.edgeCount; },
    get visibleNodes() { return hookState.getState?.().visibility.visibleNodeCount ?? 0; },
    get visibleEdges() { return hookState.getState?.().visibility.visibleEdgeCount ?? 0; },
    get selectedNode() { return hookState.getState?.().selectedNode ?? null; },
    get selectedEdge() { return hookState.getState?.().selectedEdge ?? null; },
    get pathNodes() { return [...(hookState.getState?.().path?.nodes ?? [])]; },
    get firstFrameMs() { return hookState.firstFrameMs; },
    get layout() {
      const seconds = (performance.now() - hookState.layoutStartedAt) / 1000;
      const done = hookState.layoutIterations - hookState.layoutIterationsAtStart;
      return Object.freeze({
        running: hookState.layoutRunning,
        iterations: hookState.layoutIterations,
        iterationsPerSecond: hookState.layoutStartedAt && seconds > 0 ? done / seconds : null,
      });
    },
    get hoveredNode() { return hookState.getState?.().hovered ?? null; },
    get renderCount() { return hookState.renderCount; },
    get lastRenderMs() { return hookState.lastRenderMs; },
    viewportPosition: (node: string) => hookState.viewportPosition?.(node) ?? null,
    nodeDisplay: (node: string) => hookState.nodeDisplay?.(node) ?? null,
    edgeDisplay: (edge: string) => hookState.edgeDisplay?.(edge) ?? null,
  });
  Object.defineProperty(window, '__newsgraph', { value: hook, writable: false, configurable: false });
}

function showMessage(text: string): void {
  const box = byId('message');
  box.textContent = text;
  box.hidden = false;
}

function readArticles(graph: Graph): Map<string, ArticleInfo> {
  const articles = new Map<string, ArticleInfo>();
  const list = graph.getAttribute('articles');
  if (!Array.isArray(list)) return articles;
  for (const article of list as ArticleInfo[]) if (article && typeof article.id === 'string') articles.set(article.id, article);
  return articles;
}

function edgeSize(claims: number): number {
  return EDGE_BASE_SIZE + EDGE_SIZE_PER_DOUBLING * Math.log2(Math.max(1, claims));
}

/** Community ids ranked by size, so the biggest get the first palette colours. */
function communityRanks(graph: Graph): Map<string, { rank: number; size: number }> {
  const sizes = new Map<string, number>();
  graph.forEachNode((_node, attributes) => {
    if (attributes.community === undefined || attributes.community === null) return;
    const id = String(attributes.community);
    sizes.set(id, (sizes.get(id) ?? 0) + 1);
  });
  const ranked = [...sizes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return new Map(ranked.map(([id, size], rank) => [id, { rank, size }]));
}

async function loadGraphData(): Promise<Graph> {
  const response = await fetch('/graph.json', { cache: 'no-store' });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      detail = ((await response.json()) as { error?: string }).error ?? detail;
    } catch {
      /* not JSON: keep the status */
    }
    throw new Error(`cannot load the graph: ${detail}`);
  }
  const data = (await response.json()) as { options?: Record<string, unknown> };
  const graph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true, ...(data.options ?? {}) });
  graph.import(data as never);
  return graph;
}

function checkItem(label: string, color: string, count: number, checked: boolean, onChange: (checked: boolean) => void, swatchClass = 'swatch'): HTMLLabelElement {
  const input = el('input', { attrs: { type: 'checkbox' } });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return el('label', { className: 'check', attrs: { 'data-value': label } }, [
    input,
    el('span', { className: swatchClass, color }),
    el('span', { text: label }),
    el('span', { className: 'count', text: String(count) }),
  ]);
}

function main(graph: Graph): void {
  const params = new URLSearchParams(location.search);
  const benchMode = params.get('bench') === '1';
  const container = byId('graph');
  const articles = readArticles(graph);
  const largeGraph = graph.size > LARGE_GRAPH_EDGES;
  // Thousands of nodes in one screen overlap at full size, and software WebGL pays for every covered pixel.
  const nodeSizes = (kind: CentralityKind) =>
    largeGraph ? sizesFromScores(computeCentrality(graph, kind), LARGE_GRAPH_MIN_NODE_SIZE, LARGE_GRAPH_MAX_NODE_SIZE) : sizesFromScores(computeCentrality(graph, kind));
  // What an edge looks like before any state applies: computed once, read by the edge reducer.
  const edgeLooks = new Map<string, EdgeLook>();
  graph.forEachEdge((edge, attributes, _s, _t, _sa, _ta, undirected) => {
    const claims = Array.isArray(attributes.claims) ? attributes.claims.length : 1;
    edgeLooks.set(edge, { program: undirected ? 'line' : 'arrow', size: edgeSize(claims), color: relationColor(attributes.type) });
  });
  const communities = communityRanks(graph);
  // Sentence texts known from claims, so an entity's mentions can be quoted even without a relation.
  const sentences = new Map<string, string>();
  graph.forEachEdge((_edge, attributes) => {
    for (const claim of Array.isArray(attributes.claims) ? (attributes.claims as Array<{ doc?: string; sentence?: number; quote?: string }>) : []) {
      if (typeof claim.quote === 'string') sentences.set(`${claim.doc}\u0000${claim.sentence}`, claim.quote);
    }
  });

  const laidOut = hasStoredPositions(graph);
  if (!laidOut) {
    for (const [node, point] of startPositions(graph)) graph.mergeNodeAttributes(node, point);
  }

  const state: PageState = {
    filters: NO_FILTERS,
    visibility: computeVisibility(graph, NO_FILTERS),
    hovered: null,
    selectedNode: null,
    selectedEdge: null,
    focusNeighbours: new Set(),
    path: null,
    colorBy: 'type',
    sizes: nodeSizes('degree'),
  };
  hookState.getState = () => state;
  hookState.nodeCount = graph.order;
  hookState.edgeCount = graph.size;

  const nodeColor = (node: string, attributes: Record<string, unknown>): string => {
    if (state.colorBy === 'community' && attributes.community !== undefined) {
      return communityColor(communities.get(String(attributes.community))?.rank ?? -1);
    }
    return entityTypeColor(attributes.type);
  };

  // Big graphs draw nodes only while ForceAtlas2 runs: the frame time goes to the layout.
  let hideEdgesWhileLayout = false;
  const renderer = new Sigma(graph, container, {
    nodeProgramClasses: PLAIN_NODE_PROGRAMS,
    edgeProgramClasses: PLAIN_EDGE_PROGRAMS,
    renderEdgeLabels: false,
    enableEdgeEvents: !largeGraph,
    zIndex: !largeGraph,
    labelFont: 'system-ui, "DejaVu Sans", "Liberation Sans", sans-serif',
    labelSize: 12,
    labelWeight: '500',
    labelColor: { color: '#343a40' },
    // Fewer, bigger-node-first labels: the grid keeps one label per cell.
    labelDensity: 0.6,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 5,
    minEdgeThickness: 1,
    hideEdgesOnMove: largeGraph,
    // Reducers run for every node and edge on each refresh: O(1) each, on
    // sets computed once per state change; they fill sigma's own copy of the
    // attributes in place instead of spreading it into a new object.
    nodeReducer(node, data) {
      const out = data as Record<string, unknown>;
      out.type = 'circle';
      out.size = state.sizes.get(node) ?? 6;
      out.color = nodeColor(node, data);
      if (state.visibility.hiddenNodes.has(node)) {
        out.hidden = true;
        return out;
      }
      if (state.path) {
        if (state.path.nodeSet.has(node)) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 2 });
        else Object.assign(out, { color: FADED_NODE_COLOR, label: '', zIndex: 0 });
        return out;
      }
      const focus = state.hovered ?? state.selectedNode;
      if (focus) {
        if (node === focus || state.focusNeighbours.has(node)) Object.assign(out, { forceLabel: true, zIndex: 1 });
        else Object.assign(out, { color: FADED_NODE_COLOR, label: '', zIndex: 0 });
      }
      if (node === state.selectedNode) Object.assign(out, { highlighted: true, zIndex: 2 });
      return out;
    },
    edgeReducer(edge, data) {
      const out = data as Record<string, unknown>;
      const base = edgeLooks.get(edge)!;
      // A big graph draws its mass of edges as thin lines; arrows and thickness come back when highlighted.
      out.type = largeGraph ? 'thin' : base.program;
      out.size = base.size;
      out.color = base.color;
      out.label = '';
      if (hideEdgesWhileLayout || state.visibility.hiddenEdges.has(edge)) {
        out.hidden = true;
        return out;
      }
      if (state.path) {
        if (state.path.edgeSet.has(edge)) Object.assign(out, { type: base.program, size: Math.max(PATH_EDGE_MIN_SIZE, base.size), zIndex: 2 });
        else if (largeGraph) out.hidden = true;
        else Object.assign(out, { color: FADED_EDGE_COLOR, zIndex: 0 });
        return out;
      }
      if (edge === state.selectedEdge) Object.assign(out, { type: base.program, size: base.size * 2, zIndex: 2 });
      const focus = state.hovered ?? state.selectedNode;
      if (!focus) return out;
      if (graph.hasExtremity(edge, focus)) out.type = base.program;
      // On a big graph the faded rest is a grey fog that costs most of the frame: leave it out.
      else if (largeGraph) out.hidden = true;
      else Object.assign(out, { color: FADED_EDGE_COLOR, zIndex: 0 });
      return out;
    },
  });
  hookState.firstFrameMs = performance.now();
  // Sigma's constructor drew the first frame before any listener could see it.
  hookState.renderCount = 1;
  hookState.lastRenderMs = hookState.firstFrameMs;
  renderer.on('afterRender', () => {
    hookState.renderCount += 1;
    hookState.lastRenderMs = performance.now();
  });
  hookState.viewportPosition = (node) => {
    const display = renderer.getNodeDisplayData(node);
    if (!display || display.hidden) return null;
    return renderer.framedGraphToViewport(display);
  };
  const facts = (data: { type: string; hidden: boolean; color: string; size: number; forceLabel: boolean; highlighted?: boolean } | undefined): DisplayFacts | null =>
    data ? { program: data.type, hidden: data.hidden, color: data.color, size: data.size, highlighted: data.highlighted ?? false, forceLabel: data.forceLabel } : null;
  hookState.nodeDisplay = (node) => facts(renderer.getNodeDisplayData(node));
  hookState.edgeDisplay = (edge) => facts(renderer.getEdgeDisplayData(edge));

  const refresh = () => renderer.refresh({ skipIndexation: true });


  // ---- Panel ---------------------------------------------------------------
  const panel = byId('panel');
  const panelContent = byId('panel-content');
  const panelContext: PanelContext = {
    graph,
    articles,
    claimVisible: (claim) => claimCounts(claim, state.filters),
    sentenceText: (doc, sentence) => sentences.get(`${doc}\u0000${sentence}`),
    onEntity: (node) => selectNode(node, true),
    onEdge: (edge) => selectEdge(edge),
  };
  const showPanel = (content: HTMLElement) => {
    clear(panelContent);
    panelContent.appendChild(content);
    panel.hidden = false;
    panel.scrollTop = 0;
    renderer.resize();
  };
  const closePanel = () => {
    panel.hidden = true;
    state.selectedNode = null;
    state.selectedEdge = null;
    updateFocus();
    renderer.resize();
    refresh();
  };
  byId('panel-close').addEventListener('click', closePanel);

  const updateFocus = () => {
    const focus = state.hovered ?? state.selectedNode;
    state.focusNeighbours = focus && graph.hasNode(focus) ? new Set(graph.neighbors(focus)) : new Set();
  };

  const centreOn = (node: string) => {
    const display = renderer.getNodeDisplayData(node);
    if (!display) return;
    const camera = renderer.getCamera();
    void camera.animate({ x: display.x, y: display.y, ratio: Math.min(camera.ratio, Math.max(CAMERA_MIN_RATIO, CAMERA_FOCUS_SCALE / Math.sqrt(graph.order))) }, { duration: CAMERA_DURATION_MS });
  };

  function selectNode(node: string, centre: boolean): void {
    if (!graph.hasNode(node)) return;
    state.selectedNode = node;
    state.selectedEdge = null;
    updateFocus();
    showPanel(entityPanel(panelContext, node));
    search.set(node, String(graph.getNodeAttribute(node, 'label') ?? node));
    if (centre) centreOn(node);
    refresh();
  }

  function selectEdge(edge: string): void {
    state.selectedEdge = edge;
    state.selectedNode = null;
    updateFocus();
    showPanel(edgePanel(panelContext, edge));
    refresh();
  }

  // ---- Search --------------------------------------------------------------
  const index = buildSearchIndex(graph);
  const search = attachSearchBox(byId<HTMLInputElement>('search'), byId<HTMLUListElement>('search-suggestions'), index, (node) => selectNode(node, true));

  // ---- Hover and clicks ----------------------------------------------------
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  const setHovered = (node: string | null) => {
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(() => {
      state.hovered = node;
      updateFocus();
      refresh();
    }, HOVER_DEBOUNCE_MS);
  };
  renderer.on('enterNode', ({ node }) => {
    container.style.cursor = 'pointer';
    setHovered(node);
  });
  renderer.on('leaveNode', () => {
    container.style.cursor = '';
    setHovered(null);
  });
  renderer.on('enterEdge', () => (container.style.cursor = 'pointer'));
  renderer.on('leaveEdge', () => (container.style.cursor = ''));
  renderer.on('clickNode', ({ node }) => selectNode(node, false));
  renderer.on('clickEdge', ({ edge }) => selectEdge(edge));
  renderer.on('clickStage', () => {
    if (!panel.hidden && !state.path) closePanel();
  });

  // ---- Appearance ----------------------------------------------------------
  const sizeSelect = byId<HTMLSelectElement>('size-by');
  for (const kind of CENTRALITIES) {
    const option = el('option', { text: CENTRALITY_LABELS[kind], attrs: { value: kind } });
    if (!centralityAvailable(graph, kind)) {
      option.disabled = true;
      option.textContent = `${CENTRALITY_LABELS[kind]} (too large)`;
    }
    sizeSelect.appendChild(option);
  }
  sizeSelect.addEventListener('change', () => {
    state.sizes = nodeSizes(sizeSelect.value as CentralityKind);
    refresh();
  });

  const colorSelect = byId<HTMLSelectElement>('color-by');
  const communityOption = colorSelect.querySelector<HTMLOptionElement>('option[value="community"]')!;
  communityOption.disabled = communities.size === 0;
  if (communities.size === 0) communityOption.textContent = 'Community (none in graph)';
  colorSelect.addEventListener('change', () => {
    state.colorBy = colorSelect.value === 'community' ? 'community' : 'type';
    renderLegend();
    refresh();
  });

  const legend = byId('legend');
  function renderLegend(): void {
    clear(legend);
    if (state.colorBy === 'community') {
      for (const [id, { rank, size }] of [...communities].slice(0, LEGEND_MAX_COMMUNITIES)) {
        legend.appendChild(el('div', { className: 'item' }, [el('span', { className: 'swatch', color: communityColor(rank) }), el('span', { text: `community ${id} (${size})` })]));
      }
      return;
    }
    for (const type of ENTITY_TYPES) {
      legend.appendChild(el('div', { className: 'item' }, [el('span', { className: 'swatch', color: entityTypeColor(type) }), el('span', { text: type })]));
    }
  }
  renderLegend();

  // ---- Filters -------------------------------------------------------------
  const stats = byId('stats');
  const applyFilters = (patch: Partial<FilterState>) => {
    state.filters = { ...state.filters, ...patch };
    state.visibility = computeVisibility(graph, state.filters);
    if (state.path) state.path = null;
    updateStats();
    refresh();
  };
  const updateStats = () => {
    const { visibleNodeCount, visibleEdgeCount } = state.visibility;
    const filtered = visibleNodeCount !== graph.order || visibleEdgeCount !== graph.size;
    stats.textContent = filtered
      ? `${visibleNodeCount} of ${graph.order} entities · ${visibleEdgeCount} of ${graph.size} relations shown`
      : `${graph.order} entities · ${graph.size} relations · ${articles.size} articles`;
  };
  updateStats();

  const typeCounts = new Map<string, number>();
  graph.forEachNode((_node, attributes) => typeCounts.set(String(attributes.type), (typeCounts.get(String(attributes.type)) ?? 0) + 1));
  const entityTypes = new Set(typeCounts.keys());
  const typeBox = byId('type-filters');
  for (const type of [...ENTITY_TYPES.filter((t) => typeCounts.has(t)), ...[...typeCounts.keys()].filter((t) => !(ENTITY_TYPES as readonly string[]).includes(t))]) {
    typeBox.appendChild(
      checkItem(type, entityTypeColor(type), typeCounts.get(type) ?? 0, true, (checked) => {
        if (checked) entityTypes.add(type);
        else entityTypes.delete(type);
        applyFilters({ entityTypes: new Set(entityTypes) });
      }),
    );
  }

  const relationCounts = new Map<string, number>();
  graph.forEachEdge((_edge, attributes) => relationCounts.set(String(attributes.type), (relationCounts.get(String(attributes.type)) ?? 0) + 1));
  const relationTypes = new Set(relationCounts.keys());
  const relationBox = byId('relation-filters');
  const relationInputs: HTMLInputElement[] = [];
  for (const [type, count] of [...relationCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const item = checkItem(relationLabel(type), relationColor(type), count, true, (checked) => {
      if (checked) relationTypes.add(type);
      else relationTypes.delete(type);
      applyFilters({ relationTypes: new Set(relationTypes) });
    }, 'swatch line');
    item.setAttribute('data-value', type);
    relationInputs.push(item.querySelector('input')!);
    relationBox.appendChild(item);
  }
  const setAllRelations = (checked: boolean) => {
    relationInputs.forEach((input) => (input.checked = checked));
    relationTypes.clear();
    if (checked) for (const type of relationCounts.keys()) relationTypes.add(type);
    applyFilters({ relationTypes: new Set(relationTypes) });
  };
  byId('relations-all').addEventListener('click', () => setAllRelations(true));
  byId('relations-none').addEventListener('click', () => setAllRelations(false));

  const statusCounts = new Map<string, number>();
  graph.forEachEdge((_edge, attributes) => {
    for (const claim of Array.isArray(attributes.claims) ? (attributes.claims as Array<{ status?: string }>) : []) {
      statusCounts.set(String(claim.status), (statusCounts.get(String(claim.status)) ?? 0) + 1);
    }
  });
  const statuses = new Set<string>(CLAIM_STATUSES);
  const statusBox = byId('status-filters');
  for (const status of CLAIM_STATUSES) {
    statusBox.appendChild(
      checkItem(status, STATUS_COLORS[status], statusCounts.get(status) ?? 0, true, (checked) => {
        if (checked) statuses.add(status);
        else statuses.delete(status);
        applyFilters({ statuses: new Set(statuses) });
      }),
    );
  }

  const dates = claimDates(graph);
  const timeSlider = byId<HTMLInputElement>('time-slider');
  const timeLabel = byId('time-label');
  timeSlider.max = String(dates.length);
  timeSlider.value = String(dates.length);
  timeSlider.disabled = dates.length === 0;
  const updateTimeLabel = () => {
    const at = Number(timeSlider.value);
    timeLabel.textContent = dates.length === 0 ? 'No dated claims in this graph.' : at >= dates.length ? `All dates (${dates[0]} … ${dates[dates.length - 1]})` : `Up to ${dates[at]}`;
  };
  updateTimeLabel();
  timeSlider.addEventListener('input', () => {
    updateTimeLabel();
    const at = Number(timeSlider.value);
    applyFilters({ untilDate: at >= dates.length ? null : dates[at] });
  });

  let maxDegree = 0;
  graph.forEachNode((node) => (maxDegree = Math.max(maxDegree, graph.degree(node))));
  const degreeSlider = byId<HTMLInputElement>('min-degree');
  const degreeValue = byId('min-degree-value');
  degreeSlider.max = String(maxDegree);
  degreeSlider.addEventListener('input', () => {
    degreeValue.textContent = degreeSlider.value;
    applyFilters({ minDegree: Number(degreeSlider.value) });
  });

  // ---- Path finder ---------------------------------------------------------
  const pathFrom = attachSearchBox(byId<HTMLInputElement>('path-from'), byId<HTMLUListElement>('path-from-suggestions'), index, () => undefined);
  const pathTo = attachSearchBox(byId<HTMLInputElement>('path-to'), byId<HTMLUListElement>('path-to-suggestions'), index, () => runPath());
  function runPath(): void {
    const from = pathFrom.chosen();
    const to = pathTo.chosen();
    if (!from || !to) {
      showMessageBriefly('Choose both ends of the path from the suggestions.');
      return;
    }
    const found: EntityPath | null = findEntityPath(graph, from, to, { nodes: state.visibility.hiddenNodes, edges: state.visibility.hiddenEdges });
    state.path = found ? { nodes: found.nodes, nodeSet: new Set(found.nodes), edgeSet: new Set(found.hops.flatMap((hop) => hop.edges)) } : null;
    state.selectedNode = null;
    state.selectedEdge = null;
    updateFocus();
    showPanel(pathPanel(panelContext, from, to, found));
    refresh();
  }
  byId('path-find').addEventListener('click', runPath);
  byId('path-clear').addEventListener('click', () => {
    state.path = null;
    pathFrom.set(null);
    pathTo.set(null);
    closePanel();
  });

  let messageTimer: ReturnType<typeof setTimeout> | undefined;
  function showMessageBriefly(text: string): void {
    showMessage(text);
    clearTimeout(messageTimer);
    messageTimer = setTimeout(() => (byId('message').hidden = true), 2500);
  }

  // ---- Layout --------------------------------------------------------------
  // ForceAtlas2 runs on a bare copy of the graph (positions and links only), and
  // positions are copied to the shown graph once per frame, or once per
  // LAYOUT_SYNC_MS on big graphs: the worker then never waits for sigma to redraw.
  const layoutGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });
  graph.forEachNode((node, attributes) => layoutGraph.addNode(node, { x: attributes.x, y: attributes.y }));
  graph.forEachEdge((edge, _attributes, source, target, _sa, _ta, undirected) => {
    if (undirected) layoutGraph.addUndirectedEdgeWithKey(edge, source, target);
    else layoutGraph.addDirectedEdgeWithKey(edge, source, target);
  });
  const layout = new FA2Layout(layoutGraph, { settings: layoutSettings(graph), getEdgeWeight: null });
  const syncPositions = () => {
    graph.updateEachNodeAttributes(
      (node, attributes) => {
        const position = layoutGraph.getNodeAttributes(node);
        attributes.x = position.x;
        attributes.y = position.y;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
  };
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  let syncFrame: number | undefined;
  const scheduleSync = () => {
    if (graph.size > LAYOUT_SYNC_EDGES) {
      syncTimer = setTimeout(() => {
        syncPositions();
        if (layout.isRunning()) scheduleSync();
      }, LAYOUT_SYNC_MS);
    } else {
      syncFrame = requestAnimationFrame(() => {
        syncPositions();
        if (layout.isRunning()) scheduleSync();
      });
    }
  };
  const stopSync = () => {
    clearTimeout(syncTimer);
    if (syncFrame !== undefined) cancelAnimationFrame(syncFrame);
  };
  const layoutButton = byId<HTMLButtonElement>('layout-toggle');
  const layoutStatus = byId('layout-status');
  let autoStopTimer: ReturnType<typeof setTimeout> | undefined;
  let statusTimer: ReturnType<typeof setInterval> | undefined;
  const countIterations = () => void (hookState.layoutIterations += 1);
  let countedWorker: Worker | null = null;

  const stopLayout = () => {
    clearTimeout(autoStopTimer);
    clearInterval(statusTimer);
    if (!layout.isRunning()) return;
    layout.stop();
    stopSync();
    hookState.layoutRunning = false;
    hideEdgesWhileLayout = false;
    syncPositions();
    if (graph.order <= NOVERLAP_MAX_NODES) runNoverlap();
    // noverlap moved the shown graph: the next layout run starts from there.
    graph.forEachNode((node, attributes) => layoutGraph.mergeNodeAttributes(node, { x: attributes.x, y: attributes.y }));
    layoutButton.textContent = 'Start layout';
    layoutStatus.textContent = `${hookState.layoutIterations} iterations`;
  };
  const startLayout = () => {
    // The supervisor respawns its worker on graph changes: count on whichever is current.
    const worker = (layout as unknown as { worker: Worker | null }).worker;
    if (worker && worker !== countedWorker) {
      worker.addEventListener('message', countIterations);
      countedWorker = worker;
    }
    layout.start();
    hideEdgesWhileLayout = largeGraph;
    if (hideEdgesWhileLayout) refresh();
    scheduleSync();
    hookState.layoutRunning = true;
    hookState.layoutStartedAt = performance.now();
    hookState.layoutIterationsAtStart = hookState.layoutIterations;
    layoutButton.textContent = 'Stop layout';
    const duration = Math.min(LAYOUT_MAX_MS, Math.max(LAYOUT_MIN_MS, graph.order * LAYOUT_MS_PER_NODE));
    // A benchmark measures the layout over its own window: no auto-stop.
    if (!benchMode) autoStopTimer = setTimeout(stopLayout, duration);
    statusTimer = setInterval(() => (layoutStatus.textContent = `running… ${hookState.layoutIterations} it.`), 500);
  };
  layoutButton.addEventListener('click', () => (layout.isRunning() ? stopLayout() : startLayout()));

  function runNoverlap(): void {
    const { width, height } = renderer.getDimensions();
    // noverlap works in graph units; sigma sizes are pixels. Convert with the current graph-to-screen scale.
    const a = renderer.viewportToGraph({ x: 0, y: 0 });
    const b = renderer.viewportToGraph({ x: Math.max(1, Math.min(width, height)), y: 0 });
    const unitsPerPixel = Math.hypot(b.x - a.x, b.y - a.y) / Math.max(1, Math.min(width, height));
    noverlap.assign(graph, {
      maxIterations: NOVERLAP_ITERATIONS,
      inputReducer: (node, attributes) => ({ x: attributes.x, y: attributes.y, size: (state.sizes.get(node) ?? 6) * unitsPerPixel }),
      settings: { margin: 2 * unitsPerPixel, ratio: 1.1, gridSize: noverlapGridSize(graph.order) },
    });
  }

  // ---- Export --------------------------------------------------------------
  byId('export-png').addEventListener('click', () => {
    const { width, height } = renderer.getDimensions();
    const pixelRatio = window.devicePixelRatio || 1;
    const output = el('canvas', { attrs: { width: String(Math.round(width * pixelRatio)), height: String(Math.round(height * pixelRatio)) } });
    const context = output.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, output.width, output.height);
    // A synchronous render right before reading: WebGL buffers are intact until the browser composites.
    renderer.refresh();
    const canvases = renderer.getCanvases();
    for (const layer of [...container.querySelectorAll('canvas')]) {
      const name = Object.keys(canvases).find((key) => canvases[key] === layer);
      if (name === 'mouse') continue;
      context.drawImage(layer, 0, 0, output.width, output.height);
    }
    output.toBlob((blob) => blob && download(blob, 'newsgraph.png'), 'image/png');
  });
  byId('export-gexf').addEventListener('click', () => {
    const visible = graph.copy();
    for (const edge of state.visibility.hiddenEdges) visible.dropEdge(edge);
    for (const node of state.visibility.hiddenNodes) visible.dropNode(node);
    const xml = graphToGexf(visible, { nodeColor: (node) => nodeColor(node, graph.getNodeAttributes(node)), nodeSize: (node) => state.sizes.get(node) ?? 6 });
    download(new Blob([xml], { type: 'application/xml' }), 'newsgraph.gexf');
  });

  // ---- Start ---------------------------------------------------------------
  hookState.ready = true;
  document.body.setAttribute('data-ready', 'true');
  if (graph.order === 0) showMessage('The graph is empty: no entities were extracted.');
  else if (!laidOut && params.get('layout') !== 'off') startLayout();
  else layoutStatus.textContent = laidOut ? 'stored layout' : '';
}

installHook();
loadGraphData()
  .then(main)
  .catch((error: Error) => {
    hookState.error = error.message;
    showMessage(`newsgraph viewer: ${error.message}`);
    document.body.setAttribute('data-ready', 'error');
  });
