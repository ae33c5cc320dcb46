/**
 * Contract of findMentions on what the press writes side by side about one
 * thing, and on context that types or resolves a name: a weapon category
 * beside the named system it describes is that system alone; a category used
 * as a concept is no weapon; an acronym beside an organisation is that
 * organisation; a reaction "à <capitale>" is the government; a place name
 * after an organisation head names a unit; a generic ministry is resolved by
 * the country beside it, an earlier mention, or the sentence's setting; titles
 * of researchers introduce unknown persons.
 */
import { findMentions } from '../../src/extract/mentions';
import type { Mention } from '../../src/extract/types';
import { makeArticle, makeKnowledgeBase, TEST_GAZETTEER } from './mentions.fixture';

const kb = makeKnowledgeBase({
  ...TEST_GAZETTEER,
  entities: [
    ...TEST_GAZETTEER.entities,
    { id: 'japan', type: 'Country', label: 'Japon', aliases: [], demonyms: ['japonais'], metonyms: ['Tokyo'] },
    { id: 'tokyo', type: 'Place', label: 'Tokyo', aliases: [], country: 'japan' },
    { id: 'washington_dc', type: 'Place', label: 'Washington', aliases: [], country: 'united_states' },
    { id: 'asia', type: 'Place', label: 'Asie', aliases: [] },
    { id: 'srbm', type: 'WeaponSystem', label: 'missile balistique de courte portée', aliases: ['missiles balistiques de courte portée'] },
    { id: 'icbm', type: 'WeaponSystem', label: 'missile balistique intercontinental', aliases: ['missiles balistiques intercontinentaux', 'missile intercontinental'] },
    { id: 'guns', type: 'WeaponSystem', label: "pièces d'artillerie", aliases: ['canons'] },
    { id: 'drones', type: 'WeaponSystem', label: 'drones', aliases: ['drone'] },
    { id: 'nuclear_weapons', type: 'WeaponSystem', label: 'armes nucléaires', aliases: ['arme nucléaire'] },
    { id: 'tor', type: 'WeaponSystem', label: 'Tor-M2', aliases: ['Tor'] },
    { id: 'ru_defense', type: 'Organization', label: 'ministère russe de la Défense', aliases: [], country: 'russia', weakAliases: ['ministère de la Défense'] },
    { id: 'kr_defense', type: 'Organization', label: 'ministère sud-coréen de la Défense', aliases: [], country: 'south_korea', weakAliases: ['ministère de la Défense'] },
    { id: 'kr_foreign', type: 'Organization', label: 'ministère sud-coréen des Affaires étrangères', aliases: [], country: 'south_korea', weakAliases: ['ministère des Affaires étrangères'] },
    { id: 'jp_foreign', type: 'Organization', label: 'ministère japonais des Affaires étrangères', aliases: [], country: 'japan', weakAliases: ['ministère des Affaires étrangères'] },
  ],
});

function run(text: string): Mention[] {
  return findMentions(makeArticle(text), kb).mentions;
}
const idsOfType = (mentions: Mention[], type: string): string[] => mentions.filter((m) => m.type === type).map((m) => m.entityId);
const of = (mentions: Mention[], surface: string): Mention | undefined => mentions.find((m) => m.surface === surface);

describe('findMentions: a weapon category beside a named system', () => {
  test.each([
    ['right before the name', 'Ils auraient reçu des missiles balistiques de courte portée ZX-17 en mars.', 'weapon_zx_17'],
    ['with a qualifier and a demonym between', 'Ils ont livré 40 canons automoteurs nord-coréens Tor-M2 au front.', 'tor'],
    ['apposed after it with a definite article', 'Il a montré ses missiles intercontinentaux, les ZX-30 et ZX-31, à la presse.', 'weapon_zx_30'],
    ['apposed before it with a singular article', 'Le pays a tiré le ZX-30, un missile balistique intercontinental, jeudi.', 'weapon_zx_30'],
  ])('%s: the named system alone', (_, text, id) => {
    const weapons = idsOfType(run(text), 'WeaponSystem');
    expect(weapons).toContain(id);
    expect(weapons.filter((w) => ['srbm', 'icbm', 'guns'].includes(w))).toEqual([]);
  });

  test('an enumeration keeps every item, and a category with no name beside it stays', () => {
    expect(idsOfType(run('Moscou a reçu des canons, des ZX-17 et des drones.'), 'WeaponSystem')).toEqual(['guns', 'weapon_zx_17', 'drones']);
    expect(idsOfType(run('Pyongyang teste des missiles balistiques de courte portée depuis mai.'), 'WeaponSystem')).toEqual(['srbm']);
    expect(idsOfType(run('Ils ont livré des canons et des missiles ZX-17.'), 'WeaponSystem')).toEqual(['guns', 'weapon_zx_17']);
  });

  test('a category used as a concept is no weapon; supplied, it is one', () => {
    expect(idsOfType(run('Les soldats apprennent la guerre par drones sur le front.'), 'WeaponSystem')).toEqual([]);
    expect(idsOfType(run('Des bombardiers capables de transporter des armes nucléaires ont survolé la mer.'), 'WeaponSystem')).toEqual([]);
    expect(idsOfType(run('Moscou a fourni des drones à Pyongyang.'), 'WeaponSystem')).toEqual(['drones']);
  });
});

describe('findMentions: an acronym beside an organisation', () => {
  test('in parentheses after a discovered organisation, it is that organisation', () => {
    const mentions = run("Selon l'Institut d'études stratégiques nordiques (IESN), la ligne tiendra. L'IESN le répète.");
    const org = mentions.filter((m) => m.type === 'Organization');
    expect(org.map((m) => m.surface)).toEqual(["Institut d'études stratégiques nordiques", 'IESN']);
    expect(new Set(org.map((m) => m.entityId)).size).toBe(1);
    const entity = findMentions(makeArticle("Selon l'Institut d'études stratégiques nordiques (IESN), la ligne tiendra."), kb).entities.find((e) => e.type === 'Organization');
    expect(entity?.aliases).toContain('IESN');
  });

  test('apposed with a comma before a discovered organisation, it is that organisation', () => {
    const org = run("Le texte a été publié par le BSEA, le Bureau d'études stratégiques, lundi.").filter((m) => m.type === 'Organization');
    expect(org.map((m) => m.surface)).toEqual(['BSEA', "Bureau d'études stratégiques"]);
    expect(org[0].entityId).toBe(org[1].entityId);
  });

  test('an acronym with nothing beside it stays unknown', () => {
    expect(run('Le BSEA a publié un texte lundi.').filter((m) => m.type === 'Organization')).toEqual([]);
  });
});

describe('findMentions: context that types a capital or a place name', () => {
  test('a reaction "à <capitale>" is the government, through a coordination too', () => {
    const mentions = run('Inquiétude à Séoul et à Washington après le tir.');
    expect(of(mentions, 'Séoul')).toMatchObject({ type: 'Country', entityId: 'south_korea' });
    expect(of(mentions, 'Washington')).toMatchObject({ type: 'Country', entityId: 'united_states' });
    expect(of(run('Le ministre est arrivé à Séoul et à Washington.'), 'Washington')).toMatchObject({ type: 'Place' });
  });

  test('flows "de <capitale> vers <capitale>" go between governments', () => {
    const mentions = run('Les flux de Pyongyang vers Moscou ont doublé.');
    expect(of(mentions, 'Moscou')).toMatchObject({ type: 'Country', entityId: 'russia' });
    expect(of(run('Le train roulait vers Moscou.'), 'Moscou')).toMatchObject({ type: 'Place' });
  });

  test('a place name right after an organisation head names a unit, not the place', () => {
    expect(of(run("Elle dirige le centre Asie de l'institut."), 'Asie')).toBeUndefined();
    expect(of(run('Il voyage en Asie depuis mai.'), 'Asie')).toMatchObject({ type: 'Place' });
  });
});

describe('findMentions: a generic ministry name', () => {
  test('the country right after it decides, before an earlier mention', () => {
    const mentions = run('Le ministère russe de la Défense a parlé. Selon le ministère de la Défense sud-coréen, le tir a échoué.');
    expect(mentions.filter((m) => m.type === 'Organization').map((m) => m.entityId)).toEqual(['ru_defense', 'kr_defense']);
  });

  test('an earlier mention decides, then a place of the sentence, and nothing decides nothing', () => {
    expect(idsOfType(run('Le ministère russe de la Défense a parlé. Le ministère de la Défense a ensuite démenti.'), 'Organization')).toEqual(['ru_defense', 'ru_defense']);
    expect(idsOfType(run('À Tokyo, le ministère des Affaires étrangères a salué le rapport.'), 'Organization')).toEqual(['jp_foreign']);
    expect(idsOfType(run('Le ministère des Affaires étrangères a salué le rapport.'), 'Organization')).toEqual([]);
  });
});

describe('findMentions: researchers and officials from their titles', () => {
  test.each([
    ['« La ligne tiendra », estime Paul Verlaine-Durand, chargé de cours à l’université.', 'Paul Verlaine-Durand'],
    ['Kim Jang-sik, membre du bureau politique du parti, a fait le voyage.', 'Kim Jang-sik'],
    ['Selon Anna Kowalczyk, chercheuse associée au centre, le front tient.', 'Anna Kowalczyk'],
  ])('%s', (text, name) => {
    expect(of(run(text), name)).toMatchObject({ type: 'Person', via: 'title' });
  });

  test('a title opening the sentence reaches the name past an acronym in parentheses', () => {
    const mentions = run("Chercheuse à l'Institut d'études stratégiques nordiques (IESN), Marta Nilsen-Berg décrypte le rapprochement.");
    expect(of(mentions, 'Marta Nilsen-Berg')).toMatchObject({ type: 'Person', via: 'title' });
  });

  test('a known short form opening a longer name does not hide the unknown person', () => {
    expect(of(run('Kim Hyon-chol, membre du bureau politique, était présent.'), 'Kim Hyon-chol')).toMatchObject({ type: 'Person', entityId: 'person_kim_hyon_chol' });
  });
});

describe('findMentions: names written all in capitals', () => {
  test('a heading or outlet in capitals before an apposed title is no person; the titled name after it is', () => {
    const mentions = findMentions(makeArticle('Pour un officier interrogé par LA REVUE MILITAIRE, le colonel Jean Dubreuil, la menace grandit.'), makeKnowledgeBase()).mentions;
    expect(mentions.filter((m) => m.type === 'Person').map((m) => m.surface)).toEqual(['Jean Dubreuil']);
  });
});

describe('findMentions: weapon categories that name no new weapon', () => {
  test('a category after a demonstrative points back; the same category without it is a weapon', () => {
    const kb = makeKnowledgeBase();
    const weapons = (text: string) => findMentions(makeArticle(text), kb).mentions.filter((m) => m.type === 'WeaponSystem').map((m) => m.surface);
    expect(weapons('Ces obus ont été tirés hier.')).toEqual([]);
    expect(weapons('Des obus ont été tirés hier.')).toEqual(['obus']);
  });

  test('a shortage of a category is a concept, not a supply', () => {
    const kb = makeKnowledgeBase();
    expect(findMentions(makeArticle("L'armée, à court d'obus, recule."), kb).mentions.filter((m) => m.type === 'WeaponSystem')).toEqual([]);
  });
});
