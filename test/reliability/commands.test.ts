/**
 * Contract: every command refuses a wrong command line or a wrong input with
 * one line on stderr that names the problem (`newsgraph <command>: …`), and
 * the documented exit code: 2 for usage and input errors, 0 for --help.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as buildGraphCommand from '../../scripts/build-graph';
import * as centralityCommand from '../../scripts/centrality';
import * as communitiesCommand from '../../scripts/communities';
import * as contradictionsCommand from '../../scripts/contradictions';
import * as evalCommand from '../../scripts/eval';
import * as exportCommand from '../../scripts/export';
import * as layoutCommand from '../../scripts/layout';
import * as neo4jExportCommand from '../../scripts/neo4j-export';
import * as pathsCommand from '../../scripts/paths';
import * as queryCommand from '../../scripts/query';
import * as renderCommand from '../../scripts/render';
import * as startCommand from '../../scripts/start';
import * as viewerCommand from '../../scripts/viewer';
import { EXIT_USAGE, type CommandMain, type CommandSpec } from '../../scripts/lib/cli';
import { run, STACK_LINE, tmpDir, writeTestGraph } from './helpers';

type Command = { SPEC: CommandSpec; main: CommandMain };

const COMMANDS: Command[] = [
  buildGraphCommand,
  centralityCommand,
  communitiesCommand,
  contradictionsCommand,
  evalCommand,
  exportCommand,
  layoutCommand,
  neo4jExportCommand,
  pathsCommand,
  queryCommand,
  renderCommand,
  startCommand,
  viewerCommand,
] as Command[];

const { file: GRAPH, dir } = writeTestGraph(tmpDir('commands'));

/** One refused command line: exit 2, exactly one line, no stack, the given message. */
async function expectRefused(command: Command, argv: string[], message: RegExp): Promise<string> {
  const result = await run(command, argv);
  expect(result.code).toBe(EXIT_USAGE);
  expect(result.out).toBe('');
  expect(result.err).toMatch(new RegExp(`^newsgraph ${command.SPEC.name}: `));
  expect(result.err.trimEnd().split('\n')).toHaveLength(1);
  expect(result.err).not.toMatch(STACK_LINE);
  expect(result.err).toMatch(message);
  return result.err;
}

describe('options', () => {
  test.each(COMMANDS.map((c) => [c.SPEC.name, c] as const))('%s: an unknown option is named, with the known ones, exit 2', async (_name, command) => {
    const err = await expectRefused(command, ['--frobnicate'], /unknown option --frobnicate \(known: .*--help, --debug\)/);
    for (const option of Object.keys(command.SPEC.options)) expect(err).toContain(`--${option}`);
  });

  test.each(COMMANDS.map((c) => [c.SPEC.name, c] as const))('%s: --help prints the usage, exit 0', async (name, command) => {
    const result = await run(command, ['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`^usage: npm run ${name}`));
    expect(result.err).toBe('');
  });

  test.each([
    ['centrality', ['--graph', GRAPH, '--top', 'ten'], centralityCommand, /--top must be an integer ≥ 0 \(got "ten"\)/],
    ['paths', ['Russie', 'Japon', '--graph', GRAPH, '--max-hops', '0'], pathsCommand, /--max-hops must be an integer ≥ 1 \(got "0"\)/],
    ['layout', ['--graph', GRAPH, '--iterations', 'many'], layoutCommand, /--iterations must be an integer between 0 and 100000 \(got "many"\)/],
    ['viewer', ['--graph', GRAPH, '--port', '99999'], viewerCommand, /--port must be an integer between 0 and 65535 \(got "99999"\)/],
    ['build-graph', ['--workers', '0'], buildGraphCommand, /--workers must be an integer ≥ 1 \(got "0"\)/],
    ['neo4j:export', ['--graph', GRAPH, '--csv', path.join(dir, 'x'), '--batch-size', '0'], neo4jExportCommand, /--batch-size must be an integer between 1 and \d+ \(got "0"\)/],
    ['render', ['--graph', GRAPH, '--out', path.join(dir, 'x.pdf')], renderCommand, /--out must end in \.svg or \.png \(got ".*x\.pdf"\)/],
    ['centrality', ['--graph'], centralityCommand, /option --graph needs a value \(FILE\)/],
    ['paths', ['Russie', '--graph', GRAPH], pathsCommand, /missing TO \(usage: npm run paths -- FROM TO \[options\]\)/],
    ['contradictions', ['--graph', GRAPH, '--json', '--json'], contradictionsCommand, /option --json given more than once/],
  ])('%s %j: a bad value is named, exit 2', async (_name, argv, command, message) => {
    await expectRefused(command as Command, argv as string[], message);
  });
});

describe('choices and names', () => {
  test('an unknown metric lists the known ones', async () => {
    await expectRefused(centralityCommand, ['--graph', GRAPH, '--metric', 'closenes'], /unknown metric "closenes" \(known: degree, .*closeness.*, all\)/);
  });

  test('an unknown entity type lists the known ones', async () => {
    await expectRefused(centralityCommand, ['--graph', GRAPH, '--type', 'Planet'], /unknown type "Planet" \(known: Country, Person, Organization, Treaty, WeaponSystem, Place\)/);
  });

  test('an unknown export format lists the known ones', async () => {
    await expectRefused(exportCommand, ['--graph', GRAPH, '--format', 'pdf', '--out', path.join(dir, 'x.pdf')], /unknown format "pdf" \(known: gexf, graphml, csv, json\)/);
  });

  test('a misspelt entity name is refused with the closest known names first', async () => {
    const err = await expectRefused(pathsCommand, ['Kim Jong Um', 'Russie', '--graph', GRAPH], /unknown entity "Kim Jong Um"; closest known names: /);
    expect(err).toMatch(/closest known names: Kim Jong Un \(Person, key \S+\)/);
  });

  test('an ambiguous name lists the candidates and asks for more', async () => {
    await expectRefused(pathsCommand, ['Corée', 'Russie', '--graph', GRAPH], /"Corée" is ambiguous: .*Corée du (Nord|Sud).*Give the key or a fuller name/);
  });
});

describe('query files', () => {
  test('a missing query file is named', async () => {
    const missing = path.join(dir, 'absente.cypher');
    await expectRefused(queryCommand, [missing, '--graph', GRAPH], new RegExp(`${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no such query file`));
  });

  test('a Cypher syntax error gives FILE:line:column of the error', async () => {
    const file = path.join(dir, 'erreur.cypher');
    // Line 3, column 18: the missing closing parenthesis before RETURN.
    writeFileSync(file, '// a query written for the test\nMATCH (a:Entity)\nMATCH (b:Entity {label: "x"} RETURN a, b\n');
    await expectRefused(queryCommand, [file, '--graph', GRAPH], new RegExp(`${path.basename(file)}:3:30: Invalid input 'RETURN'`));
  });

  test('a parameter the query needs and nobody gave is named, with how to give it', async () => {
    const file = path.join(dir, 'param.cypher');
    writeFileSync(file, '// @param name\nMATCH (n:Entity {label: $name}) RETURN n.label AS label\n');
    await expectRefused(queryCommand, [file, '--graph', GRAPH], /missing parameter \$name: pass --param name=VALUE/);
    // Given, the same query runs.
    const ok = await run(queryCommand, [file, '--graph', GRAPH, '--param', 'name=Russie', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual([{ label: 'Russie' }]);
  });

  test('a malformed --param is refused', async () => {
    await expectRefused(queryCommand, [path.join(dir, 'param.cypher'), '--graph', GRAPH, '--param', 'name'], /--param expects name=value \(got "name"\)/);
  });
});

describe('Neo4j connection options', () => {
  test('neo4j:export with nowhere to export says what to give', async () => {
    const saved = process.env.NEO4J_URI;
    delete process.env.NEO4J_URI;
    try {
      await expectRefused(neo4jExportCommand, ['--graph', GRAPH], /no Neo4j to export to: give --uri \(or set NEO4J_URI\), or use --csv DIR \/ --cypher FILE/);
    } finally {
      if (saved !== undefined) process.env.NEO4J_URI = saved;
    }
  });
});
