/**
 * Pins how figures find their relation, whatever the sentence shape: a loss
 * stays at the place where it happened and belongs to the state whose soldiers
 * are counted; a clause of another verb ends the search for a place; figures
 * of a relation's unit class anywhere in its sentence become claims of it
 * (each distinct figure its own claim), the one relation whose class fits
 * taking the figure. Every sentence is written for this test.
 */
import { findRelations } from '../../src/extract/relations';
import type { ExtractedRelation } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

type Mark = [surface: string, entityId: string, type: EntityType];

const kb = makeKb([
  { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [], demonyms: ['biélorusse', 'biélorusses'] },
  { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien', 'iraniens', 'iranienne', 'iraniennes'] },
  { id: 'gomel', type: 'Place', label: 'Gomel', aliases: [], country: 'by' },
  { id: 'minsk', type: 'Place', label: 'Minsk', aliases: [], country: 'by' },
  { id: 'brest', type: 'Place', label: 'Brest', aliases: [], country: 'by' },
  { id: 'petrov', type: 'Person', label: 'Ivan Petrov', aliases: [], roles: [{ title: 'président', of: 'by', leads: true }] },
]);

const BY: Mark = ['Biélorussie', 'by', 'Country'];
const IR: Mark = ['Iran', 'ir', 'Country'];
const IRANIENS: Mark = ['iraniens', 'ir', 'Country'];

function run(sentences: string[], marks: Mark[]): ExtractedRelation[] {
  const { article, mentions, entities } = makeArticle(sentences, marks);
  return findRelations(article, mentions, entities, kb);
}

function figures(rels: ExtractedRelation[], type: string): string[] {
  return rels
    .filter((r) => r.type === type)
    .map((r) => `${r.subject} ${r.object} ${r.claim.quantity ?? '-'}`)
    .sort();
}

describe('losses: whose, and where', () => {
  test('a loss stays at the place named, not at the state the sentence says it lies in', () => {
    const rels = run(["L'armée biélorusse a capturé trois soldats iraniens près de Gomel, en Biélorussie."], [['biélorusse', 'by', 'Country'], IRANIENS, ['Gomel', 'gomel', 'Place'], BY]);
    expect(figures(rels, 'SUFFERED_LOSSES_IN')).toEqual(['ir gomel 3']);
  });

  test('soldiers "de X" faits prisonniers are X\'s loss, not the loss of the state that shows them', () => {
    const rels = run(["Minsk a montré deux combattants de l'Iran faits prisonniers près de Gomel."], [['Minsk', 'by', 'Country'], IR, ['Gomel', 'gomel', 'Place']]);
    expect(figures(rels, 'SUFFERED_LOSSES_IN')).toEqual(['ir gomel 2']);
  });

  test('"N d\'entre eux" counts the article\'s troops, not the state of the speaker before it', () => {
    const rels = run(
      ["L'Iran a déployé 5 000 soldats dans la région de Gomel.", 'Le président, Ivan Petrov, a affirmé que 400 d\'entre eux avaient été tués.'],
      [IR, ['région de Gomel', 'gomel', 'Place'], ['Ivan Petrov', 'petrov', 'Person']],
    );
    expect(figures(rels, 'SUFFERED_LOSSES_IN')).toEqual(['ir gomel 400']);
  });

  test('a place reached by another verb ("ont été évacués à Y") is not where the loss happened', () => {
    const rels = run(['Les quatre soldats iraniens, blessés, ont été évacués à Minsk, où ils sont soignés.'], [IRANIENS, ['Minsk', 'minsk', 'Place']]);
    expect(figures(rels, 'SUFFERED_LOSSES_IN').filter((f) => f.includes('minsk'))).toEqual([]);
  });

  test('a second loss verb of the same sentence still reaches the place ("tombés et N ont été blessés en Y")', () => {
    const rels = run(['Environ 80 soldats iraniens sont tombés et 300 ont été blessés depuis leur arrivée en Biélorussie.'], [IRANIENS, BY]);
    expect(figures(rels, 'SUFFERED_LOSSES_IN')).toEqual(expect.arrayContaining(['ir by 80', 'ir by 300']));
  });
});

describe('deployments: destinations and clauses', () => {
  test('workers sent "pour reconstruire la région de X" are deployed there', () => {
    const rels = run(["L'Iran enverra 800 démineurs pour reconstruire la région de Gomel."], [IR, ['région de Gomel', 'gomel', 'Place']]);
    expect(figures(rels, 'DEPLOYED_TROOPS_TO')).toEqual(['ir gomel 800']);
  });

  test('"et que" opens another clause: its place is not the first verb\'s destination', () => {
    const rels = run(["Téhéran a décidé d'envoyer 4 000 soldats, et que les premiers avaient atterri à Brest."], [['Téhéran', 'ir', 'Country'], ['Brest', 'brest', 'Place']]);
    expect(figures(rels, 'DEPLOYED_TROOPS_TO').filter((f) => f.startsWith('ir brest 4000'))).toEqual([]);
  });
});

describe('figures of a relation\'s unit class anywhere in its sentence', () => {
  test('every distinct arms figure of a delivery is its own claim, however the list runs', () => {
    const rels = run(["L'Iran a livré à la Biélorussie cette année près de 2 millions d'obus, plus de 40 missiles balistiques et quelque 90 pièces d'artillerie."], [IR, BY]);
    expect(figures(rels, 'SUPPLIED_ARMS_TO')).toEqual(['ir by 2000000', 'ir by 40', 'ir by 90']);
  });

  test('a troop figure after the trigger\'s clause ("que X estime à N hommes") counts the deployment', () => {
    const rels = run(["Minsk nie la présence de soldats iraniens en Biélorussie, que les services occidentaux évaluent à environ 3 500 hommes."], [['Minsk', 'by', 'Country'], IRANIENS, BY]);
    expect(figures(rels, 'DEPLOYED_TROOPS_TO')).toEqual(['ir by 3500']);
  });

  test('in a sentence with two relations each figure goes to the relation whose unit class fits', () => {
    const rels = run(["L'Iran a livré à la Biélorussie 600 drones et a déployé 1 200 soldats dans la région de Gomel."], [IR, BY, ['région de Gomel', 'gomel', 'Place']]);
    expect(figures(rels, 'SUPPLIED_ARMS_TO')).toEqual(['ir by 600']);
    expect(figures(rels, 'DEPLOYED_TROOPS_TO')).toEqual(['ir gomel 1200']);
  });

  test('troops a demonym gives to another state are not the deployment\'s figure', () => {
    const rels = run(["L'Iran a déployé 900 soldats en Biélorussie, face à quelque 20 000 soldats ukrainiens."], [IR, BY, ['ukrainiens', 'ua', 'Country']]);
    expect(figures(rels, 'DEPLOYED_TROOPS_TO')).toEqual(['ir by 900']);
  });

  test('the whole before a part that the trigger counts is not the trigger\'s figure ("N soldats, dont M déployés à Y")', () => {
    const rels = run(["L'Iran entretient quelque 6 000 soldats aguerris, dont près de 2 000 auraient été déployés dans la région de Gomel."], [IR, ['région de Gomel', 'gomel', 'Place']]);
    expect(figures(rels, 'DEPLOYED_TROOPS_TO').filter((f) => f.endsWith(' 6000'))).toEqual([]);
  });
});

describe('arms on their way and troops sent without a named sender', () => {
  test('arms "expédiés par X vers Y" with the figure first: X supplied Y, the restated figure too', () => {
    const rels = run(["Le ministre évoquait quelque 4 200 conteneurs expédiés par l'Iran vers la Biélorussie, soit plus de 2 millions d'obus."], [IR, BY]);
    expect(figures(rels, 'SUPPLIED_ARMS_TO')).toEqual(['ir by 2000000', 'ir by 4200']);
  });

  test('arms "partis de X vers Y" and "acheminés du port X de Z vers Y" come from the origin state', () => {
    const origin = run(['Près de 900 wagons de munitions sont partis d\'Iran vers la Biélorussie depuis mars.'], [IR, BY]);
    expect(figures(origin, 'SUPPLIED_ARMS_TO')).toEqual(['ir by 900']);
    const port = run(['Plus d\'un millier de conteneurs de munitions ont été acheminés du port iranien de Bandar vers la Biélorussie.'], [['iranien', 'ir', 'Country'], ['Bandar', 'bandar', 'Place'], BY]);
    expect(figures(port, 'SUPPLIED_ARMS_TO')).toEqual(['ir by 1000']);
  });

  test('arms that merely arrive somewhere name no supplier', () => {
    const rels = run(['Des obus sont arrivés à Gomel la semaine dernière.'], [['Gomel', 'gomel', 'Place']]);
    expect(figures(rels, 'SUPPLIED_ARMS_TO')).toEqual([]);
  });

  test('"l\'envoi de N hommes" with no sender named counts the troops of the state the article is following', () => {
    const rels = run(
      ["L'Iran a déployé 2 000 soldats en Biélorussie.", 'Le renseignement occidental prévoyait en outre l\'envoi de 3 000 hommes d\'ici mai.'],
      [IR, BY],
    );
    expect(figures(rels, 'DEPLOYED_TROOPS_TO')).toEqual(['ir by 2000', 'ir by 3000']);
  });

  test('"un premier contingent de N hommes a été acheminé vers Z" without an agent is the followed state\'s too', () => {
    const rels = run(
      ["L'Iran a déployé des soldats en Biélorussie.", 'Un premier contingent de 700 hommes aurait été acheminé par avion vers Brest.'],
      [IR, BY, ['Brest', 'brest', 'Place']],
    );
    expect(figures(rels, 'DEPLOYED_TROOPS_TO')).toEqual(expect.arrayContaining(['ir brest 700']));
  });
});

describe('the state behind a government noun, and decisions not yet carried out', () => {
  test('"le régime de X a décidé d\'envoyer N soldats combattre aux côtés de l\'armée Y": X sends them to Y, planned', () => {
    const rels = run(
      ["Le régime de Téhéran a décidé d'envoyer quelque 1'800 soldats combattre aux côtés de l'armée biélorusse."],
      [['Téhéran', 'ir', 'Country'], ['biélorusse', 'by', 'Country']],
    );
    const sent = rels.filter((r) => r.type === 'DEPLOYED_TROOPS_TO');
    expect(sent.map((r) => `${r.subject} ${r.object} ${r.claim.quantity} ${r.claim.status}`)).toEqual(['ir by 1800 planned']);
  });

  test('a lower-case phrase around a state\'s name ("régime de X") acts as the state, not as a demonym', () => {
    const { article, mentions, entities } = makeArticle(["Le régime de Téhéran prépare l'envoi de 2 500 hommes en Biélorussie."], [['régime de Téhéran', 'ir', 'Country'], BY]);
    // The mention finder reads the phrase from the gazetteer name inside it, not as a demonym.
    const rels = findRelations(article, mentions.map((m) => ({ ...m, via: 'gazetteer' })), entities, kb);
    expect(rels.filter((r) => r.type === 'DEPLOYED_TROOPS_TO').map((r) => `${r.subject} ${r.object} ${r.claim.quantity} ${r.claim.status}`)).toEqual(['ir by 2500 planned']);
  });
});
