/**
 * normalizeText skips its four replacement passes on a text that holds none
 * of the characters they change; the result must be the one of the passes
 * run unconditionally, whatever the text (NFC included: it must never make
 * such a character out of others).
 */
import fc from 'fast-check';
import { normalizeText } from '../../src/corpus';

/** normalizeText as it was, every pass always run. */
function reference(text: string): string {
  if (text.length === 0) return '';
  let out = (text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n')).replace(/[\u2028\u2029\u0085]/g, '\n');
  out = out.normalize('NFC');
  out = out.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '').replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\v\f]/g, ' ');
  if (out.includes('  ')) out = out.replace(/ {2,}/g, ' ');
  if (out.includes(' \n') || out.includes('\n ')) out = out.replace(/ ?\n ?/g, '\n');
  return out;
}

describe('normalizeText', () => {
  test('agrees with every pass run, for each character of the Basic Multilingual Plane in context', () => {
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const unit = String.fromCharCode(code);
      for (const text of [`e${unit}\u0301 b`, ` ${unit} `, `a\n${unit}\u0301 `, `${unit}\u0327 \n`]) {
        if (normalizeText(text) !== reference(text)) differing.push(code.toString(16));
      }
    }
    expect(differing).toEqual([]);
  });

  test('agrees on random texts of spaces, controls, separators and combining marks', () => {
    const piece = fc.constantFrom('a', 'é', 'e\u0301', ' ', '  ', '\n', '\r\n', '\r', '\u00a0', '\u2009', '\u200b', '\ufeff', '\u2028', '\u0085', '\t', '\u0007', '\u2000', 'Å', 'A\u030a', '\u212b', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(normalizeText(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
