/** Contract: the analysis's PageRank gives graphology-metrics' scores (same iteration, same convergence test), and exact betweenness runs on the compressed Brandes with graphology's scores. */
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank';
import { betweenness, centrality, createRng, toSimpleGraph } from '../../src/analysis';
import { EDGE_RECORDS_PER_CALL, graphRecords, pagerankScores } from '../../src/analysis/pagerank';
import { starGraph } from './fixtures';

/** A seeded random simple graph with a few dangling (no out-edge) nodes and weights. */
function randomGraph(type: 'directed' | 'undirected', n: number, m: number, seed: number): Graph {
  const rng = createRng(seed);
  const graph = new Graph({ type });
  for (let i = 0; i < n; i++) graph.addNode(`v${i}`);
  while (graph.size < m) {
    const a = `v${Math.floor(rng() * n)}`;
    const b = `v${Math.floor(rng() * (n - 3))}`; // the last three nodes never point anywhere
    if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { weight: 1 + Math.floor(rng() * 4) });
  }
  return graph;
}

const OPTIONS = { alpha: 0.85, maxIterations: 1000, tolerance: 1e-10 };

describe('pagerankScores', () => {
  test.each([
    ['directed', 'weight'],
    ['directed', null],
    ['undirected', 'weight'],
  ] as const)('%s graph, weights %s: the scores of graphology-metrics, bit for bit', (type, weight) => {
    const graph = randomGraph(type, 120, 500, 7);
    const ours = pagerankScores(graph, { ...OPTIONS, getEdgeWeight: weight });
    const theirs = graphologyPagerank(graph, { ...OPTIONS, getEdgeWeight: weight });
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    for (const node of graph.nodes()) expect(ours[node]).toBe(theirs[node]);
    expect(Object.values(ours).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  test.each(['directed', 'undirected', 'mixed'] as const)('%s graph: walking graphology records or its public iterators gives the same scores', (type) => {
    const graph = type === 'mixed' ? new Graph({ type: 'mixed' }) : randomGraph(type, 80, 300, 11);
    if (type === 'mixed') {
      const rng = createRng(3);
      for (let i = 0; i < 60; i++) graph.addNode(`m${i}`);
      while (graph.size < 200) {
        const a = `m${Math.floor(rng() * 60)}`;
        const b = `m${Math.floor(rng() * 57)}`;
        if (a === b || graph.hasEdge(a, b) || graph.hasEdge(b, a)) continue;
        if (rng() < 0.3) graph.addUndirectedEdge(a, b, { weight: 2 });
        else graph.addDirectedEdge(a, b, { weight: 1 });
      }
    }
    expect(graphRecords(graph)?.edges.size).toBe(graph.size); // the fast walk is the one taken
    const viaRecords = pagerankScores(graph, { ...OPTIONS, readGraphRecords: true });
    const viaIterators = pagerankScores(graph, { ...OPTIONS, readGraphRecords: false });
    expect(Object.keys(viaRecords)).toEqual(graph.nodes());
    for (const node of graph.nodes()) expect(viaRecords[node]).toBe(viaIterators[node]);
    if (type !== 'mixed') {
      const theirs = graphologyPagerank(graph, { ...OPTIONS, getEdgeWeight: 'weight' });
      for (const node of graph.nodes()) expect(viaIterators[node]).toBe(theirs[node]);
    }
  });

  test('a walk over several calls\' worth of edges, then again after the graph changed: graphology-metrics\' scores each time, and the graph exports as before', () => {
    const m = 2 * EDGE_RECORDS_PER_CALL + 123; // two full calls and a partial one
    const graph = randomGraph('directed', 900, m, 13);
    const before = JSON.stringify(graph.export());
    const first = pagerankScores(graph, OPTIONS);
    const expected = graphologyPagerank(graph, { ...OPTIONS, getEdgeWeight: 'weight' });
    for (const node of graph.nodes()) expect(first[node]).toBe(expected[node]);
    expect(JSON.stringify(graph.export())).toBe(before);
    // Positions change: nodes dropped at the front, others added at the end.
    graph.dropNode('v0');
    graph.dropNode('v1');
    for (let i = 0; i < 40; i++) graph.mergeEdge(`v${900 + i}`, `v${2 + i}`, { weight: 2 });
    const again = pagerankScores(graph, OPTIONS);
    const expectedAgain = graphologyPagerank(graph, { ...OPTIONS, getEdgeWeight: 'weight' });
    expect(Object.keys(again)).toEqual(graph.nodes());
    for (const node of graph.nodes()) expect(again[node]).toBe(expectedAgain[node]);
  });

  test('a graph object without graphology 0.26 records falls back to the public iterators', () => {
    const graph = randomGraph('directed', 30, 90, 5);
    const inner = graph as unknown as { _edges: Map<string, unknown> };
    const edges = inner._edges;
    inner._edges = new Map([...edges].map(([key, record]) => [key, { ...(record as object), source: undefined }]));
    expect(graphRecords(graph)).toBeUndefined();
    inner._edges = edges;
    expect(graphRecords(graph)).toBeDefined();
  });

  test('nodes sharing one attributes object still get their own scores', () => {
    const shared = { label: 'x' };
    const graph = new Graph({ type: 'directed' });
    for (const node of ['a', 'b', 'c', 'd']) graph.addNode(node, shared);
    graph.addEdge('a', 'b');
    graph.addEdge('b', 'c');
    graph.addEdge('c', 'a');
    graph.addEdge('d', 'a');
    const theirs = graphologyPagerank(graph, { ...OPTIONS, getEdgeWeight: null });
    expect(pagerankScores(graph, { ...OPTIONS, getEdgeWeight: null })).toEqual(theirs);
  });

  test('a star: the leaves pointing at the hub make it the most important node', () => {
    const graph = new Graph({ type: 'directed' });
    for (const node of ['hub', 'a', 'b', 'c']) graph.addNode(node);
    for (const leaf of ['a', 'b', 'c']) graph.addEdge(leaf, 'hub');
    const scores = pagerankScores(graph);
    expect(scores.hub).toBeGreaterThan(scores.a);
    expect(scores.a).toBeCloseTo(scores.b, 12);
  });

  test('an empty graph gives no scores; too few iterations fail to converge', () => {
    expect(pagerankScores(new Graph())).toEqual({});
    expect(() => pagerankScores(randomGraph('directed', 50, 200, 1), { maxIterations: 1, tolerance: 1e-15 })).toThrow(/failed to converge/);
  });

  test('the pagerank metric of centrality() uses it on the projection', () => {
    const graph = starGraph(6);
    const simple = toSimpleGraph(graph, { directed: true });
    expect(centrality(graph, { metric: 'pagerank' }).scores).toEqual(
      graphologyPagerank(simple, { getEdgeWeight: 'weight', alpha: 0.85, maxIterations: 1000, tolerance: 1e-8 }),
    );
  });
});

describe('exact betweenness', () => {
  test.each([true, false])('normalized %s: graphology-metrics\' scores on a random graph', (normalized) => {
    const graph = randomGraph('undirected', 150, 600, 3);
    const ours = betweenness(graph, { exactMaxNodes: Infinity, normalized });
    expect(ours.method).toBe('exact');
    const theirs = betweennessCentrality(toSimpleGraph(graph), { getEdgeWeight: null, normalized });
    for (const node of graph.nodes()) expect(ours.scores[node]).toBeCloseTo(theirs[node], 9);
  });
});
