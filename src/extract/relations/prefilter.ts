/**
 * Trigger prefilter: which frames of the lexicon can fire in a sentence at all,
 * and where.
 *
 * Every frame's trigger RegExp is a word-guarded alternation over folded text
 * (`alternation()` in claims/text.ts). A match starts where a word starts, and
 * there the text begins with the literal characters the alternative opens with
 * — read on across spaces, apostrophes and groups ("(?:a|ont) ete recu" opens
 * with "a ete rec" or "ont ete re"), since a lone "a" or "ont" opens half the
 * sentences of the press. Reading those openings from the patterns once, and
 * following a trie of them from each word start of a sentence, gives per frame
 * the positions where its trigger can match: the same matches as running every
 * RegExp over the whole sentence, at a fraction of the cost.
 *
 * The prefixes are a necessary condition only: a frame that passes still runs
 * its RegExp at those positions. A pattern whose opening cannot be read (a
 * class, an escape, an optional first letter) makes its frame always run.
 */
import { WORD_START } from '../claims';
import { leadingPrefixes } from '../claims/openings';

export { alternatives, leadingPrefixes, MAX_PREFIX_CHARS } from '../claims/openings';

/** Prefixes of a word-guarded trigger RegExp built by `alternation()`; undefined when its matches cannot be narrowed. */
export function triggerPrefixes(re: RegExp): string[] | undefined {
  if (!re.source.startsWith(WORD_START) || re.flags.includes('i')) return undefined;
  return leadingPrefixes(re.source.slice(WORD_START.length));
}

/** Frames indexed by the prefixes that can open their triggers. */
export interface TriggerIndex {
  /** Frames (by position in the lexicon) that may fire in any sentence. */
  always: number[];
  /**
   * Trie of the prefixes as a transition table: `next[node * symbols + symbolOf[code]]` is the child node (0: none;
   * node 0 is the root, never a child). Symbol 0 stands for every character no prefix holds.
   */
  next: Int32Array;
  /** Symbol of each UTF-16 code unit. */
  symbolOf: Uint8Array;
  symbols: number;
  /** Frames (by position) one of whose prefixes ends at each node. */
  framesAt: Array<number[] | undefined>;
  frameCount: number;
}

export function buildTriggerIndex(triggerRes: readonly RegExp[]): TriggerIndex {
  const always: number[] = [];
  const prefixesOf: Array<string[] | undefined> = triggerRes.map((re, index) => {
    const prefixes = triggerPrefixes(re);
    if (!prefixes) always.push(index);
    return prefixes;
  });
  // Symbols: 1 + the distinct characters of the prefixes (a prefix holds at most 255 distinct ones in practice;
  // past that the remaining characters share symbol 0 with the rest, and no prefix is indexed through them).
  const symbolOf = new Uint8Array(0x10000);
  let symbols = 1;
  for (const prefixes of prefixesOf) {
    for (const prefix of prefixes ?? []) {
      for (let i = 0; i < prefix.length; i++) {
        const code = prefix.charCodeAt(i);
        if (symbolOf[code] === 0 && symbols < 256) symbolOf[code] = symbols++;
      }
    }
  }
  const children: number[][] = [[]];
  const framesAt: Array<number[] | undefined> = [undefined];
  prefixesOf.forEach((prefixes, index) => {
    if (!prefixes) return;
    for (const prefix of prefixes) {
      let node = 0;
      for (let i = 0; i < prefix.length; i++) {
        const symbol = symbolOf[prefix.charCodeAt(i)];
        // A character without a symbol cannot be followed: the prefix up to it is still a necessary opening.
        if (symbol === 0) break;
        let child = children[node][symbol];
        if (child === undefined) {
          child = children.length;
          children.push([]);
          framesAt.push(undefined);
          children[node][symbol] = child;
        }
        node = child;
      }
      if (node === 0) {
        // No character of the prefix could be indexed: the frame can open anywhere.
        if (!always.includes(index)) always.push(index);
        continue;
      }
      const list = (framesAt[node] ??= []);
      if (!list.includes(index)) list.push(index);
    }
  });
  const next = new Int32Array(children.length * symbols);
  children.forEach((row, node) => row.forEach((child, symbol) => (next[node * symbols + symbol] = child)));
  always.sort((a, b) => a - b);
  return { always, next, symbolOf, symbols, framesAt, frameCount: triggerRes.length };
}

/** True when `code` is a word character (what WORD_START and WORD_END guard against). */
function isWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x153 || code === 0xe6;
}

/** The list of a frame that opens nowhere in a sentence (shared, never written to). */
const NO_STARTS: readonly number[] = Object.freeze([]);

/**
 * Per frame of the index, where in `folded` one of its triggers can start: the sorted word starts whose
 * opening is one of the frame's prefixes; undefined for a frame that can start anywhere (`always`).
 * The lists of frames that open nowhere are one shared empty list: read them, never write to them.
 */
export function triggerStarts(index: TriggerIndex, folded: string): Array<number[] | undefined> {
  const starts = new Array<number[] | undefined>(index.frameCount).fill(NO_STARTS as number[]);
  for (const f of index.always) starts[f] = undefined;
  const { next, symbolOf, symbols, framesAt } = index;
  const length = folded.length;
  let previousIsWord = false;
  for (let i = 0; i < length; i++) {
    const isWord = isWordCode(folded.charCodeAt(i));
    // A word starts at i: follow the trie along the text from there.
    if (isWord && !previousIsWord) {
      let node = 0;
      for (let j = i; j < length; j++) {
        const symbol = symbolOf[folded.charCodeAt(j)];
        if (symbol === 0) break;
        node = next[node * symbols + symbol];
        if (node === 0) break;
        const frames = framesAt[node];
        if (frames === undefined) continue;
        for (const f of frames) {
          const list = starts[f];
          if (list === undefined) continue;
          if (list === NO_STARTS) starts[f] = [i];
          else if (list[list.length - 1] !== i) list.push(i);
        }
      }
    }
    previousIsWord = isWord;
  }
  return starts;
}

/** Per frame of the index, whether a trigger can match somewhere in `folded`. */
export function possibleFrames(index: TriggerIndex, folded: string): boolean[] {
  return triggerStarts(index, folded).map((starts) => starts === undefined || starts.length > 0);
}
