/**
 * Pins the command lines `npm run query` and `npm run neo4j:export`: output
 * forms, exit codes, and bad input (syntax error with line and column before
 * anything runs, missing parameter, unreachable Neo4j, unknown option).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as exportCommand from '../../scripts/neo4j-export';
import * as queryCommand from '../../scripts/query';
import { captureIO, runCli } from '../../scripts/lib/cli';
import { saveGraph } from '../../src/graph';
import { createEmptyEmbeddedEngine, countGraph, buildLoadPlan, graphToRows } from '../../src/cypher';
import { fixtureGraph, TRICKY_LABEL } from './fixture';
import { QUERIES_DIR } from './queryFiles';

let dir: string;
let graphFile: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-cypher-cli-'));
  graphFile = path.join(dir, 'graph.json');
  saveGraph(fixtureGraph(), graphFile);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function query(argv: string[]) {
  const io = captureIO();
  const code = await runCli(queryCommand.SPEC, queryCommand.main, argv, io);
  return { code, out: io.out(), err: io.err() };
}

async function exporter(argv: string[]) {
  const io = captureIO();
  const code = await runCli(exportCommand.SPEC, exportCommand.main, argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('npm run query', () => {
  test('prints an aligned table with a row count', async () => {
    const { code, out } = await query([path.join(QUERIES_DIR, 'arms-flows.cypher'), '--graph', graphFile]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^supplier\s+recipient\s+items/);
    expect(lines[1]).toMatch(/^-+\s+-+/);
    expect(lines.some((l) => /^Corée du Nord\s+Russie\s+obus d'artillerie/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('(2 rows)');
    // Columns align: every data line has `Russie` at the header's recipient column.
    const column = lines[0].indexOf('recipient');
    for (const line of lines.slice(2, -1)) expect(line.slice(column, column + 6)).toBe('Russie');
  });

  test('long quotes are cut with an ellipsis in the table, whole in --json', async () => {
    const file = path.join(dir, 'long.cypher');
    writeFileSync(file, `// A long value.\nRETURN '${'mot '.repeat(60)}' AS quote`);
    const table = await query([file, '--graph', graphFile]);
    expect(table.out.split('\n')[2]).toMatch(/…$/);
    const json = await query([file, '--graph', graphFile, '--json']);
    expect(JSON.parse(json.out)[0].quote).toHaveLength(240);
  });

  test('--json prints the rows as a JSON array; --param overrides a default; a tricky name passes as a parameter', async () => {
    const { code, out } = await query([path.join(QUERIES_DIR, 'entity.cypher'), '--graph', graphFile, '--json', '--param', `name=${TRICKY_LABEL}`]);
    expect(code).toBe(0);
    const rows = JSON.parse(out);
    expect(rows).toEqual([expect.objectContaining({ entity: TRICKY_LABEL, relation: 'OFFICIAL_OF' })]);
  });

  test('a syntax error is reported as FILE:line:col, exit 2, before the graph is even read', async () => {
    const file = path.join(dir, 'broken.cypher');
    writeFileSync(file, '// Broken.\nMATCH (n:Entity)\nWHERE n.label = "x"\nRETURN n.label ORDER\n');
    const { code, err, out } = await query([file, '--graph', path.join(dir, 'missing.json')]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(new RegExp(`^newsgraph query: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: `));
  });

  test('a missing parameter is named, exit 2', async () => {
    const file = path.join(dir, 'needs.cypher');
    writeFileSync(file, '// Needs a name.\n// @param name\nMATCH (n:Entity) WHERE n.label = $name RETURN n.id AS id\n');
    const { code, err } = await query([file, '--graph', graphFile]);
    expect(code).toBe(2);
    expect(err).toMatch(/missing parameter \$name/);
    const given = await query([file, '--graph', graphFile, '--param', 'name=Russie', '--json']);
    expect(JSON.parse(given.out)).toEqual([{ id: 'ru' }]);
  });

  test('no rows prints a note; a missing query file or graph file is an input error', async () => {
    expect((await query([path.join(QUERIES_DIR, 'entity.cypher'), '--graph', graphFile, '--param', 'name=Atlantide'])).out).toBe('(no rows)\n');
    const noFile = await query([path.join(dir, 'nope.cypher'), '--graph', graphFile]);
    expect([noFile.code, noFile.err]).toEqual([2, expect.stringMatching(/nope\.cypher: no such query file/)]);
    const noGraph = await query([path.join(QUERIES_DIR, 'entity.cypher'), '--graph', path.join(dir, 'none.json')]);
    expect([noGraph.code, noGraph.err]).toEqual([2, expect.stringMatching(/none\.json: no such file/)]);
  });

  test('--neo4j against an unreachable server fails fast with a clear message, exit 2', async () => {
    const started = Date.now();
    const { code, err } = await query([path.join(QUERIES_DIR, 'entity.cypher'), '--neo4j', '--uri', 'bolt://127.0.0.1:1', '--password', 'x']);
    expect(code).toBe(2);
    expect(err).toMatch(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    expect(Date.now() - started).toBeLessThan(15000);
  });

  test('unknown options and --uri without --neo4j are usage errors', async () => {
    expect((await query([path.join(QUERIES_DIR, 'entity.cypher'), '--bogus'])).code).toBe(2);
    expect((await query([path.join(QUERIES_DIR, 'entity.cypher'), '--uri', 'bolt://x'])).err).toMatch(/need --neo4j/);
  });
});

describe('npm run neo4j:export', () => {
  test('--csv writes the import files and prints the neo4j-admin command', async () => {
    const out = path.join(dir, 'csv');
    const result = await exporter(['--graph', graphFile, '--csv', out]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^neo4j-admin database import full --nodes=/);
    expect(result.out).toContain(`--relationships=${path.join(out, 'rels_SUPPLIED_ARMS_TO.csv')}`);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['nodes_Country.csv', 'rels_MENTIONED_IN.csv', 'README.txt']));
    expect(readFileSync(path.join(out, 'README.txt'), 'utf8')).toContain(result.out.trim());
  });

  test('--cypher writes a script that loads the same counts on the embedded engine', async () => {
    const file = path.join(dir, 'load.cypher');
    const result = await exporter(['--graph', graphFile, '--cypher', file, '--batch-size', '4']);
    expect(result.code).toBe(0);
    const statements = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('//'))
      .map((l) => l.replace(/;$/, ''));
    const engine = createEmptyEmbeddedEngine();
    for (const statement of statements) await engine.run(statement);
    expect(await countGraph(engine)).toEqual(buildLoadPlan(graphToRows(fixtureGraph())).expected);
    await engine.close();
  });

  test('without --uri, NEO4J_URI or a file output, it says what to give (exit 2)', async () => {
    const saved = process.env.NEO4J_URI;
    delete process.env.NEO4J_URI;
    try {
      const { code, err } = await exporter(['--graph', graphFile]);
      expect(code).toBe(2);
      expect(err).toMatch(/give --uri \(or set NEO4J_URI\), or use --csv DIR \/ --cypher FILE/);
    } finally {
      if (saved !== undefined) process.env.NEO4J_URI = saved;
    }
  });

  test('an unreachable Neo4j fails fast, exit 2, nothing half-written', async () => {
    const started = Date.now();
    const { code, err } = await exporter(['--graph', graphFile, '--uri', 'bolt://127.0.0.1:1', '--password', 'x']);
    expect(code).toBe(2);
    expect(err).toMatch(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    expect(Date.now() - started).toBeLessThan(15000);
  });

  test('bad --batch-size and --replace without a server are usage errors', async () => {
    expect((await exporter(['--graph', graphFile, '--csv', path.join(dir, 'x'), '--batch-size', '0'])).code).toBe(2);
    const replace = await exporter(['--graph', graphFile, '--csv', path.join(dir, 'y'), '--replace']);
    expect([replace.code, replace.err]).toEqual([2, expect.stringMatching(/--replace applies to a Neo4j export/)]);
  });
});
