/** Shared by the reliability tests: a small real graph built from articles written for them, bad graph files, and a command runner. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureIO, runCli, type CommandMain, type CommandSpec } from '../../scripts/lib/cli';
import { saveGraph } from '../../src/graph';
import { buildCorpusGraph } from '../../src/pipeline';

/** Articles invented for these tests: enough entities and relations for paths, communities and exports. */
export const TEST_ARTICLES: Record<string, string> = {
  'moscou.txt':
    'La Corée du Nord a livré des obus d’artillerie à la Russie, selon Séoul.\n' +
    'Le ministre russe de la Défense a rencontré Kim Jong Un à Pyongyang en mars 2024.\n',
  'traite.txt':
    'Vladimir Poutine et Kim Jong Un ont signé un traité de défense mutuelle à Pyongyang.\n' +
    'La Corée du Sud et le Japon condamnent la coopération militaire entre Moscou et Pyongyang.\n',
  'troupes.txt': 'Environ 11 000 soldats nord-coréens ont été déployés dans la région de Koursk, affirme l’Ukraine.\n',
};

export const tmpDir = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), `newsgraph-rel-${prefix}-`));

/** Writes the test articles into `dir/articles` and the graph built from them into `dir/graph.json`. */
export function writeTestGraph(dir: string = tmpDir('graph')): { dir: string; articles: string; file: string } {
  const articles = path.join(dir, 'articles');
  mkdirSync(articles, { recursive: true });
  for (const [name, text] of Object.entries(TEST_ARTICLES)) writeFileSync(path.join(articles, name), text);
  const file = path.join(dir, 'graph.json');
  saveGraph(buildCorpusGraph({ articlesDir: articles }).graph, file);
  return { dir, articles, file };
}

/** Graph files that are not newsgraph graphs, with what the message must say. */
export const BAD_GRAPHS: readonly { name: string; content: string | null; problem: RegExp }[] = [
  { name: 'missing', content: null, problem: /no such file \(run `npm run build-graph` first\)/ },
  { name: 'empty', content: '', problem: /not valid JSON .*the file may be truncated/ },
  { name: 'truncated', content: '{"options":{"type":"mixed","multi":true,"allowSelfLoops":false},"attributes":{},"nodes":[{"key":"a","attri', problem: /not valid JSON .*the file may be truncated/ },
  { name: 'wrong shape', content: JSON.stringify({ options: { type: 'mixed', multi: true, allowSelfLoops: false }, attributes: {}, nodes: [{ key: 'a', attributes: { label: 'A', type: 'Planet', aliases: [], mentions: [] } }], edges: [] }), problem: /not a newsgraph graph: nodes\.0\.attributes\.type/ },
  { name: 'Cytoscape.js graph', content: JSON.stringify({ elements: { nodes: [{ data: { id: 'a' } }], edges: [] } }), problem: /not a newsgraph graph: looks like a Cytoscape\.js graph/ },
  { name: 'd3 node-link graph', content: JSON.stringify({ nodes: [{ id: 'a' }, { id: 'b' }], links: [{ source: 'a', target: 'b' }] }), problem: /not a newsgraph graph: looks like a d3-force \/ NetworkX node-link graph/ },
  { name: 'JSON array', content: '[1, 2, 3]', problem: /not a newsgraph graph: the JSON is an array/ },
];

/** Runs a command in-process, as the command line would, and returns its exit code and output. */
export async function run(command: { SPEC: CommandSpec; main: CommandMain }, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO();
  const code = await runCli(command.SPEC, command.main, argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** A stack trace line, which only --debug may print. */
export const STACK_LINE = /\n\s+at .+:\d+:\d+\)?/;
