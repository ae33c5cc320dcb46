/**
 * Weapon designations (Hwasong-19, KN-23, Iskander-M) are tried only at the
 * start of the letters before each hyphen that can hold one; the matches must
 * be those of the patterns scanned over the whole sentence.
 */
import fc from 'fast-check';
import { DESIGNATION, designationMatches, LETTER_SUFFIX_DESIGNATION } from '../../src/extract/mentions/discover';

const spans = (matches: Iterable<RegExpMatchArray>): Array<[number, string]> => [...matches].map((m) => [m.index ?? -1, m[0]]);

function agree(text: string): void {
  const fast = designationMatches(text);
  expect(spans(fast.designation)).toEqual(spans(text.matchAll(DESIGNATION)));
  expect(spans(fast.letterSuffix)).toEqual(spans(text.matchAll(LETTER_SUFFIX_DESIGNATION)));
}

describe('designationMatches', () => {
  test('finds the designations of a sentence', () => {
    const text = 'Des missiles Hwasong-19, KN-23 et Iskander-M, pas des Su-35‑1 ni le S-400 (Pantsir-S1), ni la Corée-Nord.';
    agree(text);
    expect(designationMatches(text).designation.map((m) => m[0])).toEqual(['Hwasong-19', 'KN-23', 'Su-35‑1', 'S-400', 'Pantsir-S1']);
    expect(designationMatches(text).letterSuffix.map((m) => m[0])).toEqual(['Iskander-M']);
  });

  test('agrees with the whole-sentence scan on random text', () => {
    const piece = fc.constantFrom('Hwasong', 'KN', 'Iskander', 'S', 'Su', 'x', 'é', 'É', '-', '\u2010', '\u2011', '1', '23', '400', 'M', 'MS', 'A1', ' ', ',', '/', ':', 'ab', 'Abc', '\u{1d400}', '\u{1d41a}', '²', '½', 'Ω', 'ω', '’');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => agree(pieces.join(''))),
      { numRuns: 5000 },
    );
  });
});
