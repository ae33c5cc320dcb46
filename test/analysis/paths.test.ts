/** Contract: Yen's k shortest paths on the undirected projection, and the evidence (relation, direction, quote, doc, date) of each hop. */
import { explainHop, findPaths, kShortestPaths, pickClaim, toSimpleGraph } from '../../src/analysis';
import type { Claim } from '../../src/ontology';
import { makeGraph, pathGraph } from './fixtures';

/**
 * S — A — T, S — B — C — T, A — B: the loopless S→T paths are, by length,
 * S-A-T (2), S-B-A-T (3), S-B-C-T (3), S-A-B-C-T (4).
 */
const yenGraph = makeGraph(
  [
    ['s', 'S', 'Country'],
    ['a', 'A', 'Country'],
    ['b', 'B', 'Country'],
    ['c', 'C', 'Place'],
    ['t', 'T', 'Country'],
  ],
  [
    ['s', 'SUPPORTS', 'a'],
    ['a', 'SUPPORTS', 't'],
    ['s', 'SUPPORTS', 'b'],
    ['b', 'DEPLOYED_TROOPS_TO', 'c'],
    ['c', 'LOCATED_IN', 't'],
    ['a', 'SUPPORTS', 'b'],
  ],
);

describe('kShortestPaths (Yen)', () => {
  const simple = toSimpleGraph(yenGraph);

  it('returns the shortest path first', () => {
    expect(kShortestPaths(simple, 's', 't', { k: 1, maxHops: 10 })).toEqual([['s', 'a', 't']]);
  });

  it('enumerates every loopless path in order of length, and no more', () => {
    const paths = kShortestPaths(simple, 's', 't', { k: 10, maxHops: 10 });
    expect(paths.map((p) => p.join(''))).toEqual(['sat', 'sbat', 'sbct', 'sabct']);
  });

  it('stops at maxHops', () => {
    expect(kShortestPaths(simple, 's', 't', { k: 10, maxHops: 3 }).map((p) => p.length - 1)).toEqual([2, 3, 3]);
    expect(kShortestPaths(simple, 's', 't', { k: 10, maxHops: 1 })).toEqual([]);
  });

  it('skips nodes the filter refuses (ends excepted)', () => {
    const paths = kShortestPaths(simple, 's', 't', { k: 10, maxHops: 10, allowNode: (node) => node !== 'a' });
    expect(paths).toEqual([['s', 'b', 'c', 't']]);
  });

  it('finds the single path of a path graph, and nothing between components', () => {
    expect(kShortestPaths(toSimpleGraph(pathGraph(6)), 'n0', 'n5', { k: 3, maxHops: 10 })).toEqual([['n0', 'n1', 'n2', 'n3', 'n4', 'n5']]);
    const split = makeGraph([['x', 'X', 'Country'], ['y', 'Y', 'Country']], []);
    expect(kShortestPaths(toSimpleGraph(split), 'x', 'y', { k: 1, maxHops: 5 })).toEqual([]);
  });
});

describe('findPaths', () => {
  it('resolves names, returns K paths with one explained hop per step', () => {
    const paths = findPaths(yenGraph, 's', 't', { k: 3 });
    expect(paths.map((p) => p.length)).toEqual([2, 3, 3]);
    for (const path of paths) {
      expect(path.hops).toHaveLength(path.length);
      path.hops.forEach((hop, i) => {
        expect(hop.fromKey).toBe(path.nodes[i]);
        expect(hop.toKey).toBe(path.nodes[i + 1]);
        expect(hop.quote).not.toBe('');
      });
    }
  });

  it('restricts intermediate entities to --via-type', () => {
    expect(findPaths(yenGraph, 'S', 'T', { k: 5, viaTypes: ['Place'] }).map((p) => p.nodes.join(''))).toEqual([]);
    expect(findPaths(yenGraph, 'S', 'T', { k: 5, viaTypes: ['country', 'place'] })).toHaveLength(4);
  });

  it('refuses bad counts, unknown types and twice the same entity', () => {
    expect(() => findPaths(yenGraph, 's', 't', { k: 0 })).toThrow(/newsgraph paths: k must be an integer ≥ 1/);
    expect(() => findPaths(yenGraph, 's', 't', { viaTypes: ['Navire'] })).toThrow(/unknown type "Navire"/);
    expect(() => findPaths(yenGraph, 's', 'S')).toThrow(/same entity/);
  });
});

describe('explainHop', () => {
  const graph = makeGraph(
    [
      ['kp', 'Corée du Nord', 'Country'],
      ['ru', 'Russie', 'Country'],
      ['p1', 'Premier', 'Person'],
      ['p2', 'Second', 'Person'],
    ],
    [
      ['kp', 'DEPLOYED_TROOPS_TO', 'ru', [{ quote: 'Pyongyang aurait envoyé des soldats.', status: 'reported' }, { quote: 'Des soldats nord-coréens sont arrivés en Russie.', status: 'asserted', date: '2024-10', doc: 't2', sentence: 4 }]],
      ['ru', 'SUPPORTS', 'kp', 1],
      ['p1', 'MET_WITH', 'p2', [{ quote: 'Les deux hommes se sont rencontrés.', status: 'asserted' }]],
    ],
    [
      { id: 't1', title: 'Premier article', date: '2024-06-19', file: 't1.txt', sentences: 9, hash: 'a' },
      { id: 't2', title: 'Second article', date: '2024-11-02', file: 't2.txt', sentences: 9, hash: 'b' },
    ],
  );

  it('crossing a relation along its direction: forward, the surest claim, its own date', () => {
    const hop = explainHop(graph, 'kp', 'ru');
    expect(hop).toMatchObject({ from: 'Corée du Nord', relation: 'DEPLOYED_TROOPS_TO', to: 'Russie', direction: 'forward', claims: 2, otherRelations: ['SUPPORTS'] });
    expect(hop).toMatchObject({ quote: 'Des soldats nord-coréens sont arrivés en Russie.', doc: 't2', date: '2024-10', title: 'Second article', status: 'asserted' });
  });

  it('crossing it the other way: backward, same relation', () => {
    expect(explainHop(graph, 'ru', 'kp')).toMatchObject({ from: 'Russie', to: 'Corée du Nord', relation: 'DEPLOYED_TROOPS_TO', direction: 'backward' });
  });

  it('a claim without a date takes its article date; symmetric relations are undirected', () => {
    const hop = explainHop(graph, 'p2', 'p1');
    expect(hop).toMatchObject({ relation: 'MET_WITH', direction: 'undirected', doc: 't1', date: '2024-06-19' });
  });

  it('pickClaim prefers asserted, then dated, then corpus order', () => {
    const claim = (fields: Partial<Claim>): Claim => ({ doc: 'd1', sentence: 0, quote: 'q', status: 'asserted', ...fields });
    expect(pickClaim([claim({ status: 'denied', sentence: 0 }), claim({ status: 'reported', sentence: 5 })])!.sentence).toBe(5);
    expect(pickClaim([claim({ sentence: 1 }), claim({ sentence: 2, date: '2024' })])!.sentence).toBe(2);
    expect(pickClaim([claim({ doc: 'd2' }), claim({ doc: 'd1', sentence: 3 })])!.doc).toBe('d1');
    expect(pickClaim([])).toBeUndefined();
  });
});
