/**
 * Word table: folded words (no spaces) with a value each, looked up by the
 * span of a text where a word stands, without cutting it out: the span's hash
 * (wordHash, computed while the word's end is looked for) picks a slot of a
 * small open-addressing table, and the stored word is compared in place. Most
 * words of an article are in no table and cost one read of a table small
 * enough to stay in the cache, where a trie walk reads a node per letter.
 */
import { wordHash } from './wordtrie';

export interface WordTable<T> {
  /** Word index + 1 at the slot of its hash (hash & mask, then the next ones), 0 for an empty slot. */
  slots: Int32Array;
  /** wordHash of each word, compared before the word itself. */
  hashes: Int32Array;
  words: string[];
  values: T[];
  mask: number;
}

/** The table of `entries` (word → value); a word given twice keeps its last value. */
export function buildWordTable<T>(entries: Iterable<[string, T]>): WordTable<T> {
  const byWord = new Map(entries);
  let size = 16;
  while (size < 2 * byWord.size) size *= 2;
  const slots = new Int32Array(size);
  const hashes = new Int32Array(byWord.size);
  const words: string[] = [];
  const values: T[] = [];
  const mask = size - 1;
  for (const [word, value] of byWord) {
    const hash = wordHash(word, 0, word.length);
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    hashes[words.length] = hash;
    slots[slot] = words.length + 1;
    words.push(word);
    values.push(value);
  }
  return { slots, hashes, words, values, mask };
}

/** The value of the word that is exactly [start, end) of `text`, whose wordHash is `hash`, or undefined. */
export function valueAtHashed<T>(table: WordTable<T>, text: string, start: number, end: number, hash: number): T | undefined {
  const { slots, hashes, words, mask } = table;
  for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
    const index = slots[slot] - 1;
    if (hashes[index] !== hash) continue;
    const word = words[index];
    if (word.length === end - start && text.startsWith(word, start)) return table.values[index];
  }
  return undefined;
}

/** The value of the word that is exactly [start, end) of `text`, or undefined. */
export function valueAt<T>(table: WordTable<T>, text: string, start: number, end: number): T | undefined {
  return valueAtHashed(table, text, start, end, wordHash(text, start, end));
}
