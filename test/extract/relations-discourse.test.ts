/**
 * Pins what a sentence takes from the ones before it: partitive anaphors
 * ("N d'entre eux"), the state behind a genitive owner of troops (an armed force,
 * a leader), where the troops last were for losses that name no place, and
 * figures that go on across a sentence's clauses. Every sentence is written for
 * this test.
 */
import { findRelations } from '../../src/extract/relations';
import type { ExtractedRelation } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

type Mark = [surface: string, entityId: string, type: EntityType];

const kb = makeKb([
  { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [], demonyms: ['biélorusse', 'biélorusses'] },
  { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien', 'iraniens'] },
  { id: 'gomel', type: 'Place', label: 'Gomel', aliases: [], country: 'by' },
  { id: 'by_army', type: 'Organization', label: 'Forces armées biélorusses', aliases: [], country: 'by' },
  { id: 'lukashenko', type: 'Person', label: 'Alexandre Loukachenko', aliases: [], roles: [{ title: 'président', of: 'by', leads: true }] },
]);

const BY_NAME: Mark = ['Biélorussie', 'by', 'Country'];
const GOMEL: Mark = ['région de Gomel', 'gomel', 'Place'];

function run(sentences: string[], marks: Mark[]): ExtractedRelation[] {
  const { article, mentions, entities } = makeArticle(sentences, marks);
  return findRelations(article, mentions, entities, kb);
}

function of(rels: ExtractedRelation[], type: string): string[] {
  return [...new Set(rels.filter((r) => r.type === type).map((r) => `${r.subject} ${r.object} ${r.claim.quantity ?? '-'}`))].sort();
}

describe('partitive anaphors and genitive owners', () => {
  test('"N d\'entre eux" counts the troops of the previous sentence, at the place the sentence names', () => {
    const rels = run(
      ['La Biélorussie a déployé 6 000 soldats en Iran.', "Téhéran affirme qu'environ 2 500 d'entre eux ont été acheminés dans la région de Gomel."],
      [BY_NAME, ['Iran', 'ir', 'Country'], ['Téhéran', 'ir', 'Country'], GOMEL],
    );
    expect(of(rels, 'DEPLOYED_TROOPS_TO')).toEqual(['by gomel 2500', 'by ir 6000']);
  });

  test('a part counted after the deployment is not another figure of it', () => {
    const rels = run(['La Biélorussie a envoyé 6 000 soldats en Iran, et quelque 400 d\'entre eux auraient été tués.'], [BY_NAME, ['Iran', 'ir', 'Country']]);
    expect(of(rels, 'DEPLOYED_TROOPS_TO')).toEqual(['by ir 6000']);
    expect(of(rels, 'SUFFERED_LOSSES_IN')).toEqual(['by ir 400']);
  });

  test('troops of an armed force are the troops of its state, in the sentence and for the next ones', () => {
    const rels = run(
      ["Quelque 3 000 militaires des Forces armées biélorusses ont été envoyés en Iran.", "Plus de 700 d'entre eux ont été blessés."],
      [['Forces armées biélorusses', 'by_army', 'Organization'], ['Iran', 'ir', 'Country']],
    );
    expect(of(rels, 'DEPLOYED_TROOPS_TO')).toContain('by ir 3000');
    expect(of(rels, 'SUFFERED_LOSSES_IN')).toEqual(['by ir 700']);
  });

  test('troops named after their leader ("les soldats de X") belong to the state he leads', () => {
    const rels = run(
      ["Les soldats d'Alexandre Loukachenko sont arrivés dans la région de Gomel.", 'Selon Téhéran, plus de 900 d\'entre eux ont été tués.'],
      [['Alexandre Loukachenko', 'lukashenko', 'Person'], GOMEL, ['Téhéran', 'ir', 'Country']],
    );
    expect(of(rels, 'SUFFERED_LOSSES_IN')).toEqual(['by gomel 900']);
  });
});

describe('losses that name no place', () => {
  test('they are where the article last put its troops', () => {
    const rels = run(
      ['Des soldats biélorusses combattent dans la région de Gomel.', 'Au total, 1 200 soldats biélorusses ont été tués ou blessés.'],
      [['biélorusses', 'by', 'Country'], GOMEL, ['biélorusses', 'by', 'Country']],
    );
    expect(of(rels, 'SUFFERED_LOSSES_IN')).toEqual(['by gomel 1200']);
  });

  test('a bare tally after a colon counts the article\'s troops, each figure a claim', () => {
    const rels = run(
      ['Des soldats biélorusses ont été déployés dans la région de Gomel.', 'Minsk avance un bilan : environ 150 morts et 1 100 blessés.'],
      [['biélorusses', 'by', 'Country'], GOMEL, ['Minsk', 'by', 'Country']],
    );
    expect(of(rels, 'SUFFERED_LOSSES_IN')).toEqual(['by gomel 1100', 'by gomel 150']);
  });

  test('a state named after the losses blocks the recalled place', () => {
    const rels = run(
      ['Des soldats biélorusses combattent dans la région de Gomel.', 'Près de 800 soldats biélorusses ont été tués en combattant aux côtés des forces iraniennes.'],
      [['biélorusses', 'by', 'Country'], GOMEL, ['biélorusses', 'by', 'Country'], ['iraniennes', 'ir', 'Country']],
    );
    expect(of(rels, 'SUFFERED_LOSSES_IN')).toEqual([]);
  });

  test('a place named earlier in the same clause is the place of the losses', () => {
    const rels = run(
      ['Des soldats biélorusses ont été envoyés en Iran.', 'Les pertes biélorusses dans la région de Gomel atteindraient 2 300 hommes tués ou blessés.'],
      [['biélorusses', 'by', 'Country'], ['Iran', 'ir', 'Country'], ['biélorusses', 'by', 'Country'], GOMEL],
    );
    expect(of(rels, 'SUFFERED_LOSSES_IN')).toContain('by gomel 2300');
    expect(of(rels, 'SUFFERED_LOSSES_IN').filter((r) => r.startsWith('by ir'))).toEqual([]);
  });
});

describe('a deployment to a state and to a place of it', () => {
  test('"en X pour aider à … la région de Y" sends the troops to both, with each figure', () => {
    const rels = run(
      ['Téhéran va envoyer 800 démineurs et 2 000 « ouvriers militaires » en Biélorussie pour aider à déminer la région de Gomel.'],
      [['Téhéran', 'ir', 'Country'], BY_NAME, GOMEL],
    );
    expect(of(rels, 'DEPLOYED_TROOPS_TO')).toEqual(['ir by 2000', 'ir by 800', 'ir gomel 2000', 'ir gomel 800']);
  });

  test('a part sent on to the place ("et une partie d\'entre eux … vers Y") takes no figure of the whole', () => {
    const rels = run(
      ["Plus de 4 000 soldats iraniens sont en Biélorussie, et une partie d'entre eux a été acheminée vers la région de Gomel."],
      [['iraniens', 'ir', 'Country'], BY_NAME, GOMEL],
    );
    expect(of(rels, 'DEPLOYED_TROOPS_TO').filter((r) => r.startsWith('ir gomel ') && !r.endsWith(' -'))).toEqual([]);
  });
});
