/**
 * Paths with evidence
 * ===================
 *
 * How is A connected to B, and who says so? Paths are searched on the
 * undirected projection (project.ts): a path may cross a relation against its
 * direction (Corée du Nord ←DEPLOYED_TROOPS_TO— … is still a link). Each hop is
 * then explained by one relation of the source graph between the two
 * entities, with one of its claims: quote, article, date.
 *
 * - Path length is the number of hops (claims do not make a link shorter).
 * - Up to K loopless paths, shortest first: Yen's algorithm (1971), written by
 *   hand because graphology-shortest-path gives only the single shortest path;
 *   spur paths are breadth-first searches with the removed nodes and edges
 *   skipped. Paths of equal length are listed in label order, so the output
 *   is stable (which of many equal-length alternatives make the cut at K
 *   follows Yen's discovery order).
 * - `viaTypes` restricts the entities a path may pass through (its two ends
 *   are always allowed); `maxHops` caps the length.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import type { Claim, GraphAttributes } from '../ontology';
import { parseEntityTypes } from './centrality';
import { AnalysisInputError, assertGraph } from './errors';
import { resolveEntity } from './names';
import { toSimpleGraph } from './project';

const WHO = 'newsgraph paths';

/** Longest path searched by default: beyond six hops a "connection" says little. */
export const DEFAULT_MAX_HOPS = 6;
/** Paths returned by default: the shortest one. */
export const DEFAULT_PATH_COUNT = 1;

export interface PathOptions {
  /** Paths to return, shortest first. Default DEFAULT_PATH_COUNT. */
  k?: number;
  /** Longest path, in hops. Default DEFAULT_MAX_HOPS. */
  maxHops?: number;
  /** Entity types a path may pass through (its ends excepted). Default: all. */
  viaTypes?: readonly string[];
}

export const PATH_DEFAULTS = { k: DEFAULT_PATH_COUNT, maxHops: DEFAULT_MAX_HOPS };

/** One hop of a path, with the evidence behind it. */
export interface PathHop {
  /** Label of the entity the hop leaves. */
  from: string;
  fromKey: string;
  /** Relation type of the edge crossed. */
  relation: string;
  /** Label of the entity the hop reaches. */
  to: string;
  toKey: string;
  /**
   * `forward`: the relation reads from → to; `backward`: it reads to → from
   * (the path crosses it against its direction); `undirected`: symmetric relation.
   */
  direction: 'forward' | 'backward' | 'undirected';
  /** The quote of the chosen claim (empty when the relation has no claims). */
  quote: string;
  /** Article id of the claim. */
  doc: string;
  /** Sentence index of the claim in its article. */
  sentence?: number;
  /** The claim's date, else its article's publication date. */
  date?: string;
  /** Title of the article, when the graph knows it. */
  title?: string;
  status?: string;
  /** Claims on the relation crossed. */
  claims: number;
  /** Other relation types between the same two entities. */
  otherRelations: string[];
}

export interface EvidencePath {
  /** Number of hops. */
  length: number;
  /** Node keys from FROM to TO. */
  nodes: string[];
  hops: PathHop[];
}

/** Claim status preference when picking the one quote shown for a hop: the surest first. */
const STATUS_RANK: Record<string, number> = { asserted: 0, reported: 1, planned: 2, denied: 3 };

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Shortest path by breadth-first search on a simple undirected graph,
 * skipping `removedNodes`, `removedEdges` (pair keys) and nodes `allowNode`
 * refuses; at most `maxHops` hops. Returns null when there is none.
 */
function bfsPath(
  graph: Graph,
  source: string,
  target: string,
  maxHops: number,
  removedNodes: ReadonlySet<string>,
  removedEdges: ReadonlySet<string>,
  allowNode: (node: string) => boolean,
): string[] | null {
  if (source === target) return [source];
  const parent = new Map<string, string | null>([[source, null]]);
  let frontier = [source];
  for (let depth = 0; depth < maxHops && frontier.length; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbour of graph.neighbors(node)) {
        if (parent.has(neighbour) || removedNodes.has(neighbour) || removedEdges.has(pairKey(node, neighbour))) continue;
        if (neighbour !== target && !allowNode(neighbour)) continue;
        parent.set(neighbour, node);
        if (neighbour === target) {
          const path = [target];
          for (let step = parent.get(target); step != null; step = parent.get(step)) path.push(step);
          return path.reverse();
        }
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return null;
}

/**
 * Up to `k` loopless shortest paths (node key lists) from `source` to `target`
 * on a simple undirected graph, shortest first, none longer than `maxHops`:
 * Yen's algorithm, by hand (see the banner). `compare` orders paths of equal
 * length. Returns [] when the two are not connected within `maxHops`.
 */
export function kShortestPaths(
  graph: Graph,
  source: string,
  target: string,
  options: { k: number; maxHops: number; allowNode?: (node: string) => boolean; compare?: (a: string[], b: string[]) => number },
): string[][] {
  const { k, maxHops, allowNode = () => true, compare = (a: string[], b: string[]) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1) } = options;
  const first = bfsPath(graph, source, target, maxHops, new Set(), new Set(), allowNode);
  if (!first || k < 1) return [];
  const accepted: string[][] = [first];
  const candidates = new Map<string, string[]>();
  const seen = new Set([first.join('\u0000')]);

  while (accepted.length < k) {
    const previous = accepted[accepted.length - 1];
    for (let j = 0; j < previous.length - 1; j++) {
      const spur = previous[j];
      const root = previous.slice(0, j + 1);
      const removedEdges = new Set<string>();
      for (const path of accepted) {
        if (path.length > j + 1 && root.every((node, i) => path[i] === node)) removedEdges.add(pairKey(path[j], path[j + 1]));
      }
      const removedNodes = new Set(root.slice(0, -1));
      const spurPath = bfsPath(graph, spur, target, maxHops - j, removedNodes, removedEdges, allowNode);
      if (!spurPath) continue;
      const path = [...root.slice(0, -1), ...spurPath];
      const id = path.join('\u0000');
      if (!seen.has(id)) {
        seen.add(id);
        candidates.set(id, path);
      }
    }
    if (!candidates.size) break;
    const [bestId, best] = [...candidates.entries()].reduce((a, b) => (b[1].length < a[1].length || (b[1].length === a[1].length && compare(b[1], a[1]) < 0) ? b : a));
    candidates.delete(bestId);
    if (best.length - 1 > maxHops) break;
    accepted.push(best);
  }
  return accepted.sort((a, b) => a.length - b.length || compare(a, b));
}

function claimsOf(attributes: Attributes): Claim[] {
  return Array.isArray(attributes.claims) ? (attributes.claims as Claim[]) : [];
}

/** The claim shown for a hop: the surest status, then one with a date, then the earliest in the corpus. */
export function pickClaim(claims: readonly Claim[]): Claim | undefined {
  return [...claims].sort(
    (a, b) =>
      (STATUS_RANK[a.status] ?? 9) - (STATUS_RANK[b.status] ?? 9) ||
      Number(!a.date) - Number(!b.date) ||
      (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0) ||
      a.sentence - b.sentence,
  )[0];
}

/** Explains the hop from → to with the relation that has the most claims between the two (forward first on ties). */
export function explainHop(graph: Graph<Attributes, Attributes, Attributes>, from: string, to: string): PathHop {
  const edges = [...new Set([...graph.edges(from, to), ...graph.edges(to, from)])].map((edge) => {
    const attributes = graph.getEdgeAttributes(edge);
    const direction: PathHop['direction'] = graph.isUndirected(edge) ? 'undirected' : graph.source(edge) === from ? 'forward' : 'backward';
    return { edge, attributes, direction, claims: claimsOf(attributes) };
  });
  if (!edges.length) throw new Error(`explainHop: no relation between ${from} and ${to}`);
  const directionRank = { forward: 0, undirected: 1, backward: 2 };
  edges.sort((a, b) => b.claims.length - a.claims.length || directionRank[a.direction] - directionRank[b.direction] || (a.edge < b.edge ? -1 : 1));
  const chosen = edges[0];
  const claim = pickClaim(chosen.claims);
  const articles = ((graph.getAttributes() as Partial<GraphAttributes>).articles ?? []) as GraphAttributes['articles'];
  const article = claim ? articles.find((meta) => meta.id === claim.doc) : undefined;
  const label = (node: string) => String(graph.getNodeAttribute(node, 'label') ?? node);
  const date = claim?.date ?? article?.date;
  return {
    from: label(from),
    fromKey: from,
    relation: String(chosen.attributes.type ?? 'RELATED'),
    to: label(to),
    toKey: to,
    direction: chosen.direction,
    quote: claim?.quote ?? '',
    doc: claim?.doc ?? '',
    date,
    sentence: claim?.sentence,
    title: article?.title,
    status: claim?.status,
    claims: chosen.claims.length,
    otherRelations: [...new Set(edges.slice(1).map((entry) => String(entry.attributes.type)))].filter((type) => type !== chosen.attributes.type),
  };
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new AnalysisInputError(WHO, `${name} must be an integer ≥ ${min} (got ${value})`);
}

/**
 * Up to `k` shortest paths between two entities (keys or any of their names),
 * each hop with its evidence. Returns [] when they are not connected within
 * `maxHops` hops (through the allowed types).
 */
export function findPaths(graph: Graph<Attributes, Attributes, Attributes>, from: string, to: string, options: PathOptions = {}): EvidencePath[] {
  assertGraph(WHO, graph);
  const { k, maxHops } = { ...PATH_DEFAULTS, ...options };
  checkCount('k', k, 1);
  checkCount('max-hops', maxHops, 1);
  const viaTypes = options.viaTypes?.length ? new Set<string>(parseEntityTypes(options.viaTypes, WHO)) : undefined;
  const source = resolveEntity(graph, from, WHO);
  const target = resolveEntity(graph, to, WHO);
  if (source === target) throw new AnalysisInputError(WHO, `"${from}" and "${to}" are the same entity (${source})`);

  const simple = toSimpleGraph(graph);
  const label = (node: string) => String(graph.getNodeAttribute(node, 'label') ?? node);
  const compare = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = label(a[i]).localeCompare(label(b[i]), 'fr') || (a[i] < b[i] ? -1 : a[i] > b[i] ? 1 : 0);
      if (order) return order;
    }
    return a.length - b.length;
  };
  const allowNode = viaTypes ? (node: string) => viaTypes.has(String(graph.getNodeAttribute(node, 'type'))) : undefined;
  return kShortestPaths(simple, source, target, { k, maxHops, allowNode, compare }).map((nodes) => ({
    length: nodes.length - 1,
    nodes,
    hops: nodes.slice(1).map((node, i) => explainHop(graph, nodes[i], node)),
  }));
}
