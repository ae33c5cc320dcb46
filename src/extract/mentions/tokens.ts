/**
 * Word tokens of one sentence, read off the folded text: a token is a run of
 * letters and digits ("nord-coréens" is two tokens, "l’ONU" is "l" and "onu").
 * Each keeps the original text between it and the previous token (its gap), so
 * rules can tell a hyphen from a comma.
 */
import type { Sentence } from '../../corpus/types';
import { valueAtHashed, type WordTable } from './wordtable';
import { wordHashStep } from './wordtrie';

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
  /**
   * Which cue tables of the knowledge base hold the key (rules.ts TOKEN_ROLES bits), looked up once per token so
   * that each pass skips the tokens no table of its own holds; every bit set when the tokens were read without them.
   */
  roles: number;
}

/** The roles of a token read without a role table: it may be anything. */
export const ANY_ROLE = -1;

const CAPITAL = /^[\p{Lu}\p{Lt}]/u;
const HAS_LETTER = /\p{L}/u;
const SPACE_CODE = 0x20;

/** The article strings the tokens of its sentences cut their own from. */
interface TokenSource {
  text: string;
  folded: string;
}

/** Whether [start, end) of the text is its own folded form (most lower-case words): the token's key is then its raw string, not a copy. */
function foldsToItself(source: TokenSource, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (source.text.charCodeAt(k) !== source.folded.charCodeAt(k)) return false;
  return true;
}

/**
 * A token as tokenizeSentence reads it: offsets, gap, flags and roles at once; its raw and key strings cut from
 * the text when first asked for, since most tokens are only ever tested on their flags and roles.
 */
class ReadToken implements Token {
  private rawText: string | undefined;
  private keyText: string | undefined = undefined;
  readonly capitalised: boolean;
  readonly allCaps: boolean;
  readonly roles: number;

  constructor(
    private readonly source: TokenSource,
    readonly start: number,
    readonly end: number,
    readonly gap: string,
    readonly index: number,
    roles: number,
  ) {
    this.rawText = undefined;
    this.capitalised = this.startsCapital();
    this.allCaps = this.isAllCaps();
    this.roles = roles;
  }

  get raw(): string {
    if (this.rawText === undefined) this.rawText = this.source.text.slice(this.start, this.end);
    return this.rawText;
  }

  get key(): string {
    if (this.keyText === undefined) this.keyText = foldsToItself(this.source, this.start, this.end) ? this.raw : this.source.folded.slice(this.start, this.end);
    return this.keyText;
  }

  /** CAPITAL.test(raw), answered on the first unit without the RegExp for ASCII (A–Z only). */
  private startsCapital(): boolean {
    const code = this.source.text.charCodeAt(this.start);
    if (code < 0x80) return code >= 0x41 && code <= 0x5a;
    return CAPITAL.test(this.raw);
  }

  /**
   * Has letters, all capitals: HAS_LETTER.test(raw) && raw === raw.toUpperCase() && raw !== raw.toLowerCase(),
   * decided on the code units while they are ASCII (a lower-case ASCII letter settles it), case-mapped otherwise.
   */
  private isAllCaps(): boolean {
    const text = this.source.text;
    let capital = false;
    for (let k = this.start; k < this.end; k++) {
      const code = text.charCodeAt(k);
      if (code >= 0x61 && code <= 0x7a) return false;
      if (code >= 0x80) {
        const raw = this.raw;
        return HAS_LETTER.test(raw) && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
      }
      if (code >= 0x41 && code <= 0x5a) capital = true;
    }
    return capital;
  }
}

/** Tokens of one sentence; `roles` (folded key → role bits, read where the key stands) fills each token's roles, ANY_ROLE without it. */
export function tokenizeSentence(text: string, folded: string, sentence: Sentence, roles?: WordTable<number>): Token[] {
  const tokens: Token[] = [];
  const source: TokenSource = { text, folded };
  let previousEnd = sentence.start;
  let i = sentence.start;
  const limit = Math.min(sentence.end, folded.length);
  while (i < limit) {
    if (folded.charCodeAt(i) === SPACE_CODE) {
      i++;
      continue;
    }
    // The key's end and hash in one pass over it (words are short: cheaper than indexOf).
    let hash = wordHashStep(0, folded.charCodeAt(i));
    let j = i + 1;
    for (; j < limit; j++) {
      const code = folded.charCodeAt(j);
      if (code === SPACE_CODE) break;
      hash = wordHashStep(hash, code);
    }
    const tokenRoles = roles === undefined ? ANY_ROLE : (valueAtHashed(roles, folded, i, j, hash) ?? 0);
    tokens.push(new ReadToken(source, i, j, text.slice(previousEnd, i), tokens.length, tokenRoles));
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
  /** Token role bit of the keys of byFirst (0: none, every token is looked up). */
  firstRole: number;
  /** Token role bit of the keys of byLast (0: none). */
  lastRole: number;
}

/** The phrases, folded by `foldKey`; with role bits, a token whose roles lack the bit is not looked up (see Token.roles). */
export function phraseIndex(phrases: readonly string[], foldKey: (s: string) => string, firstRole = 0, lastRole = 0): PhraseIndex {
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
  return { byFirst, byLast, firstRole, lastRole };
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
  if (i < 0 || i >= tokens.length || (index.firstRole !== 0 && (tokens[i].roles & index.firstRole) === 0)) return 0;
  const phrases = index.byFirst.get(tokens[i].key);
  if (phrases === undefined) return 0;
  for (const phrase of phrases) if (phraseFits(tokens, i, phrase)) return phrase.length;
  return 0;
}

/** Length in tokens of the longest phrase ending at token i (inclusive), or 0. */
export function matchPhraseEndingAt(tokens: readonly Token[], i: number, index: PhraseIndex): number {
  if (i < 0 || i >= tokens.length || (index.lastRole !== 0 && (tokens[i].roles & index.lastRole) === 0)) return 0;
  const phrases = index.byLast.get(tokens[i].key);
  if (phrases === undefined) return 0;
  for (const phrase of phrases) if (phraseFits(tokens, i - phrase.length + 1, phrase)) return phrase.length;
  return 0;
}
