/**
 * The function-word vote hashes a line's words where they stand;
 * it must give the verdict of cutting the lower-cased line into words with
 * WORD_SEPARATORS and looking each up (the path taken without the hashes).
 */
import fc from 'fast-check';
import { loadFunctionWords, voteLanguage } from '../../src/corpus';

const words = loadFunctionWords();
const bySplit = { ...words, byHash: undefined };

describe('voteLanguage', () => {
  test('tells French, English and German lines apart', () => {
    expect(voteLanguage('Selon les services de renseignement, la Corée du Nord a envoyé des troupes dans la région.', words)).toBe('fr');
    expect(voteLanguage('The troops were sent to the region after the treaty was signed by both leaders.', words)).toBe('en');
    expect(voteLanguage('Die Truppen wurden nach dem Abkommen in die Region geschickt, sagte er.', words)).toBe('de');
    expect(voteLanguage('Pyongyang, Moscou, Séoul', words)).toBeUndefined();
  });

  test('agrees with the split-and-look-up vote on random lines', () => {
    const piece = fc.constantFrom('le', 'Les', 'DES', 'the', 'The', 'und', 'der', 'été', 'ÉTÉ', 'über', 'l’', "d'", 'qu’', ' ', '  ', ',', '.', '1', '«', '»', '-', 'é', 'lex', 'thé', 'x', 'Σ', 'İ', '\u{1d400}', 'ist', 'avec', 'with', 'mit');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const line = pieces.join('');
        expect(voteLanguage(line, words)).toBe(voteLanguage(line, bySplit));
      }),
      { numRuns: 3000 },
    );
  });
});
