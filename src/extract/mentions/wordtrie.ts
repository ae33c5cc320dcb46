/**
 * Word trie: keys of space-separated words (folded names, see fold.ts), found
 * in a folded text from a word start to a word end, their words one space
 * apart — the matches an Aho–Corasick automaton over " key" gives when only
 * those ending before a space or at the end of the text are kept.
 *
 * The trie is walked one UTF-16 unit at a time over flat typed arrays (the
 * single space between two words of a key is a unit like any other), so a
 * scan neither cuts the text into word strings nor hashes them: cutting and
 * hashing every word held about 10 % of the extraction time. Units are first
 * mapped to their index in the keys' alphabet (a few dozen folded letters,
 * digits and the space), so a unit no key holds ends the walk at once; the
 * root and its children, where nearly every walk goes, have a dense row of
 * children each. Every node is one record of a single array, numbered depth
 * first, its children's letters and offsets inside the record: a walk down a
 * name reads a few neighbouring cache lines, which matters because the other
 * passes over an article have pushed the trie out of the cache by the time
 * the next article is scanned.
 */

/** Built once per key set: the trie in flat arrays. */
export interface WordTrie<T> {
  /** Number of distinct keys. */
  size: number;
  /** Index of each UTF-16 unit in the keys' alphabet, from 1; 0 for a unit no key holds. */
  letterOf: Uint16Array;
  /** Row width of `dense`: the alphabet size plus one. */
  width: number;
  /** Dense child rows, by letter: row 0 is the root's, row r the r-th child of the root's. 0 = no child. */
  dense: Int32Array;
  /**
   * The nodes, depth first, the root at offset 0. A node at offset o is [key index or -1, n, then n pairs of a
   * letter and a child's offset, sorted by letter]; a node with a dense row has n = -(row + 1) and no pairs.
   */
  nodes: Int32Array;
  keys: string[];
  values: T[];
  /**
   * Hashes (wordHash) of the first words of the keys, in an open-addressing table (hash + 1 per slot, 0 empty): a
   * word start whose word is none of them begins no key, and is passed over without walking the trie.
   */
  firstWords: Int32Array;
}

/** A key found in a text: [start, end) in the text, the key and its value. */
export interface WordHit<T> {
  start: number;
  end: number;
  key: string;
  value: T;
}

const SPACE = 0x20;
const UNITS = 0x10000;
/** Above this many children a node's children are searched by halves, below it in order. */
const LINEAR_CHILDREN = 8;

interface BuildNode {
  children: Map<number, BuildNode>;
  terminal: number;
  /** Offset of the node's record, once laid out. */
  id: number;
}

/** Builds the trie of `entries` (key → value). Keys are folded: single spaces between words, none at the ends; others are refused. */
export function buildWordTrie<T>(entries: Iterable<[string, T]>): WordTrie<T> {
  const letterOf = new Uint16Array(UNITS);
  let letters = 0;
  const root: BuildNode = { children: new Map(), terminal: -1, id: 0 };
  const keys: string[] = [];
  const values: T[] = [];
  const indexOfKey = new Map<string, number>();
  for (const [key, value] of entries) {
    if (key.split(' ').some((w) => w.length === 0)) throw new Error(`buildWordTrie: key "${key}" has an empty word (leading, trailing or double space)`);
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      if (letterOf[unit] === 0) letterOf[unit] = ++letters;
      const letter = letterOf[unit];
      let child = node.children.get(letter);
      if (!child) {
        child = { children: new Map(), terminal: -1, id: 0 };
        node.children.set(letter, child);
      }
      node = child;
    }
    // A key given twice keeps its last value, as a map would.
    let at = indexOfKey.get(key);
    if (at === undefined) {
      at = keys.length;
      indexOfKey.set(key, at);
      keys.push(key);
      values.push(value);
    } else {
      values[at] = value;
    }
    node.terminal = at;
  }
  // Records laid out depth first, children by letter: a chain of single children (most of the trie) is read in sequence.
  const order: BuildNode[] = [];
  const stack: BuildNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    const children = [...node.children.entries()].sort((x, y) => y[0] - x[0]);
    for (const [, child] of children) stack.push(child);
  }
  const denseNodes = [root, ...[...root.children.entries()].sort((x, y) => x[0] - y[0]).map(([, child]) => child)];
  const denseRowOf = new Map(denseNodes.map((node, row) => [node, row]));
  let size = 0;
  for (const node of order) {
    node.id = size;
    size += 2 + (denseRowOf.has(node) ? 0 : 2 * node.children.size);
  }
  const width = letters + 1;
  const dense = new Int32Array(denseNodes.length * width);
  denseNodes.forEach((node, row) => {
    for (const [letter, child] of node.children) dense[row * width + letter] = child.id;
  });
  const nodes = new Int32Array(size);
  for (const node of order) {
    const o = node.id;
    nodes[o] = node.terminal;
    const row = denseRowOf.get(node);
    if (row !== undefined) {
      nodes[o + 1] = -(row + 1);
      continue;
    }
    nodes[o + 1] = node.children.size;
    let e = o + 2;
    for (const letter of [...node.children.keys()].sort((x, y) => x - y)) {
      nodes[e++] = letter;
      nodes[e++] = node.children.get(letter)!.id;
    }
  }
  return { size: keys.length, letterOf, width, dense, nodes, keys, values, firstWords: firstWordTable(keys) };
}

/** One step of wordHash: the hash of a word followed by one more unit. */
export function wordHashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) & 0x3fffffff;
}

/** Hash of the units [start, end) of a string, kept to 30 bits (a small integer). */
export function wordHash(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = wordHashStep(hash, text.charCodeAt(i));
  return hash;
}

function firstWordTable(keys: readonly string[]): Int32Array {
  const hashes = new Set(keys.map((key) => wordHash(key, 0, key.indexOf(' ') < 0 ? key.length : key.indexOf(' '))));
  let size = 16;
  while (size < 2 * hashes.size) size *= 2;
  const table = new Int32Array(size);
  for (const hash of hashes) {
    let slot = hash & (size - 1);
    while (table[slot] !== 0) slot = (slot + 1) & (size - 1);
    table[slot] = hash + 1;
  }
  return table;
}

/** False when the word [start, end) of `folded` is the first word of no key of the trie (it may be, when true). */
export function mayBeginKey(trie: WordTrie<unknown>, folded: string, start: number, end: number): boolean {
  return mayBeginKeyHashed(trie, wordHash(folded, start, end));
}

/** mayBeginKey for a word whose wordHash is known. */
export function mayBeginKeyHashed(trie: WordTrie<unknown>, hash: number): boolean {
  const table = trie.firstWords;
  const mask = table.length - 1;
  for (let slot = hash & mask; table[slot] !== 0; slot = (slot + 1) & mask) if (table[slot] === hash + 1) return true;
  return false;
}

/** The offset of the child of the node at offset `node` on `letter` (an alphabet index), or 0 (the root's offset: never a child). */
function childOf(trie: WordTrie<unknown>, node: number, letter: number): number {
  const nodes = trie.nodes;
  const count = nodes[node + 1];
  if (count < 0) return trie.dense[(-count - 1) * trie.width + letter];
  let lo = 0;
  let hi = count;
  if (count <= LINEAR_CHILDREN) {
    for (let e = node + 2; lo < hi; lo++, e += 2) if (nodes[e] === letter) return nodes[e + 1];
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const l = nodes[node + 2 + 2 * mid];
    if (l === letter) return nodes[node + 3 + 2 * mid];
    if (l < letter) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/**
 * The keys of the trie that begin at `start` (a word start of `folded`) and
 * end at a word end, shortest first: their ends go to `ends` and their key
 * indices to `found`, from 0; returns how many.
 */
export function keysAt(trie: WordTrie<unknown>, folded: string, start: number, ends: number[], found: number[]): number {
  const n = folded.length;
  const letterOf = trie.letterOf;
  let count = 0;
  let letter = letterOf[folded.charCodeAt(start)];
  let node = letter === 0 ? 0 : trie.dense[letter];
  let i = start + 1;
  while (node !== 0) {
    const key = trie.nodes[node];
    if (key >= 0 && (i === n || folded.charCodeAt(i) === SPACE)) {
      ends[count] = i;
      found[count] = key;
      count++;
    }
    if (i === n) break;
    letter = letterOf[folded.charCodeAt(i)];
    if (letter === 0) break;
    node = childOf(trie, node, letter);
    i++;
  }
  return count;
}

/** Offset of the word start at or after `from` in `folded` (words are runs of non-spaces), or the length. */
export function nextWordStart(folded: string, from: number): number {
  let i = from;
  while (i < folded.length && folded.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Offset just past the word that begins at `start`. */
export function wordEnd(folded: string, start: number): number {
  // Words are short: a loop over their units costs less than a call to indexOf.
  let end = start;
  while (end < folded.length && folded.charCodeAt(end) !== SPACE) end++;
  return end;
}

/** Every key of the trie in `folded` (words are runs of non-spaces), by start then end. Overlapping hits are all given. */
export function findWords<T>(trie: WordTrie<T>, folded: string): WordHit<T>[] {
  const hits: WordHit<T>[] = [];
  if (trie.size === 0) return hits;
  const ends: number[] = [];
  const found: number[] = [];
  for (let start = nextWordStart(folded, 0); start < folded.length; start = nextWordStart(folded, wordEnd(folded, start))) {
    const count = keysAt(trie, folded, start, ends, found);
    for (let k = 0; k < count; k++) hits.push({ start, end: ends[k], key: trie.keys[found[k]], value: trie.values[found[k]] });
  }
  return hits;
}
