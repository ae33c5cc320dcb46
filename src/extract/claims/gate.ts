/**
 * Literal gate: which of a set of lexicon RegExps can match a sentence at all,
 * told by one pass over the sentence instead of one scan per RegExp.
 *
 * A gated RegExp opens every top-level alternative with a word guard (a
 * lookbehind refusing a letter or digit before, or `\b` before a word
 * character), then with literal text (openings.ts). A match therefore starts
 * where no letter or digit stands before, and the text holds one of its
 * openings there. Following a trie of all openings from each such position
 * marks the RegExps that may match; an unmarked one has no match in the
 * sentence, nor in any slice of it that starts at its beginning. A RegExp
 * whose shape is not read this way is never gated (always marked).
 */
import { alternatives, patternOpenings } from './openings';

/** Guards a gated alternative may open with: each refuses a letter or a digit right before the match. */
const LOOKBEHIND_GUARDS = ['(?<![a-z0-9œæ])', '(?<![a-z0-9])', '(?<![a-z0-9œæ-])', '(?<![\\d.,\'a-z])'];
/** `\b`, which refuses a word character before only when the match opens with one. */
const WORD_BOUNDARY = '\\b';
/** Characters JavaScript's \w holds, as folded text has them. */
const WORD_OPENING_RE = /^[a-z0-9_]/;

/** The openings of a RegExp every match starts with, after its guard; undefined when it cannot be gated. */
function gatedOpenings(re: RegExp): string[] | undefined {
  if (/[iuvy]/.test(re.flags)) return undefined;
  const alts = alternatives(re.source);
  if (!alts) return undefined;
  const out: string[] = [];
  for (const alt of alts) {
    const guard = LOOKBEHIND_GUARDS.find((g) => alt.startsWith(g)) ?? (alt.startsWith(WORD_BOUNDARY) ? WORD_BOUNDARY : undefined);
    if (guard === undefined) return undefined;
    const openings = patternOpenings(alt.slice(guard.length), true);
    if (!openings) return undefined;
    for (const o of openings) {
      if (o.text === '' || (guard === WORD_BOUNDARY && !WORD_OPENING_RE.test(o.text))) return undefined;
      if (!out.includes(o.text)) out.push(o.text);
    }
  }
  return out;
}

/** A set of RegExps with the trie of their openings. */
export interface LiteralGate {
  res: readonly RegExp[];
  /** Position in `res` of each RegExp. */
  indexOf: Map<RegExp, number>;
  /** RegExps (by position) that cannot be gated: always marked. */
  always: number[];
  /** Trie over character codes: child by node and code. Node 0 is the root. */
  next: Array<Map<number, number>>;
  /** RegExps (by position) an opening of which ends at each node. */
  endsAt: Array<number[] | undefined>;
}

/** Builds the gate of `res` (their openings read once). */
export function literalGate(res: readonly RegExp[]): LiteralGate {
  const gate: LiteralGate = { res, indexOf: new Map(), always: [], next: [new Map()], endsAt: [undefined] };
  res.forEach((re, index) => {
    gate.indexOf.set(re, index);
    const openings = gatedOpenings(re);
    if (!openings) {
      gate.always.push(index);
      return;
    }
    for (const opening of openings) {
      let node = 0;
      for (let i = 0; i < opening.length; i++) {
        const code = opening.charCodeAt(i);
        let child = gate.next[node].get(code);
        if (child === undefined) {
          child = gate.next.length;
          gate.next.push(new Map());
          gate.endsAt.push(undefined);
          gate.next[node].set(code, child);
        }
        node = child;
      }
      const list = (gate.endsAt[node] ??= []);
      if (!list.includes(index)) list.push(index);
    }
  });
  return gate;
}

/** True for a letter or digit of folded text ([a-z0-9]): no gated match starts right after one. */
function isLetterOrDigit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** The RegExps of the gate that may match `text` (by position): one pass over the text. */
export function openRes(gate: LiteralGate, text: string): Uint8Array {
  const open = new Uint8Array(gate.res.length);
  for (const index of gate.always) open[index] = 1;
  const root = gate.next[0];
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && isLetterOrDigit(text.charCodeAt(i - 1))) continue;
    let node = root.get(text.charCodeAt(i));
    for (let j = i + 1; node !== undefined; j++) {
      const ending = gate.endsAt[node];
      if (ending) for (const index of ending) open[index] = 1;
      if (j >= text.length) break;
      node = gate.next[node].get(text.charCodeAt(j));
    }
  }
  return open;
}

/** The last text read through each gate, and what it opened (a sentence asks about several RegExps in a row). */
const lastRead = new WeakMap<LiteralGate, { text: string; open: Uint8Array }>();

/**
 * False when `re` (one of the gate's) has no match in `text`, nor in any slice of `text` starting at 0; true when it
 * may have one. A RegExp outside the gate is always answered true.
 */
export function mayMatch(gate: LiteralGate, re: RegExp, text: string): boolean {
  const index = gate.indexOf.get(re);
  if (index === undefined) return true;
  let read = lastRead.get(gate);
  if (!read || read.text !== text) {
    read = { text, open: openRes(gate, text) };
    lastRead.set(gate, read);
  }
  return read.open[index] === 1;
}
