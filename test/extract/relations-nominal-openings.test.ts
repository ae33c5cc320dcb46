/**
 * The title reader skips the positions whose opening word opens no title and
 * where no modifier stands (lexicon `titleOpenings`): a shortcut only. On
 * random noun phrases around names — titles, modifiers, joiners, brackets,
 * squeezed spaces, bodies inside and after the title — it reads the same
 * titles as the full reading of every position.
 */
import fc from 'fast-check';
import { getRelationLexicon } from '../../src/extract/relations';
import { buildSentenceContexts } from '../../src/extract/relations/context';
import type { RelationLexicon } from '../../src/extract/relations/lexicon';
import { matchNominal } from '../../src/extract/relations/nominal';
import type { EntityType } from '../../src/ontology';
import { makeArticle, makeKb } from './relations-fixtures';

const kb = makeKb([
  { id: 'ru', type: 'Country', label: 'Russie', aliases: [], demonyms: ['russe'] },
  { id: 'kp', type: 'Country', label: 'Corée du Nord', aliases: [], demonyms: ['nord-coréen', 'nord-coréenne'] },
  { id: 'onu', type: 'Organization', label: 'ONU', aliases: [] },
  { id: 'lavrov', type: 'Person', label: 'Sergueï Lavrov', aliases: [], roles: [{ title: 'ministre des Affaires étrangères', of: 'ru' }] },
  { id: 'kim', type: 'Person', label: 'Kim Jong Un', aliases: [], roles: [{ title: 'dirigeant', of: 'kp', leads: true }] },
]);
const lex = getRelationLexicon(kb);
const fullReading: RelationLexicon = { ...lex, titleOpenings: undefined };

/** Surfaces marked as mentions wherever they occur. */
const MARKED: Array<[surface: string, entityId: string, type: EntityType]> = [
  ['Sergueï Lavrov', 'lavrov', 'Person'],
  ['Lavrov', 'lavrov', 'Person'],
  ['Kim Jong Un', 'kim', 'Person'],
  ['Russie', 'ru', 'Country'],
  ['russe', 'ru', 'Country'],
  ['nord-coréen', 'kp', 'Country'],
  ['ONU', 'onu', 'Organization'],
];

const modifiers = ['par intérim', 'en exercice', "à l'époque", "de l'époque", "d'alors", 'adjoint', 'nouveau', 'alors', 'en poste', 'à', 'de', 'en', 'par', "d'", 'a', 'intérim', 'exercice', 'poste', "l'époque", 'époque'];
const bodies = ['Russie', 'russe', 'ONU', 'nord-coréen', 'de la Russie', "de l'ONU"];
const titleWords = ['ministre', 'président', 'dirigeant', 'chef', 'secrétaire', 'général', 'des Affaires étrangères', 'de la Défense', 'vice-ministre', 'homologue', 'auprès de'];
const others = ['le', 'la', "l'", 'du', 'des', 'son', ',', '(', ')', '( )', 'x', 'Lavrov', 'Kim Jong Un'];
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...modifiers), weight: 3 },
  { arbitrary: fc.constantFrom(...bodies), weight: 3 },
  { arbitrary: fc.constantFrom(...titleWords), weight: 3 },
  { arbitrary: fc.constantFrom(...others), weight: 2 },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '  ', ', ', '\u00a0', '( )', ' (', ') ', '(');

/** Every occurrence of each marked surface, as fixture marks in text order (longer surfaces first where they overlap). */
function marksOf(text: string): Array<[string, string, EntityType]> {
  const found: Array<{ start: number; end: number; mark: [string, string, EntityType] }> = [];
  for (const mark of MARKED) {
    for (let at = text.indexOf(mark[0]); at >= 0; at = text.indexOf(mark[0], at + 1)) {
      if (found.some((f) => f.start < at + mark[0].length && at < f.end)) continue;
      found.push({ start: at, end: at + mark[0].length, mark });
    }
  }
  return found.sort((a, b) => a.start - b.start).map((f) => f.mark);
}

function titlesRead(text: string, lexicon: RelationLexicon): string[] {
  const { article, mentions, entities } = makeArticle([text], marksOf(text));
  const [ctx] = buildSentenceContexts(article, mentions, entities, kb);
  return matchNominal(ctx, kb, lexicon).map((m) => `${m.subject.entityId}@${m.subject.start} ${m.relation} ${m.object.entityId}${m.role ? ` (${m.role})` : ''}`);
}

describe('title openings', () => {
  test('the lexicon lists the opening words of titles and the modifiers by theirs', () => {
    expect(lex.titleOpenings?.titles.has('ministre')).toBe(true);
    expect(lex.titleOpenings?.titles.has('de')).toBe(false);
    expect(lex.titleOpenings?.modifiers.get('par')).toContain('par interim');
  });

  test('read with the shortcut, the titles are those of the full reading', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 10 }), fc.constantFrom('Sergueï Lavrov', 'Kim Jong Un', 'Lavrov'), (words, name) => {
        const text = `${words.map(([w, s]) => w + s).join('')} ${name} a parlé.`;
        expect(titlesRead(text, lex)).toEqual(titlesRead(text, fullReading));
      }),
      { numRuns: 3000 },
    );
  });

  test('a word the title tail cuts down to a title still opens one', () => {
    const text = 'ministreauprès de  Sergueï Lavrov a parlé.';
    expect(titlesRead(text, lex)).toEqual(titlesRead(text, fullReading));
  });

  test('a title held with a modifier before it is still read', () => {
    const text = 'Le ministre par intérim des Affaires étrangères Sergueï Lavrov a parlé.';
    expect(titlesRead(text, lex)).toEqual(titlesRead(text, fullReading));
    expect(titlesRead(text, lex).length).toBeGreaterThan(0);
  });
});
