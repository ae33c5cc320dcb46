/**
 * Contract of findMentions for resolution that relations depend on: capitals
 * after travel words are places, compound demonyms name both states, and
 * unnamed definite descriptions ("le président russe") are the person who
 * holds that post. Sentences written for the tests.
 */
import { findMentions } from '../../src/extract/mentions';
import type { Mention } from '../../src/extract/types';
import { makeArticle, makeKnowledgeBase, TEST_GAZETTEER } from './mentions.fixture';

const gazetteer = {
  ...TEST_GAZETTEER,
  entities: [
    ...TEST_GAZETTEER.entities,
    { id: 'china', type: 'Country', label: 'Chine', aliases: [], demonyms: ['chinois'], metonyms: ['Pékin'] },
    { id: 'japan', type: 'Country', label: 'Japon', aliases: [], demonyms: ['japonais'], metonyms: ['Tokyo'] },
    { id: 'hanoi', type: 'Place', label: 'Hanoï', aliases: [] },
    { id: 'washington', type: 'Place', label: 'Washington', aliases: [], country: 'united_states' },
    { id: 'nato', type: 'Organization', label: 'OTAN', aliases: ['Alliance atlantique'] },
    { id: 'unsc', type: 'Organization', label: "Conseil de sécurité de l'ONU", aliases: ['Conseil de sécurité'] },
    { id: 'us_nsc', type: 'Organization', label: 'Conseil de sécurité nationale des États-Unis', aliases: [], country: 'united_states', weakAliases: ['Conseil de sécurité nationale'] },
    { id: 'kr_nsc', type: 'Organization', label: 'Conseil de sécurité nationale sud-coréen', aliases: [], country: 'south_korea', weakAliases: ['Conseil de sécurité nationale'] },
    { id: 'us_spokesman', type: 'Person', label: 'Walter Grigsby', aliases: [], country: 'united_states', roles: [{ title: 'porte-parole', of: 'us_nsc' }] },
    { id: 'un_committee', type: 'Organization', label: 'Comité 1718', aliases: [] },
    { id: 'old_minister', type: 'Person', label: 'Arkadi Vetrov', aliases: [], country: 'russia', roles: [{ title: 'ministre de la Défense', of: 'russia', since: '2015-01', until: '2024-05' }] },
    { id: 'new_minister', type: 'Person', label: 'Boris Zimine', aliases: [], country: 'russia', roles: [{ title: 'ministre de la Défense', of: 'russia', since: '2024-05' }] },
    { id: 'nk_fm', type: 'Person', label: 'Ryo Song Mi', aliases: [], country: 'north_korea', roles: [{ title: 'ministre des Affaires étrangères', of: 'north_korea', since: '2022-06' }] },
    { id: 'nato_chief_a', type: 'Person', label: 'Henrik Dalsgaard', aliases: [], roles: [{ title: "secrétaire général de l'OTAN", of: 'nato', until: '2024-10' }] },
    { id: 'nato_chief_b', type: 'Person', label: 'Pieter Maas', aliases: [], roles: [{ title: "secrétaire général de l'OTAN", of: 'nato', since: '2024-10' }] },
  ],
};
const kb = makeKnowledgeBase(gazetteer);

function run(text: string, date?: string): Mention[] {
  const article = makeArticle(text);
  if (date) article.date = date;
  return findMentions(article, kb).mentions;
}

const of = (mentions: Mention[], surface: string): Mention | undefined => mentions.find((m) => m.surface === surface);

describe('findMentions: a capital after a travel word is the place', () => {
  test.each([
    ['Le négociateur est arrivé mardi à Moscou pour deux jours.', 'Moscou'],
    ['La délégation s’est envolée pour Pyongyang à bord d’un avion spécial.', 'Pyongyang'],
    ['Le diplomate séjourne à Séoul depuis lundi.', 'Séoul'],
  ])('%s', (text, capital) => {
    expect(of(run(text), capital)).toMatchObject({ type: 'Place' });
  });

  test('a day name that begins like a transfer verb does not make the capital a recipient', () => {
    // "vendredi" begins with "vend", the stem of "vendre".
    expect(of(run('Le ministre est arrivé vendredi à Pyongyang.'), 'Pyongyang')).toMatchObject({ type: 'Place', entityId: 'pyongyang' });
    expect(of(run('Le régime a vendu à Pyongyang des pièces.'), 'Pyongyang')).toMatchObject({ type: 'Country', entityId: 'north_korea' });
  });

  test('a capital after "permis à" is the state that benefits', () => {
    expect(of(run('Cet accord a permis à Moscou de reconstituer ses stocks.'), 'Moscou')).toMatchObject({ type: 'Country' });
  });
});

describe('findMentions: compound demonyms name both states', () => {
  test('russo-nord-coréen, sino-russes, nippo-américaine', () => {
    const mentions = run('Le rapprochement russo-nord-coréen inquiète, comme les manœuvres sino-russes et la garantie nippo-américaine.');
    const pairs = mentions.map((m) => [m.surface, m.entityId]);
    expect(pairs).toEqual([
      ['russo', 'russia'],
      ['nord-coréen', 'north_korea'],
      ['sino', 'china'],
      ['russes', 'russia'],
      ['nippo', 'japan'],
      ['américaine', 'united_states'],
    ]);
    expect(mentions.every((m) => m.type === 'Country' && m.via === 'demonym')).toBe(true);
  });

  test('a combining form that joins no demonym names nothing', () => {
    expect(run('La stratégie pour l’Indo-Pacifique et le russo-japonisme littéraire.').filter((m) => m.entityId === 'russia')).toEqual([]);
    expect(run('Un style sino-baroque.')).toEqual([]);
  });
});

describe('findMentions: unnamed definite descriptions are the holder of the post', () => {
  const withRoles = {
    ...gazetteer,
    entities: gazetteer.entities.map((e) =>
      e.id === 'putin' ? { ...e, roles: [{ title: 'président', of: 'russia', leads: true }] } : e.id === 'kim_jong_un' ? { ...e, roles: [{ title: 'dirigeant nord-coréen', of: 'north_korea', leads: true }] } : e,
    ),
  };
  const kbRoles = makeKnowledgeBase(withRoles);
  const described = (text: string, date?: string): Array<[string, string]> => {
    const article = makeArticle(text);
    if (date) article.date = date;
    return findMentions(article, kbRoles)
      .mentions.filter((m) => m.via === 'description')
      .map((m) => [m.surface, m.entityId]);
  };

  test('a head of state with no bounds on the post needs no date; the state keeps its own mention', () => {
    const article = makeArticle('Le président russe a reçu le dirigeant nord-coréen.');
    const { mentions } = findMentions(article, kbRoles);
    expect(mentions.map((m) => [m.surface, m.entityId, m.type])).toEqual([
      ['président', 'putin', 'Person'],
      ['russe', 'russia', 'Country'],
      ['dirigeant', 'kim_jong_un', 'Person'],
      ['nord-coréen', 'north_korea', 'Country'],
    ]);
    expect(mentions[0].cue).toBe('Le président russe');
  });

  test('the article date picks the holder of a post that changed hands', () => {
    expect(described('Le ministre russe de la Défense a inspecté les troupes.', '2023-03-02')).toEqual([['ministre', 'old_minister']]);
    expect(described('Le ministre russe de la Défense a inspecté les troupes.', '2025-01-15')).toEqual([['ministre', 'new_minister']]);
    // No date and a post with bounds: nobody is certain.
    expect(described('Le ministre russe de la Défense a inspecté les troupes.')).toEqual([]);
  });

  test('the holder named earlier in the article wins; the post can be written around the state', () => {
    const text = 'Arkadi Vetrov a quitté Moscou. Le ministre de la Défense russe a ensuite rencontré le chef de la diplomatie nord-coréenne.';
    expect(described(text, '2024-03-01')).toEqual([
      ['ministre de la Défense', 'old_minister'],
      ['chef de la diplomatie', 'nk_fm'],
    ]);
    // In 2025 the earlier name no longer held the post: the holder then is taken.
    expect(described(text, '2025-03-01')[0]).toEqual(['ministre de la Défense', 'new_minister']);
  });

  test('a body named in the phrase holds the post: le secrétaire général de l’OTAN', () => {
    expect(described('Le secrétaire général de l’OTAN a répondu.', '2025-02-01')).toEqual([['secrétaire général', 'nato_chief_b']]);
  });

  test('beside a name, after ancien/vice-, or in the plural, it is no description', () => {
    expect(described('Le président russe Vladimir Poutine a parlé.')).toEqual([]);
    expect(described('Vladimir Poutine, le président russe, a parlé.')).toEqual([]);
    expect(described('Le président russe, Vladimir Poutine, a parlé.')).toEqual([]);
    expect(described('L’ancien président russe a parlé, puis le vice-président russe.')).toEqual([]);
    expect(described('Les présidents russe et nord-coréen ont parlé.')).toEqual([]);
  });
});

describe('findMentions: names of bodies that are also common phrases', () => {
  test('a body written with a capital is not found in the lower-case phrase', () => {
    expect(run('Le Conseil de sécurité a siégé.').map((m) => m.entityId)).toEqual(['unsc']);
    expect(run('Le pays a créé un conseil de sécurité régional.')).toEqual([]);
    // A number keeps the name distinctive in lower case.
    expect(run('Le comité 1718 enquête.').map((m) => m.entityId)).toEqual(['un_committee']);
  });

  test('a shared weak name is the body of the country the sentence’s person or place belongs to', () => {
    expect(of(run('Walter Grigsby, porte-parole du Conseil de sécurité nationale, a répondu.'), 'Conseil de sécurité nationale')).toMatchObject({ entityId: 'us_nsc' });
    expect(of(run('À Séoul, le Conseil de sécurité nationale a été convoqué.'), 'Conseil de sécurité nationale')).toMatchObject({ entityId: 'kr_nsc' });
    // Nothing says whose: neither body, and never the UN council hidden inside it.
    expect(run('Le Conseil de sécurité nationale a été convoqué.')).toEqual([]);
    expect(run('Le président a réuni son conseil de sécurité nationale.')).toEqual([]);
  });
});

describe('findMentions: unknown places and designations, and quoted titles of works', () => {
  test('an unknown name after près de / au nord de is a place; a known person is not', () => {
    const near = run('Les combats se poursuivent près de Vychnevka et au nord de Ostrovo-Glinka.');
    expect(near.map((m) => [m.surface, m.type])).toEqual([
      ['Vychnevka', 'Place'],
      ['Ostrovo-Glinka', 'Place'],
    ]);
    expect(run('Vladimir Poutine était assis près de Poutine.').filter((m) => m.type === 'Place')).toEqual([]);
  });

  test('a known weapon name with a further version number is another designation', () => {
    const kbWeapons = makeKnowledgeBase({ ...gazetteer, entities: [...gazetteer.entities, { id: 'geran', type: 'WeaponSystem', label: 'Geran', aliases: [] }] });
    const found = findMentions(makeArticle('Le drone Geran-7 diffère du Geran.'), kbWeapons).mentions.map((m) => [m.surface, m.entityId]);
    expect(found).toEqual([
      ['Geran-7', 'weapon_geran_7'],
      ['Geran', 'geran'],
    ]);
  });

  test('the quoted title of a book or film carries no entity; the same words elsewhere do', () => {
    expect(run('Le livre « Un hiver à Moscou » raconte la guerre.')).toEqual([]);
    expect(run('Le documentaire "Retour à Pyongyang" a été primé à Séoul.').map((m) => m.surface)).toEqual(['Séoul']);
    expect(run('Il a dit « Moscou ment ».').map((m) => m.entityId)).toEqual(['russia']);
  });
});
