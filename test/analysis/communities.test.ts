/** Contract: seeded Louvain finds the two cliques of a barbell-like graph, deterministically, and assign writes `community`. */
import { communities, COMMUNITY_ATTRIBUTE } from '../../src/analysis';
import { makeGraph, twoCliques } from './fixtures';

describe('communities', () => {
  it('splits two cliques joined by a bridge into two communities with positive modularity', () => {
    const result = communities(twoCliques());
    expect(result.communities).toHaveLength(2);
    const groups = result.communities.map((c) => c.members.map((m) => m.key).sort());
    expect(groups).toEqual(expect.arrayContaining([['a0', 'a1', 'a2', 'a3'], ['b0', 'b1', 'b2', 'b3']]));
    expect(result.modularity).toBeGreaterThan(0.3);
  });

  it('orders members by centrality: the bridge ends first', () => {
    const result = communities(twoCliques());
    for (const community of result.communities) expect(['a0', 'b0']).toContain(community.members[0].key);
    expect(result.communities[0].members[0]).toMatchObject({ degree: 4, claims: 3 * 2 + 1 });
  });

  it('is deterministic for a seed', () => {
    const graph = twoCliques();
    expect(communities(graph, { seed: 7 })).toEqual(communities(graph, { seed: 7 }));
    expect(communities(graph, { seed: 'abc' }).assignment).toEqual(communities(graph, { seed: 'abc' }).assignment);
  });

  it('numbers communities by size, largest first', () => {
    const graph = makeGraph(
      [
        ['a', 'A', 'Country'],
        ['b', 'B', 'Country'],
        ['c', 'C', 'Country'],
        ['x', 'X', 'Person'],
        ['y', 'Y', 'Person'],
      ],
      [
        ['a', 'ALLIED_WITH', 'b', 3],
        ['b', 'ALLIED_WITH', 'c', 3],
        ['a', 'ALLIED_WITH', 'c', 3],
        ['x', 'MET_WITH', 'y', 3],
      ],
    );
    const result = communities(graph);
    expect(result.communities.map((c) => c.size)).toEqual([3, 2]);
    expect(result.communities.map((c) => c.id)).toEqual([0, 1]);
    expect(result.assignment.x).toBe(1);
  });

  it('handles the empty cases: no nodes, no edges', () => {
    expect(communities(makeGraph([], []))).toMatchObject({ modularity: 0, communities: [] });
    const lonely = communities(makeGraph([['a', 'A', 'Place'], ['b', 'B', 'Place']], []));
    expect(lonely.communities).toHaveLength(2);
    expect(lonely.modularity).toBe(0);
  });

  it('assign writes the community number on every node', () => {
    const graph = twoCliques();
    const result = communities.assign(graph, { seed: 3 });
    graph.forEachNode((node, attributes) => expect(attributes[COMMUNITY_ATTRIBUTE]).toBe(result.assignment[node]));
    expect(graph.getNodeAttribute('a1', COMMUNITY_ATTRIBUTE)).toBe(graph.getNodeAttribute('a2', COMMUNITY_ATTRIBUTE));
    expect(graph.getNodeAttribute('a1', COMMUNITY_ATTRIBUTE)).not.toBe(graph.getNodeAttribute('b1', COMMUNITY_ATTRIBUTE));
  });

  it('refuses a non-positive resolution', () => {
    expect(() => communities(twoCliques(), { resolution: 0 })).toThrow(/newsgraph communities: resolution must be a positive number/);
  });
});
