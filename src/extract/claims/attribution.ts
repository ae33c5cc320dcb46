import type { EntityType } from '../../ontology';
import type { ClaimLexicon } from './lexicon';
import { allMatches, countWords, fold } from './text';

/** A mention as the claim finder needs it: offsets relative to the sentence. */
export interface SentenceMention {
  entityId: string;
  type: EntityType;
  label: string;
  start: number;
  end: number;
  surface: string;
  /** An adjective or plural noun standing for a state ("nord-coréens", "russe"), not a name. */
  demonym: boolean;
  /** Set when the mention was not read here but recalled from what the article said before: the discourse slot it came from. */
  recalled?: string;
}

/** Who a sentence says says so. */
export interface Attribution {
  /** The entity label when the source is a named entity, else the source phrase as written. */
  source: string;
  /** Where the cue sits (so a status rule can ask whether it governs a trigger). */
  cueStart: number;
  cueEnd: number;
  kind: 'introducer' | 'speechBefore' | 'speechAfter';
}

/** Most words a source phrase keeps ("un haut responsable sud-coréen"). */
const MAX_SOURCE_WORDS = 6;
/** Words a source may sit after its introducer ("selon l'agence de presse Yonhap"). */
const MAX_INTRODUCER_GAP_WORDS = 4;
/** Words a person may sit after its introducer, title included ("selon le secrétaire américain à la Défense Lloyd Austin"). */
const MAX_TITLED_SOURCE_GAP_WORDS = 9;
const SOURCE_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Person', 'Organization', 'Country']);
const LEADING_DETERMINERS_RE = /^(?:(?:les|le|la|l'|l’|une|un|des|du|de la|de l'|de l’|d'|d’|ces|ses|son|sa|leurs?)(?:\s+|(?<=['’])))+/i;
const PHRASE_END_RE = /[,.;:!?»)(«]|\s(?:que|qu'|qui|dont|lors|alors|et que)\s/;

/** Auxiliaries and adverbs left between a subject and its speech verb ("l'agence a également indiqué"). */
const TRAILING_AUXILIARY_RE = /\s+(?:a|ont|avait|avaient|aurait|auraient)(?:\s+\p{L}+)?\s*$/iu;

function cleanPhrase(original: string): string {
  const words = original.trim().replace(LEADING_DETERMINERS_RE, '').replace(TRAILING_AUXILIARY_RE, '').split(/\s+/).filter(Boolean);
  return words.slice(0, MAX_SOURCE_WORDS).join(' ');
}

function isSource(m: SentenceMention): boolean {
  return SOURCE_TYPES.has(m.type) && !m.demonym;
}

/** "selon X", "d'après X", "citant X": the named source after the last introducer, else the phrase there. */
function afterIntroducer(text: string, folded: string, mentions: readonly SentenceMention[], lexicon: ClaimLexicon): Attribution | undefined {
  const cues = allMatches(lexicon.introducerRe, folded);
  for (let i = cues.length - 1; i >= 0; i--) {
    const cueStart = cues[i].index ?? 0;
    const cueEnd = cueStart + cues[i][0].length;
    const rest = folded.slice(cueEnd);
    const stop = PHRASE_END_RE.exec(rest);
    const limit = cueEnd + (stop ? stop.index : rest.length);
    // A person may sit after a longer title ("selon le secrétaire américain à la Défense Lloyd Austin").
    const named = mentions.find((m) => m.start >= cueEnd && m.start < limit && isSource(m) && countWords(folded.slice(cueEnd, m.start)) <= (m.type === 'Person' ? MAX_TITLED_SOURCE_GAP_WORDS : MAX_INTRODUCER_GAP_WORDS));
    if (named) return { source: named.label, cueStart, cueEnd, kind: 'introducer' };
    // "selon laquelle" introduces a clause, not a source.
    if (/^\s*(?:laquelle|lequel|lesquels|lesquelles|qui|que)\b/.test(rest)) continue;
    const phrase = cleanPhrase(text.slice(cueEnd, limit));
    if (phrase) return { source: phrase, cueStart, cueEnd, kind: 'introducer' };
  }
  return undefined;
}

/** "X a déclaré que", "Le NIS estime qu'", "des responsables ukrainiens alléguant que": the subject before the verb. */
function beforeSpeechVerb(text: string, folded: string, mentions: readonly SentenceMention[], lexicon: ClaimLexicon): Attribution | undefined {
  for (const cue of allMatches(lexicon.speechBeforeRe, folded)) {
    const cueStart = cue.index ?? 0;
    const cueEnd = cueStart + cue[0].length;
    const before = folded.slice(0, cueStart);
    // The subject noun phrase: back to the clause boundary, or the comma-fenced apposition just before ("…, Shin Won-sik, a déclaré").
    let segStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('«'), before.lastIndexOf(':')) + 1;
    if (folded.slice(segStart, cueStart).trim() === '') {
      const prior = before.slice(0, Math.max(0, segStart - 1));
      segStart = Math.max(prior.lastIndexOf(','), prior.lastIndexOf(';'), prior.lastIndexOf('«')) + 1;
    }
    const inSegment = mentions.filter((m) => m.start >= segStart && m.end <= cueStart);
    const named = [...inSegment].reverse().find(isSource);
    if (named) return { source: named.label, cueStart, cueEnd, kind: 'speechBefore' };
    const segment = folded.slice(segStart, cueStart);
    if (lexicon.sourceNounRe.test(segment)) {
      lexicon.sourceNounRe.lastIndex = 0;
      const phrase = cleanPhrase(text.slice(segStart, cueStart).replace(/^\s*(?:et|mais|or|alors que|tandis que)\s+/i, ''));
      if (phrase) return { source: phrase, cueStart, cueEnd, kind: 'speechBefore' };
    }
    lexicon.sourceNounRe.lastIndex = 0;
  }
  return undefined;
}

/** "…, a déclaré Shin", "a indiqué le ministre X": the speaker named after the verb. */
function afterSpeechVerb(folded: string, mentions: readonly SentenceMention[], lexicon: ClaimLexicon): Attribution | undefined {
  for (const cue of allMatches(lexicon.speechAfterRe, folded)) {
    const cueStart = cue.index ?? 0;
    const cueEnd = cueStart + cue[0].length;
    if (!/[,»]\s*$/.test(folded.slice(Math.max(0, cueStart - 4), cueStart)) && !/-t-(?:il|elle)/.test(cue[0])) continue;
    const rest = folded.slice(cueEnd);
    const stop = PHRASE_END_RE.exec(rest);
    const limit = cueEnd + (stop ? stop.index : rest.length);
    const named = mentions.find((m) => m.start >= cueEnd && m.start < limit && isSource(m) && countWords(folded.slice(cueEnd, m.start)) <= MAX_SOURCE_WORDS);
    if (named) return { source: named.label, cueStart, cueEnd, kind: 'speechAfter' };
  }
  return undefined;
}

/**
 * The source a sentence names for what it reports: "selon le NIS" → NIS (the
 * entity label), "a déclaré Shin" → the person, "des responsables ukrainiens
 * alléguant que" → "responsables ukrainiens" (a phrase when no entity names
 * the source). Undefined when the sentence names none. Never throws.
 */
export function findAttribution(text: string, mentions: readonly SentenceMention[], lexicon: ClaimLexicon): Attribution | undefined {
  const folded = fold(text);
  return afterIntroducer(text, folded, mentions, lexicon) ?? beforeSpeechVerb(text, folded, mentions, lexicon) ?? afterSpeechVerb(folded, mentions, lexicon);
}
