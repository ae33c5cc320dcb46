/**
 * Trigger prefilter: which frames of the lexicon can fire in a sentence at all.
 *
 * Every frame's trigger RegExp is a word-guarded alternation over folded text
 * (`alternation()` in claims/text.ts). A match starts where a word starts, so
 * the word there begins with the literal letters every alternative opens with.
 * Reading those leading letters from the pattern once, and the words of a
 * sentence once, skips the frames none of whose triggers can match — the same
 * matches as running every RegExp, at a fraction of the cost (a profile of a
 * generated corpus showed the 45 trigger scans per sentence as the largest
 * self time of the extractor).
 *
 * The prefixes are a necessary condition only: a frame that passes still runs
 * its RegExp. A pattern whose opening cannot be read (a class, an escape, an
 * optional first letter) makes its frame always run.
 */
import { WORD_START } from '../claims';

/** Characters of a folded word: what WORD_START and WORD_END guard against. */
const WORD_CHAR_RE = /[a-z0-9œæ]/;
/** Longest prefix kept: shorter prefixes are still necessary conditions, and keep the per-sentence index small. */
export const MAX_PREFIX_CHARS = 4;

/** Index of the `)` closing the group opened at `open`, or -1 when the pattern is not balanced. */
function closingParen(pattern: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Top-level alternatives of a pattern (split at `|` outside groups and classes); undefined when unbalanced. */
export function alternatives(pattern: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(pattern.slice(from, i));
      from = i + 1;
    }
    if (depth < 0) return undefined;
  }
  if (depth !== 0 || inClass) return undefined;
  out.push(pattern.slice(from));
  return out;
}

/** True when the quantifier at `at` lets the atom before it occur zero times. */
function optionalQuantifier(pattern: string, at: number): boolean {
  const ch = pattern[at];
  if (ch === '?' || ch === '*') return true;
  if (ch === '{') return /^\{0*(?:,|\})|^\{0+,/.test(pattern.slice(at)) || !/^\{\d+(?:,\d*)?\}/.test(pattern.slice(at));
  return false;
}

/** True when a quantifier (of any kind) starts at `at`. */
function isQuantifier(pattern: string, at: number): boolean {
  const ch = pattern[at];
  return ch === '?' || ch === '*' || ch === '+' || ch === '{';
}

/**
 * The literal word prefixes one of which every match of `pattern` starts with, or undefined when
 * the opening of some alternative cannot be read (no constraint). Lookarounds at the start are zero-width and skipped.
 */
export function leadingPrefixes(pattern: string): string[] | undefined {
  const alts = alternatives(pattern);
  if (!alts) return undefined;
  const out: string[] = [];
  for (const alt of alts) {
    const prefixes = sequencePrefixes(alt);
    if (!prefixes) return undefined;
    out.push(...prefixes);
  }
  return out;
}

function sequencePrefixes(seq: string): string[] | undefined {
  let at = 0;
  // Zero-width assertions at the start do not move where the match starts.
  while (seq.startsWith('(?=', at) || seq.startsWith('(?!', at) || seq.startsWith('(?<=', at) || seq.startsWith('(?<!', at)) {
    const close = closingParen(seq, at);
    if (close < 0 || isQuantifier(seq, close + 1)) return undefined;
    at = close + 1;
  }
  if (seq.startsWith('(?:', at) || (seq[at] === '(' && seq[at + 1] !== '?')) {
    const close = closingParen(seq, at);
    if (close < 0) return undefined;
    const inner = leadingPrefixes(seq.slice(seq[at + 1] === '?' ? at + 3 : at + 1, close));
    if (!inner) return undefined;
    if (!isQuantifier(seq, close + 1)) return inner;
    if (optionalQuantifier(seq, close + 1)) {
      // An optional group: a match opens with the group or with what follows it.
      let next = close + 2;
      if (seq[close + 1] === '{') next = seq.indexOf('}', close + 1) + 1;
      if (seq[next] === '?') next++;
      const rest = sequencePrefixes(seq.slice(next));
      return rest ? [...inner, ...rest] : undefined;
    }
    return inner;
  }
  let prefix = '';
  for (let i = at; i < seq.length && prefix.length < MAX_PREFIX_CHARS; i++) {
    const ch = seq[i];
    if (!WORD_CHAR_RE.test(ch)) break;
    if (isQuantifier(seq, i + 1)) {
      if (!optionalQuantifier(seq, i + 1)) prefix += ch;
      break;
    }
    prefix += ch;
  }
  return prefix ? [prefix] : undefined;
}

/** Prefixes of a word-guarded trigger RegExp built by `alternation()`; undefined when its matches cannot be narrowed. */
export function triggerPrefixes(re: RegExp): string[] | undefined {
  if (!re.source.startsWith(WORD_START) || re.flags.includes('i')) return undefined;
  const prefixes = leadingPrefixes(re.source.slice(WORD_START.length));
  return prefixes && [...new Set(prefixes.map((p) => p.slice(0, MAX_PREFIX_CHARS)))];
}

/** Number of a word character in a prefix code (0: not a word character). */
function symbolOf(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x60; // a-z: 1-26
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 27; // 0-9: 27-36
  if (code === 0x153) return 37; // œ
  if (code === 0xe6) return 38; // æ
  return 0;
}
/** Base of the prefix codes: one more than the largest symbol. */
const SYMBOLS = 39;

/** A prefix as one number (its symbols in base SYMBOLS), so the per-word lookups build no strings. */
function prefixCode(prefix: string): number {
  let code = 0;
  for (let i = 0; i < prefix.length; i++) code = code * SYMBOLS + symbolOf(prefix.charCodeAt(i));
  return code;
}

/** Frames indexed by the prefixes that can open their triggers. */
export interface TriggerIndex {
  /** Frames (by position in the lexicon) that may fire in any sentence. */
  always: number[];
  /** Prefix code (prefixCode) → frames one of whose triggers opens with that prefix. */
  byPrefix: Map<number, number[]>;
  frameCount: number;
}

export function buildTriggerIndex(triggerRes: readonly RegExp[]): TriggerIndex {
  const always: number[] = [];
  const byPrefix = new Map<number, number[]>();
  triggerRes.forEach((re, index) => {
    const prefixes = triggerPrefixes(re);
    if (!prefixes) {
      always.push(index);
      return;
    }
    for (const prefix of prefixes) {
      const code = prefixCode(prefix);
      const frames = byPrefix.get(code) ?? [];
      if (!frames.includes(index)) frames.push(index);
      byPrefix.set(code, frames);
    }
  });
  return { always, byPrefix, frameCount: triggerRes.length };
}

/**
 * Per frame of the index, where in `folded` one of its triggers can start: the sorted word starts whose
 * opening is one of the frame's prefixes; undefined for a frame that can start anywhere (`always`).
 */
export function triggerStarts(index: TriggerIndex, folded: string): Array<number[] | undefined> {
  const starts: Array<number[] | undefined> = [];
  for (let f = 0; f < index.frameCount; f++) starts.push([]);
  for (const f of index.always) starts[f] = undefined;
  const length = folded.length;
  let i = 0;
  while (i < length) {
    if (symbolOf(folded.charCodeAt(i)) === 0) {
      i++;
      continue;
    }
    // A word starts at i: look up its openings of 1 to MAX_PREFIX_CHARS characters.
    const wordStart = i;
    let code = 0;
    for (let n = 0; n < MAX_PREFIX_CHARS && i < length; n++, i++) {
      const symbol = symbolOf(folded.charCodeAt(i));
      if (symbol === 0) break;
      code = code * SYMBOLS + symbol;
      const frames = index.byPrefix.get(code);
      if (!frames) continue;
      for (const f of frames) {
        const list = starts[f];
        if (list && list[list.length - 1] !== wordStart) list.push(wordStart);
      }
    }
    while (i < length && symbolOf(folded.charCodeAt(i)) !== 0) i++;
  }
  return starts;
}

/** Per frame of the index, whether a trigger can match somewhere in `folded`. */
export function possibleFrames(index: TriggerIndex, folded: string): boolean[] {
  return triggerStarts(index, folded).map((starts) => starts === undefined || starts.length > 0);
}
