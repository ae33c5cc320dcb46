/**
 * Contract: the analysis commands (centrality, paths, communities, export) on a
 * temp graph file — JSON shapes, tables, exit codes and one-line errors. Most
 * run in-process through runCli; a few spawn the real script with ts-node.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadGraph, saveGraph } from '../../src/graph';
import { captureIO, runCli, type CommandMain, type CommandSpec } from '../../scripts/lib/cli';
import * as centralityScript from '../../scripts/centrality';
import * as pathsScript from '../../scripts/paths';
import * as communitiesScript from '../../scripts/communities';
import * as exportScript from '../../scripts/export';
import { makeGraph } from './fixtures';

const ROOT = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-scripts-'));
const graphFile = path.join(dir, 'graph.json');

beforeAll(() => {
  const graph = makeGraph(
    [
      ['kp', 'Corée du Nord', 'Country', ['RPDC']],
      ['ru', 'Russie', 'Country', ['Moscou']],
      ['kju', 'Kim Jong Un', 'Person'],
      ['vp', 'Vladimir Poutine', 'Person'],
      ['hw', 'Hwasong-20', 'WeaponSystem'],
      ['ua', 'Ukraine', 'Country'],
      ['ks', 'Koursk', 'Place'],
    ],
    [
      ['kju', 'LEADS', 'kp', 2],
      ['vp', 'LEADS', 'ru'],
      ['kju', 'MET_WITH', 'vp', 2],
      ['kp', 'DEVELOPS', 'hw', [{ quote: 'Le nouveau missile a été présenté lors du défilé.', date: '2025-10-10' }]],
      ['kp', 'DEPLOYED_TROOPS_TO', 'ru', 3],
      ['kp', 'DEPLOYED_TROOPS_TO', 'ks', 2],
      ['ru', 'ATTACKED', 'ua'],
      ['ks', 'LOCATED_IN', 'ru'],
    ],
  );
  saveGraph(graph, graphFile);
});

async function run(spec: CommandSpec, main: CommandMain, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO();
  const code = await runCli(spec, main, argv, io);
  return { code, out: io.out(), err: io.err() };
}

const centrality = (...argv: string[]) => run(centralityScript.SPEC, centralityScript.main, argv);
const paths = (...argv: string[]) => run(pathsScript.SPEC, pathsScript.main, argv);
const communities = (...argv: string[]) => run(communitiesScript.SPEC, communitiesScript.main, argv);
const exporter = (...argv: string[]) => run(exportScript.SPEC, exportScript.main, argv);

describe('centrality command', () => {
  it('--json prints { metrics: { <metric>: [{ key, label, type, score }] } }, highest first', async () => {
    const { code, out } = await centrality('--graph', graphFile, '--metric', 'degree,weighted-degree', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json.metrics)).toEqual(['degree', 'weighted-degree']);
    expect(json.metrics.degree[0]).toEqual({ key: 'kp', label: 'Corée du Nord', type: 'Country', score: 4 });
    const scores = json.metrics['weighted-degree'].map((row: { score: number }) => row.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('--type and --top filter the rows; betweenness says how it was computed', async () => {
    const { out } = await centrality('--graph', graphFile, '--metric', 'betweenness', '--type', 'person', '--top', '1', '--json');
    const json = JSON.parse(out);
    expect(json.metrics.betweenness).toHaveLength(1);
    expect(json.metrics.betweenness[0].type).toBe('Person');
    expect(json.betweenness).toEqual({ method: 'exact', samples: 7 });
    const sampled = JSON.parse((await centrality('--graph', graphFile, '--metric', 'betweenness', '--samples', '3', '--seed', '9', '--json')).out);
    expect(sampled.betweenness).toEqual({ method: 'sampled', samples: 3, seed: '9' });
  });

  it('prints an aligned table by default, one section per metric, naming the betweenness method', async () => {
    const { code, out } = await centrality('--graph', graphFile, '--metric', 'all');
    expect(code).toBe(0);
    for (const metric of ['degree', 'weighted-degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector']) expect(out).toMatch(new RegExp(`^${metric}: `, 'm'));
    expect(out).toMatch(/betweenness: exact \(all 7 nodes as sources\)/);
    expect(out).toMatch(/^rank {2}entity {8,}type {2,}score$/m);
    expect(out).toMatch(/^ {3}1 {2}Corée du Nord +Country +4$/m);
  });

  it('exits 2 with the known metrics for an unknown one', async () => {
    const { code, out, err } = await centrality('--graph', graphFile, '--metric', 'foo');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('newsgraph centrality: unknown metric "foo" (known: degree, weighted-degree, betweenness, closeness, pagerank, eigenvector, all)\n');
  });

  it('exits 2 for a bad --top and a missing graph file, in one line', async () => {
    expect(await centrality('--graph', graphFile, '--top', 'ten')).toMatchObject({ code: 2, err: 'newsgraph centrality: --top must be an integer ≥ 0 (got "ten")\n' });
    const missing = await centrality('--graph', path.join(dir, 'none.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^newsgraph centrality: .*none\.json: no such file \(run `npm run build-graph` first\)\n$/);
  });
});

describe('paths command', () => {
  it('--json prints { paths: [{ length, hops: [{ from, relation, to, quote, doc, date }] }] }', async () => {
    const { code, out } = await paths('kim jong-un', 'HWASONG 20', '--graph', graphFile, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.paths).toHaveLength(1);
    const [path0] = json.paths;
    expect(path0.length).toBe(2);
    expect(path0.hops.map((hop: { relation: string }) => hop.relation)).toEqual(['LEADS', 'DEVELOPS']);
    for (const hop of path0.hops) for (const field of ['from', 'relation', 'to', 'quote', 'doc', 'date']) expect(hop[field]).toEqual(expect.any(String));
    expect(path0.hops[1]).toMatchObject({ from: 'Corée du Nord', to: 'Hwasong-20', quote: 'Le nouveau missile a été présenté lors du défilé.', date: '2025-10-10', doc: 't1' });
  });

  it('prints hops as A —RELATION→ B, A ←RELATION— B against the direction, and says paths go both ways', async () => {
    const { out } = await paths('Ukraine', 'rpdc', '--graph', graphFile, '--k', '2');
    expect(out).toMatch(/Paths may traverse relations both ways/);
    expect(out).toMatch(/^ {2}Ukraine ←ATTACKED— Russie$/m);
    expect(out).toMatch(/^ {2}Russie ←DEPLOYED_TROOPS_TO— Corée du Nord$/m);
    expect(out).toMatch(/^Path 2 \(3 hops\)$/m);
    expect(out).toMatch(/« Corée du Nord DEPLOYED_TROOPS_TO Russie\. »/);
  });

  it('--via-type and --max-hops narrow the search; no path is an answer, not an error', async () => {
    const none = await paths('Vladimir Poutine', 'Hwasong-20', '--graph', graphFile, '--max-hops', '2');
    expect(none.code).toBe(0);
    expect(none.out).toMatch(/No path between Vladimir Poutine and Hwasong-20 within 2 hops/);
    const json = JSON.parse((await paths('Vladimir Poutine', 'Hwasong-20', '--graph', graphFile, '--via-type', 'Country', '--k', '3', '--json')).out);
    expect(json.paths.map((p: { nodes: string[] }) => p.nodes)).toEqual([['vp', 'ru', 'kp', 'hw']]);
  });

  it('exits 2 with the closest names for an unknown name', async () => {
    const { code, err } = await paths('Poutin', 'Russie', '--graph', graphFile);
    expect(code).toBe(2);
    expect(err).toMatch(/^newsgraph paths: unknown entity "Poutin"; closest known names: Vladimir Poutine \(Person, key vp\)/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 when FROM or TO is missing', async () => {
    expect(await paths('Russie', '--graph', graphFile)).toMatchObject({ code: 2, err: expect.stringMatching(/missing TO/) });
  });
});

describe('communities command', () => {
  it('--json has modularity and communities with members by centrality', async () => {
    const { code, out } = await communities('--graph', graphFile, '--json', '--seed', '5');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(typeof json.modularity).toBe('number');
    expect(json.communities.reduce((sum: number, c: { size: number }) => sum + c.size, 0)).toBe(7);
    for (const community of json.communities) {
      const degrees = community.members.map((m: { degree: number }) => m.degree);
      expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    }
    expect((await communities('--graph', graphFile, '--json', '--seed', '5')).out).toBe(out);
  });

  it('--assign writes `community` into the graph file, which still loads', async () => {
    const file = path.join(dir, 'assign.json');
    writeFileSync(file, readFileSync(graphFile));
    const { code, out } = await communities('--graph', file, '--assign');
    expect(code).toBe(0);
    expect(out).toMatch(/modularity/);
    expect(out).toMatch(/wrote "community" on 7 nodes/);
    const graph = loadGraph(file);
    graph.forEachNode((_node, attributes) => expect(attributes.community).toEqual(expect.any(Number)));
  });
});

describe('export command', () => {
  it('writes GEXF and reports the file', async () => {
    const out = path.join(dir, 'g.gexf');
    const result = await exporter('--format', 'gexf', '--out', out, '--graph', graphFile);
    expect(result.code).toBe(0);
    expect(result.out).toContain(out);
    expect(readFileSync(out, 'utf8')).toMatch(/<viz:color hex="#/);
  });

  it('writes NAME.nodes.csv and NAME.edges.csv for --out NAME.csv', async () => {
    const result = await exporter('--format', 'csv', '--out', path.join(dir, 'net.csv'), '--graph', graphFile);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'net.nodes.csv')) && existsSync(path.join(dir, 'net.edges.csv'))).toBe(true);
  });

  it('exits 2 for a missing --format or an unknown one', async () => {
    expect(await exporter('--out', 'x')).toMatchObject({ code: 2, err: 'newsgraph export: missing --format (gexf, graphml, csv, json)\n' });
    expect(await exporter('--format', 'pdf', '--out', 'x', '--graph', graphFile)).toMatchObject({ code: 2, err: expect.stringMatching(/unknown format "pdf"/) });
  });
});

describe('real processes (ts-node)', () => {
  function spawnScript(script: string, args: string[]) {
    return spawnSync(process.execPath, ['-r', 'ts-node/register', path.join('scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });
  }

  it('centrality --json on stdout, exit 0', () => {
    const result = spawnScript('centrality.ts', ['--graph', graphFile, '--json', '--top', '2']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).metrics.degree.map((row: { label: string }) => row.label)).toEqual(['Corée du Nord', 'Russie']);
  });

  it('a truncated graph file: exit 2, one line naming the file, no stack', () => {
    const truncated = path.join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(graphFile, 'utf8').slice(0, 200));
    const result = spawnScript('paths.ts', ['Russie', 'Ukraine', '--graph', truncated]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`newsgraph paths: ${truncated}: not valid JSON`);
    expect(result.stderr).not.toMatch(/\bat \S+:\d+/);
  });

  it('an unknown option: exit 2 listing the known ones', () => {
    const result = spawnScript('communities.ts', ['--graph', graphFile, '--colour']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^newsgraph communities: unknown option --colour \(known: --graph, --seed, --assign, --members, --json, --help, --debug\)\n$/);
  });
});
