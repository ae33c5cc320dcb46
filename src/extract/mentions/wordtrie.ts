/**
 * Word trie: keys of space-separated words (folded names, see fold.ts), found
 * in a folded text from a word start to a word end, their words one space
 * apart — the matches an Aho–Corasick automaton over " key" gives when only
 * those ending before a space or at the end of the text are kept.
 *
 * The trie is walked one UTF-16 unit at a time over flat typed arrays (the
 * single space between two words of a key is a unit like any other), so a
 * scan neither cuts the text into word strings nor hashes them: cutting and
 * hashing every word held about 10 % of the extraction time. The root's
 * children are a table indexed by code unit; every other node's children are
 * sorted by unit and searched.
 */

/** Built once per key set: the trie in flat arrays, node 0 being the root. */
export interface WordTrie<T> {
  /** Number of distinct keys. */
  size: number;
  /** Child of the root for each UTF-16 unit, 0 when none. */
  rootChild: Int32Array;
  /** Children of node n are childUnit/childNode[childStart[n] .. childStart[n + 1]), sorted by unit. */
  childStart: Int32Array;
  childUnit: Uint16Array;
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
  const root: BuildNode = { children: new Map(), terminal: -1, id: 0 };
  const nodes: BuildNode[] = [root];
  const keys: string[] = [];
  const values: T[] = [];
  const indexOfKey = new Map<string, number>();
  for (const [key, value] of entries) {
    if (key.split(' ').some((w) => w.length === 0)) throw new Error(`buildWordTrie: key "${key}" has an empty word (leading, trailing or double space)`);
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      let child = node.children.get(unit);
      if (!child) {
        child = { children: new Map(), terminal: -1, id: nodes.length };
        nodes.push(child);
        node.children.set(unit, child);
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
  const rootChild = new Int32Array(UNITS);
  for (const [unit, child] of root.children) rootChild[unit] = child.id;
  const childStart = new Int32Array(nodes.length + 1);
  let edges = 0;
  for (const node of nodes) if (node !== root) edges += node.children.size;
  const childUnit = new Uint16Array(edges);
  const childNode = new Int32Array(edges);
  const terminal = new Int32Array(nodes.length);
  let e = 0;
  for (const node of nodes) {
    childStart[node.id] = e;
    terminal[node.id] = node.terminal;
    if (node === root) continue;
    for (const unit of [...node.children.keys()].sort((a, b) => a - b)) {
      childUnit[e] = unit;
      childNode[e] = node.children.get(unit)!.id;
      e++;
    }
  }
  childStart[nodes.length] = e;
  return { size: keys.length, rootChild, childStart, childUnit, childNode, terminal, keys, values };
}

/** The child of `node` (not the root) on `unit`, or 0. */
function childOf(trie: WordTrie<unknown>, node: number, unit: number): number {
  let lo = trie.childStart[node];
  let hi = trie.childStart[node + 1];
  const units = trie.childUnit;
  if (hi - lo <= LINEAR_CHILDREN) {
    for (; lo < hi; lo++) if (units[lo] === unit) return trie.childNode[lo];
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const u = units[mid];
    if (u === unit) return trie.childNode[mid];
    if (u < unit) lo = mid + 1;
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
  let count = 0;
  let node = trie.rootChild[folded.charCodeAt(start)];
  let i = start + 1;
  while (node !== 0) {
    const key = trie.terminal[node];
    if (key >= 0 && (i === n || folded.charCodeAt(i) === SPACE)) {
      ends[count] = i;
      found[count] = key;
      count++;
    }
    if (i === n) break;
    node = childOf(trie, node, folded.charCodeAt(i));
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
