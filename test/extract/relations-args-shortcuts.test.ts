/**
 * The argument searches answer some questions without the RegExps or
 * replacements they used to run: where a preposition last matches in a slice
 * (an indexOf scan), and whether a gap between two mentions can be a list
 * separator (a word check before the replacements). On random text built from
 * the pieces that matter, the answers are those of the reference readings.
 */
import fc from 'fast-check';
import type { SentenceMention } from '../../src/extract/claims';
import { fold, foldPattern } from '../../src/extract/claims';
import { getRelationLexicon } from '../../src/extract/relations';
import { lastPrepEnd, readSeparator } from '../../src/extract/relations/args';
import type { SentenceContext } from '../../src/extract/relations/context';
import { makeKb } from './relations-fixtures';

const lex = getRelationLexicon(makeKb());

/** The last match end of the word-guarded preposition RegExp in the slice, as the searches computed it before. */
function referencePrepEnd(folded: string, from: number, to: number, prep: string): number {
  const guard = /[a-z]/.test(prep) ? '(?:^|[^a-z0-9œæ])' : '';
  const re = new RegExp(`${guard}${prep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9œæ])`, 'g');
  let last = -1;
  for (const m of folded.slice(from, to).matchAll(re)) last = (m.index ?? 0) + m[0].length;
  return last;
}

/** The separator as readCoordination computed it before the word check (same replacements, same lexicon). */
function referenceSeparator(raw: string): string | undefined {
  const between = raw
    .replace(lex.fillerRe, ' ')
    .replace(/(?:^|\s)(?:a|au|aux|en|de|du|des|d'|avec|contre|pour|par)(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const normal = between.replace(/\s*,\s*/g, ', ').replace(/, $/, ',').trim();
  return lex.coordinators.has(normal) ? normal : undefined;
}

function mention(start: number, end: number, type: SentenceMention['type'] = 'Country'): SentenceMention {
  return { entityId: `e${start}`, type, label: 'x', start, end, surface: 'X', demonym: false };
}

describe('lastPrepEnd', () => {
  const preps = ['a', 'au', 'aux', 'de', "d'", 'en direction de', 'aux cotes de', ',', 'a a', 'de de', ', ,'];
  // Few letters, so that preposition occurrences touch and overlap (a match consumes the character before it).
  const piece = fc.oneof(fc.constantFrom(...preps), fc.constantFrom('a', 'de', ' ', ' ', "'", ',', 'x', 'e', '-'));

  test('skips an occurrence whose guard the previous match took', () => {
    expect(lastPrepEnd('a a a', 0, 5, 'a a')).toBe(3);
    expect(lastPrepEnd('x a a a', 1, 7, 'a a')).toBe(4);
    expect(lastPrepEnd(',,,', 0, 3, ',,')).toBe(2);
  });

  test('finds the end of the last match the guarded RegExp scan finds', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.constantFrom(...preps), fc.nat(), fc.nat(), (pieces, prep, a, b) => {
        const text = pieces.join('');
        const from = text.length ? a % (text.length + 1) : 0;
        const to = from + (b % (text.length - from + 1));
        expect(lastPrepEnd(text, from, to, prep)).toBe(referencePrepEnd(text, from, to, prep));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('readSeparator', () => {
  const words = [...new Set(['et', 'ou', 'ainsi que', 'son homologue', 'sa homologue', 'le', 'la', "l'", 'de', 'des', 'du', "d'", 'avec', 'a', 'au', 'par', 'pour', 'contre', 'les', 'notamment', 'regime de', 'x', 'livre', 'dirigeant', 'président'].map((w) => fold(foldPattern(w))))];
  const gap = fc.array(fc.tuple(fc.constantFrom(...words, ',', '-', '/', '«', '»', '"'), fc.constantFrom(' ', '', '  ', ', ')), { maxLength: 6 });

  test('gives the separator of the full replacements, or none', () => {
    fc.assert(
      fc.property(gap, (parts) => {
        const raw = parts.map(([w, s]) => w + s).join('');
        const folded = `russie${raw}japon`;
        const a = mention(0, 6);
        const b = mention(6 + raw.length, folded.length);
        const ctx = { folded, allMentions: [a, b], mentions: [a, b] } as unknown as SentenceContext;
        expect(readSeparator(ctx, a, b, lex)).toBe(referenceSeparator(raw));
      }),
      { numRuns: 5000 },
    );
  });

  test('reads the usual separators', () => {
    const ctx = (folded: string) => ({ folded, allMentions: [], mentions: [] }) as unknown as SentenceContext;
    expect(readSeparator(ctx('russie, japon'), mention(0, 6), mention(8, 13), lex)).toBe(',');
    expect(readSeparator(ctx('russie et le japon'), mention(0, 6), mention(13, 18), lex)).toBe('et');
    expect(readSeparator(ctx('russie livre au japon'), mention(0, 6), mention(16, 21), lex)).toBeUndefined();
  });
});
