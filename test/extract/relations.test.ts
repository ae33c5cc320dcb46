/**
 * Pins findRelations: every relation type of the ontology read from French
 * sentences written for these tests, with its direction; coordination; nominal
 * frames; titles, organisations and places; signatures; never throwing.
 */
import fc from 'fast-check';
import { findRelations } from '../../src/extract/relations';
import type { ExtractedRelation, Mention } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';
import { ENTITY_TYPES, RELATION_SIGNATURES } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

type Mark = [surface: string, entityId: string, type: EntityType];

const kb = makeKb([
  { id: 'ir', type: 'Country', label: 'Iran', aliases: [] },
  { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [] },
  { id: 'petrov', type: 'Person', label: 'Ivan Petrov', aliases: [], roles: [{ title: 'président', of: 'by', leads: true }] },
  { id: 'irgc', type: 'Organization', label: 'Corps des gardiens', aliases: [], country: 'ir' },
]);

function relations(sentence: string, marks: Mark[], date?: string): ExtractedRelation[] {
  const { article, mentions, entities } = makeArticle([sentence], marks, { date });
  return findRelations(article, mentions, entities, kb);
}

function triples(rels: ExtractedRelation[]): string[] {
  return [...new Set(rels.map((r) => `${r.subject} ${r.type} ${r.object}`))].sort();
}

function has(rels: ExtractedRelation[], subject: string, type: string, object: string): ExtractedRelation | undefined {
  return rels.find((r) => r.subject === subject && r.type === type && r.object === object);
}

const IR: Mark = ['Iran', 'ir', 'Country'];
const BY: Mark = ['Biélorussie', 'by', 'Country'];

describe('findRelations: the nineteen relation types, direction included', () => {
  test('SUPPLIED_ARMS_TO with items, and SUPPLIED for each weapon', () => {
    const rels = relations("L'Iran a livré à la Biélorussie des drones Shahed et des roquettes Fajr.", [IR, BY, ['drones Shahed', 'shahed', 'WeaponSystem'], ['roquettes Fajr', 'fajr', 'WeaponSystem']]);
    const supply = has(rels, 'ir', 'SUPPLIED_ARMS_TO', 'by');
    expect(supply?.items).toEqual(['drones Shahed', 'roquettes Fajr']);
    expect(has(rels, 'by', 'SUPPLIED_ARMS_TO', 'ir')).toBeUndefined();
    expect(has(rels, 'ir', 'SUPPLIED', 'shahed')).toBeDefined();
    expect(has(rels, 'ir', 'SUPPLIED', 'fajr')).toBeDefined();
  });

  test('SUPPLIED_ARMS_TO from a receiving frame points from the giver', () => {
    const rels = relations("La Biélorussie a reçu des munitions de la part de l'Iran.", [BY, IR]);
    expect(triples(rels)).toEqual(['ir SUPPLIED_ARMS_TO by']);
  });

  test('DEPLOYED_TROOPS_TO, verbal and nominal; the demonym on the troops names the sender', () => {
    const verbal = relations("L'Iran a déployé 2 000 soldats en Biélorussie.", [IR, BY]);
    expect(has(verbal, 'ir', 'DEPLOYED_TROOPS_TO', 'by')?.claim.quantity).toBe(2000);
    const nominal = relations("Minsk s'inquiète de l'envoi de troupes iraniennes en Biélorussie.", [['Minsk', 'minsk', 'Place'], ['iraniennes', 'ir', 'Country'], BY]);
    expect(triples(nominal)).toContain('ir DEPLOYED_TROOPS_TO by');
    const deployment = relations('Le déploiement de soldats iraniens dans la région de Gomel inquiète.', [['iraniens', 'ir', 'Country'], ['Gomel', 'gomel', 'Place']]);
    expect(triples(deployment)).toContain('ir DEPLOYED_TROOPS_TO gomel');
  });

  test('DEPLOYED_TROOPS_TO also reaches the country a place is said to be in', () => {
    const rels = relations("Quelque 700 soldats iraniens sont arrivés à Gomel, en Biélorussie, la semaine passée.", [['iraniens', 'ir', 'Country'], ['Gomel', 'gomel', 'Place'], BY]);
    expect(triples(rels)).toEqual(expect.arrayContaining(['gomel LOCATED_IN by', 'ir DEPLOYED_TROOPS_TO gomel', 'ir DEPLOYED_TROOPS_TO by']));
  });

  test('TRANSFERRED_TECHNOLOGY_TO, given and received', () => {
    const given = relations("L'Iran a transféré à la Biélorussie un savoir-faire balistique.", [IR, BY]);
    expect(triples(given)).toEqual(['ir TRANSFERRED_TECHNOLOGY_TO by']);
    const received = relations("La Biélorussie bénéficie de l'expertise iranienne en matière de drones.", [BY, ['iranienne', 'ir', 'Country']]);
    expect(triples(received)).toEqual(['ir TRANSFERRED_TECHNOLOGY_TO by']);
  });

  test('SIGNED for each signatory, active and passive', () => {
    const treaty: Mark = ['accord de Téhéran', 'tehran_accord', 'Treaty'];
    const active = relations("L'Iran et la Biélorussie ont signé l'accord de Téhéran.", [IR, BY, treaty]);
    expect(triples(active)).toEqual(expect.arrayContaining(['by SIGNED tehran_accord', 'ir SIGNED tehran_accord']));
    const passive = relations("L'accord de Téhéran, signé par l'Iran et la Biélorussie, entre en vigueur.", [treaty, IR, BY]);
    expect(triples(passive)).toEqual(expect.arrayContaining(['by SIGNED tehran_accord', 'ir SIGNED tehran_accord']));
  });

  test('RATIFIED', () => {
    const rels = relations("Le Parlement biélorusse a ratifié l'accord de Téhéran.", [['Parlement biélorusse', 'by_parliament', 'Organization'], ['accord de Téhéran', 'tehran_accord', 'Treaty']]);
    expect(has(rels, 'by_parliament', 'RATIFIED', 'tehran_accord')).toBeDefined();
  });

  test('MET_WITH, verbal and nominal', () => {
    const verbal = relations('Ivan Petrov a rencontré son homologue Ali Karimi à Minsk.', [['Ivan Petrov', 'petrov', 'Person'], ['Ali Karimi', 'karimi', 'Person'], ['Minsk', 'minsk', 'Place']]);
    expect(has(verbal, 'petrov', 'MET_WITH', 'karimi')).toBeDefined();
    const nominal = relations('Les pourparlers entre Ivan Petrov et Ali Karimi ont duré deux heures.', [['Ivan Petrov', 'petrov', 'Person'], ['Ali Karimi', 'karimi', 'Person']]);
    expect(triples(nominal)).toEqual(['petrov MET_WITH karimi']);
  });

  test('VISITED, verbal and nominal, the traveller as subject', () => {
    const verbal = relations("Ali Karimi s'est rendu à Minsk mardi.", [['Ali Karimi', 'karimi', 'Person'], ['Minsk', 'minsk', 'Place']]);
    expect(triples(verbal)).toEqual(['karimi VISITED minsk']);
    const nominal = relations("La visite d'Ali Karimi à Minsk a surpris.", [['Ali Karimi', 'karimi', 'Person'], ['Minsk', 'minsk', 'Place']]);
    expect(triples(nominal)).toEqual(['karimi VISITED minsk']);
  });

  test('WARNED distributes over a coordinated object and stops at "contre"', () => {
    const rels = relations("L'Iran a mis en garde la France, l'Allemagne et le Japon contre toute ingérence en Biélorussie.", [IR, ['France', 'fr', 'Country'], ['Allemagne', 'de', 'Country'], ['Japon', 'jp', 'Country'], BY]);
    expect(triples(rels)).toEqual(['ir WARNED de', 'ir WARNED fr', 'ir WARNED jp']);
  });

  test('ATTACKED: verbal, nominal with "par", and the forces of a demonym against a place', () => {
    expect(triples(relations("L'Iran a bombardé la Biélorussie à l'aube.", [IR, BY]))).toEqual(['ir ATTACKED by']);
    expect(triples(relations("L'invasion de la Biélorussie par l'Iran a choqué.", [BY, IR]))).toEqual(['ir ATTACKED by']);
    expect(triples(relations('Les forces iraniennes ont lancé une offensive contre les positions biélorusses.', [['iraniennes', 'ir', 'Country'], ['biélorusses', 'by', 'Country']]))).toContain('ir ATTACKED by');
  });

  test('ALLIED_WITH from "entre X et Y", from a hyphenated list and from "pacte … avec"', () => {
    expect(triples(relations("Le pacte de défense mutuelle entre l'Iran et la Biélorussie inquiète.", [IR, BY]))).toEqual(['ir ALLIED_WITH by']);
    expect(triples(relations("L'alliance Iran-Biélorussie-Syrie se renforce.", [IR, BY, ['Syrie', 'sy', 'Country']]))).toEqual(['by ALLIED_WITH sy', 'ir ALLIED_WITH by', 'ir ALLIED_WITH sy']);
  });

  test('DEVELOPS: the tester, or the demonym on the weapon', () => {
    expect(triples(relations("L'Iran a testé un missile Kheibar.", [IR, ['missile Kheibar', 'kheibar', 'WeaponSystem']]))).toEqual(['ir DEVELOPS kheibar']);
    expect(triples(relations('Ils accélèrent le développement des missiles hypersoniques iraniens.', [['missiles hypersoniques', 'hypersonic', 'WeaponSystem'], ['iraniens', 'ir', 'Country']]))).toEqual(['ir DEVELOPS hypersonic']);
  });

  test('SUPPORTS, verbal and nominal', () => {
    expect(triples(relations("L'Iran soutient la Biélorussie depuis des années.", [IR, BY]))).toEqual(['ir SUPPORTS by']);
    expect(triples(relations("Le soutien de l'Iran à la Biélorussie ne faiblit pas.", [IR, BY]))).toEqual(['ir SUPPORTS by']);
  });

  test('SUFFERED_LOSSES_IN with the loss as unit', () => {
    const rels = relations('Environ 300 soldats iraniens ont été tués ou blessés à Gomel.', [['iraniens', 'ir', 'Country'], ['Gomel', 'gomel', 'Place']]);
    const loss = has(rels, 'ir', 'SUFFERED_LOSSES_IN', 'gomel');
    expect(loss?.claim).toMatchObject({ quantity: 300, unit: 'tués ou blessés' });
  });

  test('LOCATED_IN from a demonym place head and from an apposition', () => {
    expect(triples(relations('Les combats continuent dans la région biélorusse de Gomel.', [['biélorusse', 'by', 'Country'], ['Gomel', 'gomel', 'Place']]))).toEqual(['gomel LOCATED_IN by']);
    expect(triples(relations('Le navire a accosté à Bandar Abbas, en Iran.', [['Bandar Abbas', 'bandar', 'Place'], IR]))).toEqual(['bandar LOCATED_IN ir']);
  });

  test('MEMBER_OF', () => {
    expect(triples(relations("L'Iran est membre de l'Organisation de coopération de Shanghai.", [IR, ['Organisation de coopération de Shanghai', 'sco', 'Organization']]))).toEqual(['ir MEMBER_OF sco']);
  });

  test('PART_OF from a demonym on the organisation, before or after it', () => {
    expect(triples(relations('Le renseignement biélorusse KGB a publié une note.', [['biélorusse', 'by', 'Country'], ['KGB', 'kgb', 'Organization']]))).toEqual(['kgb PART_OF by']);
    expect(triples(relations('La marine iranienne a appareillé hier.', [['marine iranienne', 'ir_navy', 'Organization'], ['iranienne', 'ir', 'Country']]))).toEqual(['ir_navy PART_OF ir']);
  });

  test('PART_OF needs the sentence to tie the body to its state, not only the knowledge base', () => {
    const tied = makeKb([
      { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien', 'iranienne'] },
      { id: 'irna', type: 'Organization', label: 'IRNA', aliases: ['agence iranienne IRNA'], country: 'ir' },
      { id: 'irgc', type: 'Organization', label: 'Corps des gardiens', aliases: [], country: 'ir' },
    ]);
    const run = (sentence: string, marks: Mark[]) => {
      const { article, mentions, entities } = makeArticle([sentence], marks);
      return triples(findRelations(article, mentions, entities, tied));
    };
    // The name as written holds the demonym: one mention, no nested country.
    expect(run("L'agence iranienne IRNA a diffusé la photo.", [['agence iranienne IRNA', 'irna', 'Organization']])).toEqual(['irna PART_OF ir']);
    // The state in brackets, or after an acronym in brackets.
    expect(run('Le Corps des gardiens (Iran) dément.', [['Corps des gardiens', 'irgc', 'Organization'], IR])).toEqual(['irgc PART_OF ir']);
    expect(run("Le Corps des gardiens (CGRI) de l'Iran dément.", [['Corps des gardiens', 'irgc', 'Organization'], ['CGRI', 'irgc', 'Organization'], IR])).toEqual(['irgc PART_OF ir']);
    // Nothing in the sentence ties it: no PART_OF from the knowledge base alone.
    expect(run('Le Corps des gardiens a publié un communiqué.', [['Corps des gardiens', 'irgc', 'Organization']])).toEqual([]);
  });

  test('LEADS and OFFICIAL_OF from titles, with the role', () => {
    const leads = relations('Le président biélorusse Ivan Petrov a pris la parole.', [['biélorusse', 'by', 'Country'], ['Ivan Petrov', 'petrov', 'Person']]);
    expect(triples(leads)).toEqual(['petrov LEADS by']);
    const official = relations("Le ministre iranien de la Défense, Ali Karimi, a démissionné.", [['iranien', 'ir', 'Country'], ['Ali Karimi', 'karimi', 'Person']]);
    expect(has(official, 'karimi', 'OFFICIAL_OF', 'ir')?.role).toBe('ministre de la Défense');
    const apposition = relations("Ali Karimi, ministre des Affaires étrangères de l'Iran, a démissionné.", [['Ali Karimi', 'karimi', 'Person'], IR]);
    expect(has(apposition, 'karimi', 'OFFICIAL_OF', 'ir')?.role).toBe('ministre des Affaires étrangères');
  });

  test('a title without a country takes the post the knowledge base records', () => {
    expect(triples(relations('Le président Ivan Petrov a pris la parole.', [['Ivan Petrov', 'petrov', 'Person']]))).toEqual(['petrov LEADS by']);
  });
});

describe('findRelations: arguments', () => {
  test('a coordinated subject signs for each', () => {
    const rels = relations("La France, l'Allemagne et l'Iran ont signé l'accord de Vienne.", [['France', 'fr', 'Country'], ['Allemagne', 'de', 'Country'], IR, ['accord de Vienne', 'vienna', 'Treaty']]);
    expect(triples(rels)).toEqual(['de SIGNED vienna', 'fr SIGNED vienna', 'ir SIGNED vienna']);
  });

  test('a head of state acts for the state he leads', () => {
    const rels = relations('Ivan Petrov a envoyé 500 soldats en Iran.', [['Ivan Petrov', 'petrov', 'Person'], IR]);
    expect(has(rels, 'by', 'DEPLOYED_TROOPS_TO', 'ir')?.claim.quantity).toBe(500);
  });

  test('an anaphor takes the troops named in an earlier sentence', () => {
    const { article, mentions, entities } = makeArticle(
      ['Des soldats iraniens ont été vus près de la frontière.', "Plus de 200 d'entre eux ont été tués à Gomel."],
      [['iraniens', 'ir', 'Country'], ['Gomel', 'gomel', 'Place']],
    );
    const rels = findRelations(article, mentions, entities, kb);
    expect(has(rels, 'ir', 'SUFFERED_LOSSES_IN', 'gomel')?.claim).toMatchObject({ quantity: 200, unit: 'tués', sentence: 1 });
  });

  test('relations whose ends do not fit the signature are dropped', () => {
    const rels = relations("La Biélorussie a livré à Minsk des drones.", [BY, ['Minsk', 'minsk', 'Place'], ['drones', 'drones', 'WeaponSystem']]);
    for (const r of rels) {
      const types = new Map([['by', 'Country'], ['minsk', 'Place'], ['drones', 'WeaponSystem']]);
      const sig = RELATION_SIGNATURES[r.type];
      expect(sig.subject).toContain(types.get(r.subject));
      expect(sig.object).toContain(types.get(r.object));
    }
    expect(has(rels, 'by', 'SUPPLIED_ARMS_TO', 'minsk')).toBeUndefined();
  });

  test('a sentence without a trigger yields nothing', () => {
    expect(relations("L'Iran et la Biélorussie sont deux pays.", [IR, BY])).toEqual([]);
  });
});

describe('findRelations: robustness', () => {
  const word = fc.constantFrom('Iran', 'a', 'livré', 'à', 'la', 'Biélorussie', 'des', 'soldats', 'iraniens', '10 000', 'entre', 'et', ',', 'selon', 'le', 'président', 'contre', 'visite', 'pacte', 'de', 'défense', 'mutuelle', 'tués', '«', '»', 'juin 2024', 'hier', 'ont', 'signé');
  const sentenceArb = fc.oneof(fc.string({ maxLength: 120 }), fc.array(word, { maxLength: 40 }).map((ws) => ws.join(' ')));

  test('never throws on random text and random mentions, and only emits signature-conform relations', () => {
    fc.assert(
      fc.property(
        fc.array(sentenceArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ at: fc.nat(), len: fc.integer({ min: 0, max: 20 }), type: fc.constantFrom(...ENTITY_TYPES), id: fc.constantFrom('a', 'b', 'c', 'ir', 'petrov', 'irgc'), sentence: fc.integer({ min: -1, max: 5 }) }), { maxLength: 12 }),
        fc.option(fc.constantFrom('2024-06-15', '2025', 'not a date', '2024-02-29T10:00:00Z'), { nil: undefined }),
        (sentences, specs, date) => {
          const { article } = makeArticle(sentences, [], { date });
          const mentions: Mention[] = specs.map((s) => {
            const start = article.text.length ? s.at % article.text.length : 0;
            const end = Math.min(article.text.length, start + s.len);
            return { entityId: s.id, type: s.type, sentence: s.sentence, start, end, surface: article.text.slice(start, end), via: 'random' };
          });
          const typeOf = new Map(specs.map((s) => [s.id, s.type]));
          const entities = [...typeOf].map(([id, type]) => ({ id, label: id, type, aliases: [], known: false }));
          const rels = findRelations(article, mentions, entities, kb);
          for (const r of rels) {
            expect(r.claim.quote).toBe(article.sentences[r.claim.sentence].text);
            expect(r.subject).not.toBe(r.object);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
