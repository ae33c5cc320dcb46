/**
 * requiredCharacter reads off a pattern's source a character every match
 * contains, so that lines without it skip the pattern: it must never name a
 * character some match lacks, and it should find the ones the noise rules
 * rely on.
 */
import fc from 'fast-check';
import { loadNoiseRules } from '../../src/corpus';
import { anyMatches, mayMatch, patternFirstUnits, requiredCharacter } from '../../src/corpus/required';

describe('patternFirstUnits', () => {
  const first = (source: string, flags = 'i'): string | undefined => {
    const units = patternFirstUnits(new RegExp(source, flags));
    return units === undefined ? undefined : String.fromCharCode(...[...units].sort((a, b) => a - b));
  };

  test('lists the first characters of anchored patterns, case variants included', () => {
    expect(first('^(menu|search)$')).toBe('MSms');
    expect(first('^(?:a|b)?c', '')).toBe('abc');
    expect(first('^(a|)b', '')).toBe('ab');
    expect(first('^[-•*]?x', '')).toBe('*-x•');
    expect(first('^\\d+ min')).toBe('0123456789');
    expect(first('^(é|k)')).toBe('KkÉé');
    expect(first('^(©|\\(c\\))|^tous')).toBe('(Tt©');
  });

  test.each([['^a*b?', 'i'], ['^[^x]', 'i'], ['x|^y', 'i'], ['^.', 'i'], ['^\\p{Lu}', 'u'], ['^\\w', 'i'], ['^k', 'iu'], ['^s', 'iu'], ['^µ', 'i'], ['^a', 'im'], ['(^a|^b)', 'i']])('%s [%s] → none', (source, flags) => {
    expect(first(source, flags)).toBeUndefined();
  });
});

describe('requiredCharacter', () => {
  test.each([
    ['(dernière modification|last modified)\\s*:', 'i', ':'],
    ['(?<=[.!?]\\s?)\\((avec|with)\\s+afp\\)', 'i', '('],
    ['^\\p{Lu}\\w*(?:\\s*\\/\\s*\\p{Lu}\\w*){1,3}$', 'u', '/'],
    ['^a(?:, b)+$', '', ','],
    ['^(?<head>x)-y', '', '-'],
  ])('%s (flags %s) → %s', (source, flags, expected) => {
    expect(requiredCharacter(new RegExp(source, flags))).toBe(expected);
  });

  test.each([
    ['a:|b'],
    ['(?:x:)?y'],
    ['x:{0,2}y'],
    ['x:*'],
    ['(?=.*:)x'],
    ['(?!:)x'],
    ['[:]x'],
    ['(a)\\1'],
    ['x(?:a|:)'],
    ['abc'],
    ['\\d+'],
  ])('%s → none', (source) => {
    expect(requiredCharacter(new RegExp(source, 'i'))).toBeUndefined();
  });

  test('finds a character for the costly unanchored noise rules', () => {
    const rules = loadNoiseRules();
    const found = [...rules.lines, ...rules.inline].filter((re) => requiredCharacter(re) !== undefined);
    expect(found.length).toBeGreaterThanOrEqual(15);
  });

  test('a match of a noise rule always holds its required character and begins with one of its first characters', () => {
    const rules = loadNoiseRules();
    const patterns = [...rules.lines, ...rules.headerLines, ...rules.inline, ...rules.blocks.map((b) => b.start)].filter((re) => requiredCharacter(re) !== undefined || patternFirstUnits(re) !== undefined);
    const piece = fc.constantFrom(
      'Par', 'par', 'Jean', 'Dupont', 'Kim', 'AFP', 'Reuters', 'avec', 'with', '(', ')', '[', ']', ':', ',', '/', '|', '-', '.', ' ', '  ', 'Photo', 'Source',
      'envoyé spécial', 'correspondant', 'page', 'txt', 'x', 'de', 'et', '»', '!', 'plugin-autotooltip', 'dernière modification', 'Tags', 'SÉOUL', '2025', 'Le Monde',
      'Publié le', 'publié', 'Mis à jour', 'Lire aussi', 'à lire aussi', 'À', 'Crédits', '©', '(c)', 'Menu', 'MENU', 'Partager', 'Share', 'Kommentar', 'Suche', 'ſ', 'K',
      '×', '5 min de lecture', 'https://x.org/a', 'www.', 'Auteur', 'Écrit', 'écrit', 'Newsletter', 'Abonnez-vous', 'Publicité', 'Transparenz', 'Cet article', '\u00a0', '\t',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const line = pieces.join('');
        for (const re of patterns) {
          re.lastIndex = 0;
          if (re.test(line)) expect(mayMatch(re, line)).toBe(true);
        }
        for (const list of [rules.lines, rules.headerLines]) expect(anyMatches(list, line)).toBe(list.some((re) => re.test(line)));
      }),
      { numRuns: 3000 },
    );
  });
});
