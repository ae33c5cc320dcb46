/**
 * Pins that every query file runs on the embedded engine and answers its
 * question: on a small graph built for the test whose answers are known, with
 * rows returned in random order where a query has no ORDER BY.
 */
import { readdirSync } from 'node:fs';
import type { CypherEngine } from '../../src/cypher';
import { createEmbeddedEngine } from '../../src/cypher';
import { fixtureGraph, TRICKY_LABEL } from './fixture';
import { QUERIES_DIR, runQueryFile } from './queryFiles';

describe('query files on the test graph', () => {
  let engine: CypherEngine;
  beforeAll(async () => {
    engine = await createEmbeddedEngine(fixtureGraph(), { shuffleUnordered: true });
  });
  afterAll(() => engine.close());

  test('every query file is covered by a test below', () => {
    const covered = [
      'arms-flows',
      'casualties',
      'claims-by-status',
      'co-mentions',
      'disputed-claims',
      'entity',
      'meetings',
      'most-connected',
      'officials',
      'relation-overview',
      'shortest-path',
      'top-sources',
      'treaties',
      'troop-deployments',
      'weapons',
    ];
    const files = readdirSync(QUERIES_DIR)
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => f.replace(/\.cypher$/, ''));
    expect(files.sort()).toEqual(covered);
  });

  test('most-connected ranks the entity with most neighbours first and honours $limit', async () => {
    const rows = await runQueryFile(engine, 'most-connected.cypher', { limit: 3 });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ entity: 'Corée du Nord', type: 'Country', neighbours: 7, relations: 11 });
    expect(rows[1].entity).toBe('Russie');
    const counts = rows.map((r) => r.neighbours as number);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  test('entity finds an entity by alias in any case and lists its relations both ways', async () => {
    const rows = await runQueryFile(engine, 'entity.cypher', { name: 'rpdc' });
    expect(rows.every((r) => r.entity === 'Corée du Nord')).toBe(true);
    expect(rows).toHaveLength(11);
    const deployed = rows.find((r) => r.relation === 'DEPLOYED_TROOPS_TO' && r.other === 'Russie');
    expect(deployed).toMatchObject({ direction: 'out', claims: 3, statuses: ['reported', 'asserted', 'denied'], sources: ['NIS'] });
    expect(rows.find((r) => r.relation === 'TRANSFERRED_TECHNOLOGY_TO')).toMatchObject({ direction: 'in', other: 'Russie' });
    expect(rows.find((r) => r.relation === 'ALLIED_WITH')).toMatchObject({ direction: 'both' });
    expect(await runQueryFile(engine, 'entity.cypher', { name: 'Atlantis' })).toEqual([]);
  });

  test('entity matches a label with quotes and braces passed as a parameter', async () => {
    const rows = await runQueryFile(engine, 'entity.cypher', { name: TRICKY_LABEL.toUpperCase() });
    expect(rows).toEqual([expect.objectContaining({ entity: TRICKY_LABEL, relation: 'OFFICIAL_OF', other: 'Corée du Sud' })]);
  });

  test('arms-flows gives one row per claim with items, quantity and source; missing figures are null', async () => {
    const rows = await runQueryFile(engine, 'arms-flows.cypher');
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ supplier: 'Corée du Nord', recipient: 'Russie', items: ["obus d'artillerie"], weaponsSupplied: ["obus d'artillerie"] });
    const sourced = rows.find((r) => r.source === 'NIS');
    expect(sourced).toMatchObject({ quantity: 5000000, unit: 'obus', status: 'reported', date: '2024-10', doc: 't001' });
    expect(rows.find((r) => r.doc === 't003')).toMatchObject({ quantity: null, unit: '', source: '' });
    expect(await runQueryFile(engine, 'arms-flows.cypher', { supplier: 'Russia' })).toEqual([]);
    expect(await runQueryFile(engine, 'arms-flows.cypher', { supplier: 'north korea' })).toHaveLength(2);
  });

  test('troop-deployments lists claims oldest first, undated last', async () => {
    const rows = await runQueryFile(engine, 'troop-deployments.cypher');
    expect(rows.map((r) => r.date)).toEqual(['2024-10', '2024-11-02', '2024-12', '']);
    expect(rows.map((r) => r.quantity)).toEqual([11000, null, 15000, null]);
    expect(rows[0]).toMatchObject({ source: 'NIS', status: 'reported', destination: 'Russie' });
    expect(rows[3].status).toBe('denied');
  });

  test('disputed-claims finds the edge whose figures differ and that is also denied, and nothing else', async () => {
    const rows = await runQueryFile(engine, 'disputed-claims.cypher');
    expect(rows).toEqual([
      expect.objectContaining({
        subject: 'Corée du Nord',
        relation: 'DEPLOYED_TROOPS_TO',
        object: 'Russie',
        figures: ['11000 soldats (NIS)', '15000 soldats (t001)'],
        figuresDiffer: true,
        statedAndDenied: true,
      }),
    ]);
  });

  test('meetings gives who met whom, with the place visited in the same article and the date', async () => {
    const rows = await runQueryFile(engine, 'meetings.cypher');
    expect(rows).toEqual([expect.objectContaining({ person: 'Kim Jong Un', metWith: 'Vladimir Poutine', places: ['Pyongyang'], date: '2024-06-19', doc: 't002' })]);
  });

  test('treaties lists both signatories and the ratification with dates', async () => {
    const rows = await runQueryFile(engine, 'treaties.cypher');
    expect(rows.map((r) => [r.act, r.party, r.dates])).toEqual([
      ['SIGNED', 'Corée du Nord', ['2024-06']],
      ['SIGNED', 'Russie', ['2024-06']],
      ['RATIFIED', 'Russie', ['2024-11']],
    ]);
  });

  test('weapons lists what each country develops or supplies, filterable by country', async () => {
    const rows = await runQueryFile(engine, 'weapons.cypher');
    expect(rows.map((r) => [r.country, r.relation, r.weapon])).toEqual([
      ['Corée du Nord', 'DEVELOPS', 'Hwasong-20'],
      ['Corée du Nord', 'SUPPLIED', "obus d'artillerie"],
    ]);
    expect(await runQueryFile(engine, 'weapons.cypher', { country: 'Russie' })).toEqual([]);
  });

  test('shortest-path goes through relations only, with a quote per hop; none beyond maxHops', async () => {
    const [row] = await runQueryFile(engine, 'shortest-path.cypher', { from: 'Kim', to: 'ukraine' });
    expect(row.hops).toBe(3);
    expect((row.path as string[])[0]).toBe('Kim Jong Un');
    expect((row.path as string[])[3]).toBe('Ukraine');
    expect((row.relations as string[])[2]).toBe('ATTACKED');
    expect((row.evidence as string[]).every((q) => typeof q === 'string' && q.length > 10)).toBe(true);
    expect(await runQueryFile(engine, 'shortest-path.cypher', { from: 'Kim', to: 'ukraine', maxHops: 2 })).toEqual([]);
    // Articles are not hops: Hwasong-20 and NIS share no relation path shorter than through the graph's relations.
    const [viaRelations] = await runQueryFile(engine, 'shortest-path.cypher', { from: 'Hwasong-20', to: 'NIS' });
    expect(viaRelations.relations).not.toContain('MENTIONED_IN');
  });

  test('top-sources ranks attributed sources by claims', async () => {
    const rows = await runQueryFile(engine, 'top-sources.cypher');
    expect(rows.map((r) => [r.source, r.claims, r.articles])).toEqual([
      ['NIS', 3, 1],
      ['Yonhap', 2, 2],
    ]);
  });

  test('co-mentions ranks pairs by shared articles, and filters on one entity', async () => {
    const rows = await runQueryFile(engine, 'co-mentions.cypher', { limit: 1 });
    expect(rows).toEqual([expect.objectContaining({ articles: 3 })]);
    expect([rows[0].entity, rows[0].coMentioned].sort()).toEqual(['Corée du Nord', 'Russie']);
    const forKim = await runQueryFile(engine, 'co-mentions.cypher', { name: 'Kim Jong Un' });
    expect(forKim.every((r) => r.entity === 'Kim Jong Un')).toBe(true);
    expect(forKim.map((r) => r.coMentioned).sort()).toEqual(['Corée du Nord', 'Pyongyang', 'Russie', 'Traité de partenariat stratégique global', 'Vladimir Poutine']);
  });

  test('claims-by-status returns denied and planned claims by default, any status on request', async () => {
    const rows = await runQueryFile(engine, 'claims-by-status.cypher');
    expect(rows.map((r) => [r.status, r.relation])).toEqual([
      ['denied', 'DEPLOYED_TROOPS_TO'],
      ['planned', 'TRANSFERRED_TECHNOLOGY_TO'],
    ]);
    const reported = await runQueryFile(engine, 'claims-by-status.cypher', { statuses: ['reported'] });
    expect(reported).toHaveLength(4);
  });

  test('officials lists leaders and officials with their role', async () => {
    expect(await runQueryFile(engine, 'officials.cypher')).toEqual([expect.objectContaining({ person: 'Kim Jong Un', relation: 'LEADS', role: '' })]);
    expect(await runQueryFile(engine, 'officials.cypher', { name: 'Séoul' })).toEqual([
      expect.objectContaining({ person: TRICKY_LABEL, relation: 'OFFICIAL_OF', role: 'porte-parole' }),
    ]);
  });

  test('casualties gives the figure and unit of each loss claim', async () => {
    expect(await runQueryFile(engine, 'casualties.cypher')).toEqual([
      expect.objectContaining({ country: 'Corée du Nord', place: 'Koursk', quantity: 1200, unit: 'tués ou blessés' }),
    ]);
  });

  test('relation-overview counts relations and claims per type', async () => {
    const rows = await runQueryFile(engine, 'relation-overview.cypher');
    const graph = fixtureGraph();
    expect(rows.reduce((n, r) => n + (r.relations as number), 0)).toBe(graph.size);
    expect(rows.reduce((n, r) => n + (r.claims as number), 0)).toBe(graph.reduceEdges((n, _, a) => n + a.claims.length, 0));
    expect(rows[0]).toMatchObject({ relation: 'DEPLOYED_TROOPS_TO', relations: 2, claims: 4 });
  });
});
