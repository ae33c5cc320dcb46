/**
 * The lexicon files the mention finder reads from graph-data/knowledge/
 * (titles, orgcues, placecues, weaponcues, nonentities, coreference,
 * inflections). Each is optional: a missing file turns its rules off. A file
 * that is present but malformed is refused with an error naming it.
 */
import { z } from 'zod';
import type { KnowledgeBase } from '../kb';
import { KnowledgeFileError } from '../knowledge';

const words = z.array(z.string().min(1)).default([]);

export const TitlesSchema = z.object({
  /** Person titles and roles ("ministre", "porte-parole"), lower-case. */
  titles: words,
  /** Abbreviated honorifics, matched exactly as written ("M.", "Mme"). */
  honorifics: words,
  /** Words that end the role tail between a title and a name (verbs, pronouns, conjunctions). */
  tailBreakers: words,
  /** Longest role tail, in tokens, between a title and the name it introduces. */
  maxTailTokens: z.number().int().positive().default(9),
});

export const OrgCuesSchema = z.object({
  /** Lower-case nouns that introduce an organisation's name ("l'agence X"). */
  heads: words,
  /** Capitalised words that begin an organisation's own name ("Institut …", "Center for …"). */
  namedHeads: words,
  /** Small words allowed inside a capitalised organisation name ("de", "for"). */
  nameConnectors: words,
  /** Endings of lower-case adjectives allowed inside an organisation's name ("nationale", "populaire"). */
  adjectiveSuffixes: words,
  maxNameTokens: z.number().int().positive().default(9),
});

export const PlaceCuesSchema = z.object({
  /** Nouns that introduce a place name with de/du/d' ("la région de X"). */
  heads: words,
  /** Words or phrases that, right before a capital, make it a location. */
  locativeBefore: words,
  /** Prepositions that may also mark a recipient ("fournir à Pyongyang"). */
  simplePrepositions: words,
  /** Word beginnings that make a following "à X" a recipient (Country), not a location. */
  recipientStems: words,
  /** How many tokens before the preposition a recipient word may stand. */
  recipientWindow: z.number().int().nonnegative().default(5),
  /** Prepositions that make an unknown capitalised single word a Place ("à X"). */
  bareLocatives: words,
  /** Relative pronouns that, after "X,", make the capital X the subject of a clause, hence the Country. */
  actorRelatives: words,
  /** Nouns of reaction that, right before "à X", make the capital X its government ("inquiétude à Séoul"). */
  actorNounsBefore: words,
  /** Phrases that, like bareLocatives, make an unknown capitalised single word a Place ("près de X", "au nord de X"). */
  bareLocativePhrases: words,
  maxPlaceTokens: z.number().int().positive().default(3),
});

export const WeaponCuesSchema = z.object({
  /** Nouns of weapon families; a capitalised name right after one is a WeaponSystem. */
  familyWords: words,
  /** Nouns that form calibre weapons with "de N mm". */
  calibreHeads: words,
  /** Prefixes of letter–digit shapes that are not weapons (COVID-19, G-7). */
  notDesignations: words,
  maxDesignationLength: z.number().int().positive().default(24),
  /** Lower-case words that end the noun phrase of a weapon category before a named system could follow (et, de, pour …). */
  categoryStops: words,
  /** How many qualifiers ("automoteurs", "nord-coréens") may stand between a category and the named system it describes. */
  maxCategoryQualifiers: z.number().int().nonnegative().default(2),
  /** Phrases after which a weapon category is a concept, not a weapon anyone supplies ("guerre par", "capables de transporter des"). */
  genericBefore: words,
  /** Demonstratives after which a weapon category points back to a weapon already named ("ces pièces d'artillerie", "ces munitions"): no new entity. */
  anaphoricBefore: words.default([]),
});

export const NonEntitiesSchema = z.object({
  months: words,
  days: words,
  /** Capitalised words that are never a name on their own. */
  words,
  /** Markers that, at the start of a line, make the line a byline, credit or source line. */
  lineMarkers: words,
  /** Markers that silence the rest of their line wherever they stand. */
  anywhereMarkers: words,
  maxBylineLineLength: z.number().int().positive().default(90),
  /** Nouns of works (livre, film) whose title in quotation marks right after them carries no entity. */
  workTitleNouns: words,
});

export const CoreferenceSchema = z.object({
  treatyDeterminers: words,
  treatyNouns: words,
  blockedAfter: words,
  /** Determiners that open an unnamed definite description ("le président russe"). */
  descriptionDeterminers: words,
  /** Words allowed between that determiner and the post ("le nouveau ministre"). */
  descriptionModifiers: words,
  /** Posts written without a name: how the press writes each (state taken out) and the gazetteer role titles that hold it. */
  descriptions: z.array(z.object({ phrases: z.array(z.string().min(1)).min(1), roles: z.array(z.string().min(1)).min(1) })).default([]),
  personShortForms: z
    .object({ first: z.boolean().default(true), last: z.boolean().default(true), minLength: z.number().int().positive().default(3) })
    .default({ first: true, last: true, minLength: 3 }),
});

export const InflectionsSchema = z.object({
  demonymRules: z.array(z.object({ suffix: z.string(), add: z.array(z.string()) })).default([]),
  /** Prefix forms of demonyms in compound adjectives ("russo" of "russe" in "russo-nord-coréen"), each with the demonym whose state it names. */
  combiningForms: z.array(z.object({ form: z.string().min(1), demonym: z.string().min(1) })).default([]),
});

export interface MentionLexicons {
  titles: z.infer<typeof TitlesSchema>;
  orgcues: z.infer<typeof OrgCuesSchema>;
  placecues: z.infer<typeof PlaceCuesSchema>;
  weaponcues: z.infer<typeof WeaponCuesSchema>;
  nonentities: z.infer<typeof NonEntitiesSchema>;
  coreference: z.infer<typeof CoreferenceSchema>;
  inflections: z.infer<typeof InflectionsSchema>;
}

const SCHEMAS = {
  titles: TitlesSchema,
  orgcues: OrgCuesSchema,
  placecues: PlaceCuesSchema,
  weaponcues: WeaponCuesSchema,
  nonentities: NonEntitiesSchema,
  coreference: CoreferenceSchema,
  inflections: InflectionsSchema,
} as const;

function parseLexicon<K extends keyof typeof SCHEMAS>(kb: KnowledgeBase, name: K): MentionLexicons[K] {
  const raw = kb.lexicons[name] ?? {};
  const parsed = SCHEMAS[name].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeFileError(`newsgraph findMentions: ${kb.dir}/${name}.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data as MentionLexicons[K];
}

/** Parses every mention lexicon of the knowledge base (missing files give empty rule sets). */
export function loadMentionLexicons(kb: KnowledgeBase): MentionLexicons {
  return {
    titles: parseLexicon(kb, 'titles'),
    orgcues: parseLexicon(kb, 'orgcues'),
    placecues: parseLexicon(kb, 'placecues'),
    weaponcues: parseLexicon(kb, 'weaponcues'),
    nonentities: parseLexicon(kb, 'nonentities'),
    coreference: parseLexicon(kb, 'coreference'),
    inflections: parseLexicon(kb, 'inflections'),
  };
}
