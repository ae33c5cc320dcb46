/**
 * Everything findMentions needs that depends only on the knowledge base,
 * compiled once and cached per KnowledgeBase object: the gazetteer automaton
 * and the folded cue tables of the lexicon files.
 */
import type { KnowledgeBase } from '../kb';
import { foldKey } from './fold';
import { loadMentionLexicons, type MentionLexicons } from './lexicon';
import { buildGazetteerMatcher, inflectDemonym, type GazetteerMatcher } from './matcher';
import { phraseIndex, type PhraseIndex } from './tokens';
import { buildWordTable, type WordTable } from './wordtable';

/**
 * Role bits of a token key (Token.roles): which cue tables hold it. A pass
 * looks a token up in its table only when the token has the table's bit.
 */
export const TOKEN_ROLES = {
  titleFirst: 1 << 0,
  orgHeadFirst: 1 << 1,
  orgHeadLast: 1 << 2,
  placeHeadFirst: 1 << 3,
  locativeBeforeLast: 1 << 4,
  bareLocativePhraseFirst: 1 << 5,
  combiningFirst: 1 << 6,
  genericBeforeLast: 1 << 7,
  anaphoricBeforeLast: 1 << 8,
  weaponFamily: 1 << 9,
  descriptionWord: 1 << 10,
  treatyDeterminer: 1 << 11,
  namedOrgHead: 1 << 12,
  /** The folded form of an honorific or of a bare locative as written (their own tables are of written forms). */
  honorific: 1 << 13,
  bareLocative: 1 << 14,
  descriptionDeterminer: 1 << 15,
  descriptionModifier: 1 << 16,
  rolePreposition: 1 << 17,
} as const;

export interface MentionRules {
  lexicons: MentionLexicons;
  /** Ids of the gazetteer entries of kind "media" (news outlets). */
  outlets: ReadonlySet<string>;
  /** Role bits of every folded key some cue table holds (TOKEN_ROLES), in a word table: a token's key is read where it stands, not cut out. */
  tokenRoles: WordTable<number>;
  matcher: GazetteerMatcher;
  titles: PhraseIndex;
  honorifics: readonly string[];
  /** Each honorific as a token is written ("M" of "M."), and whether the text must have a full stop right after it. */
  honorificTokens: ReadonlyMap<string, boolean>;
  /** Lower-cased words as written (accents kept) that end a role tail. */
  tailBreakers: ReadonlySet<string>;
  orgHeads: PhraseIndex;
  namedOrgHeads: ReadonlySet<string>;
  nameConnectors: ReadonlySet<string>;
  adjectiveSuffixes: readonly string[];
  placeHeads: PhraseIndex;
  locativeBefore: PhraseIndex;
  simplePrepositions: ReadonlySet<string>;
  recipientStems: readonly string[];
  bareLocatives: ReadonlySet<string>;
  /** Folded phrases that act as bare locatives ("pres de", "au nord de"). */
  bareLocativePhrases: PhraseIndex;
  actorRelatives: ReadonlySet<string>;
  /** Folded nouns of reaction that make "à <capital>" the government ("inquiétude à Séoul"). */
  actorNounsBefore: ReadonlySet<string>;
  weaponFamily: ReadonlySet<string>;
  calibreHeads: ReadonlySet<string>;
  notDesignations: ReadonlySet<string>;
  /** Folded words that end a weapon category's noun phrase. */
  categoryStops: ReadonlySet<string>;
  /** Phrases after which a weapon category is a concept ("guerre par drones"). */
  genericBefore: PhraseIndex;
  /** Demonstratives before a weapon category that refers back (weaponcues.anaphoricBefore). */
  anaphoricBefore: PhraseIndex;
  /** Folded words that are never a name on their own (months, days, sentence openers). */
  nonNames: ReadonlySet<string>;
  /** Folded month and day names: they end a name ("Kim Il Sung" goes on, "… Mardi" does not). */
  calendarWords: ReadonlySet<string>;
  treatyDeterminers: ReadonlySet<string>;
  treatyNouns: ReadonlySet<string>;
  treatyBlockedAfter: ReadonlySet<string>;
  /** Combining forms of demonyms ("russo", "nord-coréano"), folded, as phrases. */
  combiningForms: PhraseIndex;
  /** Country id of each folded combining form. */
  combiningCountry: ReadonlyMap<string, string>;
  descriptions: DescriptionRules;
}

/** A post held by a gazetteer person, as a definite description may name it. */
export interface PostHolder {
  personId: string;
  /** Id of the Country or Organization where the post is held. */
  of: string;
  since?: string;
  until?: string;
}

/** Tables of the definite descriptions ("le président russe"), from coreference.json and the gazetteer's roles. */
export interface DescriptionRules {
  /** Folded post phrase → holders of the roles that phrase names. */
  holders: ReadonlyMap<string, readonly PostHolder[]>;
  /** Every folded word of a post phrase: how far a description may run. */
  words: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  modifiers: ReadonlySet<string>;
  /** Folded demonym forms of every Country ("russe", "nord coreennes"), to read the post out of "diplomatie russe". */
  demonyms: ReadonlySet<string>;
}

/** Folded words that link a capitalised role word to its title ("ministre de la Défense"). */
export const ROLE_PREPOSITIONS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd', 'la', 'l', 'le', 'les', 'au', 'aux', 'a', 'pour', 'en', 'of', 'for', 'the', 'der', 'des', 'fur']);
/** Folded determiners and prepositions that may stand right before a capitalised organisation name. */
export const NOUN_PHRASE_OPENERS: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l', 'du', 'de', 'des', 'd', 'au', 'aux', 'a', 'un', 'une', 'par', 'pour', 'selon', 'avec', 'the', 'of', 'by', 'der', 'die', 'das', 'dem', 'den']);
/** Folded articles allowed between an apposition's comma and its title ("X, le ministre …"). */
export const APPOSITION_ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'l', 'un', 'une', 'the', 'a', 'an', 'der', 'die']);
/** Folded particles allowed inside a person's name between capitalised parts (Ursula von der Leyen). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'du', 'von', 'van', 'der', 'den', 'bin', 'ben', 'al', 'el', 'da', 'di', 'dos', 'del', 'la', 'le']);

const cache = new WeakMap<KnowledgeBase, MentionRules>();

/**
 * Combining forms whose demonym is a demonym of exactly one Country of the
 * gazetteer, folded, with that country's id; the others are left out.
 */
function combiningCountries(kb: KnowledgeBase, lexicons: MentionLexicons): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const entry of kb.gazetteer.entities) {
    if (entry.type !== 'Country') continue;
    for (const demonym of entry.demonyms ?? []) {
      const key = foldKey(demonym);
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(entry.id);
    }
  }
  const countries = new Map<string, string>();
  for (const { form, demonym } of lexicons.inflections.combiningForms) {
    const ids = owners.get(foldKey(demonym));
    if (ids && ids.size === 1) countries.set(foldKey(form), [...ids][0]);
  }
  return countries;
}

function compileDescriptions(kb: KnowledgeBase, lexicons: MentionLexicons): DescriptionRules {
  const byRole = new Map<string, PostHolder[]>();
  const demonyms = new Set<string>();
  for (const entry of kb.gazetteer.entities) {
    if (entry.type === 'Country') for (const d of entry.demonyms ?? []) for (const form of inflectDemonym(d, lexicons)) demonyms.add(foldKey(form));
    if (entry.type !== 'Person') continue;
    for (const role of entry.roles ?? []) {
      const key = foldKey(role.title);
      if (!byRole.has(key)) byRole.set(key, []);
      byRole.get(key)!.push({ personId: entry.id, of: role.of, since: role.since, until: role.until });
    }
  }
  const holders = new Map<string, PostHolder[]>();
  const words = new Set<string>();
  for (const post of lexicons.coreference.descriptions) {
    const found = post.roles.flatMap((title) => byRole.get(foldKey(title)) ?? []);
    for (const phrase of post.phrases) {
      const key = foldKey(phrase);
      for (const w of key.split(' ')) words.add(w);
      holders.set(key, [...(holders.get(key) ?? []), ...found]);
    }
  }
  return { holders, words, determiners: foldSet(lexicons.coreference.descriptionDeterminers), modifiers: foldSet(lexicons.coreference.descriptionModifiers), demonyms };
}

/** Honorifics by the token they are written as: "M." is the token "M" followed by a stop; "Mme" needs none (and wins when both are listed). */
function honorificTokens(honorifics: readonly string[]): Map<string, boolean> {
  const tokens = new Map<string, boolean>();
  for (const h of honorifics) {
    if (!h.endsWith('.')) tokens.set(h, false);
    else if (!tokens.has(h.slice(0, -1))) tokens.set(h.slice(0, -1), true);
  }
  return tokens;
}

const foldSet = (words: readonly string[]): Set<string> => new Set(words.map(foldKey).filter((w) => w.length > 0));

/** The role bits of every key the rules' tables hold: first and last keys of the phrase indexes, members of the word sets. */
function tokenRoles(rules: Omit<MentionRules, 'tokenRoles'>): Map<string, number> {
  const roles = new Map<string, number>();
  const mark = (key: string, role: number): void => {
    // A token's key is never empty.
    if (key.length > 0) roles.set(key, (roles.get(key) ?? 0) | role);
  };
  for (const index of [rules.titles, rules.orgHeads, rules.placeHeads, rules.locativeBefore, rules.bareLocativePhrases, rules.genericBefore, rules.anaphoricBefore, rules.combiningForms]) {
    if (index.firstRole !== 0) for (const key of index.byFirst.keys()) mark(key, index.firstRole);
    if (index.lastRole !== 0) for (const key of index.byLast.keys()) mark(key, index.lastRole);
  }
  for (const key of rules.weaponFamily) mark(key, TOKEN_ROLES.weaponFamily);
  for (const key of rules.descriptions.words) mark(key, TOKEN_ROLES.descriptionWord);
  for (const key of rules.descriptions.determiners) mark(key, TOKEN_ROLES.descriptionDeterminer);
  for (const key of rules.descriptions.modifiers) mark(key, TOKEN_ROLES.descriptionModifier);
  for (const key of ROLE_PREPOSITIONS) mark(key, TOKEN_ROLES.rolePreposition);
  for (const key of rules.treatyDeterminers) mark(key, TOKEN_ROLES.treatyDeterminer);
  for (const key of rules.namedOrgHeads) mark(key, TOKEN_ROLES.namedOrgHead);
  // A token's key is the fold of its raw text: a written form in these tables is only ever met on the key it folds to.
  for (const written of rules.honorificTokens.keys()) mark(foldKey(written), TOKEN_ROLES.honorific);
  for (const written of rules.bareLocatives) mark(foldKey(written), TOKEN_ROLES.bareLocative);
  return roles;
}

export function compileRules(kb: KnowledgeBase): MentionRules {
  const cached = cache.get(kb);
  if (cached) return cached;
  const lexicons = loadMentionLexicons(kb);
  const { titles, orgcues, placecues, weaponcues, nonentities, coreference } = lexicons;
  const combiningCountry = combiningCountries(kb, lexicons);
  const { titleFirst, orgHeadFirst, orgHeadLast, placeHeadFirst, locativeBeforeLast, bareLocativePhraseFirst, combiningFirst, genericBeforeLast, anaphoricBeforeLast } = TOKEN_ROLES;
  const tables: Omit<MentionRules, 'tokenRoles'> = {
    lexicons,
    matcher: buildGazetteerMatcher(kb, lexicons),
    titles: phraseIndex(titles.titles, foldKey, titleFirst),
    honorifics: titles.honorifics,
    honorificTokens: honorificTokens(titles.honorifics),
    // Accents matter here: "a" (has) ends a role tail, "à" (to) does not.
    tailBreakers: new Set(titles.tailBreakers.map((w) => w.toLowerCase())),
    orgHeads: phraseIndex(orgcues.heads, foldKey, orgHeadFirst, orgHeadLast),
    namedOrgHeads: foldSet(orgcues.namedHeads),
    nameConnectors: foldSet(orgcues.nameConnectors),
    adjectiveSuffixes: orgcues.adjectiveSuffixes.map(foldKey),
    placeHeads: phraseIndex(placecues.heads, foldKey, placeHeadFirst),
    locativeBefore: phraseIndex(placecues.locativeBefore, foldKey, 0, locativeBeforeLast),
    simplePrepositions: foldSet(placecues.simplePrepositions),
    recipientStems: placecues.recipientStems.map(foldKey).filter((w) => w.length > 0),
    bareLocatives: new Set(placecues.bareLocatives),
    bareLocativePhrases: phraseIndex(placecues.bareLocativePhrases, foldKey, bareLocativePhraseFirst),
    actorRelatives: foldSet(placecues.actorRelatives),
    actorNounsBefore: foldSet(placecues.actorNounsBefore),
    weaponFamily: foldSet(weaponcues.familyWords),
    calibreHeads: foldSet(weaponcues.calibreHeads),
    notDesignations: new Set(weaponcues.notDesignations),
    categoryStops: foldSet(weaponcues.categoryStops),
    genericBefore: phraseIndex(weaponcues.genericBefore, foldKey, 0, genericBeforeLast),
    anaphoricBefore: phraseIndex(weaponcues.anaphoricBefore, foldKey, 0, anaphoricBeforeLast),
    nonNames: foldSet([...nonentities.months, ...nonentities.days, ...nonentities.words]),
    calendarWords: foldSet([...nonentities.months, ...nonentities.days]),
    treatyDeterminers: foldSet(coreference.treatyDeterminers),
    treatyNouns: foldSet(coreference.treatyNouns),
    treatyBlockedAfter: foldSet(coreference.blockedAfter),
    combiningForms: phraseIndex([...combiningCountry.keys()], (k) => k, combiningFirst),
    combiningCountry,
    descriptions: compileDescriptions(kb, lexicons),
    outlets: new Set(kb.gazetteer.entities.filter((e) => e.kind === 'media').map((e) => e.id)),
  };
  const rules: MentionRules = { ...tables, tokenRoles: buildWordTable(tokenRoles(tables)) };
  cache.set(kb, rules);
  return rules;
}
