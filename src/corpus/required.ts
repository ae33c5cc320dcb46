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

/** Characters that stand for themselves after a backslash. */
const ESCAPED_LITERALS = new Set(['(', ')', '[', ']', '{', '}', '.', '*', '+', '?', '^', '$', '|', '\\', '/', '-', ',', ':', '=', '!', '<', '>', '#', '&', '~', "'", '"', '%', '@', '`', ';', ' ']);
/** Characters with a meaning of their own in a pattern. */
const SYNTAX = new Set(['(', ')', '[', ']', '{', '}', '.', '*', '+', '?', '^', '$', '|', '\\']);
const CASED = /[\p{L}\p{M}]/u;

/** Index just past the class that opens at `i` ("[" … "]": the first unescaped "]" closes it), or -1. */
function classEnd(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']') return j + 1;
  }
  return -1;
}

/** Index just past the group that opens at `i` ("(" … ")"), or -1. */
function groupEnd(source: string, i: number): number {
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === '[') {
      const end = classEnd(source, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

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
  for (let j = from; j < to; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEnd(source, j) - 1;
    else if (c === '(') j = groupEnd(source, j) - 1;
    else if (c === '|') return true;
    if (j < 0) return true;
  }
  return false;
}

/** A case-less character every match of the sequence [from, to) contains, or undefined. */
function requiredIn(source: string, from: number, to: number): string | undefined {
  if (hasAlternation(source, from, to)) return undefined;
  let i = from;
  while (i < to) {
    const c = source[i];
    let end: number;
    let literal: string | undefined;
    let group: [number, number] | undefined;
    if (c === '\\') {
      ({ end, literal } = readEscape(source, i));
    } else if (c === '[') {
      end = classEnd(source, i);
    } else if (c === '(') {
      end = groupEnd(source, i);
      if (end < 0) return undefined;
      // Lookarounds are skipped; a plain, non-capturing or named group is read inside.
      if (source.startsWith('(?:', i)) group = [i + 3, end - 1];
      else if (source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') group = [source.indexOf('>', i) + 1, end - 1];
      else if (source[i + 1] !== '?') group = [i + 1, end - 1];
    } else if (c === '^' || c === '$' || c === '.') {
      end = i + 1;
    } else if (SYNTAX.has(c)) {
      return undefined;
    } else {
      const code = source.charCodeAt(i);
      end = i + 1;
      if (code < 0xd800 || code > 0xdfff) literal = c;
      else end = i + 2;
    }
    if (end < 0) return undefined;
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

/** pattern.test(text), skipped when the text lacks the pattern's required character. */
export function mayMatch(pattern: RegExp, text: string): boolean {
  const required = requiredCharacter(pattern);
  return required === undefined || text.includes(required);
}
