/**
 * Pins that every query file and every statement the exporter generates is
 * clean for Neo4j's own linter, and that the lint reports errors with line and
 * column before anything runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  allLoaderStatements,
  buildLoadPlan,
  CypherInputError,
  cypherShellScript,
  graphToRows,
  lintCypher,
  parseParamArgument,
  parseQueryFile,
  prepareQuery,
} from '../../src/cypher';
import { fixtureGraph, TRICKY_LABEL } from './fixture';

const QUERIES_DIR = path.join(__dirname, '../../queries');
const queryFiles = readdirSync(QUERIES_DIR)
  .filter((f) => f.endsWith('.cypher'))
  .sort();

describe('lint: query files', () => {
  test('there are at least twelve query files, each with a description', () => {
    expect(queryFiles.length).toBeGreaterThanOrEqual(12);
    for (const file of queryFiles) {
      const query = parseQueryFile(file, readFileSync(path.join(QUERIES_DIR, file), 'utf8'));
      expect(query.description.join(' ').length).toBeGreaterThan(20);
    }
  });

  test.each(queryFiles)('%s lints clean with its default parameters', (file) => {
    const query = parseQueryFile(file, readFileSync(path.join(QUERIES_DIR, file), 'utf8'));
    const params = Object.fromEntries(query.parameters.map((p) => [p.name, p.default]));
    expect(query.parameters.every((p) => p.hasDefault)).toBe(true);
    expect(lintCypher(query.text, params)).toEqual([]);
  });
});

describe('lint: exporter statements', () => {
  test.each(allLoaderStatements().map((s) => [s.statement, s] as const))('%s lints clean', (_, { statement, parameters }) => {
    expect(lintCypher(statement, parameters)).toEqual([]);
  });

  test('the cypher-shell script lints clean as a whole, tricky label included', () => {
    const plan = buildLoadPlan(graphToRows(fixtureGraph()));
    const script = cypherShellScript(plan, ['a header line']);
    expect(script).toContain("O\\'Brien {x}");
    expect(lintCypher(script)).toEqual([]);
  });
});

describe('lint: errors are reported with their position, before anything runs', () => {
  const text = ['// Broken on purpose.', '// @param name = "x"', 'MATCH (n:Entity)', 'WHERE n.label = $name', 'RETRN n'].join('\n');

  test('a syntax error gives FILE:line:col of the bad token', () => {
    expect(() => prepareQuery(parseQueryFile('bad.cypher', text))).toThrow(/^bad\.cypher:5:1: Invalid input 'RETRN'/);
  });

  test('a missing parameter is named, with how to give it', () => {
    const query = parseQueryFile('q.cypher', '// Needs a name.\n// @param name\nMATCH (n:Entity) WHERE n.label = $name AND n.type = $type RETURN n.id');
    let error: unknown;
    try {
      prepareQuery(query, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CypherInputError);
    expect((error as Error).message).toMatch(/missing parameter \$name, \$type/);
    expect((error as Error).message).toMatch(/--param name=VALUE/);
    expect(prepareQuery(query, { name: 'a', type: 'Country' }).params).toEqual({ name: 'a', type: 'Country' });
  });

  test('header defaults are JSON; given values override them; a bad default names its line', () => {
    const query = parseQueryFile('q.cypher', '// Two params.\n// @param limit = 5\n// @param names = ["a", "b"]\nUNWIND $names AS n RETURN n LIMIT $limit');
    expect(prepareQuery(query).params).toEqual({ limit: 5, names: ['a', 'b'] });
    expect(prepareQuery(query, { limit: 1 }).params).toEqual({ limit: 1, names: ['a', 'b'] });
    expect(() => parseQueryFile('q.cypher', '// x\n// @param name = Corée\nRETURN 1')).toThrow(/q\.cypher:2:1: default of @param name is not a JSON value/);
  });

  test('--param values are JSON when they parse, else the raw string', () => {
    expect(parseParamArgument('limit=5')).toEqual(['limit', 5]);
    expect(parseParamArgument('names=["a","b"]')).toEqual(['names', ['a', 'b']]);
    expect(parseParamArgument('name=Corée du Nord')).toEqual(['name', 'Corée du Nord']);
    expect(parseParamArgument(`name=${TRICKY_LABEL}`)).toEqual(['name', TRICKY_LABEL]);
    expect(parseParamArgument('eq=a=b')).toEqual(['eq', 'a=b']);
    expect(() => parseParamArgument('novalue')).toThrow(/name=value/);
  });
});
