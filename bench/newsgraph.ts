/**
 * A synthetic newsgraph graph of a given size, for the measures that need a
 * graph of graph.json's shape (Cypher load, viewer): random G(n, m) edges,
 * each typed with a relation whose signature fits the two entities' types
 * (drawn again when none fits), one to three claims per edge and one to
 * three mentions per entity, over `articles` made-up articles.
 */
import Graph from 'graphology';
import type { NewsGraph } from '../src/graph';
import { relationKey } from '../src/graph';
import type { ArticleMeta, Claim, EntityType, RelationType } from '../src/ontology';
import { CLAIM_STATUSES, ENTITY_TYPES, RELATION_SIGNATURES, SYMMETRIC_RELATIONS } from '../src/ontology';
import { createBenchRng } from './rng';

export interface SyntheticGraphOptions {
  nodes: number;
  edges: number;
  seed: number | string;
  /** Articles the claims and mentions cite. Default nodes / 10. */
  articles?: number;
}

/** Same seed, same graph. Throws when the edges cannot be placed (too dense for the signatures). */
export function syntheticNewsGraph(options: SyntheticGraphOptions): NewsGraph {
  const { nodes, edges, seed } = options;
  const articleCount = Math.max(1, options.articles ?? Math.ceil(nodes / 10));
  const rng = createBenchRng(`${seed}/newsgraph`);
  const graph: NewsGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  const articles: ArticleMeta[] = Array.from({ length: articleCount }, (_, i) => ({ id: `a${i}`, file: `a${i}.txt`, title: `Article ${i}`, sentences: 20, hash: '' }));
  graph.replaceAttributes({ name: 'newsgraph', extractorVersion: 'bench', builtAt: '1970-01-01T00:00:00.000Z', articles });
  const types: EntityType[] = [];
  for (let i = 0; i < nodes; i++) {
    const type = rng.pick(ENTITY_TYPES);
    types.push(type);
    const mentions = Array.from({ length: 1 + rng.int(3) }, () => ({ doc: `a${rng.int(articleCount)}`, sentence: rng.int(20), start: 0, end: 8 }));
    graph.addNode(`e${i}`, { label: `Entité ${i}`, type, aliases: [`E${i}`], mentions });
  }
  const fits = new Map<string, RelationType[]>();
  for (const s of ENTITY_TYPES) {
    for (const o of ENTITY_TYPES) {
      fits.set(`${s}>${o}`, (Object.keys(RELATION_SIGNATURES) as RelationType[]).filter((r) => RELATION_SIGNATURES[r].subject.includes(s) && RELATION_SIGNATURES[r].object.includes(o)));
    }
  }
  let placed = 0;
  let attempts = 0;
  while (placed < edges) {
    if (++attempts > edges * 50) throw new Error(`bench syntheticNewsGraph: could place only ${placed} of ${edges} edges over ${nodes} nodes`);
    const a = rng.int(nodes);
    const b = rng.int(nodes);
    if (a === b) continue;
    const candidates = fits.get(`${types[a]}>${types[b]}`)!;
    if (candidates.length === 0) continue;
    const type = rng.pick(candidates);
    const key = relationKey(`e${a}`, type, `e${b}`);
    if (graph.hasEdge(key)) continue;
    const claims: Claim[] = Array.from({ length: 1 + rng.int(3) }, () => ({
      doc: `a${rng.int(articleCount)}`,
      sentence: rng.int(20),
      quote: `Phrase ${rng.int(1000)} où Entité ${a} et Entité ${b} apparaissent.`,
      status: rng.pick(CLAIM_STATUSES),
    }));
    const [source, target] = key.split('|').filter((_, i) => i !== 1);
    if (SYMMETRIC_RELATIONS.has(type)) graph.addUndirectedEdgeWithKey(key, source, target, { type, claims });
    else graph.addDirectedEdgeWithKey(key, source, target, { type, claims });
    placed++;
  }
  return graph;
}
