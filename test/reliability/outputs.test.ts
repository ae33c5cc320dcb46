/**
 * Contract: every file a command writes goes to a temp file in the same
 * folder and is renamed over the target, so a failure leaves the previous
 * output byte for byte; a failed build leaves the previous graph; a corrupt or
 * foreign graph.json is refused by every command that reads one, naming the
 * file and the problem, exit 2, no stack trace; internal errors show a stack
 * only with --debug.
 */
import fs, { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
import { BAD_GRAPHS, run, STACK_LINE, tmpDir, writeTestGraph } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const KNOWLEDGE = path.join(ROOT, 'graph-data', 'knowledge');
const QUERY = path.join(ROOT, 'queries', 'most-connected.cypher');

/** Every file below `dir`, relative, sorted: temp files left behind would show here. */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}

/** Snapshot of the bytes of every file below `dir`. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of listing(dir)) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile()) files.set(name, readFileSync(file));
  }
  return files;
}

/** Makes the rename onto `target` fail once, as a crash or a full disk at the last step would. Returns the renames seen. */
function failRenameOnto(targets: readonly string[]) {
  const real = fs.renameSync;
  const seen: { from: string; to: string }[] = [];
  let failed = false;
  const spy = jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    seen.push({ from: String(from), to: String(to) });
    if (!failed && targets.includes(path.resolve(String(to)))) {
      failed = true;
      throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: 'EIO' });
    }
    return real(from, to);
  });
  return { spy, seen };
}

/** The commands that write files, with where they write. */
interface Writer {
  name: string;
  /** Runs the command on the graph file, writing into `out` (a folder of its own). */
  run: (graph: string, out: string) => Promise<{ code: number; out: string; err: string }>;
  /** Files (or the folder) the command replaces, for the given graph file and output folder. */
  targets: (graph: string, out: string) => string[];
  /** The command rewrites the graph file itself. */
  inPlace?: boolean;
}

const WRITERS: Writer[] = [
  {
    name: 'build-graph',
    run: (graph, out) => run(buildGraphCommand, ['--articles', path.join(path.dirname(graph), 'articles'), '--out', path.join(out, 'graph.json'), '--no-cache', '--quiet']),
    targets: (_graph, out) => [path.join(out, 'graph.json')],
  },
  ...(['gexf', 'graphml', 'json'] as const).map((format) => ({
    name: `export --format ${format}`,
    run: (graph: string, out: string) => run(exportCommand, ['--graph', graph, '--format', format, '--out', path.join(out, `graph.${format}`)]),
    targets: (_graph: string, out: string) => [path.join(out, `graph.${format}`)],
  })),
  {
    name: 'export --format csv',
    run: (graph, out) => run(exportCommand, ['--graph', graph, '--format', 'csv', '--out', `${out}${path.sep}`]),
    targets: (_graph, out) => [path.join(out, 'nodes.csv'), path.join(out, 'edges.csv')],
  },
  {
    name: 'layout',
    run: (graph) => run(layoutCommand, ['--graph', graph, '--iterations', '20']),
    targets: (graph) => [graph],
    inPlace: true,
  },
  {
    name: 'communities --assign',
    run: (graph) => run(communitiesCommand, ['--graph', graph, '--assign', '--json']),
    targets: (graph) => [graph],
    inPlace: true,
  },
  {
    name: 'neo4j:export --csv',
    run: (graph, out) => run(neo4jExportCommand, ['--graph', graph, '--csv', path.join(out, 'import')]),
    targets: (_graph, out) => [path.join(out, 'import')],
  },
  {
    name: 'neo4j:export --cypher',
    run: (graph, out) => run(neo4jExportCommand, ['--graph', graph, '--cypher', path.join(out, 'load.cypher')]),
    targets: (_graph, out) => [path.join(out, 'load.cypher')],
  },
  ...(['svg', 'png'] as const).map((format) => ({
    name: `render --out x.${format}`,
    run: (graph: string, out: string) => run(renderCommand, ['--graph', graph, '--out', path.join(out, `graph.${format}`), '--width', '400']),
    targets: (_graph: string, out: string) => [path.join(out, `graph.${format}`)],
  })),
];

describe('every output is written atomically', () => {
  const base = writeTestGraph(tmpDir('outputs'));
  afterEach(() => jest.restoreAllMocks());

  /** A fresh copy of the test graph and an output folder holding a previous run's outputs. */
  async function setup(writer: Writer) {
    const dir = tmpDir('writer');
    cpSync(base.articles, path.join(dir, 'articles'), { recursive: true });
    const graph = path.join(dir, 'graph.json');
    cpSync(base.file, graph);
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const first = await writer.run(graph, out);
    expect(first).toMatchObject({ code: 0 });
    for (const target of writer.targets(graph, out)) expect(existsSync(target)).toBe(true);
    return { dir, graph, out };
  }

  test.each(WRITERS.map((w) => [w.name, w] as const))('%s: the previous output survives a failure at the last step, and no temp file is left', async (_name, writer) => {
    const { dir, graph, out } = await setup(writer);
    const before = snapshot(dir);
    const targets = writer.targets(graph, out).map((t) => path.resolve(t));
    const { seen } = failRenameOnto(targets);
    const failed = await writer.run(graph, out);
    jest.restoreAllMocks();
    expect(failed.code).not.toBe(0);
    expect(failed.err).toMatch(/EIO/);
    // Same files, same bytes: nothing half-written, no temp file left.
    expect(snapshot(dir)).toEqual(before);
    // The write went through a rename from the same folder.
    const onto = seen.find((r) => targets.includes(path.resolve(r.to)))!;
    expect(onto).toBeDefined();
    expect(path.dirname(path.resolve(onto.from))).toBe(path.dirname(path.resolve(onto.to)));
    expect(onto.from).not.toBe(onto.to);
  });

  test('export --format csv: a failure on the second file puts the first one back (never a mismatched pair)', async () => {
    const writer = WRITERS.find((w) => w.name === 'export --format csv')!;
    const { dir, graph, out } = await setup(writer);
    const before = snapshot(dir);
    const [nodes, edges] = writer.targets(graph, out).map((t) => path.resolve(t));
    const { seen } = failRenameOnto([edges]);
    const failed = await writer.run(graph, out);
    jest.restoreAllMocks();
    expect(failed.code).toBe(2);
    expect(failed.err).toMatch(/cannot write .*nodes\.csv and .*edges\.csv: EIO/);
    // nodes.csv had been replaced when edges.csv failed: it was put back.
    expect(seen.some((r) => path.resolve(r.to) === nodes)).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });

  test.each(WRITERS.map((w) => [w.name, w] as const))('%s: a normal run replaces the output and leaves no temp file', async (_name, writer) => {
    const { dir, graph, out } = await setup(writer);
    const names = listing(dir);
    const again = await writer.run(graph, out);
    expect(again.code).toBe(0);
    expect(listing(dir)).toEqual(names);
    expect(listing(dir).filter((name) => /\.tmp|\.old-/.test(name))).toEqual([]);
  });
});

describe('a failed build leaves the previous graph exactly as it was', () => {
  const base = writeTestGraph(tmpDir('failed-build'));

  test.each([
    ['a knowledge file that is not JSON', 'triggers.json', (text: string) => text.slice(0, Math.floor(text.length / 2)), /newsgraph knowledge: \S+triggers\.json: not valid JSON/],
    ['a gazetteer of the wrong shape', 'gazetteer.json', () => JSON.stringify({ entities: [{ id: 1 }] }), /newsgraph knowledge: \S+gazetteer\.json: /],
    ['a lexicon of the wrong shape', 'units.json', () => JSON.stringify({ nothing: true }), /newsgraph (claims|knowledge|relations|findMentions): \S+units\.json/],
  ])('%s: exit 2 naming the file, graph bytes unchanged', async (_name, file, corrupt, message) => {
    const dir = tmpDir('knowledge');
    const knowledge = path.join(dir, 'knowledge');
    cpSync(KNOWLEDGE, knowledge, { recursive: true });
    const target = path.join(knowledge, file);
    writeFileSync(target, corrupt(readFileSync(target, 'utf8')));
    const graph = path.join(dir, 'graph.json');
    cpSync(base.file, graph);
    const before = readFileSync(graph);
    const failed = await run(buildGraphCommand, ['--articles', base.articles, '--knowledge', knowledge, '--out', graph, '--no-cache']);
    expect(failed.code).toBe(2);
    expect(failed.err).toMatch(message);
    expect(failed.err).not.toMatch(STACK_LINE);
    expect(readFileSync(graph).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['graph.json', 'knowledge']);
  });

  test('a crash while the graph is written (after the articles are read) leaves the previous graph', async () => {
    const dir = tmpDir('crash');
    const graph = path.join(dir, 'graph.json');
    cpSync(base.file, graph);
    const before = readFileSync(graph);
    const real = fs.writeSync;
    // The temp file is opened, then the disk fills up half-way through the write.
    jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: never, ...rest: never[]) => {
      if (typeof data === 'object' && (data as Buffer).length > 1000) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return real(fd, data, ...rest);
    }) as typeof fs.writeSync);
    const failed = await run(buildGraphCommand, ['--articles', base.articles, '--out', graph, '--no-cache', '--quiet']);
    jest.restoreAllMocks();
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/ENOSPC/);
    expect(readFileSync(graph).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });
});

describe('a corrupt or foreign graph.json, in every command that reads one', () => {
  /** Each command, run on `graph`, writing (if it writes) into `out`. */
  const READERS: [string, { SPEC: never; main: never } | object, (graph: string, out: string) => string[]][] = [
    ['centrality', centralityCommand, (g) => ['--graph', g]],
    ['paths', pathsCommand, (g) => ['Russie', 'Japon', '--graph', g]],
    ['communities', communitiesCommand, (g) => ['--graph', g, '--assign']],
    ['export', exportCommand, (g, out) => ['--graph', g, '--format', 'gexf', '--out', path.join(out, 'x.gexf')]],
    ['contradictions', contradictionsCommand, (g) => ['--graph', g]],
    ['query', queryCommand, (g) => [QUERY, '--graph', g]],
    ['neo4j:export', neo4jExportCommand, (g, out) => ['--graph', g, '--csv', path.join(out, 'import'), '--cypher', path.join(out, 'load.cypher')]],
    ['viewer', viewerCommand, (g) => ['--graph', g, '--port', '0']],
    ['layout', layoutCommand, (g) => ['--graph', g]],
    ['render', renderCommand, (g, out) => ['--graph', g, '--out', path.join(out, 'x.svg')]],
    ['start', startCommand, (g) => ['--graph', g, '--no-serve']],
    ['eval', evalCommand, (g) => ['--graph', g]],
  ];
  /** start and eval build a missing graph (that is their job); every other case must be refused. */
  const BUILDS_WHEN_MISSING = new Set(['start', 'eval']);
  const cases = READERS.flatMap(([name, command, argv]) =>
    BAD_GRAPHS.filter((bad) => !(bad.content === null && BUILDS_WHEN_MISSING.has(name))).map((bad) => [name, bad.name, command, argv, bad] as const),
  );

  test.each(cases)('%s on a %s graph: exit 2, one line naming the file and the problem, nothing written', async (name, _bad, command, argv, bad) => {
    const dir = tmpDir('bad-graph');
    const graph = path.join(dir, 'graph.json');
    if (bad.content !== null) writeFileSync(graph, bad.content);
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const before = listing(dir);
    const result = await run(command as never, argv(graph, out));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(new RegExp(`^newsgraph ${name}: ${graph.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(result.err).toMatch(bad.problem);
    expect(result.err.trimEnd().split('\n')).toHaveLength(1);
    expect(result.err).not.toMatch(STACK_LINE);
    // The bad file is left as it was, and no output appeared.
    expect(listing(dir)).toEqual(before);
    if (bad.content !== null) expect(readFileSync(graph, 'utf8')).toBe(bad.content);
  });

  test('--debug adds the stack trace of an input error; without it there is none', async () => {
    const dir = tmpDir('debug');
    const graph = path.join(dir, 'graph.json');
    writeFileSync(graph, '{"nodes": [');
    const plain = await run(centralityCommand, ['--graph', graph]);
    const debug = await run(centralityCommand, ['--graph', graph, '--debug']);
    expect(plain.err).not.toMatch(STACK_LINE);
    expect(debug.code).toBe(2);
    expect(debug.err.split('\n')[0]).toBe(plain.err.trimEnd());
    expect(debug.err).toMatch(STACK_LINE);
  });
});

describe('internal errors', () => {
  afterEach(() => jest.restoreAllMocks());

  test('exit 1 with one line and a hint; the stack only with --debug', async () => {
    const { file } = writeTestGraph(tmpDir('internal'));
    // A failure no input explains: the disk refuses the rename of the laid-out graph.
    jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    });
    const plain = await run(layoutCommand, ['--graph', file, '--iterations', '5']);
    expect(plain.code).toBe(1);
    expect(plain.err).toBe('newsgraph layout: internal error: EIO: i/o error, rename (run with --debug for the stack trace)\n');
    const debug = await run(layoutCommand, ['--graph', file, '--iterations', '5', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.err).toMatch(/^newsgraph layout: internal error: EIO: i\/o error, rename\n/);
    expect(debug.err).toMatch(STACK_LINE);
  });
});
