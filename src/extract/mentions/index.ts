/**
 * Mentions and resolution, the first half of the extract stage.
 *
 * findMentions(article, kb) finds every entity an article names and resolves
 * each name to one entity:
 * - gazetteer names (labels, aliases, demonyms, metonyms) folded for accents,
 *   case, hyphens and apostrophes, on word boundaries, leftmost-longest;
 * - a capital is the Place where it is a location and the Country where it acts;
 * - unknown persons, organisations, places and weapons from the cues of the
 *   lexicon files (titles, heads, locatives, designation shapes);
 * - a weapon category beside the named system it describes is that system
 *   alone; an acronym beside an organisation is that organisation;
 * - bare surnames and "le traité" resolved inside the article; unnamed
 *   definite descriptions ("le président russe") to the holder of the post.
 * Bylines, credits, addresses and page paths carry no entity; a news outlet
 * counts only in sentences that end with a stop (not in mastheads or credit rows).
 *
 * Mentions never overlap, except a state's demonym nested inside a known
 * organisation's name of that state ("renseignement sud-coréen": NIS and
 * Corée du Sud), listed after the name it lies in; each lies inside its sentence
 * (`sentence.start <= start < end <= sentence.end`) and
 * `article.text.slice(start, end) === surface`. `via` is one of: name, alias,
 * demonym, metonym (capital or seat acting for its state), title (person
 * after a title or in apposition to one), cue (other cue-found entity),
 * shape (weapon designation), coreference, description (a post named
 * without a name: "le ministre russe de la Défense").
 */
import type { Article } from '../../corpus/types';
import type { KnowledgeBase } from '../kb';
import type { GazetteerEntry } from '../knowledge';
import type { EntityRecord, Mention } from '../types';
import type { ArticleContext, Draft, SentenceContext, WeakName } from './context';
import { NO_WEAK_NAMES } from './context';
import { dropCategoriesOfNamedSystems, dropGenericCategories, linkAcronyms } from './apposition';
import { resolvePersonReferences, resolveTreatyReferences } from './coreference';
import { resolveDefiniteDescriptions } from './descriptions';
import {
  discoverAppositions,
  discoverBareLocatives,
  discoverHeadedOrganizations,
  discoverHeadedPlaces,
  discoverNamedOrganizations,
  discoverTitledPersons,
  discoverWeaponNames,
  discoverWeaponShapes,
} from './discover';
import { fold } from './fold';
import { demonymIn, resolveCombiningForms, resolveKnown } from './known';
import type { NameMatch } from './matcher';
import { dropOutletCredits, noiseSpans, overlapsAny } from './noise';
import { compileRules } from './rules';
import { tokenizeSentence } from './tokens';

export interface MentionResult {
  /** One record per entity mentioned, known and discovered, in order of first mention. */
  entities: EntityRecord[];
  /** Every mention, sorted by start offset. */
  mentions: Mention[];
}

const STARTS_LOWER = /^\p{Ll}/u;

const EMPTY: MentionResult = { entities: [], mentions: [] };
const NO_MATCHES: readonly NameMatch[] = [];

/** The entity record of a gazetteer entry (also used for relation ends taken from the gazetteer). */
export function knownRecord(entry: GazetteerEntry): EntityRecord {
  const record: EntityRecord = { id: entry.id, label: entry.label, type: entry.type, aliases: entry.aliases.slice(), known: true };
  if (entry.wikidata) record.wikidata = entry.wikidata;
  if (entry.country) record.country = entry.country;
  if (entry.parent) record.parent = entry.parent;
  if (entry.roles) record.roles = entry.roles;
  return record;
}

/** Gazetteer matches grouped by the sentence that wholly contains them; others (noise, straddling) dropped. */
function matchesBySentence(article: Article, matches: NameMatch[], ctx: ArticleContext): Map<number, NameMatch[]> {
  const grouped = new Map<number, NameMatch[]>();
  let s = 0;
  const sentences = ctx.sentences;
  for (const match of matches) {
    while (s < sentences.length && sentences[s].sentence.end <= match.start) s++;
    if (s >= sentences.length) break;
    const sentence = sentences[s].sentence;
    if (match.start < sentence.start || match.end > sentence.end) continue;
    if (overlapsAny(ctx.noise, match.start, match.end)) continue;
    const list = grouped.get(sentence.index) ?? [];
    list.push(match);
    grouped.set(sentence.index, list);
  }
  return grouped;
}

/** Valid sentences of the article, in text order, with their offsets inside the text (the article's own list when all are). */
function usableSentences(article: Article): readonly Article['sentences'][number][] {
  const n = article.text.length;
  const usable = (s: Article['sentences'][number]): boolean => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= n && s.start < s.end;
  const all = article.sentences;
  let inOrder = true;
  for (let i = 0; i < all.length && inOrder; i++) inOrder = usable(all[i]) && (i === 0 || all[i - 1].start <= all[i].start);
  if (inOrder) return all;
  return [...all].filter(usable).sort((a, b) => a.start - b.start);
}

/** Words of the persons named in the article, so that "à X" does not make a place of a surname. */
function personWords(ctx: ArticleContext): Set<string> {
  const words = new Set<string>();
  for (const d of ctx.drafts) if (d.type === 'Person') for (const w of ctx.folded.slice(d.start, d.end).split(' ')) if (w) words.add(w);
  return words;
}

function discover(ctx: ArticleContext): void {
  const passes = [discoverWeaponShapes, discoverTitledPersons, discoverAppositions, discoverHeadedOrganizations, discoverNamedOrganizations, discoverHeadedPlaces, discoverWeaponNames];
  for (const pass of passes) for (const sc of ctx.sentences) pass(ctx, sc);
}

/** Joins what stands side by side about one thing: acronyms to their body, weapon categories to the named system. */
function joinAppositions(ctx: ArticleContext): void {
  for (const sc of ctx.sentences) {
    linkAcronyms(ctx, sc);
    dropCategoriesOfNamedSystems(ctx, sc);
    dropGenericCategories(ctx, sc);
  }
}

/**
 * The demonyms inside known organisations' names ("le service de
 * renseignement sud-coréen", "le département américain de la Défense"),
 * written in lower case as descriptions are, also mention the state they belong to. Nested mentions of that state
 * only (its gazetteer `country`), never owning tokens, so nothing else changes.
 */
function nestedDemonyms(ctx: ArticleContext): Draft[] {
  const { matcher } = ctx.rules;
  const nested: Draft[] = [];
  for (const d of ctx.drafts) {
    // A proper name keeps its adjective ("Institut français des relations internationales"); a description names the state ("le renseignement sud-coréen").
    if (d.type !== 'Organization' || !d.known || !STARTS_LOWER.test(d.surface)) continue;
    const country = matcher.entries.get(d.entityId)?.country;
    if (country === undefined) continue;
    const found = demonymIn(ctx, country, d.start, d.end);
    if (found) nested.push({ entityId: country, type: 'Country', sentence: d.sentence, start: found.start, end: found.end, surface: ctx.text.slice(found.start, found.end), via: 'demonym', known: true });
  }
  return nested;
}

/**
 * The mention of a draft: its fields without `known` and `dropped`, in the order every draft is built with (the
 * seven of every mention, then the cue and its offset when a title introduced the entity).
 */
function mentionOf(draft: Draft): Mention {
  const mention: Mention = { entityId: draft.entityId, type: draft.type, sentence: draft.sentence, start: draft.start, end: draft.end, surface: draft.surface, via: draft.via };
  if (draft.cue !== undefined) {
    mention.cue = draft.cue;
    mention.cueStart = draft.cueStart;
  }
  return mention;
}

function dropNoise(ctx: ArticleContext): void {
  ctx.drafts = ctx.drafts.filter((d) => !d.dropped && !overlapsAny(ctx.noise, d.start, d.end));
}

/** Finds and resolves the entity mentions of one article. Never throws on any text. */
export function findMentions(article: Article, kb: KnowledgeBase): MentionResult {
  const text = typeof article?.text === 'string' ? article.text : '';
  if (text.length === 0 || !Array.isArray(article.sentences) || article.sentences.length === 0) return EMPTY;
  const rules = compileRules(kb);
  const folded = fold(text);
  const sentences: SentenceContext[] = usableSentences(article).map((sentence) => {
    const tokens = tokenizeSentence(text, folded, sentence, rules.tokenRoles);
    return { sentence, tokens, owner: new Array(tokens.length).fill(undefined), weakAt: NO_WEAK_NAMES as Map<number, WeakName> };
  });
  const ctx: ArticleContext = { text, folded, rules, noise: noiseSpans(text, rules.lexicons), sentences, drafts: [], weak: [], discovered: new Map() };

  const grouped = matchesBySentence(article, rules.matcher.scan(text, folded), ctx);
  for (const sc of sentences) {
    resolveKnown(ctx, sc, grouped.get(sc.sentence.index) ?? NO_MATCHES);
    resolveCombiningForms(ctx, sc);
  }
  discover(ctx);
  joinAppositions(ctx);
  dropNoise(ctx);
  resolvePersonReferences(ctx);
  resolveDefiniteDescriptions(ctx, typeof article.date === 'string' ? article.date : undefined);
  // Read only when a bare locative is met, and then once.
  let words: Set<string> | undefined;
  const wordsOfPersons = (): Set<string> => (words ??= personWords(ctx));
  for (const sc of sentences) discoverBareLocatives(ctx, sc, wordsOfPersons);
  resolveTreatyReferences(ctx);
  dropNoise(ctx);
  dropOutletCredits(ctx);

  // Outer mentions before the ones nested in them.
  const drafts: Draft[] = [...ctx.drafts, ...nestedDemonyms(ctx)].sort((a, b) => a.start - b.start || b.end - a.end);
  const entities = new Map<string, EntityRecord>();
  const mentions: Mention[] = [];
  for (const draft of drafts) {
    if (!entities.has(draft.entityId)) {
      const entry = draft.known ? rules.matcher.entries.get(draft.entityId) : undefined;
      const record = entry ? knownRecord(entry) : ctx.discovered.get(draft.entityId);
      if (!record) continue;
      entities.set(draft.entityId, record);
    }
    mentions.push(mentionOf(draft));
  }
  return { entities: [...entities.values()], mentions };
}
