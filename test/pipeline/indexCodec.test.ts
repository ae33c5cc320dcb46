// Contract: the binary graph index decodes to the index encoded — every article, node, edge, order and text — and refuses bytes that are not one.
import type { GraphIndex } from '../../src/pipeline/incremental';
import { decodeGraphIndex, encodeGraphIndex, encodeGraphIndexBody, stampGraphIndex } from '../../src/pipeline/indexCodec';

function sampleIndex(): GraphIndex {
  return {
    format: 4,
    key: 'v1|abc|52428800',
    articlesDir: '/tmp/articles',
    extractorVersion: 'v1',
    graphFile: { size: 12345, mtimeMs: 1732212345678.123 },
    options: { type: 'mixed', multi: true, allowSelfLoops: false },
    skipped: [{ file: 'notes.docx', reason: 'unknown extension ".docx"', size: 3, mtimeMs: 1.5 }, { file: 'gone.txt', reason: 'broken symlink' }],
    articles: [
      {
        file: 'a/001_x.txt',
        size: 2048,
        mtimeMs: 1732212345000.25,
        hash: 'f'.repeat(64),
        meta: { id: '001_x', title: 'Séoul « alerte »', date: '2024-11', file: 'a/001_x.txt', sentences: 12, hash: 'f'.repeat(64) },
        characters: 1990,
        notes: ['decoded as windows-1252'],
        entities: [0, 0, 1, 0, 0, 1],
        edges: [0, 3, 2],
        surfaces: [1, 2, 0, 1],
        extras: [0, 1, 2],
      },
      { file: '002_y.md', size: 10, mtimeMs: 3, hash: 'e'.repeat(64), meta: { id: '002_y', url: 'https://example.org/y', file: '002_y.md', sentences: 1, hash: 'e'.repeat(64) }, characters: 9, notes: [], entities: [1, 0], edges: [] },
    ],
    nodes: [
      { id: 'north_korea', type: 'Country', variants: ['{"label":"Corée du Nord"}', '{"label":"RPDC"}'], span: { offset: 100, length: 50 } },
      { id: 'gone', type: 'Person', variants: ['{}'] },
    ],
    edges: [{ key: 'north_korea|SUPPLIED_ARMS_TO|russia', type: 'SUPPLIED_ARMS_TO', claims: 2, span: { offset: 2 ** 31 + 7, length: 9 } }],
    nodeOrder: [0],
    edgeOrder: [0],
    strings: ['Pyongyang', 'nord-coréens', '{"role":"ministre"}'],
  };
}

/** The index with typed views turned into plain arrays, for comparison. */
function plain(index: GraphIndex): unknown {
  return JSON.parse(JSON.stringify(index, (_, value) => (ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value)));
}

test('decode(encode(index)) is the index, field order of the article metadata included', () => {
  const index = sampleIndex();
  const back = decodeGraphIndex(encodeGraphIndex(index));
  expect(plain(back)).toEqual(plain(index));
  expect(back.articles.map((a) => JSON.stringify(a.meta))).toEqual(index.articles.map((a) => JSON.stringify(a.meta)));
  expect(back.nodes[1].span).toBeUndefined();
});

test('bytes that are not an index, or cut short, are refused', () => {
  const bytes = encodeGraphIndex(sampleIndex());
  expect(() => decodeGraphIndex(Buffer.from('{"format":3}'))).toThrow(/not a graph index/);
  expect(() => decodeGraphIndex(bytes.subarray(0, bytes.length - 4))).toThrow(/decodeGraphIndex: \d+ bytes, expected/);
});

test('an index encoded before its graph file is written, then stamped, is the index encoded whole', () => {
  const { graphFile, ...body } = sampleIndex();
  const encoded = encodeGraphIndexBody(body);
  expect(Number.isNaN(decodeGraphIndex(encoded).graphFile.size)).toBe(true); // no stamp yet: matches no file
  const stamped = stampGraphIndex(encoded, graphFile);
  expect(stamped.equals(encodeGraphIndex(sampleIndex()))).toBe(true);
  expect(decodeGraphIndex(stamped).graphFile).toEqual(graphFile);
});
