/**
 * Pins the export contract: the loader statements are idempotent (two runs,
 * same counts), a failed load says how far it got and converges on re-run,
 * the cypher-shell script loads the same graph, and the CSV files follow
 * neo4j-admin's header format and parse back to the graph's values.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CypherEngine, Params, Row } from '../../src/cypher';
import {
  buildCsvExport,
  buildLoadPlan,
  chooseArrayDelimiter,
  countGraph,
  createEmbeddedEngine,
  createEmptyEmbeddedEngine,
  cypherLiteral,
  cypherShellScript,
  EMBEDDED_INDEX_STATEMENTS,
  graphToRows,
  importCommand,
  loadGraphRows,
  LoadError,
  MISSING_QUANTITY,
  writeCsvExport,
} from '../../src/cypher';
import { fixtureGraph, TRICKY_LABEL } from './fixture';

/** Statements of a cypher-shell script: split on `;` at line ends (the literals escape newlines, so none spans lines). */
function scriptStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('//'))
    .map((line) => line.replace(/;\s*$/, ''));
}

describe('load: the same statements, run twice, give the same graph', () => {
  test('counts match the plan and do not change on a second run', async () => {
    const graph = fixtureGraph();
    const plan = buildLoadPlan(graphToRows(graph), 3);
    const engine = createEmptyEmbeddedEngine();
    await loadGraphRows(engine, plan);
    const first = await countGraph(engine);
    await loadGraphRows(engine, plan);
    const second = await countGraph(engine);
    expect(second).toEqual(first);
    expect(first.nodes).toEqual(plan.expected.nodes);
    expect(first.relationships).toEqual(plan.expected.relationships);
    expect(first.nodes.Entity).toBe(graph.order);
    expect(Object.entries(first.relationships).reduce((n, [type, c]) => n + (type === 'MENTIONED_IN' ? 0 : c), 0)).toBe(graph.size);
    await engine.close();
  });

  test('batches are at most batchSize rows; a bad batch size is refused', () => {
    const plan = buildLoadPlan(graphToRows(fixtureGraph()), 2);
    expect(plan.batches.every((b) => b.rows.length >= 1 && b.rows.length <= 2)).toBe(true);
    expect(() => buildLoadPlan(graphToRows(fixtureGraph()), 0)).toThrow(/batchSize/);
  });

  test('the embedded engine adds id lookup indexes (grafeo does not look up through constraints) and is loadable twice', async () => {
    const engine = await createEmbeddedEngine(fixtureGraph());
    const indexes = await engine.run('SHOW INDEXES');
    expect(indexes.map((i) => `${i.label}.${i.property}`).sort()).toEqual(['Article.id', 'Entity.id']);
    for (const statement of EMBEDDED_INDEX_STATEMENTS) await engine.run(statement);
    await engine.close();
  });

  test('undirected relations are stored once, in the stored direction', async () => {
    const engine = await createEmbeddedEngine(fixtureGraph());
    expect(await engine.run('MATCH (a)-[r:MET_WITH]->(b) RETURN a.id AS a, b.id AS b')).toEqual([{ a: 'kim', b: 'putin' }]);
    await engine.close();
  });

  test('claims become parallel lists with sentinels for missing fields', async () => {
    const engine = await createEmbeddedEngine(fixtureGraph());
    const [row] = await engine.run("MATCH ()-[r:DEPLOYED_TROOPS_TO {key: 'kp|DEPLOYED_TROOPS_TO|ru'}]->() RETURN r AS r");
    expect(row.r).toMatchObject({
      claimCount: 3,
      docs: ['t001', 't001', 't003'],
      sentences: [2, 5, 0],
      quantities: [11000, 15000, MISSING_QUANTITY],
      units: ['soldats', 'soldats', ''],
      sources: ['NIS', '', ''],
      statuses: ['reported', 'asserted', 'denied'],
    });
    const [node] = await engine.run("MATCH (n:Entity:Country {id: 'kp'}) RETURN n AS n");
    expect(node.n).toMatchObject({ label: 'Corée du Nord', wikidata: 'Q423', pagerank: 0.31, community: 1, mentionCount: 4 });
    expect(node.n).not.toHaveProperty('mentions');
    await engine.close();
  });

  test('a re-load after a type change moves the node to its new type label', async () => {
    const graph = fixtureGraph();
    const engine = await createEmbeddedEngine(graph);
    graph.setNodeAttribute('pyongyang', 'type', 'Country');
    await loadGraphRows(engine, buildLoadPlan(graphToRows(graph)));
    const [row] = await engine.run("MATCH (n:Entity {id: 'pyongyang'}) RETURN labels(n) AS labels");
    expect([...(row.labels as string[])].sort()).toEqual(['Country', 'Entity']);
    await engine.close();
  });

  test('--replace semantics: old newsgraph nodes go, other nodes stay', async () => {
    const engine = await createEmbeddedEngine(fixtureGraph());
    await engine.run("CREATE (:Entity {id: 'stale'}), (:Unrelated {id: 'keep'})");
    await loadGraphRows(engine, buildLoadPlan(graphToRows(fixtureGraph())), { replace: true });
    expect(await engine.run("MATCH (n:Entity {id: 'stale'}) RETURN n.id AS id")).toEqual([]);
    expect(await engine.run('MATCH (n:Unrelated) RETURN n.id AS id')).toEqual([{ id: 'keep' }]);
    expect((await countGraph(engine)).nodes.Entity).toBe(fixtureGraph().order);
    await engine.close();
  });

  test('a failure part-way reports the batches committed, and a re-run converges', async () => {
    const plan = buildLoadPlan(graphToRows(fixtureGraph()), 2);
    const inner = createEmptyEmbeddedEngine();
    let calls = 0;
    const failAt = plan.constraints.length + 5; // the fifth batch
    const flaky: CypherEngine = {
      name: 'flaky',
      run: (query: string, params?: Params): Promise<Row[]> => (++calls === failAt ? Promise.reject(new Error('connection reset')) : inner.run(query, params)),
      close: () => inner.close(),
    };
    let error: unknown;
    try {
      await loadGraphRows(flaky, plan);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).committed).toBe(4);
    expect((error as LoadError).message).toMatch(new RegExp(`batch 5/${plan.batches.length} .*connection reset; 4 of ${plan.batches.length} batches committed`));
    await loadGraphRows(flaky, plan);
    expect(await countGraph(inner)).toEqual(plan.expected);
    await inner.close();
  });
});

describe('cypher-shell script', () => {
  test('cypherLiteral escapes quotes, backslashes, braces and line breaks; number lists stay homogeneous', () => {
    expect(cypherLiteral(TRICKY_LABEL)).toBe(`'O\\'Brien {x} \\\\ "q"'`);
    expect(cypherLiteral('a\nb')).toBe("'a\\nb'");
    expect(cypherLiteral([1, 2.5, -1])).toBe('[1.0, 2.5, -1.0]');
    expect(cypherLiteral([1, 2])).toBe('[1, 2]');
    expect(cypherLiteral({ 'odd key': 1, ok: [] })).toBe('{`odd key`: 1, ok: []}');
    expect(() => cypherLiteral(Number.NaN)).toThrow(/NaN/);
  });

  test('running the script statements loads the same graph as the parameterised load, tricky label intact', async () => {
    const plan = buildLoadPlan(graphToRows(fixtureGraph()), 3);
    const script = cypherShellScript(plan, ['header']);
    const statements = scriptStatements(script);
    expect(statements).toHaveLength(plan.constraints.length + plan.batches.length);
    expect(statements.every((s) => !s.includes('$rows'))).toBe(true);
    const engine = createEmptyEmbeddedEngine();
    for (const statement of statements) await engine.run(statement);
    expect(await countGraph(engine)).toEqual(plan.expected);
    for (const statement of statements) await engine.run(statement);
    expect(await countGraph(engine)).toEqual(plan.expected);
    expect(await engine.run("MATCH (n:Entity {id: 'tricky'}) RETURN n.label AS label, n.aliases AS aliases")).toEqual([{ label: TRICKY_LABEL, aliases: ['Obi {y}'] }]);
    const [quote] = await engine.run("MATCH ()-[r:OFFICIAL_OF]->() RETURN r.quotes[0] AS q, r.role AS role");
    expect(quote).toEqual({ q: `${TRICKY_LABEL} a parlé; "citation" {bloc}.`, role: 'porte-parole' });
    await engine.close();
  });
});

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        fieldText += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else fieldText += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(fieldText);
      fieldText = '';
    } else if (ch === '\n') {
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = '';
    } else fieldText += ch;
  }
  if (fieldText || row.length) rows.push([...row, fieldText]);
  return rows;
}

/** neo4j-admin header entries: `name`, `name:type`, `name:type[]`, `id:ID(group)`, `:LABEL`, `:START_ID(group)`, `:END_ID(group)`, `:TYPE`. */
const HEADER_ENTRY = /^(?:[A-Za-z_]\w*(?::(?:int|long|float|double|boolean|byte|short|char|string|date|datetime)(?:\[\])?)?|[A-Za-z_]\w*:ID\(\w+\)|:LABEL|:START_ID\(\w+\)|:END_ID\(\w+\)|:TYPE)$/;

describe('neo4j-admin CSV files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-csv-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('headers follow neo4j-admin format and rows parse back to the graph values', () => {
    const graph = fixtureGraph();
    const exported = buildCsvExport(graphToRows(graph));
    const out = path.join(dir, 'import');
    writeCsvExport(exported, out, 'readme');
    const names = readdirSync(out).sort();
    expect(names).toContain('nodes_Country.csv');
    expect(names).toContain('nodes_Article.csv');
    expect(names).toContain('rels_SUPPLIED_ARMS_TO.csv');
    expect(names).toContain('rels_MENTIONED_IN.csv');
    // A quote holds ';', so the delimiter moved off ';' and the labels use it too.
    expect(exported.arrayDelimiter).toBe('|');

    for (const name of names.filter((n) => n.endsWith('.csv'))) {
      const [header, ...rows] = parseCsv(readFileSync(path.join(out, name), 'utf8'));
      for (const entry of header) expect(entry).toMatch(HEADER_ENTRY);
      for (const row of rows) expect(row).toHaveLength(header.length);
      if (name.startsWith('nodes_')) {
        expect(header.filter((h) => /:ID\(/.test(h))).toHaveLength(1);
        expect(header).toContain(':LABEL');
      } else {
        expect(header.slice(0, 3)).toEqual([expect.stringMatching(/^:START_ID\(/), expect.stringMatching(/^:END_ID\(/), ':TYPE']);
      }
    }

    const [countryHeader, ...countries] = parseCsv(readFileSync(path.join(out, 'nodes_Country.csv'), 'utf8'));
    const col = (name: string) => countryHeader.indexOf(name);
    const kp = countries.find((r) => r[col('id:ID(Entity)')] === 'kp')!;
    expect(kp[col(':LABEL')]).toBe('Entity|Country');
    expect(kp[col('aliases:string[]')].split('|')).toEqual(graph.getNodeAttribute('kp', 'aliases'));
    expect(kp[col('pagerank:float')]).toBe('0.31');
    expect(kp[col('mentionCount:int')]).toBe('4');
    expect(countries).toHaveLength(graph.filterNodes((_, a) => a.type === 'Country').length);

    const [personHeader, ...people] = parseCsv(readFileSync(path.join(out, 'nodes_Person.csv'), 'utf8'));
    expect(people.find((r) => r[0] === 'tricky')![personHeader.indexOf('label')]).toBe(TRICKY_LABEL);

    const [relHeader, ...deployments] = parseCsv(readFileSync(path.join(out, 'rels_DEPLOYED_TROOPS_TO.csv'), 'utf8'));
    const rel = deployments.find((r) => r[relHeader.indexOf('key')] === 'kp|DEPLOYED_TROOPS_TO|ru')!;
    expect(rel[relHeader.indexOf('claimCount:int')]).toBe('3');
    expect(rel[relHeader.indexOf('quantities:int[]')].split('|').map(Number)).toEqual([11000, 15000, -1]);
    expect(rel[relHeader.indexOf('quotes:string[]')].split('|')).toEqual(graph.getEdgeAttribute('kp|DEPLOYED_TROOPS_TO|ru', 'claims').map((c) => c.quote));
    expect(rel[relHeader.indexOf('sentences:int[]')]).toBe('2|5|0');
  });

  test('the import command names every file and the delimiter', () => {
    const exported = buildCsvExport(graphToRows(fixtureGraph()));
    const command = importCommand(exported, '/data/import');
    expect(command).toMatch(/^neo4j-admin database import full /);
    for (const file of exported.files) expect(command).toContain(`--${file.kind}=/data/import/${file.name}`);
    expect(command).toContain('--array-delimiter="|"');
    expect(command).toMatch(/ neo4j$/);
  });

  test('the delimiter is ";" when no value holds one', () => {
    const graph = fixtureGraph();
    graph.setEdgeAttribute('kp|DEPLOYED_TROOPS_TO|ru', 'claims', [{ doc: 't001', sentence: 5, quote: 'Sans point-virgule.', status: 'asserted' }]);
    graph.setEdgeAttribute('tricky|OFFICIAL_OF|kr', 'claims', [{ doc: 't003', sentence: 2, quote: 'Rien.', status: 'asserted' }]);
    expect(chooseArrayDelimiter(graphToRows(graph))).toBe(';');
  });

  test('the export replaces an earlier one whole, and refuses a folder holding other files', () => {
    const out = path.join(dir, 'import');
    const exported = buildCsvExport(graphToRows(fixtureGraph()));
    writeCsvExport(exported, out, 'one');
    writeFileSync(path.join(out, 'rels_STALE.csv'), 'x\n');
    writeCsvExport(exported, out, 'two');
    expect(readdirSync(out)).not.toContain('rels_STALE.csv');
    expect(readFileSync(path.join(out, 'README.txt'), 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['import']);
    writeFileSync(path.join(out, 'notes.md'), 'mine');
    expect(() => writeCsvExport(exported, out, 'three')).toThrow(/holds files that are not an export/);
    expect(readFileSync(path.join(out, 'notes.md'), 'utf8')).toBe('mine');
  });
});
