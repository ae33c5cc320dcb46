/**
 * Pins who the parties of an act are: co-signers after "avec" (of the same kind
 * as the other party), ratification ellipses ("suivie par"), a leader's regime
 * as a recipient, attacks named by a noun and its demonym with the place after
 * it, help to develop weapons as a technology transfer, and beliefs ("nous
 * pensons que") as reported. Every sentence is written for this test.
 */
import { findRelations } from '../../src/extract/relations';
import type { ExtractedRelation } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

type Mark = [surface: string, entityId: string, type: EntityType];

const kb = makeKb([
  { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [], demonyms: ['biélorusse', 'biélorusses'] },
  { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien', 'iraniens', 'iranienne', 'iraniennes'] },
  { id: 'petrov', type: 'Person', label: 'Ivan Petrov', aliases: [], roles: [{ title: 'président', of: 'by', leads: true }] },
  { id: 'rahimi', type: 'Person', label: 'Ali Rahimi', aliases: [], roles: [{ title: 'président', of: 'ir', leads: true }] },
  { id: 'gomel', type: 'Place', label: 'Gomel', aliases: [], country: 'by' },
]);

const PACT: Mark = ['pacte de Minsk', 'pact', 'Treaty'];
const IR: Mark = ['Iran', 'ir', 'Country'];
const BY: Mark = ['Biélorussie', 'by', 'Country'];

function run(sentences: string[], marks: Mark[]): ExtractedRelation[] {
  const { article, mentions, entities } = makeArticle(sentences, marks);
  return findRelations(article, mentions, entities, kb);
}

function triples(rels: ExtractedRelation[], type?: string): string[] {
  return [...new Set(rels.filter((r) => !type || r.type === type).map((r) => `${r.subject} ${r.type} ${r.object}`))].sort();
}

describe('signers', () => {
  test('"le pacte signé avec Y": Y signed too, and a leader on the other side stands for their state', () => {
    const rels = run(['Ivan Petrov a invoqué le pacte de Minsk signé avec l\'Iran.'], [['Ivan Petrov', 'petrov', 'Person'], PACT, IR]);
    expect(triples(rels, 'SIGNED')).toEqual(['by SIGNED pact', 'ir SIGNED pact']);
  });

  test('"signé l\'an dernier avec <leader>": both leaders signed', () => {
    const rels = run(["Ivan Petrov a invoqué le pacte de Minsk signé l'an dernier avec Ali Rahimi."], [['Ivan Petrov', 'petrov', 'Person'], PACT, ['Ali Rahimi', 'rahimi', 'Person']]);
    expect(triples(rels, 'SIGNED')).toEqual(['petrov SIGNED pact', 'rahimi SIGNED pact']);
  });

  test('"avec" in another clause names no signer', () => {
    const rels = run(["L'Iran a signé le pacte de Minsk, puis a rompu avec la Biélorussie."], [IR, PACT, BY]);
    expect(triples(rels, 'SIGNED')).toEqual(['ir SIGNED pact']);
  });
});

describe('ratifications', () => {
  test('"X a approuvé le pacte, suivie par Y": both ratified, and "par" after the comma is not X\'s agent', () => {
    const rels = run(['La Rada a approuvé le pacte de Minsk le 2 mai, suivie par le Sénat le 9 mai.'], [['Rada', 'rada', 'Organization'], PACT, ['Sénat', 'senat', 'Organization']]);
    expect(triples(rels, 'RATIFIED')).toEqual(['rada RATIFIED pact', 'senat RATIFIED pact']);
  });

  test('"suivi par" without a ratification before it is nothing', () => {
    const rels = run(['Le Sénat a été suivi par la Rada dans ce débat sur le pacte de Minsk.'], [['Sénat', 'senat', 'Organization'], ['Rada', 'rada', 'Organization'], PACT]);
    expect(triples(rels, 'RATIFIED')).toEqual([]);
  });
});

describe('a leader\'s regime is their state', () => {
  test('"fournit au régime de <leader>": the recipient is the leader\'s state', () => {
    const rels = run(["L'Iran fournirait au régime d'Ivan Petrov des drones."], [IR, ['Ivan Petrov', 'petrov', 'Person'], ['drones', 'drone', 'WeaponSystem']]);
    expect(triples(rels, 'SUPPLIED_ARMS_TO')).toEqual(['ir SUPPLIED_ARMS_TO by']);
  });

  test('a leader named without their government is no recipient state', () => {
    const rels = run(["L'Iran a montré à Ivan Petrov des drones."], [IR, ['Ivan Petrov', 'petrov', 'Person'], ['drones', 'drone', 'WeaponSystem']]);
    expect(triples(rels, 'SUPPLIED_ARMS_TO')).toEqual([]);
  });
});

describe('attacks named by a noun', () => {
  test('"l\'incursion X dans Y": the demonym on the noun attacked the place', () => {
    const rels = run(["L'incursion iranienne dans la région de Gomel a surpris Minsk."], [['iranienne', 'ir', 'Country'], ['région de Gomel', 'gomel', 'Place'], ['Minsk', 'by', 'Country']]);
    expect(triples(rels, 'ATTACKED')).toEqual(['ir ATTACKED gomel']);
  });

  test('a demonym away from the noun is not the attacker', () => {
    const rels = run(["L'offensive lancée hier par surprise, selon un officier iranien, dans la région de Gomel."], [['iranien', 'ir', 'Country'], ['région de Gomel', 'gomel', 'Place']]);
    expect(triples(rels, 'ATTACKED')).toEqual([]);
  });
});

describe('help to develop weapons', () => {
  test('"X aide Y à perfectionner ses missiles" is a technology transfer; a belief is reported', () => {
    const rels = run(["Nous pensons que l'Iran aide la Biélorussie à perfectionner ses missiles."], [IR, BY, ['missiles', 'missile', 'WeaponSystem']]);
    const transfer = rels.find((r) => r.type === 'TRANSFERRED_TECHNOLOGY_TO');
    expect(transfer).toMatchObject({ subject: 'ir', object: 'by', claim: { status: 'reported' } });
  });

  test('"X aide Y" to do something else is no transfer', () => {
    const rels = run(["L'Iran aide la Biélorussie à contourner les sanctions."], [IR, BY]);
    expect(triples(rels, 'TRANSFERRED_TECHNOLOGY_TO')).toEqual([]);
  });
});

describe('alliances and support', () => {
  test('two states bound to give each other military assistance are allies', () => {
    const rels = run(["L'article 2 engage Minsk et Téhéran à se fournir « sans délai une assistance militaire »."], [['Minsk', 'by', 'Country'], ['Téhéran', 'ir', 'Country']]);
    expect(triples(rels, 'ALLIED_WITH')).toEqual(['by ALLIED_WITH ir']);
  });

  test('leaders who signed a pact of mutual assistance stand for their states', () => {
    const rels = run(['Le pacte de Minsk signé par Ivan Petrov et Ali Rahimi prévoyait une assistance militaire mutuelle.'], [PACT, ['Ivan Petrov', 'petrov', 'Person'], ['Ali Rahimi', 'rahimi', 'Person']]);
    expect(triples(rels, 'ALLIED_WITH')).toEqual(['by ALLIED_WITH ir']);
  });

  test('one state giving assistance to another is no alliance', () => {
    const rels = run(["L'Iran a fourni une assistance militaire à la Biélorussie."], [IR, BY]);
    expect(triples(rels, 'ALLIED_WITH')).toEqual([]);
  });

  test('supporting the policy of a state, with a quoted adverb, supports that state', () => {
    const rels = run(['Ivan Petrov a assuré que la Biélorussie soutiendrait « invariablement » la politique de l\'Iran.'], [['Ivan Petrov', 'petrov', 'Person'], BY, IR]);
    expect(triples(rels, 'SUPPORTS')).toEqual(['by SUPPORTS ir']);
  });

  test('"son pays" after a speaker is the speaker\'s state, and its own stance is asserted', () => {
    const rels = run(['Ivan Petrov a déclaré que son pays se tiendrait aux côtés de nos camarades iraniens.'], [['Ivan Petrov', 'petrov', 'Person'], ['iraniens', 'ir', 'Country']]);
    const support = rels.find((r) => r.type === 'SUPPORTS');
    expect(support).toMatchObject({ subject: 'by', object: 'ir', claim: { status: 'asserted' } });
  });

  test('another state reporting the same stance keeps it reported', () => {
    const rels = run(["Selon l'Iran, la Biélorussie soutient la politique de l'Iran."], [IR, BY, IR]);
    expect(rels.find((r) => r.type === 'SUPPORTS')?.claim.status).toBe('reported');
  });
});
