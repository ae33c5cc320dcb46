/** Small reference graphs for the analysis tests, built in the test with the shape of graph.json. */
import Graph from 'graphology';
import { relationKey, type NewsGraph } from '../../src/graph';
import { SYMMETRIC_RELATIONS, type ArticleMeta, type Claim, type EntityType, type RelationType } from '../../src/ontology';

/** [key, label, type, aliases?] */
export type NodeSpec = [string, string, EntityType, string[]?];
/** [subject, relation, object, claims (a count, or claim fields)?] */
export type EdgeSpec = [string, RelationType, string, (number | Partial<Claim>[])?];

/** A mixed multigraph like loadGraph returns, with one article `t1` dated 2024-06-19 unless others are given. */
export function makeGraph(nodes: NodeSpec[], edges: EdgeSpec[], articles?: ArticleMeta[]): NewsGraph {
  const graph: NewsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  graph.replaceAttributes({
    name: 'newsgraph',
    extractorVersion: 'test',
    builtAt: '2025-01-01T00:00:00.000Z',
    articles: articles ?? [{ id: 't1', title: 'Article de test', date: '2024-06-19', file: 't1.txt', sentences: 50, hash: 'x' }],
  });
  for (const [key, label, type, aliases = []] of nodes) graph.addNode(key, { label, type, aliases, mentions: [] });
  let sentence = 0;
  for (const [subject, type, object, claimSpec = 1] of edges) {
    const partials = typeof claimSpec === 'number' ? Array.from({ length: claimSpec }, () => ({})) : claimSpec;
    const claims: Claim[] = partials.map((partial) => ({
      doc: 't1',
      sentence: sentence++,
      quote: `${graph.getNodeAttribute(subject, 'label')} ${type} ${graph.getNodeAttribute(object, 'label')}.`,
      status: 'asserted',
      ...partial,
    }));
    const key = relationKey(subject, type, object);
    const [source, target] = key.split('|').filter((_, i) => i !== 1);
    if (SYMMETRIC_RELATIONS.has(type)) graph.addUndirectedEdgeWithKey(key, source, target, { type, claims });
    else graph.addDirectedEdgeWithKey(key, source, target, { type, claims });
  }
  return graph;
}

/** Path graph P_n: n0 — n1 — … — n(n-1), all Countries, relations alternating direction. */
export function pathGraph(n: number): NewsGraph {
  const nodes: NodeSpec[] = Array.from({ length: n }, (_, i) => [`n${i}`, `Pays ${i}`, 'Country']);
  const edges: EdgeSpec[] = Array.from({ length: n - 1 }, (_, i) => (i % 2 ? [`n${i + 1}`, 'SUPPORTS', `n${i}`] : [`n${i}`, 'SUPPORTS', `n${i + 1}`]));
  return makeGraph(nodes, edges);
}

/** Star: centre `hub` linked to `leaves` leaves, with one extra claim on the first spoke. */
export function starGraph(leaves: number): NewsGraph {
  const nodes: NodeSpec[] = [['hub', 'Centre', 'Country'], ...Array.from({ length: leaves }, (_, i): NodeSpec => [`leaf${i}`, `Feuille ${i}`, 'Place'])];
  const edges: EdgeSpec[] = Array.from({ length: leaves }, (_, i): EdgeSpec => ['hub', 'DEPLOYED_TROOPS_TO', `leaf${i}`, i === 0 ? 2 : 1]);
  return makeGraph(nodes, edges);
}

/** Two 4-cliques (a0..a3 and b0..b3) joined by one bridge a0 — b0. */
export function twoCliques(): NewsGraph {
  const nodes: NodeSpec[] = [...['a', 'b'].flatMap((side) => [0, 1, 2, 3].map((i): NodeSpec => [`${side}${i}`, `${side.toUpperCase()}${i}`, 'Country']))];
  const edges: EdgeSpec[] = [];
  for (const side of ['a', 'b']) for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) edges.push([`${side}${i}`, 'ALLIED_WITH', `${side}${j}`, 2]);
  edges.push(['a0', 'SUPPORTS', 'b0']);
  return makeGraph(nodes, edges);
}
