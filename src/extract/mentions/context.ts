/**
 * The working state of findMentions over one article: its folded text, its
 * sentences as tokens, which token each mention owns, and the discovered
 * (unknown) entities. Mentions never overlap: a token belongs to one mention.
 */
import type { Sentence } from '../../corpus/types';
import type { EntityType } from '../../ontology';
import type { EntityRecord, Mention } from '../types';
import { slug } from './fold';
import type { NameCandidate } from './matcher';
import type { Span } from './noise';
import type { MentionRules } from './rules';
import type { Token } from './tokens';

/**
 * A mention being built; `known` tells a gazetteer entity from a discovered one. The mention fields come in the
 * order of Mention, `cue` and `cueStart` (always together) last: findMentions copies them in that order.
 */
export interface Draft extends Mention {
  known: boolean;
  /** Set when a longer mention replaced this one; dropped drafts are skipped and removed at the end. */
  dropped?: boolean;
}

/** A weak name (bare surname, short form) waiting for coreference to say whose it is. */
export interface WeakName {
  sentence: number;
  start: number;
  end: number;
  /** Entity ids it may stand for. */
  candidates: string[];
}

export interface SentenceContext {
  sentence: Sentence;
  tokens: Token[];
  /** Mention owning each token, if any. */
  owner: (Draft | undefined)[];
  /** Weak names of the sentence by the index of their first token (NO_WEAK_NAMES until one is set with setWeakName). */
  weakAt: Map<number, WeakName>;
}

export interface ArticleContext {
  text: string;
  folded: string;
  rules: MentionRules;
  noise: Span[];
  sentences: SentenceContext[];
  drafts: Draft[];
  weak: WeakName[];
  /** Entities discovered in this article, by id. */
  discovered: Map<string, EntityRecord>;
}

/** Snake-case prefix of a discovered entity id, by type (person_ri_il_hwan). */
const TYPE_PREFIX: Record<EntityType, string> = {
  Country: 'country',
  Person: 'person',
  Organization: 'organization',
  Treaty: 'treaty',
  WeaponSystem: 'weapon',
  Place: 'place',
};

/** Id of a discovered entity: its type prefix and the slug of its label. */
export function discoveredId(type: EntityType, label: string): string {
  return `${TYPE_PREFIX[type]}_${slug(label) || 'unnamed'}`;
}

/** Index of the first token of `sc` whose end is after `offset`. */
export function tokenIndexAt(sc: SentenceContext, offset: number): number {
  let lo = 0;
  let hi = sc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sc.tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tokens [first, last) overlapping [start, end). */
export function tokenRange(sc: SentenceContext, start: number, end: number): [number, number] {
  const first = tokenIndexAt(sc, start);
  let last = first;
  while (last < sc.tokens.length && sc.tokens[last].start < end) last++;
  return [first, last];
}

/** True when no token in [first, last) belongs to a mention. */
export function isFree(sc: SentenceContext, first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (sc.owner[i]) return false;
  return true;
}

/**
 * Records a mention over [start, end) of sentence `sc`. Refuses (returns
 * false) when a token there is taken, unless `replace` is set, in which case
 * the mentions it overlaps are removed.
 */
export function claim(ctx: ArticleContext, sc: SentenceContext, draft: Draft, replace = false): boolean {
  const [first, last] = tokenRange(sc, draft.start, draft.end);
  if (first === last) return false;
  if (!isFree(sc, first, last)) {
    if (!replace) return false;
    const removed = new Set<Draft>();
    for (let i = first; i < last; i++) if (sc.owner[i]) removed.add(sc.owner[i] as Draft);
    for (const old of removed) {
      const [f, l] = tokenRange(sc, old.start, old.end);
      for (let i = f; i < l; i++) if (sc.owner[i] === old) sc.owner[i] = undefined;
    }
    for (const old of removed) old.dropped = true;
  }
  for (let i = first; i < last; i++) sc.owner[i] = draft;
  ctx.drafts.push(draft);
  return true;
}

/** Records a discovered entity (once per id) and a mention of it. */
export function claimDiscovered(
  ctx: ArticleContext,
  sc: SentenceContext,
  type: EntityType,
  label: string,
  start: number,
  end: number,
  via: string,
  extra: Partial<Mention> = {},
  replace = false,
): boolean {
  const id = discoveredId(type, label);
  const draft: Draft = { entityId: id, type, sentence: sc.sentence.index, start, end, surface: ctx.text.slice(start, end), via, known: false, ...extra };
  if (!claim(ctx, sc, draft, replace)) return false;
  const record = ctx.discovered.get(id);
  if (!record) {
    ctx.discovered.set(id, { id, label, type, aliases: [], known: false });
  } else if (draft.surface !== record.label && !record.aliases.includes(draft.surface)) {
    record.aliases.push(draft.surface);
  }
  return true;
}

/** The candidate of a gazetteer match that is not weak, best ranked first. */
export function strongCandidates(candidates: readonly NameCandidate[]): readonly NameCandidate[] {
  for (const c of candidates) if (c.kind === 'weak') return candidates.filter((d) => d.kind !== 'weak');
  return candidates;
}

/** The weak names of a sentence with none yet: shared, never written (setWeakName gives the sentence its own map first). */
export const NO_WEAK_NAMES: ReadonlyMap<number, WeakName> = new Map();

/** Records a weak name at token `at` of the sentence. */
export function setWeakName(sc: SentenceContext, at: number, weak: WeakName): void {
  if (sc.weakAt === NO_WEAK_NAMES) sc.weakAt = new Map();
  sc.weakAt.set(at, weak);
}
