// Contract: buildGraph merges per-article extractions into one node per entity and one edge per (subject, type, object), keeping every claim.
import { buildGraph, relationKey } from '../../src/graph';
import type { ArticleExtraction, EntityRecord, ExtractedRelation } from '../../src/extract';
import type { Claim } from '../../src/ontology';

const country = (id: string, label: string, aliases: string[] = []): EntityRecord => ({ id, label, type: 'Country', aliases, known: true });
const person = (id: string, label: string): EntityRecord => ({ id, label, type: 'Person', aliases: [], known: false });

function claim(doc: string, sentence: number, extra: Partial<Claim> = {}): Claim {
  return { doc, sentence, quote: `phrase ${sentence} de ${doc}`, status: 'asserted', ...extra };
}

function rel(subject: string, type: ExtractedRelation['type'], object: string, c: Claim): ExtractedRelation {
  return { subject, type, object, claim: c };
}

const OPTIONS = { extractorVersion: 'test', articles: [], builtAt: '2025-01-01T00:00:00.000Z' };

describe('buildGraph', () => {
  test('returns an empty graph when there are no extractions', () => {
    const graph = buildGraph([], OPTIONS);
    expect(graph.order).toBe(0);
    expect(graph.size).toBe(0);
    expect(graph.getAttribute('extractorVersion')).toBe('test');
  });

  test('one node per entity across articles, aliases and mentions merged', () => {
    const a: ArticleExtraction = {
      doc: 'a',
      entities: [country('nk', 'Corée du Nord', ['RPDC'])],
      mentions: [{ entityId: 'nk', type: 'Country', sentence: 0, start: 0, end: 4, surface: 'RPDC', via: 'gazetteer' }],
      relations: [],
    };
    const b: ArticleExtraction = {
      doc: 'b',
      entities: [country('nk', 'Corée du Nord', ['North Korea'])],
      mentions: [{ entityId: 'nk', type: 'Country', sentence: 2, start: 10, end: 22, surface: 'nord-coréens', via: 'demonym' }],
      relations: [],
    };
    const graph = buildGraph([a, b], OPTIONS);
    expect(graph.order).toBe(1);
    const attrs = graph.getNodeAttributes('nk');
    expect(attrs.label).toBe('Corée du Nord');
    expect(attrs.aliases).toEqual(expect.arrayContaining(['RPDC', 'North Korea', 'nord-coréens']));
    expect(attrs.aliases).not.toContain('Corée du Nord');
    expect(attrs.mentions).toEqual([
      { doc: 'a', sentence: 0, start: 0, end: 4 },
      { doc: 'b', sentence: 2, start: 10, end: 22 },
    ]);
    expect('known' in attrs).toBe(false);
  });

  test('numbers that disagree stay separate claims on one edge; identical claims are not repeated', () => {
    const entities = [country('nk', 'Corée du Nord'), country('ru', 'Russie')];
    const extraction = (doc: string, relations: ExtractedRelation[]): ArticleExtraction => ({ doc, entities, mentions: [], relations });
    const graph = buildGraph(
      [
        extraction('a', [
          rel('nk', 'DEPLOYED_TROOPS_TO', 'ru', claim('a', 1, { quantity: 10000, unit: 'soldats' })),
          rel('nk', 'DEPLOYED_TROOPS_TO', 'ru', claim('a', 1, { quantity: 10000, unit: 'soldats' })),
        ]),
        extraction('b', [rel('nk', 'DEPLOYED_TROOPS_TO', 'ru', claim('b', 4, { quantity: 11000, unit: 'soldats', status: 'reported' }))]),
      ],
      OPTIONS,
    );
    expect(graph.size).toBe(1);
    const [edge] = graph.edges('nk', 'ru');
    expect(edge).toBe(relationKey('nk', 'DEPLOYED_TROOPS_TO', 'ru'));
    expect(graph.getEdgeAttribute(edge, 'claims').map((c) => c.quantity)).toEqual([10000, 11000]);
  });

  test('symmetric relations are one undirected edge whichever way they were stated', () => {
    const entities = [person('p1', 'Alpha'), person('p2', 'Beta')];
    const graph = buildGraph(
      [
        { doc: 'a', entities, mentions: [], relations: [rel('p2', 'MET_WITH', 'p1', claim('a', 0))] },
        { doc: 'b', entities, mentions: [], relations: [rel('p1', 'MET_WITH', 'p2', claim('b', 3))] },
      ],
      OPTIONS,
    );
    expect(graph.size).toBe(1);
    const key = graph.edges()[0];
    expect(graph.isUndirected(key)).toBe(true);
    expect(graph.getEdgeAttribute(key, 'claims')).toHaveLength(2);
  });

  test('two relation types between the same pair are two edges; self-loops and unknown ends are dropped', () => {
    const entities = [country('nk', 'Corée du Nord'), country('ru', 'Russie')];
    const graph = buildGraph(
      [
        {
          doc: 'a',
          entities,
          mentions: [],
          relations: [
            rel('nk', 'SUPPLIED_ARMS_TO', 'ru', claim('a', 0)),
            rel('nk', 'DEPLOYED_TROOPS_TO', 'ru', claim('a', 0)),
            rel('nk', 'SUPPORTS', 'nk', claim('a', 1)),
            rel('nk', 'SUPPORTS', 'nowhere', claim('a', 1)),
          ],
        },
      ],
      OPTIONS,
    );
    expect(graph.edges().map((e) => graph.getEdgeAttribute(e, 'type')).sort()).toEqual(['DEPLOYED_TROOPS_TO', 'SUPPLIED_ARMS_TO']);
  });

  test('items are merged without repeats and role is kept', () => {
    const entities = [country('nk', 'Corée du Nord'), country('ru', 'Russie'), person('p', 'Gamma')];
    const graph = buildGraph(
      [
        {
          doc: 'a',
          entities,
          mentions: [],
          relations: [
            { ...rel('ru', 'SUPPLIED_ARMS_TO', 'nk', claim('a', 0)), items: ['missiles anti-aériens'] },
            { ...rel('ru', 'SUPPLIED_ARMS_TO', 'nk', claim('a', 2)), items: ['missiles anti-aériens', 'drones'] },
            { ...rel('p', 'OFFICIAL_OF', 'ru', claim('a', 3)), role: 'ministre de la Défense' },
          ],
        },
      ],
      OPTIONS,
    );
    expect(graph.getEdgeAttribute(relationKey('ru', 'SUPPLIED_ARMS_TO', 'nk'), 'items')).toEqual(['missiles anti-aériens', 'drones']);
    expect(graph.getEdgeAttribute(relationKey('p', 'OFFICIAL_OF', 'ru'), 'role')).toBe('ministre de la Défense');
  });
});
