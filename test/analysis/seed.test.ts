/**
 * Contract: on the graph built from the seed articles (buildCorpusGraph), the
 * analyses answer the questions the issue names: Corée du Nord and Russie are
 * the two most connected entities by degree, and Kim Jong Un reaches the
 * Hwasong-20 by a path whose every hop carries a quote. These depend on the
 * extraction; a failure here may be an extraction gap, not an analysis bug.
 */
import path from 'node:path';
import { centrality, findPaths, rankNodes, resolveEntity } from '../../src/analysis';
import type { NewsGraph } from '../../src/graph';
import { buildCorpusGraph } from '../../src/pipeline';

const ROOT = path.resolve(__dirname, '../..');
let graph: NewsGraph;

beforeAll(() => {
  graph = buildCorpusGraph({ articlesDir: path.join(ROOT, 'graph-data/articles'), knowledgeDir: path.join(ROOT, 'graph-data/knowledge') }).graph;
});

describe('analyses on the seed corpus', () => {
  it('Corée du Nord and Russie are the two most connected entities by degree', () => {
    const top = rankNodes(graph, centrality(graph, { metric: 'degree' }).scores, { top: 3 });
    expect(top.slice(0, 2).map((row) => row.label).sort()).toEqual(['Corée du Nord', 'Russie']);
    // Strictly ahead of the third, so the pair does not depend on tie-breaking.
    expect(top[1].score).toBeGreaterThan(top[2].score);
  });

  it('a path leads from Kim Jong Un to the Hwasong-20, every hop with its quote, article and date', () => {
    const from = resolveEntity(graph, 'kim jong-un');
    const to = resolveEntity(graph, 'hwasong 20');
    const paths = findPaths(graph, from, to, { k: 1 });
    expect(paths).toHaveLength(1);
    const articleIds = graph.getAttribute('articles').map((article) => article.id);
    for (const hop of paths[0].hops) {
      expect(hop.quote.length).toBeGreaterThan(0);
      expect(articleIds).toContain(hop.doc);
      // The hop's date is the claim's, else its article's; undated only when neither gives one.
      const article = graph.getAttribute('articles').find((a) => a.id === hop.doc)!;
      const claimDates = [...graph.edges(hop.fromKey, hop.toKey), ...graph.edges(hop.toKey, hop.fromKey)].flatMap((edge) => graph.getEdgeAttribute(edge, 'claims').filter((c) => c.quote === hop.quote).map((c) => c.date));
      if (hop.date !== undefined) expect(hop.date).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      else expect([article.date, ...claimDates].filter(Boolean)).toEqual([]);
      const between = [...graph.edges(hop.fromKey, hop.toKey), ...graph.edges(hop.toKey, hop.fromKey)];
      const quotes = between.filter((edge) => graph.getEdgeAttribute(edge, 'type') === hop.relation).flatMap((edge) => graph.getEdgeAttribute(edge, 'claims').map((claim) => claim.quote));
      expect(quotes).toContain(hop.quote);
    }
  });
});
