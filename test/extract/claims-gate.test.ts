/**
 * The literal gate only ever says "no match" for a RegExp that has none: on
 * random text built from the words of the lexicon patterns, every RegExp the
 * gate closes finds nothing in the text nor in any slice of it from its start.
 */
import fc from 'fast-check';
import { fold, getClaimLexicon, literalGate, mayMatch } from '../../src/extract/claims';
import { getRelationLexicon } from '../../src/extract/relations';
import { makeKb } from './relations-fixtures';

const kb = makeKb();
const claimGate = getClaimLexicon(kb).gate;
const relationGate = getRelationLexicon(kb).gate;

function matches(re: RegExp, text: string): boolean {
  const probe = new RegExp(re.source, re.flags.replace('g', ''));
  return probe.test(text);
}

describe('literal gate', () => {
  const gates = [claimGate, relationGate];
  // Words cut from the patterns themselves, so that random texts hit the patterns and their near misses.
  const pieces = [...new Set(gates.flatMap((g) => g.res.flatMap((re) => re.source.split(/[^a-z0-9' -]+/))).filter((w) => w.trim().length > 0))];
  const piece = fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', ', ', "'", '-', 'x', 'e', '2', '12', 'de ', '« '));

  test('closes only patterns that find nothing in the text or a slice of it from the start', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.nat(), (parts, cut) => {
        const text = fold(parts.join(''));
        const end = text.length ? cut % (text.length + 1) : 0;
        for (const gate of gates) {
          for (const re of gate.res) {
            if (mayMatch(gate, re, text)) continue;
            expect(matches(re, text)).toBe(false);
            expect(matches(re, text.slice(0, end))).toBe(false);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('opens a pattern whose opening stands at a word start, keeps one closed inside a word', () => {
    const gate = literalGate([/(?<![a-z0-9œæ])(?:selon|d'apres)(?![a-z0-9œæ])/g, /\bmais\b/, /(?:a|b)+/]);
    const [selon, mais, loose] = gate.res;
    expect(mayMatch(gate, selon, 'il a dit, selon lui')).toBe(true);
    expect(mayMatch(gate, selon, 'xselon')).toBe(false);
    expect(mayMatch(gate, mais, 'mais oui')).toBe(true);
    expect(mayMatch(gate, mais, 'jamais')).toBe(false);
    // A pattern without a word guard is never closed.
    expect(mayMatch(gate, loose, 'zzz')).toBe(true);
  });

  test('gates the lexicon patterns that open with literal words', () => {
    expect(claimGate.always.length).toBeLessThan(claimGate.res.length);
    expect(relationGate.always).toEqual([]);
  });
});
