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
