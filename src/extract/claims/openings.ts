/**
 * The literal openings of a RegExp pattern: the characters every match starts
 * with, read from the pattern itself — across spaces, apostrophes and groups
 * ("(?:a|ont) ete recu" opens with "a ete recu" or "ont ete re"), up to
 * MAX_PREFIX_CHARS characters. A necessary condition only: a text none of
 * whose positions holds an opening has no match. Used by the trigger
 * prefilter (relations/prefilter.ts) and the literal gate (gate.ts).
 */

/** Characters of a folded word: what WORD_START and WORD_END guard against. */
const WORD_CHAR_RE = /[a-z0-9œæ]/;
/** Longest prefix kept: shorter prefixes are still necessary conditions, and keep the per-sentence index small. */
export const MAX_PREFIX_CHARS = 10;

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

/** Where the quantifier starting at `at` ends (past a lazy `?`); `at` itself when none starts there. */
function quantifierEnd(pattern: string, at: number): number {
  if (!isQuantifier(pattern, at)) return at;
  let next = at + 1;
  if (pattern[at] === '{') {
    const close = pattern.indexOf('}', at);
    next = close < 0 ? pattern.length : close + 1;
  }
  return pattern[next] === '?' ? next + 1 : next;
}

/** Characters that are not literal outside a class (a lone `]` or `}` is treated as one too, to stay on the safe side). */
const SPECIAL_CHARS = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);
/** Most openings kept per alternative: past it a group is not expanded (the shorter openings stay necessary). */
const MAX_OPENINGS = 256;
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** An opening read so far; `open` while the pattern went on literally up to here (what follows may extend it). */
export interface Opening {
  text: string;
  open: boolean;
}

/**
 * The literal word prefixes one of which every match of `pattern` starts with, or undefined when
 * the opening of some alternative cannot be read (no constraint). Lookarounds at the start are zero-width and skipped.
 * A prefix goes on across spaces, apostrophes and groups ("(?:a|ont) ete" opens with "a ete" or "ont ete"), up to
 * MAX_PREFIX_CHARS characters; it starts with a word character.
 */
export function leadingPrefixes(pattern: string): string[] | undefined {
  const openings = patternOpenings(pattern, true);
  if (!openings) return undefined;
  const out: string[] = [];
  for (const o of openings) {
    if (!o.text || !WORD_CHAR_RE.test(o.text[0])) return undefined;
    const text = o.text.slice(0, MAX_PREFIX_CHARS);
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

/** Openings of every top-level alternative of `pattern`; undefined when one cannot be read. */
export function patternOpenings(pattern: string, atStart: boolean): Opening[] | undefined {
  const alts = alternatives(pattern);
  if (!alts) return undefined;
  const out: Opening[] = [];
  for (const alt of alts) {
    const openings = sequenceOpenings(alt, atStart);
    if (!openings) return undefined;
    out.push(...openings);
  }
  return out;
}

/** Closes every opening: the pattern stops being read literally here. */
function closed(openings: readonly Opening[]): Opening[] {
  return openings.map((o) => ({ text: o.text, open: false }));
}

/**
 * Openings of one alternative. `atStart`: nothing was read before it, so zero-width assertions are skipped and an
 * unreadable start gives undefined; past the start, whatever cannot be read ends the openings there (they stay necessary).
 */
function sequenceOpenings(seq: string, atStart: boolean): Opening[] | undefined {
  let openings: Opening[] = [{ text: '', open: true }];
  let at = 0;
  const nothingRead = () => atStart && openings.every((o) => o.text === '');
  const stop = () => (nothingRead() ? undefined : closed(openings));
  while (at < seq.length) {
    if (openings.every((o) => !o.open || o.text.length >= MAX_PREFIX_CHARS)) return closed(openings);
    const ch = seq[at];
    if (seq.startsWith('(?=', at) || seq.startsWith('(?!', at) || seq.startsWith('(?<=', at) || seq.startsWith('(?<!', at)) {
      // Zero-width assertions at the start do not move where the match starts; later ones end the literal reading.
      if (!nothingRead()) return closed(openings);
      const close = closingParen(seq, at);
      if (close < 0 || isQuantifier(seq, close + 1)) return undefined;
      at = close + 1;
      continue;
    }
    if (seq.startsWith('(?:', at) || (ch === '(' && seq[at + 1] !== '?')) {
      const close = closingParen(seq, at);
      if (close < 0) return stop();
      const inner = patternOpenings(seq.slice(seq[at + 1] === '?' ? at + 3 : at + 1, close), nothingRead());
      if (!inner) return stop();
      const next = quantifierEnd(seq, close + 1);
      const optional = next > close + 1 && optionalQuantifier(seq, close + 1);
      const repeated = next > close + 1 && !optional;
      const joined: Opening[] = [];
      for (const o of openings) {
        if (!o.open) {
          joined.push(o);
          continue;
        }
        // An optional group: a match goes on with the group or with what follows it.
        if (optional) joined.push(o);
        for (const i of inner) joined.push({ text: o.text + i.text, open: i.open && !repeated });
      }
      if (joined.length > MAX_OPENINGS) return stop();
      openings = joined;
      at = next;
      continue;
    }
    if (ch === '\\' && seq[at + 1] === 'd') {
      // A digit: each of the ten goes on the openings (the class is small and common in counts: "\d+ militaires").
      const next = quantifierEnd(seq, at + 2);
      const repeated = next > at + 2;
      if (repeated && optionalQuantifier(seq, at + 2)) return stop();
      const expanded: Opening[] = [];
      for (const o of openings) {
        if (!o.open) expanded.push(o);
        else for (const digit of DIGITS) expanded.push({ text: o.text + digit, open: !repeated });
      }
      if (expanded.length > MAX_OPENINGS) return stop();
      openings = expanded;
      if (repeated) return openings;
      at += 2;
      continue;
    }
    if (SPECIAL_CHARS.has(ch)) return stop();
    const next = quantifierEnd(seq, at + 1);
    if (next > at + 1) {
      // A letter that may be left out ends the literal reading before it; one repeated at least once, after it.
      if (optionalQuantifier(seq, at + 1)) return stop();
      openings = openings.map((o) => (o.open ? { text: o.text + ch, open: false } : o));
      return openings;
    }
    openings = openings.map((o) => (o.open ? { text: o.text + ch, open: true } : o));
    at++;
  }
  return openings;
}

