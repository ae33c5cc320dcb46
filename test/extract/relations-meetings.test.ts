/**
 * Pins meetings, visits and signatures as chronologies and news pieces phrase
 * them: talks held at a place abroad are visits of the travellers (with an
 * adverb inside the verb, a place fronted before the clause, the present tense
 * of a bullet), "se rend à", "est reçue à … par", "les deux dirigeants" for the
 * pair named before, a treaty after a co-signer, and no signature of a
 * ratification decree. Every sentence is written for this test.
 */
import { findRelations } from '../../src/extract/relations';
import type { ExtractedRelation } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

type Mark = [surface: string, entityId: string, type: EntityType];

const kb = makeKb([
  { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [], demonyms: ['biélorusse'] },
  { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien'] },
  { id: 'petrov', type: 'Person', label: 'Ivan Petrov', aliases: [], country: 'by', roles: [{ title: 'président', of: 'by', leads: true }] },
  { id: 'rahimi', type: 'Person', label: 'Ali Rahimi', aliases: [], country: 'ir', roles: [{ title: 'président', of: 'ir', leads: true }] },
  { id: 'sadeghi', type: 'Person', label: 'Maryam Sadeghi', aliases: [], country: 'ir', roles: [{ title: 'ministre des Affaires étrangères', of: 'ir' }] },
  { id: 'minsk', type: 'Place', label: 'Minsk', aliases: [], country: 'by' },
  { id: 'tabriz', type: 'Place', label: 'Tabriz', aliases: [], country: 'ir' },
  { id: 'astana', type: 'Place', label: 'Astana', aliases: [], country: 'kz' },
]);

const PETROV: Mark = ['Ivan Petrov', 'petrov', 'Person'];
const RAHIMI: Mark = ['Ali Rahimi', 'rahimi', 'Person'];
const SADEGHI: Mark = ['Maryam Sadeghi', 'sadeghi', 'Person'];
const PACT: Mark = ['pacte de Tabriz', 'pact', 'Treaty'];

function run(sentences: string[], marks: Mark[]): ExtractedRelation[] {
  const { article, mentions, entities } = makeArticle(sentences, marks);
  return findRelations(article, mentions, entities, kb);
}

/** Subject and object of each relation of `type`; the two ends of a symmetric meeting in alphabetical order. */
function triples(rels: ExtractedRelation[], type: string): string[] {
  const ends = (r: ExtractedRelation) => (type === 'MET_WITH' ? [r.subject, r.object].sort() : [r.subject, r.object]).join(' ');
  return [...new Set(rels.filter((r) => r.type === type).map(ends))].sort();
}

describe('talks at a place abroad are visits', () => {
  test('"X et Y se sont de nouveau entretenus, cette fois à Z": both travelled there', () => {
    const rels = run(['Ivan Petrov et Ali Rahimi se sont de nouveau entretenus lundi, cette fois à Astana.'], [PETROV, RAHIMI, ['Astana', 'astana', 'Place']]);
    expect(triples(rels, 'VISITED')).toEqual(['petrov astana', 'rahimi astana']);
    expect(triples(rels, 'MET_WITH')).toEqual(['petrov rahimi']);
  });

  test('"ont tenu des pourparlers à Z" and "X rencontre Y à Z" (a bullet in the present)', () => {
    expect(triples(run(['Ali Rahimi et Ivan Petrov ont tenu des pourparlers jeudi à Astana.'], [RAHIMI, PETROV, ['Astana', 'astana', 'Place']]), 'VISITED')).toEqual([
      'petrov astana',
      'rahimi astana',
    ]);
    expect(triples(run(['- 3 mai 2024 : Ali Rahimi rencontre Ivan Petrov à Minsk.'], [RAHIMI, PETROV, ['Minsk', 'minsk', 'Place']]), 'VISITED')).toEqual(['rahimi minsk']);
  });

  test('a host met at home visits nothing', () => {
    expect(triples(run(['Ivan Petrov rencontre Ali Rahimi à Minsk.'], [PETROV, RAHIMI, ['Minsk', 'minsk', 'Place']]), 'VISITED')).toEqual([]);
  });

  test('a place fronted before the clause ("À Z, X s\'entretient avec Y")', () => {
    const rels = run(['À Minsk, ville hôte du sommet, Maryam Sadeghi s\'entretient avec Ivan Petrov.'], [['Minsk', 'minsk', 'Place'], SADEGHI, PETROV]);
    expect(triples(rels, 'VISITED')).toEqual(['sadeghi minsk']);
  });

  test('"se rend à Z" and "est reçue à Z par Y"', () => {
    expect(triples(run(['- 2 juin : Maryam Sadeghi se rend à Minsk.'], [SADEGHI, ['Minsk', 'minsk', 'Place']]), 'VISITED')).toEqual(['sadeghi minsk']);
    const rels = run(['La ministre Maryam Sadeghi est reçue à Minsk par Ivan Petrov.'], [SADEGHI, ['Minsk', 'minsk', 'Place'], PETROV]);
    expect(triples(rels, 'VISITED')).toEqual(['sadeghi minsk']);
    expect(triples(rels, 'MET_WITH')).toEqual(['petrov sadeghi']);
  });
});

describe('signatures', () => {
  test('"les deux dirigeants ont signé" names the last two people of the article', () => {
    const rels = run(
      ['Ivan Petrov a accueilli Ali Rahimi mardi.', 'Lors de cette visite, les deux dirigeants ont signé le pacte de Tabriz.'],
      [PETROV, RAHIMI, PACT],
    );
    expect(triples(rels, 'SIGNED')).toEqual(['petrov pact', 'rahimi pact']);
  });

  test('the treaty may follow the co-signer ("X signe avec Y un pacte")', () => {
    const rels = run(['- 9 mars : Ivan Petrov, en visite à Tabriz, signe avec Ali Rahimi le pacte de Tabriz.'], [PETROV, ['Tabriz', 'tabriz', 'Place'], RAHIMI, PACT]);
    expect(triples(rels, 'SIGNED')).toEqual(['petrov pact', 'rahimi pact']);
  });

  test('signing the decree that ratifies a treaty is no signature of the treaty', () => {
    const rels = run(['Ali Rahimi a signé jeudi le décret de ratification du pacte de Tabriz.'], [RAHIMI, PACT]);
    expect(triples(rels, 'SIGNED')).toEqual([]);
    expect(triples(rels, 'RATIFIED')).toEqual(['ir pact']);
  });
});

describe('a mutual-defence treaty makes its signers allies', () => {
  test('leaders who sign a treaty with a mutual-assistance clause ally their states', () => {
    const rels = run(
      ["- 9 mars : Ivan Petrov signe avec Ali Rahimi le pacte de Tabriz, qui comprend une clause d'assistance mutuelle."],
      [PETROV, RAHIMI, PACT],
    );
    expect(triples(rels, 'ALLIED_WITH').map((t) => t.split(' ').sort().join(' '))).toEqual(['by ir']);
  });

  test('a treaty without such a clause allies nobody', () => {
    const rels = run(['Ivan Petrov signe avec Ali Rahimi le pacte de Tabriz sur le commerce.'], [PETROV, RAHIMI, PACT]);
    expect(triples(rels, 'ALLIED_WITH')).toEqual([]);
  });
});
