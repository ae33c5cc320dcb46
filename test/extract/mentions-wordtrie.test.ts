/**
 * The word trie finds exactly what an Aho–Corasick automaton over " key"
 * finds once the matches not ending before a space or at the end are dropped
 * (the scan the gazetteer matcher did before): same spans, same keys.
 */
import { AhoCorasick } from '@monyone/aho-corasick/fast';
import fc from 'fast-check';
import { buildWordTable, valueAt } from '../../src/extract/mentions/wordtable';
import { buildWordTrie, findWords, mayBeginKey } from '../../src/extract/mentions/wordtrie';

function reference(keys: readonly string[], folded: string): Array<[number, number, string]> {
  const automaton = new AhoCorasick(keys.map((k) => ` ${k}`));
  const out: Array<[number, number, string]> = [];
  for (const hit of automaton.matchInText(` ${folded}`)) {
    const end = hit.end - 1;
    if (end < folded.length && folded[end] !== ' ') continue;
    out.push([hit.begin, end, hit.keyword.slice(1)]);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function viaTrie(keys: readonly string[], folded: string): Array<[number, number, string]> {
  const trie = buildWordTrie(keys.map((k) => [k, k.length] as [string, number]));
  return findWords(trie, folded)
    .map((h): [number, number, string] => {
      expect(h.value).toBe(h.key.length);
      return [h.start, h.end, h.key];
    })
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('findWords', () => {
  test('finds nested and overlapping keys at word bounds only', () => {
    const keys = ['coree', 'coree du nord', 'nord', 'du nord', 'kim jong un', 'jong'];
    const text = 'la coree du nord  et kim jong un, kimjong coreen nord';
    expect(viaTrie(keys, text)).toEqual([
      [3, 8, 'coree'],
      [3, 16, 'coree du nord'],
      [9, 16, 'du nord'],
      [12, 16, 'nord'],
      [25, 29, 'jong'],
      [49, 53, 'nord'],
    ]);
    expect(viaTrie(keys, text.replace(',', ' '))).toContainEqual([21, 32, 'kim jong un']);
  });

  test('finds nothing with no keys or an empty text', () => {
    expect(viaTrie([], 'coree du nord')).toEqual([]);
    expect(viaTrie(['coree'], '')).toEqual([]);
  });

  test('refuses a key with an empty word', () => {
    expect(() => buildWordTrie([['coree  du nord', 1]])).toThrow(/buildWordTrie: key "coree  du nord"/);
  });

  test('agrees with the Aho–Corasick scan on random folded text', () => {
    const word = fc.constantFrom('a', 'b', 'ab', 'ba', 'abc', 'c', '1', 'ca');
    const key = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    const text = fc.array(fc.oneof(word, fc.constantFrom(' ', '  ', ' ')), { maxLength: 30 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 12 }), text, (keys, folded) => {
        expect(viaTrie(keys, folded)).toEqual(reference(keys, folded));
      }),
      { numRuns: 1000 },
    );
  });

  test('a word start where a key begins always passes the first-word filter; a word table finds the word spanning exactly the range', () => {
    const word = fc.constantFrom('a', 'b', 'ab', 'ba', 'abc', 'c', '1', 'ca', 'é');
    const key = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    const text = fc.array(fc.oneof(word, fc.constantFrom(' ', '  ')), { maxLength: 30 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 1, maxLength: 12 }), text, (keys, folded) => {
        const trie = buildWordTrie(keys.map((k) => [k, k] as [string, string]));
        for (const hit of findWords(trie, folded)) {
          const end = folded.indexOf(' ', hit.start);
          expect(mayBeginKey(trie, folded, hit.start, end < 0 ? folded.length : end)).toBe(true);
        }
        const table = buildWordTable(keys.map((k) => [k, k] as [string, string]));
        for (const k of keys) expect(valueAt(table, `x ${k} y`, 2, 2 + k.length)).toBe(k);
        for (const k of keys) if (k.length > 1) expect(valueAt(table, k, 0, k.length - 1)).toBe(keys.includes(k.slice(0, -1)) ? k.slice(0, -1) : undefined);
        expect(valueAt(table, 'zzz', 0, 3)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });
});
