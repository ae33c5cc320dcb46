/**
 * Pins French press constructions that carry relations outside a verb frame: founding-member lists ("créé par
 * onze pays, dont X et Y"), bodies a state belongs to ("le Conseil, dont X est membre"). Every sentence is
 * written for this test.
 */
import { findRelations } from '../../src/extract/relations';
import type { ExtractedRelation } from '../../src/extract/types';
import type { EntityType } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

type Mark = [surface: string, entityId: string, type: EntityType];

const kb = makeKb([
  { id: 'ir', type: 'Country', label: 'Iran', aliases: [], demonyms: ['iranien', 'iranienne', 'iraniens', 'iraniennes'] },
  { id: 'by', type: 'Country', label: 'Biélorussie', aliases: [], demonyms: ['biélorusse', 'biélorusses'] },
]);

const IR: Mark = ['Iran', 'ir', 'Country'];
const BY: Mark = ['Biélorussie', 'by', 'Country'];
const JP: Mark = ['Japon', 'jp', 'Country'];
const GROUP: Mark = ['Groupe de Vienne', 'gv', 'Organization'];

function run(sentences: string[], marks: Mark[], date?: string): ExtractedRelation[] {
  const { article, mentions, entities } = makeArticle(sentences, marks, { date });
  return findRelations(article, mentions, entities, kb);
}

function triples(rels: ExtractedRelation[]): string[] {
  return [...new Set(rels.map((r) => `${r.subject} ${r.type} ${r.object}`))].sort();
}

describe('founding members: a count of states, "dont" and a list, tied to a body by a creation verb', () => {
  test('the body before the participle ("Z, formé par sept pays, dont X et Y")', () => {
    const rels = run(['Le Groupe de Vienne, formé en 2019 par sept pays, dont l’Iran et le Japon, publiera un rapport.'], [GROUP, IR, JP]);
    expect(triples(rels)).toEqual(expect.arrayContaining(['ir MEMBER_OF gv', 'jp MEMBER_OF gv']));
  });

  test('the body after an active verb ("sept pays — dont X et Y — ont fondé Z")', () => {
    const rels = run(['En 2019, sept pays — dont la Biélorussie et le Japon — ont fondé le Groupe de Vienne.'], [BY, JP, GROUP]);
    expect(triples(rels)).toEqual(expect.arrayContaining(['by MEMBER_OF gv', 'jp MEMBER_OF gv']));
  });

  test('a fronted participle: the body is the subject after the list, not a complement governed by "de"', () => {
    const rels = run(
      ['Fondé par une dizaine de pays, dont l’Iran et le Japon, pour remplacer le Forum de Genève, le Groupe de Vienne dénonce les essais.'],
      [IR, JP, ['Forum de Genève', 'fg', 'Organization'], GROUP],
    );
    const members = triples(rels).filter((t) => t.includes('MEMBER_OF'));
    expect(members).toEqual(['ir MEMBER_OF gv', 'jp MEMBER_OF gv']);
  });

  test('a count of states without a creation verb makes nobody a member', () => {
    const rels = run(['Le Groupe de Vienne a reçu des plaintes de sept pays, dont l’Iran et le Japon.'], [GROUP, IR, JP]);
    expect(triples(rels).filter((t) => t.includes('MEMBER_OF'))).toEqual([]);
  });
});

describe('membership in a relative clause', () => {
  test('"Z, dont X est membre": the body before "dont"', () => {
    const rels = run(['Le texte viole les règles du Groupe de Vienne, dont l’Iran est pourtant membre fondateur.'], [GROUP, IR]);
    expect(triples(rels)).toContain('ir MEMBER_OF gv');
  });
});
