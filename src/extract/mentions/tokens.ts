/**
 * Word tokens of one sentence, read off the folded text: a token is a run of
 * letters and digits ("nord-coréens" is two tokens, "l’ONU" is "l" and "onu").
 * Each keeps the original text between it and the previous token (its gap), so
 * rules can tell a hyphen from a comma.
 */
import type { Sentence } from '../../corpus/types';

export interface Token {
  /** Offsets into the article text. */
  start: number;
  end: number;
  /** Folded form (lower-case, no accents). */
  key: string;
  /** As written. */
  raw: string;
  /** Original text between the previous token of the sentence (or the sentence start) and this one. */
  gap: string;
  /** First character is a capital letter. */
  capitalised: boolean;
  /** Has letters, all capitals (KCNA, ONU). */
  allCaps: boolean;
  /** Position in its sentence, from 0. */
  index: number;
}

const CAPITAL = /^[\p{Lu}\p{Lt}]/u;
const HAS_LETTER = /\p{L}/u;

/** CAPITAL.test(word), answered without the RegExp for ASCII (A–Z only). */
function startsCapital(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return CAPITAL.test(word);
}

function startsAsciiLower(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 0x61 && code <= 0x7a;
}

export function tokenizeSentence(text: string, folded: string, sentence: Sentence): Token[] {
  const tokens: Token[] = [];
  let previousEnd = sentence.start;
  let i = sentence.start;
  const limit = Math.min(sentence.end, folded.length);
  while (i < limit) {
    if (folded[i] === ' ') {
      i++;
      continue;
    }
    let j = i;
    while (j < limit && folded[j] !== ' ') j++;
    const raw = text.slice(i, j);
    tokens.push({
      start: i,
      end: j,
      key: folded.slice(i, j),
      raw,
      gap: text.slice(previousEnd, i),
      capitalised: startsCapital(raw),
      // A word opening with an ASCII lower-case letter is not in capitals: most words, decided without case-mapping them.
      allCaps: !startsAsciiLower(raw) && HAS_LETTER.test(raw) && raw === raw.toUpperCase() && raw !== raw.toLowerCase(),
      index: tokens.length,
    });
    previousEnd = j;
    i = j;
  }
  return tokens;
}

/** The gap most tokens have, decided without a RegExp by the three tests below. */
const SINGLE_SPACE = ' ';
const JOINING_GAP = /^(?:[ \u00a0\u202f]|[-\u2010\u2011'’])$/;
const PLAIN_GAP = /^[\s\u00a0\u202f\-\u2010\u2011'’]*$/;
const COMMA_GAP = /^\s*,\s*$/;

/** The gap joins two parts of one name: a single space, hyphen or apostrophe. */
export function isJoiningGap(gap: string): boolean {
  return gap === SINGLE_SPACE || JOINING_GAP.test(gap);
}

/** The gap is plain spacing (or a hyphen or apostrophe): no comma, stop, bracket or quote. */
export function isPlainGap(gap: string): boolean {
  return gap === SINGLE_SPACE || PLAIN_GAP.test(gap);
}

/** The gap holds exactly one comma besides spacing. */
export function isCommaGap(gap: string): boolean {
  return gap !== SINGLE_SPACE && COMMA_GAP.test(gap);
}

/** Folded phrases split into token keys, indexed by their first and by their last key, longest first. */
export interface PhraseIndex {
  byFirst: Map<string, string[][]>;
  byLast: Map<string, string[][]>;
}

export function phraseIndex(phrases: readonly string[], foldKey: (s: string) => string): PhraseIndex {
  const byFirst = new Map<string, string[][]>();
  const byLast = new Map<string, string[][]>();
  const push = (map: Map<string, string[][]>, key: string, phrase: string[]): void => {
    const list = map.get(key) ?? [];
    list.push(phrase);
    list.sort((a, b) => b.length - a.length);
    map.set(key, list);
  };
  for (const key of new Set(phrases.map((p) => foldKey(p)).filter((p) => p.length > 0))) {
    const phrase = key.split(' ');
    push(byFirst, phrase[0], phrase);
    push(byLast, phrase[phrase.length - 1], phrase);
  }
  return { byFirst, byLast };
}

function phraseFits(tokens: readonly Token[], first: number, phrase: readonly string[]): boolean {
  if (first < 0 || first + phrase.length > tokens.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const token = tokens[first + k];
    if (token.key !== phrase[k] || (k > 0 && !isPlainGap(token.gap))) return false;
  }
  return true;
}

/** Length in tokens of the longest phrase starting at token i (joined by plain gaps), or 0. */
export function matchPhraseAt(tokens: readonly Token[], i: number, index: PhraseIndex): number {
  if (i < 0 || i >= tokens.length) return 0;
  const phrases = index.byFirst.get(tokens[i].key);
  if (phrases === undefined) return 0;
  for (const phrase of phrases) if (phraseFits(tokens, i, phrase)) return phrase.length;
  return 0;
}

/** Length in tokens of the longest phrase ending at token i (inclusive), or 0. */
export function matchPhraseEndingAt(tokens: readonly Token[], i: number, index: PhraseIndex): number {
  if (i < 0 || i >= tokens.length) return 0;
  const phrases = index.byLast.get(tokens[i].key);
  if (phrases === undefined) return 0;
  for (const phrase of phrases) if (phraseFits(tokens, i - phrase.length + 1, phrase)) return phrase.length;
  return 0;
}
