/**
 * Communities
 * ===========
 *
 * Groups of entities more linked to each other than to the rest: Louvain
 * (graphology-communities-louvain) on the undirected projection of
 * project.ts, edges weighted by claims. Louvain visits nodes in random order;
 * a seeded RNG (rng.ts) makes one seed give one partition.
 *
 * Communities are numbered by size (0 = largest), ties by the label of their
 * most central member, so numbers do not change between runs. Members are
 * ordered by degree on the projection, then by claims, then by label.
 * `communities.assign(graph)` writes the number as the `community` node
 * attribute, which the viewer colours by.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import louvain from 'graphology-communities-louvain';
import { AnalysisInputError, assertGraph } from './errors';
import { toSimpleGraph } from './project';
import { createRng, DEFAULT_SEED } from './rng';

const WHO = 'newsgraph communities';

/** Node attribute written by communities.assign. */
export const COMMUNITY_ATTRIBUTE = 'community';

export interface CommunityOptions {
  /** Seed of Louvain's node order. Default DEFAULT_SEED. */
  seed?: number | string;
  /** Louvain resolution: above 1 gives more, smaller communities. Default 1. */
  resolution?: number;
}

export const COMMUNITY_DEFAULTS = { seed: DEFAULT_SEED as number | string, resolution: 1 };

export interface CommunityMember {
  key: string;
  label: string;
  type: string;
  /** Distinct entities linked to it (degree on the projection). */
  degree: number;
  /** Claims on its relations. */
  claims: number;
}

export interface Community {
  /** 0 = largest. */
  id: number;
  size: number;
  /** Most central first. */
  members: CommunityMember[];
}

export interface CommunityResult {
  /** Modularity of the partition on the weighted projection (0 for a graph without edges). */
  modularity: number;
  /** Largest first. */
  communities: Community[];
  /** Community id per node key. */
  assignment: Record<string, number>;
  seed: number | string;
  resolution: number;
}

/** Partitions the graph with seeded Louvain; an empty graph gives no communities. */
export function communities<N extends Attributes>(graph: Graph<N>, options: CommunityOptions = {}): CommunityResult {
  assertGraph(WHO, graph);
  const { seed, resolution } = { ...COMMUNITY_DEFAULTS, ...options };
  if (!(typeof resolution === 'number' && resolution > 0 && Number.isFinite(resolution))) {
    throw new AnalysisInputError(WHO, `resolution must be a positive number (got ${resolution})`);
  }
  const simple = toSimpleGraph(graph);
  if (simple.order === 0) return { modularity: 0, communities: [], assignment: {}, seed, resolution };

  let raw: Record<string, number>;
  let modularity = 0;
  if (simple.size === 0) {
    // Louvain needs edges; without them every entity is its own community.
    raw = Object.fromEntries(simple.nodes().map((node, i) => [node, i]));
  } else {
    const detailed = louvain.detailed(simple, { getEdgeWeight: 'weight', resolution, rng: createRng(seed) });
    raw = detailed.communities;
    modularity = detailed.modularity;
  }

  const groups = new Map<number, CommunityMember[]>();
  simple.forEachNode((key, attributes) => {
    const member: CommunityMember = {
      key,
      label: String(attributes.label ?? key),
      type: String(attributes.type ?? ''),
      degree: simple.degree(key),
      claims: simple.reduceEdges(key, (sum, _edge, edge) => sum + edge.weight, 0),
    };
    const list = groups.get(raw[key]) ?? [];
    list.push(member);
    groups.set(raw[key], list);
  });
  const byCentrality = (a: CommunityMember, b: CommunityMember) =>
    b.degree - a.degree || b.claims - a.claims || a.label.localeCompare(b.label, 'fr') || (a.key < b.key ? -1 : 1);
  const ordered = [...groups.values()]
    .map((members) => members.sort(byCentrality))
    .sort((a, b) => b.length - a.length || byCentrality(a[0], b[0]));

  const assignment: Record<string, number> = {};
  const result = ordered.map((members, id) => {
    for (const member of members) assignment[member.key] = id;
    return { id, size: members.length, members };
  });
  return { modularity, communities: result, assignment, seed, resolution };
}

/** Writes `community` (its number) on every node; returns the result too. */
communities.assign = function assignCommunities<N extends Attributes>(graph: Graph<N>, options: CommunityOptions = {}): CommunityResult {
  const result = communities(graph, options);
  const target = graph as unknown as Graph;
  target.forEachNode((node) => target.setNodeAttribute(node, COMMUNITY_ATTRIBUTE, result.assignment[node]));
  return result;
};
