/**
 * Pins what the embedded engine (@grafeo-db/js 0.6.0) runs and how: the
 * Cypher features the query files and the loader rely on, the gaps the query
 * files work around, and the plain values it returns.
 */
import type { CypherEngine } from '../../src/cypher';
import { createEmptyEmbeddedEngine } from '../../src/cypher';

describe('embedded engine: Cypher features the queries and the loader use', () => {
  let engine: CypherEngine;

  beforeAll(async () => {
    engine = createEmptyEmbeddedEngine();
    await engine.run('CREATE CONSTRAINT t_id IF NOT EXISTS FOR (n:T) REQUIRE n.id IS UNIQUE');
    const rows = [
      { id: 'a', props: { id: 'a', label: 'Alpha', aliases: ['Al', 'ALPHA-1'] } },
      { id: 'b', props: { id: 'b', label: 'Beta', aliases: [] } },
      { id: 'c', props: { id: 'c', label: 'Gamma', aliases: ['G'] } },
      { id: 'd', props: { id: 'd', label: 'Delta', aliases: [] } },
    ];
    await engine.run('UNWIND $rows AS row MERGE (n:T {id: row.id}) SET n = row.props SET n:Kind', { rows });
    const rels = [
      { s: 'a', t: 'b', key: 'a|R|b', props: { key: 'a|R|b', n: 2, qs: [10, -1], units: ['x', ''] } },
      { s: 'b', t: 'c', key: 'b|R|c', props: { key: 'b|R|c', n: 1, qs: [5], units: ['x'] } },
    ];
    await engine.run('UNWIND $rows AS row MATCH (s:T {id: row.s}) MATCH (t:T {id: row.t}) MERGE (s)-[r:R {key: row.key}]->(t) SET r = row.props', { rows: rels });
    await engine.run("MATCH (a:T {id: 'c'}), (b:T {id: 'd'}) MERGE (a)-[:S {key: 'c|S|d'}]->(b)");
  });
  afterAll(() => engine.close());

  test('MERGE on a constrained id does not duplicate; CREATE of a duplicate is refused', async () => {
    await engine.run("MERGE (n:T {id: 'a'}) RETURN n.id");
    expect(await engine.run('MATCH (n:T) RETURN count(n) AS c')).toEqual([{ c: 4 }]);
    await expect(engine.run("CREATE (n:T {id: 'a'})")).rejects.toThrow(/constraint/i);
  });

  test('SET n = map replaces properties; list properties come back as arrays; labels set by SET', async () => {
    const [row] = await engine.run("MATCH (n:T {id: 'a'}) RETURN n.aliases AS aliases, labels(n) AS labels, keys(n) AS keys");
    expect(row.aliases).toEqual(['Al', 'ALPHA-1']);
    expect([...(row.labels as string[])].sort()).toEqual(['Kind', 'T']);
    expect([...(row.keys as string[])].sort()).toEqual(['aliases', 'id', 'label']);
  });

  test('WHERE with toLower, any() over a list, parameters', async () => {
    const rows = await engine.run('MATCH (n:T) WHERE toLower(n.label) = toLower($q) OR any(a IN n.aliases WHERE toLower(a) = toLower($q)) RETURN n.id AS id', { q: 'alpha-1' });
    expect(rows).toEqual([{ id: 'a' }]);
  });

  test('OPTIONAL MATCH, aggregation, collect, ORDER BY, LIMIT $n', async () => {
    const rows = await engine.run(
      'MATCH (n:T) OPTIONAL MATCH (n)-[r]-(m:T) WITH n, count(DISTINCT m) AS k, collect(DISTINCT m.id) AS ms RETURN n.id AS id, k, ms ORDER BY k DESC, id LIMIT $limit',
      { limit: 2 },
    );
    expect(rows.map((r) => r.id)).toEqual(['b', 'c']);
    expect(rows[0].k).toBe(2);
    expect([...(rows[0].ms as string[])].sort()).toEqual(['a', 'c']);
  });

  test('UNWIND over range with list indexing (the parallel claim lists)', async () => {
    const rows = await engine.run(
      "MATCH ()-[r:R {key: 'a|R|b'}]->() UNWIND range(0, r.n - 1) AS i RETURN CASE WHEN r.qs[i] < 0 THEN null ELSE r.qs[i] END AS q, r.units[i] AS u ORDER BY i",
    );
    expect(rows).toEqual([
      { q: 10, u: 'x' },
      { q: null, u: '' },
    ]);
  });

  test('shortestPath, with and without a type list; nodes() and relationships() of the path', async () => {
    const rows = await engine.run(
      "MATCH (a:T {id: 'a'}) MATCH (b:T {id: 'd'}) MATCH p = shortestPath((a)-[:R|S*..5]-(b)) RETURN length(p) AS hops, [x IN nodes(p) | x.id] AS ids, [r IN relationships(p) | type(r)] AS types",
    );
    expect(rows).toEqual([{ hops: 3, ids: ['a', 'b', 'c', 'd'], types: ['R', 'R', 'S'] }]);
    const none = await engine.run("MATCH (a:T {id: 'a'}) MATCH (b:T {id: 'd'}) MATCH p = shortestPath((a)-[:S*..5]-(b)) RETURN p");
    expect(none).toEqual([]);
  });

  test('EXISTS {} and COUNT {} subqueries', async () => {
    const rows = await engine.run('MATCH (n:T) RETURN n.id AS id, COUNT { (n)--(:T) } AS degree, EXISTS { (n)-[:S]->() } AS hasS ORDER BY id');
    expect(rows).toEqual([
      { id: 'a', degree: 1, hasS: false },
      { id: 'b', degree: 2, hasS: false },
      { id: 'c', degree: 2, hasS: true },
      { id: 'd', degree: 1, hasS: false },
    ]);
  });

  test('an undirected pattern sees a relationship from both ends; startNode tells the stored direction', async () => {
    const rows = await engine.run("MATCH (n:T {id: 'b'})-[r:R]-(m) RETURN m.id AS m, startNode(r) = n AS out ORDER BY m");
    expect(rows).toEqual([
      { m: 'a', out: false },
      { m: 'c', out: true },
    ]);
  });

  test('nodes, relationships and paths come back as plain objects without internal ids', async () => {
    const [row] = await engine.run("MATCH p = (a:T {id: 'a'})-[r:R]->(b) RETURN a, r, p");
    expect(row.a).toEqual({ _labels: ['Kind', 'T'], id: 'a', label: 'Alpha', aliases: ['Al', 'ALPHA-1'] });
    expect(row.r).toEqual({ _type: 'R', key: 'a|R|b', n: 2, qs: [10, -1], units: ['x', ''] });
    expect((row.p as { nodes: unknown[]; relationships: unknown[] }).nodes).toHaveLength(2);
    expect((row.p as { nodes: unknown[]; relationships: unknown[] }).relationships).toHaveLength(1);
  });

  test('integers past 2^53 come back as decimal strings, not as rounded numbers', async () => {
    expect(await engine.run('RETURN 9007199254740993 AS big, 42 AS small')).toEqual([{ big: '9007199254740993', small: 42 }]);
  });

  test('a missing parameter and a syntax error are refused, with a position for the latter', async () => {
    await expect(engine.run('MATCH (n:T) WHERE n.id = $nope RETURN n')).rejects.toThrow(/Missing parameter/);
    await expect(engine.run('MATCH (n:T)\nRETRN n')).rejects.toThrow(/2:1/);
  });

  // Gaps of grafeo 0.6.0 the query files avoid; if one of these starts passing, the workaround can go.
  test('known gaps: LIMIT takes only a literal or a parameter', async () => {
    await expect(engine.run('MATCH (n:T) RETURN n.id LIMIT toInteger($k)', { k: 1 })).rejects.toThrow(/SKIP\/LIMIT/);
  });

  test('known gaps: list + element gives null (list + [element] works)', async () => {
    expect(await engine.run('RETURN [1] + 2 AS appended, [1] + [2] AS concatenated')).toEqual([{ appended: null, concatenated: [1, 2] }]);
  });

  test('known gaps: an aggregate cannot be indexed in the RETURN that computes it', async () => {
    await expect(engine.run('MATCH (n:T) RETURN collect(n.id)[0] AS first')).rejects.toThrow(/Aggregate/);
    expect(await engine.run('MATCH (n:T) WITH n ORDER BY n.id WITH collect(n.id) AS ids RETURN ids[0] AS first')).toEqual([{ first: 'a' }]);
  });

  test('DETACH DELETE in batches with LIMIT $limit returns how many went', async () => {
    const scratch = createEmptyEmbeddedEngine();
    await scratch.run('UNWIND range(1, 5) AS i CREATE (:X {i: i})-[:Y]->(:Z)');
    const first = await scratch.run('MATCH (n:X) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted', { limit: 3 });
    const second = await scratch.run('MATCH (n:X) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted', { limit: 3 });
    expect([first[0].deleted, second[0].deleted]).toEqual([3, 2]);
    expect(await scratch.run('MATCH ()-[r:Y]->() RETURN count(r) AS c')).toEqual([{ c: 0 }]);
    await scratch.close();
  });

  test('run after close fails', async () => {
    const scratch = createEmptyEmbeddedEngine();
    await scratch.close();
    await expect(scratch.run('RETURN 1 AS x')).rejects.toThrow(/after close/);
  });
});
