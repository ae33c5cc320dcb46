/**
 * Pins that the query files answer on the graph the pipeline builds from the
 * seed articles (buildCorpusGraph): the analyst questions the queries exist
 * for, asserted loosely enough to hold as extraction improves.
 */
import path from 'node:path';
import type { CypherEngine } from '../../src/cypher';
import { buildLoadPlan, countGraph, createEmbeddedEngine, graphToRows } from '../../src/cypher';
import type { NewsGraph } from '../../src/graph';
import { buildCorpusGraph } from '../../src/pipeline';
import { runQueryFile } from './queryFiles';

const ARTICLES_DIR = path.join(__dirname, '../../graph-data/articles');

describe('query files on the seed graph', () => {
  let graph: NewsGraph;
  let engine: CypherEngine;
  beforeAll(async () => {
    graph = buildCorpusGraph({ articlesDir: ARTICLES_DIR }).graph;
    engine = await createEmbeddedEngine(graph, { shuffleUnordered: true });
  });
  afterAll(() => engine?.close());

  test('the engine holds every entity, article and relation of the graph', async () => {
    const counts = await countGraph(engine);
    expect(counts).toEqual(buildLoadPlan(graphToRows(graph)).expected);
    expect(counts.nodes.Entity).toBe(graph.order);
  });

  test('arms-flows has North Korea → Russia with sourced claims', async () => {
    const rows = await runQueryFile(engine, 'arms-flows.cypher');
    const flows = rows.filter((r) => r.supplier === 'Corée du Nord' && r.recipient === 'Russie');
    expect(flows.length).toBeGreaterThan(0);
    expect(flows.some((r) => typeof r.quantity === 'number' && r.quantity > 0)).toBe(true);
    expect(flows.every((r) => typeof r.quote === 'string' && (r.quote as string).length > 0)).toBe(true);
  });

  test('entity for "Corée du Nord" — and for its alias RPDC — returns its relations', async () => {
    const byLabel = await runQueryFile(engine, 'entity.cypher', { name: 'Corée du Nord' });
    expect(byLabel.length).toBeGreaterThan(3);
    expect(byLabel.some((r) => r.relation === 'SUPPLIED_ARMS_TO' && r.other === 'Russie')).toBe(true);
    const byAlias = await runQueryFile(engine, 'entity.cypher', { name: 'rpdc' });
    expect(byAlias).toHaveLength(byLabel.length);
  });

  test('troop deployments from North Korea carry figures', async () => {
    const rows = await runQueryFile(engine, 'troop-deployments.cypher', { country: 'Corée du Nord' });
    expect(rows.some((r) => typeof r.quantity === 'number' && (r.quantity as number) >= 1000)).toBe(true);
  });

  test('most-connected puts a country first and every query file runs', async () => {
    const [top] = await runQueryFile(engine, 'most-connected.cypher');
    expect(top.type).toBe('Country');
    for (const file of [
      'casualties.cypher',
      'claims-by-status.cypher',
      'co-mentions.cypher',
      'disputed-claims.cypher',
      'meetings.cypher',
      'officials.cypher',
      'relation-overview.cypher',
      'shortest-path.cypher',
      'top-sources.cypher',
      'treaties.cypher',
      'weapons.cypher',
    ]) {
      await expect(runQueryFile(engine, file)).resolves.toEqual(expect.any(Array));
    }
  });

  test('co-mentions pairs North Korea and Russia in several articles', async () => {
    const rows = await runQueryFile(engine, 'co-mentions.cypher', { name: 'Corée du Nord', limit: 100 });
    const russia = rows.find((r) => r.coMentioned === 'Russie');
    expect(russia?.articles as number).toBeGreaterThanOrEqual(3);
  });
});
