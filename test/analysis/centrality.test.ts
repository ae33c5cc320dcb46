/** Contract: centrality scores on reference graphs with known answers, exact vs sampled betweenness, input checks. */
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import {
  betweenness,
  betweennessMethod,
  brandesFromSources,
  centrality,
  CENTRALITY_METRIC_NAMES,
  createRng,
  DEFAULT_BETWEENNESS_SAMPLES,
  EXACT_BETWEENNESS_MAX_NODES,
  parseEntityTypes,
  parseMetrics,
  rankNodes,
  sampledBetweenness,
  toSimpleGraph,
} from '../../src/analysis';
import { makeGraph, pathGraph, starGraph } from './fixtures';

/** A connected random graph (a spanning path plus random chords), seeded. */
function randomGraph(n: number, extraEdges: number, seed: number): Graph {
  const rng = createRng(seed);
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < n; i++) graph.addNode(`v${i}`);
  for (let i = 1; i < n; i++) graph.addEdge(`v${Math.floor(rng() * i)}`, `v${i}`);
  for (let added = 0; added < extraEdges; ) {
    const a = `v${Math.floor(rng() * n)}`;
    const b = `v${Math.floor(rng() * n)}`;
    if (a !== b && !graph.hasEdge(a, b)) {
      graph.addEdge(a, b);
      added++;
    }
  }
  return graph;
}

describe('centrality on a star', () => {
  const star = starGraph(5);

  it('gives the centre the highest score on every metric', () => {
    for (const metric of CENTRALITY_METRIC_NAMES) {
      const { scores } = centrality(star, { metric });
      const top = rankNodes(star, scores)[0];
      // PageRank flows along relations: the centre only sends, so the leaves receive.
      if (metric === 'pagerank') expect(top.key).not.toBe('hub');
      else expect(top.key).toBe('hub');
    }
  });

  it('degree counts distinct neighbours; weighted degree counts claims', () => {
    expect(centrality(star, { metric: 'degree' }).scores).toMatchObject({ hub: 5, leaf0: 1, leaf4: 1 });
    expect(centrality(star, { metric: 'weighted-degree' }).scores).toMatchObject({ hub: 6, leaf0: 2, leaf4: 1 });
  });

  it('betweenness: the centre lies on every leaf-to-leaf path (normalised 1), leaves on none', () => {
    const { scores, method } = betweenness(star);
    expect(method).toBe('exact');
    expect(scores.hub).toBeCloseTo(1, 10);
    expect(scores.leaf3).toBe(0);
  });
});

describe('betweenness on the path graph P5', () => {
  it('matches the known values 0, 1/2, 2/3, 1/2, 0 (normalised by (n−1)(n−2))', () => {
    const { scores } = centrality(pathGraph(5), { metric: 'betweenness' });
    expect(scores.n0).toBe(0);
    expect(scores.n1).toBeCloseTo(3 / 6, 10);
    expect(scores.n2).toBeCloseTo(4 / 6, 10);
    expect(scores.n3).toBeCloseTo(3 / 6, 10);
    expect(scores.n4).toBe(0);
  });

  it('ignores relation direction (the relations of P5 alternate)', () => {
    const { scores } = centrality(pathGraph(5), { metric: 'closeness' });
    expect(scores.n2).toBeGreaterThan(scores.n1);
    expect(scores.n1).toBeCloseTo(scores.n3, 10);
  });
});

describe('sampled betweenness (Brandes from k sources, by hand)', () => {
  const graph = randomGraph(60, 90, 7);
  const exact = betweennessCentrality(graph, { getEdgeWeight: null });

  it('equals graphology exact betweenness when every node is a source', () => {
    const sampled = sampledBetweenness(graph, { samples: graph.order, seed: 1 });
    for (const node of graph.nodes()) expect(sampled[node]).toBeCloseTo(exact[node], 10);
  });

  it('also on a directed graph', () => {
    const directed = toSimpleGraph(makeGraph([['a', 'A', 'Country'], ['b', 'B', 'Country'], ['c', 'C', 'Country'], ['d', 'D', 'Country']], [['a', 'SUPPORTS', 'b'], ['b', 'SUPPORTS', 'c'], ['c', 'SUPPORTS', 'd'], ['a', 'SUPPORTS', 'c']]), { directed: true });
    const mine = brandesFromSources(directed, directed.nodes());
    const reference = betweennessCentrality(directed, { getEdgeWeight: null });
    for (const node of directed.nodes()) expect(mine[node]).toBeCloseTo(reference[node], 10);
  });

  it('approximates exact values from a third of the sources and keeps the top node', () => {
    const sampled = sampledBetweenness(graph, { samples: 20, seed: 3 });
    const top = (scores: Record<string, number>) => Object.entries(scores).sort((a, b) => b[1] - a[1])[0][0];
    expect(top(sampled)).toBe(top(exact));
    const totalExact = Object.values(exact).reduce((a, b) => a + b, 0);
    const totalSampled = Object.values(sampled).reduce((a, b) => a + b, 0);
    expect(Math.abs(totalSampled - totalExact) / totalExact).toBeLessThan(0.25);
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(sampledBetweenness(graph, { samples: 10, seed: 5 })).toEqual(sampledBetweenness(graph, { samples: 10, seed: 5 }));
    expect(sampledBetweenness(graph, { samples: 10, seed: 5 })).not.toEqual(sampledBetweenness(graph, { samples: 10, seed: 6 }));
  });
});

describe('betweennessMethod', () => {
  it('is exact up to the threshold and sampled above it, saying how', () => {
    expect(betweennessMethod(100)).toEqual({ method: 'exact', samples: 100 });
    expect(betweennessMethod(EXACT_BETWEENNESS_MAX_NODES)).toEqual({ method: 'exact', samples: EXACT_BETWEENNESS_MAX_NODES });
    expect(betweennessMethod(EXACT_BETWEENNESS_MAX_NODES + 1)).toMatchObject({ method: 'sampled', samples: DEFAULT_BETWEENNESS_SAMPLES });
    expect(betweennessMethod(DEFAULT_BETWEENNESS_SAMPLES * 2, { exactMaxNodes: 50 })).toEqual({ method: 'sampled', samples: DEFAULT_BETWEENNESS_SAMPLES, seed: 42 });
    // Fewer nodes than the default sample: sampling every node is the exact computation.
    expect(betweennessMethod(DEFAULT_BETWEENNESS_SAMPLES - 1, { exactMaxNodes: 50 })).toEqual({ method: 'exact', samples: DEFAULT_BETWEENNESS_SAMPLES - 1 });
    expect(betweennessMethod(100_000)).toEqual({ method: 'sampled', samples: DEFAULT_BETWEENNESS_SAMPLES, seed: 42 });
    expect(betweennessMethod(10_000, { samples: 50, seed: 'abc' })).toEqual({ method: 'sampled', samples: 50, seed: 'abc' });
  });

  it('uses sampling when asked for fewer sources than nodes, exact when samples ≥ n', () => {
    expect(betweenness(pathGraph(8), { samples: 3 }).method).toBe('sampled');
    expect(betweenness(pathGraph(8), { samples: 3 }).samples).toBe(3);
    expect(betweenness(pathGraph(8), { samples: 8 }).method).toBe('exact');
  });

  it('refuses a non-positive sample count', () => {
    expect(() => betweennessMethod(10, { samples: 0 })).toThrow(/samples must be a positive integer/);
  });
});

describe('inputs', () => {
  it('reads metric names case-insensitively, `all` for every metric', () => {
    expect(parseMetrics(['PageRank', 'degree', 'degree'])).toEqual(['pagerank', 'degree']);
    expect(parseMetrics(['all'])).toEqual([...CENTRALITY_METRIC_NAMES]);
    expect(parseMetrics([])).toEqual(['degree']);
  });

  it('refuses an unknown metric listing the known ones', () => {
    expect(() => parseMetrics(['foo'])).toThrow('newsgraph centrality: unknown metric "foo" (known: degree, weighted-degree, betweenness, closeness, pagerank, eigenvector, all)');
    expect(() => centrality(starGraph(2), { metric: 'foo' as never })).toThrow(/unknown metric "foo"/);
  });

  it('reads entity types case-insensitively and refuses unknown ones', () => {
    expect(parseEntityTypes(['country', 'PERSON'])).toEqual(['Country', 'Person']);
    expect(() => parseEntityTypes(['Pays'])).toThrow(/unknown type "Pays" \(known: Country, Person/);
  });

  it('gives empty scores for an empty graph', () => {
    const empty = makeGraph([], []);
    for (const metric of CENTRALITY_METRIC_NAMES) expect(centrality(empty, { metric }).scores).toEqual({});
  });
});

describe('rankNodes and assign', () => {
  it('filters by type after scoring on the whole graph, and cuts at top', () => {
    const star = starGraph(4);
    const { scores } = centrality(star, { metric: 'degree' });
    const places = rankNodes(star, scores, { types: ['Place'], top: 2 });
    expect(places).toHaveLength(2);
    expect(places.every((row) => row.type === 'Place')).toBe(true);
    expect(places[0]).toEqual({ key: 'leaf0', label: 'Feuille 0', type: 'Place', score: 1 });
  });

  it('centrality.assign writes the metric attribute on every node', () => {
    const star = starGraph(3);
    centrality.assign(star, { metric: 'weighted-degree' });
    expect(star.getNodeAttribute('hub', 'weightedDegree')).toBe(4);
    expect(star.getNodeAttribute('leaf2', 'weightedDegree')).toBe(1);
  });
});
