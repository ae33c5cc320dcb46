/**
 * What the filters leave visible. Pure: the page keeps the result in sets its
 * sigma reducers read, so filtering never mutates the graph.
 *
 * Rules:
 * - a claim counts when its status is allowed and it is undated or dated on or
 *   before `untilDate` (partial dates compare by their start: "2024-06" ≤ "2024-06-15");
 *   undated claims are always counted, because an undated statement cannot be placed in time;
 * - an edge is visible when its relation type is allowed, it has at least one
 *   counted claim, and both ends are visible;
 * - a node is visible when its type is allowed, it keeps at least one visible
 *   edge when the time filter has hidden all of its edges, and it has at least
 *   `minDegree` visible edges.
 */
import type Graph from 'graphology';

export interface FilterState {
  /** Entity types shown; null = all. */
  entityTypes: ReadonlySet<string> | null;
  /** Relation types shown; null = all. */
  relationTypes: ReadonlySet<string> | null;
  /** Claim statuses counted; null = all. */
  statuses: ReadonlySet<string> | null;
  /** Last date counted (ISO prefix); null = no time limit. */
  untilDate: string | null;
  /** Minimum number of visible edges a node needs. 0 = no limit. */
  minDegree: number;
}

export const NO_FILTERS: FilterState = { entityTypes: null, relationTypes: null, statuses: null, untilDate: null, minDegree: 0 };

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  visibleNodeCount: number;
  visibleEdgeCount: number;
}

interface ClaimLike {
  status?: unknown;
  date?: unknown;
}

function claimsOf(attributes: Record<string, unknown>): ClaimLike[] {
  return Array.isArray(attributes.claims) ? (attributes.claims as ClaimLike[]) : [];
}

/** True when the claim passes the status and time filters. */
export function claimCounts(claim: ClaimLike, state: Pick<FilterState, 'statuses' | 'untilDate'>): boolean {
  if (state.statuses && !state.statuses.has(String(claim.status))) return false;
  if (state.untilDate !== null && typeof claim.date === 'string' && claim.date > state.untilDate) {
    // "2024-06" starts before "2024-06-15": compare the claim's prefix only.
    if (claim.date.slice(0, state.untilDate.length) > state.untilDate) return false;
  }
  return true;
}

/** Every distinct claim date in the graph, sorted. Empty graph or no dates: []. */
export function claimDates(graph: Graph): string[] {
  const dates = new Set<string>();
  graph.forEachEdge((_edge, attributes) => {
    for (const claim of claimsOf(attributes)) if (typeof claim.date === 'string' && claim.date) dates.add(claim.date);
  });
  return [...dates].sort();
}

/** Applies the filters. With NO_FILTERS every node and edge is visible. */
export function computeVisibility(graph: Graph, state: FilterState): Visibility {
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  graph.forEachNode((node, attributes) => {
    if (state.entityTypes && !state.entityTypes.has(String(attributes.type))) hiddenNodes.add(node);
  });

  const degree = new Map<string, number>();
  // Nodes that had an edge the time filter alone removed: the graph "as it stood" did not have them yet.
  const lostToTime = new Set<string>();
  graph.forEachEdge((edge, attributes, source, target) => {
    const typeOk = !state.relationTypes || state.relationTypes.has(String(attributes.type));
    const claims = claimsOf(attributes);
    const counted = typeOk && claims.some((claim) => claimCounts(claim, state));
    const endsOk = !hiddenNodes.has(source) && !hiddenNodes.has(target);
    if (!typeOk || !counted || !endsOk) {
      hiddenEdges.add(edge);
      if (typeOk && endsOk && !counted && claims.some((claim) => claimCounts(claim, { statuses: state.statuses, untilDate: null }))) {
        lostToTime.add(source);
        lostToTime.add(target);
      }
      return;
    }
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
  });

  graph.forEachNode((node) => {
    if (hiddenNodes.has(node)) return;
    const visibleDegree = degree.get(node) ?? 0;
    if (visibleDegree < state.minDegree || (visibleDegree === 0 && lostToTime.has(node))) hiddenNodes.add(node);
  });
  // Edges whose end the degree rule just hid.
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (!hiddenEdges.has(edge) && (hiddenNodes.has(source) || hiddenNodes.has(target))) hiddenEdges.add(edge);
  });

  return {
    hiddenNodes,
    hiddenEdges,
    visibleNodeCount: graph.order - hiddenNodes.size,
    visibleEdgeCount: graph.size - hiddenEdges.size,
  };
}
