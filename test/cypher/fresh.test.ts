/**
 * Contract: the embedded engine's direct load (loader 'create', fresh.ts)
 * builds the graph the MERGE loader statements of the Neo4j export build —
 * every query file answers the same rows, and every node and relationship
 * holds the same labels, type and properties (values of the same kind).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { CypherEngine, Row } from '../../src/cypher';
import { buildLoadPlan, countGraph, createEmbeddedEngine, graphToRows } from '../../src/cypher';
import type { NewsGraph } from '../../src/graph';
import { buildCorpusGraph } from '../../src/pipeline';
import { fixtureGraph } from './fixture';
import { QUERIES_DIR, runQueryFile } from './queryFiles';

const ARTICLES_DIR = path.join(__dirname, '../../graph-data/articles');

/**
 * Every node and relationship with everything about it, in a fixed order.
 * `shown` renders each value as Cypher prints it (strings quoted inside
 * lists), and the halves tell integers from floats (3 / 2 = 1, 3.0 / 2 = 1.5).
 */
const DUMP_NODES =
  `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props, [k IN keys(n) | k + '=' + toString(n[k])] AS shown, ` +
  `n.mentionCount / 2 AS half, n.sentenceCount / 2 AS halfSentences ORDER BY n.id`;
const DUMP_RELATIONSHIPS =
  `MATCH (s)-[r]->(t) RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props, ` +
  `[k IN keys(r) | k + '=' + toString(r[k])] AS shown, r.count / 2 AS halfCount, r.claimCount / 2 AS halfClaims, ` +
  `[q IN r.quantities | q / 2] AS halfQuantities, [x IN r.sentences | x / 2] AS halfSentences ORDER BY source, type, target, r.key`;

/** Query files and the parameters to run each with, besides its defaults. */
const QUERY_RUNS: { file: string; params?: Record<string, unknown> }[] = [
  ...readdirSync(QUERIES_DIR)
    .filter((f) => f.endsWith('.cypher'))
    .map((file) => ({ file })),
  { file: 'entity.cypher', params: { name: 'rpdc' } },
  { file: 'troop-deployments.cypher', params: { country: 'Corée du Nord' } },
  { file: 'co-mentions.cypher', params: { name: 'Russie', limit: 100 } },
];

async function bothEngines(graph: NewsGraph): Promise<[CypherEngine, CypherEngine]> {
  return [await createEmbeddedEngine(graph, { loader: 'create' }), await createEmbeddedEngine(graph, { loader: 'statements' })];
}

describe.each([
  ['the seed graph', () => buildCorpusGraph({ articlesDir: ARTICLES_DIR }).graph],
  ['the Cypher fixture graph (tricky label, disagreeing claims, extra attributes)', fixtureGraph],
])('embedded load by create vs by the loader statements, on %s', (_name, makeGraph) => {
  let graph: NewsGraph;
  let created: CypherEngine;
  let merged: CypherEngine;
  beforeAll(async () => {
    graph = makeGraph();
    [created, merged] = await bothEngines(graph);
  });
  afterAll(async () => {
    await created?.close();
    await merged?.close();
  });

  test('same counts, and they are the plan’s', async () => {
    const counts = await countGraph(created);
    expect(counts).toEqual(await countGraph(merged));
    expect(counts).toEqual(buildLoadPlan(graphToRows(graph)).expected);
  });

  test('same nodes and relationships, property by property and kind by kind', async () => {
    const nodes = await created.run(DUMP_NODES);
    expect(nodes.length).toBeGreaterThan(graph.order);
    expect(nodes).toEqual(await merged.run(DUMP_NODES));
    const relationships = await created.run(DUMP_RELATIONSHIPS);
    expect(relationships.length).toBeGreaterThan(graph.size);
    expect(relationships).toEqual(await merged.run(DUMP_RELATIONSHIPS));
  });

  test('every query file answers the same rows', async () => {
    let answered = 0;
    for (const { file, params } of QUERY_RUNS) {
      const a: Row[] = await runQueryFile(created, file, params);
      const b: Row[] = await runQueryFile(merged, file, params);
      expect({ file, rows: a }).toEqual({ file, rows: b });
      if (a.length > 0) answered++;
    }
    expect(answered).toBeGreaterThan(QUERY_RUNS.length / 2);
  });

  test('the id lookups are indexed and the uniqueness constraints hold', async () => {
    const indexes = await created.run('SHOW INDEXES');
    expect(indexes.map((i) => `${i.label}.${i.property}`).sort()).toEqual(['Article.id', 'Entity.id']);
    const [first] = graph.nodes();
    await expect(created.run('CREATE (:Entity {id: $id})', { id: first })).rejects.toThrow(/constraint/i);
  });
});

test('an unknown loader is refused by name', async () => {
  await expect(createEmbeddedEngine(fixtureGraph(), { loader: 'bulk' as never })).rejects.toThrow(/createEmbeddedEngine: unknown loader "bulk"/);
});
