// Contract: graph.json assembled entry by entry is serialiseGraph's text to the byte, and each span reads back its entry.
import Graph from 'graphology';
import fc from 'fast-check';
import type { NewsGraph } from '../../src/graph';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildGraph, entryWithItems, graphEntryText, graphFileLayout, itemRegion, itemsText, layoutBytes, layoutGraph, readEntry, serialiseGraph, splicedRegion, writeGraphFile } from '../../src/graph';

function graphWith(nodes: number, edges: [number, number, boolean][], title: string): NewsGraph {
  const graph: NewsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  graph.replaceAttributes({ name: 'newsgraph', extractorVersion: 't', builtAt: 'x', articles: [{ id: 'd', file: 'd.txt', sentences: 1, hash: 'h', title }] });
  for (let i = 0; i < nodes; i++) graph.addNode(`n${i}`, { label: `Nœud « ${i} »\n[${title}]`, type: 'Country', aliases: [], mentions: [{ doc: 'd', sentence: 0, start: i, end: i + 1 }] });
  edges.forEach(([a, b, undirected], k) => {
    if (a === b || a >= nodes || b >= nodes) return;
    const attributes = { type: undirected ? ('ALLIED_WITH' as const) : ('WARNED' as const), claims: [{ doc: 'd', sentence: 0, quote: `q${k} ]"[`, status: 'asserted' as const }] };
    if (undirected) graph.addUndirectedEdgeWithKey(`k${k}`, `n${a}`, `n${b}`, attributes);
    else graph.addDirectedEdgeWithKey(`k${k}`, `n${a}`, `n${b}`, attributes);
  });
  return graph;
}

describe('graphFileLayout', () => {
  test('same text as serialiseGraph, for any small graph (empty arrays, undirected edges, brackets and quotes in strings)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.boolean()), { maxLength: 8 }), fc.string(), (n, edges, title) => {
        const graph = graphWith(n, edges, title);
        const layout = layoutGraph(graph);
        const bytes = layoutBytes(layout);
        expect(bytes.toString('utf8')).toBe(serialiseGraph(graph));
        expect(bytes.length).toBe(layout.size);
        const exported = graph.export();
        expect(layout.nodes.map((span) => readEntry(bytes, span))).toEqual(exported.nodes);
        expect(layout.edges.map((span) => readEntry(bytes, span))).toEqual(exported.edges);
      }),
      { numRuns: 60 },
    );
  });

  test('entries given as bytes cut from an earlier file land as they were, runs of them as one piece; the file written is the layout', () => {
    const graph = graphWith(5, [[0, 1, false], [1, 2, true], [3, 4, false]], 't');
    // A buffer of its own: small Buffers share Node's pool, whose other tenants would count as pieces of `first`.
    const first = Buffer.from(new Uint8Array(layoutBytes(layoutGraph(graph))).buffer);
    const spans = layoutGraph(graph).nodes;
    const reused = spans.map((span) => first.subarray(span.offset, span.offset + span.length));
    const exported = graph.export();
    const again = graphFileLayout(exported, reused, exported.edges.map((edge) => graphEntryText(edge)));
    expect(layoutBytes(again).equals(first)).toBe(true);
    expect(again.pieces.filter((piece) => piece.buffer === first.buffer)).toHaveLength(1);
    const swapped = graphFileLayout(exported, [reused[1], reused[0], ...reused.slice(2)], exported.edges.map((edge) => graphEntryText(edge)));
    expect(readEntry(layoutBytes(swapped), swapped.nodes[0])).toEqual(exported.nodes[1]);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'newsgraph-file-')), 'graph.json');
    writeGraphFile(file, swapped);
    expect(readFileSync(file).equals(layoutBytes(swapped))).toBe(true);
  });

  test('two given entries one separator apart in a shared buffer are joined only when the bytes between them are the separator', () => {
    const graph = graphWith(2, [], 't');
    const exported = graph.export();
    const [a, b] = exported.nodes.map((node) => Buffer.from(graphEntryText(node)));
    const gapLength = layoutBytes(layoutGraph(graph)).indexOf(b) - layoutBytes(layoutGraph(graph)).indexOf(a) - a.length;
    const shared = Buffer.concat([a, Buffer.alloc(gapLength, 'x'), b]);
    const cut = [shared.subarray(0, a.length), shared.subarray(a.length + gapLength)];
    const layout = graphFileLayout(exported, cut, []);
    expect(layoutBytes(layout).toString('utf8')).not.toContain('xx');
    expect(layout.nodes.map((span) => readEntry(layoutBytes(layout), span))).toEqual(exported.nodes);
  });

  test('a graph built from extractions', () => {
    const graph = buildGraph(
      [
        {
          doc: 'd1',
          entities: [
            { id: 'a', label: 'Alpha', type: 'Country', aliases: ['A'], known: true, wikidata: 'Q1' },
            { id: 'b', label: 'Beta', type: 'Country', aliases: [], known: true },
          ],
          mentions: [{ entityId: 'a', type: 'Country', sentence: 0, start: 0, end: 5, surface: 'Alpha', via: 'gazetteer' }],
          relations: [{ subject: 'a', type: 'ALLIED_WITH', object: 'b', claim: { doc: 'd1', sentence: 0, quote: 'Alpha et Beta sont alliés.', status: 'asserted' } }],
        },
      ],
      { extractorVersion: 't', articles: [{ id: 'd1', file: 'd1.txt', sentences: 1, hash: 'h' }] },
    );
    expect(layoutBytes(layoutGraph(graph)).toString('utf8')).toBe(serialiseGraph(graph));
  });
});

describe('item arrays inside entries (mentions, claims)', () => {
  const mention = (doc: string, start: number) => ({ doc, sentence: start % 3, start, end: start + 4 });
  const entryOf = (mentions: object[]) => ({ key: 'n', attributes: { label: 'N « ] [ »', type: 'Country', aliases: ['"doc": "b"'], mentions } });
  const textOf = (mentions: object[]) => Buffer.from(graphEntryText(entryOf(mentions)));

  test('runs of docs are dropped, new items go before the first kept run found, or at the end: the text of the entry built whole', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'a1'), { maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.array(fc.nat(3), { minLength: 6, maxLength: 6 }),
        fc.nat(6),
        (docs, dropped, counts, insertAt) => {
          const runs = docs.map((doc, i) => ({ doc, items: Array.from({ length: 1 + counts[i] }, (_, k) => mention(doc, 10 * i + k)) }));
          const old = runs.flatMap((r) => r.items);
          const fresh = { doc: 'new', items: [mention('new', 99), mention('new', 98)] };
          const kept = runs.filter((_, i) => !dropped[i]);
          const at = Math.min(insertAt, kept.length);
          const expected = [...kept.slice(0, at), fresh, ...kept.slice(at)].flatMap((r) => r.items);
          const changes = [
            ...runs.filter((_, i) => dropped[i]).map((r) => ({ drop: r.doc })),
            { insert: itemsText(fresh.items), before: kept.slice(at).map((r) => r.doc) },
          ];
          const region = splicedRegion(itemRegion(textOf(old), 'mentions'), changes);
          const patched = Buffer.concat(entryWithItems(entryOf([]), 'mentions', region));
          expect(patched.toString('utf8')).toBe(graphEntryText(entryOf(expected)));
          const layout = graphFileLayout({ options: {}, attributes: {} }, [entryWithItems(entryOf([]), 'mentions', region), graphEntryText(entryOf(old))], []);
          expect(readEntry(layoutBytes(layout), layout.nodes[0])).toEqual(entryOf(expected));
          expect(readEntry(layoutBytes(layout), layout.nodes[1])).toEqual(entryOf(old));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('an empty array stays [] when nothing is inserted, and a missing array is an error', () => {
    const text = textOf([]);
    expect(Buffer.concat(entryWithItems(entryOf([]), 'mentions', splicedRegion(itemRegion(text, 'mentions'), []))).toString('utf8')).toBe(text.toString('utf8'));
    expect(() => itemRegion(text, 'claims')).toThrow(/itemRegion: the entry has no array "claims"/);
  });
});
