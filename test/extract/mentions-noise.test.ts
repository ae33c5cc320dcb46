/**
 * Web domains are noise spans; the cheap DOMAIN_TAIL scan that skips the
 * DOMAIN pattern on articles without one must never skip a real domain.
 */
import fc from 'fast-check';
import { loadMentionLexicons } from '../../src/extract/mentions/lexicon';
import { DOMAIN, DOMAIN_TAIL, noiseSpans } from '../../src/extract/mentions/noise';
import { makeKnowledgeBase } from './mentions.fixture';

const lexicons = loadMentionLexicons(makeKnowledgeBase());

describe('noiseSpans: web domains', () => {
  test('silences a domain named in prose, and nothing in prose without one', () => {
    const text = 'Selon Sputniknews.fr, la Russie enverra des troupes.';
    const start = text.indexOf('Sputniknews');
    expect(noiseSpans(text, lexicons)).toContainEqual({ start, end: start + 'Sputniknews.fr,'.length });
    expect(noiseSpans('La Russie enverra des troupes. Le Japon proteste.', lexicons)).toEqual([]);
  });

  test('every text DOMAIN matches in is one DOMAIN_TAIL finds', () => {
    const piece = fc.constantFrom('a', 'X', 'é', '1', '-', '.', '@', ' ', ',', 'fr', 'com', 'Co', 'info', 'news', 'u', 's', '/', '\u{1d400}');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        DOMAIN.lastIndex = 0;
        const matches = [...text.matchAll(DOMAIN)].length;
        if (matches > 0) expect(DOMAIN_TAIL.test(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
