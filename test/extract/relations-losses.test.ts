/**
 * Pins how losses are read with their figures: passive and active verbs
 * (singular and plural), the number after an active verb, capitalised demonym
 * nouns, "dont N morts" parts that keep the place, clause limits, and the
 * deployment that losses at a place abroad imply. Every sentence is written
 * for this test.
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
]);

const GOMEL: Mark = ['Gomel', 'gomel', 'Place'];

function run(sentences: string[], marks: Mark[]): ExtractedRelation[] {
  const { article, mentions, entities } = makeArticle(sentences, marks);
  return findRelations(article, mentions, entities, kb);
}

function losses(rels: ExtractedRelation[]): string[] {
  return rels
    .filter((r) => r.type === 'SUFFERED_LOSSES_IN')
    .map((r) => `${r.subject} ${r.object} ${r.claim.quantity ?? '-'} ${r.claim.unit ?? '-'}`)
    .sort();
}

describe('losses: verbs and their numbers', () => {
  test('an active verb puts the number after it, and the victims are the soldiers named after it', () => {
    const rels = run(['Les forces biélorusses ont capturé trois soldats iraniens près de Gomel.'], [['biélorusses', 'by', 'Country'], ['iraniens', 'ir', 'Country'], GOMEL]);
    expect(losses(rels)).toEqual(['ir gomel 3 capturés']);
  });

  test('"a tué N militaires" counts the dead of the state named after the number', () => {
    const rels = run(["Selon Minsk, l'armée biélorusse a tué quelque 250 militaires iraniens à Gomel."], [['Minsk', 'by', 'Country'], ['biélorusse', 'by', 'Country'], ['iraniens', 'ir', 'Country'], GOMEL]);
    expect(losses(rels)).toEqual(['ir gomel 250 tués']);
  });

  test('"fait prisonniers" in the active voice is a capture', () => {
    const rels = run(['La Biélorussie a fait prisonniers deux combattants iraniens à Gomel.'], [['Biélorussie', 'by', 'Country'], ['iraniens', 'ir', 'Country'], GOMEL]);
    expect(losses(rels)).toEqual(['ir gomel 2 capturés']);
  });

  test('a singular passive participle is a loss too', () => {
    const rels = run(['Un officier iranien a été capturé près de Gomel.'], [['iranien', 'ir', 'Country'], GOMEL]);
    expect(losses(rels)).toEqual(['ir gomel - -']);
  });

  test('"tués ou blessés" and "morts ou blessés" keep their joint unit', () => {
    const rels = run(['Plus de 900 soldats iraniens ont été morts ou blessés à Gomel.'], [['iraniens', 'ir', 'Country'], GOMEL]);
    expect(losses(rels)).toEqual(['ir gomel 900 tués ou blessés']);
  });

  test('a capitalised demonym noun is the state whose people fell', () => {
    const rels = run(['Le ministère a dit que plus de 400 Iraniens seraient tués en un mois à Gomel.'], [['Iraniens', 'ir', 'Country'], GOMEL]);
    const loss = rels.find((r) => r.type === 'SUFFERED_LOSSES_IN');
    expect(loss).toMatchObject({ subject: 'ir', object: 'gomel', claim: { quantity: 400, status: 'reported' } });
  });

  test('a demonym adjective is not taken as the victim of an act it describes', () => {
    const rels = run(['Une frappe biélorusse a fait 12 morts à Gomel.'], [['biélorusse', 'by', 'Country'], GOMEL]);
    expect(losses(rels)).toEqual([]);
  });
});

describe('losses: where', () => {
  test('"dont N morts" after a loss keeps its place', () => {
    const rels = run(['Environ 3 000 soldats iraniens ont été tués ou blessés à Gomel, dont quelque 500 morts.'], [['iraniens', 'ir', 'Country'], GOMEL]);
    expect(losses(rels)).toEqual(['ir gomel 3000 tués ou blessés', 'ir gomel 500 tués']);
  });

  test('a place named after another verb of the clause is not where they fell', () => {
    const rels = run(['Les deux soldats iraniens étaient blessés et ont été conduits à Minsk.'], [['iraniens', 'ir', 'Country'], ['Minsk', 'minsk', 'Place']]);
    expect(losses(rels)).toEqual([]);
  });
});

describe('losses abroad imply a deployment there', () => {
  test('troops that fell in a place of another state were deployed there, without the loss figure', () => {
    const rels = run(['Quelque 700 soldats iraniens ont été tués à Gomel.'], [['iraniens', 'ir', 'Country'], GOMEL]);
    const deployed = rels.filter((r) => r.type === 'DEPLOYED_TROOPS_TO');
    expect(deployed.map((r) => `${r.subject} ${r.object}`)).toEqual(['ir gomel']);
    expect(deployed[0].claim.quantity).toBeUndefined();
  });

  test('losses at home imply nothing', () => {
    const rels = run(['Quelque 70 soldats biélorusses ont été tués à Gomel.'], [['biélorusses', 'by', 'Country'], GOMEL]);
    expect(losses(rels)).toEqual(['by gomel 70 tués']);
    expect(rels.filter((r) => r.type === 'DEPLOYED_TROOPS_TO')).toEqual([]);
  });

  test('a place nobody locates implies nothing', () => {
    const rels = run(['Quelque 70 soldats iraniens ont été tués à Zolotino.'], [['iraniens', 'ir', 'Country'], ['Zolotino', 'zolotino', 'Place']]);
    expect(losses(rels)).toEqual(['ir zolotino 70 tués']);
    expect(rels.filter((r) => r.type === 'DEPLOYED_TROOPS_TO')).toEqual([]);
  });
});

describe('losses: totals and the losing state as subject', () => {
  test('"X a perdu N soldats à Y": the subject lost them; the number follows the verb', () => {
    const rels = run(['La Biélorussie a perdu près de 600 soldats à Gomel en un mois.'], [['Biélorussie', 'by', 'Country'], GOMEL]);
    expect(losses(rels)).toEqual(['by gomel 600 pertes']);
  });

  test('"les pertes X en Y atteignent N tués et blessés": the figure after the measure verb, with its loss unit', () => {
    const rels = run(['Les pertes iraniennes à Gomel atteindraient quelque 1 800 tués et blessés.'], [['iraniennes', 'ir', 'Country'], GOMEL]);
    expect(losses(rels)).toEqual(['ir gomel 1800 tués ou blessés']);
  });

  test('"les pertes" without a measure verb carries no later number', () => {
    const rels = run(['Les pertes iraniennes à Gomel inquiètent, et 40 blindés ont été livrés.'], [['iraniennes', 'ir', 'Country'], GOMEL]);
    expect(losses(rels)).toEqual(['ir gomel - -']);
  });
});
