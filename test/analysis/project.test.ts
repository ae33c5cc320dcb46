/** Contract: toSimpleGraph collapses parallel relations into one weighted edge (weight = claims) and keeps every node. */
import { toSimpleGraph } from '../../src/analysis';
import { makeGraph } from './fixtures';

const graph = makeGraph(
  [
    ['kp', 'Corée du Nord', 'Country'],
    ['ru', 'Russie', 'Country'],
    ['ua', 'Ukraine', 'Country'],
    ['lone', 'Isolé', 'Place'],
  ],
  [
    ['kp', 'DEPLOYED_TROOPS_TO', 'ru', 3],
    ['ru', 'SUPPLIED_ARMS_TO', 'kp', 2],
    ['kp', 'ALLIED_WITH', 'ru', 1],
    ['ru', 'ATTACKED', 'ua', 1],
  ],
);

describe('toSimpleGraph', () => {
  it('undirected: one edge per linked pair, weight summing every claim between them', () => {
    const simple = toSimpleGraph(graph);
    expect(simple.type).toBe('undirected');
    expect(simple.multi).toBe(false);
    expect(simple.order).toBe(4);
    expect(simple.size).toBe(2);
    const edge = simple.edge('ru', 'kp')!;
    expect(simple.getEdgeAttribute(edge, 'weight')).toBe(6);
    expect(simple.getEdgeAttribute(edge, 'relations').sort()).toEqual(['kp|ALLIED_WITH|ru', 'kp|DEPLOYED_TROOPS_TO|ru', 'ru|SUPPLIED_ARMS_TO|kp']);
    expect(simple.degree('lone')).toBe(0);
  });

  it('directed: directed relations keep their direction, symmetric ones count both ways', () => {
    const simple = toSimpleGraph(graph, { directed: true });
    expect(simple.type).toBe('directed');
    expect(simple.getEdgeAttribute(simple.edge('kp', 'ru')!, 'weight')).toBe(3 + 1);
    expect(simple.getEdgeAttribute(simple.edge('ru', 'kp')!, 'weight')).toBe(2 + 1);
    expect(simple.hasEdge('ua', 'ru')).toBe(false);
  });

  it('keeps node attributes and leaves the source graph untouched', () => {
    const simple = toSimpleGraph(graph);
    simple.setNodeAttribute('kp', 'label', 'changed');
    expect(graph.getNodeAttribute('kp', 'label')).toBe('Corée du Nord');
    expect(graph.size).toBe(4);
  });

  it('refuses what is not a graph, saying who refused', () => {
    expect(() => toSimpleGraph({} as never)).toThrow(/toSimpleGraph: the given graph is not a valid graphology instance/);
  });
});
