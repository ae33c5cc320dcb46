/**
 * Entity search over labels and aliases, accent- and case-insensitive
 * ("coree" finds "Corée du Nord", "rpdc" finds it through its alias).
 */
import type Graph from 'graphology';

export interface SearchEntry {
  node: string;
  label: string;
  type: string;
  /** The alias that matched when the label did not. */
  matchedAlias?: string;
}

interface IndexedName {
  node: string;
  label: string;
  type: string;
  name: string;
  normalised: string;
  isLabel: boolean;
  /** Ranking weight for ties: better-connected entities first. */
  degree: number;
}

export interface SearchIndex {
  names: readonly IndexedName[];
}

/** Default number of suggestions returned by `searchEntities`. */
export const DEFAULT_SUGGESTIONS = 8;

/** Lower-case, strip diacritics, unify hyphens, apostrophes and spaces: "Corée-du-Nord" → "coree du nord". */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\-_'’`´.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Index of every node's label and aliases. Empty graph: an index that finds nothing. */
export function buildSearchIndex(graph: Graph): SearchIndex {
  const names: IndexedName[] = [];
  graph.forEachNode((node, attributes) => {
    const label = typeof attributes.label === 'string' ? attributes.label : node;
    const type = String(attributes.type ?? '');
    const degree = graph.degree(node);
    names.push({ node, label, type, name: label, normalised: normaliseForSearch(label), isLabel: true, degree });
    const aliases = Array.isArray(attributes.aliases) ? (attributes.aliases as unknown[]) : [];
    for (const alias of aliases) {
      if (typeof alias !== 'string' || !alias.trim()) continue;
      names.push({ node, label, type, name: alias, normalised: normaliseForSearch(alias), isLabel: false, degree });
    }
  });
  return { names };
}

/**
 * Entities whose label or an alias contains `query` (normalised). Ranked:
 * exact name, then prefix, then word prefix, then substring; labels before
 * aliases; then by degree. One entry per node. Empty query: no results.
 */
export function searchEntities(index: SearchIndex, query: string, limit: number = DEFAULT_SUGGESTIONS): SearchEntry[] {
  const needle = normaliseForSearch(query);
  if (!needle || limit <= 0) return [];
  const best = new Map<string, { score: number; entry: IndexedName }>();
  for (const entry of index.names) {
    const position = entry.normalised.indexOf(needle);
    if (position < 0) continue;
    let score: number;
    if (entry.normalised === needle) score = 0;
    else if (position === 0) score = 1;
    else if (entry.normalised[position - 1] === ' ') score = 2;
    else score = 3;
    score = score * 2 + (entry.isLabel ? 0 : 1);
    const previous = best.get(entry.node);
    if (!previous || score < previous.score) best.set(entry.node, { score, entry });
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || b.entry.degree - a.entry.degree || a.entry.label.localeCompare(b.entry.label))
    .slice(0, limit)
    .map(({ entry }) => ({
      node: entry.node,
      label: entry.label,
      type: entry.type,
      ...(entry.isLabel ? {} : { matchedAlias: entry.name }),
    }));
}
