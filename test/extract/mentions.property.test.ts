/**
 * findMentions never throws and keeps its output contract on any text:
 * random Unicode, names glued to noise, broken sentence tables, huge input.
 */
import fc from 'fast-check';
import type { Article, Sentence } from '../../src/corpus/types';
import { findMentions } from '../../src/extract/mentions';
import { makeArticle, makeKnowledgeBase, TEST_GAZETTEER } from './mentions.fixture';

const kb = makeKnowledgeBase();

function checkContract(article: Article): void {
  const { entities, mentions } = findMentions(article, kb);
  let outer = { start: -1, end: -1 };
  for (const m of mentions) {
    expect(article.text.slice(m.start, m.end)).toBe(m.surface);
    expect(m.end).toBeGreaterThan(m.start);
    if (m.start < outer.end) {
      // Only a state's demonym nests, inside the organisation name before it.
      expect(m).toMatchObject({ type: 'Country', via: 'demonym' });
      expect(m.end).toBeLessThanOrEqual(outer.end);
      continue;
    }
    outer = m;
    expect(entities.some((e) => e.id === m.entityId)).toBe(true);
  }
}

const NAMES = TEST_GAZETTEER.entities.flatMap((e) => [e.label, ...e.aliases]);
const WORDS = [...NAMES, 'le ministre', 'le général', "l'agence", 'à', 'M.', 'Kim', 'le traité', 'S-400', 'obus de 152 mm', ',', '.', '\n', '©', 'by', 'https://x.com/a/b', 'nord-coréens', 'qui'];

describe('findMentions: never throws', () => {
  test('on random Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkContract(makeArticle(text));
      }),
      { numRuns: 300 },
    );
  });

  test('on names, cues and noise glued together at random', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', '', '-', "'", ', ', '. ')), { maxLength: 60 }), (parts) => {
        checkContract(makeArticle(parts.map(([w, sep]) => w + sep).join('')));
      }),
      { numRuns: 300 },
    );
  });

  test('on sentence tables that are out of range, overlapping or unsorted', () => {
    const sentence = fc.record({ index: fc.integer({ min: -2, max: 20 }), start: fc.integer({ min: -5, max: 200 }), end: fc.integer({ min: -5, max: 200 }), text: fc.constant('') });
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), fc.array(sentence, { maxLength: 8 }), (text, sentences) => {
        const article = { ...makeArticle(`La Russie et Moscou. ${text}`), sentences: sentences as Sentence[] };
        expect(() => findMentions(article, kb)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  test('on a huge article', () => {
    const paragraph = 'Le ministre russe de la Défense Andreï Belooussov a rencontré à Pyongyang Kim Jong Un. Moscou a fourni des obus de 152 mm et des S-400. Le traité inquiète Séoul.\n';
    const article = makeArticle(paragraph.repeat(4000));
    const { mentions } = findMentions(article, kb);
    expect(mentions.length).toBeGreaterThan(4000 * 6);
  });
});
