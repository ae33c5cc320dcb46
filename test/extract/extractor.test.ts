// Contract: createExtractor runs mentions → relations on one article and returns every relation end as an entity of that article.
import { readArticle } from '../../src/corpus';
import { createExtractor } from '../../src/extract';

const extractor = createExtractor();

function extract(text: string) {
  return extractor.extract(readArticle('test-article.txt', Buffer.from(text, 'utf8')));
}

describe('createExtractor', () => {
  test('its version names the method and the knowledge files', () => {
    expect(extractor.version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
  });

  test('an article with nothing recognisable yields empty lists', () => {
    const result = extract('Il pleuvait doucement sur la ville.\n');
    expect(result.doc).toBe('test-article');
    expect(result.relations).toEqual([]);
  });

  test('every relation end is among the entities, including ends the knowledge base supplies', () => {
    const result = extract(
      'Un rapport du NIS publié mardi.\n\nLe ministre des Affaires étrangères Sergueï Lavrov a reçu des journalistes.\n',
    );
    const ids = new Set(result.entities.map((e) => e.id));
    expect(result.relations.length).toBeGreaterThan(0);
    for (const relation of result.relations) {
      expect(ids).toContain(relation.subject);
      expect(ids).toContain(relation.object);
    }
    // Neither sentence names a country: the ends come from the gazetteer (agency's state, minister's post).
    const countries = result.entities.filter((e) => e.type === 'Country');
    expect(countries.length).toBeGreaterThan(0);
    expect(result.mentions.filter((m) => m.type === 'Country')).toEqual([]);
  });
});
