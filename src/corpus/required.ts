/**
 * A character every match of a regular expression contains, read off its
 * source: the noise rules are tried on every line of every article, and a
 * line without that character is known not to match without running the
 * pattern (an unanchored pattern with a lookbehind or a Unicode class costs a
 * step per character of the line).
 *
 * The reading is conservative: it follows the top-level sequence of the
 * pattern and the groups that must match at least once, skips lookarounds,
 * classes, escapes of classes and everything it does not know, and gives up
 * on a sequence with an alternation. It only answers with a character that
 * has no case (not a letter), so the case-insensitive flag cannot change it.
 */

import { classEnd, groupEnd, topAlternatives } from './pattern-source';

/** Characters that stand for themselves after a backslash. */
const ESCAPED_LITERALS = new Set(['(', ')', '[', ']', '{', '}', '.', '*', '+', '?', '^', '$', '|', '\\', '/', '-', ',', ':', '=', '!', '<', '>', '#', '&', '~', "'", '"', '%', '@', '`', ';', ' ']);
/** Characters with a meaning of their own in a pattern. */
const SYNTAX = new Set(['(', ')', '[', ']', '{', '}', '.', '*', '+', '?', '^', '$', '|', '\\']);
const CASED = /[\p{L}\p{M}]/u;

/** Index past the escape at `i` (a backslash), and the literal character it stands for, if it is one. */
function readEscape(source: string, i: number): { end: number; literal?: string } {
  const c = source[i + 1];
  if (c === undefined) return { end: i + 1 };
  if (ESCAPED_LITERALS.has(c)) return { end: i + 2, literal: c };
  if ((c === 'p' || c === 'P' || c === 'u' || c === 'k') && source[i + 2] === '{') {
    const close = source.indexOf('}', i + 3);
    return { end: close < 0 ? source.length : close + 1 };
  }
  if (c === 'k' && source[i + 2] === '<') {
    const close = source.indexOf('>', i + 3);
    return { end: close < 0 ? source.length : close + 1 };
  }
  if (c >= '0' && c <= '9') {
    // A back-reference (or \0): never a literal read here.
    let end = i + 2;
    while (source[end] >= '0' && source[end] <= '9') end++;
    return { end };
  }
  if (c === 'u') return { end: i + 6 };
  if (c === 'x') return { end: i + 4 };
  if (c === 'c') return { end: i + 3 };
  return { end: i + 2 };
}

/** Index past the quantifier at `i`, if any, and whether it lets the atom before it match nothing. */
function readQuantifier(source: string, i: number): { end: number; optional: boolean } {
  const c = source[i];
  let end = i;
  let optional = false;
  if (c === '*' || c === '?') {
    end = i + 1;
    optional = true;
  } else if (c === '+') {
    end = i + 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(i));
    if (m) {
      end = i + m[0].length;
      optional = Number(m[1]) === 0;
    }
  }
  if (end > i && source[end] === '?') end++;
  return { end, optional };
}

/** True when [from, to) of the source has an alternation outside groups and classes. */
function hasAlternation(source: string, from: number, to: number): boolean {
  const alternatives = topAlternatives(source, from, to);
  // An unclosed class or group is read as if it held one: nothing is required then.
  return alternatives === null || alternatives.length > 1;
}

/** One atom of a pattern sequence, as the readers below need it. */
interface Atom {
  /** Where the atom ends (its quantifier, if any, starts there). */
  end: number;
  /** The one character a literal atom matches. */
  char?: string;
  /** A literal atom's source text (an escape as written, a surrogate pair whole). */
  text?: string;
  /** The inside of a plain, non-capturing or named group, read through; lookarounds have none. */
  group?: [number, number];
}

/** The atom starting at `i`, or null where the readers stop (syntax they do not read, an unclosed class or group). */
function readAtom(source: string, i: number): Atom | null {
  const c = source[i];
  if (c === '\\') {
    const escape = readEscape(source, i);
    return escape.literal === undefined ? { end: escape.end } : { end: escape.end, char: escape.literal, text: source.slice(i, escape.end) };
  }
  if (c === '[') {
    const end = classEnd(source, i);
    return end < 0 ? null : { end };
  }
  if (c === '(') {
    const end = groupEnd(source, i);
    if (end < 0) return null;
    if (source.startsWith('(?:', i)) return { end, group: [i + 3, end - 1] };
    if (source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') return { end, group: [source.indexOf('>', i) + 1, end - 1] };
    return source[i + 1] !== '?' ? { end, group: [i + 1, end - 1] } : { end };
  }
  if (c === '^' || c === '$' || c === '.') return { end: i + 1 };
  if (SYNTAX.has(c)) return null;
  const code = source.charCodeAt(i);
  // A surrogate pair is one character, matched whole but never case-less: text, no char.
  if (code >= 0xd800 && code <= 0xdbff) return { end: i + 2, text: source.slice(i, i + 2) };
  if (code >= 0xdc00 && code <= 0xdfff) return { end: i + 1, text: c };
  return { end: i + 1, char: c, text: c };
}

/** A case-less character every match of the sequence [from, to) contains, or undefined. */
function requiredIn(source: string, from: number, to: number): string | undefined {
  if (hasAlternation(source, from, to)) return undefined;
  let i = from;
  while (i < to) {
    const atom = readAtom(source, i);
    if (atom === null) return undefined;
    const { end, char: literal, group } = atom;
    const quantifier = readQuantifier(source, end);
    if (!quantifier.optional) {
      if (literal !== undefined && !CASED.test(literal) && literal.toLowerCase() === literal && literal.toUpperCase() === literal) return literal;
      if (group) {
        const inner = requiredIn(source, group[0], group[1]);
        if (inner !== undefined) return inner;
      }
    }
    i = quantifier.end;
  }
  return undefined;
}

/** Literal options shorter than this (in characters) are not worth a scan of their own. */
const MIN_WORD_CHARS = 3;

/** A set of literal runs, as source text, one of which every match of a sequence contains; with its shortest length in characters. */
interface Words {
  runs: string[];
  shortest: number;
}

/**
 * Literal runs of the sequence [from, to), one of which every match contains (a match of, under the pattern's
 * own flags): the best of its required literal runs and of the run sets of its required groups; for an
 * alternation, the union of each alternative's. Null when none can be read.
 */
function requiredWordsIn(source: string, from: number, to: number): Words | null {
  if (hasAlternation(source, from, to)) {
    const alternatives = topAlternatives(source, from, to);
    if (alternatives === null) return null;
    const all: Words = { runs: [], shortest: Infinity };
    for (const [start, end] of alternatives) {
      const words = requiredWordsIn(source, start, end);
      if (words === null) return null;
      all.runs.push(...words.runs);
      all.shortest = Math.min(all.shortest, words.shortest);
    }
    return all;
  }
  let best: Words | null = null;
  const offer = (words: Words | null): void => {
    if (words !== null && words.runs.length > 0 && (best === null || words.shortest > best.shortest)) best = words;
  };
  let run = '';
  let runChars = 0;
  const close = (): void => {
    if (runChars > 0) offer({ runs: [run], shortest: runChars });
    run = '';
    runChars = 0;
  };
  let i = from;
  while (i < to) {
    const atom = readAtom(source, i);
    if (atom === null) return null;
    const { end, text: literal, group } = atom;
    const quantifier = readQuantifier(source, end);
    if (literal !== undefined && !quantifier.optional) {
      run += literal;
      runChars++;
      // A repeated character ends what is known to stand in one piece.
      if (quantifier.end > end) close();
    } else {
      close();
      if (group && !quantifier.optional) offer(requiredWordsIn(source, group[0], group[1]));
    }
    i = quantifier.end;
  }
  close();
  return best;
}

/** How many top-level alternatives of the source begin with "^", and how many there are; null when the source is not read. */
function anchoring(source: string): { anchored: number; alternatives: number } | null {
  const alternatives = topAlternatives(source);
  if (alternatives === null) return null;
  return { anchored: alternatives.filter(([start]) => source[start] === '^').length, alternatives: alternatives.length };
}

/** True when every top-level alternative of the source begins with "^". */
function anchoredAtStart(source: string): boolean {
  const a = anchoring(source);
  return a !== null && a.anchored === a.alternatives;
}

/** True when every top-level alternative of the source opens with a literal character (plain or escaped), not optional. */
function opensWithLiteral(source: string): boolean {
  const alternatives = topAlternatives(source);
  return alternatives !== null && alternatives.every(([start, end]) => literalAt(source, start, end));
}

/** True when the atom at `i` (before `to`) is a literal character, not optional. */
function literalAt(source: string, i: number, to: number): boolean {
  if (i >= to) return false;
  const c = source[i];
  let end: number;
  if (c === '\\') {
    const escape = readEscape(source, i);
    if (escape.literal === undefined) return false;
    end = escape.end;
  } else if (SYNTAX.has(c)) return false;
  else end = i + 1;
  return !readQuantifier(source, end).optional;
}

/**
 * For a pattern tried at every position (not anchored), a pattern that finds any of its required literal runs:
 * a plain scan for words, far cheaper than the pattern's own; undefined when the runs are too short to be worth it.
 */
function wordsPattern(pattern: RegExp): WordsTest | undefined {
  const { source, flags } = pattern;
  const a = anchoring(source);
  if (flags.includes('v') || a === null || a.anchored > 0) return undefined;
  const words = requiredWordsIn(source, 0, source.length);
  if (words === null || words.shortest < MIN_WORD_CHARS) return undefined;
  // Without case folding the runs are plain strings, found by includes (faster than the engine's own scan, even for
  // a pattern that opens with one); with it, a pattern of the runs under the same flags, unless the pattern opens
  // with a literal, which the engine then scans for as fast.
  if (!flags.includes('i')) return new LiteralWords(words.runs.map((run) => run.replace(/\\(.)/g, '$1')));
  if (opensWithLiteral(source)) return undefined;
  try {
    return new RegExp(words.runs.map((run) => `(?:${run})`).join('|'), flags.replace(/[gy]/g, ''));
  } catch {
    // Runs that do not stand alone as a pattern: no filter.
    return undefined;
  }
}

/** What tells whether a text holds one of a pattern's required literal runs; `source` shows them. */
interface WordsTest {
  readonly source: string;
  test(text: string): boolean;
}

/** Required runs as plain strings (patterns without the i flag: a run matches only itself). */
class LiteralWords implements WordsTest {
  readonly source: string;

  constructor(readonly literals: readonly string[]) {
    this.source = literals.map((literal) => JSON.stringify(literal)).join('|');
  }

  test(text: string): boolean {
    for (const literal of this.literals) if (text.includes(literal)) return true;
    return false;
  }
}

/** JavaScript's \s, unit by unit. */
const SPACE_UNITS = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
/**
 * Letters whose case-insensitive matches are exactly their lower and upper case. Without the u flag a character is
 * compared by its upper case, never mapped from beyond ASCII into it: every Latin-1 letter but µ (μ). With the u flag
 * characters are compared by case folding, which also joins K (Kelvin sign) to k, ſ to s, Å (Ångström sign) to å
 * and ẞ to ß.
 */
const TWO_CASE_LETTER = /^[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]$/;
const TWO_CASE_LETTER_UNICODE = /^[a-jl-rt-zA-JL-RT-Z\u00c0-\u00c4\u00c6-\u00d6\u00d8-\u00de\u00e0-\u00e4\u00e6-\u00f6\u00f8-\u00fe]$/;
/** Classes larger than this are not listed unit by unit. */
const MAX_LISTED_UNITS = 512;

/** The units a literal character may match under the flags, or null when that is not known for sure. */
function variantsOf(c: string, flags: CaseFlags): number[] | null {
  if (c.length !== 1 || (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff)) return null;
  if (!flags.ignoreCase || (!CASED.test(c) && c.toLowerCase() === c && c.toUpperCase() === c)) return [c.charCodeAt(0)];
  if (!(flags.unicode ? TWO_CASE_LETTER_UNICODE : TWO_CASE_LETTER).test(c)) return null;
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  // ÿ's capital is beyond Latin-1 and ß has none of one unit: such letters are left unread.
  if (lower.length !== 1 || upper.length !== 1) return null;
  return [lower.charCodeAt(0), upper.charCodeAt(0)];
}

/** The flags that decide which characters a literal matches. */
interface CaseFlags {
  ignoreCase: boolean;
  unicode: boolean;
}

/** The units a class "[…]" may match, or null: only plain lists and small ranges of characters are read. */
function classUnits(source: string, from: number, to: number, flags: CaseFlags): number[] | null {
  if (source[from + 1] === '^') return null;
  const units: number[] = [];
  let i = from + 1;
  const end = to - 1;
  while (i < end) {
    let c = source[i];
    let next = i + 1;
    if (c === '\\') {
      const e = source[i + 1];
      if (e === 'd') {
        for (let d = 0x30; d <= 0x39; d++) units.push(d);
        i += 2;
        continue;
      }
      if (e === 's') {
        units.push(...SPACE_UNITS);
        i += 2;
        continue;
      }
      if (!ESCAPED_LITERALS.has(e)) return null;
      c = e;
      next = i + 2;
    }
    if (source[next] === '-' && next + 1 < end) {
      let last = source[next + 1];
      let after = next + 2;
      if (last === '\\') {
        if (!ESCAPED_LITERALS.has(source[next + 2])) return null;
        last = source[next + 2];
        after = next + 3;
      }
      const lo = c.charCodeAt(0);
      const hi = last.charCodeAt(0);
      if (hi < lo || hi - lo > MAX_LISTED_UNITS || (lo <= 0xdfff && hi >= 0xd800)) return null;
      for (let u = lo; u <= hi; u++) {
        const variants = variantsOf(String.fromCharCode(u), flags);
        if (variants === null) return null;
        units.push(...variants);
      }
      i = after;
      continue;
    }
    const variants = variantsOf(c, flags);
    if (variants === null) return null;
    units.push(...variants);
    i = next;
  }
  return units;
}

/** What a sequence may begin with: the units of its first character (null: anything), and whether it may match nothing. */
interface Start {
  units: number[] | null;
  empty: boolean;
}

/** The start of the sequence [from, to), all of its alternatives together. */
function startOf(source: string, from: number, to: number, flags: CaseFlags): Start {
  const alternatives = topAlternatives(source, from, to);
  if (alternatives === null) return { units: null, empty: true };
  const units: number[] = [];
  let empty = false;
  for (const [start, end] of alternatives) {
    const alternative = startOfAlternative(source, start, end, flags);
    if (alternative.units === null) return { units: null, empty: true };
    units.push(...alternative.units);
    empty ||= alternative.empty;
  }
  return { units, empty };
}

/** The start of one alternative [from, to) (no top-level "|"). */
function startOfAlternative(source: string, from: number, to: number, flags: CaseFlags): Start {
  const units: number[] = [];
  let i = from;
  while (i < to) {
    const c = source[i];
    let end: number;
    let atom: Start;
    if (c === '^') {
      i++;
      continue;
    }
    if (c === '\\' && (source[i + 1] === 'b' || source[i + 1] === 'B')) {
      i += 2;
      continue;
    }
    if (c === '(' && (source.startsWith('(?=', i) || source.startsWith('(?!', i) || source.startsWith('(?<=', i) || source.startsWith('(?<!', i))) {
      end = groupEnd(source, i);
      if (end < 0) return { units: null, empty: true };
      i = end;
      continue;
    }
    if (c === '\\') {
      const escape = readEscape(source, i);
      end = escape.end;
      const e = source[i + 1];
      if (escape.literal !== undefined) atom = { units: variantsOf(escape.literal, flags), empty: false };
      else if (e === 'd') atom = { units: [0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39], empty: false };
      else if (e === 's') atom = { units: SPACE_UNITS, empty: false };
      else return { units: null, empty: true };
    } else if (c === '[') {
      end = classEnd(source, i);
      if (end < 0) return { units: null, empty: true };
      atom = { units: classUnits(source, i, end, flags), empty: false };
    } else if (c === '(') {
      end = groupEnd(source, i);
      if (end < 0) return { units: null, empty: true };
      const inner = source.startsWith('(?:', i) ? i + 3 : source.startsWith('(?<', i) ? source.indexOf('>', i) + 1 : i + 1;
      atom = startOf(source, inner, end - 1, flags);
    } else if (c === '$' || c === '.' || SYNTAX.has(c)) {
      return { units: null, empty: true };
    } else {
      end = i + 1;
      atom = { units: variantsOf(c, flags), empty: false };
    }
    if (atom.units === null) return { units: null, empty: true };
    units.push(...atom.units);
    const quantifier = readQuantifier(source, end);
    if (!quantifier.optional && !atom.empty) return { units, empty: false };
    i = quantifier.end;
  }
  return { units, empty: true };
}

/** The units a match may begin with when every match begins the text (^ without the m flag), or undefined. */
function firstUnits(pattern: RegExp): Set<number> | undefined {
  const { source, flags } = pattern;
  if (flags.includes('m') || flags.includes('v') || flags.includes('y')) return undefined;
  // Every alternative must be anchored at the start of the text.
  if (!anchoredAtStart(source)) return undefined;
  const start = startOf(source, 0, source.length, { ignoreCase: flags.includes('i'), unicode: flags.includes('u') });
  return start.units === null || start.empty ? undefined : new Set(start.units);
}

/** What a text must hold for a pattern to match it, read once per pattern. */
interface PatternFilter {
  /** A character every match contains. */
  required?: string;
  /** The units every match (at the start of the text) begins with. */
  first?: Set<number>;
  /** A pattern of literal runs one of which every match holds. */
  words?: WordsTest;
}

const filters = new WeakMap<RegExp, PatternFilter>();

function filterOf(pattern: RegExp): PatternFilter {
  let filter = filters.get(pattern);
  if (filter === undefined) {
    filter = { required: requiredCharacter(pattern), first: firstUnits(pattern), words: wordsPattern(pattern) };
    filters.set(pattern, filter);
  }
  return filter;
}

/** The first units a match of `pattern` may begin with, when all its matches begin the text; exported for the tests. */
export function patternFirstUnits(pattern: RegExp): ReadonlySet<number> | undefined {
  return filterOf(pattern).first;
}

const cache = new WeakMap<RegExp, string | null>();

/** A character every match of `pattern` contains (not a letter), or undefined when none can be read off its source. */
export function requiredCharacter(pattern: RegExp): string | undefined {
  let found = cache.get(pattern);
  if (found === undefined) {
    // Sets of sets (the v flag) are not read.
    found = pattern.flags.includes('v') ? null : (requiredIn(pattern.source, 0, pattern.source.length) ?? null);
    cache.set(pattern, found);
  }
  return found ?? undefined;
}

/** False when `text` cannot match `pattern`: it lacks a character every match holds, or begins with none a match begins with. */
export function mayMatch(pattern: RegExp, text: string): boolean {
  const { required, first, words } = filterOf(pattern);
  if (first !== undefined && (text.length === 0 || !first.has(text.charCodeAt(0)))) return false;
  if (required !== undefined && !text.includes(required)) return false;
  return words === undefined || words.test(text);
}

/** A pattern of the literal runs one of which every match holds, when that is worth a scan (exported for the tests). */
export function patternWords(pattern: RegExp): WordsTest | undefined {
  return filterOf(pattern).words;
}

/**
 * A pattern whose top-level alternatives are some anchored at the start, some not ("\\bDMCA\\b|^(cet article …)"),
 * as one pattern per alternative, with the same flags: the engine tries the whole alternation at every position, and
 * each part can be filtered on its own (first characters, required words). A text matches the pattern if and only
 * if it matches a part. Patterns with back-references (numbered by their place in the whole) are kept whole.
 */
function splitMixedAnchoring(pattern: RegExp): RegExp[] {
  const { source, flags } = pattern;
  const a = anchoring(source);
  if (a === null || a.alternatives < 2 || a.anchored === 0 || a.anchored === a.alternatives || /\\[1-9]|\\k</.test(source)) return [pattern];
  const alternatives = topAlternatives(source);
  if (alternatives === null) return [pattern];
  const parts: RegExp[] = [];
  for (const [start, end] of alternatives) {
    try {
      parts.push(new RegExp(source.slice(start, end), flags));
    } catch {
      // An alternative that does not stand alone as a pattern: the pattern is kept whole.
      return [pattern];
    }
  }
  return parts;
}

/** A list of patterns compiled for anyMatches: by the units their matches may begin with, and the others. */
interface PatternSet {
  /** Length of the list when compiled: a list that grew since is compiled again. */
  length: number;
  /** The anchored patterns each first unit may begin a match of, with their required character. */
  byFirst: Map<number, Array<{ pattern: RegExp; required?: string; words?: WordsTest }>>;
  /** Patterns whose matches may begin with anything. */
  anywhere: Array<{ pattern: RegExp; required?: string; words?: WordsTest }>;
  /** A global or sticky pattern keeps state between tests: such a list is tested in order, each pattern filtered alone. */
  inOrder: boolean;
}

const patternSets = new WeakMap<readonly RegExp[], PatternSet>();

function patternSet(patterns: readonly RegExp[]): PatternSet {
  let set = patternSets.get(patterns);
  if (set !== undefined && set.length === patterns.length) return set;
  set = { length: patterns.length, byFirst: new Map(), anywhere: [], inOrder: patterns.some((p) => p.global || p.sticky) };
  for (const pattern of set.inOrder ? patterns : patterns.flatMap(splitMixedAnchoring)) {
    const { required, first, words } = filterOf(pattern);
    const entry = { pattern, required, words };
    if (first === undefined) set.anywhere.push(entry);
    else {
      for (const unit of first) {
        if (!set.byFirst.has(unit)) set.byFirst.set(unit, []);
        set.byFirst.get(unit)!.push(entry);
      }
    }
  }
  patternSets.set(patterns, set);
  return set;
}

/**
 * patterns.some((p) => p.test(text)) for patterns without state (no g or y flag): only the patterns whose matches
 * may begin with the text's first unit, or with anything, are tried, each when the text holds its required character.
 */
export function anyMatches(patterns: readonly RegExp[], text: string): boolean {
  const set = patternSet(patterns);
  if (set.inOrder) {
    for (const pattern of patterns) if (mayMatch(pattern, text) && pattern.test(text)) return true;
    return false;
  }
  const anchored = text.length > 0 ? set.byFirst.get(text.charCodeAt(0)) : undefined;
  if (anchored !== undefined) for (const { pattern, required } of anchored) if ((required === undefined || text.includes(required)) && pattern.test(text)) return true;
  for (const { pattern, required, words } of set.anywhere) {
    if ((required === undefined || text.includes(required)) && (words === undefined || words.test(text)) && pattern.test(text)) return true;
  }
  return false;
}
