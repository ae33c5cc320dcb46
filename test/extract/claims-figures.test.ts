/**
 * Pins how sentences with several figures are read: a second figure that goes on
 * from the first ("puis", "soit", "ou"), quoted unit nouns, measures that are not
 * counts — in findQuantities and through findRelations. Every sentence is written
 * for this test.
 */
import { findQuantities, getClaimLexicon } from '../../src/extract/claims';
import { findRelations } from '../../src/extract/relations';
import type { ExtractedRelation } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

type Mark = [surface: string, entityId: string, type: EntityType];

const kb = makeKb();
const lex = getClaimLexicon(kb);

function counted(text: string): Array<[number, string | undefined]> {
  return findQuantities(text, lex)
    .filter((q) => !q.dateLike)
    .map((q) => [q.value, q.unit]);
}

function figures(sentences: string[], marks: Mark[], type: string, options: { date?: string } = {}): string[] {
  const { article, mentions, entities } = makeArticle(sentences, marks, options);
  return findRelations(article, mentions, entities, kb)
    .filter((r: ExtractedRelation) => r.type === type)
    .map((r) => `${r.subject} ${r.object} ${r.claim.quantity ?? '-'}`)
    .sort();
}

describe('a second figure going on from the first', () => {
  test('a bare number after "puis" borrows the unit of the figure before', () => {
    expect(counted('Près de 4 000 marins ont été dépêchés au printemps, puis quelque 1 200 en juillet.')).toEqual([
      [4000, 'marins'],
      [1200, 'marins'],
    ]);
  });

  test('"soit N au total" restates the figure before with its unit', () => {
    expect(counted('Il évoque 800 artilleurs de plus, soit environ 2.400 au total.')).toEqual([
      [800, 'artilleurs'],
      [2400, 'artilleurs'],
    ]);
  });

  test('a calibre or a distance is a measure, not a count', () => {
    expect(counted("Le dépôt garde 2 millions d'obus de 105 et 155 mm.")).toEqual([
      [2000000, 'obus'],
      [105, undefined],
      [155, undefined],
    ]);
    expect(counted('Ils ont parcouru 300 kilomètres, puis 40 km à pied.').filter(([, unit]) => unit)).toEqual([]);
  });

  test('a deployment counts the first figure and the one that goes on from it, even past the comma', () => {
    const found = figures(
      ['La Biélorussie a envoyé environ 2 500 soldats en Iran en mars, puis près de 900 en renfort en mai.'],
      [['Biélorussie', 'by', 'Country'], ['Iran', 'ir', 'Country']],
      'DEPLOYED_TROOPS_TO',
    );
    expect(found).toEqual(['by ir 2500', 'by ir 900']);
  });

  test('an equivalence of a shipment in other units gives each figure ("soit … ou …")', () => {
    const found = figures(
      ["L'Iran aurait expédié 2 300 conteneurs vers la Biélorussie, soit près d'un million d'obus de 152 mm ou 300 000 roquettes."],
      [['Iran', 'ir', 'Country'], ['Biélorussie', 'by', 'Country']],
      'SUPPLIED_ARMS_TO',
    );
    expect(found).toEqual(['ir by 1000000', 'ir by 2300', 'ir by 300000']);
  });

  test('a unit noun in quotation marks still counts ("5 000 « ouvriers militaires »")', () => {
    expect(counted('Minsk enverra 700 « ingénieurs » et 300 démineurs.')).toEqual([
      [700, 'ingénieurs'],
      [300, 'démineurs'],
    ]);
  });
});
