// Contract: graph.json is written atomically in graphology's format and read back only when it matches the ontology.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildGraph, GraphFileError, loadGraph, readFileInBackground, saveGraph, writeFileAtomic, writeFileAtomicInBackground } from '../../src/graph';

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'newsgraph-io-'));
}

function smallGraph() {
  return buildGraph(
    [
      {
        doc: 'd1',
        entities: [
          { id: 'a', label: 'Alpha', type: 'Country', aliases: ['A'], known: true, wikidata: 'Q1' },
          { id: 'b', label: 'Beta', type: 'Country', aliases: [], known: true },
        ],
        mentions: [{ entityId: 'a', type: 'Country', sentence: 0, start: 0, end: 5, surface: 'Alpha', via: 'gazetteer' }],
        relations: [{ subject: 'a', type: 'WARNED', object: 'b', claim: { doc: 'd1', sentence: 0, quote: 'Alpha « met en garde » Beta.', status: 'asserted', date: '2024-06' } }],
      },
    ],
    { extractorVersion: 't', articles: [{ id: 'd1', file: 'd1.txt', sentences: 1, hash: 'h' }] },
  );
}

describe('saveGraph / loadGraph', () => {
  test('round-trips a graph with every attribute', () => {
    const dir = tmp();
    const file = path.join(dir, 'graph.json');
    const graph = smallGraph();
    saveGraph(graph, file);
    const back = loadGraph(file);
    expect(back.export()).toEqual(graph.export());
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });

  test.each([
    ['missing file', null, /no such file/],
    ['truncated JSON', (s: string) => s.slice(0, s.length / 2), /not valid JSON.*truncated/],
    ['another tool\'s graph', () => JSON.stringify({ nodes: [{ id: 1 }], links: [] }), /not a newsgraph graph/],
    ['unknown entity type', (s: string) => s.replace('"Country"', '"Planet"'), /nodes\.0\.attributes\.type/],
    ['edge without claims', (s: string) => { const j = JSON.parse(s); j.edges[0].attributes.claims = []; return JSON.stringify(j); }, /edges\.0\.attributes\.claims/],
  ])('refuses a %s with a message naming the file', (_name, mutate, pattern) => {
    const dir = tmp();
    const file = path.join(dir, 'graph.json');
    if (mutate) {
      saveGraph(smallGraph(), file);
      writeFileSync(file, mutate(readFileSync(file, 'utf8')));
    }
    let error: unknown;
    try {
      loadGraph(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphFileError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(pattern);
  });
});

describe('writeFileAtomic', () => {
  test('replaces the file and leaves no temp file', () => {
    const dir = tmp();
    const file = path.join(dir, 'out.txt');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  test('a failed write leaves the previous file exactly as it was', () => {
    const dir = tmp();
    const file = path.join(dir, 'out.txt');
    writeFileSync(file, 'previous');
    // Renaming a file over a directory fails after the temp file is written.
    const target = path.join(dir, 'sub');
    require('node:fs').mkdirSync(target);
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('previous');
    expect(readdirSync(dir).sort()).toEqual(['out.txt', 'sub']);
  });
});

describe('writeFileAtomicInBackground and readFileInBackground', () => {
  test('the pieces are written in order over the old file, no temp file left; read back whole', async () => {
    const dir = tmp();
    const file = path.join(dir, 'graph.json');
    writeFileSync(file, 'old content, longer than the new one');
    const pieces = Array.from({ length: 3000 }, (_, i) => Buffer.from(`${i},`)); // more pieces than one writev call takes (IOV_MAX)
    const written = writeFileAtomicInBackground(file, pieces);
    expect(readFileSync(file, 'utf8')).toBe('old content, longer than the new one'); // not replaced before the promise settles
    await written;
    const expected = Buffer.concat(pieces);
    expect(readFileSync(file).equals(expected)).toBe(true);
    expect(readdirSync(dir)).toEqual(['graph.json']);
    expect((await readFileInBackground(file)).equals(expected)).toBe(true);
  });

  test('a failed write rejects and leaves the previous file and no temp file; a missing file rejects the read', async () => {
    const dir = tmp();
    const file = path.join(dir, 'out.txt');
    writeFileSync(file, 'previous');
    const target = path.join(dir, 'sub');
    require('node:fs').mkdirSync(target);
    await expect(writeFileAtomicInBackground(target, [Buffer.from('x')])).rejects.toThrow();
    await expect(writeFileAtomicInBackground(path.join(dir, 'missing', 'f.json'), [Buffer.from('x')])).rejects.toThrow(/ENOENT/);
    expect(readFileSync(file, 'utf8')).toBe('previous');
    expect(readdirSync(dir).sort()).toEqual(['out.txt', 'sub']);
    await expect(readFileInBackground(path.join(dir, 'nothing.json'))).rejects.toThrow(/ENOENT/);
  });
});
