/**
 * Pins the Neo4j engine: values converted to plain JS, parameters sent with
 * integers as integers, an unreachable server failing within seconds with a
 * clear message, and — when NEO4J_URI points at a real server — the export
 * and the query files against it.
 */
import neo4j from 'neo4j-driver';
import { readdirSync } from 'node:fs';
import type { CypherEngine } from '../../src/cypher';
import {
  buildLoadPlan,
  countGraph,
  createEmbeddedEngine,
  createNeo4jEngine,
  fromNeo4jValue,
  graphToRows,
  loadGraphRows,
  Neo4jConnectionError,
  neo4jOptionsFrom,
  toNeo4jParam,
} from '../../src/cypher';
import { fixtureGraph, TRICKY_LABEL } from './fixture';
import { QUERIES_DIR, runQueryFile } from './queryFiles';

describe('neo4j engine: values and parameters', () => {
  test('integers go as Neo4j integers; number lists stay homogeneous; nested maps converted', () => {
    const converted = toNeo4jParam({ limit: 5, ratio: 0.5, ints: [1, 2], mixed: [1, 2.5], rows: [{ n: 3, s: 'x' }] }) as Record<string, unknown>;
    expect(neo4j.isInt(converted.limit)).toBe(true);
    expect(converted.ratio).toBe(0.5);
    expect((converted.ints as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
    expect(converted.mixed).toEqual([1, 2.5]);
    expect(neo4j.isInt((converted.rows as Record<string, unknown>[])[0].n)).toBe(true);
  });

  test('driver values become plain values: integers, nodes, relationships', () => {
    expect(fromNeo4jValue(neo4j.int(42))).toBe(42);
    expect(fromNeo4jValue(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity', 'Country'], { id: 'kp', count: neo4j.int(3) }, 'e1');
    expect(fromNeo4jValue(node)).toEqual({ _labels: ['Country', 'Entity'], id: 'kp', count: 3 });
    const rel = new neo4j.types.Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), 'SUPPLIED_ARMS_TO', { claimCount: neo4j.int(2) }, 'r', 's', 't');
    expect(fromNeo4jValue(rel)).toEqual({ _type: 'SUPPLIED_ARMS_TO', claimCount: 2 });
    expect(fromNeo4jValue([neo4j.int(1), null, 'a'])).toEqual([1, null, 'a']);
  });

  test('connection options come from the environment unless given', () => {
    expect(neo4jOptionsFrom({}, {})).toBeNull();
    expect(neo4jOptionsFrom({}, { NEO4J_URI: 'bolt://h:7687', NEO4J_PASSWORD: 'p' })).toEqual({ uri: 'bolt://h:7687', user: 'neo4j', password: 'p', database: undefined });
    expect(neo4jOptionsFrom({ uri: 'bolt://x', user: 'u' }, { NEO4J_URI: 'bolt://h', NEO4J_DATABASE: 'news' })).toEqual({ uri: 'bolt://x', user: 'u', password: '', database: 'news' });
  });

  test('an unreachable server fails within seconds, naming the URI', async () => {
    const started = Date.now();
    let error: unknown;
    try {
      await createNeo4jEngine({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', connectionTimeoutMs: 2000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Neo4jConnectionError);
    expect((error as Error).message).toMatch(/^cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: /);
    expect((error as { exitCode: number }).exitCode).toBe(2);
    expect(Date.now() - started).toBeLessThan(10000);
  });

  test('a malformed URI is refused with the URI in the message', async () => {
    await expect(createNeo4jEngine({ uri: 'http//nope', user: 'neo4j', password: 'x' })).rejects.toThrow(/http\/\/nope/);
  });
});

const NEO4J_URI = process.env.NEO4J_URI;
if (!NEO4J_URI) {
  // eslint-disable-next-line no-console
  console.info('test/cypher/neo4j.test.ts: NEO4J_URI is not set; the integration tests against a real Neo4j are skipped.');
}
const describeWithNeo4j = NEO4J_URI ? describe : describe.skip;

describeWithNeo4j(`neo4j integration (NEO4J_URI=${NEO4J_URI ?? 'unset: skipped'})`, () => {
  let engine: CypherEngine;
  let embedded: CypherEngine;
  beforeAll(async () => {
    engine = await createNeo4jEngine(neo4jOptionsFrom({})!);
    embedded = await createEmbeddedEngine(fixtureGraph());
  });
  afterAll(async () => {
    await engine?.close();
    await embedded?.close();
  });

  test('export twice with --replace then without: same counts as planned', async () => {
    const plan = buildLoadPlan(graphToRows(fixtureGraph()), 3);
    await loadGraphRows(engine, plan, { replace: true });
    const first = await countGraph(engine);
    await loadGraphRows(engine, plan);
    expect(await countGraph(engine)).toEqual(first);
    expect(first).toEqual(plan.expected);
  });

  test('the tricky label round-trips through the export and a parameter', async () => {
    const rows = await engine.run('MATCH (n:Entity) WHERE n.label = $label RETURN n.id AS id', { label: TRICKY_LABEL });
    expect(rows).toEqual([{ id: 'tricky' }]);
  });

  test.each(readdirSync(QUERIES_DIR).filter((f) => f.endsWith('.cypher')))('%s gives the same rows as on the embedded engine', async (file) => {
    const normalise = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(normalise(await runQueryFile(engine, file))).toEqual(normalise(await runQueryFile(embedded, file)));
  });
});
