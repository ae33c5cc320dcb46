/**
 * fold() reads a table of folded code units and caches whole texts: it must
 * give what folding each code unit on its own gives (lower case, no accents,
 * ASCII apostrophes, hyphens and spaces), at the same length, for any text.
 */
import fc from 'fast-check';
import { fold } from '../../src/extract/claims';

const SPECIAL: Record<string, string> = { '\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u00b4': "'", '`': "'", '\u2010': '-', '\u2011': '-', '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\t': ' ', '\n': ' ', '\r': ' ' };

/** The definition, one code unit at a time. */
function foldUnit(ch: string): string {
  const special = SPECIAL[ch];
  if (special !== undefined) return special;
  const base = ch.normalize('NFD')[0] ?? ch;
  const lower = base.toLowerCase();
  return lower.length === 1 ? lower : base;
}

describe('fold', () => {
  test('folds every UTF-16 code unit as the definition does', () => {
    const all = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));
    const folded = fold(all.join(''));
    expect(folded.length).toBe(0x10000);
    const wrong = all.filter((ch, code) => folded[code] !== foldUnit(ch));
    expect(wrong).toEqual([]);
  });

  test('keeps French words readable and the length unchanged', () => {
    expect(fold('Corée du Nord’s ÉTÉ\u00a0Kim Jong‑un')).toBe("coree du nord's ete kim jong-un");
  });

  test('gives the same answer for any text, asked once or again', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 9000 }), (text) => {
        const expected = [...Array(text.length).keys()].map((i) => foldUnit(text[i])).join('');
        expect(fold(text)).toBe(expected);
        expect(fold(text)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
