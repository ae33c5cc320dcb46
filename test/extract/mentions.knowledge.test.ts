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

describe('findMentions with the shipped knowledge: round 3 (descriptions, calibres, variants)', () => {
  test.each([
    ['Les chars ont défilé sur la place Tiananmen mardi.', 'place Tiananmen', 'tiananmen'],
    ['Le soldat venait de la république de Touva, en Sibérie.', 'république de Touva', 'tuva'],
    ['Les cargos ont accosté au port de Dounaï.', 'port de Dounaï', 'dunai'],
    ['Un pont enjambe le fleuve Tumen depuis 1959.', 'fleuve Tumen', 'tumen_river'],
    ['Wolodymyr Selensky a remercié ses alliés.', 'Wolodymyr Selensky', 'zelensky'],
    ["Un expert de l'Institut allemand pour la politique internationale et de sécurité a parlé.", 'Institut allemand pour la politique internationale et de sécurité', 'swp'],
    ["Des carnets ont été publiés par les forces d'opérations spéciales ukrainiennes.", "forces d'opérations spéciales ukrainiennes", 'ua_special_operations_forces'],
    ["Un officier de l'armée de Terre a témoigné.", 'armée de Terre', 'fr_army'],
    ['Il a visité une usine Soukhoï près de Moscou.', 'Soukhoï', 'sukhoi'],
  ])('%s', (text, surface, id) => {
    expect(of(run(text), surface)).toMatchObject({ entityId: id });
  });

  test('"armée de terre" in lower case is not the French army', () => {
    expect(run("L'armée de terre a reculé.").map((m) => m.entityId)).not.toContain('fr_army');
  });

  test('a calibre of shells is the artillery-shell category', () => {
    const mentions = run("Pyongyang a livré des obus de 152 mm et des obus de 122 mm.").filter((m) => m.type === 'WeaponSystem');
    expect(mentions.map((m) => m.entityId)).toEqual(['artillery_shells', 'artillery_shells']);
  });

  test("the chief of staff's title is a post, not the general staff; the name after it is the person", () => {
    const mentions = run("Le chef d'état-major général russe, Valeri Guerassimov, a parlé.");
    expect(typed(mentions)).toEqual(['Country:russia', 'Person:gerasimov']);
  });

  test('a lower-case description of a body also mentions its state; a proper name with an adjective does not', () => {
    expect(typed(run('Selon le service de renseignement sud-coréen, les tirs continuent.'))).toEqual(['Organization:nis', 'Country:south_korea']);
    expect(typed(run('Un chercheur de l’Institut français des relations internationales a parlé.'))).toEqual(['Organization:ifri']);
  });

  test('la Confédération is Switzerland once Switzerland is named', () => {
    const mentions = run('La Suisse a gelé des avoirs. La Confédération a aussi adopté des sanctions.');
    expect(of(mentions, 'Confédération')).toMatchObject({ entityId: 'switzerland' });
    expect(of(run('La Confédération a adopté des sanctions.'), 'Confédération')).toBeUndefined();
  });

  test("the UN experts' panel, written short, is confirmed by the council beside it", () => {
    const mentions = run("Le veto au Conseil de sécurité de l'ONU a mis fin au groupe d'experts chargé des sanctions.");
    expect(typed(mentions)).toEqual(['Organization:un_security_council', 'Organization:un_panel_of_experts']);
  });

  test('news outlets are marked as media, and their names in a masthead carry no entity', () => {
    expect(kb.gazetteer.entities.filter((e) => e.kind === 'media').map((e) => e.id)).toEqual(expect.arrayContaining(['afp', 'reuters', 'yonhap', 'kcna', 'tass', 'le_figaro']));
    expect(kb.gazetteer.entities.filter((e) => e.kind === 'media' && e.type !== 'Organization')).toEqual([]);
    expect(run('Reuters International\nPhoto : Reuters / Jean Dupont\nMoscou a livré des obus, a rapporté Reuters.').map((m) => m.entityId)).toEqual(['russia', 'artillery_shells', 'reuters']);
  });
});
