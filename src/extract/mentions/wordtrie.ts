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
 * children each, the deeper nodes (one or two children on average) a short
 * sorted list.
 */

/** Built once per key set: the trie in flat arrays, node 0 being the root. */
export interface WordTrie<T> {
  /** Number of distinct keys. */
  size: number;
  /** Index of each UTF-16 unit in the keys' alphabet, from 1; 0 for a unit no key holds. */
  letterOf: Uint16Array;
  /** Row width of `dense`: the alphabet size plus one. */
  width: number;
  /** Dense child rows, by letter: row 0 is the root's, row r the r-th child of the root's. 0 = no child. */
  dense: Int32Array;
  /** Row of each node in `dense`, -1 for the nodes below the root's children. */
  denseRow: Int32Array;
  /** Children of node n are childLetter/childNode[childStart[n] .. childStart[n + 1]), sorted by letter. */
  childStart: Int32Array;
  childLetter: Uint16Array;
  childNode: Int32Array;
  /** Index into keys/values of the key ending at each node, -1 when none. */
  terminal: Int32Array;
  keys: string[];
  values: T[];
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
  id: number;
}

/** Builds the trie of `entries` (key → value). Keys are folded: single spaces between words, none at the ends; others are refused. */
export function buildWordTrie<T>(entries: Iterable<[string, T]>): WordTrie<T> {
  const letterOf = new Uint16Array(UNITS);
  let letters = 0;
  const root: BuildNode = { children: new Map(), terminal: -1, id: 0 };
  let nodeCount = 1;
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
        child = { children: new Map(), terminal: -1, id: nodeCount++ };
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
  // Nodes renumbered depth first, children by letter: a chain of single children (most of the trie) is read in sequence.
  const order: BuildNode[] = [];
  const stack: BuildNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.id = order.length;
    order.push(node);
    const children = [...node.children.entries()].sort((x, y) => y[0] - x[0]);
    for (const [, child] of children) stack.push(child);
  }
  const width = letters + 1;
  const denseNodes = [root, ...[...root.children.entries()].sort((x, y) => x[0] - y[0]).map(([, child]) => child)];
  const dense = new Int32Array(denseNodes.length * width);
  const denseRow = new Int32Array(order.length).fill(-1);
  denseNodes.forEach((node, row) => {
    denseRow[node.id] = row;
    for (const [letter, child] of node.children) dense[row * width + letter] = child.id;
  });
  const childStart = new Int32Array(order.length + 1);
  let edges = 0;
  for (const node of order) if (denseRow[node.id] < 0) edges += node.children.size;
  const childLetter = new Uint16Array(edges);
  const childNode = new Int32Array(edges);
  const terminal = new Int32Array(order.length);
  let e = 0;
  for (const node of order) {
    childStart[node.id] = e;
    terminal[node.id] = node.terminal;
    if (denseRow[node.id] >= 0) continue;
    for (const letter of [...node.children.keys()].sort((x, y) => x - y)) {
      childLetter[e] = letter;
      childNode[e] = node.children.get(letter)!.id;
      e++;
    }
  }
  childStart[order.length] = e;
  return { size: keys.length, letterOf, width, dense, denseRow, childStart, childLetter, childNode, terminal, keys, values };
}

/** The child of `node` on `letter` (an alphabet index), or 0. */
function childOf(trie: WordTrie<unknown>, node: number, letter: number): number {
  const row = trie.denseRow[node];
  if (row >= 0) return trie.dense[row * trie.width + letter];
  let lo = trie.childStart[node];
  let hi = trie.childStart[node + 1];
  const letters = trie.childLetter;
  if (hi - lo <= LINEAR_CHILDREN) {
    for (; lo < hi; lo++) if (letters[lo] === letter) return trie.childNode[lo];
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const l = letters[mid];
    if (l === letter) return trie.childNode[mid];
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
    const key = trie.terminal[node];
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
  const end = folded.indexOf(' ', start);
  return end < 0 ? folded.length : end;
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
