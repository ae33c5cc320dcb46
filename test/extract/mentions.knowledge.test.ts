/**
 * Contract of findMentions with the shipped knowledge base (graph-data/knowledge):
 * the real gazetteer and lexicons together type and resolve names the way the
 * annotation conventions ask, on sentences written for these tests.
 */
import { findMentions } from '../../src/extract/mentions';
import { loadKnowledgeBase } from '../../src/extract/kb';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/extract/knowledge';
import type { Mention } from '../../src/extract/types';
import { makeArticle } from './mentions.fixture';

const kb = loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR);

function run(text: string): Mention[] {
  return findMentions(makeArticle(text), kb).mentions;
}

const typed = (mentions: Mention[]): string[] => mentions.map((m) => `${m.type}:${m.entityId}`);
const of = (mentions: Mention[], surface: string): Mention | undefined => mentions.find((m) => m.surface === surface);

describe('findMentions with the shipped knowledge: capitals', () => {
  test('a capital of a minor state is a Place where it is a location and the Country where it acts', () => {
    expect(of(run('Le ministre est arrivé mardi à Kuala Lumpur pour un sommet régional.'), 'Kuala Lumpur')).toMatchObject({ type: 'Place', entityId: 'kuala_lumpur' });
    expect(of(run('Kuala Lumpur a convoqué l’ambassadeur après ces essais.'), 'Kuala Lumpur')).toMatchObject({ type: 'Country', entityId: 'malaysia' });
    expect(of(run('Une délégation a fait escale à Bakou avant de rentrer.'), 'Bakou')).toMatchObject({ type: 'Place', entityId: 'baku' });
  });
});

describe('findMentions with the shipped knowledge: weapons and bodies', () => {
  test('North Korean artillery systems are found by their calibre names', () => {
    expect(of(run('Des lance-roquettes multiples de 240 mm auraient été livrés au front.'), 'lance-roquettes multiples de 240 mm')).toMatchObject({ entityId: 'm1991_mrl' });
    expect(of(run('Des canons automoteurs de 170 mm ont été repérés près du front.'), 'canons automoteurs de 170 mm')).toMatchObject({ entityId: 'koksan' });
  });

  test('a unit named with its army mentions both; a panel named with its committee mentions both', () => {
    expect(typed(run("Le 11e corps de l'Armée populaire de Corée a été engagé."))).toEqual(['Organization:kpa_11th_corps', 'Organization:korean_people_army']);
    const panel = typed(run('Le panel d’experts du comité 1718 a rendu son dernier rapport.'));
    expect(panel).toEqual(['Organization:un_panel_of_experts', 'Organization:un_1718_committee']);
  });

  test('satellites are not weapon systems', () => {
    expect(run('Le pays a lancé un satellite espion après des satellites de reconnaissance ratés.').filter((m) => m.type === 'WeaponSystem')).toEqual([]);
  });
});

describe('findMentions with the shipped knowledge: a defunct state', () => {
  test('the Soviet Union is named by its names, not by an adjective of era or origin', () => {
    expect(typed(run('Pyongyang garde des stocks de matériel soviétique.'))).toEqual(['Country:north_korea']);
    expect(typed(run("En 1961, l'URSS a signé un traité avec Pyongyang."))).toContain('Country:soviet_union');
  });
});

describe('findMentions with the shipped knowledge: people, bodies and places of 2023–2025 coverage', () => {
  test.each([
    ['La porte-parole Karine Jean-Pierre a répondu aux questions.', 'Karine Jean-Pierre', 'karine_jean_pierre'],
    ['Le secrétaire Ri Il-hwan accompagnait la délégation.', 'Ri Il-hwan', 'ri_il_hwan'],
    ['Selon Yuriy Ihnat, deux missiles ont été abattus.', 'Yuriy Ihnat', 'yuriy_ihnat'],
    ['Une note du Middlebury Institute détaille les images.', 'Middlebury Institute', 'middlebury_cns'],
    ['Des combats ont eu lieu autour de Pogrebki.', 'Pogrebki', 'pogrebki'],
    ['Un tir a été observé depuis Plessetsk.', 'Plessetsk', 'plesetsk'],
  ])('%s', (text, surface, id) => {
    expect(of(run(text), surface)).toMatchObject({ entityId: id });
  });

  test('the American security council is never the UN one, and needs its setting', () => {
    expect(of(run('John Kirby, porte-parole du Conseil de sécurité nationale, a réagi.'), 'Conseil de sécurité nationale')).toMatchObject({ entityId: 'us_nsc' });
    expect(run('Il a réuni son conseil de sécurité nationale.').map((m) => m.entityId)).not.toContain('un_security_council');
  });

  test('unnamed posts of this topic resolve to their holders at the article date', () => {
    const article = makeArticle('Le ministre russe de la Défense a rencontré le dirigeant nord-coréen.');
    article.date = '2024-11-30';
    const people = findMentions(article, kb).mentions.filter((m) => m.type === 'Person').map((m) => m.entityId);
    expect(people).toEqual(['belousov', 'kim_jong_un']);
  });
});
