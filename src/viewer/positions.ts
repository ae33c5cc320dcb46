/**
 * Seeded start positions: a node's start position depends only on its key and
 * the seed, so a layout started twice from the same graph lands the same way
 * and adding a node does not move the others' start points.
 */
import type Graph from 'graphology';

/** Radius of the disk start positions are drawn in; ForceAtlas2 rescales anyway. */
export const START_RADIUS = 100;

/** Default seed of layouts (page and `npm run layout`). */
export const DEFAULT_LAYOUT_SEED = 1;

export interface Point {
  x: number;
  y: number;
}

/** 32-bit FNV-1a hash of a string (UTF-16 code units). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Start position of `key` under `seed`: uniform on a disk of radius START_RADIUS. */
export function seededPosition(key: string, seed: number = DEFAULT_LAYOUT_SEED): Point {
  const random = seededRandom(hashString(`${seed}\u0000${key}`));
  const angle = random() * 2 * Math.PI;
  const radius = Math.sqrt(random()) * START_RADIUS;
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** True when every node of the graph has stored numeric x and y (a laid-out graph). Empty graph: false. */
export function hasStoredPositions(graph: Graph): boolean {
  if (graph.order === 0) return false;
  return graph.everyNode((_node, attributes) => isFiniteNumber(attributes.x) && isFiniteNumber(attributes.y));
}

/**
 * Positions for every node: the stored x/y where the node has them, else its
 * seeded start position. Returns an empty map for an empty graph.
 */
export function startPositions(graph: Graph, seed: number = DEFAULT_LAYOUT_SEED): Map<string, Point> {
  const positions = new Map<string, Point>();
  graph.forEachNode((node, attributes) => {
    positions.set(
      node,
      isFiniteNumber(attributes.x) && isFiniteNumber(attributes.y) ? { x: attributes.x, y: attributes.y } : seededPosition(node, seed),
    );
  });
  return positions;
}
