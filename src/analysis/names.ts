/**
 * Entity lookup by name
 * =====================
 *
 * Finds the node a user means by any of its names: the key, the label or an
 * alias, compared without case, accents, spaces, hyphens, apostrophes or
 * punctuation ("kim jong-un" = "Kim Jong Un", "hwasong20" = "Hwasong-20",
 * "coree du nord" = "Corée du Nord", "rpdc" = "RPDC").
 *
 * A label match wins over an alias match, because one surface form may be the
 * label of one entity and an alias of another (a capital is a Place label and
 * an alias of its Country). Failing both, whole words of a name are accepted
 * ("poutine" for "Vladimir Poutine") when they designate one entity only.
 * Several matches at the same level are ambiguous.
 * Unknown and ambiguous names throw AnalysisInputError listing the closest
 * known names by edit distance, so the user can retry.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { AnalysisInputError } from './errors';

/** Names suggested when a lookup fails. */
export const SUGGESTION_COUNT = 5;
/** Candidates listed when a name is ambiguous. */
export const AMBIGUOUS_SHOWN = 6;
/** Shortest query accepted as part of a name: "un" or "de" would match half the graph; "Kim" is fine. */
export const MIN_PARTIAL_LENGTH = 3;

/**
 * The form names are compared in: lower case, no diacritics, and no spaces or
 * punctuation at all, because transliterations split words differently
 * ("Kim Jong-un", "Kim Jong Un", "Kim Jongun" all give "kimjongun").
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words of a name, normalized, space-separated with a space at each end (" vladimir poutine "). */
function wordsOf(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${words} `;
}

/** Levenshtein distance (insert, delete, substitute all cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** A node a name may designate. */
export interface EntityCandidate {
  key: string;
  label: string;
  type: string;
  /** The name (label or alias) that matched or came close. */
  name: string;
}

/** At most AMBIGUOUS_SHOWN candidates, then how many more. */
function describeAll(candidates: readonly EntityCandidate[]): string {
  const shown = candidates.slice(0, AMBIGUOUS_SHOWN).map(describe).join('; ');
  return candidates.length > AMBIGUOUS_SHOWN ? `${shown}; and ${candidates.length - AMBIGUOUS_SHOWN} more` : shown;
}

function describe(candidate: EntityCandidate): string {
  const via = candidate.name !== candidate.label ? ` via "${candidate.name}"` : '';
  return `${candidate.label} (${candidate.type}, key ${candidate.key}${via})`;
}

/** Every (normalized name → node) pair of the graph, label first. */
function nameIndex(graph: Graph<Attributes>): { normalized: string; level: 'key' | 'label' | 'alias'; candidate: EntityCandidate }[] {
  const entries: { normalized: string; level: 'key' | 'label' | 'alias'; candidate: EntityCandidate }[] = [];
  graph.forEachNode((key, attributes) => {
    const label = String(attributes.label ?? key);
    const type = String(attributes.type ?? '');
    entries.push({ normalized: key, level: 'key', candidate: { key, label, type, name: key } });
    entries.push({ normalized: normalizeName(label), level: 'label', candidate: { key, label, type, name: label } });
    const aliases = Array.isArray(attributes.aliases) ? (attributes.aliases as unknown[]) : [];
    for (const alias of aliases) {
      if (typeof alias === 'string') entries.push({ normalized: normalizeName(alias), level: 'alias', candidate: { key, label, type, name: alias } });
    }
  });
  return entries;
}

/**
 * The known names closest to `name` by edit distance on normalized forms,
 * one per node, closest first (ties by label). Empty for an empty graph.
 */
export function closestNames(graph: Graph<Attributes>, name: string, count = SUGGESTION_COUNT): EntityCandidate[] {
  const target = normalizeName(name);
  const best = new Map<string, { distance: number; candidate: EntityCandidate }>();
  for (const entry of nameIndex(graph)) {
    if (entry.level === 'key') continue;
    // A name that contains the query ("poutine" in "vladimir poutine") is as close as its extra length allows, no closer.
    const distance = entry.normalized.includes(target) && target.length >= 3 ? (entry.normalized.length - target.length) / 4 : editDistance(target, entry.normalized);
    const current = best.get(entry.candidate.key);
    if (!current || distance < current.distance) best.set(entry.candidate.key, { distance, candidate: entry.candidate });
  }
  return [...best.values()]
    .sort((a, b) => a.distance - b.distance || a.candidate.label.localeCompare(b.candidate.label, 'fr'))
    .slice(0, count)
    .map((entry) => entry.candidate);
}

/**
 * The node key `name` designates: an exact key, else the one node whose label
 * matches, else the one node with a matching alias. Throws AnalysisInputError
 * (`who: unknown entity "x"; closest: …` or `who: "x" is ambiguous: …`).
 */
export function resolveEntity(graph: Graph<Attributes>, name: string, who = 'newsgraph paths'): string {
  if (graph.hasNode(name)) return name;
  const target = normalizeName(name);
  if (!target) throw new AnalysisInputError(who, `empty entity name "${name}"`);
  const index = nameIndex(graph);
  for (const level of ['label', 'alias'] as const) {
    const matches = new Map<string, EntityCandidate>();
    for (const entry of index) if (entry.level === level && entry.normalized === target && !matches.has(entry.candidate.key)) matches.set(entry.candidate.key, entry.candidate);
    if (matches.size === 1) return [...matches.keys()][0];
    if (matches.size > 1) {
      const list = describeAll([...matches.values()]);
      throw new AnalysisInputError(who, `"${name}" is ambiguous: it names ${list}. Give the key or a fuller name`);
    }
  }
  const words = wordsOf(name);
  const partial = new Map<string, EntityCandidate>();
  if (words.trim().length >= MIN_PARTIAL_LENGTH) {
    for (const entry of index) if (entry.level !== 'key' && wordsOf(entry.candidate.name).includes(words) && !partial.has(entry.candidate.key)) partial.set(entry.candidate.key, entry.candidate);
  }
  if (partial.size === 1) return [...partial.keys()][0];
  if (partial.size > 1) {
    const list = describeAll([...partial.values()]);
    throw new AnalysisInputError(who, `"${name}" is ambiguous: it is part of the names of ${list}. Give the key or a fuller name`);
  }
  const suggestions = closestNames(graph, name);
  const hint = suggestions.length ? `; closest known names: ${suggestions.map(describe).join('; ')}` : '; the graph has no entities';
  throw new AnalysisInputError(who, `unknown entity "${name}"${hint}`);
}
