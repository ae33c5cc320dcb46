/**
 * Pins deployments to a place with their figures: specialist troop nouns,
 * coordinated troop nouns before the demonym, a place named before the troops,
 * fighting in a place as a deployment (not an attack on it), parts without a
 * figure of their own, and unit nouns that begin like "de". Every sentence is
 * written for this test.
 */
import { findQuantities, getClaimLexicon } from '../../src/extract/claims';
import { findRelations } from '../../src/extract/relations';
import type { ExtractedRelation } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

type Mark = [surface: string, entityId: string, type: EntityType];

const kb = makeKb([
  { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [], demonyms: ['biélorusse', 'biélorusses'] },
  { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien', 'iraniens', 'iranienne', 'iraniennes'] },
  { id: 'gomel', type: 'Place', label: 'Gomel', aliases: [], country: 'by' },
]);

const GOMEL: Mark = ['région de Gomel', 'gomel', 'Place'];
const IRANIENS: Mark = ['iraniens', 'ir', 'Country'];

function run(sentences: string[], marks: Mark[]): ExtractedRelation[] {
  const { article, mentions, entities } = makeArticle(sentences, marks);
  return findRelations(article, mentions, entities, kb);
}

function deployments(rels: ExtractedRelation[]): string[] {
  return rels
    .filter((r) => r.type === 'DEPLOYED_TROOPS_TO')
    .map((r) => `${r.subject} ${r.object} ${r.claim.quantity ?? '-'}`)
    .sort();
}

describe('troop nouns and their figures', () => {
  test('a unit noun that begins like "de" is still the unit ("1 000 démineurs")', () => {
    const found = findQuantities('Ils enverront 1 000 démineurs et 300 déminages.', getClaimLexicon(kb));
    expect(found.map((q) => [q.value, q.unit])).toEqual([
      [1000, 'démineurs'],
      [300, undefined],
    ]);
  });

  test('specialists are troops: each figure of a list goes on the deployment', () => {
    const rels = run(['Téhéran enverrait 800 démineurs et 2 000 constructeurs militaires pour rebâtir les ponts détruits dans la région de Gomel.'], [['Téhéran', 'ir', 'Country'], GOMEL]);
    expect(deployments(rels)).toEqual(['ir gomel 2000', 'ir gomel 800']);
    expect(rels.every((r) => r.claim.status === 'reported' || r.claim.status === 'planned')).toBe(true);
  });

  test('the demonym after coordinated troop nouns names whose troops they are', () => {
    const rels = run(["L'envoi de 4 000 sapeurs et artilleurs iraniens dans la région de Gomel inquiète Kiev."], [IRANIENS, GOMEL, ['Kiev', 'kiev', 'Place']]);
    expect(deployments(rels)).toEqual(['ir gomel 4000']);
  });

  test('a non-troop noun between the theme and a demonym still blocks it', () => {
    const rels = run(["L'envoi de 4 000 sapeurs et de munitions iraniennes dans la région de Gomel."], [['iraniennes', 'ir', 'Country'], GOMEL]);
    expect(deployments(rels)).toEqual([]);
  });
});

describe('where the troops are', () => {
  test('a place named right before the troops, without a comma, is where they are employed', () => {
    const rels = run(['Selon Minsk, dans la région de Gomel quelque 7 000 soldats iraniens sont employés.'], [['Minsk', 'minsk', 'Place'], GOMEL, IRANIENS]);
    expect(deployments(rels)).toEqual(['ir gomel 7000']);
  });

  test('a scene set off by a comma is not the destination', () => {
    const rels = run(["À Téhéran, le guide a annoncé l'envoi de nouveaux soldats."], [['Téhéran', 'teheran', 'Place']]);
    expect(deployments(rels)).toEqual([]);
  });

  test('troops fighting in a place were deployed there; the place is not attacked', () => {
    const rels = run(['Des soldats iraniens combattent dans la région de Gomel.'], [IRANIENS, GOMEL]);
    expect(deployments(rels)).toEqual(['ir gomel -']);
    expect(rels.filter((r) => r.type === 'ATTACKED')).toEqual([]);
  });

  test('fighting against a state is an attack on it', () => {
    const rels = run(["Les soldats iraniens combattent contre l'Ukraine depuis mars."], [IRANIENS, ['Ukraine', 'ua', 'Country']]);
    expect(rels.filter((r) => r.type === 'ATTACKED').map((r) => `${r.subject} ${r.object}`)).toEqual(['ir ua']);
  });

  test('"dont une partie a combattu à Y": the part goes to Y without the figure of the whole', () => {
    const rels = run(["L'Iran a envoyé 9 000 soldats en Biélorussie, dont une partie a combattu dans la région de Gomel."], [['Iran', 'ir', 'Country'], ['Biélorussie', 'by', 'Country'], GOMEL]);
    expect(deployments(rels)).toEqual(['ir by 9000', 'ir gomel -']);
  });
});

describe('figures in every press form', () => {
  test('"une dizaine de milliers de soldats" is ten thousand', () => {
    const q = findQuantities('Une dizaine de milliers de soldats sont partis.', getClaimLexicon(kb))[0];
    expect([q.value, q.unit]).toEqual([10000, 'soldats']);
  });

  test('a decimal comma does not end the theme ("environ 1,5 million d\'obus")', () => {
    const rels = run(["L'Iran a fourni à la Biélorussie environ 1,5 million d'obus."], [['Iran', 'ir', 'Country'], ['Biélorussie', 'by', 'Country']]);
    expect(rels.find((r) => r.type === 'SUPPLIED_ARMS_TO')?.claim.quantity).toBe(1500000);
  });

  test('troops that "could join" a state are a planned deployment with their figure', () => {
    const rels = run(['Quelque 8 000 soldats iraniens supplémentaires pourraient rejoindre la Biélorussie cet été.'], [IRANIENS, ['Biélorussie', 'by', 'Country']]);
    expect(rels.find((r) => r.type === 'DEPLOYED_TROOPS_TO')).toMatchObject({ subject: 'ir', object: 'by', claim: { quantity: 8000, status: 'planned' } });
  });

  test('joining a cause is no deployment', () => {
    const rels = run(["L'Iran a rejoint la Biélorussie dans sa condamnation des sanctions."], [['Iran', 'ir', 'Country'], ['Biélorussie', 'by', 'Country']]);
    expect(deployments(rels)).toEqual([]);
  });
});
