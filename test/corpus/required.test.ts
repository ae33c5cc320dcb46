/**
 * requiredCharacter reads off a pattern's source a character every match
 * contains, so that lines without it skip the pattern: it must never name a
 * character some match lacks, and it should find the ones the noise rules
 * rely on.
 */
import fc from 'fast-check';
import { loadNoiseRules } from '../../src/corpus';
import { anyMatches, mayMatch, patternFirstUnits, patternWords, requiredCharacter } from '../../src/corpus/required';

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

describe('patternWords', () => {
  const words = (source: string, flags = 'i'): string | undefined => patternWords(new RegExp(source, flags))?.source;

  test('lists the literal runs one of which every match of an unanchored pattern holds', () => {
    expect(words('cookies?\\b.{0,20}(accept|consent)|\\b(we use)\\b.{0,10}cookies')).toBe('(?:cookie)|(?:cookies)');
    expect(words('(?<=[.!?]\\s?)\\((avec|with)\\s+afp\\)')).toBe('(?:avec)|(?:with)');
    expect(words('plugin-tooltip[\\w-]*', 'u')).toBe('"plugin-tooltip"');
    expect(words('\\(avec|\\(with')).toBeUndefined();
    expect(words('\\(avec|\\(with', '')).toBe('"(avec"|"(with"');
    expect(words('\\bab+cdef')).toBe('(?:cdef)');
    expect(words('cookies?\\b.{0,20}accept')).toBeUndefined();
  });

  test.each([['^(menu|search)$'], ['x|^y'], ['ab|cd'], ['(?:abc)?d'], ['abc*'], ['a.b.c'], ['[abc]{3}']])('%s → none', (source) => {
    expect(words(source)).toBeUndefined();
  });

  test('a pattern matching text always finds one of its runs there', () => {
    const cases: Array<[string, string]> = [['cookies?\\b.{0,20}(accept|consent)|\\b(we use)\\b.{0,10}cookies', 'We use COOKIES here'], ['(?<=[.!?]\\s?)\\((Avec|with)\\s+afp\\)', 'Fin. (AVEC afp)']];
    for (const [source, text] of cases) {
      const re = new RegExp(source, 'i');
      expect(re.test(text)).toBe(true);
      expect(patternWords(re)?.test(text)).toBe(true);
    }
  });
});

describe('anyMatches', () => {
  test('agrees with trying every pattern, for patterns mixing anchored and unanchored alternatives', () => {
    const patterns = [/\bDMCA\b|^(cet article|this article)\b.{0,20}\b(IA|AI)\b/i, /^(x+)-\1|y:/, /^menu$/i, /cookies?\b.{0,9}accept|\bwe use\b.{0,9}cookies/i];
    const piece = fc.constantFrom('DMCA', 'dmca', 'cet article', 'This Article', ' ', 'IA', 'ai', 'x', '-', 'y:', 'menu', 'MENU', 'cookies', 'accept', 'we use', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        expect(anyMatches(patterns, text)).toBe(patterns.some((re) => re.test(text)));
      }),
      { numRuns: 3000 },
    );
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
    const patterns = [...rules.lines, ...rules.headerLines, ...rules.inline, ...rules.blocks.map((b) => b.start)].filter((re) => requiredCharacter(re) !== undefined || patternFirstUnits(re) !== undefined || patternWords(re) !== undefined);
    const piece = fc.constantFrom(
      'Par', 'par', 'Jean', 'Dupont', 'Kim', 'AFP', 'Reuters', 'avec', 'with', '(', ')', '[', ']', ':', ',', '/', '|', '-', '.', ' ', '  ', 'Photo', 'Source',
      'envoyé spécial', 'correspondant', 'page', 'txt', 'x', 'de', 'et', '»', '!', 'plugin-autotooltip', 'dernière modification', 'Tags', 'SÉOUL', '2025', 'Le Monde',
      'Publié le', 'publié', 'Mis à jour', 'Lire aussi', 'à lire aussi', 'À', 'Crédits', '©', '(c)', 'Menu', 'MENU', 'Partager', 'Share', 'Kommentar', 'Suche', 'ſ', 'K',
      'cookies', 'Cookie', 'COOKIES', 'we use', 'We use', 'nous utilisons', 'accepter', 'DMCA', 'dmca', 'this article was', 'This Article Was', 'IA', 'AI', 'intelligence artificielle',
      'last modified', 'Last Modified', 'dernière modification', 'mit', 'with', 'Avec', '×', '5 min de lecture', 'https://x.org/a', 'www.', 'Auteur', 'Écrit', 'écrit', 'Newsletter', 'Abonnez-vous', 'Publicité', 'Transparenz', 'Cet article', '\u00a0', '\t',
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

describe('pattern filters on random patterns', () => {
  test('never refuse a text the pattern matches, and anyMatches agrees with the pattern', () => {
    const atom = fc.constantFrom('a', 'b', 'é', 'K', 's', ':', '-', ' ', '\\(', '\\)', '\\.', '[ab]', '[^a]', '\\s', '\\d', '\\w', '\\b', '.', '(?:ab|c)', '(a|)', '(?<=a)', '(?!b)', '^', '$');
    const quantifier = fc.constantFrom('', '', '', '?', '*', '+', '{2}', '{0,2}', '{1,3}');
    const source = fc.array(fc.tuple(atom, quantifier), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([a, q]) => (q && ['^', '$', '\\b', '(?<=a)', '(?!b)'].includes(a) ? a : a + q)).join(''));
    const alternation = fc.array(source, { minLength: 1, maxLength: 3 }).map((alts) => alts.join('|'));
    const flags = fc.constantFrom('', 'i', 'u', 'iu');
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'é', 'É', 'k', 'K', 'K', 's', 'ſ', 'S', ':', '-', ' ', '(', ')', '.', '1', '_'), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(alternation, flags, fc.array(text, { minLength: 1, maxLength: 5 }), (src, fl, texts) => {
        let re: RegExp;
        try {
          re = new RegExp(src, fl);
        } catch {
          return;
        }
        for (const t of texts) {
          const matches = re.test(t);
          if (matches) expect(mayMatch(re, t)).toBe(true);
          expect(anyMatches([re], t)).toBe(matches);
        }
      }),
      { numRuns: 4000 },
    );
  });
});
