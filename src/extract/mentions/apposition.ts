/**
 * Passes over the found mentions that join what the press writes side by
 * side about one thing:
 * - a weapon category that only describes the named system beside it
 *   ("des missiles balistiques de courte portée KN-23", "un missile
 *   intercontinental, le Hwasong-19", "le Pantsir, un système de défense
 *   aérienne") is no entity of its own: the named system is;
 * - a weapon category used as a concept ("la guerre par drones", "capables de
 *   transporter des armes nucléaires") names no weapon anyone supplies;
 * - an acronym in parentheses after an organisation, or in apposition to it
 *   ("l'Institut … (IHEID)", "le SECO, le Secrétariat d'État …"), is that
 *   organisation.
 */
import type { ArticleContext, Draft, SentenceContext } from './context';
import { claim, tokenRange } from './context';
import { APPOSITION_ARTICLES } from './rules';
import { isCommaGap, isPlainGap, matchPhraseEndingAt } from './tokens';

const STARTS_LOWER = /^\p{Ll}/u;
const DIGIT_START = /^\p{N}/u;
const HAS_CAPITAL_OR_DIGIT = /[\p{Lu}\p{N}]/u;
/** Definite articles of an apposition that follows a category (", les Hwasong-17"): "des" would be an enumeration. */
const DEFINITE_ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'l', 'les', 'the']);
/** Singular articles of a category apposed after a name (", un missile …"): "des" would be an enumeration. */
const SINGULAR_ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'l', 'un', 'une', 'the', 'a', 'an']);
/** Shortest and longest acronym linked to an organisation (NIS, IHEID, SECO). */
const MIN_ACRONYM_LETTERS = 2;
const MAX_ACRONYM_LETTERS = 7;
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]+$/u;

/** Label of the entity a draft names (gazetteer entry or discovered record). */
function labelOf(ctx: ArticleContext, draft: Draft): string | undefined {
  return draft.known ? ctx.rules.matcher.entries.get(draft.entityId)?.label : ctx.discovered.get(draft.entityId)?.label;
}

/**
 * A weapon category names a kind of weapon: its label is all lower case and
 * has no digit ("missile balistique", "drones"). A named system has a
 * capital or a digit (KN-23, Pantsir, M1991, obus de 152 mm).
 */
export function isWeaponCategory(ctx: ArticleContext, draft: Draft): boolean {
  if (draft.type !== 'WeaponSystem') return false;
  const label = labelOf(ctx, draft);
  return label !== undefined && !HAS_CAPITAL_OR_DIGIT.test(label);
}

/** Index of the token after the last token of `draft`. */
function afterMention(sc: SentenceContext, draft: Draft): number {
  return tokenRange(sc, draft.start, draft.end)[1];
}

interface Apposed {
  /** Token where the next noun phrase begins. */
  at: number;
  /** The article after the comma, when the phrase is apposed with a comma. */
  article?: string;
  comma: boolean;
}

/**
 * From token k, skips qualifiers of a weapon ("automoteurs", a demonym such
 * as "nord-coréens") and, after a comma, an article; returns where the next
 * noun phrase begins, or undefined when a stop word or punctuation ends the
 * noun phrase first.
 */
function nextPhrase(ctx: ArticleContext, sc: SentenceContext, k: number): Apposed | undefined {
  const t = sc.tokens;
  const { rules } = ctx;
  const maxQualifiers = rules.lexicons.weaponcues.maxCategoryQualifiers;
  let qualifiers = 0;
  while (k < t.length && isPlainGap(t[k].gap)) {
    const owner = sc.owner[k];
    if (owner) {
      if (owner.type !== 'Country' || owner.via !== 'demonym') return { at: k, comma: false };
      if (qualifiers >= maxQualifiers) return undefined;
      k = afterMention(sc, owner);
      qualifiers++;
      continue;
    }
    const tok = t[k];
    if (!STARTS_LOWER.test(tok.raw) || DIGIT_START.test(tok.raw) || rules.categoryStops.has(tok.key) || qualifiers >= maxQualifiers) return undefined;
    k++;
    qualifiers++;
  }
  if (k >= t.length || !isCommaGap(t[k].gap)) return undefined;
  if (k + 1 < t.length && isPlainGap(t[k + 1].gap) && (DEFINITE_ARTICLES.has(t[k].key) || SINGULAR_ARTICLES.has(t[k].key))) {
    return { at: k + 1, article: t[k].key, comma: true };
  }
  return { at: k, comma: true };
}

function drop(sc: SentenceContext, draft: Draft): void {
  const [first, last] = tokenRange(sc, draft.start, draft.end);
  for (let i = first; i < last; i++) if (sc.owner[i] === draft) sc.owner[i] = undefined;
  draft.dropped = true;
}

/**
 * Drops each weapon category standing right before the named system it
 * describes ("missiles balistiques KN-23", "missiles intercontinentaux, les
 * Hwasong-17"), or apposed after it with a singular article ("le Hwasong-19,
 * un missile …"). Enumerations ("des obus, des KN-23") are left alone.
 */
export function dropCategoriesOfNamedSystems(ctx: ArticleContext, sc: SentenceContext): void {
  const t = sc.tokens;
  for (let i = 0; i < t.length; i++) {
    const draft = sc.owner[i];
    if (!draft || draft.start !== t[i].start || draft.type !== 'WeaponSystem') continue;
    const after = afterMention(sc, draft);
    const next = nextPhrase(ctx, sc, after);
    i = Math.max(i, after - 1);
    if (!next || next.at >= t.length) continue;
    const owner = sc.owner[next.at];
    if (!owner || owner.start !== t[next.at].start || owner.type !== 'WeaponSystem') continue;
    if (isWeaponCategory(ctx, draft)) {
      const apposed = !next.comma || (next.article !== undefined && DEFINITE_ARTICLES.has(next.article));
      if (apposed && !isWeaponCategory(ctx, owner)) drop(sc, draft);
    } else if (next.comma && next.article !== undefined && SINGULAR_ARTICLES.has(next.article) && isWeaponCategory(ctx, owner)) {
      drop(sc, owner);
    }
  }
}

/**
 * Drops each weapon category used as a concept, right after a phrase of
 * genericBefore ("la guerre par drones"), and each one after a demonstrative
 * of anaphoricBefore ("ces pièces d'artillerie"), which points back to a
 * weapon the article named before rather than to a new one.
 */
export function dropGenericCategories(ctx: ArticleContext, sc: SentenceContext): void {
  const t = sc.tokens;
  for (let i = 1; i < t.length; i++) {
    const draft = sc.owner[i];
    if (!draft || draft.start !== t[i].start || !isPlainGap(t[i].gap) || !isWeaponCategory(ctx, draft)) continue;
    if (matchPhraseEndingAt(t, i - 1, ctx.rules.genericBefore) > 0 || matchPhraseEndingAt(t, i - 1, ctx.rules.anaphoricBefore) > 0) drop(sc, draft);
  }
}

function linkAcronym(ctx: ArticleContext, sc: SentenceContext, k: number, org: Draft): void {
  const tok = sc.tokens[k];
  const ok = claim(ctx, sc, { entityId: org.entityId, type: 'Organization', sentence: sc.sentence.index, start: tok.start, end: tok.end, surface: tok.raw, via: 'alias', known: org.known });
  const record = ctx.discovered.get(org.entityId);
  if (ok && record && !record.aliases.includes(tok.raw) && record.label !== tok.raw) record.aliases.push(tok.raw);
}

/**
 * "Institut … (IHEID)", "le SECO, le Secrétariat d'État …": an unknown
 * acronym right after an organisation in parentheses, or followed by a comma
 * and an organisation in apposition, is that organisation.
 */
export function linkAcronyms(ctx: ArticleContext, sc: SentenceContext): void {
  const t = sc.tokens;
  const { text } = ctx;
  for (let k = 0; k < t.length; k++) {
    const tok = t[k];
    if (!tok.allCaps || sc.owner[k] || tok.raw.length < MIN_ACRONYM_LETTERS || tok.raw.length > MAX_ACRONYM_LETTERS || !ACRONYM.test(tok.raw)) continue;
    if (ctx.rules.nonNames.has(tok.key)) continue;
    const before = k > 0 ? sc.owner[k - 1] : undefined;
    if (before && before.type === 'Organization' && /^\s*\($/.test(tok.gap) && text[tok.end] === ')') {
      linkAcronym(ctx, sc, k, before);
      continue;
    }
    const next = k + 1 < t.length && isCommaGap(t[k + 1].gap) ? (APPOSITION_ARTICLES.has(t[k + 1].key) && k + 2 < t.length && isPlainGap(t[k + 2].gap) ? k + 2 : k + 1) : -1;
    const apposed = next >= 0 ? sc.owner[next] : undefined;
    if (apposed && apposed.type === 'Organization' && apposed.start === t[next].start && !apposed.known) linkAcronym(ctx, sc, k, apposed);
  }
}
