/** Pins the viewer's pure parts: search, filters, path finder, centrality sizes, seeded positions, GEXF. */
import Graph from 'graphology';
import { buildSearchIndex, searchEntities, normaliseForSearch } from '../../src/viewer/search';
import { claimDates, computeVisibility, NO_FILTERS } from '../../src/viewer/filters';
import { findEntityPath } from '../../src/viewer/paths';
import { computeCentrality, sizesFromScores, MIN_NODE_SIZE, MAX_NODE_SIZE } from '../../src/viewer/centrality';
import { seededPosition, startPositions, hasStoredPositions } from '../../src/viewer/positions';
import { graphToGexf } from '../../src/viewer/gexf';
import { makeTestGraph, XSS_QUOTE } from './fixture';

describe('search', () => {
  const index = buildSearchIndex(makeTestGraph());

  it('normalises accents, case, hyphens and apostrophes', () => {
    expect(normaliseForSearch('  Corée-du-NORD ')).toBe('coree du nord');
    expect(normaliseForSearch("l’obus d'artillerie")).toBe('l obus d artillerie');
  });

  it('finds labels without accents and through aliases, labels ranked first', () => {
    expect(searchEntities(index, 'coree du n')[0]).toMatchObject({ node: 'kp', label: 'Corée du Nord' });
    expect(searchEntities(index, 'rpdc')[0]).toMatchObject({ node: 'kp', matchedAlias: 'RPDC' });
    expect(searchEntities(index, 'HWASONG 20').map((entry) => entry.node)).toEqual(['hw20']);
    const coree = searchEntities(index, 'coree').map((entry) => entry.node);
    expect(coree).toEqual(expect.arrayContaining(['kp', 'kr']));
  });

  it('returns nothing for an empty query and one entry per node', () => {
    expect(searchEntities(index, '   ')).toEqual([]);
    const seoul = searchEntities(index, 'seoul');
    expect(new Set(seoul.map((entry) => entry.node)).size).toBe(seoul.length);
  });
});

describe('filters', () => {
  const graph = makeTestGraph();

  it('shows everything with no filter', () => {
    const visibility = computeVisibility(graph, NO_FILTERS);
    expect(visibility.visibleNodeCount).toBe(graph.order);
    expect(visibility.visibleEdgeCount).toBe(graph.size);
  });

  it('hides a type and every edge touching it', () => {
    const types = new Set(['Country', 'Person', 'Organization', 'Treaty', 'Place']);
    const visibility = computeVisibility(graph, { ...NO_FILTERS, entityTypes: types });
    expect(visibility.hiddenNodes).toEqual(new Set(['hw20', 'shells']));
    expect(visibility.hiddenEdges.has('kp|DEVELOPS|hw20')).toBe(true);
    expect(visibility.hiddenEdges.has('kp|SUPPLIED|shells')).toBe(true);
    expect(visibility.hiddenEdges.has('ru|ATTACKED|ua')).toBe(false);
  });

  it('keeps an edge while one claim passes the status filter', () => {
    const reportedOnly = computeVisibility(graph, { ...NO_FILTERS, statuses: new Set(['reported']) });
    expect(reportedOnly.hiddenEdges.has('kp|SUPPLIED_ARMS_TO|ru')).toBe(false);
    expect(reportedOnly.hiddenEdges.has('kp|DEVELOPS|hw20')).toBe(true);
  });

  it('shows the graph as it stood at a date; undated claims stay; partial dates compare by their start', () => {
    expect(claimDates(graph)[0]).toBe('2024-06');
    const atTreaty = computeVisibility(graph, { ...NO_FILTERS, untilDate: '2024-06-30' });
    expect(atTreaty.hiddenEdges.has('kp|SIGNED|treaty')).toBe(false); // dated 2024-06
    expect(atTreaty.hiddenEdges.has('kp|DEVELOPS|hw20')).toBe(true); // dated 2025-10
    expect(atTreaty.hiddenEdges.has('ru|ATTACKED|ua')).toBe(false); // undated
    expect(atTreaty.hiddenNodes.has('hw20')).toBe(true); // its only edge is later
    expect(atTreaty.hiddenNodes.has('ua')).toBe(false);
    // One of two claims early enough keeps the edge.
    expect(computeVisibility(graph, { ...NO_FILTERS, untilDate: '2024-09' }).hiddenEdges.has('kp|SUPPLIED_ARMS_TO|ru')).toBe(false);
  });

  it('applies a minimum degree on visible edges', () => {
    const visibility = computeVisibility(graph, { ...NO_FILTERS, minDegree: 3 });
    expect([...graph.nodes()].filter((node) => !visibility.hiddenNodes.has(node)).sort()).toEqual(['kp', 'ru']);
    expect(visibility.visibleEdgeCount).toBe(1);
  });
});

describe('findEntityPath', () => {
  const graph = makeTestGraph();

  it('follows relations in either direction and gives the edges of each hop', () => {
    const path = findEntityPath(graph, 'hw20', 'shoigu');
    // Two shortest chains exist (via Russie or via Kim Jong Un): both have three hops.
    expect(path?.nodes).toHaveLength(4);
    expect(path?.nodes[0]).toBe('hw20');
    expect(path?.nodes[path.nodes.length - 1]).toBe('shoigu');
    expect(path?.hops).toHaveLength(path!.nodes.length - 1);
    for (const hop of path!.hops) {
      expect(hop.edges.length).toBeGreaterThan(0);
      for (const edge of hop.edges) expect([graph.source(edge), graph.target(edge)].sort()).toEqual([hop.from, hop.to].sort());
    }
  });

  it('avoids hidden nodes and returns null when nothing is left', () => {
    expect(findEntityPath(graph, 'kim', 'hw20')?.nodes).toEqual(['kim', 'kp', 'hw20']);
    expect(findEntityPath(graph, 'kim', 'hw20', { nodes: new Set(['kp']) })).toBeNull();
    expect(findEntityPath(graph, 'kim', 'kim')).toEqual({ nodes: ['kim'], hops: [] });
    expect(() => findEntityPath(graph, 'kim', 'nobody')).toThrow(/findEntityPath: no node "nobody"/);
  });
});

describe('centrality sizes', () => {
  it('sizes grow with degree between the bounds; equal scores give the middle size', () => {
    const graph = makeTestGraph();
    const sizes = sizesFromScores(computeCentrality(graph, 'degree'));
    expect(sizes.get('kp')).toBe(MAX_NODE_SIZE);
    expect(sizes.get('hw20')!).toBeLessThan(sizes.get('ru')!);
    expect(Math.min(...sizes.values())).toBe(MIN_NODE_SIZE);
    expect(sizesFromScores(new Map([['a', 2], ['b', 2]])).get('a')).toBe((MIN_NODE_SIZE + MAX_NODE_SIZE) / 2);
  });

  it('uses stored scores when every node has them, computes them otherwise', () => {
    const graph = makeTestGraph();
    const computed = computeCentrality(graph, 'pagerank');
    expect(computed.get('kp')!).toBeGreaterThan(computed.get('nis')!);
    graph.forEachNode((node) => graph.setNodeAttribute(node, 'pagerank', node === 'nis' ? 1 : 0));
    expect(computeCentrality(graph, 'pagerank').get('nis')).toBe(1);
  });
});

describe('seeded positions', () => {
  it('depend on key and seed only, and stored positions win', () => {
    expect(seededPosition('kp', 3)).toEqual(seededPosition('kp', 3));
    expect(seededPosition('kp', 3)).not.toEqual(seededPosition('kp', 4));
    expect(seededPosition('kp', 3)).not.toEqual(seededPosition('ru', 3));
    const graph = makeTestGraph({ positions: true });
    expect(hasStoredPositions(graph)).toBe(true);
    expect(startPositions(graph).get('ru')).toEqual({ x: graph.getNodeAttribute('ru', 'x'), y: graph.getNodeAttribute('ru', 'y') });
    expect(hasStoredPositions(makeTestGraph())).toBe(false);
    expect(hasStoredPositions(new Graph())).toBe(false);
  });
});

describe('graphToGexf', () => {
  it('writes nodes, typed edges and quotes as escaped XML', () => {
    const xml = graphToGexf(makeTestGraph());
    expect(xml).toContain('<gexf');
    expect(xml).toContain('label="Hwasong-20"');
    expect(xml).toContain('type="undirected"');
    expect(xml).not.toContain('<img');
    expect(xml).toContain('&lt;img src=x');
    expect(xml).not.toContain('[object Object]');
    expect(XSS_QUOTE).toContain('<img');
  });
});
