/**
 * Pins titles read beyond "title + name": apposition titles held "à" a body
 * (the preposition is not the verb "a"), academic titles, a body named after
 * the name ("l'expert X de l'Institut Y (ACR)"), a title with its body but no
 * name that refers to a person named earlier, and a state "under" its leader.
 * Every sentence is written for this test.
 */
import { findRelations } from '../../src/extract/relations';
import type { ExtractedRelation } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

type Mark = [surface: string, entityId: string, type: EntityType];

const kb = makeKb([
  { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [], demonyms: ['biélorusse', 'biélorusses'] },
  { id: 'by_council', type: 'Organization', label: 'Conseil de sécurité biélorusse', aliases: [], country: 'by' },
  { id: 'kiep', type: 'Organization', label: 'KIEP', aliases: [] },
  { id: 'petrov', type: 'Person', label: 'Ivan Petrov', aliases: [], roles: [{ title: 'président', of: 'by', leads: true }] },
  { id: 'sokolov', type: 'Person', label: 'Oleg Sokolov', aliases: [], roles: [{ title: 'secrétaire du Conseil de sécurité', of: 'by_council' }] },
  { id: 'orlov', type: 'Person', label: 'Pavel Orlov', aliases: [], roles: [{ title: 'ministre de la Défense', of: 'by' }] },
]);

function run(sentences: string[], marks: Mark[]): ExtractedRelation[] {
  const { article, mentions, entities } = makeArticle(sentences, marks);
  return findRelations(article, mentions, entities, kb);
}

function titled(rels: ExtractedRelation[]): string[] {
  return rels
    .filter((r) => r.type === 'LEADS' || r.type === 'OFFICIAL_OF')
    .map((r) => `${r.subject} ${r.type} ${r.object}${r.role ? ` (${r.role})` : ''}`)
    .sort();
}

describe('titles in apposition and academic posts', () => {
  test('"X, chercheuse à l\'Institut Y, …": à is a preposition, the body is the institute', () => {
    const rels = run(["Pour Anna Weiss, chercheuse à l'Institut Nord d'études, à Vienne, rien n'a changé."], [['Anna Weiss', 'weiss', 'Person'], ["Institut Nord d'études", 'nord', 'Organization'], ['Vienne', 'vienne', 'Place']]);
    expect(titled(rels)).toEqual(['weiss OFFICIAL_OF nord (chercheuse)']);
  });

  test('"X, chargé de cours à l\'Université Y (ACR)" is an official of that body', () => {
    const rels = run(["« Rien n'est joué », estime Luc Brun, chargé de cours à l'Université libre de Lille (ULL)."], [['Luc Brun', 'brun', 'Person'], ['Université libre de Lille', 'ull', 'Organization'], ['ULL', 'ull', 'Organization']]);
    expect(titled(rels)).toEqual(['brun OFFICIAL_OF ull (chargé de cours)']);
  });

  test('"X a dit" after a title still ends the apposition', () => {
    const rels = run(['Anna Weiss, chercheuse, a dit que le Conseil de sécurité biélorusse se réunira.'], [['Anna Weiss', 'weiss', 'Person'], ['Conseil de sécurité biélorusse', 'by_council', 'Organization']]);
    expect(titled(rels)).toEqual([]);
  });
});

describe('a body named after the name', () => {
  test('"l\'expert X de l\'Institut Y (ACR)": the known acronym is the body', () => {
    const rels = run(["L'expert Tom Berg de l'Institut coréen pour l'économie (KIEP) à Séoul estime que rien ne change."], [['Tom Berg', 'berg', 'Person'], ['Institut coréen', 'unmatched_institut', 'Organization'], ['KIEP', 'kiep', 'Organization'], ['Séoul', 'seoul', 'Place']]);
    expect(titled(rels)).toEqual(['berg OFFICIAL_OF kiep (expert)']);
  });

  test('a name followed by "de" and a place is no post', () => {
    const rels = run(["L'expert Tom Berg de Séoul estime que rien ne change."], [['Tom Berg', 'berg', 'Person'], ['Séoul', 'seoul', 'Place']]);
    expect(titled(rels)).toEqual([]);
  });
});

describe('a title with its body and no name', () => {
  test('refers to the person named earlier who holds that post there', () => {
    const rels = run(['Oleg Sokolov était à Minsk en juin.', 'Le secrétaire du Conseil de sécurité biélorusse est venu annoncer des renforts.'], [['Oleg Sokolov', 'sokolov', 'Person'], ['Minsk', 'minsk', 'Place'], ['Conseil de sécurité biélorusse', 'by_council', 'Organization']]);
    expect(titled(rels)).toEqual(['sokolov OFFICIAL_OF by_council (secrétaire du Conseil de sécurité)']);
  });

  test('nobody named earlier holds it: nothing', () => {
    const rels = run(['Pavel Orlov était à Minsk en juin.', 'Le secrétaire du Conseil de sécurité biélorusse est venu annoncer des renforts.'], [['Pavel Orlov', 'orlov', 'Person'], ['Minsk', 'minsk', 'Place'], ['Conseil de sécurité biélorusse', 'by_council', 'Organization']]);
    expect(titled(rels)).toEqual([]);
  });

  test('a person named only later is not referred to', () => {
    const rels = run(['Le secrétaire du Conseil de sécurité biélorusse est venu annoncer des renforts.', 'Oleg Sokolov était à Minsk en juin.'], [['Conseil de sécurité biélorusse', 'by_council', 'Organization'], ['Oleg Sokolov', 'sokolov', 'Person'], ['Minsk', 'minsk', 'Place']]);
    expect(titled(rels)).toEqual([]);
  });
});

describe('a state under its leader', () => {
  test('"Minsk, sous Ivan Petrov, …" leads when the knowledge base says he leads it', () => {
    const rels = run(['Minsk, sous Ivan Petrov, privilégie le dialogue.'], [['Minsk', 'by', 'Country'], ['Ivan Petrov', 'petrov', 'Person']]);
    expect(titled(rels)).toEqual(['petrov LEADS by']);
  });

  test('"sous" a person who does not lead that state says nothing', () => {
    const rels = run(['Minsk, sous Pavel Orlov, privilégie le dialogue.'], [['Minsk', 'by', 'Country'], ['Pavel Orlov', 'orlov', 'Person']]);
    expect(titled(rels)).toEqual([]);
  });
});

describe('a demonym inside an organisation name', () => {
  const kbBodies = makeKb([
    { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [], demonyms: ['biélorusse'] },
    { id: 'by_agency', type: 'Organization', label: 'agence biélorusse BelTA', aliases: [] },
    { id: 'by_institute', type: 'Organization', label: 'Institut biélorusse des études stratégiques', aliases: [] },
  ]);
  const partOf = (sentence: string, org: [string, string]) => {
    const { article, mentions, entities } = makeArticle([sentence], [[org[0], org[1], 'Organization'], ['biélorusse', 'by', 'Country']]);
    return findRelations(article, mentions, entities, kbBodies).filter((r) => r.type === 'PART_OF').map((r) => `${r.subject} ${r.object}`);
  };

  test('ties a state body (agency, ministry, armed force) to its state', () => {
    expect(partOf("Selon l'agence biélorusse BelTA, le convoi est parti.", ['agence biélorusse BelTA', 'by_agency'])).toEqual(['by_agency by']);
  });

  test('does not make a think tank part of the state', () => {
    expect(partOf("Selon l'Institut biélorusse des études stratégiques, le convoi est parti.", ['Institut biélorusse des études stratégiques', 'by_institute'])).toEqual([]);
  });
});
